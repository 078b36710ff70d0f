#include "JourneyRuntime.h"

#include "JourneyMessage.h"
#include "JourneyOutbox.h"
#include "JourneyReplay.h"
#include "JourneyValidator.h"

#include "export/DiscountCodes.h"
#include "segment/SegmentDefinition.h"
#include "segment/SegmentEvaluator.h"
#include "store/Database.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <optional>

namespace clientele {

using nlohmann::json;

namespace {

/// Adds joined to and removes left from the remembered members of a trigger segment.
void rememberMembers(Database &db, std::int64_t journeyId, const std::vector<std::int64_t> &joined,
    const std::vector<std::int64_t> &left)
{
    Statement add(
        db, "INSERT OR IGNORE INTO journey_members(journey_id, profile_id) VALUES (?1, ?2)");
    for (const std::int64_t profile : joined) {
        add.bind(1, journeyId).bind(2, profile);
        add.run();
    }
    Statement drop(db, "DELETE FROM journey_members WHERE journey_id = ?1 AND profile_id = ?2");
    for (const std::int64_t profile : left) {
        drop.bind(1, journeyId).bind(2, profile);
        drop.run();
    }
}

struct RunningJourney {
    std::int64_t id = 0;
    Journey journey;
    Millis clock = 0;
    std::int64_t lastEventId = 0;
    json stats;
};

/// The offer of a send in words, for the outbox and the message.
std::string offerText(const json &offer)
{
    if (offer.value("kind", std::string()) == "discount") {
        char text[32];
        std::snprintf(text, sizeof text, "%g %% off", offer.value("percent", 0.0));
        return text;
    }
    return offer.value("reward", std::string());
}

/**
 * A running journey's side of the replay: state rows in and out, entries, and the outbox.
 */
class StoredRuntime : public replay::RuntimeSink {
public:
    StoredRuntime(Database &db, const RunningJourney &journey, Millis now)
        : db_(db)
        , journey_(journey)
        , now_(now)
        , due_(db, "SELECT profile_id FROM journey_state WHERE journey_id = ?1 AND wake_at <= ?2")
        , load_(db, "SELECT state FROM journey_state WHERE journey_id = ?1 AND profile_id = ?2")
        , save_(db,
              "INSERT OR REPLACE INTO journey_state(journey_id, profile_id, node, wake_at, state, "
              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        , drop_(db, "DELETE FROM journey_state WHERE journey_id = ?1 AND profile_id = ?2")
        , enter_(db,
              "INSERT INTO journey_entries(journey_id, profile_id, entered_at) VALUES (?1, ?2, ?3)")
        , holdOut_(db, "UPDATE journey_entries SET held_out = 1 WHERE id = ?1")
        , leave_(db,
              "UPDATE journey_entries SET left_at = ?2, converted_at = CASE WHEN ?3 THEN ?2 END "
              "WHERE id = ?1 AND left_at IS NULL")
        , countMessage_(db, "UPDATE journey_entries SET messages = messages + 1 WHERE id = ?1")
        , contact_(db,
              "SELECT t.email, t.phone, (SELECT value FROM identities i WHERE i.profile_id = ?1 "
              "AND i.kind = 'anonymous_id' ORDER BY first_seen DESC LIMIT 1) "
              "FROM profile_traits t WHERE t.profile_id = ?1")
        , outbox_(db)
        , codes_(db)
        , tag_(db,
              "INSERT INTO profile_tags(profile_id, tag, journey_id, ts) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT(profile_id, tag) DO UPDATE SET journey_id = excluded.journey_id, "
              "ts = excluded.ts")
        , messageValues_(db)
    {
    }

    std::int64_t afterEventId() const override { return journey_.lastEventId; }
    Millis previousClock() const override { return journey_.clock; }

    std::vector<std::int64_t> dueProfiles(Millis clock) override
    {
        std::vector<std::int64_t> profiles;
        due_.reset();
        due_.bind(1, journey_.id).bind(2, clock);
        while (due_.step())
            profiles.push_back(due_.columnInt(0));
        return profiles;
    }

    std::optional<replay::ShopperState> load(std::int64_t profile) override
    {
        load_.reset();
        load_.bind(1, journey_.id).bind(2, profile);
        if (!load_.step())
            return std::nullopt;
        return replay::ShopperState::fromJson(json::parse(load_.columnView(0)));
    }

    void save(std::int64_t profile, const replay::ShopperState &state) override
    {
        const Millis wake = state.wakeAt();
        if (!state.active && wake == replay::kNever && state.lastEntry == replay::kNever
            && state.sendTimes.empty()) {
            drop_.bind(1, journey_.id).bind(2, profile);
            drop_.run();
            return;
        }
        save_.bind(1, journey_.id).bind(2, profile);
        if (state.active)
            save_.bind(3, state.node);
        else
            save_.bindNull(3);
        if (wake != replay::kNever)
            save_.bind(4, wake);
        else
            save_.bindNull(4);
        save_.bind(5, state.toJson().dump()).bind(6, now_);
        save_.run();
    }

    std::int64_t entered(std::int64_t profile, Millis at) override
    {
        enter_.bind(1, journey_.id).bind(2, profile).bind(3, at);
        enter_.run();
        return db_.lastInsertRowId();
    }

    void heldOut(std::int64_t entryId) override
    {
        holdOut_.bind(1, entryId);
        holdOut_.run();
    }

    void left(std::int64_t entryId, Millis at, bool converted) override
    {
        leave_.bind(1, entryId).bind(2, at).bind(3, converted ? 1 : 0);
        leave_.run();
    }

    std::vector<std::int64_t> segmentEntrants(const std::vector<std::int64_t> &members) override
    {
        std::vector<std::int64_t> previous;
        {
            Statement query(db_,
                "SELECT profile_id FROM journey_members WHERE journey_id = ?1 ORDER BY profile_id");
            query.bind(1, journey_.id);
            while (query.step())
                previous.push_back(query.columnInt(0));
        }
        std::vector<std::int64_t> entrants;
        std::vector<std::int64_t> leavers;
        std::set_difference(members.begin(), members.end(), previous.begin(), previous.end(),
            std::back_inserter(entrants));
        std::set_difference(previous.begin(), previous.end(), members.begin(), members.end(),
            std::back_inserter(leavers));
        rememberMembers(db_, journey_.id, entrants, leavers);
        return entrants;
    }

    void tagged(std::int64_t profile, const std::string &tag, Millis at) override
    {
        tag_.bind(1, profile).bind(2, tag).bind(3, journey_.id).bind(4, at);
        tag_.run();
    }

    void sent(std::int64_t profile, std::int64_t entryId, const JourneyNode &node, Millis at,
        const std::string &cart) override
    {
        const json &config = node.config;
        const std::string channel = config.at("channel").get<std::string>();
        const auto values = messageValues_.of(profile, cart);
        OutboxDraft message;
        message.journeyId = journey_.id;
        message.node = node.id;
        message.profileId = profile;
        message.channel = channel;
        message.address = address(profile, channel);
        message.subject = JourneyMessage::render(config.value("subject", std::string()), values);
        message.body = JourneyMessage::render(config.value("body", std::string()), values);
        if (config.contains("offer"))
            message.offer = offerText(config.at("offer"));
        message.dueAt = at;
        message.createdAt = now_;
        const std::int64_t messageId = outbox_.append(message);
        if (config.contains("offer") && config.at("offer").contains("code_pattern"))
            issueCode(config.at("offer").at("code_pattern").get<std::string>(), profile, messageId);
        countMessage_.bind(1, entryId);
        countMessage_.run();
    }

private:
    std::string address(std::int64_t profile, const std::string &channel)
    {
        contact_.reset();
        contact_.bind(1, profile);
        if (!contact_.step())
            return {};
        const int column = channel == "sms" ? 1 : channel == "push" ? 2 : 0;
        if (channel == "banner" || contact_.isNull(column))
            return {};
        return contact_.columnText(column);
    }

    /// A code unique in the workspace (the primary key refuses a repeat; issue() draws again).
    void issueCode(const std::string &pattern, std::int64_t profile, std::int64_t messageId)
    {
        auto found = patterns_.find(pattern);
        if (found == patterns_.end())
            found = patterns_.emplace(pattern, DiscountCodePattern(pattern)).first;
        const std::string code = found->second.issue([&](const std::string &candidate) {
            return codes_.recordForMessage(candidate, profile, messageId, now_);
        });
        outbox_.setCode(messageId, code);
    }

    Database &db_;
    const RunningJourney &journey_;
    Millis now_;
    Statement due_;
    Statement load_;
    Statement save_;
    Statement drop_;
    Statement enter_;
    Statement holdOut_;
    Statement leave_;
    Statement countMessage_;
    Statement contact_;
    OutboxWriter outbox_;
    DiscountCodeLedger codes_;
    Statement tag_;
    MessageValues messageValues_;
    std::map<std::string, DiscountCodePattern> patterns_;
};

/// Adds the numbers of addition into total, key by key (the journey's running counts).
void addCounts(json &total, const json &addition)
{
    for (const auto &[key, value] : addition.items()) {
        json &sum = total[key];
        if (value.is_object()) {
            if (!sum.is_object())
                sum = json::object();
            addCounts(sum, value);
        } else if (value.is_number_integer() && (sum.is_null() || sum.is_number_integer())) {
            sum = (sum.is_null() ? 0 : sum.get<std::int64_t>()) + value.get<std::int64_t>();
        } else if (value.is_number()) {
            sum = (sum.is_number() ? sum.get<double>() : 0.0) + value.get<double>();
        }
    }
}

AdvanceSummary advanceJourney(Database &db, RunningJourney &running, ProgressSink *progress)
{
    AdvanceSummary summary;
    if (!JourneyValidator::validate(running.journey).empty())
        return summary; // a journey that is on always validates (JourneyStore)
    Statement newest(db, "SELECT max(id), max(ts) FROM events WHERE id > ?1");
    newest.bind(1, running.lastEventId);
    newest.step();
    const std::int64_t lastEventId = newest.isNull(0) ? running.lastEventId : newest.columnInt(0);
    const Millis clock
        = newest.isNull(1) ? running.clock : std::max(running.clock, newest.columnInt(1));

    StoredRuntime runtime(db, running, nowMillis());
    replay::Window window;
    window.dataEnd = clock + 1;
    const SimulationResult result = replay::run(db, running.journey, window, &runtime, progress);

    json counts = result.toJson();
    json addition = { { "entered", counts["entered"] }, { "conversions", counts["conversions"] },
        { "revenue", counts["revenue"] }, { "offer_cost", counts["offer_cost"] },
        { "nodes", counts["nodes"] }, { "channels", counts["channels"] } };
    addCounts(running.stats, addition);
    Statement update(
        db, "UPDATE journeys SET clock = ?2, last_event_id = ?3, stats = ?4 WHERE id = ?1");
    update.bind(1, running.id).bind(2, clock).bind(3, lastEventId).bind(4, running.stats.dump());
    update.run();

    summary.entered = result.entered;
    for (const auto &[channel, channelCounts] : result.channels)
        summary.messages += channelCounts.sent;
    return summary;
}

} // namespace

void JourneyRuntime::rememberTriggerSegment(
    Database &db, std::int64_t journeyId, const Journey &journey)
{
    Statement clear(db, "DELETE FROM journey_members WHERE journey_id = ?1");
    clear.bind(1, journeyId);
    clear.run();
    for (const JourneyNode &node : journey.nodes) {
        if (node.kind != JourneyKind::kEntry || !node.config.contains("trigger")
            || !node.config.at("trigger").contains("segment"))
            continue;
        SegmentEvaluator evaluator(db);
        const std::vector<std::int64_t> members
            = evaluator.ids(SegmentDefinition::fromJson(node.config.at("trigger").at("segment")));
        rememberMembers(db, journeyId, members, {});
    }
}

AdvanceSummary JourneyRuntime::advanceAll(Database &db, ProgressSink *progress)
{
    if (!db.hasTable("journeys"))
        return {};
    TransactionUnlessOpen transaction(db);
    std::vector<RunningJourney> journeys;
    {
        Statement query(db,
            "SELECT id, name, definition, coalesce(clock, 0), last_event_id, stats "
            "FROM journeys WHERE active = 1 ORDER BY id");
        while (query.step()) {
            RunningJourney running;
            running.id = query.columnInt(0);
            running.journey = Journey::fromText(query.columnText(2));
            running.journey.name = query.columnText(1);
            running.clock = query.columnInt(3);
            running.lastEventId = query.columnInt(4);
            running.stats = json::parse(query.columnView(5));
            journeys.push_back(std::move(running));
        }
    }
    AdvanceSummary total;
    for (RunningJourney &running : journeys) {
        const AdvanceSummary one = advanceJourney(db, running, progress);
        total.entered += one.entered;
        total.messages += one.messages;
    }
    transaction.commit();
    return total;
}

} // namespace clientele
