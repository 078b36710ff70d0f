#pragma once

#include <string>
#include <string_view>

namespace clientele {

/**
 * A shopper named on a command line or in a search box as `KIND:VALUE`
 * (`email:Ana@Example.com`, `phone:0151 12345678`, `customer_id:17850`, `profile:42`),
 * with the value normalised the way imports store it, so that it finds the identity.
 */
struct IdentifierRef {
    /// "profile" for a profile id, else an identity kind.
    std::string kind;
    std::string value;

    /// Parses and normalises text. defaultCountry ("DE") reads nationally written phone
    /// numbers. Throws std::invalid_argument with a readable message.
    static IdentifierRef parse(std::string_view text, const std::string &defaultCountry);
};

} // namespace clientele
