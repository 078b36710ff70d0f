#include "SegmentStore.h"

#include <nlohmann/json.hpp>

#include "FieldRegistry.h"
#include "SegmentEvaluator.h"
#include "SegmentValidator.h"

#include "store/Database.h"

namespace clientele {

namespace {

constexpr const char *kColumns = "id, name, description, definition, created_at, updated_at";

SavedSegment readSegment(const Statement &row)
{
    SavedSegment segment;
    segment.id = row.columnInt(0);
    segment.name = row.columnText(1);
    segment.description = row.columnText(2);
    segment.definition = SegmentDefinition::fromText(row.columnText(3));
    segment.createdAt = row.columnInt(4);
    segment.updatedAt = row.columnInt(5);
    return segment;
}

} // namespace

SegmentStore::SegmentStore(Database &db)
    : db_(db)
{
}

std::vector<SavedSegment> SegmentStore::list()
{
    auto query = db_.prepare(std::string("SELECT ") + kColumns + " FROM segments ORDER BY name");
    std::vector<SavedSegment> segments;
    while (query.step())
        segments.push_back(readSegment(query));
    return segments;
}

std::optional<SavedSegment> SegmentStore::find(const std::string &name)
{
    auto query = db_.prepare(std::string("SELECT ") + kColumns + " FROM segments WHERE name = ?1");
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    return readSegment(query);
}

std::int64_t SegmentStore::save(const std::string &name, const SegmentDefinition &definition,
    const std::string &description, Millis now)
{
    if (name.empty() || name.size() > 200 || name.find('\0') != std::string::npos)
        throw SegmentError("", "A segment needs a name of 1 to 200 characters.");
    ValidationOptions options;
    options.selfName = name;
    auto issues = SegmentValidator(FieldRegistry::standard(), this).validate(definition, options);
    if (!issues.empty())
        throw SegmentError(std::move(issues));
    db_.prepare("INSERT INTO segments(name, description, definition, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(name) DO UPDATE SET "
                "description = excluded.description, definition = excluded.definition, "
                "updated_at = excluded.updated_at")
        .bind(1, name)
        .bind(2, description)
        .bind(3, definition.toJson().dump())
        .bind(4, now)
        .run();
    auto id = db_.prepare("SELECT id FROM segments WHERE name = ?1");
    id.bind(1, name);
    id.step();
    return id.columnInt(0);
}

namespace {

/// Points every membership condition of a rule tree at newName instead of oldName; true
/// when something changed.
bool renameMembership(nlohmann::json &node, const std::string &oldName, const std::string &newName)
{
    bool changed = false;
    if (node.is_object()) {
        const auto type = node.find("type");
        const auto segment = node.find("segment");
        if (type != node.end() && *type == "segment" && segment != node.end()
            && *segment == oldName) {
            *segment = newName;
            changed = true;
        }
        for (auto &[key, value] : node.items())
            changed = renameMembership(value, oldName, newName) || changed;
    } else if (node.is_array()) {
        for (auto &value : node)
            changed = renameMembership(value, oldName, newName) || changed;
    }
    return changed;
}

} // namespace

std::int64_t SegmentStore::saveAs(const std::string &previousName, const std::string &name,
    const SegmentDefinition &definition, const std::string &description, Millis now)
{
    TransactionUnlessOpen transaction(db_);
    if (!previousName.empty() && previousName != name && find(previousName))
        rename(previousName, name, now);
    const std::int64_t id = save(name, definition, description, now);
    transaction.commit();
    return id;
}

void SegmentStore::rename(const std::string &oldName, const std::string &newName, Millis now)
{
    if (newName.empty() || newName.size() > 200 || newName.find('\0') != std::string::npos)
        throw SegmentError("", "A segment needs a name of 1 to 200 characters.");
    if (!find(oldName))
        throw SegmentError("", "There is no saved segment \"" + oldName + "\".");
    if (oldName == newName)
        return;
    remove(newName);
    db_.prepare("UPDATE segments SET name = ?2, updated_at = ?3 WHERE name = ?1")
        .bind(1, oldName)
        .bind(2, newName)
        .bind(3, now)
        .run();
    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    {
        auto all = db_.prepare("SELECT id, definition FROM segments");
        while (all.step()) {
            auto definition = nlohmann::json::parse(all.columnText(1), nullptr, false);
            if (!definition.is_discarded() && renameMembership(definition, oldName, newName))
                rewritten.emplace_back(all.columnInt(0), definition.dump());
        }
    }
    auto update = db_.prepare("UPDATE segments SET definition = ?2 WHERE id = ?1");
    for (const auto &[id, definition] : rewritten)
        update.bind(1, id).bind(2, definition).run();
}

bool SegmentStore::remove(const std::string &name)
{
    db_.prepare("DELETE FROM segments WHERE name = ?1").bind(1, name).run();
    return db_.changes() > 0;
}

std::vector<SegmentSize> SegmentStore::sizes(std::int64_t segmentId)
{
    auto query
        = db_.prepare("SELECT day, size FROM segment_sizes WHERE segment_id = ?1 ORDER BY day");
    query.bind(1, segmentId);
    std::vector<SegmentSize> sizes;
    while (query.step())
        sizes.push_back({ query.columnText(0), query.columnInt(1) });
    return sizes;
}

int SegmentStore::recordDailySizes(Database &db, Millis today)
{
    const std::string day = formatIsoDate(today);
    std::vector<std::pair<std::int64_t, SegmentDefinition>> due;
    {
        auto query = db.prepare("SELECT s.id, s.definition FROM segments AS s WHERE NOT EXISTS "
                                "(SELECT 1 FROM segment_sizes AS z WHERE z.segment_id = s.id "
                                "AND z.day = ?1) ORDER BY s.id");
        query.bind(1, day);
        while (query.step()) {
            try {
                due.emplace_back(
                    query.columnInt(0), SegmentDefinition::fromText(query.columnText(1)));
            } catch (const SegmentError &) {
                // A definition this version cannot read: no size for it.
            }
        }
    }
    SegmentStore store(db);
    SegmentEvaluator evaluator(db, &store);
    std::vector<std::pair<std::int64_t, std::int64_t>> sizes;
    for (const auto &[id, definition] : due) {
        try {
            sizes.emplace_back(id, evaluator.count(definition));
        } catch (const SegmentError &) {
            // No longer valid (an included segment was removed): skipped, not an error.
        }
    }
    Transaction transaction(db);
    auto insert = db.prepare(
        "INSERT OR IGNORE INTO segment_sizes(segment_id, day, size) VALUES (?1, ?2, ?3)");
    for (const auto &[id, size] : sizes)
        insert.bind(1, id).bind(2, day).bind(3, size).run();
    transaction.commit();
    return static_cast<int>(sizes.size());
}

} // namespace clientele
