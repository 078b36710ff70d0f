#pragma once

#include "Normalized.h"

#include <string>
#include <string_view>

namespace clientele {

/**
 * Turns a phone number as a shop system or a spreadsheet wrote it into E.164
 * (`+4915112345678`), the one spelling Clientele stores as an identifier. Parsing and
 * validation are libphonenumber's, with the import's default country for numbers written
 * nationally (`0151 12345678`).
 *
 * Accepted: national and international forms with spaces, dashes, dots, slashes and
 * parentheses; the `(0)` trunk in `+49 (0)151 …`; `00` as international prefix even where the
 * country dials something else (US: 011); `tel:` links; an extension (`… ext. 12`, `… x12`),
 * which E.164 has no place for and is therefore dropped.
 *
 * Spreadsheets damage phone columns in two ways, handled on purpose:
 * - a number cell loses its `+` or its leading `0` and may be written as a float
 *   (`4915112345678.0`, `4,91511234568E+12`). A `.0` fraction is dropped; scientific notation
 *   is expanded only when every digit is still there (`4.915112345678E+12`), otherwise the
 *   value is rejected because the digits were lost, never guessed.
 * - digits without `+` or `0` are then ambiguous. They are read (1) as international when
 *   they start with the default country's calling code (`4915112345678` in DE) and that is
 *   valid, else (2) as national in the default country, else (3) as international
 *   (`447911123456` in US). A foreign number without its `+` can therefore be misread as a
 *   domestic one in countries with very open numbering plans (DE); write it with `+` or `00`.
 *
 * Rejected with a reason: letters (vanity numbers like `0800 FLOWERS` do not occur in
 * customer data, but `n/a` and `call me` do), and numbers libphonenumber finds impossible or
 * not valid for their country.
 */
class PhoneNormalizer {
public:
    /// defaultCountry is an ISO 3166 two-letter region ("DE", "gb"), used for numbers without
    /// a country code; empty means every number must carry one. Throws std::invalid_argument
    /// with a readable message for a code libphonenumber does not know.
    explicit PhoneNormalizer(std::string defaultCountry);

    /// The E.164 form, or why the cell is not usable as a phone identifier. Never throws;
    /// const and thread-safe (libphonenumber's PhoneNumberUtil is safe for parsing).
    Normalized<std::string> normalize(std::string_view input) const;

    /// The default country as libphonenumber region code ("DE"; "ZZ" for none).
    const std::string &defaultCountry() const { return region_; }

private:
    std::string region_;
    /// Calling code of the default country ("49"); empty for none. Digits that start with it
    /// are most likely an international number that lost its `+`.
    std::string callingCode_;
};

} // namespace clientele
