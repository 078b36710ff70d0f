#include "JourneyReplay.h"

#include "segment/SegmentDefinition.h"
#include "segment/SegmentEvaluator.h"
#include "store/Database.h"

#include <date/tz.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <numeric>
#include <set>
#include <unordered_map>

namespace clientele {

using nlohmann::json;

namespace {

using replay::kNever;
using replay::kSegmentEntered;
using replay::ShopperState;

enum class Kind { Entry, Wait, WaitUntil, Branch, Split, Send, UpdateProfile, Exit };
enum Channel { Email, Push, Sms, Banner, AdAudience };

Kind kindOf(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return Kind::Entry;
    if (kind == JourneyKind::kWait)
        return Kind::Wait;
    if (kind == JourneyKind::kWaitUntil)
        return Kind::WaitUntil;
    if (kind == JourneyKind::kBranch)
        return Kind::Branch;
    if (kind == JourneyKind::kSplit)
        return Kind::Split;
    if (kind == JourneyKind::kSend)
        return Kind::Send;
    if (kind == JourneyKind::kUpdateProfile)
        return Kind::UpdateProfile;
    return Kind::Exit;
}

Channel channelOf(const std::string &channel)
{
    if (channel == "push")
        return Push;
    if (channel == "sms")
        return Sms;
    if (channel == "banner")
        return Banner;
    if (channel == "ad_audience")
        return AdAudience;
    return Email;
}

Millis hoursToMillis(double hours)
{
    return static_cast<Millis>(hours * static_cast<double>(kMillisPerHour));
}

/// A segment's members, sorted, for membership by binary search.
using Members = std::vector<std::int64_t>;

bool contains(const Members &members, std::int64_t id)
{
    return std::binary_search(members.begin(), members.end(), id);
}

/// A node with its configuration read once.
struct Step {
    Kind kind = Kind::Exit;
    std::vector<int> out; ///< connection index per output port (Journey::outputPorts order)
    Millis duration = 0; ///< wait; wait_until timeout
    int untilHour = -1; ///< wait until a time of day (shopper's zone); -1: a duration
    int weekdays = 0; ///< bit per day (0 = Sunday) the time of day may fall on; 0: any
    int eventType = -1; ///< wait_until
    bool matchCart = false;
    bool matchOrder = false;
    std::vector<Members> rules; ///< branch: one per rule (yes/no: one)
    std::vector<int> armUpTo; ///< split: cumulative bucket bound per arm (0 … 10000)
    std::vector<bool> armHoldout;
    Channel channel = Email;
    std::string channelName; ///< send: as the journey names it (the result's key)
    int offerKind = 0; ///< 0 none, 1 discount, 2 fixed reward
    double offerAmount = 0.0;
    std::string tag; ///< update_profile
};

struct EventRow {
    std::int64_t profile;
    Millis ts;
    double value;
    std::uint32_t cart; ///< interned cart_id (0: none / not needed)
    std::uint32_t order; ///< interned order_id
    std::uint8_t type;
    /// Runtime: imported after the clock had passed it. It still counts as what the shopper
    /// did (an order is an order), but lets nobody in: that moment has gone.
    bool late;
};

/// What a shopper can receive.
struct Reach {
    bool channel[5] = { false, false, false, true, false };
    const date::time_zone *zone = nullptr;
};

/// Small ids for cart and order ids, and back.
class Interner {
public:
    std::uint32_t id(std::string_view text)
    {
        if (text.empty())
            return 0;
        const auto [it, added] = ids_.try_emplace(std::string(text), next_);
        if (added) {
            ++next_;
            texts_.push_back(&it->first);
        }
        return it->second;
    }
    std::string text(std::uint32_t id) const { return id == 0 ? std::string() : *texts_[id - 1]; }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<const std::string *> texts_;
    std::uint32_t next_ = 1;
};

/// The replay of one journey; one instance per simulate() call.
class Replay {
public:
    Replay(Database &db, const Journey &journey, const replay::Window &window,
        replay::RuntimeSink *runtime, ProgressSink *progress)
        : db_(db)
        , journey_(journey)
        , from_(window.from)
        , to_(window.to)
        , fixedEnd_(window.dataEnd)
        , runtime_(runtime)
        , progress_(progress)
    {
    }

    SimulationResult run();

private:
    struct Instance {
        bool active = false;
        int node = -1;
        using Waiting = ShopperState::Waiting;
        Waiting waiting = Waiting::Nothing;
        Millis due = kNever; ///< timer end, or the wait_until deadline
        bool sendPending = false; ///< the timer is a quiet-hours postponement
        bool heldOut = false;
        std::uint32_t cart = 0;
        std::uint32_t order = 0;
        int offerNode = -1;
        bool offerUsed = false;
        std::vector<int> nodes; ///< visited (may repeat in loops)
        std::vector<int> connections;
        std::int64_t entryId = 0; ///< runtime: the journey_entries row
    };

    /// A shopper's progress outside the instance: the pending abandonment entry and when
    /// they last entered.
    struct Pending {
        Millis entry = kNever;
        std::uint32_t cart = 0;
        std::uint32_t order = 0;
        Millis lastEntry = kNever;
    };

    void compile();
    int typeId(const std::string &type);
    void loadEvents();
    void loadNewEvents();
    /// Entries into the trigger segment, as made-up trigger events: per day of the window
    /// (backtest, from as-of evaluations), or at the clock for new members (runtime).
    void addSegmentEntries();
    void loadReach();
    void readReach(Statement &query, Reach &reach,
        std::unordered_map<std::string, const date::time_zone *> &zones);
    /// Replays candidates_[candidate], whose events are events_[begin, end).
    void replayProfile(std::size_t candidate, std::size_t begin, std::size_t end);
    void restore(const ShopperState &state, Instance &instance, Pending &pending);
    ShopperState store(const Instance &instance, const Pending &pending) const;
    void enter(Instance &instance, std::int64_t profile, Millis t, std::uint32_t cart,
        std::uint32_t order);
    void arrive(Instance &instance, std::int64_t profile, int node, Millis t);
    void leaveBy(Instance &instance, std::int64_t profile, int port, Millis t);
    void send(Instance &instance, std::int64_t profile, Millis t);
    void convert(Instance &instance, const EventRow &event);
    void addRevenue(Instance &instance, const EventRow &event);
    /// When a send at t must wait for the end of quiet hours: that end; else t.
    Millis quietEnd(const Reach *reach, Millis t) const;
    /// The next time after t that a wait until a time of day ends, in the shopper's zone.
    Millis nextTimeOfDay(const Reach *reach, Millis t, const Step &step) const;

    Database &db_;
    const Journey &journey_;
    Millis from_;
    Millis to_;
    std::optional<Millis> fixedEnd_;
    replay::RuntimeSink *runtime_;
    ProgressSink *progress_;
    SimulationResult result_;

    std::vector<Step> steps_;
    std::vector<int> targets_; ///< node index per connection
    std::unordered_map<std::string, int> nodeIndex_; ///< node id → index
    int entry_ = -1;
    std::unordered_map<std::string, int> types_;
    std::vector<std::string> typeNames_;
    int triggerType_ = -1;
    int cancelType_ = -1; ///< then_not
    Millis within_ = 0;
    std::optional<Members> entrySegment_;
    std::optional<SegmentDefinition> triggerSegment_; ///< entry when a shopper enters it
    enum class Reentry { Once, AgainAfter, EveryTime } reentry_ = Reentry::Once;
    Millis reentryAfter_ = 0;
    int goalType_ = -1;
    int orderType_ = -1;
    bool internCarts_ = false;
    bool internOrders_ = false;
    Millis dataEnd_ = 0;
    Millis readFrom_ = 0;

    Interner carts_;
    Interner orders_;
    std::vector<EventRow> events_;
    /// Profiles with a trigger event (runtime: also those with new events or something
    /// due), sorted.
    std::vector<std::int64_t> candidates_;
    std::vector<Reach> reach_; ///< per candidate
    const date::time_zone *defaultZone_ = nullptr;
    bool needsZones_ = false; ///< quiet hours or a wait until a time of day

    // Per shopper during the replay.
    std::vector<Millis> sendTimes_;
    const Reach *currentReach_ = nullptr;
};

int Replay::typeId(const std::string &type)
{
    const auto [it, added] = types_.try_emplace(type, static_cast<int>(typeNames_.size()));
    if (added)
        typeNames_.push_back(type);
    return it->second;
}

void Replay::compile()
{
    for (std::size_t i = 0; i < journey_.nodes.size(); ++i)
        nodeIndex_[journey_.nodes[i].id] = static_cast<int>(i);
    steps_.resize(journey_.nodes.size());
    SegmentEvaluator evaluator(db_);
    auto members = [&](const json &rule) {
        Members ids = evaluator.ids(SegmentDefinition::fromJson(rule));
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    Millis horizon = 0;
    for (std::size_t i = 0; i < journey_.nodes.size(); ++i) {
        const JourneyNode &node = journey_.nodes[i];
        const json &config = node.config;
        Step &step = steps_[i];
        step.kind = kindOf(node.kind);
        for (const std::string &port : Journey::outputPorts(node)) {
            int connection = -1;
            for (std::size_t c = 0; c < journey_.connections.size(); ++c)
                if (journey_.connections[c].fromNode == node.id
                    && journey_.connections[c].fromPort == port)
                    connection = static_cast<int>(c);
            step.out.push_back(connection);
        }
        switch (step.kind) {
        case Kind::Entry: {
            entry_ = static_cast<int>(i);
            const json &trigger = config.at("trigger");
            if (trigger.contains("segment")) {
                // Entering the segment is the trigger: an entry "event" made up per shopper
                // (addSegmentEntries), of a type no imported event has.
                triggerSegment_ = SegmentDefinition::fromJson(trigger.at("segment"));
                triggerType_ = typeId(kSegmentEntered);
            } else {
                triggerType_ = typeId(trigger.at("event").get<std::string>());
            }
            if (trigger.contains("then_not")) {
                cancelType_ = typeId(trigger.at("then_not").get<std::string>());
                within_ = hoursToMillis(trigger.at("within_hours").get<double>());
            }
            if (config.contains("segment"))
                entrySegment_ = members(config.at("segment"));
            const json reentry = config.value("reentry", json("once"));
            const std::string policy
                = reentry.is_string() ? reentry.get<std::string>() : reentry.value("policy", "");
            if (policy == "every_time")
                reentry_ = Reentry::EveryTime;
            else if (policy == "again_after_days") {
                reentry_ = Reentry::AgainAfter;
                reentryAfter_ = static_cast<Millis>(
                    reentry.at("days").get<double>() * static_cast<double>(kMillisPerDay));
            }
            break;
        }
        case Kind::Wait:
            if (config.contains("until")) {
                const json &until = config.at("until");
                step.untilHour = until.at("hour").get<int>();
                for (const json &day : until.value("weekdays", json::array()))
                    step.weekdays |= 1 << JourneyValidator::weekdayIndex(day.get<std::string>());
                horizon += 8 * kMillisPerDay;
                needsZones_ = true;
            } else {
                step.duration
                    = hoursToMillis(config.value("hours", 0.0) + 24.0 * config.value("days", 0.0));
                horizon += step.duration;
            }
            break;
        case Kind::WaitUntil: {
            step.duration = hoursToMillis(config.at("timeout_hours").get<double>());
            step.eventType = typeId(config.at("event").get<std::string>());
            for (const json &field : config.value("match", json::array())) {
                step.matchCart = step.matchCart || field == "cart_id";
                step.matchOrder = step.matchOrder || field == "order_id";
            }
            internCarts_ = internCarts_ || step.matchCart;
            internOrders_ = internOrders_ || step.matchOrder;
            horizon += step.duration;
            break;
        }
        case Kind::Branch:
            if (config.contains("rules"))
                for (const json &rule : config.at("rules"))
                    step.rules.push_back(members(rule.at("segment")));
            else
                step.rules.push_back(members(config.at("segment")));
            break;
        case Kind::Split: {
            double cumulative = 0.0;
            for (const json &arm : config.at("arms")) {
                cumulative += arm.at("percent").get<double>();
                step.armUpTo.push_back(static_cast<int>(cumulative * 100.0 + 0.5));
                step.armHoldout.push_back(arm.value("holdout", false));
            }
            break;
        }
        case Kind::Send: {
            step.channelName = config.at("channel").get<std::string>();
            step.channel = channelOf(step.channelName);
            if (config.contains("offer")) {
                const json &offer = config.at("offer");
                if (offer.at("kind") == "discount") {
                    step.offerKind = 1;
                    step.offerAmount = offer.at("percent").get<double>() / 100.0;
                } else {
                    step.offerKind = 2;
                    step.offerAmount = offer.at("value").get<double>();
                }
            }
            horizon += kMillisPerDay; // a postponement by quiet hours
            break;
        }
        case Kind::UpdateProfile:
            step.tag = config.value("tag", std::string());
            break;
        default:
            break;
        }
        result_.nodes[node.id];
    }
    for (const JourneyConnection &connection : journey_.connections) {
        result_.connections.push_back({ connection, 0, 0, 0.0 });
        targets_.push_back(nodeIndex_.at(connection.toNode));
    }
    if (!journey_.settings.goalEvent.empty())
        goalType_ = typeId(journey_.settings.goalEvent);
    orderType_ = typeId("order_completed");

    readFrom_ = from_ - within_;
    if (fixedEnd_) {
        dataEnd_ = *fixedEnd_;
    } else {
        Statement latest(db_, "SELECT max(ts) FROM events");
        const Millis last = latest.step() && !latest.isNull(0) ? latest.columnInt(0) + 1 : to_;
        dataEnd_ = std::min(last, to_ + within_ + horizon);
    }
    result_.dataEnd = dataEnd_;
    needsZones_ = needsZones_ || journey_.settings.quietHours.has_value();
    defaultZone_ = date::locate_zone("UTC");
    if (journey_.settings.quietHours) {
        try {
            defaultZone_ = date::locate_zone(journey_.settings.quietHours->defaultTimezone);
        } catch (const std::exception &) {
        }
    }
}

void Replay::loadEvents()
{
    Statement query(db_,
        "SELECT profile_id, ts, value, cart_id, order_id FROM events "
        "WHERE type = ?1 AND ts >= ?2 AND ts < ?3");
    for (std::size_t type = 0; type < typeNames_.size(); ++type) {
        query.reset();
        query.bind(1, typeNames_[type]).bind(2, readFrom_).bind(3, dataEnd_);
        while (query.step()) {
            EventRow row {};
            row.profile = query.columnInt(0);
            row.ts = query.columnInt(1);
            row.value = query.isNull(2) ? 0.0 : query.columnDouble(2);
            if (internCarts_)
                row.cart = carts_.id(query.columnView(3));
            if (internOrders_)
                row.order = orders_.id(query.columnView(4));
            row.type = static_cast<std::uint8_t>(type);
            events_.push_back(row);
            if (static_cast<int>(type) == triggerType_)
                candidates_.push_back(row.profile);
        }
    }
    std::sort(events_.begin(), events_.end(), [](const EventRow &a, const EventRow &b) {
        return a.profile != b.profile ? a.profile < b.profile : a.ts < b.ts;
    });
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
}

void Replay::loadNewEvents()
{
    // The rows imported since the last advance, through the row id (the table's own key):
    // an advance costs what the import brought, not the size of the history. A journey
    // that has seen no data yet (switched on in an empty workspace) takes its first import
    // as history: all of it is late.
    const Millis floor = runtime_->previousClock() > 0 ? runtime_->previousClock() : dataEnd_ - 1;
    Statement query(db_,
        "SELECT profile_id, ts, value, cart_id, order_id, type FROM events "
        "WHERE id > ?1 AND ts < ?2");
    query.bind(1, runtime_->afterEventId()).bind(2, dataEnd_);
    while (query.step()) {
        const auto type = types_.find(std::string(query.columnView(5)));
        if (type == types_.end())
            continue;
        EventRow row {};
        row.profile = query.columnInt(0);
        row.late = query.columnInt(1) < floor;
        row.ts = std::max(query.columnInt(1), floor);
        row.value = query.isNull(2) ? 0.0 : query.columnDouble(2);
        if (internCarts_)
            row.cart = carts_.id(query.columnView(3));
        if (internOrders_)
            row.order = orders_.id(query.columnView(4));
        row.type = static_cast<std::uint8_t>(type->second);
        events_.push_back(row);
        candidates_.push_back(row.profile);
    }
    std::sort(events_.begin(), events_.end(), [](const EventRow &a, const EventRow &b) {
        return a.profile != b.profile ? a.profile < b.profile : a.ts < b.ts;
    });
    const std::vector<std::int64_t> due = runtime_->dueProfiles(dataEnd_ - 1);
    candidates_.insert(candidates_.end(), due.begin(), due.end());
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
}

void Replay::addSegmentEntries()
{
    SegmentEvaluator evaluator(db_);
    auto addEntries = [&](const Members &entrants, Millis at) {
        for (const std::int64_t profile : entrants) {
            EventRow row {};
            row.profile = profile;
            row.ts = at;
            row.type = static_cast<std::uint8_t>(triggerType_);
            events_.push_back(row);
            candidates_.push_back(profile);
        }
    };
    if (runtime_) {
        std::vector<std::int64_t> members = evaluator.ids(*triggerSegment_);
        std::sort(members.begin(), members.end());
        addEntries(runtime_->segmentEntrants(members), dataEnd_ - 1);
    } else {
        // Membership at the end of each day, from the events up to it: who is in on a day
        // and was not the day before entered that day (at its end).
        const Millis firstDay = startOfDay(from_);
        auto membersAsOf = [&](Millis dayStart) {
            EvaluationOptions options;
            options.asOf = dayStart + kMillisPerDay - 1;
            Members ids = evaluator.ids(*triggerSegment_, options);
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        Members before = membersAsOf(firstDay - kMillisPerDay);
        for (Millis day = firstDay; day < to_ && day + kMillisPerDay <= dataEnd_;
             day += kMillisPerDay) {
            Members now = membersAsOf(day);
            Members entrants;
            std::set_difference(
                now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(entrants));
            addEntries(entrants, day + kMillisPerDay - 1);
            before = std::move(now);
            reportProgress(progress_, 0, 0, JourneySimulator::kProgressStage);
        }
    }
    std::sort(events_.begin(), events_.end(), [](const EventRow &a, const EventRow &b) {
        return a.profile != b.profile ? a.profile < b.profile : a.ts < b.ts;
    });
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
}

void Replay::loadReach()
{
    reach_.assign(candidates_.size(), Reach {});
    std::unordered_map<std::string, const date::time_zone *> zones;
    constexpr const char *kColumns
        = "SELECT p.id, p.timezone, t.email, t.phone, t.devices, t.email_consent, "
          "t.sms_consent, t.push_consent FROM profiles p "
          "LEFT JOIN profile_traits t ON t.profile_id = p.id";
    // A few shoppers (an advance after a small import) are looked up one by one; many (a
    // backtest) in one pass over every profile.
    if (candidates_.size() < 20000) {
        Statement query(db_, std::string(kColumns) + " WHERE p.id = ?1");
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            query.reset();
            query.bind(1, candidates_[i]);
            if (query.step())
                readReach(query, reach_[i], zones);
        }
        return;
    }
    Statement query(db_, kColumns);
    while (query.step()) {
        const auto found
            = std::lower_bound(candidates_.begin(), candidates_.end(), query.columnInt(0));
        if (found == candidates_.end() || *found != query.columnInt(0))
            continue;
        readReach(query, reach_[static_cast<std::size_t>(found - candidates_.begin())], zones);
    }
}

void Replay::readReach(
    Statement &query, Reach &reach, std::unordered_map<std::string, const date::time_zone *> &zones)
{
    const bool email = !query.isNull(2) && !query.columnView(2).empty();
    const bool emailConsent = query.columnView(5) == "granted";
    reach.channel[Email] = email && emailConsent;
    reach.channel[Sms]
        = !query.isNull(3) && !query.columnView(3).empty() && query.columnView(6) == "granted";
    reach.channel[Push]
        = !query.isNull(4) && query.columnInt(4) > 0 && query.columnView(7) == "granted";
    reach.channel[AdAudience] = email && emailConsent;
    if (!needsZones_)
        return;
    reach.zone = defaultZone_;
    if (query.isNull(1))
        return;
    const std::string name = query.columnText(1);
    auto [it, added] = zones.try_emplace(name, nullptr);
    if (added) {
        try {
            it->second = date::locate_zone(name);
        } catch (const std::exception &) {
            it->second = nullptr;
        }
    }
    if (it->second)
        reach.zone = it->second;
}

Millis Replay::nextTimeOfDay(const Reach *reach, Millis t, const Step &step) const
{
    const date::time_zone *zone = reach && reach->zone ? reach->zone : defaultZone_;
    auto offsetAt = [zone](Millis utc) {
        const auto info = zone->get_info(date::sys_seconds(std::chrono::seconds(utc / 1000)));
        return static_cast<Millis>(info.offset.count()) * 1000;
    };
    const Millis local = t + offsetAt(t);
    const Millis dayStart = startOfDay(local);
    for (int day = 0; day < 8; ++day) {
        const Millis candidate = dayStart + day * kMillisPerDay + step.untilHour * kMillisPerHour;
        if (candidate <= local)
            continue;
        // 1 January 1970 was a Thursday (4, counting from Sunday).
        const auto days = startOfDay(candidate) / kMillisPerDay;
        const int weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
        if (step.weekdays == 0 || (step.weekdays & (1 << weekday)) != 0)
            return candidate - offsetAt(candidate - offsetAt(t));
    }
    return t + 7 * kMillisPerDay; // unreachable: a week has every weekday
}

Millis Replay::quietEnd(const Reach *reach, Millis t) const
{
    const auto &quiet = journey_.settings.quietHours;
    if (!quiet)
        return t;
    const date::time_zone *zone = reach && reach->zone ? reach->zone : defaultZone_;
    const auto info = zone->get_info(date::sys_seconds(std::chrono::seconds(t / 1000)));
    const Millis offset = static_cast<Millis>(info.offset.count()) * 1000;
    const Millis local = t + offset;
    const Millis day = startOfDay(local);
    const int hour = static_cast<int>((local - day) / kMillisPerHour);
    const bool wraps = quiet->startHour > quiet->endHour;
    const bool inQuiet = wraps ? (hour >= quiet->startHour || hour < quiet->endHour)
                               : (hour >= quiet->startHour && hour < quiet->endHour);
    if (!inQuiet)
        return t;
    Millis endLocal = day + quiet->endHour * kMillisPerHour;
    if (wraps && hour >= quiet->startHour)
        endLocal += kMillisPerDay;
    return endLocal - offset;
}

void Replay::enter(
    Instance &instance, std::int64_t profile, Millis t, std::uint32_t cart, std::uint32_t order)
{
    instance = Instance {};
    instance.active = true;
    instance.cart = cart;
    instance.order = order;
    ++result_.entered;
    if (runtime_)
        instance.entryId = runtime_->entered(profile, t);
    arrive(instance, profile, entry_, t);
}

void Replay::leaveBy(Instance &instance, std::int64_t profile, int port, Millis t)
{
    const int connection
        = steps_[static_cast<std::size_t>(instance.node)].out[static_cast<std::size_t>(port)];
    ++result_.connections[static_cast<std::size_t>(connection)].shoppers;
    instance.connections.push_back(connection);
    arrive(instance, profile, targets_[static_cast<std::size_t>(connection)], t);
}

void Replay::arrive(Instance &instance, std::int64_t profile, int node, Millis t)
{
    instance.node = node;
    instance.waiting = Instance::Waiting::Nothing;
    instance.due = kNever;
    instance.nodes.push_back(node);
    const Step &step = steps_[static_cast<std::size_t>(node)];
    NodeCounts &counts = result_.nodes[journey_.nodes[static_cast<std::size_t>(node)].id];
    ++counts.arrived;
    switch (step.kind) {
    case Kind::UpdateProfile:
        if (runtime_ && !instance.heldOut)
            runtime_->tagged(profile, step.tag, t);
        leaveBy(instance, profile, 0, t);
        return;
    case Kind::Entry:
        leaveBy(instance, profile, 0, t);
        return;
    case Kind::Wait:
        instance.waiting = Instance::Waiting::Timer;
        instance.due
            = step.untilHour >= 0 ? nextTimeOfDay(currentReach_, t, step) : t + step.duration;
        return;
    case Kind::WaitUntil:
        instance.waiting = Instance::Waiting::Event;
        instance.due = t + step.duration;
        return;
    case Kind::Branch: {
        std::size_t port = 0;
        while (port < step.rules.size() && !contains(step.rules[port], profile))
            ++port;
        leaveBy(instance, profile, static_cast<int>(port), t);
        return;
    }
    case Kind::Split: {
        const int bucket = JourneySimulator::splitBucket(journey_.settings.seed, profile);
        std::size_t arm = 0;
        while (arm + 1 < step.armUpTo.size() && bucket >= step.armUpTo[arm])
            ++arm;
        if (step.armHoldout[arm]) {
            instance.heldOut = true;
            if (runtime_)
                runtime_->heldOut(instance.entryId);
        }
        leaveBy(instance, profile, static_cast<int>(arm), t);
        return;
    }
    case Kind::Send: {
        // Banners and ad audiences do not interrupt anyone: quiet hours hold back only
        // messages that reach the shopper's phone or inbox.
        const bool interrupts
            = step.channel == Email || step.channel == Push || step.channel == Sms;
        const Millis at = instance.heldOut || !interrupts ? t : quietEnd(currentReach_, t);
        if (at != t) {
            ++counts.postponed;
            instance.waiting = Instance::Waiting::Timer;
            instance.sendPending = true;
            instance.due = at;
            return;
        }
        send(instance, profile, t);
        return;
    }
    case Kind::Exit:
        ++counts.exited;
        instance.active = false;
        if (runtime_)
            runtime_->left(instance.entryId, t, false);
        return;
    }
}

void Replay::send(Instance &instance, std::int64_t profile, Millis t)
{
    const std::size_t node = static_cast<std::size_t>(instance.node);
    const Step &step = steps_[node];
    NodeCounts &counts = result_.nodes[journey_.nodes[node].id];
    ChannelCounts &channel = result_.channels[step.channelName];
    instance.sendPending = false;
    if (instance.heldOut) {
        ++counts.heldOut;
        ++channel.heldOut;
    } else if (!currentReach_ || !currentReach_->channel[step.channel]) {
        ++counts.skippedConsent;
        ++channel.skippedConsent;
    } else {
        const auto &cap = journey_.settings.frequencyCap;
        const Millis since = cap ? t - cap->days * kMillisPerDay : 0;
        const auto recent = cap ? std::count_if(sendTimes_.begin(), sendTimes_.end(),
                                [&](Millis sent) { return sent > since; })
                                : 0;
        if (cap && recent >= cap->sends) {
            ++counts.skippedCap;
            ++channel.skippedCap;
        } else {
            ++counts.sent;
            ++channel.sent;
            sendTimes_.push_back(t);
            if (step.offerKind != 0 && instance.offerNode < 0)
                instance.offerNode = static_cast<int>(node);
            if (runtime_)
                runtime_->sent(
                    profile, instance.entryId, journey_.nodes[node], t, carts_.text(instance.cart));
        }
    }
    leaveBy(instance, profile, 0, t);
}

void Replay::addRevenue(Instance &instance, const EventRow &event)
{
    result_.revenue += event.value;
    std::set<int> nodes(instance.nodes.begin(), instance.nodes.end());
    for (int node : nodes)
        result_.nodes[journey_.nodes[static_cast<std::size_t>(node)].id].revenue += event.value;
    std::set<int> connections(instance.connections.begin(), instance.connections.end());
    for (int connection : connections)
        result_.connections[static_cast<std::size_t>(connection)].revenue += event.value;
    if (instance.offerNode >= 0 && !instance.offerUsed) {
        instance.offerUsed = true;
        const Step &step = steps_[static_cast<std::size_t>(instance.offerNode)];
        const double cost = step.offerKind == 1 ? step.offerAmount * event.value : step.offerAmount;
        result_.offerCost += cost;
        result_.nodes[journey_.nodes[static_cast<std::size_t>(instance.offerNode)].id].offerCost
            += cost;
    }
}

void Replay::convert(Instance &instance, const EventRow &event)
{
    if (runtime_)
        runtime_->left(instance.entryId, event.ts, true);
    ++result_.conversions;
    ++result_.nodes[journey_.nodes[static_cast<std::size_t>(instance.node)].id].leftAtGoal;
    std::set<int> nodes(instance.nodes.begin(), instance.nodes.end());
    for (int node : nodes)
        ++result_.nodes[journey_.nodes[static_cast<std::size_t>(node)].id].conversions;
    std::set<int> connections(instance.connections.begin(), instance.connections.end());
    for (int connection : connections)
        ++result_.connections[static_cast<std::size_t>(connection)].conversions;
    instance.active = false;
}

void Replay::restore(const ShopperState &state, Instance &instance, Pending &pending)
{
    const auto node = nodeIndex_.find(state.node);
    // A step removed from a running journey since: its shoppers leave.
    if (state.active && node != nodeIndex_.end()) {
        instance.active = true;
        instance.node = node->second;
        instance.waiting = state.waiting;
        instance.due = state.due;
        instance.sendPending = state.sendPending;
        instance.heldOut = state.heldOut;
        instance.cart = carts_.id(state.cart);
        instance.order = orders_.id(state.order);
        instance.entryId = state.entryId;
        for (const std::string &visited : state.visited)
            if (const auto found = nodeIndex_.find(visited); found != nodeIndex_.end())
                instance.nodes.push_back(found->second);
    } else if (state.active) {
        runtime_->left(state.entryId, runtime_->previousClock(), false);
    }
    pending.entry = state.pendingEntry;
    pending.cart = carts_.id(state.pendingCart);
    pending.order = orders_.id(state.pendingOrder);
    pending.lastEntry = state.lastEntry;
    sendTimes_ = state.sendTimes;
}

ShopperState Replay::store(const Instance &instance, const Pending &pending) const
{
    ShopperState state;
    state.active = instance.active;
    if (instance.active) {
        state.node = journey_.nodes[static_cast<std::size_t>(instance.node)].id;
        state.waiting = instance.waiting;
        state.due = instance.due;
        state.sendPending = instance.sendPending;
        state.heldOut = instance.heldOut;
        state.cart = carts_.text(instance.cart);
        state.order = orders_.text(instance.order);
        state.entryId = instance.entryId;
        std::set<int> visited(instance.nodes.begin(), instance.nodes.end());
        for (int node : visited)
            state.visited.push_back(journey_.nodes[static_cast<std::size_t>(node)].id);
    }
    state.pendingEntry = pending.entry;
    state.pendingCart = carts_.text(pending.cart);
    state.pendingOrder = orders_.text(pending.order);
    state.lastEntry = pending.lastEntry;
    // Sends older than the cap's window no longer count.
    const auto &cap = journey_.settings.frequencyCap;
    const Millis keepFrom = cap ? dataEnd_ - cap->days * kMillisPerDay : kNever;
    for (Millis sent : sendTimes_)
        if (sent > keepFrom)
            state.sendTimes.push_back(sent);
    return state;
}

void Replay::replayProfile(std::size_t candidate, std::size_t begin, std::size_t end)
{
    const std::int64_t profile = candidates_[candidate];
    currentReach_ = &reach_[candidate];
    sendTimes_.clear();

    Instance instance;
    Pending pending;
    if (runtime_) {
        if (const auto state = runtime_->load(profile))
            restore(*state, instance, pending);
    }
    bool entered = false;

    auto tryEnter = [&](Millis t, std::uint32_t cart, std::uint32_t order) {
        if (t < from_ || t >= to_ || instance.active)
            return;
        if (pending.lastEntry != kNever
            && (reentry_ == Reentry::Once
                || (reentry_ == Reentry::AgainAfter && t - pending.lastEntry < reentryAfter_)))
            return;
        if (entrySegment_ && !contains(*entrySegment_, profile))
            return;
        pending.lastEntry = t;
        if (!entered) {
            entered = true;
            ++result_.shoppers;
        }
        enter(instance, profile, t, cart, order);
    };

    std::size_t next = begin;
    for (;;) {
        const Millis eventAt = next < end ? events_[next].ts : kNever;
        const Millis timerAt = instance.active ? instance.due : kNever;
        const Millis at = std::min({ eventAt, timerAt, pending.entry });
        if (at == kNever || at >= dataEnd_)
            break;
        if (eventAt == at) {
            const EventRow &event = events_[next++];
            const int type = event.type;
            if (instance.active) {
                if (type == orderType_)
                    addRevenue(instance, event);
                if (type == goalType_) {
                    convert(instance, event);
                } else if (instance.waiting == Instance::Waiting::Event
                    && type == steps_[static_cast<std::size_t>(instance.node)].eventType) {
                    const Step &step = steps_[static_cast<std::size_t>(instance.node)];
                    if ((!step.matchCart || event.cart == instance.cart)
                        && (!step.matchOrder || event.order == instance.order))
                        leaveBy(instance, profile, 0, event.ts);
                }
            }
            if (type == cancelType_ && pending.entry != kNever)
                pending.entry = kNever;
            if (type == triggerType_ && !event.late) {
                if (cancelType_ >= 0) {
                    pending.entry = event.ts + within_;
                    pending.cart = event.cart;
                    pending.order = event.order;
                } else {
                    tryEnter(event.ts, event.cart, event.order);
                }
            }
        } else if (pending.entry == at) {
            pending.entry = kNever;
            tryEnter(at, pending.cart, pending.order);
        } else {
            if (instance.waiting == Instance::Waiting::Event)
                leaveBy(instance, profile, 1, at);
            else if (instance.sendPending)
                send(instance, profile, at);
            else
                leaveBy(instance, profile, 0, at);
        }
    }
    if (runtime_) {
        runtime_->save(profile, store(instance, pending));
        return;
    }
    if (instance.active) {
        ++result_.stillInJourney;
        ++result_.nodes[journey_.nodes[static_cast<std::size_t>(instance.node)].id].waitingAtEnd;
    }
}

SimulationResult Replay::run()
{
    result_.from = from_;
    result_.to = to_;
    compile();
    reportProgress(progress_, 0, 0, JourneySimulator::kProgressStage);
    if (runtime_)
        loadNewEvents();
    else
        loadEvents();
    if (triggerSegment_)
        addSegmentEntries();
    loadReach();
    const auto total = static_cast<std::int64_t>(candidates_.size());
    std::int64_t done = 0;
    std::size_t begin = 0;
    for (std::size_t candidate = 0; candidate < candidates_.size(); ++candidate) {
        const std::int64_t profile = candidates_[candidate];
        while (begin < events_.size() && events_[begin].profile < profile)
            ++begin;
        std::size_t end = begin;
        while (end < events_.size() && events_[end].profile == profile)
            ++end;
        replayProfile(candidate, begin, end);
        begin = end;
        if (++done % 20000 == 0)
            reportProgress(progress_, done, total, JourneySimulator::kProgressStage);
    }
    reportProgress(progress_, total, total, JourneySimulator::kProgressStage);
    return result_;
}

} // namespace

namespace replay {

Millis ShopperState::wakeAt() const
{
    const Millis timer = active && waiting != Waiting::Nothing ? due : kNever;
    return std::min(timer, pendingEntry);
}

namespace {

json timeOrNull(Millis t)
{
    return t == kNever ? json(nullptr) : json(t);
}

Millis timeOr(const json &state, const char *key)
{
    const auto found = state.find(key);
    return found == state.end() || found->is_null() ? kNever : found->get<Millis>();
}

} // namespace

json ShopperState::toJson() const
{
    json state = { { "pending_entry", timeOrNull(pendingEntry) },
        { "last_entry", timeOrNull(lastEntry) }, { "sends", sendTimes } };
    if (!pendingCart.empty())
        state["pending_cart"] = pendingCart;
    if (!pendingOrder.empty())
        state["pending_order"] = pendingOrder;
    if (active) {
        state["node"] = node;
        state["waiting"] = waiting == Waiting::Timer ? "timer"
            : waiting == Waiting::Event              ? "event"
                                                     : "nothing";
        state["due"] = timeOrNull(due);
        state["send_pending"] = sendPending;
        state["held_out"] = heldOut;
        state["cart"] = cart;
        state["order"] = order;
        state["visited"] = visited;
        state["entry_id"] = entryId;
    }
    return state;
}

ShopperState ShopperState::fromJson(const json &state)
{
    ShopperState result;
    result.pendingEntry = timeOr(state, "pending_entry");
    result.lastEntry = timeOr(state, "last_entry");
    result.sendTimes = state.value("sends", std::vector<Millis>());
    result.pendingCart = state.value("pending_cart", std::string());
    result.pendingOrder = state.value("pending_order", std::string());
    if (state.contains("node")) {
        result.active = true;
        result.node = state.at("node").get<std::string>();
        const std::string waiting = state.value("waiting", std::string());
        result.waiting = waiting == "timer" ? Waiting::Timer
            : waiting == "event"            ? Waiting::Event
                                            : Waiting::Nothing;
        result.due = timeOr(state, "due");
        result.sendPending = state.value("send_pending", false);
        result.heldOut = state.value("held_out", false);
        result.cart = state.value("cart", std::string());
        result.order = state.value("order", std::string());
        result.visited = state.value("visited", std::vector<std::string>());
        result.entryId = state.value("entry_id", std::int64_t { 0 });
    }
    return result;
}

SimulationResult run(Database &db, const Journey &journey, const Window &window,
    RuntimeSink *runtime, ProgressSink *progress)
{
    return Replay(db, journey, window, runtime, progress).run();
}

} // namespace replay

} // namespace clientele
