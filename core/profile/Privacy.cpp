#include "Privacy.h"

#include "ProfileReader.h"
#include "ProfileRecord.h"

#include "common/TextFold.h"
#include "common/Time.h"
#include "identity/MergeRules.h"
#include "store/Database.h"
#include "store/PragmaScope.h"
#include "store/StoreError.h"

#include <nlohmann/json.hpp>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

namespace clientele {

namespace {

using nlohmann::json;

/// Tables erase() clears by name; every other table with a profile_id column is swept.
constexpr std::string_view kHandledTables[] = { "profiles", "events", "identities", "consents",
    "merges", "merge_refusals", "merge_identities", "import_rejects", "erasures" };

std::string digitsOf(std::string_view text)
{
    std::string digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            digits += c;
    }
    return digits;
}

/**
 * Recognises text that names the person: one of their identifier values (case-folded), a
 * phone number's national digits however they were spaced, or first and last name together.
 */
class PersonMatcher {
public:
    void addIdentifier(const std::string &kind, const std::string &value)
    {
        if (value.size() >= 3)
            values_.push_back(TextFold::fold(value));
        if (kind == IdentityKind::Phone) {
            using i18n::phonenumbers::PhoneNumber;
            using i18n::phonenumbers::PhoneNumberUtil;
            PhoneNumber number;
            if (PhoneNumberUtil::GetInstance()->Parse(value, "ZZ", &number)
                == PhoneNumberUtil::NO_PARSING_ERROR) {
                const std::string national = std::to_string(number.national_number());
                if (national.size() >= 6)
                    phoneDigits_.push_back(national);
            }
        }
    }

    void setName(const std::string &first, const std::string &last)
    {
        if (!first.empty() && !last.empty()) {
            firstName_ = TextFold::fold(first);
            lastName_ = TextFold::fold(last);
        }
    }

    bool matches(std::string_view text) const
    {
        if (text.empty())
            return false;
        const std::string folded = TextFold::fold(text);
        for (const std::string &value : values_) {
            if (folded.find(value) != std::string::npos)
                return true;
        }
        if (!firstName_.empty() && folded.find(firstName_) != std::string::npos
            && folded.find(lastName_) != std::string::npos)
            return true;
        if (!phoneDigits_.empty()) {
            const std::string digits = digitsOf(text);
            for (const std::string &phone : phoneDigits_) {
                if (digits.find(phone) != std::string::npos)
                    return true;
            }
        }
        return false;
    }

    bool isValue(const std::string &value) const
    {
        const std::string folded = TextFold::fold(value);
        for (const std::string &own : values_) {
            if (folded == own)
                return true;
        }
        return false;
    }

private:
    std::vector<std::string> values_;
    std::vector<std::string> phoneDigits_;
    std::string firstName_;
    std::string lastName_;
};

std::vector<std::string> tablesWithProfileColumn(Database &db)
{
    std::vector<std::string> tables;
    auto names = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    std::vector<std::string> all;
    while (names.step())
        all.push_back(names.columnText(0));
    for (const std::string &name : all) {
        if (std::find(std::begin(kHandledTables), std::end(kHandledTables), name)
            != std::end(kHandledTables))
            continue;
        auto columns = db.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = 'profile_id'");
        columns.bind(1, name);
        if (columns.step())
            tables.push_back(name);
    }
    return tables;
}

} // namespace

ErasureSummary Privacy::erase(Database &db, std::int64_t profileId, std::string_view reason)
{
    ErasureSummary summary;
    {
        PragmaScope secureDelete(db, "secure_delete", 1);
        Transaction transaction(db);

        PersonMatcher person;
        {
            auto profile = db.prepare("SELECT first_name, last_name FROM profiles WHERE id = ?1");
            profile.bind(1, profileId);
            if (!profile.step())
                throw std::invalid_argument(
                    "There is no profile " + std::to_string(profileId) + ".");
            person.setName(profile.columnText(0), profile.columnText(1));
        }
        {
            auto identities
                = db.prepare("SELECT kind, value FROM identities WHERE profile_id = ?1");
            identities.bind(1, profileId);
            while (identities.step())
                person.addIdentifier(identities.columnText(0), identities.columnText(1));
        }
        // The profile and every profile merged into it (their ids appear in merge rows).
        const std::unordered_set<std::int64_t> formed = ProfileReader(db).formedBy(profileId);

        // Merge history: one pass, decided here (values may hide in the reason text).
        std::unordered_set<std::int64_t> mergesToDelete;
        std::vector<std::pair<std::int64_t, std::int64_t>> reverts; ///< row, the row it reverts
        {
            auto merges = db.prepare("SELECT id, kept_profile_id, merged_profile_id, "
                                     "identity_value, reason, reverts_id FROM merges");
            while (merges.step()) {
                const std::int64_t id = merges.columnInt(0);
                if (!merges.isNull(5))
                    reverts.emplace_back(id, merges.columnInt(5));
                if (formed.count(merges.columnInt(1)) || formed.count(merges.columnInt(2))
                    || person.isValue(merges.columnText(3)) || person.matches(merges.columnText(4)))
                    mergesToDelete.insert(id);
            }
        }
        {
            auto forget = db.prepare("UPDATE merges SET reverts_id = NULL WHERE id = ?1");
            for (const auto &[row, reverted] : reverts) {
                if (mergesToDelete.count(reverted) && !mergesToDelete.count(row))
                    forget.bind(1, row).run();
            }
            auto identitiesOf = db.prepare("DELETE FROM merge_identities WHERE merge_id = ?1");
            auto remove = db.prepare("DELETE FROM merges WHERE id = ?1");
            for (const std::int64_t id : mergesToDelete) {
                identitiesOf.bind(1, id).run();
                remove.bind(1, id).run();
                ++summary.merges;
            }
            // Surviving merges that listed one of its identities (moved by a later split):
            // one statement, as merge_identities has no index by identity.
            db.prepare("DELETE FROM merge_identities WHERE identity_id IN "
                       "(SELECT id FROM identities WHERE profile_id = ?1)")
                .bind(1, profileId)
                .run();
        }
        {
            std::vector<std::int64_t> refusals;
            auto query = db.prepare("SELECT id, profile_id, other_profile_id, identity_value, "
                                    "reason FROM merge_refusals");
            while (query.step()) {
                if (formed.count(query.columnInt(1))
                    || (!query.isNull(2) && formed.count(query.columnInt(2)))
                    || person.isValue(query.columnText(3)) || person.matches(query.columnText(4)))
                    refusals.push_back(query.columnInt(0));
            }
            auto remove = db.prepare("DELETE FROM merge_refusals WHERE id = ?1");
            for (const std::int64_t id : refusals)
                remove.bind(1, id).run();
            summary.refusals = static_cast<std::int64_t>(refusals.size());
        }
        {
            // Rejected lines were never linked to a profile: only their text can tell.
            std::vector<std::int64_t> rejects;
            auto query = db.prepare("SELECT rowid, reason, raw FROM import_rejects");
            while (query.step()) {
                if (person.matches(query.columnText(2)) || person.matches(query.columnText(1)))
                    rejects.push_back(query.columnInt(0));
            }
            auto remove = db.prepare("DELETE FROM import_rejects WHERE rowid = ?1");
            for (const std::int64_t id : rejects)
                remove.bind(1, id).run();
            summary.rejects = static_cast<std::int64_t>(rejects.size());
        }
        for (const std::string &table : tablesWithProfileColumn(db)) {
            db.prepare("DELETE FROM " + quoteIdentifier(table) + " WHERE profile_id = ?1")
                .bind(1, profileId)
                .run();
            summary.otherRows += db.changes();
        }
        const auto removeOf = [&db, profileId](const char *sql) {
            db.prepare(sql).bind(1, profileId).run();
            return static_cast<std::int64_t>(db.changes());
        };
        summary.events = removeOf("DELETE FROM events WHERE profile_id = ?1");
        summary.identities = removeOf("DELETE FROM identities WHERE profile_id = ?1");
        summary.consents = removeOf("DELETE FROM consents WHERE profile_id = ?1");
        removeOf("DELETE FROM profiles WHERE id = ?1");

        db.prepare("INSERT INTO erasures(ts, profile_id, reason, events_deleted, "
                   "identities_deleted, consents_deleted, merges_deleted, refusals_deleted, "
                   "rejects_deleted, other_rows_deleted) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
            .bind(1, nowMillis())
            .bind(2, profileId)
            .bind(3, reason.empty() ? std::optional<std::string_view>() : reason)
            .bind(4, summary.events)
            .bind(5, summary.identities)
            .bind(6, summary.consents)
            .bind(7, summary.merges)
            .bind(8, summary.refusals)
            .bind(9, summary.rejects)
            .bind(10, summary.otherRows)
            .run();
        summary.erasureId = db.lastInsertRowId();
        transaction.commit();
    }
    // The old pages may still sit in the write-ahead log; copy the zeroed ones over them.
    // Best effort: a reader holding the log keeps it until it lets go.
    try {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const StoreError &) {
    }
    return summary;
}

json Privacy::accessExport(Database &db, std::int64_t profileId)
{
    Transaction snapshot(db, Transaction::Kind::Deferred);
    ProfileReader reader(db);
    const auto record = reader.load(profileId);
    if (!record)
        throw std::invalid_argument("There is no profile " + std::to_string(profileId) + ".");
    json document = profileRecordJson(*record);
    document["format"] = "clientele-access-export";
    document["version"] = 1;
    document["exported_at"] = formatIsoDateTime(nowMillis());
    document["traits"]
        = db.hasTable("profile_traits") ? storedTraitsJson(db, profileId) : json(nullptr);
    json events = json::array();
    for (const TimelineEvent &event : reader.allEvents(profileId))
        events.push_back(timelineEventJson(event));
    document["events"] = std::move(events);
    snapshot.commit();
    return document;
}

void Privacy::writeAccessExport(Database &db, std::int64_t profileId, const std::string &path)
{
    const json document = accessExport(db, profileId);
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("Cannot write '" + path + "'.");
        out << document.dump(2) << '\n';
        if (!out.flush())
            throw std::runtime_error("Writing '" + path + "' failed (is the disk full?).");
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        throw std::runtime_error("Cannot write '" + path + "': " + ec.message());
    }
}

} // namespace clientele
