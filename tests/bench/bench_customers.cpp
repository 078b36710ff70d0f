// Times the Customers area on a large workspace, through the same objects the window uses
// (CustomerListModel and ProfileSearchRunner, with their worker threads), from request to
// the rows being in the model: the first block, a fetchMore deep in the list, a sort switch,
// and search as you type. Also the bare core queries, and their query plans.
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000
//   build/tests/bench/bench_customers --workspace /tmp/big.clientele [--runs 30]
#include "BenchReport.h"

#include "CustomerListModel.h"
#include "ProfileSearchRunner.h"

#include "profile/CustomerList.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace clientele;

namespace {

void report(const char *name, std::vector<double> millis)
{
    std::sort(millis.begin(), millis.end());
    const auto at = [&millis](double q) {
        return millis[std::min(millis.size() - 1, static_cast<std::size_t>(q * millis.size()))];
    };
    std::printf("  %-40s median %8.3f ms   p95 %8.3f ms   max %8.3f ms   (%zu runs)\n", name,
        at(0.5), at(0.95), millis.back(), millis.size());
}

/// Runs the event loop until the model has at least rows rows and is idle.
void waitForRows(CustomerListModel &model, int rows)
{
    QEventLoop loop;
    QObject::connect(&model, &CustomerListModel::blockLoaded, &loop, [&] {
        if (model.rowCount() >= rows && !model.isLoading())
            loop.quit();
    });
    if (model.rowCount() >= rows && !model.isLoading())
        return;
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bench::Arguments args(argc, argv, "usage: bench_customers --workspace FILE [--runs N]",
        { "--workspace", "--runs" });
    const std::string path = args.text("--workspace");
    if (!args.ok() || path.empty())
        return args.usageError();
    const int runs = static_cast<int>(args.number("--runs", 30));
    const QString workspace = QString::fromStdString(path);
    auto db = Workspace::connect(path, Database::Mode::ReadOnly);
    const std::int64_t total = CustomerList::count(db);
    std::printf("Customers on %s: %lld shoppers\n", path.c_str(), static_cast<long long>(total));

    // Core alone: a first page and a page 100,000 rows deep, per sort.
    {
        std::vector<double> first;
        std::vector<double> deep;
        std::vector<double> count;
        for (int run = 0; run < runs; ++run) {
            bench::Stopwatch watch;
            CustomerListQuery query;
            auto page = CustomerList::page(db, query);
            first.push_back(watch.seconds() * 1000);
            bench::Stopwatch countWatch;
            CustomerList::count(db);
            count.push_back(countWatch.seconds() * 1000);
        }
        // Walk down to row 100,000 once, then time the page there.
        CustomerListQuery query;
        query.limit = 1000;
        for (int i = 0; i < 100 && query.limit > 0; ++i)
            query.after = CustomerList::page(db, query).next;
        query.limit = 200;
        for (int run = 0; run < runs; ++run) {
            bench::Stopwatch watch;
            CustomerList::page(db, query);
            deep.push_back(watch.seconds() * 1000);
        }
        std::printf("core (CustomerList, one connection):\n");
        report("page 1 (revenue desc, 200 rows)", first);
        report("page at row 100,000 (200 rows)", deep);
        report("count(*) of profile_traits", count);
    }

    CustomerListModel model;
    std::vector<double> firstBlock;
    for (int run = 0; run < runs; ++run) {
        bench::Stopwatch watch;
        model.setWorkspace(workspace, "EUR");
        waitForRows(model, 1);
        firstBlock.push_back(watch.seconds() * 1000);
    }

    // fetchMore deep in the list: fetch 500 blocks (100,000 rows), time the last ones.
    std::vector<double> deepFetch;
    std::vector<double> anyFetch;
    for (int block = 1; block < 500; ++block) {
        const int before = model.rowCount();
        bench::Stopwatch watch;
        model.fetchMore({});
        waitForRows(model, before + 1);
        anyFetch.push_back(watch.seconds() * 1000);
        if (block >= 500 - runs)
            deepFetch.push_back(watch.seconds() * 1000);
    }

    std::vector<double> sortSwitch;
    const int columns[] = { CustomerListModel::Orders, CustomerListModel::LastOrder,
        CustomerListModel::LastSeen, CustomerListModel::RfmGroup, CustomerListModel::Revenue };
    for (int run = 0; run < runs; ++run) {
        for (const int column : columns) {
            bench::Stopwatch watch;
            model.sort(column, run % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            waitForRows(model, 1);
            sortSwitch.push_back(watch.seconds() * 1000);
        }
    }

    // Search as you type: five keystrokes in a row, the way keyClicks sends them; the time
    // from the last keystroke to its results (older ones are superseded).
    ProfileSearchRunner search;
    search.setWorkspace(workspace);
    std::vector<double> typing;
    std::vector<double> single;
    const char *words[] = { "hoffm", "lena.", "schmi", "anna.", "+4915", "mülle", "wagne" };
    for (int run = 0; run < runs; ++run) {
        const QString word = QString::fromUtf8(words[run % 7]);
        QEventLoop loop;
        int delivered = 0;
        auto connection = QObject::connect(
            &search, &ProfileSearchRunner::finished, &loop, [&](const ProfileSearchResult &result) {
                ++delivered;
                if (result.text == word)
                    loop.quit();
            });
        bench::Stopwatch watch;
        for (int length = 1; length <= word.size(); ++length)
            search.search(word.left(length));
        loop.exec();
        typing.push_back(watch.seconds() * 1000);
        QObject::disconnect(connection);

        QEventLoop again;
        connection = QObject::connect(
            &search, &ProfileSearchRunner::finished, &again, [&again] { again.quit(); });
        bench::Stopwatch one;
        search.search(word + QStringLiteral("a"));
        again.exec();
        single.push_back(one.seconds() * 1000);
        QObject::disconnect(connection);
    }

    std::printf("ui (CustomerListModel / ProfileSearchRunner, worker thread, request → rows "
                "in model):\n");
    report("first block (setWorkspace + count)", firstBlock);
    report("fetchMore, blocks 470-500 (row ~100k)", deepFetch);
    report("fetchMore, all 499 blocks", anyFetch);
    report("sort switch (5 indexed columns)", sortSwitch);
    report("search, 5 keystrokes → last result", typing);
    report("search, one keystroke", single);
    std::printf("  rows held after 500 blocks: %d of %lld\n", CustomerListModel::kBlockSize * 500,
        static_cast<long long>(total));
    std::printf("  peak memory %.0f MiB\n", bench::peakMemoryMiB());

    std::printf("query plans (revenue desc, last_order desc):\n");
    for (const auto sort :
        { CustomerSort::Revenue, CustomerSort::LastOrder, CustomerSort::RfmGroup }) {
        for (const std::string &sql : CustomerList::statements(sort, true)) {
            auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
            std::string line;
            while (plan.step())
                line += plan.columnText(3) + "; ";
            std::printf("  %s\n", line.c_str());
        }
    }
    return 0;
}
