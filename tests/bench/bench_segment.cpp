// Times representative segment counts on a large workspace and prints their query plans.
// Make a workspace first:
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000 --end 2026-11-25
//   build/tests/bench/bench_segment --workspace /tmp/big.clientele [--runs 5]
#include "BenchReport.h"

#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace clientele;

namespace {

struct Case {
    const char *name;
    const char *json;
    bool asOf = false;
};

const Case kCases[] = {
    { "revenue > 250, last order > 90 days ago",
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "trait", "field": "revenue", "op": ">", "value": 250},
            {"type": "trait", "field": "last_order", "op": "more_than_days_ago", "value": 90}]}})" },
    { ">= 2 product_added in 7 d, no order in 7 d",
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "event", "event": "product_added", "count": {"op": "at_least", "value": 2},
             "when": {"in_last_days": 7}},
            {"type": "event", "event": "order_completed", "did": false,
             "when": {"in_last_days": 7}}]}})" },
    { "abandoned cart (added in 7 d, no order in 24 h)",
        R"({"version": 1, "rule": {"type": "sequence", "first": {"event": "product_added"},
            "then": {"event": "order_completed"}, "within_hours": 24,
            "when": {"in_last_days": 7}}})" },
    { "nested 3 levels",
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "any", "conditions": [
              {"type": "trait", "field": "country", "op": "one_of", "value": ["DE", "AT"]},
              {"type": "all", "conditions": [
                {"type": "trait", "field": "channels", "op": "contains", "value": "app"},
                {"type": "trait", "field": "orders", "op": ">=", "value": 2}]}]},
            {"type": "none", "conditions": [
              {"type": "rfm", "groups": ["hibernating"]},
              {"type": "event", "event": "order_completed", "where": [
                {"property": "category", "op": "is", "value": "shoes"}],
               "sum": {"of": "line_value", "op": ">", "value": 200},
               "when": {"in_last_days": 90}}]},
            {"type": "consent", "channel": "email"}]}})" },
    { "as of 90 days before: revenue > 250, last order > 90 d",
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "trait", "field": "revenue", "op": ">", "value": 250},
            {"type": "trait", "field": "last_order", "op": "more_than_days_ago", "value": 90}]}})",
        true },
};

/// Pairs of behaviour segments whose overlap is timed (SegmentEvaluator::overlap).
struct OverlapCase {
    const char *name;
    const char *a;
    const char *b;
};

const OverlapCase kOverlaps[] = {
    { "overlap: >= 2 added & no order in 7 d / abandoned cart",
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "event", "event": "product_added", "count": {"op": "at_least", "value": 2},
             "when": {"in_last_days": 7}},
            {"type": "event", "event": "order_completed", "did": false,
             "when": {"in_last_days": 7}}]}})",
        R"({"version": 1, "rule": {"type": "sequence", "first": {"event": "product_added"},
            "then": {"event": "order_completed"}, "within_hours": 24,
            "when": {"in_last_days": 7}}})" },
    { "overlap: added in 30 d / ordered in 30 d",
        R"({"version": 1, "rule": {"type": "event", "event": "product_added",
            "when": {"in_last_days": 30}}})",
        R"({"version": 1, "rule": {"type": "event", "event": "order_completed",
            "when": {"in_last_days": 30}}})" },
};

template<typename Body> std::vector<double> timed(int runs, Body body)
{
    std::vector<double> millis;
    for (int run = 0; run < runs; ++run) {
        const bench::Stopwatch watch;
        body();
        millis.push_back(watch.seconds() * 1000.0);
    }
    std::sort(millis.begin(), millis.end());
    return millis;
}

} // namespace

int main(int argc, char *argv[])
{
    const bench::Arguments args(argc, argv, "usage: bench_segment --workspace FILE [--runs N]",
        { "--workspace", "--runs" });
    const std::string path = args.text("--workspace");
    if (!args.ok() || path.empty())
        return args.usageError();
    const int runs = static_cast<int>(args.number("--runs", 5));
    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    std::printf("workspace %s: %lld profiles, ~%lld events\n", path.c_str(),
        static_cast<long long>(db.queryInt("SELECT count(*) FROM profiles")),
        static_cast<long long>(db.queryInt("SELECT max(id) FROM events")));
    SegmentStore store(db);
    SegmentEvaluator evaluator(db, &store);
    const Millis now = evaluator.timeFor({}).now;
    for (const Case &test : kCases) {
        const SegmentDefinition definition = SegmentDefinition::fromText(test.json);
        EvaluationOptions options;
        if (test.asOf)
            options.asOf = now - 90 * kMillisPerDay;
        std::vector<double> millis;
        std::int64_t count = 0;
        for (int run = 0; run < runs; ++run) {
            const bench::Stopwatch watch;
            count = evaluator.count(definition, options);
            millis.push_back(watch.seconds() * 1000.0);
        }
        std::sort(millis.begin(), millis.end());
        std::printf("%-56s count %8lld   median %9.1f ms   min %9.1f ms   max %9.1f ms (%d runs)\n",
            test.name, static_cast<long long>(count), millis[millis.size() / 2], millis.front(),
            millis.back(), runs);
        const CompiledSegment compiled = evaluator.compile(definition, options);
        auto plan = db.prepare("EXPLAIN QUERY PLAN " + compiled.sql("count(*)"));
        compiled.bind(plan);
        while (plan.step())
            std::printf("    %s\n", plan.columnText(3).c_str());
    }
    // Overlaps: one statement (each side materialised once, intersected in SQL), next to
    // counting the two sides one after the other.
    for (const OverlapCase &test : kOverlaps) {
        const SegmentDefinition a = SegmentDefinition::fromText(test.a);
        const SegmentDefinition b = SegmentDefinition::fromText(test.b);
        OverlapCounts counts;
        const std::vector<double> overlap = timed(runs, [&] { counts = evaluator.overlap(a, b); });
        std::int64_t countA = 0;
        std::int64_t countB = 0;
        const std::vector<double> separate = timed(runs, [&] {
            countA = evaluator.count(a);
            countB = evaluator.count(b);
        });
        std::printf("%-56s a %lld (%s) b %lld (%s) both %lld   median %7.1f ms   min %7.1f ms   "
                    "max %7.1f ms; the two counts alone: median %7.1f ms\n",
            test.name, static_cast<long long>(counts.a),
            counts.a == countA ? "= count" : "!= count", static_cast<long long>(counts.b),
            counts.b == countB ? "= count" : "!= count", static_cast<long long>(counts.both),
            overlap[overlap.size() / 2], overlap.front(), overlap.back(),
            separate[separate.size() / 2]);
    }
    std::printf("peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}
