#pragma once

#include <cstdint>
#include <string>

namespace clientele {

class DemoRandom;

/// A country the shop sells to, with what a shopper's profile needs from it.
struct DemoCountry {
    const char *code; ///< ISO 3166-1 alpha-2
    const char *timezone; ///< IANA
    int standardOffsetHours; ///< UTC offset in winter; summer time adds one
};

/// A shop the chain runs; shoppers near one can buy in store with a loyalty card.
struct DemoShop {
    const char *name;
    const char *city;
};

/// A person's name, home and contact details. Names and places are invented or common;
/// e-mail domains are the reserved example.* ones, so no real inbox is ever named.
struct DemoPerson {
    std::string firstName;
    std::string lastName;
    const DemoCountry *country = nullptr;
    std::string city;
    /// The shop in the shopper's city or country; nullptr where the chain has none.
    const DemoShop *homeShop = nullptr;
    bool livesNearShop = false;
    std::string email;
    std::string phone; ///< E.164
    std::string customerId;
    std::string loyaltyCard;
};

/**
 * Makes the demo's people. Every identifier is derived from the shopper's index through a
 * bijection, so identifiers never collide (identities.(kind, value) is unique) without a
 * lookup table, however many shoppers are generated.
 */
class DemoPeople {
public:
    explicit DemoPeople(std::uint64_t seed);

    /// Shopper number index (0-based): a person drawn from random.
    DemoPerson person(std::int64_t index, DemoRandom &random) const;
    /// Lena Hoffmann from Berlin, the shopper of the product brief.
    DemoPerson briefShopper(std::int64_t index, const std::string &email) const;

    /// "anon-" and 16 hex digits, one per browser or app install of a shopper.
    std::string anonymousId(std::int64_t index, int device) const;

private:
    void addIdentifiers(DemoPerson &person, std::int64_t index, DemoRandom &random) const;

    std::uint64_t key_;
};

} // namespace clientele
