#pragma once

#include <string>
#include <vector>

namespace clientele {

class CsvReader;
class InputFile;
class ProgressSink;
class Workspace;
struct ImportRequest;
struct ImportSummary;

/**
 * The product catalog CSV (sku, name, category, brand, price): rows become products, not
 * events. A new SKU is imported, a changed one is updated (and counted as imported), an
 * unchanged one is a duplicate; a row without a SKU, a name or a readable price is
 * rejected with its line number. Events imported before or after find their product
 * (and its category) by SKU.
 */
class CatalogImport {
public:
    static constexpr const char *kPresetName = "catalog";

    /// True when the header has a SKU, a name and a price column (any case, any order).
    static bool matches(const std::vector<std::string> &header);

    static ImportSummary run(Workspace &workspace, const ImportRequest &request, InputFile &input,
        CsvReader &reader, ProgressSink *progress);
};

} // namespace clientele
