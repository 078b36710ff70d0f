#include "Audience.h"

#include "ExportError.h"

#include "store/Database.h"

#include <charconv>
#include <fstream>
#include <unordered_set>

namespace clientele {

Audience Audience::all()
{
    Audience audience;
    audience.kind_ = Kind::All;
    audience.definition_ = { { "kind", "all" } };
    return audience;
}

std::int64_t Audience::countAll(Database &db)
{
    return db.queryInt("SELECT count(*) FROM profiles");
}

Audience Audience::profiles(std::vector<ProfileId> ids, nlohmann::json definition)
{
    Audience audience;
    audience.kind_ = Kind::Profiles;
    std::unordered_set<ProfileId> seen;
    seen.reserve(ids.size());
    audience.ids_.reserve(ids.size());
    for (const ProfileId id : ids) {
        if (seen.insert(id).second)
            audience.ids_.push_back(id);
    }
    audience.definition_
        = definition.is_object() ? std::move(definition) : nlohmann::json::object();
    audience.definition_["kind"] = "profiles";
    audience.definition_["count"] = audience.ids_.size();
    return audience;
}

Audience Audience::outbox(std::int64_t journeyId, std::string journeyName, std::string channel)
{
    Audience audience;
    audience.kind_ = Kind::Outbox;
    audience.outboxJourney_ = journeyId;
    audience.definition_ = { { "kind", "journey_outbox" }, { "journey", std::move(journeyName) },
        { "channel", channel } };
    audience.outboxChannel_ = std::move(channel);
    return audience;
}

Audience Audience::query(
    std::string sql, std::vector<AudienceParameter> parameters, nlohmann::json definition)
{
    Audience audience;
    audience.kind_ = Kind::Query;
    audience.query_ = Query { std::move(sql), std::move(parameters) };
    audience.definition_
        = definition.is_object() ? std::move(definition) : nlohmann::json::object();
    if (!audience.definition_.contains("kind"))
        audience.definition_["kind"] = "query";
    return audience;
}

std::vector<ProfileId> Audience::readIdFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ExportError("Cannot read the list of profile ids '" + path + "'.");
    std::vector<ProfileId> ids;
    std::string line;
    std::int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::string_view text(line);
        if (number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF")
            text.remove_prefix(3);
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
            text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
            text.remove_suffix(1);
        if (text.empty() || text.front() == '#')
            continue;
        ProfileId id = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
            throw ExportError("Line " + std::to_string(number) + " of '" + path
                + "' is not a profile id (a positive whole number): '" + std::string(text) + "'.");
        }
        ids.push_back(id);
    }
    if (in.bad())
        throw ExportError("Reading '" + path + "' failed.");
    return ids;
}

} // namespace clientele
