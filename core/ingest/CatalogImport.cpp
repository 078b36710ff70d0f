#include "CatalogImport.h"

#include "AmountParser.h"
#include "CsvReader.h"
#include "ImportJob.h"
#include "ImportRecord.h"
#include "IngestError.h"
#include "InputFile.h"
#include "RowMapper.h"

#include "common/Progress.h"
#include "common/Time.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace clientele {

namespace {

constexpr std::int64_t kProgressEveryRows = 20000;

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// Where each catalog field is in this file's header.
struct CatalogColumns {
    std::optional<std::size_t> sku, name, category, brand, price, currency;

    explicit CatalogColumns(const std::vector<std::string> &header)
    {
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string column = lowerAscii(header[i]);
            if (column == "sku" || column == "product_id" || column == "variant sku")
                sku = i;
            else if (column == "name" || column == "title" || column == "product_name")
                name = i;
            else if (column == "category" || column == "product type" || column == "type")
                category = i;
            else if (column == "brand" || column == "vendor")
                brand = i;
            else if (column == "price" || column == "variant price" || column == "unit_price")
                price = i;
            else if (column == "currency")
                currency = i;
        }
    }

    bool complete() const { return sku && name && price; }
};

std::string cell(const std::vector<std::string> &fields, std::optional<std::size_t> column)
{
    return column && *column < fields.size() ? trimmed(fields[*column]) : std::string();
}

} // namespace

bool CatalogImport::matches(const std::vector<std::string> &header)
{
    // A file with times or event names is events that mention products, not a catalog.
    const bool eventLike = std::any_of(header.begin(), header.end(), [](const std::string &name) {
        const std::string column = lowerAscii(name);
        return column.find("time") != std::string::npos || column.find("date") != std::string::npos
            || column == "event" || column == "event_type"
            || column.find("email") != std::string::npos;
    });
    return !eventLike && CatalogColumns(header).complete();
}

ImportSummary CatalogImport::run(Workspace &workspace, const ImportRequest &request,
    InputFile &input, CsvReader &reader, ProgressSink *progress)
{
    const CatalogColumns columns(reader.header());
    if (!columns.complete())
        throw std::invalid_argument("A product catalog needs sku, name and price columns.");
    Database &db = workspace.db();
    const std::string metaCurrency = workspace.meta("currency");
    const std::string defaultCurrency = metaCurrency.empty() ? "EUR" : metaCurrency;
    const AmountParser prices(request.mapping.decimal == "comma" ? DecimalStyle::Comma
            : request.mapping.decimal == "point"                 ? DecimalStyle::Point
                                                                 : DecimalStyle::Auto);
    const auto total = static_cast<std::int64_t>(input.fileSize());
    reportProgress(progress, 0, total, "Reading");

    Transaction transaction(db);
    ImportSummary summary;
    summary.preset = kPresetName;
    summary.importId = startImportRecord(db, request, summary.preset, nowMillis());

    auto upsert = db.prepare(
        "INSERT INTO products(sku, name, category, brand, price, currency) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, category = excluded.category, "
        "brand = excluded.brand, price = excluded.price, currency = excluded.currency "
        "WHERE name IS NOT excluded.name OR category IS NOT excluded.category "
        "OR brand IS NOT excluded.brand OR price IS NOT excluded.price "
        "OR currency IS NOT excluded.currency");
    auto reject = db.prepare(
        "INSERT INTO import_rejects(import_id, line, reason, raw) VALUES (?1, ?2, ?3, ?4)");
    const auto rejectRow = [&](const CsvRecord &record, const std::string &reason) {
        reject.bind(1, summary.importId)
            .bind(2, record.line)
            .bind(3, reason)
            .bind(4, record.raw)
            .run();
        ++summary.rejected;
    };

    CsvRecord record;
    while (reader.next(record)) {
        ++summary.rowsRead;
        if (summary.rowsRead % kProgressEveryRows == 0)
            reportProgress(progress, static_cast<std::int64_t>(input.compressedBytesRead()), total,
                "Importing products");
        if (!record.error.empty()) {
            rejectRow(record, record.error);
            continue;
        }
        const std::string sku = cell(record.fields, columns.sku);
        const std::string name = cell(record.fields, columns.name);
        const std::string where = describeLine(record.line) + ": ";
        if (sku.empty()) {
            rejectRow(record, where + "no SKU in this row");
            continue;
        }
        if (name.empty()) {
            rejectRow(record, where + "product " + sku + " has no name");
            continue;
        }
        const auto price = prices.parse(cell(record.fields, columns.price));
        if (!price) {
            rejectRow(record, where + "price of " + sku + ": " + price.reason);
            continue;
        }
        const std::string brand = cell(record.fields, columns.brand);
        const std::string currency = cell(record.fields, columns.currency);
        upsert.bind(1, sku)
            .bind(2, name)
            .bind(3, cell(record.fields, columns.category))
            .bind(
                4, brand.empty() ? std::optional<std::string>() : std::optional<std::string>(brand))
            .bind(5, *price.value)
            .bind(6, currency.empty() ? defaultCurrency : currency)
            .run();
        ++(db.changes() == 0 ? summary.duplicates : summary.imported);
    }

    completeImportRecord(db, summary);
    reportProgress(progress, total, total, "Saving");
    transaction.commit();
    return summary;
}

} // namespace clientele
