#pragma once

#include "segment/FieldRegistry.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QString>

#include <string>

namespace clientele {

/**
 * The words of the segment builder: field, group, operator and event names as a marketer
 * reads them, and a whole rule as one plain-English sentence. Every text goes through
 * the "SegmentText" translation context.
 */
class SegmentText {
    Q_DECLARE_TR_FUNCTIONS(SegmentText)

public:
    static QString fieldLabel(const FieldInfo &field);
    /// The label as it reads inside a sentence ("revenue" in English).
    static QString fieldInSentence(const FieldInfo &field);
    static QString groupLabel(FieldGroup group);
    /// "is more than", "is between", "in the last (days)".
    static QString operatorLabel(const std::string &op);
    /// "Added to cart" (picker label of an event type key); unknown keys are spelled out.
    static QString eventLabel(const std::string &event);
    /// "added to cart" / "did not add to cart".
    static QString eventPhrase(const std::string &event, bool did);
    static QString consentChannelLabel(const std::string &channel);
    /// "with a total value more than 200" for an event condition's "sum".
    static QString sumText(const nlohmann::json &sum);
    /// "Shoppers who added to cart at least 2 times in the last 7 days and …".
    static QString sentence(const nlohmann::json &rule);
    /// One leaf condition without its relative word; startsWithWhose says which one it
    /// takes ("whose revenue …" or "who added to cart …").
    static QString clause(const nlohmann::json &condition, bool *startsWithWhose = nullptr);
    /// A group with the relative words of its conditions, in brackets when nested.
    static QString groupText(const nlohmann::json &group, bool nested);
};

} // namespace clientele
