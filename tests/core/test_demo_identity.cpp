#include "TestFiles.h"

#include "demo/DemoEventExport.h"
#include "demo/DemoStore.h"
#include "ingest/ImportJob.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace clientele;
using clientele::test::toStd;

namespace {

constexpr int kShoppers = 3000;
constexpr std::uint64_t kSeed = 42;

std::int64_t pairsOf(std::int64_t n)
{
    return n * (n - 1) / 2;
}

std::string keyOf(const std::string &kind, const std::string &value)
{
    return kind + '\x1f' + value;
}

/// Pairwise agreement of the resolved profiles with the true shoppers, from the contingency
/// counts (true shopper × resolved profile) rather than from every pair of identifiers.
struct PairCounts {
    std::int64_t truePositives = 0;
    std::int64_t predictedPairs = 0;
    std::int64_t truePairs = 0;
    std::int64_t trueClusters = 0;
    std::int64_t resolvedClusters = 0;

    double precision() const
    {
        return predictedPairs == 0 ? 1.0 : double(truePositives) / double(predictedPairs);
    }
    double recall() const
    {
        return truePairs == 0 ? 1.0 : double(truePositives) / double(truePairs);
    }
};

/// includeLost: an identifier missing from the resolved workspace counts as a profile of
/// its own; otherwise it is left out.
PairCounts pairCounts(const std::vector<DemoTrueIdentity> &truth,
    const std::unordered_map<std::string, std::int64_t> &resolvedOf, bool includeLost)
{
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> both;
    std::unordered_map<std::int64_t, std::int64_t> perTrue;
    std::unordered_map<std::int64_t, std::int64_t> perResolved;
    std::int64_t lostProfile = -1;
    for (const auto &identity : truth) {
        const auto found = resolvedOf.find(keyOf(identity.kind, identity.value));
        if (found == resolvedOf.end() && !includeLost)
            continue;
        const std::int64_t resolved = found == resolvedOf.end() ? lostProfile-- : found->second;
        ++both[{ identity.shopper, resolved }];
        ++perTrue[identity.shopper];
        ++perResolved[resolved];
    }
    PairCounts counts;
    for (const auto &[cell, count] : both)
        counts.truePositives += pairsOf(count);
    for (const auto &[shopper, count] : perTrue)
        counts.truePairs += pairsOf(count);
    for (const auto &[profile, count] : perResolved)
        counts.predictedPairs += pairsOf(count);
    counts.trueClusters = static_cast<std::int64_t>(perTrue.size());
    counts.resolvedClusters = static_cast<std::int64_t>(perResolved.size());
    return counts;
}

} // namespace

/**
 * Identity resolution measured against the truth: the demo store's shoppers, replayed as
 * the raw Segment stream their channels would have sent, must come back as the same
 * shoppers.
 */
class TestDemoIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolutionRecoversTheTrueShoppers();
};

void TestDemoIdentity::resolutionRecoversTheTrueShoppers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string demoPath = toStd(dir.filePath(QStringLiteral("demo.clientele")));
    const std::string streamPath = toStd(dir.filePath(QStringLiteral("demo.jsonl")));
    const std::string importedPath = toStd(dir.filePath(QStringLiteral("imported.clientele")));

    DemoOptions options;
    options.shoppers = kShoppers;
    options.seed = kSeed;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(demoPath, options);

    // The stream, and which shopper each identifier in it really belongs to.
    DemoEventExportResult exported;
    std::string briefEmail = DemoStore::kBriefShopperEmail;
    std::string briefAppDevice;
    {
        Workspace demo = Workspace::open(demoPath);
        std::ofstream out(streamPath, std::ios::binary);
        exported = DemoEventExport::write(demo.db(), out);
        out.close();
        QVERIFY(out.good());
        Statement device = demo.db().prepare(
            "SELECT d.value FROM identities d JOIN identities e ON e.profile_id = d.profile_id"
            " WHERE e.kind = 'email' AND e.value = ?1 AND d.kind = 'anonymous_id'"
            " AND d.source = 'app'");
        device.bind(1, briefEmail);
        QVERIFY(device.step());
        briefAppDevice = device.columnText(0);
    }
    QVERIFY(exported.messages > 0);
    QVERIFY(!exported.truth.empty());

    Workspace imported = Workspace::create(importedPath);
    ImportRequest request;
    request.inputPath = streamPath;
    request.preset = "segment";
    const auto started = std::chrono::steady_clock::now();
    const ImportSummary summary = ImportJob::run(imported, request);
    const auto importMillis = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started)
                                  .count();
    QCOMPARE(summary.rowsRead, summary.imported + summary.duplicates + summary.rejected);
    QCOMPARE(summary.rowsRead, exported.messages);
    QCOMPARE(summary.rejected, std::int64_t(0));

    std::unordered_map<std::string, std::int64_t> resolvedOf;
    {
        Statement identities
            = imported.db().prepare("SELECT kind, value, profile_id FROM identities");
        while (identities.step())
            resolvedOf.emplace(
                keyOf(identities.columnText(0), identities.columnText(1)), identities.columnInt(2));
    }

    // Every identifier the demo writes is valid (its phones are in allocated ranges), so
    // every one of them reaches resolution.
    std::int64_t lost = 0;
    for (const auto &identity : exported.truth) {
        if (resolvedOf.count(keyOf(identity.kind, identity.value)) == 0)
            ++lost;
    }
    QCOMPARE(lost, std::int64_t(0));
    QCOMPARE(summary.identifiersRejected, std::int64_t(0));

    const PairCounts accepted = pairCounts(exported.truth, resolvedOf, false);
    const PairCounts all = pairCounts(exported.truth, resolvedOf, true);

    qInfo("demo: %d shoppers, %lld messages (%lld unattributable, not written; %lld session "
          "events given their device), %zu identifiers, %lld demo identities not in the stream",
        kShoppers, static_cast<long long>(exported.messages),
        static_cast<long long>(exported.unattributable),
        static_cast<long long>(exported.devicesInferred), exported.truth.size(),
        static_cast<long long>(exported.identitiesNotExported));
    qInfo(
        "import: %lld ms; %lld imported, %lld duplicates, %lld rejected; %lld profiles created, "
        "%lld merges, %lld refused; %lld identifier cells refused, %lld distinct identifiers lost",
        static_cast<long long>(importMillis), static_cast<long long>(summary.imported),
        static_cast<long long>(summary.duplicates), static_cast<long long>(summary.rejected),
        static_cast<long long>(summary.profilesCreated), static_cast<long long>(summary.merges),
        static_cast<long long>(summary.mergesRefused),
        static_cast<long long>(summary.identifiersRejected), static_cast<long long>(lost));
    qInfo("imported identifiers: true shoppers %lld, resolved profiles %lld; pairwise precision "
          "%.5f (%lld / %lld), recall %.5f (%lld / %lld)",
        static_cast<long long>(accepted.trueClusters),
        static_cast<long long>(accepted.resolvedClusters), accepted.precision(),
        static_cast<long long>(accepted.truePositives),
        static_cast<long long>(accepted.predictedPairs), accepted.recall(),
        static_cast<long long>(accepted.truePositives), static_cast<long long>(accepted.truePairs));
    qInfo("all exported identifiers (a refused one counts as a profile of its own): precision "
          "%.5f, recall %.5f",
        all.precision(), all.recall());

    QVERIFY2(accepted.precision() >= 0.99, "merges join identifiers of different shoppers");
    QVERIFY2(accepted.recall() >= 0.99, "identifiers of one shopper stay apart");
    QVERIFY2(all.precision() >= 0.99 && all.recall() >= 0.99, "exported identifiers were lost");

    // Lena: the phone app she browsed on and the e-mail her receipt went to are one profile.
    const auto app = resolvedOf.find(keyOf("anonymous_id", briefAppDevice));
    const auto email = resolvedOf.find(keyOf("email", briefEmail));
    QVERIFY(app != resolvedOf.end());
    QVERIFY(email != resolvedOf.end());
    QCOMPARE(app->second, email->second);
}

QTEST_GUILESS_MAIN(TestDemoIdentity)
#include "test_demo_identity.moc"
