#include "DiscountCodes.h"

#include "ExportError.h"

#include "store/Database.h"

#include <openssl/rand.h>

#include <cmath>

namespace clientele {

namespace {

char upper(char c)
{
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool isAlphanumeric(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

DiscountCodePattern::DiscountCodePattern(std::string_view pattern)
{
    if (pattern.empty() || pattern.size() > 64)
        throw ExportError("A discount-code pattern needs 1 to 64 characters, e.g. SAVE10-XXXXXX.");
    for (const char c : pattern) {
        const char u = upper(c);
        if (!isAlphanumeric(u) && u != '-' && u != '_') {
            throw ExportError("The discount-code pattern '" + std::string(pattern)
                + "' may only hold letters, digits, '-' and '_' (X for a random character).");
        }
        if (u == 'X')
            slots_.push_back(pattern_.size());
        pattern_.push_back(u);
    }
    if (!isAlphanumeric(pattern_.front())) {
        throw ExportError("The discount-code pattern '" + std::string(pattern)
            + "' must start with a letter or digit.");
    }
    if (randomCharacters() < kMinimumRandomCharacters) {
        throw ExportError("The discount-code pattern '" + std::string(pattern) + "' needs at least "
            + std::to_string(kMinimumRandomCharacters)
            + " X (random characters), or codes could be guessed.");
    }
}

double DiscountCodePattern::combinations() const
{
    return std::pow(static_cast<double>(kAlphabet.size()), randomCharacters());
}

void DiscountCodePattern::checkRoomFor(std::int64_t count) const
{
    if (combinations() < 100.0 * static_cast<double>(count)) {
        throw ExportError("The discount-code pattern '" + pattern_ + "' makes too few different "
            + "codes for " + std::to_string(count) + " shoppers; add more X.");
    }
}

std::uint8_t DiscountCodePattern::nextRandomByte()
{
    if (nextByte_ == randomBytes_.size()) {
        randomBytes_.resize(4096);
        if (RAND_bytes(randomBytes_.data(), static_cast<int>(randomBytes_.size())) != 1)
            throw ExportError("The system's random generator failed; no codes were made.");
        nextByte_ = 0;
    }
    return randomBytes_[nextByte_++];
}

std::string DiscountCodePattern::issue(const std::function<bool(const std::string &)> &record)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string code = generate();
        if (record(code))
            return code;
    }
    throw ExportError(
        "The discount-code pattern '" + pattern_ + "' has run out of unused codes; add more X.");
}

std::string DiscountCodePattern::generate()
{
    // 248 = 8 × 31: bytes above it are dropped so that every character is equally likely.
    constexpr unsigned kLimit = 256 - 256 % kAlphabet.size();
    std::string code = pattern_;
    for (const std::size_t slot : slots_) {
        unsigned byte = 0;
        do {
            byte = nextRandomByte();
        } while (byte >= kLimit);
        code[slot] = kAlphabet[byte % kAlphabet.size()];
    }
    return code;
}

std::optional<DiscountCodeRecord> DiscountCodes::trace(Database &db, std::string_view code)
{
    std::string key;
    for (const char c : code) {
        if (c != ' ' && c != '\t')
            key.push_back(upper(c));
    }
    auto query = db.prepare(
        "SELECT code, profile_id, export_id, created_at FROM discount_codes WHERE code = ?1");
    query.bind(1, key);
    if (!query.step())
        return std::nullopt;
    DiscountCodeRecord record;
    record.code = query.columnText(0);
    record.profileId = query.columnInt(1);
    record.exportId = query.columnInt(2);
    record.createdAt = query.columnInt(3);

    // Follow merges that are still in force: the code's shopper lives on in the kept profile.
    record.currentProfileId = record.profileId;
    auto mergedInto = db.prepare("SELECT kept_profile_id FROM merges WHERE merged_profile_id = ?1 "
                                 "AND action = 'merge' AND undone_at IS NULL "
                                 "ORDER BY id DESC LIMIT 1");
    auto exists = db.prepare("SELECT 1 FROM profiles WHERE id = ?1");
    for (int hops = 0; hops < 64; ++hops) {
        exists.bind(1, record.currentProfileId);
        const bool alive = exists.step();
        exists.reset();
        if (alive)
            break;
        mergedInto.bind(1, record.currentProfileId);
        if (!mergedInto.step())
            break;
        record.currentProfileId = mergedInto.columnInt(0);
        mergedInto.reset();
    }
    return record;
}

DiscountCodeLedger::DiscountCodeLedger(Database &db)
    : db_(db)
    , forExport_(db,
          "INSERT OR IGNORE INTO discount_codes(code, profile_id, export_id, created_at) "
          "VALUES (?1, ?2, ?3, ?4)")
    , forMessage_(db,
          "INSERT OR IGNORE INTO discount_codes(code, profile_id, outbox_id, created_at) "
          "VALUES (?1, ?2, ?3, ?4)")
{
}

bool DiscountCodeLedger::recordForExport(
    const std::string &code, ProfileId profile, std::int64_t exportId, Millis at)
{
    forExport_.bind(1, code).bind(2, profile).bind(3, exportId).bind(4, at);
    forExport_.run();
    return db_.changes() == 1;
}

bool DiscountCodeLedger::recordForMessage(
    const std::string &code, ProfileId profile, std::int64_t outboxId, Millis at)
{
    forMessage_.bind(1, code).bind(2, profile).bind(3, outboxId).bind(4, at);
    forMessage_.run();
    return db_.changes() == 1;
}

void DiscountCodeLedger::detachJourneyMessages(Database &db, std::int64_t journeyId)
{
    auto detach = db.prepare("UPDATE discount_codes SET outbox_id = NULL WHERE outbox_id IN "
                             "(SELECT id FROM outbox WHERE journey_id = ?1)");
    detach.bind(1, journeyId);
    detach.run();
}

} // namespace clientele
