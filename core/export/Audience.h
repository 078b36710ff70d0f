#pragma once

#include "profile/ProfileTraits.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace clientele {

class Database;

/// A value bound to a parameter of an audience's SQL (NULL, integer, real or text).
using AudienceParameter = std::variant<std::monostate, std::int64_t, double, std::string>;

/**
 * Which shoppers an export (and later anything else that acts on a group of shoppers) is
 * for. Four shapes, so that every source of shoppers fits without the exporter knowing it:
 *
 * - every profile of the workspace, in profile id order;
 * - an ordered list of profile ids (a file of ids, a saved segment's ids(), a hand-picked
 *   selection): kept in the given order, a repeated id counted once;
 * - a SELECT that yields profile ids in its first column, with bound parameters (a
 *   segment's compiled SQL): read in profile id order. The SQL must come from code (a
 *   compiler that binds every value), never from user text;
 * - the outbox of a running journey for one channel: one row per message not exported yet
 *   (a shopper with two messages is in the file twice), in the order they were scheduled,
 *   with the rendered message and its offer code as columns (ExportColumn::fromOutbox).
 *
 * definition() describes the audience for the export record and manifest, so a campaign
 * can be reproduced: {"kind": "all"}, {"kind": "profiles", "source": "ids.txt", "count":
 * 120}, or whatever the creator of a query audience passes (e.g. the segment's name and
 * rule JSON).
 */
class Audience {
public:
    enum class Kind { All, Profiles, Query, Outbox };

    struct Query {
        std::string sql;
        std::vector<AudienceParameter> parameters; ///< bound as ?1, ?2, … in order
    };

    static Audience all();
    /// How many shoppers all() holds now: every profile of the workspace.
    static std::int64_t countAll(Database &db);
    /// ids in order; repeats are dropped (the first one counts). definition gets
    /// "kind": "profiles" and "count" added.
    static Audience profiles(std::vector<ProfileId> ids, nlohmann::json definition = {});
    /// sql selects profile ids in its first column; definition gets "kind": "query" added
    /// unless it has a kind already (a segment says "segment").
    static Audience query(
        std::string sql, std::vector<AudienceParameter> parameters, nlohmann::json definition);
    /// The pending outbox messages of journey journeyId on channel; definition gets
    /// "kind": "journey_outbox", the journey's name and the channel.
    static Audience outbox(std::int64_t journeyId, std::string journeyName, std::string channel);

    /// Reads a file of profile ids, one per line (blank lines and lines starting with # are
    /// skipped; white space around an id is ignored). Throws ExportError naming the line of
    /// anything that is not a positive whole number, or when the file cannot be read.
    static std::vector<ProfileId> readIdFile(const std::string &path);

    Kind kind() const { return kind_; }
    const std::vector<ProfileId> &ids() const { return ids_; }
    const Query &sql() const { return query_; }
    const nlohmann::json &definition() const { return definition_; }
    /// Outbox audiences: the journey row and the channel.
    std::int64_t outboxJourney() const { return outboxJourney_; }
    const std::string &outboxChannel() const { return outboxChannel_; }

private:
    Audience() = default;

    Kind kind_ = Kind::All;
    std::vector<ProfileId> ids_;
    Query query_;
    nlohmann::json definition_;
    std::int64_t outboxJourney_ = 0;
    std::string outboxChannel_;
};

} // namespace clientele
