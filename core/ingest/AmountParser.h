#pragma once

#include "Normalized.h"

#include <string>
#include <string_view>
#include <vector>

namespace clientele {

/// How an import writes the decimal separator: `1,234.56` (Point), `1.234,56` (Comma), or
/// decided per value (Auto).
enum class DecimalStyle { Auto, Point, Comma };

/**
 * Reads money amounts and quantities as shop exports write them: `1.234,56 €`, `$1,234.56`,
 * `'123` (Shopify's text marker), `-5`, `−5` (U+2212) or `–5` (en dash, from word
 * processors), `(5.00)` (accounting negative), `1 234,56` with a normal, no-break or narrow
 * no-break space (French, Swedish), `1'234.50` (Swiss). Around the number it accepts one sign and
 * one currency: a currency symbol (any Unicode currency sign: € $ £ ¥ ₹ …), a three-letter
 * upper-case code (EUR, USD, CHF) or a common local abbreviation (kr, zł, Kč, Ft, Fr.).
 *
 * Thousands separators must group digits by three; that rule is what tells most values'
 * style apart (`1,5` can only be a decimal comma, `0,123` too). A value with one `,` or `.`
 * followed by exactly three digits (`1,234`) could be either; in Auto style it is read as the
 * import's `ambiguousAs` style, usually detectStyle() of the column, and rejected with a
 * reason asking for the style when that is Auto as well, because guessing wrong would be
 * off by a factor of a thousand. With an explicit style every value must follow it.
 *
 * The result is a double: exact enough for the sums, averages and thresholds segments
 * compute (15 significant digits), and the currency is stored beside it. Exponents,
 * NaN and infinity are rejected: they are not how a shop writes an amount.
 */
class AmountParser {
public:
    /// style is how this import writes decimals; ambiguousAs decides values like `1,234` in
    /// Auto style (Auto: reject them with a reason instead of guessing).
    explicit AmountParser(
        DecimalStyle style = DecimalStyle::Auto, DecimalStyle ambiguousAs = DecimalStyle::Auto);

    /// The amount, or why the cell is not one. Never throws; const and thread-safe.
    Normalized<double> parse(std::string_view text) const;

    /// The style that the samples (one column of a file) show where a value tells: Point,
    /// Comma, or Auto when none does or they disagree as often as not. Meant for
    /// AmountParser(DecimalStyle::Auto, detectStyle(samples)).
    static DecimalStyle detectStyle(const std::vector<std::string> &samples);

    DecimalStyle style() const { return style_; }

private:
    DecimalStyle style_;
    DecimalStyle ambiguousAs_;
};

} // namespace clientele
