#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clientele {

/// What kind of value a field holds; it decides the operators a condition may use.
enum class FieldType { Number, Text, Date, Boolean, List };

/// The heading a field is listed under in the builder's field picker.
enum class FieldGroup { Profile, Orders, Cart, Engagement, Rfm, Predictions, Behaviour, Consent };

/** One field a segment condition can test: a profile trait or attribute, or an event property. */
struct FieldInfo {
    std::string key; ///< as written in the JSON, e.g. "revenue"
    std::string label; ///< English display label; the ui translates by key
    FieldType type = FieldType::Text;
    FieldGroup group = FieldGroup::Profile;
    std::vector<std::string> operators; ///< the operators this field allows
    /// SQL over `pt` (profile_traits) or `p` (profiles) for traits, `e` (events) for event
    /// properties. Empty for properties the compiler builds itself (sku, brand, props.*).
    std::string column;
    bool needsProfiles = false; ///< reads the profiles table
    /// Can be computed as of a past date from the events up to it (see SegmentCompiler).
    bool asOf = false;
    /// List fields: "csv" (comma-separated, e.g. channels) or "json" (a JSON array).
    std::string listFormat;
    int decimals = 0; ///< how explain() prints numbers (2 for money)
    /// Event properties that a product list (props.products[]) also carries per line.
    std::string lineKey;
    /// Traits: column leads an index of profile_traits, so the compiler keeps text
    /// comparisons on it index-driven (SegmentCompiler).
    bool indexed = false;
};

/**
 * Every field a segment can test, with its type, group, label and operators: what the
 * builder's field picker lists, what validation checks against and what the compiler maps
 * to SQL. A fixed catalogue of constants (no state), shared by all workspaces.
 */
class FieldRegistry {
public:
    /// The catalogue of this version.
    static const FieldRegistry &standard();

    /// Profile traits and attributes, in picker order.
    const std::vector<FieldInfo> &traits() const { return traits_; }
    /// Properties a behaviour condition's "where" can test (plus any "props.PATH").
    const std::vector<FieldInfo> &eventProperties() const { return eventProperties_; }

    const FieldInfo *trait(std::string_view key) const;
    /// A named property, or for "props.PATH" a generic JSON property field (Text, but number
    /// operators are allowed too). nullptr when unknown or the path is malformed.
    const FieldInfo *eventProperty(std::string_view key) const;

    /// The operators of a type, e.g. Number: =, !=, <, <=, >, >=, between, is_set, is_not_set.
    static const std::vector<std::string> &operatorsFor(FieldType type);
    static std::string typeName(FieldType type);
    static std::string groupName(FieldGroup group);
    /// True for "props.a.b_c" style paths (letters, digits, underscores, dots; no quotes).
    static bool isPropertyPath(std::string_view key);

private:
    FieldRegistry();
    std::vector<FieldInfo> traits_;
    std::vector<FieldInfo> eventProperties_;
    FieldInfo jsonProperty_;
};

} // namespace clientele
