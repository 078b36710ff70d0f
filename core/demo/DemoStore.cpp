#include "DemoStore.h"

#include "DemoCatalog.h"
#include "DemoPeople.h"
#include "DemoSegments.h"
#include "DemoShopper.h"
#include "DemoWriter.h"
#include "journey/JourneyStore.h"
#include "journey/JourneyTemplates.h"
#include "predict/Predictions.h"
#include "profile/TraitBuilder.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace clientele {

namespace {

namespace fs = std::filesystem;

constexpr int kHistoryDays = 365;
constexpr int kProgressEvery = 2000; ///< shoppers between two progress reports
constexpr int kNewsletterEveryDays = 35;
constexpr const char *kStoreName = "Trailhead Running & Outdoor";

constexpr const char *kNewsletterSubjects[] = {
    "New season, new shoes: this week's arrivals",
    "Trail running for beginners: our guide",
    "Race week checklist",
    "Layer up: running in the cold",
    "Members' weekend: double loyalty points",
    "Hydration, simply explained",
    "Our staff's favourite socks",
    "Summer sale: up to 30 % off",
};

/// The calendar of the demo: its window, the newsletter issues, the campaign's weeks.
DemoWorld makeWorld(
    const DemoCatalog &catalog, const DemoPeople &people, std::uint64_t seed, Millis end)
{
    DemoWorld world(catalog, people);
    world.seed = seed;
    world.end = end;
    world.start = end - kHistoryDays * kMillisPerDay;
    // The cart-recovery campaign ran for about two months, roughly six to four months ago.
    world.campaignStart = end - 190 * kMillisPerDay;
    world.campaignEnd = end - 120 * kMillisPerDay;
    const std::size_t subjects = std::size(kNewsletterSubjects);
    for (Millis issue = world.start + 4 * kMillisPerDay + 7 * kMillisPerHour;
         issue < end - kMillisPerDay; issue += kNewsletterEveryDays * kMillisPerDay) {
        world.newsletterSubjects.push_back(
            kNewsletterSubjects[world.newsletterIssues.size() % subjects]);
        world.newsletterNames.push_back(std::string("newsletter-").append(formatIsoDate(issue)));
        world.newsletterIssues.push_back(issue);
    }
    return world;
}

void removeWithCompanions(const std::string &path)
{
    std::error_code ignored;
    for (const char *suffix : { "", "-wal", "-shm", "-journal" })
        fs::remove(path + suffix, ignored);
}

} // namespace

DemoSummary DemoStore::generate(
    Workspace &workspace, const DemoOptions &options, ProgressSink *progress)
{
    Database &db = workspace.db();
    if (db.queryInt("SELECT (SELECT count(*) FROM profiles) + (SELECT count(*) FROM events) "
                    "+ (SELECT count(*) FROM products)")
        > 0) {
        throw StoreError(
            StoreError::Kind::Sql, "The demo store can only be written into an empty workspace.");
    }
    // The brief shopper is always there, so there is at least one shopper.
    const std::int64_t shoppers = std::max(1, options.shoppers);
    const Millis end = startOfDay(options.end);

    const DemoCatalog catalog;
    const DemoPeople people(options.seed);
    const DemoWorld world = makeWorld(catalog, people, options.seed, end);
    DemoCounters counters;
    DemoShopper shopper(world, counters);
    DemoShopperRows rows;
    DemoSummary summary;
    std::int64_t revenueCents = 0;

    reportProgress(progress, 0, shoppers, "Writing products");
    Transaction transaction(db);
    dropEventIndexes(db);
    DemoWriter writer(db, options.seed);
    writer.writeProducts(catalog);
    summary.products = static_cast<std::int64_t>(catalog.products().size());

    for (std::int64_t index = 0; index < shoppers; ++index) {
        if (index % kProgressEvery == 0)
            reportProgress(progress, index, shoppers, "Writing shoppers");
        shopper.simulate(index, rows);
        writer.writeShopper(rows);
        ++summary.profiles;
        summary.knownProfiles += rows.known ? 1 : 0;
        summary.orders += rows.orders;
        revenueCents += rows.revenueCents;
    }
    summary.events = writer.eventsWritten();
    summary.revenue = static_cast<double>(revenueCents) / 100.0;

    reportProgress(progress, shoppers, shoppers, "Building indexes");
    createEventIndexes(db);
    // The demo opens with its customers' traits (orders, RFM, carts …) ready.
    TraitBuilder::rebuildAll(db, progress);
    workspace.setMeta("origin", "demo");
    workspace.setMeta("demo.seed", std::to_string(options.seed));
    workspace.setMeta("demo.end", formatIsoDate(end));
    workspace.setMeta("demo.shoppers", std::to_string(shoppers));
    workspace.setMeta("currency", "EUR");
    workspace.setMeta("store.name", kStoreName);
    // The Journeys area opens with the cart-recovery journey saved (off), ready to
    // simulate over the demo's history.
    JourneyStore(db).save(JourneyTemplates::cartRecovery(), end);
    // Predictions (lifetime value, churn risk, replenishment) ready on first start, and
    // the saved segments built on them. A tiny demo has too few repeat buyers to fit.
    try {
        predict::FitOptions fit;
        fit.now = end;
        predict::Predictions::fit(db, fit, progress);
    } catch (const predict::PredictionError &) {
    }
    DemoSegments::save(db, end);
    reportProgress(progress, shoppers, shoppers, "Saving");
    transaction.commit();
    return summary;
}

DemoSummary DemoStore::writeWorkspace(
    const std::string &path, const DemoOptions &options, ProgressSink *progress)
{
    std::error_code ec;
    if (fs::exists(path, ec))
        throw StoreError(StoreError::Kind::CannotOpen, "'" + path + "' already exists.");
    const std::string partial = path + ".partial";
    removeWithCompanions(partial);
    try {
        DemoSummary summary;
        {
            Workspace workspace = Workspace::create(partial);
            Database &db = workspace.db();
            // Nobody else can see the partial file and a failure deletes it, so it needs
            // neither a write-ahead log (which would write every page twice) nor fsyncs.
            // The rollback journal stays, in memory, so that a cancel still rolls back.
            db.exec("PRAGMA journal_mode = MEMORY");
            db.exec("PRAGMA synchronous = OFF");
            // The generator writes consistent rows; checking each event's profile costs time.
            db.exec("PRAGMA foreign_keys = OFF");
            summary = generate(workspace, options, progress);
            db.exec("PRAGMA foreign_keys = ON");
            db.exec("PRAGMA journal_mode = WAL");
        }
        if (fs::exists(path, ec))
            throw StoreError(StoreError::Kind::CannotOpen, "'" + path + "' already exists.");
        fs::rename(partial, path, ec);
        if (ec)
            throw StoreError(StoreError::Kind::CannotOpen,
                "Cannot move the demo workspace to '" + path + "': " + ec.message());
        removeWithCompanions(partial);
        return summary;
    } catch (...) {
        removeWithCompanions(partial);
        throw;
    }
}

} // namespace clientele
