#pragma once

#include "common/Time.h"
#include "profile/ProfileTraits.h"
#include "store/Database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class Database;

/**
 * Unique discount codes from a pattern such as `SAVE10-XXXXXX`: every `X` becomes a random
 * character of an alphabet without look-alikes (no 0/O, 1/I/L), drawn from OpenSSL's
 * cryptographic generator so that codes cannot be guessed from each other. The rest of the
 * pattern is kept; the pattern is upper-cased, so `save10-xxxxxx` is the same pattern.
 *
 * Codes are recorded in discount_codes (code → profile, export, time) by the export that
 * hands them out; the primary key guarantees a code is never issued twice in a workspace,
 * and trace() finds the shopper a redeemed code went to.
 */
class DiscountCodePattern {
public:
    /// The 31 characters an X can become.
    static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /// Fewest X a pattern needs (31^4 = 923,521 codes).
    static constexpr int kMinimumRandomCharacters = 4;

    /// Throws ExportError when the pattern has other characters than letters, digits, '-'
    /// and '_', does not start with a letter or digit (a spreadsheet would take `-…` or `=…`
    /// for a formula), has fewer than kMinimumRandomCharacters X, or is longer than 64.
    explicit DiscountCodePattern(std::string_view pattern);

    const std::string &pattern() const { return pattern_; }
    int randomCharacters() const { return static_cast<int>(slots_.size()); }
    /// How many different codes the pattern can make.
    double combinations() const;
    /// Throws ExportError unless the pattern has room for count more codes with few
    /// collisions (at least 100 possible codes for every one handed out).
    void checkRoomFor(std::int64_t count) const;

    /// A new random code (not checked for uniqueness: the caller's insert does that).
    std::string generate();
    /**
     * A new code that record accepts: record stores the code (e.g. an INSERT OR IGNORE into
     * discount_codes) and returns false when the code was issued before, and another is
     * drawn. Throws ExportError when 100 draws in a row were taken: the pattern has run out
     * of unused codes.
     */
    std::string issue(const std::function<bool(const std::string &code)> &record);

private:
    std::uint8_t nextRandomByte();

    std::string pattern_;
    std::vector<std::size_t> slots_; ///< positions of the X
    std::vector<std::uint8_t> randomBytes_;
    std::size_t nextByte_ = 0;
};

/**
 * The one writer of discount_codes: codes issued to a shopper by an export or with a
 * journey's message, and the unlinking of the messages a removed journey takes along (the
 * codes stay traceable to their shopper). Writes through the caller's transaction.
 */
class DiscountCodeLedger {
public:
    explicit DiscountCodeLedger(Database &db);

    /// Records code as handed out to profile by the export; false when the workspace issued
    /// the code before (then nothing is written and the caller draws another).
    bool recordForExport(const std::string &code, ProfileId profile, std::int64_t exportId, Millis at);
    /// The same for a code sent with a journey's outbox message.
    bool recordForMessage(
        const std::string &code, ProfileId profile, std::int64_t outboxId, Millis at);

    /// Before a journey's messages are deleted: their codes keep their shopper, lose the message.
    static void detachJourneyMessages(Database &db, std::int64_t journeyId);

private:
    Database &db_;
    Statement forExport_;
    Statement forMessage_;
};

/// Where a discount code went.
struct DiscountCodeRecord {
    std::string code;
    ProfileId profileId = 0; ///< the profile it was issued to
    /// Where that profile is now: the same id, or the profile it was merged into since.
    ProfileId currentProfileId = 0;
    std::int64_t exportId = 0;
    Millis createdAt = 0;
};

namespace DiscountCodes {

/// The record of code (case does not matter), or nullopt when the workspace never issued it.
std::optional<DiscountCodeRecord> trace(Database &db, std::string_view code);

} // namespace DiscountCodes

} // namespace clientele
