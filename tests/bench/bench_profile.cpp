// Times what the profile page does on a large workspace: search by e-mail prefix, search by
// a phone number typed nationally, and opening a profile with its first timeline page.
// Prints median / p95 / max in milliseconds and the query plans. Make a workspace first:
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000
//   build/tests/bench/bench_profile --workspace /tmp/big.clientele [--runs 200]
#include "BenchReport.h"

#include "profile/IdentifierRef.h"
#include "profile/ProfileReader.h"
#include "profile/ProfileSearch.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace clientele;

namespace {

struct Sample {
    std::string kind;
    std::string value;
    std::int64_t profile = 0;
};

void report(const char *name, std::vector<double> millis)
{
    std::sort(millis.begin(), millis.end());
    const auto at = [&millis](double q) {
        return millis[std::min(millis.size() - 1, static_cast<std::size_t>(q * millis.size()))];
    };
    std::printf("  %-34s median %7.3f ms   p95 %7.3f ms   max %7.3f ms   (%zu runs)\n", name,
        at(0.5), at(0.95), millis.back(), millis.size());
}

/// "+4915112345678" as a German types it: "0151 1234"; other countries with their code.
std::string typedPhone(const std::string &e164)
{
    // Built with append: GCC 12 warns falsely (-Wrestrict) on literal + std::string.
    std::string typed;
    if (e164.rfind("+49", 0) == 0)
        return typed.append("0").append(e164, 3, 3).append(" ").append(e164, 6, 4);
    return typed.append(e164, 0, 3).append(" ").append(e164, 3, 3).append(" ").append(e164, 6, 3);
}

} // namespace

int main(int argc, char *argv[])
{
    const bench::Arguments args(argc, argv, "usage: bench_profile --workspace FILE [--runs N]",
        { "--workspace", "--runs" });
    const std::string path = args.text("--workspace");
    if (!args.ok() || path.empty())
        return args.usageError();
    const int runs = static_cast<int>(args.number("--runs", 200));
    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    const auto profiles = db.queryInt("SELECT count(*) FROM profiles");
    const auto events = db.queryInt("SELECT max(id) FROM events");
    const auto maxIdentity = db.queryInt("SELECT max(id) FROM identities");
    std::printf("workspace %s: %lld profiles, ~%lld events, %lld identities\n", path.c_str(),
        static_cast<long long>(profiles), static_cast<long long>(events),
        static_cast<long long>(maxIdentity));

    // Random identities of each kind, by rowid (a fixed seed: the same samples every run).
    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::int64_t> pick(1, maxIdentity);
    std::vector<Sample> emails;
    std::vector<Sample> phones;
    auto byId = db.prepare("SELECT kind, value, profile_id FROM identities WHERE id = ?1");
    for (int tries = 0; tries < runs * 200
         && (emails.size() < static_cast<std::size_t>(runs)
             || phones.size() < static_cast<std::size_t>(runs));
         ++tries) {
        byId.bind(1, pick(random));
        if (byId.step()) {
            Sample sample { byId.columnText(0), byId.columnText(1), byId.columnInt(2) };
            if (sample.kind == "email" && emails.size() < static_cast<std::size_t>(runs))
                emails.push_back(std::move(sample));
            else if (sample.kind == "phone" && phones.size() < static_cast<std::size_t>(runs))
                phones.push_back(std::move(sample));
        }
        byId.reset();
    }

    ProfileSearch search(db, "DE");
    std::size_t found = 0;
    std::vector<double> emailTimes;
    for (const Sample &sample : emails) {
        const std::string typed
            = sample.value.substr(0, std::min<std::size_t>(8, sample.value.size()));
        bench::Stopwatch stopwatch;
        const auto hits = search.find(typed, 20);
        emailTimes.push_back(stopwatch.seconds() * 1000.0);
        found += hits.empty() ? 0 : 1;
    }
    std::vector<double> phoneTimes;
    std::size_t phoneFound = 0;
    for (const Sample &sample : phones) {
        const std::string typed = typedPhone(sample.value);
        bench::Stopwatch stopwatch;
        const auto hits = search.find(typed, 20);
        phoneTimes.push_back(stopwatch.seconds() * 1000.0);
        phoneFound += std::any_of(hits.begin(), hits.end(),
                          [&](const ProfileSearchHit &h) { return h.matchedKind == "phone"; })
            ? 1
            : 0;
    }
    std::vector<double> fullEmailTimes;
    for (const Sample &sample : emails) {
        bench::Stopwatch stopwatch;
        const auto hits = search.find(sample.value, 20);
        fullEmailTimes.push_back(stopwatch.seconds() * 1000.0);
        if (hits.empty() || hits.front().profileId != sample.profile)
            std::printf("  ! exact e-mail %s not found first\n", sample.value.c_str());
    }

    ProfileReader reader(db);
    std::vector<double> openTimes;
    std::size_t timelineEvents = 0;
    for (const Sample &sample : emails) {
        bench::Stopwatch stopwatch;
        const auto profile
            = reader.find(IdentifierRef::parse(std::string("email:").append(sample.value), "DE"));
        const auto record = reader.load(*profile);
        TimelineQuery query;
        query.pageSize = 50;
        const TimelinePage page = reader.timeline(*profile, query);
        openTimes.push_back(stopwatch.seconds() * 1000.0);
        timelineEvents += page.events.size() + (record ? 0 : 1);
    }

    std::printf("results\n");
    report("search e-mail prefix (8 chars)", emailTimes);
    report("search full e-mail", fullEmailTimes);
    report("search phone typed nationally", phoneTimes);
    report("open profile + first 50 events", openTimes);
    std::printf("  e-mail prefixes with hits %zu/%zu, phones found %zu/%zu, timeline rows %zu\n",
        found, emails.size(), phoneFound, phones.size(), timelineEvents);

    std::printf("query plans\n");
    std::vector<std::string> statements = ProfileSearch::statements();
    statements.push_back(ProfileReader::timelineSql(0, 0, false));
    statements.push_back(ProfileReader::timelineSql(2, 1, true));
    for (const std::string &sql : statements) {
        auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
        std::printf("  %s\n", sql.c_str());
        while (plan.step())
            std::printf("      %s\n", plan.columnText(3).c_str());
    }
    std::printf("  peak memory %.1f MiB\n", bench::peakMemoryMiB());
    return 0;
}
