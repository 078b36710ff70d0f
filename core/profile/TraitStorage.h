#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace clientele {

class Statement;
struct ProfileTraits;

/**
 * How a ProfileTraits maps to the columns of profile_traits: one column list, used by the
 * writer and the reader alike, so the two cannot drift apart. Internal to core/profile.
 */
namespace TraitStorage {

/// One column's value; monostate is NULL.
using TraitValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// The column names, in bind() order ("profile_id" first).
const std::vector<std::string> &columns();
/// Every column's value, in columns() order.
std::vector<TraitValue> values(const ProfileTraits &traits);
void bindValue(Statement &statement, int index, const TraitValue &value);

/// "INSERT OR REPLACE INTO profile_traits(…) VALUES (?1, …)" for every column.
const std::string &insertSql();
/// "profile_id, customer_id, …": every column, in bind() order.
const std::string &columnList();

/// Binds every column, ?1 = profile_id.
void bind(Statement &statement, const ProfileTraits &traits);
/// Reads a row selected with columnList().
ProfileTraits read(const Statement &statement);

} // namespace TraitStorage

} // namespace clientele
