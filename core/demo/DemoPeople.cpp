#include "DemoPeople.h"

#include "DemoRandom.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <string_view>

namespace clientele {

namespace {

/// A name as written and as it appears in an e-mail address (ASCII, lower case).
struct Name {
    const char *written;
    const char *ascii;
};

struct City {
    const char *name;
    double weight;
};

struct CountryPeople {
    DemoCountry country;
    double weight; ///< share of the shop's customers
    std::span<const Name> firstNames;
    std::span<const Name> lastNames;
    std::span<const City> cities;
    const char *phonePrefix; ///< country code and mobile prefix without the variable digit
    const char *phonePrefixDigits; ///< one of these follows the prefix
    int subscriberDigits;
};

constexpr Name kGermanFirst[] = {
    { "Lena", "lena" },
    { "Anna", "anna" },
    { "Laura", "laura" },
    { "Julia", "julia" },
    { "Sarah", "sarah" },
    { "Lisa", "lisa" },
    { "Marie", "marie" },
    { "Sophie", "sophie" },
    { "Hannah", "hannah" },
    { "Lea", "lea" },
    { "Katharina", "katharina" },
    { "Johanna", "johanna" },
    { "Clara", "clara" },
    { "Emma", "emma" },
    { "Mia", "mia" },
    { "Jonas", "jonas" },
    { "Lukas", "lukas" },
    { "Leon", "leon" },
    { "Felix", "felix" },
    { "Maximilian", "maximilian" },
    { "Paul", "paul" },
    { "Tim", "tim" },
    { "Jan", "jan" },
    { "Niklas", "niklas" },
    { "Moritz", "moritz" },
    { "Tobias", "tobias" },
    { "Florian", "florian" },
    { "Sebastian", "sebastian" },
    { "Jürgen", "juergen" },
    { "Jörg", "joerg" },
};
constexpr Name kGermanLast[] = {
    { "Müller", "mueller" },
    { "Schmidt", "schmidt" },
    { "Schneider", "schneider" },
    { "Fischer", "fischer" },
    { "Weber", "weber" },
    { "Meyer", "meyer" },
    { "Wagner", "wagner" },
    { "Becker", "becker" },
    { "Schulz", "schulz" },
    { "Hoffmann", "hoffmann" },
    { "Schäfer", "schaefer" },
    { "Koch", "koch" },
    { "Bauer", "bauer" },
    { "Richter", "richter" },
    { "Klein", "klein" },
    { "Wolf", "wolf" },
    { "Schröder", "schroeder" },
    { "Neumann", "neumann" },
    { "Schwarz", "schwarz" },
    { "Zimmermann", "zimmermann" },
    { "Braun", "braun" },
    { "Krüger", "krueger" },
    { "Hartmann", "hartmann" },
    { "Lange", "lange" },
    { "Weiß", "weiss" },
    { "Krause", "krause" },
};
constexpr City kGermanCities[] = {
    { "Berlin", 9 },
    { "Hamburg", 5 },
    { "München", 5 },
    { "Köln", 4 },
    { "Frankfurt am Main", 3 },
    { "Stuttgart", 3 },
    { "Düsseldorf", 2 },
    { "Leipzig", 2 },
    { "Dresden", 2 },
    { "Freiburg im Breisgau", 1 },
    { "Münster", 1 },
    { "Nürnberg", 2 },
};

constexpr Name kAustrianFirst[] = {
    { "Lukas", "lukas" },
    { "David", "david" },
    { "Elias", "elias" },
    { "Tobias", "tobias" },
    { "Jakob", "jakob" },
    { "Florian", "florian" },
    { "Sarah", "sarah" },
    { "Anna", "anna" },
    { "Lena", "lena" },
    { "Hannah", "hannah" },
    { "Valentina", "valentina" },
    { "Katharina", "katharina" },
    { "Theresa", "theresa" },
    { "Magdalena", "magdalena" },
};
constexpr Name kAustrianLast[] = {
    { "Gruber", "gruber" },
    { "Huber", "huber" },
    { "Wagner", "wagner" },
    { "Bauer", "bauer" },
    { "Pichler", "pichler" },
    { "Steiner", "steiner" },
    { "Moser", "moser" },
    { "Mayer", "mayer" },
    { "Hofer", "hofer" },
    { "Leitner", "leitner" },
    { "Berger", "berger" },
    { "Fuchs", "fuchs" },
    { "Eder", "eder" },
    { "Schmid", "schmid" },
};
constexpr City kAustrianCities[] = {
    { "Wien", 6 },
    { "Graz", 2 },
    { "Linz", 2 },
    { "Salzburg", 1.5 },
    { "Innsbruck", 1.5 },
};

constexpr Name kSwissFirst[] = {
    { "Noah", "noah" },
    { "Luca", "luca" },
    { "Levin", "levin" },
    { "Nico", "nico" },
    { "Simon", "simon" },
    { "Jonas", "jonas" },
    { "Mia", "mia" },
    { "Lina", "lina" },
    { "Elena", "elena" },
    { "Laura", "laura" },
    { "Lara", "lara" },
    { "Jana", "jana" },
    { "Zoé", "zoe" },
    { "Chloé", "chloe" },
};
constexpr Name kSwissLast[] = {
    { "Müller", "mueller" },
    { "Meier", "meier" },
    { "Schmid", "schmid" },
    { "Keller", "keller" },
    { "Weber", "weber" },
    { "Huber", "huber" },
    { "Gerber", "gerber" },
    { "Brunner", "brunner" },
    { "Baumann", "baumann" },
    { "Frei", "frei" },
    { "Favre", "favre" },
    { "Zimmermann", "zimmermann" },
};
constexpr City kSwissCities[] = {
    { "Zürich", 5 },
    { "Bern", 2 },
    { "Basel", 2 },
    { "Luzern", 1.5 },
    { "Lausanne", 1.5 },
};

constexpr Name kDutchFirst[] = {
    { "Daan", "daan" },
    { "Sem", "sem" },
    { "Lucas", "lucas" },
    { "Levi", "levi" },
    { "Finn", "finn" },
    { "Bram", "bram" },
    { "Lars", "lars" },
    { "Thijs", "thijs" },
    { "Emma", "emma" },
    { "Julia", "julia" },
    { "Sophie", "sophie" },
    { "Tess", "tess" },
    { "Fenna", "fenna" },
    { "Sanne", "sanne" },
    { "Lotte", "lotte" },
};
constexpr Name kDutchLast[] = {
    { "de Jong", "dejong" },
    { "Jansen", "jansen" },
    { "de Vries", "devries" },
    { "van den Berg", "vandenberg" },
    { "van Dijk", "vandijk" },
    { "Bakker", "bakker" },
    { "Visser", "visser" },
    { "Smit", "smit" },
    { "Meijer", "meijer" },
    { "de Boer", "deboer" },
    { "Mulder", "mulder" },
    { "de Groot", "degroot" },
    { "Bos", "bos" },
};
constexpr City kDutchCities[] = {
    { "Amsterdam", 5 },
    { "Rotterdam", 3 },
    { "Utrecht", 2.5 },
    { "Den Haag", 2.5 },
    { "Eindhoven", 1.5 },
};

constexpr Name kBritishFirst[] = {
    { "Oliver", "oliver" },
    { "George", "george" },
    { "Harry", "harry" },
    { "Jack", "jack" },
    { "Charlie", "charlie" },
    { "Thomas", "thomas" },
    { "James", "james" },
    { "Olivia", "olivia" },
    { "Amelia", "amelia" },
    { "Isla", "isla" },
    { "Ava", "ava" },
    { "Emily", "emily" },
    { "Grace", "grace" },
    { "Chloe", "chloe" },
};
constexpr Name kBritishLast[] = {
    { "Smith", "smith" },
    { "Jones", "jones" },
    { "Taylor", "taylor" },
    { "Brown", "brown" },
    { "Williams", "williams" },
    { "Wilson", "wilson" },
    { "Davies", "davies" },
    { "Evans", "evans" },
    { "Robinson", "robinson" },
    { "Wright", "wright" },
    { "Walker", "walker" },
    { "O'Neill", "oneill" },
};
constexpr City kBritishCities[] = {
    { "London", 6 },
    { "Manchester", 2 },
    { "Bristol", 1.5 },
    { "Edinburgh", 1.5 },
    { "Leeds", 1.5 },
};

// Mobile ranges that numbering plans (and so libphonenumber) accept as allocated, so that
// every demo phone survives an import's validation.
const std::array<CountryPeople, 5> kCountries { {
    { { "DE", "Europe/Berlin", 1 }, 0.55, kGermanFirst, kGermanLast, kGermanCities, "+4915", "127",
        8 },
    { { "AT", "Europe/Vienna", 1 }, 0.14, kAustrianFirst, kAustrianLast, kAustrianCities, "+4366",
        "04", 7 },
    { { "CH", "Europe/Zurich", 1 }, 0.10, kSwissFirst, kSwissLast, kSwissCities, "+417", "6789",
        7 },
    { { "NL", "Europe/Amsterdam", 1 }, 0.11, kDutchFirst, kDutchLast, kDutchCities, "+316",
        "12345", 7 },
    { { "GB", "Europe/London", 0 }, 0.10, kBritishFirst, kBritishLast, kBritishCities, "+447",
        "458", 8 },
} };

constexpr DemoShop kShops[] = {
    { "Trailhead Berlin Mitte", "Berlin" },
    { "Trailhead Hamburg", "Hamburg" },
    { "Trailhead München", "München" },
    { "Trailhead Köln", "Köln" },
    { "Trailhead Wien", "Wien" },
    { "Trailhead Zürich", "Zürich" },
    { "Trailhead Amsterdam", "Amsterdam" },
};

constexpr const char *kDomains[] = { "example.com", "example.org", "example.net" };

/// The shop in the shopper's city, else the country's first shop (nullptr: none there).
const DemoShop *shopFor(const CountryPeople &people, std::string_view city, bool &inCity)
{
    inCity = false;
    const DemoShop *nearest = nullptr;
    for (const auto &shop : kShops) {
        const bool inCountry = std::any_of(people.cities.begin(), people.cities.end(),
            [&](const City &c) { return std::string_view(c.name) == shop.city; });
        if (!inCountry)
            continue;
        if (city == shop.city) {
            inCity = true;
            return &shop;
        }
        if (!nearest)
            nearest = &shop;
    }
    return nearest;
}

/// A bijection on [0, 10^digits): distinct shoppers get distinct numbers, scattered.
std::uint64_t scatter(std::uint64_t index, std::uint64_t key, int digits)
{
    std::uint64_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    // 7,654,321 is odd and does not end in 5, hence coprime with every power of ten.
    return (index % modulus * 7654321ull + key % modulus) % modulus;
}

std::string digits(std::uint64_t value, int width)
{
    char text[32];
    std::snprintf(text, sizeof text, "%0*llu", width, static_cast<unsigned long long>(value));
    return text;
}

} // namespace

DemoPeople::DemoPeople(std::uint64_t seed)
    : key_(mix64(seed ^ 0x70E0E1Eull))
{
}

DemoPerson DemoPeople::person(std::int64_t index, DemoRandom &random) const
{
    std::array<double, kCountries.size()> countryWeights {};
    for (std::size_t i = 0; i < kCountries.size(); ++i)
        countryWeights[i] = kCountries[i].weight;
    const auto &people = kCountries[random.weighted(countryWeights)];

    DemoPerson person;
    const auto &first = random.pick(people.firstNames);
    const auto &last = random.pick(people.lastNames);
    person.firstName = first.written;
    person.lastName = last.written;
    person.country = &people.country;

    double cityWeights[16] {};
    for (std::size_t i = 0; i < people.cities.size(); ++i)
        cityWeights[i] = people.cities[i].weight;
    person.city = people.cities[random.weighted(std::span(cityWeights, people.cities.size()))].name;
    person.homeShop = shopFor(people, person.city, person.livesNearShop);

    const char *domain = kDomains[random.between(0, 2)];
    person.email
        = std::string(first.ascii) + "." + last.ascii + std::to_string(index) + "@" + domain;
    addIdentifiers(person, index, random);
    return person;
}

DemoPerson DemoPeople::briefShopper(std::int64_t index, const std::string &email) const
{
    DemoRandom random(key_, static_cast<std::uint64_t>(index));
    DemoPerson person;
    person.firstName = "Lena";
    person.lastName = "Hoffmann";
    person.country = &kCountries[0].country;
    person.city = "Berlin";
    person.homeShop = shopFor(kCountries[0], person.city, person.livesNearShop);
    person.email = email;
    addIdentifiers(person, index, random);
    return person;
}

void DemoPeople::addIdentifiers(DemoPerson &person, std::int64_t index, DemoRandom &random) const
{
    const auto position = static_cast<std::uint64_t>(index);
    for (const auto &people : kCountries) {
        if (&people.country != person.country)
            continue;
        std::string prefix = people.phonePrefix;
        const std::string_view choices = people.phonePrefixDigits;
        if (!choices.empty())
            prefix += choices[static_cast<std::size_t>(
                random.between(0, static_cast<std::int64_t>(choices.size()) - 1))];
        // The subscriber part alone is unique per shopper, so the whole number is too.
        person.phone = prefix
            + digits(scatter(position, key_, people.subscriberDigits), people.subscriberDigits);
    }
    person.customerId = std::string("C").append(std::to_string(100001 + index));
    person.loyaltyCard = std::string("LC-").append(digits(scatter(position, key_ >> 7, 10), 10));
}

std::string DemoPeople::anonymousId(std::int64_t index, int device) const
{
    // mix64 is a bijection, so distinct (index, device) pairs give distinct ids.
    char text[24];
    std::snprintf(text, sizeof text, "anon-%016llx",
        static_cast<unsigned long long>(mix64(
            key_ + static_cast<std::uint64_t>(index) * 8 + static_cast<std::uint64_t>(device))));
    return text;
}

} // namespace clientele
