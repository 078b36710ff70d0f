#pragma once

#include "ImportMapping.h"

#include <memory>
#include <string>
#include <vector>

namespace clientele {

struct MappedRow;
class RowMapper;

/**
 * A known export format: recognised from its header, it brings its own mapping and the
 * source's quirks (cancellation prefixes, ids written as floats, guest checkouts), so the
 * marketer does not have to map it by hand.
 */
class ImportPreset {
public:
    virtual ~ImportPreset() = default;

    /// Stable key used by the CLI (--preset) and saved settings, e.g. "online-retail".
    virtual std::string name() const = 0;
    /// True when a file with this header is in this format.
    virtual bool matches(const std::vector<std::string> &header) const = 0;
    /// The mapping for a file with this header: exports of different vintages name or
    /// leave out columns, and a mapping may only use the columns the file has.
    virtual ImportMapping mapping(const std::vector<std::string> &header) const = 0;
    /// The source's own rules, applied after the mapping and before validation; returns
    /// why the row must be rejected, or "". mapper reads further cells by column name with
    /// the import's parsers and normalisers.
    virtual std::string adjust(
        const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const;

    /// Every preset Clientele knows.
    static const std::vector<std::unique_ptr<ImportPreset>> &all();
    static const ImportPreset *find(const std::string &name);
    /// The preset whose header matches, or nullptr for a generic file.
    static const ImportPreset *detect(const std::vector<std::string> &header);
};

/**
 * The UCI "Online Retail" line items (InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate, UnitPrice, CustomerID, Country): one order event per invoice; invoices
 * starting with C are cancellations (refunds), with A accounting adjustments (not
 * purchases, rejected); CustomerID is written as a float (17850.0); an empty CustomerID
 * is a guest checkout, kept as an anonymous shopper of its own.
 */
class OnlineRetailPreset : public ImportPreset {
public:
    std::string name() const override { return "online-retail"; }
    bool matches(const std::vector<std::string> &header) const override;
    ImportMapping mapping(const std::vector<std::string> &header) const override;
    std::string adjust(
        const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const override;
};

} // namespace clientele
