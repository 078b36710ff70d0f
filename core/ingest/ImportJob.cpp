#include "ImportJob.h"

#include "AmountParser.h"
#include "CsvReader.h"
#include "EmailNormalizer.h"
#include "IngestError.h"
#include "InputFile.h"
#include "PhoneNormalizer.h"
#include "TextDecoder.h"
#include "TimestampParser.h"

#include "identity/IdentityResolver.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <unordered_map>

namespace clientele {

namespace {

constexpr std::int64_t kProgressEveryRows = 20000;

/// FNV-1a, 64 bit: the event key of a row, from the source's id or from its content.
class EventKeyHash {
public:
    void add(std::string_view text)
    {
        for (unsigned char c : text) {
            hash_ ^= c;
            hash_ *= 0x100000001b3ull;
        }
        hash_ ^= 0xff; // field separator, so ("ab","c") and ("a","bc") differ
        hash_ *= 0x100000001b3ull;
    }
    std::int64_t value() const { return static_cast<std::int64_t>(hash_); }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

/// Column positions of a mapping in one file's header.
struct BoundColumn {
    std::size_t index;
    const ColumnMapping *mapping;
};

/// One row turned into an event, before identity resolution.
struct MappedRow {
    Millis ts = 0;
    std::string type;
    std::string channel;
    std::vector<Identifier> identifiers;
    std::string sourceId;
    std::string sku, productName, category, brand, orderId, cartId, currency;
    std::string firstName, lastName, country, city;
    std::optional<double> value, price, quantity;
    nlohmann::json properties = nlohmann::json::object();
    std::vector<std::string> identifierProblems;
};

class RowMapper {
public:
    RowMapper(const ImportMapping &mapping, const std::vector<std::string> &header)
        : mapping_(mapping)
        , phones_(mapping.country)
        , timestamps_(TimestampParser::Options { mapping.timezone,
              mapping.dateOrder == "MDY" ? DateOrder::MonthDayYear : DateOrder::DayMonthYear, {} })
        , amounts_(mapping.decimal == "comma"  ? DecimalStyle::Comma
                  : mapping.decimal == "point" ? DecimalStyle::Point
                                               : DecimalStyle::Auto)
    {
        for (const ColumnMapping &column : mapping.columns) {
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (header[i] == column.column && column.target != FieldTarget::Ignore)
                    columns_.push_back({ i, &column });
            }
        }
    }

    /// Fills row from fields; returns the reason when the row cannot become an event.
    std::string map(const std::vector<std::string> &fields, MappedRow &row)
    {
        row = MappedRow {};
        row.type = mapping_.fixedEventType;
        row.channel = mapping_.fixedChannel;
        bool hasTimestamp = false;
        for (const BoundColumn &bound : columns_) {
            if (bound.index >= fields.size())
                continue;
            const std::string cell = trimmed(fields[bound.index]);
            const ColumnMapping &column = *bound.mapping;
            if (cell.empty())
                continue;
            switch (column.target) {
            case FieldTarget::Ignore:
                break;
            case FieldTarget::Timestamp: {
                const auto parsed = timestamps_.parse(cell);
                if (!parsed)
                    return "'" + column.column + "': " + parsed.reason;
                row.ts = *parsed.value;
                hasTimestamp = true;
                break;
            }
            case FieldTarget::EventType:
                row.type = toEventTypeKey(cell);
                break;
            case FieldTarget::EventId:
                row.sourceId = cell;
                break;
            case FieldTarget::Identity:
                addIdentifier(column.detail, cell, row);
                break;
            case FieldTarget::Channel:
                row.channel = toEventTypeKey(cell);
                break;
            case FieldTarget::ProductSku:
                row.sku = cell;
                break;
            case FieldTarget::ProductName:
                row.productName = cell;
                break;
            case FieldTarget::Category:
                row.category = cell;
                break;
            case FieldTarget::Brand:
                row.brand = cell;
                break;
            case FieldTarget::OrderId:
                row.orderId = cell;
                break;
            case FieldTarget::CartId:
                row.cartId = cell;
                break;
            case FieldTarget::Value:
            case FieldTarget::Price:
            case FieldTarget::Quantity: {
                const auto parsed = amounts_.parse(cell);
                if (!parsed)
                    return "'" + column.column + "': " + parsed.reason;
                auto &target = column.target == FieldTarget::Value ? row.value
                    : column.target == FieldTarget::Price          ? row.price
                                                                   : row.quantity;
                target = *parsed.value;
                break;
            }
            case FieldTarget::Currency:
                row.currency = cell;
                break;
            case FieldTarget::FirstName:
                row.firstName = cell;
                break;
            case FieldTarget::LastName:
                row.lastName = cell;
                break;
            case FieldTarget::Country:
                row.country = cell;
                break;
            case FieldTarget::City:
                row.city = cell;
                break;
            case FieldTarget::Property:
                row.properties[column.detail] = cell;
                break;
            }
        }
        if (!hasTimestamp)
            return "no date/time in this row";
        if (row.type.empty())
            return "no event type in this row";
        if (row.identifiers.empty()) {
            if (row.identifierProblems.empty())
                return "no identifier in this row (email, phone, customer id, device id …)";
            std::string reason = "no usable identifier: ";
            for (std::size_t i = 0; i < row.identifierProblems.size(); ++i)
                reason += (i ? "; " : "") + row.identifierProblems[i];
            return reason;
        }
        if (!row.value && row.price)
            row.value = *row.price * row.quantity.value_or(1.0);
        return {};
    }

private:
    void addIdentifier(const std::string &kind, const std::string &cell, MappedRow &row)
    {
        if (kind == IdentityKind::Email) {
            auto email = EmailNormalizer::normalize(cell);
            if (!email)
                row.identifierProblems.push_back(email.reason);
            else
                row.identifiers.push_back({ kind, std::move(*email.value) });
        } else if (kind == IdentityKind::Phone) {
            auto phone = phones_.normalize(cell);
            if (!phone)
                row.identifierProblems.push_back(phone.reason);
            else
                row.identifiers.push_back({ kind, std::move(*phone.value) });
        } else {
            row.identifiers.push_back({ kind, cell });
        }
    }

    const ImportMapping &mapping_;
    std::vector<BoundColumn> columns_;
    PhoneNormalizer phones_;
    TimestampParser timestamps_;
    AmountParser amounts_;
};

void report(ProgressSink *progress, std::int64_t done, std::int64_t total, const char *stage)
{
    if (progress && !progress->report(Progress { done, total, stage }))
        throw Cancelled();
}

} // namespace

ImportSummary ImportJob::run(
    Workspace &workspace, const ImportRequest &request, ProgressSink *progress)
{
    Database &db = workspace.db();
    InputFile input(request.inputPath);
    CsvReader::Options readerOptions;
    readerOptions.delimiter = request.delimiter;
    const auto encoding = TextDecoder::encodingFromName(request.encoding);
    if (!encoding)
        throw std::invalid_argument("'" + request.encoding
            + "' is not a text encoding Clientele reads (use utf-8 or windows-1252).");
    readerOptions.encoding = *encoding;
    CsvReader reader(input, readerOptions);
    const std::vector<std::string> header = reader.header();
    const auto problems = request.mapping.problems(header);
    if (!problems.empty())
        throw std::invalid_argument(problems.front());
    RowMapper mapper(request.mapping, header);

    const auto total = static_cast<std::int64_t>(input.fileSize());
    report(progress, 0, total, "Reading");
    Transaction transaction(db);
    ImportSummary summary;
    db.prepare("INSERT INTO imports(source, preset, started_at, status) VALUES (?1, 'generic', ?2, "
               "'running')")
        .bind(1, std::filesystem::path(request.inputPath).filename().string())
        .bind(2, nowMillis())
        .run();
    summary.importId = db.lastInsertRowId();

    IdentityResolver resolver(db);
    resolver.setImportId(summary.importId);
    auto insertEvent = db.prepare(
        "INSERT INTO events(event_key, ts, type, profile_id, channel, product_id, category, "
        "order_id, cart_id, value, quantity, currency, import_id, props) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT(event_key) DO NOTHING");
    auto insertReject = db.prepare(
        "INSERT INTO import_rejects(import_id, line, reason, raw) VALUES (?1, ?2, ?3, ?4)");
    auto findProduct = db.prepare("SELECT id FROM products WHERE sku = ?1");
    auto insertProduct = db.prepare("INSERT INTO products(sku, name, category, brand, price, "
                                    "currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto updateProfile
        = db.prepare("UPDATE profiles SET first_name = coalesce(?2, first_name), last_name = "
                     "coalesce(?3, last_name), "
                     "country = coalesce(?4, country), city = coalesce(?5, city) WHERE id = ?1");
    std::unordered_map<std::string, std::int64_t> products;
    const std::string currency
        = workspace.meta("currency").empty() ? "EUR" : workspace.meta("currency");

    // Reasons from the reader already name their line; the mapper's do not.
    const auto rejectAsIs = [&](std::int64_t line, const std::string &reason,
                                const std::string &raw) {
        insertReject.bind(1, summary.importId).bind(2, line).bind(3, reason).bind(4, raw).run();
        ++summary.rejected;
    };
    const auto reject = [&](std::int64_t line, const std::string &reason, const std::string &raw) {
        rejectAsIs(line, describeLine(line) + ": " + reason, raw);
    };
    const auto textOrNull = [](const std::string &text) {
        return text.empty() ? std::optional<std::string>() : std::optional<std::string>(text);
    };

    CsvRecord record;
    MappedRow row;
    while (reader.next(record)) {
        ++summary.rowsRead;
        if (summary.rowsRead % kProgressEveryRows == 0)
            report(progress, static_cast<std::int64_t>(input.compressedBytesRead()), total,
                "Importing");
        if (!record.error.empty()) {
            rejectAsIs(record.line, record.error, record.raw);
            continue;
        }
        const std::string reason = mapper.map(record.fields, row);
        if (!reason.empty()) {
            reject(record.line, reason, record.raw);
            continue;
        }
        summary.identifiersRejected += static_cast<std::int64_t>(row.identifierProblems.size());

        EventKeyHash key;
        if (!row.sourceId.empty()) {
            key.add("id");
            key.add(row.sourceId);
        } else {
            key.add("row");
            for (const std::string &field : record.fields)
                key.add(field);
        }

        const auto profile
            = resolver.resolve(row.identifiers, row.ts, request.mapping.fixedChannel);
        if (!profile) {
            reject(record.line,
                "every identifier in this row is on the list of values that never identify a "
                "shopper",
                record.raw);
            continue;
        }
        if (!row.firstName.empty() || !row.lastName.empty() || !row.country.empty()
            || !row.city.empty()) {
            updateProfile.bind(1, *profile)
                .bind(2, textOrNull(row.firstName))
                .bind(3, textOrNull(row.lastName))
                .bind(4, textOrNull(row.country))
                .bind(5, textOrNull(row.city))
                .run();
        }

        std::optional<std::int64_t> productId;
        if (!row.sku.empty()) {
            if (const auto it = products.find(row.sku); it != products.end()) {
                productId = it->second;
            } else {
                findProduct.bind(1, row.sku);
                if (findProduct.step()) {
                    productId = findProduct.columnInt(0);
                } else {
                    insertProduct.bind(1, row.sku)
                        .bind(2, row.productName.empty() ? row.sku : row.productName)
                        .bind(3, row.category)
                        .bind(4, textOrNull(row.brand))
                        .bind(5, row.price.value_or(0.0))
                        .bind(6, row.currency.empty() ? currency : row.currency)
                        .run();
                    productId = db.lastInsertRowId();
                }
                findProduct.reset();
                products.emplace(row.sku, *productId);
            }
        }

        std::optional<std::int64_t> quantity;
        if (row.quantity)
            quantity = static_cast<std::int64_t>(*row.quantity);
        if (!row.productName.empty())
            row.properties["product_name"] = row.productName;
        insertEvent.bind(1, key.value())
            .bind(2, row.ts)
            .bind(3, row.type)
            .bind(4, *profile)
            .bind(5, row.channel)
            .bind(6, productId)
            .bind(7, textOrNull(row.category))
            .bind(8, textOrNull(row.orderId))
            .bind(9, textOrNull(row.cartId))
            .bind(10, row.value)
            .bind(11, quantity)
            .bind(12,
                row.value
                    ? std::optional<std::string>(row.currency.empty() ? currency : row.currency)
                    : std::nullopt)
            .bind(13, summary.importId)
            .bind(14, textOrNull(row.properties.empty() ? std::string() : row.properties.dump()))
            .run();
        if (db.changes() == 0)
            ++summary.duplicates;
        else
            ++summary.imported;
    }

    const ResolutionStats &stats = resolver.stats();
    summary.profilesCreated = stats.profilesCreated;
    summary.merges = stats.merges;
    summary.mergesRefused = stats.refusals;
    db.prepare("UPDATE imports SET finished_at = ?2, status = 'completed', rows_read = ?3, "
               "imported = ?4, "
               "duplicates = ?5, rejected = ?6 WHERE id = ?1")
        .bind(1, summary.importId)
        .bind(2, nowMillis())
        .bind(3, summary.rowsRead)
        .bind(4, summary.imported)
        .bind(5, summary.duplicates)
        .bind(6, summary.rejected)
        .run();
    report(progress, total, total, "Saving");
    transaction.commit();
    return summary;
}

} // namespace clientele
