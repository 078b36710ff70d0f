#include "ExportJob.h"

#include "journey/JourneyOutbox.h"

#include "CsvWriter.h"
#include "DiscountCodes.h"
#include "ExportColumns.h"
#include "ExportError.h"
#include "MatchKeys.h"
#include "Sha256.h"

#include "common/Progress.h"
#include "common/Time.h"
#include "store/Database.h"
#include "store/PragmaScope.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <type_traits>
#include <variant>

#include <unistd.h>

namespace clientele {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

/// Fixed columns of the shopper query, before the extra registry columns.
enum BaseColumn {
    kProfileId, ///< the audience's id (NULL profile row: not found)
    kFound,
    kEmail,
    kPhone,
    kFirstName,
    kLastName,
    kCountry,
    kCity,
    kEmailConsent,
    kSmsConsent,
    kBaseColumns
};

/// An outbox audience reads two more columns before the registry ones.
enum OutboxColumn { kMessageAddress = kBaseColumns, kPushConsent, kOutboxColumns };

/// What one cell of the file holds.
enum class Cell {
    Registry, ///< an ExportColumn, rendered by its type
    KlaviyoEmailConsent,
    KlaviyoSmsConsent,
    GoogleEmail,
    GooglePhone,
    GoogleFirstName,
    GoogleLastName,
    GoogleCountry,
    Empty, ///< a column the platform defines but the workspace has no data for (zip, state)
    MetaEmail,
    MetaPhone,
    MetaFirstName,
    MetaLastName,
    MetaCity,
    MetaCountry
};

struct OutputColumn {
    std::string header;
    Cell cell = Cell::Registry;
    const ExportColumn *column = nullptr; ///< Registry cells
    int sqlIndex = -1; ///< Registry cells read from the query
    std::string source; ///< for the manifest: what the cell is made from
    std::string transform; ///< for the manifest: how ("sha256(lower, no spaces)")
};

constexpr std::size_t kFlushBytes = std::size_t(1) << 20;
constexpr std::int64_t kProgressEvery = 16384;

const ExportColumn &registry(std::string_view name)
{
    const ExportColumn *column = ExportColumns::find(name);
    if (!column)
        throw std::logic_error("unknown export column " + std::string(name));
    return *column;
}

OutputColumn registryColumn(std::string header, std::string_view name)
{
    const ExportColumn &column = registry(name);
    return OutputColumn { std::move(header), Cell::Registry, &column, -1, column.name, {} };
}

OutputColumn special(std::string header, Cell cell, std::string source, std::string transform)
{
    return OutputColumn { std::move(header), cell, nullptr, -1, std::move(source),
        std::move(transform) };
}

/// The platform's own columns; documented in docs/export-formats.md with their sources.
std::vector<OutputColumn> fixedColumns(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Generic:
        return {};
    case ExportFormat::Klaviyo:
        // help.klaviyo.com "How to create and add subscribers to a new list" and "How to
        // upload and segment with consent": Email first; Phone Number, First Name, Last
        // Name, City, Country as Klaviyo properties; Email/SMS Marketing Consent columns.
        return { registryColumn("Email", "email"), registryColumn("Phone Number", "phone"),
            registryColumn("First Name", "first_name"), registryColumn("Last Name", "last_name"),
            registryColumn("City", "city"), registryColumn("Country", "country"),
            special("Email Marketing Consent", Cell::KlaviyoEmailConsent, "email_consent",
                "Subscribed"),
            special("SMS Marketing Consent", Cell::KlaviyoSmsConsent, "sms_consent",
                "Subscribed / Unsubscribed / empty (never subscribed)") };
    case ExportFormat::Mailchimp:
        // mailchimp.com/help/format-guidelines-for-your-import-file: Email Address is the
        // one required column; text fields for names; dates YYYY-MM-DD.
        return { registryColumn("Email Address", "email"),
            registryColumn("First Name", "first_name"), registryColumn("Last Name", "last_name"),
            registryColumn("Phone Number", "phone"), registryColumn("Country", "country") };
    case ExportFormat::CustomerMatch:
        // support.google.com/google-ads/answer/7659867 (headers, in English, exactly these)
        // and 7475964; hashing: developers.google.com Customer Match "Prepare user data".
        return { special(
                     "Email", Cell::GoogleEmail, "email", "sha256(trim, lower case, no spaces)"),
            special("Phone", Cell::GooglePhone, "phone", "sha256(E.164 with +)"),
            special(
                "First Name", Cell::GoogleFirstName, "first_name", "sha256(lower case, no spaces)"),
            special(
                "Last Name", Cell::GoogleLastName, "last_name", "sha256(lower case, no spaces)"),
            special("Country", Cell::GoogleCountry, "country", "ISO 3166-1 alpha-2, not hashed"),
            special("Zip", Cell::Empty, "", "no postal codes in the workspace, not hashed") };
    case ExportFormat::Meta:
        // facebook.com/business/help/2082575038703844 (column headers) and the Marketing
        // API "Customer File Custom Audiences" hashing and normalisation table.
        return { special("email", Cell::MetaEmail, "email", "sha256(trim, lower case)"),
            special("phone", Cell::MetaPhone, "phone",
                "sha256(digits with country code, no +, no leading zeros)"),
            special(
                "fn", Cell::MetaFirstName, "first_name", "sha256(lower case, letters only, UTF-8)"),
            special(
                "ln", Cell::MetaLastName, "last_name", "sha256(lower case, letters only, UTF-8)"),
            special("zip", Cell::Empty, "", "no postal codes in the workspace"),
            special("ct", Cell::MetaCity, "city", "sha256(lower case, letters only)"),
            special("st", Cell::Empty, "", "no states in the workspace"),
            special("country", Cell::MetaCountry, "country",
                "sha256(ISO 3166-1 alpha-2, lower case)") };
    }
    return {};
}

bool isAdFormat(ExportFormat format)
{
    return format == ExportFormat::CustomerMatch || format == ExportFormat::Meta;
}

std::vector<std::string_view> reasonsFor(ExportChannel channel)
{
    using namespace SuppressionReason;
    switch (channel) {
    case ExportChannel::Email:
        return { kNotFound, kNoEmail, kNoConsent, kDenied, kUnsubscribed };
    case ExportChannel::Sms:
        return { kNotFound, kNoPhone, kNoConsent, kDenied, kUnsubscribed };
    case ExportChannel::Advertising:
        return { kNotFound, kNoIdentifier, kNoConsent, kDenied, kUnsubscribed };
    case ExportChannel::Push:
        return { kNotFound, kNoDevice, kNoConsent, kDenied, kUnsubscribed };
    case ExportChannel::OnSite:
        return { kNotFound }; // the shop's own site: no permission to send is needed
    }
    return {};
}

/// An outbox is exported on its own channel: e-mail messages to an e-mail file, text
/// messages to an SMS file, ad-audience steps to an ad platform's audience.
void checkOutboxChannel(const std::string &outbox, ExportChannel channel)
{
    // Outboxes are named like the channels, except the ad audience's.
    const bool fits = outbox == "ad_audience"
        ? channel == ExportChannel::Advertising
        : channel != ExportChannel::Advertising && exportChannelName(channel) == outbox;
    if (fits)
        return;
    if (outbox == "ad_audience")
        throw ExportError("The ad_audience outbox is written as an ad audience: choose the "
                          "customer-match or meta format.");
    throw ExportError("The " + outbox + " outbox is written as an " + outbox
        + " file: choose the generic format with the " + outbox + " channel"
        + (outbox == "email" ? ", Klaviyo or Mailchimp" : "") + ".");
}

/// The columns of the file, validated against the request (and the request's channel
/// against its audience).
std::vector<OutputColumn> planColumns(const ExportRequest &request, ExportChannel channel)
{
    if (request.audience.kind() == Audience::Kind::Outbox)
        checkOutboxChannel(request.audience.outboxChannel(), channel);
    else if (channel == ExportChannel::Push || channel == ExportChannel::OnSite)
        throw ExportError("Push and banner files are written from a journey's outbox.");
    std::vector<OutputColumn> columns = fixedColumns(request.format);
    if (isAdFormat(request.format)) {
        const std::string name(exportFormatName(request.format));
        if (!request.columns.empty())
            throw ExportError("The " + name + " format has a fixed set of columns; "
                + "--columns cannot be used with it.");
        if (!request.codePattern.empty() || !request.offer.empty())
            throw ExportError("Ad audiences carry no discount codes or offers: the " + name
                + " file only says whom to show ads to.");
        return columns;
    }
    std::vector<std::string> names = request.columns;
    const bool outbox = request.audience.kind() == Audience::Kind::Outbox;
    if (request.format == ExportFormat::Generic && names.empty())
        names = ExportJob::defaultColumns(channel, outbox);
    const bool wantsCode = !request.codePattern.empty();
    const bool wantsOffer = !request.offer.empty();
    auto listed = [&](std::string_view name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (wantsCode && !listed("discount_code"))
        names.emplace_back("discount_code");
    if (wantsOffer && !listed("offer"))
        names.emplace_back("offer");

    std::vector<std::string> seen;
    for (const OutputColumn &column : columns)
        seen.push_back(column.source);
    for (const std::string &name : names) {
        const ExportColumn *column = ExportColumns::find(name);
        if (!column) {
            std::string known;
            for (const ExportColumn &candidate : ExportColumns::all())
                known += (known.empty() ? "" : ", ") + candidate.name;
            throw ExportError("There is no export column '" + name + "'. Columns: " + known + ".");
        }
        if (column->fromOutbox && !outbox)
            throw ExportError("The column " + name + " is a field of a journey's message; "
                + "it needs the outbox of a journey as the audience.");
        if (column->type == ExportColumn::Type::DiscountCode && !wantsCode)
            throw ExportError("The discount_code column needs a code pattern, e.g. SAVE10-XXXXXX.");
        if (column->type == ExportColumn::Type::Offer && !wantsOffer)
            throw ExportError("The offer column needs the offer text.");
        if (std::find(seen.begin(), seen.end(), name) != seen.end())
            continue; // the platform's own column already, or listed twice
        seen.push_back(name);
        // Klaviyo and Mailchimp map columns by header: title case reads as their own fields.
        std::string header = column->label;
        if (request.format != ExportFormat::Generic
            && column->type == ExportColumn::Type::DiscountCode)
            header = "Discount Code";
        columns.push_back(OutputColumn { header, Cell::Registry, column, -1, column->name, {} });
    }
    return columns;
}

/// The base columns read for every shopper, and where the extra registry columns come from.
std::string buildQuery(const Audience &audience, std::vector<OutputColumn> &columns)
{
    std::string select = "SELECT a.profile_id, p.id IS NOT NULL, t.email, t.phone, p.first_name, "
                         "p.last_name, p.country, p.city, ce.status, cs.status";
    const bool outbox = audience.kind() == Audience::Kind::Outbox;
    bool needsPush = outbox;
    int index = kBaseColumns;
    if (outbox) {
        select += ", a.address, cp.status";
        index = kOutboxColumns;
    }
    for (OutputColumn &column : columns) {
        if (column.cell != Cell::Registry || column.column->sql.empty())
            continue;
        select += ", " + column.column->sql;
        column.sqlIndex = index++;
        needsPush = needsPush || column.column->sql.rfind("cp.", 0) == 0;
    }
    std::string from;
    std::string where;
    std::string order;
    switch (audience.kind()) {
    case Audience::Kind::All:
        from = " FROM (SELECT id AS profile_id FROM profiles) a JOIN profiles p ON p.id = "
               "a.profile_id";
        order = " ORDER BY a.profile_id";
        break;
    case Audience::Kind::Profiles:
        from = " FROM temp.export_audience a LEFT JOIN profiles p ON p.id = a.profile_id";
        order = " ORDER BY a.position";
        break;
    case Audience::Kind::Query:
        // The CTE's column list names the query's one column, whatever it is called.
        select = "WITH audience_query(profile_id) AS (" + audience.sql().sql + ") " + select;
        from = " FROM (SELECT DISTINCT profile_id FROM audience_query) a "
               "LEFT JOIN profiles p ON p.id = a.profile_id";
        order = " ORDER BY a.profile_id";
        break;
    case Audience::Kind::Outbox:
        from = " FROM outbox a LEFT JOIN profiles p ON p.id = a.profile_id";
        where = " WHERE a.journey_id = ?1 AND a.channel = ?2 AND a.exported_at IS NULL";
        order = " ORDER BY a.id";
        break;
    }
    std::string joins = " LEFT JOIN profile_traits t ON t.profile_id = p.id"
                        " LEFT JOIN consents ce ON ce.profile_id = p.id AND ce.channel = 'email'"
                        " LEFT JOIN consents cs ON cs.profile_id = p.id AND cs.channel = 'sms'";
    if (needsPush)
        joins += " LEFT JOIN consents cp ON cp.profile_id = p.id AND cp.channel = 'push'";
    return select + from + joins + where + order;
}

void bindParameters(Statement &statement, const Audience &audience)
{
    if (audience.kind() == Audience::Kind::Outbox) {
        statement.bind(1, audience.outboxJourney()).bind(2, audience.outboxChannel());
        return;
    }
    if (audience.kind() != Audience::Kind::Query)
        return;
    int index = 1;
    for (const AudienceParameter &parameter : audience.sql().parameters) {
        std::visit(
            [&](const auto &value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    statement.bindNull(index);
                else
                    statement.bind(index, value);
            },
            parameter);
        ++index;
    }
}

/// The output file while it is being written: a temporary name, renamed when complete.
class PartialFile {
public:
    explicit PartialFile(std::string path)
        : path_(std::move(path))
        , file_(std::fopen(path_.c_str(), "wb"))
    {
        if (!file_)
            throw ExportError("Cannot write '" + path_ + "': " + std::strerror(errno) + ".");
    }
    ~PartialFile()
    {
        if (file_)
            std::fclose(file_);
        if (!kept_) {
            std::error_code ec;
            fs::remove(path_, ec);
        }
    }
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    void write(std::string_view bytes)
    {
        if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
            throw ExportError("Writing '" + path_ + "' failed (is the disk full?).");
        sha_.add(bytes);
        bytes_ += static_cast<std::int64_t>(bytes.size());
    }

    /// Flushes to the disk and closes; returns the SHA-256 of everything written.
    std::string close()
    {
        const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
        const bool closed = std::fclose(file_) == 0;
        file_ = nullptr;
        if (!ok || !closed)
            throw ExportError("Writing '" + path_ + "' failed (is the disk full?).");
        return Sha256::toHex(sha_.finish());
    }

    /// Moves the finished file to target (replacing nothing: the caller checked).
    void moveTo(const std::string &target)
    {
        std::error_code ec;
        fs::rename(path_, target, ec);
        if (ec)
            throw ExportError("Cannot write '" + target + "': " + ec.message() + ".");
        kept_ = true;
    }

    std::int64_t bytes() const { return bytes_; }

private:
    std::string path_;
    std::FILE *file_ = nullptr;
    Sha256 sha_;
    std::int64_t bytes_ = 0;
    bool kept_ = false;
};

template<typename T> std::string_view formatNumber(T value, char *buffer, std::size_t size)
{
    const auto result = std::to_chars(buffer, buffer + size, value);
    return std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

std::string_view formatMoney(double value, char *buffer, std::size_t size)
{
    const auto result = std::to_chars(buffer, buffer + size, value, std::chars_format::fixed, 2);
    return std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

/// One row's cells, from the query's current row.
class RowWriter {
public:
    RowWriter(CsvWriter &csv, const Statement &row, const std::string &offer)
        : csv_(csv)
        , row_(row)
        , offer_(offer)
    {
    }

    void write(const OutputColumn &column, const std::string &code)
    {
        switch (column.cell) {
        case Cell::Registry:
            writeRegistry(column, code);
            return;
        case Cell::KlaviyoEmailConsent:
            csv_.rawField("Subscribed"); // only shoppers with email consent get here
            return;
        case Cell::KlaviyoSmsConsent: {
            const std::string_view status = text(kSmsConsent);
            const bool hasPhone = !MatchKeys::e164(text(kPhone)).empty();
            csv_.rawField(!hasPhone            ? std::string_view()
                    : status == "granted"      ? std::string_view("Subscribed")
                    : status == "unsubscribed" ? std::string_view("Unsubscribed")
                                               : std::string_view());
            return;
        }
        case Cell::GoogleEmail:
            hashed(MatchKeys::googleEmail(text(kEmail)));
            return;
        case Cell::GooglePhone:
            hashed(MatchKeys::googlePhone(text(kPhone)));
            return;
        case Cell::GoogleFirstName:
            hashed(MatchKeys::googleName(text(kFirstName)));
            return;
        case Cell::GoogleLastName:
            hashed(MatchKeys::googleName(text(kLastName)));
            return;
        case Cell::GoogleCountry:
            csv_.rawField(MatchKeys::isoCountry(text(kCountry)));
            return;
        case Cell::Empty:
            csv_.rawField({});
            return;
        case Cell::MetaEmail:
            hashed(MatchKeys::metaEmail(text(kEmail)));
            return;
        case Cell::MetaPhone:
            hashed(MatchKeys::metaPhone(text(kPhone)));
            return;
        case Cell::MetaFirstName:
            hashed(MatchKeys::metaName(text(kFirstName)));
            return;
        case Cell::MetaLastName:
            hashed(MatchKeys::metaName(text(kLastName)));
            return;
        case Cell::MetaCity:
            hashed(MatchKeys::metaCity(text(kCity)));
            return;
        case Cell::MetaCountry:
            hashed(MatchKeys::metaCountry(text(kCountry)));
            return;
        }
    }

private:
    std::string_view text(int column) const
    {
        return row_.isNull(column) ? std::string_view() : row_.columnView(column);
    }

    /// Empty stays empty: the digest of "" would look like data and match no one.
    void hashed(const std::string &normalised)
    {
        digest_.clear();
        if (!normalised.empty())
            sha_.appendHex(normalised, digest_);
        csv_.rawField(digest_);
    }

    void writeRegistry(const OutputColumn &column, const std::string &code)
    {
        using Type = ExportColumn::Type;
        const ExportColumn &definition = *column.column;
        if (definition.type == Type::DiscountCode) {
            csv_.rawField(code);
            return;
        }
        if (definition.type == Type::Offer) {
            csv_.field(offer_);
            return;
        }
        const int index = column.sqlIndex;
        if (row_.isNull(index)) {
            csv_.rawField({});
            return;
        }
        char buffer[64];
        switch (definition.type) {
        case Type::Text:
            csv_.field(row_.columnView(index));
            return;
        case Type::Integer:
            csv_.rawField(formatNumber(row_.columnInt(index), buffer, sizeof buffer));
            return;
        case Type::Money:
            csv_.rawField(formatMoney(row_.columnDouble(index), buffer, sizeof buffer));
            return;
        case Type::Number:
            csv_.rawField(formatNumber(row_.columnDouble(index), buffer, sizeof buffer));
            return;
        case Type::Date:
            csv_.rawField(formatIsoDate(row_.columnInt(index)));
            return;
        case Type::DateTime:
            csv_.rawField(formatIsoDateTime(row_.columnInt(index)));
            return;
        case Type::Phone: {
            const std::string_view phone = row_.columnView(index);
            // A validated E.164 number is `+` and digits: no formula can be built from it,
            // and the platforms want the `+`. Anything else is text like any other.
            if (!MatchKeys::e164(phone).empty())
                csv_.rawField(phone);
            else
                csv_.field(phone);
            return;
        }
        case Type::Country: {
            const std::string iso = MatchKeys::isoCountry(row_.columnView(index));
            if (!iso.empty())
                csv_.rawField(iso);
            else
                csv_.field(row_.columnView(index));
            return;
        }
        case Type::DiscountCode:
        case Type::Offer:
            return;
        }
    }

    CsvWriter &csv_;
    const Statement &row_;
    const std::string &offer_;
    Sha256 sha_;
    std::string digest_;
};

/// The first reason the shopper on the current row cannot be exported, or empty.
std::string_view suppressionOf(const Statement &row, ExportChannel channel)
{
    using namespace SuppressionReason;
    if (row.columnInt(kFound) == 0)
        return kNotFound;
    auto text = [&](int column) {
        return row.isNull(column) ? std::string_view() : row.columnView(column);
    };
    const bool hasEmail = !text(kEmail).empty();
    const bool hasPhone = !MatchKeys::e164(text(kPhone)).empty();
    int consentColumn = kEmailConsent;
    switch (channel) {
    case ExportChannel::Email:
        if (!hasEmail)
            return kNoEmail;
        break;
    case ExportChannel::Sms:
        if (!hasPhone)
            return kNoPhone;
        consentColumn = kSmsConsent;
        break;
    case ExportChannel::Advertising:
        if (!hasEmail && !hasPhone)
            return kNoIdentifier;
        break;
    case ExportChannel::Push:
        if (text(kMessageAddress).empty())
            return kNoDevice;
        consentColumn = kPushConsent;
        break;
    case ExportChannel::OnSite:
        return {};
    }
    const std::string_view status = text(consentColumn);
    if (status == "granted")
        return {};
    if (status == "denied")
        return kDenied;
    if (status == "unsubscribed")
        return kUnsubscribed;
    return kNoConsent;
}

/// Puts a list audience into temp.export_audience (in the caller's transaction); returns
/// how many shoppers the audience will have, or 0 when unknown until read (a query).
std::int64_t prepareAudience(Database &db, const Audience &audience)
{
    switch (audience.kind()) {
    case Audience::Kind::All:
        return Audience::countAll(db);
    case Audience::Kind::Profiles: {
        db.exec("CREATE TEMP TABLE IF NOT EXISTS export_audience ("
                "position INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL)");
        db.exec("DELETE FROM temp.export_audience");
        auto insert = db.prepare("INSERT INTO temp.export_audience(profile_id) VALUES (?1)");
        for (const ProfileId id : audience.ids()) {
            insert.bind(1, id);
            insert.run();
        }
        return static_cast<std::int64_t>(audience.ids().size());
    }
    case Audience::Kind::Query:
        return 0; // unknown until read: counting would run the query twice
    case Audience::Kind::Outbox: {
        auto count = db.prepare("SELECT count(*) FROM outbox WHERE journey_id = ?1 "
                                "AND channel = ?2 AND exported_at IS NULL");
        count.bind(1, audience.outboxJourney()).bind(2, audience.outboxChannel());
        count.step();
        return count.columnInt(0);
    }
    }
    return 0;
}

/// The reasons counted for an audience on a channel, in the order the checks run.
std::vector<std::string_view> reasonsFor(const Audience &audience, ExportChannel channel)
{
    std::vector<std::string_view> reasons = reasonsFor(channel);
    if (audience.kind() == Audience::Kind::All)
        reasons.erase(reasons.begin()); // every id comes from profiles: none can be missing
    return reasons;
}

/// The fields of the RFC 4180 records in text as a reader gets them: quotes removed and
/// doubled quotes undone. Only for text CsvWriter wrote (records end with CRLF).
std::vector<std::vector<std::string>> parseRecords(std::string_view text, char delimiter)
{
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"')
                field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            fields.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(fields));
            fields.clear();
        } else {
            field += c;
        }
    }
    return records;
}

void checkTarget(const std::string &path)
{
    std::error_code ec;
    if (fs::exists(path, ec))
        throw ExportError("'" + path + "' already exists; choose another file name.");
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw ExportError("The folder '" + parent.string() + "' does not exist.");
}

} // namespace

std::string_view exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Generic:
        return "generic";
    case ExportFormat::Klaviyo:
        return "klaviyo";
    case ExportFormat::Mailchimp:
        return "mailchimp";
    case ExportFormat::CustomerMatch:
        return "customer-match";
    case ExportFormat::Meta:
        return "meta";
    }
    return "generic";
}

std::optional<ExportFormat> parseExportFormat(std::string_view name)
{
    for (const ExportFormat format : { ExportFormat::Generic, ExportFormat::Klaviyo,
             ExportFormat::Mailchimp, ExportFormat::CustomerMatch, ExportFormat::Meta }) {
        if (exportFormatName(format) == name)
            return format;
    }
    return std::nullopt;
}

std::string_view exportChannelName(ExportChannel channel)
{
    switch (channel) {
    case ExportChannel::Email:
        return "email";
    case ExportChannel::Sms:
        return "sms";
    case ExportChannel::Advertising:
        return "advertising";
    case ExportChannel::Push:
        return "push";
    case ExportChannel::OnSite:
        return "banner";
    }
    return "email";
}

std::optional<ExportChannel> parseExportChannel(std::string_view name)
{
    for (const ExportChannel channel : { ExportChannel::Email, ExportChannel::Sms,
             ExportChannel::Advertising, ExportChannel::Push, ExportChannel::OnSite }) {
        if (exportChannelName(channel) == name)
            return channel;
    }
    return std::nullopt;
}

ExportChannel exportChannelOf(ExportFormat format, std::optional<ExportChannel> requested)
{
    if (isAdFormat(format))
        return ExportChannel::Advertising;
    if (format == ExportFormat::Generic && requested && *requested != ExportChannel::Advertising)
        return *requested;
    return ExportChannel::Email;
}

std::int64_t ExportSummary::suppressedTotal() const
{
    std::int64_t total = 0;
    for (const auto &[reason, count] : suppressed)
        total += count;
    return total;
}

std::int64_t ExportSummary::suppressedFor(std::string_view reason) const
{
    for (const auto &[name, count] : suppressed) {
        if (name == reason)
            return count;
    }
    return 0;
}

std::int64_t ExportPreview::suppressedTotal() const
{
    std::int64_t total = 0;
    for (const auto &[reason, count] : suppressed)
        total += count;
    return total;
}

std::int64_t ExportPreview::suppressedFor(std::string_view reason) const
{
    for (const auto &[name, count] : suppressed) {
        if (name == reason)
            return count;
    }
    return 0;
}

ExportPreview ExportJob::preview(
    Database &db, const ExportRequest &request, int rows, ProgressSink *progress)
{
    if (request.delimiter != ',' && request.delimiter != ';')
        throw ExportError("The delimiter must be ',' or ';'.");
    const ExportChannel channel = exportChannelOf(request.format, request.channel);
    std::vector<OutputColumn> columns = planColumns(request, channel);
    // Checked as run() checks it; the preview shows the pattern where a code would be.
    std::string code;
    if (!request.codePattern.empty())
        code = DiscountCodePattern(request.codePattern).pattern();

    ExportPreview preview;
    for (const OutputColumn &column : columns)
        preview.headers.push_back(column.header);
    const std::vector<std::string_view> reasons = reasonsFor(request.audience, channel);
    std::vector<std::int64_t> suppressedCounts(reasons.size(), 0);

    // A deferred transaction: one consistent snapshot, and the temp rows go with the rollback.
    Transaction snapshot(db, Transaction::Kind::Deferred);
    const std::int64_t expected = prepareAudience(db, request.audience);

    CsvWriter csv(preview.csv, request.delimiter);
    for (const OutputColumn &column : columns)
        csv.field(column.header);
    csv.endRecord();
    auto row = db.prepare(buildQuery(request.audience, columns));
    bindParameters(row, request.audience);
    RowWriter cells(csv, row, request.offer);
    reportProgress(progress, 0, expected, "Counting shoppers");
    while (row.step()) {
        ++preview.audience;
        if (preview.audience % kProgressEvery == 0) {
            reportProgress(progress, preview.audience, std::max(expected, preview.audience),
                "Counting shoppers");
        }
        const std::string_view reason = suppressionOf(row, channel);
        if (!reason.empty()) {
            for (std::size_t i = 0; i < reasons.size(); ++i) {
                if (reasons[i] == reason)
                    ++suppressedCounts[i];
            }
            continue;
        }
        if (preview.exported < rows) {
            for (const OutputColumn &column : columns)
                cells.write(column, code);
            csv.endRecord();
        }
        ++preview.exported;
    }
    for (std::size_t i = 0; i < reasons.size(); ++i)
        preview.suppressed.emplace_back(std::string(reasons[i]), suppressedCounts[i]);
    preview.rows = parseRecords(preview.csv, request.delimiter);
    if (!preview.rows.empty())
        preview.rows.erase(preview.rows.begin()); // the header
    return preview;
}

std::vector<std::string> ExportJob::defaultColumns(ExportChannel channel, bool outbox)
{
    std::vector<std::string> columns;
    switch (channel) {
    case ExportChannel::Sms:
        columns = { "phone", "first_name", "last_name", "country" };
        break;
    case ExportChannel::Push:
        columns = { "message_address", "profile_id", "customer_id", "first_name" };
        break;
    case ExportChannel::OnSite:
        columns = { "profile_id", "customer_id", "first_name" };
        break;
    default:
        columns = { "email", "first_name", "last_name", "country" };
        break;
    }
    if (outbox) // the message is what the file is for
        columns.insert(columns.end(),
            { "message_subject", "message_body", "message_offer", "message_code", "message_due" });
    return columns;
}

ExportSummary ExportJob::run(Database &db, const ExportRequest &request, ProgressSink *progress)
{
    if (request.delimiter != ',' && request.delimiter != ';')
        throw ExportError("The delimiter must be ',' or ';'.");
    if (request.outputPath.empty())
        throw ExportError("No output file was given.");
    const ExportChannel channel = exportChannelOf(request.format, request.channel);
    std::vector<OutputColumn> columns = planColumns(request, channel);
    std::optional<DiscountCodePattern> codes;
    if (!request.codePattern.empty())
        codes.emplace(request.codePattern);

    ExportSummary summary;
    summary.path = request.outputPath;
    summary.manifestPath = request.outputPath + ".manifest.json";
    checkTarget(summary.path);
    checkTarget(summary.manifestPath);
    for (const OutputColumn &column : columns)
        summary.headers.push_back(column.header);
    const std::vector<std::string_view> reasons = reasonsFor(request.audience, channel);
    std::vector<std::int64_t> suppressedCounts(reasons.size(), 0);

    const Millis startedAt = nowMillis();
    // Discount codes are random keys: each insert lands on a random page of discount_codes,
    // so a cache the size of that index keeps the inserts off the disk (the connection's
    // default is 2 MB).
    std::optional<PragmaScope> cache;
    if (codes)
        cache.emplace(db, "cache_size", -64 * 1024);
    Transaction transaction(db);

    const std::int64_t expected = prepareAudience(db, request.audience);
    if (codes)
        codes->checkRoomFor(expected + db.queryInt("SELECT count(*) FROM discount_codes"));

    json columnsJson = json::array();
    for (const OutputColumn &column : columns) {
        json entry { { "header", column.header }, { "source", column.source } };
        if (!column.transform.empty())
            entry["transform"] = column.transform;
        columnsJson.push_back(std::move(entry));
    }
    db.prepare("INSERT INTO exports(ts, audience, format, columns, file, counts) "
               "VALUES (?1, ?2, ?3, ?4, ?5, '{}')")
        .bind(1, startedAt)
        .bind(2, request.audience.definition().dump())
        .bind(3, exportFormatName(request.format))
        .bind(4, columnsJson.dump())
        .bind(5, fs::absolute(summary.path).string())
        .run();
    summary.exportId = db.lastInsertRowId();

    PartialFile file(summary.path + ".partial");
    std::string buffer;
    buffer.reserve(kFlushBytes + 64 * 1024);
    if (request.byteOrderMark)
        buffer.append(CsvWriter::kByteOrderMark);
    CsvWriter csv(buffer, request.delimiter);
    for (const OutputColumn &column : columns)
        csv.field(column.header);
    csv.endRecord();

    DiscountCodeLedger ledger(db);
    auto row = db.prepare(buildQuery(request.audience, columns));
    bindParameters(row, request.audience);
    RowWriter cells(csv, row, request.offer);
    std::string code;
    reportProgress(progress, 0, expected, "Exporting shoppers");
    while (row.step()) {
        ++summary.audience;
        if (summary.audience % kProgressEvery == 0) {
            reportProgress(progress, summary.audience, std::max(expected, summary.audience),
                "Exporting shoppers");
        }
        const std::string_view reason = suppressionOf(row, channel);
        if (!reason.empty()) {
            for (std::size_t i = 0; i < reasons.size(); ++i) {
                if (reasons[i] == reason)
                    ++suppressedCounts[i];
            }
            continue;
        }
        if (codes) {
            const ProfileId profile = row.columnInt(kProfileId);
            code = codes->issue([&](const std::string &candidate) {
                return ledger.recordForExport(candidate, profile, summary.exportId, startedAt);
            });
            ++summary.codes;
        }
        for (const OutputColumn &column : columns)
            cells.write(column, code);
        csv.endRecord();
        ++summary.exported;
        if (buffer.size() >= kFlushBytes) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    reportProgress(progress, summary.audience, summary.audience, "Exporting shoppers");
    summary.sha256 = file.close();
    summary.bytes = file.bytes();
    for (std::size_t i = 0; i < reasons.size(); ++i)
        summary.suppressed.emplace_back(std::string(reasons[i]), suppressedCounts[i]);

    json suppressed = json::object();
    for (const auto &[reason, count] : summary.suppressed)
        suppressed[reason] = count;
    const json counts { { "audience", summary.audience }, { "exported", summary.exported },
        { "suppressed", suppressed }, { "suppressed_total", summary.suppressedTotal() },
        { "discount_codes", summary.codes } };
    json options { { "delimiter", std::string(1, request.delimiter) },
        { "byte_order_mark", request.byteOrderMark } };
    if (codes)
        options["code_pattern"] = codes->pattern();
    if (!request.offer.empty())
        options["offer"] = request.offer;
    const json manifest {
        { "format", "clientele-export-manifest" },
        { "version", 1 },
        { "export_id", summary.exportId },
        { "created_at", formatIsoDateTime(startedAt) },
        { "clientele_version", CLIENTELE_VERSION },
        { "workspace", fs::path(db.path()).filename().string() },
        { "audience", request.audience.definition() },
        { "export_format", exportFormatName(request.format) },
        { "channel", exportChannelName(channel) },
        { "columns", columnsJson },
        { "options", options },
        { "counts", counts },
        { "file",
            { { "name", fs::path(summary.path).filename().string() }, { "bytes", summary.bytes },
                { "sha256", summary.sha256 } } },
    };
    PartialFile manifestFile(summary.manifestPath + ".partial");
    manifestFile.write(manifest.dump(2) + "\n");
    manifestFile.close();

    db.prepare("UPDATE exports SET counts = ?1, file_sha256 = ?2 WHERE id = ?3")
        .bind(1, counts.dump())
        .bind(2, summary.sha256)
        .bind(3, summary.exportId)
        .run();
    if (request.audience.kind() == Audience::Kind::Profiles)
        db.exec("DELETE FROM temp.export_audience");
    if (request.audience.kind() == Audience::Kind::Outbox) {
        // Handed over: exported, or left out for a reason the manifest counts. Either
        // way the message is done and the next export of this outbox starts after it.
        JourneyOutbox::markHandedOver(
            db, request.audience.outboxJourney(), request.audience.outboxChannel(), startedAt);
    }

    file.moveTo(summary.path);
    try {
        manifestFile.moveTo(summary.manifestPath);
        transaction.commit();
    } catch (...) {
        std::error_code ec;
        fs::remove(summary.path, ec);
        fs::remove(summary.manifestPath, ec);
        throw;
    }
    return summary;
}

} // namespace clientele
