#include "SegmentOverlap.h"

namespace clientele {

using json = nlohmann::json;

OverlapOperand OverlapOperand::saved(std::string name)
{
    OverlapOperand operand;
    operand.savedName = std::move(name);
    return operand;
}

OverlapOperand OverlapOperand::unsaved(json rule)
{
    OverlapOperand operand;
    operand.rule = std::move(rule);
    return operand;
}

json OverlapOperand::condition() const
{
    if (!savedName.empty())
        return { { "type", "segment" }, { "segment", savedName }, { "member", true } };
    return rule;
}

json SegmentOverlap::partDocument(
    OverlapPart part, const OverlapOperand &a, const OverlapOperand &b)
{
    const auto without = [](const OverlapOperand &in, const OverlapOperand &out) {
        return json { { "type", "all" },
            { "conditions",
                json::array({ in.condition(),
                    json { { "type", "none" },
                        { "conditions", json::array({ out.condition() }) } } }) } };
    };
    json rule;
    switch (part) {
    case OverlapPart::AOnly:
        rule = without(a, b);
        break;
    case OverlapPart::BOnly:
        rule = without(b, a);
        break;
    case OverlapPart::Both:
        rule = { { "type", "all" },
            { "conditions", json::array({ a.condition(), b.condition() }) } };
        break;
    }
    return { { "version", SegmentDefinition::kVersion }, { "rule", std::move(rule) } };
}

SegmentDefinition SegmentOverlap::part(
    OverlapPart part, const OverlapOperand &a, const OverlapOperand &b)
{
    return SegmentDefinition::fromJson(partDocument(part, a, b));
}

} // namespace clientele
