#pragma once

#include "common/Progress.h"
#include "common/Time.h"

#include <cstdint>
#include <string>

namespace clientele {

class Workspace;

/// What to generate. Same options → byte-for-byte the same data.
struct DemoOptions {
    int shoppers = 20000;
    std::uint64_t seed = 42;
    /// The first day after the demo's history: events fall in [end - 365 days, end).
    /// Midnight UTC; "today" for the app.
    Millis end = 0;
};

/// What was generated, for summaries and tests.
struct DemoSummary {
    std::int64_t products = 0;
    std::int64_t profiles = 0;
    std::int64_t knownProfiles = 0;
    std::int64_t events = 0;
    std::int64_t orders = 0;
    double revenue = 0.0;
};

/**
 * The demo store: a running-and-outdoor shop whose history shows everything Clientele is
 * for (cross-device shoppers, in-store loyalty purchases, abandoned carts, repeat and
 * lapsed buyers, email engagement, support, a past cart-recovery campaign with a holdout).
 * Deterministic for a given seed and end date.
 */
class DemoStore {
public:
    /// The shopper from the product brief: browsed running shoes on mobile last week,
    /// bought socks in store yesterday.
    static constexpr const char *kBriefShopperEmail = "lena.hoffmann@example.com";
    static constexpr const char *kCampaign = "cart-recovery-spring";

    /// Fills an empty workspace. Throws Cancelled (workspace unchanged) or StoreError.
    static DemoSummary generate(
        Workspace &workspace, const DemoOptions &options, ProgressSink *progress = nullptr);

    /// Writes a new workspace file at path (which must not exist). The file appears only
    /// when complete: a cancelled or failed run leaves nothing behind.
    static DemoSummary writeWorkspace(
        const std::string &path, const DemoOptions &options, ProgressSink *progress = nullptr);
};

} // namespace clientele
