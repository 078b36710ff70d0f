#pragma once

#include "Journey.h"

#include "export/Audience.h"

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// A journey that cannot be saved, renamed or found (no such name, name taken, empty name).
class JourneyStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A saved journey as the Journeys area lists it.
struct JourneySummary {
    std::int64_t id = 0;
    std::string name;
    bool active = false; ///< switched on: each import advances it
    Millis updatedAt = 0;
    Millis activatedAt = 0; ///< when last switched on (0: never)
    Millis clock = 0; ///< the workspace time the runtime has reached (0: never ran)
    std::int64_t inJourney = 0; ///< shoppers at a step now
    std::int64_t outboxPending = 0; ///< scheduled messages not exported yet
    /// What the runtime counted since the journey first ran: entered, conversions, revenue,
    /// offer_cost, and per step ("nodes") and channel ("channels") the same counts as a
    /// simulation (SimulationResult::toJson). An empty object before the first advance.
    nlohmann::json stats = nlohmann::json::object();
};

/**
 * The journeys of a workspace (table journeys), by name. A saved journey may be a draft
 * that does not validate yet; switching it on needs a valid one, and a journey that is on
 * only accepts valid changes. Switching off keeps every shopper's state, the entries and the
 * outbox; removing a journey removes them too (discount codes already issued stay recorded
 * with their shopper).
 */
class JourneyStore {
public:
    explicit JourneyStore(Database &db);

    /// Every saved journey, by name.
    std::vector<JourneySummary> list() const;
    std::optional<JourneySummary> summary(const std::string &name) const;
    /// Whether a journey of that name is saved (without the counts summary() reads).
    bool contains(const std::string &name) const { return findId(name).has_value(); }
    /// The journey called name, or nullopt.
    std::optional<Journey> load(const std::string &name) const;

    /// Saves under journey.name: a new journey, or a new definition of an existing one
    /// (its state kept; shoppers at a step that no longer exists leave at the next advance).
    /// Throws JourneyStoreError (empty name) or JourneyInvalid (the journey is on and the
    /// new definition does not validate).
    void save(const Journey &journey, Millis now);
    /// Throws JourneyStoreError when from does not exist or to is taken or empty.
    void rename(const std::string &from, const std::string &to, Millis now);
    /// Saves an edited journey that was saved as previousName (empty: a new one) under
    /// journey.name: when the name changed and previousName is still saved, it is renamed
    /// first (keeping its state and outbox), then saved. One transaction: when the save
    /// fails, the rename is undone too. Throws what rename() and save() throw.
    void saveAs(const std::string &previousName, const Journey &journey, Millis now);
    /// A copy called to, switched off and without state. Throws JourneyStoreError.
    void duplicate(const std::string &from, const std::string &to, Millis now);
    /// Removes the journey with its state, entries and outbox; false when there is none.
    bool remove(const std::string &name);
    /**
     * Switches a journey on or off. On: it must validate (else JourneyInvalid); from then
     * on each import advances it over the events imported after this moment (see
     * JourneyRuntime). Off: imports leave it alone, its state stays; switched on again it
     * continues with the events imported from then on.
     */
    void setActive(const std::string &name, bool active, Millis now);

    /// The shoppers at step (a node id) of the journey now, as an export audience.
    /// Throws JourneyStoreError when there is no such journey or step.
    Audience stepAudience(const std::string &name, const std::string &step) const;
    /// The journey's outbox of one channel (messages not handed over yet). Throws
    /// JourneyStoreError when there is no such journey or channel.
    Audience outboxAudience(const std::string &name, const std::string &channel) const;

private:
    /// The journey's row id (and whether it is on), or nullopt when there is none.
    std::optional<std::int64_t> findId(const std::string &name, bool *active = nullptr) const;
    /// The row id; throws JourneyStoreError when there is no such journey.
    std::int64_t idOf(const std::string &name) const;
    /// Throws JourneyStoreError when name is empty or taken.
    void requireFree(const std::string &name) const;

    Database &db_;
};

} // namespace clientele
