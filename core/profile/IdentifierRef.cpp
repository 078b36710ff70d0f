#include "IdentifierRef.h"

#include "identity/MergeRules.h"
#include "ingest/EmailNormalizer.h"
#include "ingest/PhoneNormalizer.h"

#include <stdexcept>

namespace clientele {

IdentifierRef IdentifierRef::parse(std::string_view text, const std::string &defaultCountry)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        throw std::invalid_argument("'" + std::string(text)
            + "' does not name a shopper; write KIND:VALUE, e.g. email:ana@example.com, "
              "phone:+4915112345678, customer_id:17850 or profile:42");
    IdentifierRef ref;
    ref.kind = std::string(text.substr(0, colon));
    const std::string_view value = text.substr(colon + 1);
    if (ref.kind == IdentityKind::Email) {
        const auto email = EmailNormalizer::normalize(value);
        if (!email)
            throw std::invalid_argument(email.reason);
        ref.value = *email.value;
    } else if (ref.kind == IdentityKind::Phone) {
        const auto phone = PhoneNormalizer(defaultCountry).normalize(value);
        if (!phone)
            throw std::invalid_argument(phone.reason);
        ref.value = *phone.value;
    } else if (ref.kind == "profile") {
        if (value.find_first_not_of("0123456789") != std::string_view::npos || value.size() > 18)
            throw std::invalid_argument(
                "'" + std::string(value) + "' is not a profile number (digits only)");
        ref.value = std::string(value);
    } else {
        ref.value = std::string(value);
    }
    return ref;
}

} // namespace clientele
