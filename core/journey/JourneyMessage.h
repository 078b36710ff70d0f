#pragma once

#include "store/Database.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace clientele {

/**
 * Fills a message template: `{{first_name}}`, `{{cart.items}}`, `{{cart.value}}`, each with
 * an optional fallback after a bar (`{{first_name|there}}`) used when the value is empty.
 */
class JourneyMessage {
public:
    /// The tokens a template may use.
    static const std::vector<std::string> &tokens();
    /// Tokens in text that are not known (for validation), in order of appearance.
    static std::vector<std::string> unknownTokens(const std::string &text);
    /// The text with every token replaced by its value (or fallback, or nothing).
    static std::string render(
        const std::string &text, const std::map<std::string, std::string> &values);
    /**
     * The token values of a shopper: first_name from the profile; cart.items (product
     * names, "A, B and 2 more") and cart.value ("39.90 EUR") from the products added since
     * their last order and not removed again — of one cart when cart is given.
     */
    static std::map<std::string, std::string> valuesFor(
        Database &db, std::int64_t profileId, const std::string &cart = {});
};

/**
 * JourneyMessage::valuesFor with its queries prepared once, for a job that renders many
 * messages (the journey runtime, one per send).
 */
class MessageValues {
public:
    explicit MessageValues(Database &db);
    std::map<std::string, std::string> of(std::int64_t profileId, const std::string &cart = {});

private:
    Statement name_;
    Statement cartLines_;
};

} // namespace clientele
