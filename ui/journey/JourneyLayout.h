#pragma once

#include "journey/Journey.h"

#include <functional>
#include <map>
#include <string>

namespace clientele {

/**
 * The canvas's "Arrange": a left-to-right layered layout. A step's layer is the longest
 * path to it from the entry (links that lead back are ignored), steps the entry does not
 * reach start their own columns at the left; within a layer, steps are ordered by the
 * average row of the steps leading into them (a few barycentre sweeps), which removes
 * most crossings of journeys as marketers draw them.
 */
class JourneyLayout {
public:
    static constexpr double kColumnGap = 80.0;
    static constexpr double kRowGap = 40.0;

    /// Top-left positions by node id; height(node) is a card's height, width the cards'.
    static std::map<std::string, NodePosition> arrange(const Journey &journey, double width,
        const std::function<double(const JourneyNode &)> &height);
};

} // namespace clientele
