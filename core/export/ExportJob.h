#pragma once

#include "Audience.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientele {

class Database;
class ProgressSink;

/** The file layouts an export can write; docs/export-formats.md has their exact rules. */
enum class ExportFormat {
    Generic, ///< RFC 4180 CSV with the columns the marketer chose
    Klaviyo, ///< Klaviyo list import
    Mailchimp, ///< Mailchimp audience import
    CustomerMatch, ///< Google Ads Customer Match, personal fields SHA-256 hashed
    Meta ///< Meta (Facebook/Instagram) custom audience customer list, hashed
};

/**
 * The channel whose consent an export needs. Nobody without consent for it is ever
 * exported: there is deliberately no way to switch that off.
 * - Email: an e-mail address and email consent "granted";
 * - Sms: a valid E.164 phone and sms consent "granted";
 * - Advertising (ad audiences): email consent "granted" (marketing consent: granted and
 *   not since unsubscribed), and an e-mail address or phone to match on.
 */
/// Push and OnSite (banners) are the channels of a journey's push and banner outboxes.
enum class ExportChannel { Email, Sms, Advertising, Push, OnSite };

/// "generic", "klaviyo", "mailchimp", "customer-match", "meta".
std::string_view exportFormatName(ExportFormat format);
std::optional<ExportFormat> parseExportFormat(std::string_view name);
/// "email", "sms", "advertising", "push", "banner".
std::string_view exportChannelName(ExportChannel channel);
std::optional<ExportChannel> parseExportChannel(std::string_view name);
/// The channel a format exports for: Email for the email tools, Advertising for ad
/// audiences; Generic is Email unless the request says Sms, Push or OnSite.
ExportChannel exportChannelOf(ExportFormat format, std::optional<ExportChannel> requested);

struct ExportRequest {
    Audience audience = Audience::all();
    ExportFormat format = ExportFormat::Generic;
    /// Generic only: Sms exports phones for a text-message campaign. Ignored otherwise.
    std::optional<ExportChannel> channel;
    /// Names from ExportColumns. Generic: the file's columns (empty: a default set for the
    /// channel). Klaviyo and Mailchimp: extra columns after the platform's own. Ad formats
    /// have a fixed layout and take none.
    std::vector<std::string> columns;
    /// Non-empty: a unique discount code per row (see DiscountCodePattern). Not for ad formats.
    std::string codePattern;
    /// Non-empty: an Offer column with this text on every row. Not for ad formats.
    std::string offer;
    bool byteOrderMark = false; ///< UTF-8 BOM first, for spreadsheets
    char delimiter = ','; ///< ',' or ';'
    std::string outputPath; ///< must not exist yet, nor outputPath + ".manifest.json"
};

/// Why a shopper of the audience was left out, in the order the checks run.
namespace SuppressionReason {
inline constexpr std::string_view kNotFound = "not_found"; ///< an id that is no profile
inline constexpr std::string_view kNoEmail = "no_email";
inline constexpr std::string_view kNoPhone = "no_phone"; ///< none, or not a valid E.164 number
inline constexpr std::string_view kNoIdentifier = "no_identifier"; ///< ads: no e-mail, no phone
inline constexpr std::string_view kNoConsent = "no_consent"; ///< never asked for the channel
inline constexpr std::string_view kDenied = "denied";
inline constexpr std::string_view kUnsubscribed = "unsubscribed";
inline constexpr std::string_view kNoDevice = "no_device"; ///< push: no app device to send to
} // namespace SuppressionReason

struct ExportSummary {
    std::int64_t exportId = 0; ///< the row in `exports`
    std::int64_t audience = 0; ///< shoppers in the audience (distinct ids)
    std::int64_t exported = 0; ///< data rows in the file
    /// Reason → shoppers left out, for every reason that applies to the channel (zeros too).
    std::vector<std::pair<std::string, std::int64_t>> suppressed;
    std::int64_t codes = 0; ///< discount codes issued (one per exported row, or none)
    std::vector<std::string> headers;
    std::string path;
    std::string manifestPath;
    std::string sha256; ///< of the file's bytes
    std::int64_t bytes = 0;

    std::int64_t suppressedTotal() const;
    std::int64_t suppressedFor(std::string_view reason) const;
};

/**
 * What an export would write, without writing it: the same counts as ExportSummary and the
 * first rows through the same row pipeline (normalised, hashed, neutralised against
 * formulas). Nothing is written or recorded and no discount code is issued: a code cell
 * shows the pattern (`SAVE10-XXXXXX`).
 */
struct ExportPreview {
    std::int64_t audience = 0;
    std::int64_t exported = 0;
    /// Reason → shoppers left out, as ExportSummary::suppressed.
    std::vector<std::pair<std::string, std::int64_t>> suppressed;
    std::vector<std::string> headers;
    /// The first data rows, each cell as a spreadsheet reads it from the file (unquoted).
    std::vector<std::vector<std::string>> rows;
    /// Header and those rows exactly as the file has them (without the byte order mark).
    std::string csv;

    std::int64_t suppressedTotal() const;
    std::int64_t suppressedFor(std::string_view reason) const;
};

/**
 * Writes a campaign file for an audience: reads the shoppers' attributes, identifiers,
 * traits and consents in one pass, leaves out everyone without consent for the channel
 * (counting why), normalises and hashes for ad platforms, hands out unique discount codes,
 * and streams RFC 4180 CSV safe to open in a spreadsheet.
 *
 * All or nothing: the CSV and its manifest (FILE.manifest.json: audience, columns, format,
 * time, counts, SHA-256) are written to temporary files and renamed into place only once
 * complete, and the export record and its discount codes are committed in the same
 * transaction; a failure or a cancel through progress leaves no file, no record, no code.
 * The transaction is IMMEDIATE: other writers wait for the few seconds an export takes,
 * and the file shows one consistent state of the workspace.
 */
class ExportJob {
public:
    /// Throws ExportError (bad request, file problems), StoreError, or Cancelled.
    static ExportSummary run(
        Database &db, const ExportRequest &request, ProgressSink *progress = nullptr);

    /**
     * Dry run of run(): counts the whole audience and renders the first `rows` exported
     * rows. request.outputPath is ignored. Works on a read-only connection (a list of
     * profile ids goes into a TEMP table). Throws ExportError for a request run() would
     * refuse, StoreError, or Cancelled when progress asks to stop.
     */
    static ExportPreview preview(
        Database &db, const ExportRequest &request, int rows, ProgressSink *progress = nullptr);

    /// The Generic columns used when a request names none; an outbox adds the message.
    static std::vector<std::string> defaultColumns(ExportChannel channel, bool outbox = false);
};

} // namespace clientele
