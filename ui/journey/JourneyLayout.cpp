#include "JourneyLayout.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace clientele {

std::map<std::string, NodePosition> JourneyLayout::arrange(
    const Journey &journey, double width, const std::function<double(const JourneyNode &)> &height)
{
    const std::size_t count = journey.nodes.size();
    std::map<std::string, std::size_t> indexOf;
    for (std::size_t i = 0; i < count; ++i)
        indexOf[journey.nodes[i].id] = i;

    // Successors in the order of the source's exits, so that "yes" stays above "no".
    std::vector<std::vector<std::size_t>> next(count);
    for (std::size_t i = 0; i < count; ++i)
        for (const std::string &port : Journey::outputPorts(journey.nodes[i]))
            for (const JourneyConnection *connection :
                journey.connectionsFrom(journey.nodes[i].id, port))
                if (auto found = indexOf.find(connection->toNode); found != indexOf.end())
                    next[i].push_back(found->second);

    // Depth-first from the entry first, then from every other step not reached yet: gives
    // a discovery order and marks the links that lead back (to a step still on the stack).
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < count; ++i)
        if (journey.nodes[i].kind == JourneyKind::kEntry)
            roots.push_back(i);
    for (std::size_t i = 0; i < count; ++i)
        roots.push_back(i);
    enum class Mark { New, Open, Done };
    std::vector<Mark> mark(count, Mark::New);
    std::vector<std::size_t> postOrder;
    std::set<std::pair<std::size_t, std::size_t>> backLinks;
    for (const std::size_t root : roots) {
        if (mark[root] != Mark::New)
            continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack { { root, 0 } };
        mark[root] = Mark::Open;
        while (!stack.empty()) {
            auto &[node, child] = stack.back();
            if (child < next[node].size()) {
                const std::size_t target = next[node][child++];
                if (mark[target] == Mark::Open)
                    backLinks.insert({ node, target });
                else if (mark[target] == Mark::New) {
                    mark[target] = Mark::Open;
                    stack.push_back({ target, 0 });
                }
            } else {
                mark[node] = Mark::Done;
                postOrder.push_back(node);
                stack.pop_back();
            }
        }
    }

    // Longest path: in reverse post-order every step comes after the steps leading to it.
    std::vector<int> layer(count, 0);
    for (auto it = postOrder.rbegin(); it != postOrder.rend(); ++it)
        for (const std::size_t target : next[*it])
            if (!backLinks.count({ *it, target }))
                layer[target] = std::max(layer[target], layer[*it] + 1);

    const int layers = count == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<std::size_t>> columns(static_cast<std::size_t>(layers));
    for (auto it = postOrder.rbegin(); it != postOrder.rend(); ++it)
        columns[static_cast<std::size_t>(layer[*it])].push_back(*it);

    // Barycentre sweeps: order each column by the mean row of the exits leading into its
    // steps (an exit's place among its step's exits counts, so "yes" stays above "no").
    std::vector<std::vector<std::pair<std::size_t, double>>> previous(count);
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t k = 0; k < next[i].size(); ++k)
            if (!backLinks.count({ i, next[i][k] }))
                previous[next[i][k]].push_back({ i,
                    0.8 * static_cast<double>(k + 1) / static_cast<double>(next[i].size() + 1) });
    std::vector<double> row(count, 0.0);
    auto numberRows = [&](const std::vector<std::size_t> &column) {
        for (std::size_t r = 0; r < column.size(); ++r)
            row[column[r]] = static_cast<double>(r) - static_cast<double>(column.size() - 1) / 2;
    };
    for (const auto &column : columns)
        numberRows(column);
    for (int sweep = 0; sweep < 4; ++sweep)
        for (std::size_t c = 1; c < columns.size(); ++c) {
            std::vector<std::pair<double, std::size_t>> keyed;
            for (std::size_t r = 0; r < columns[c].size(); ++r) {
                const std::size_t node = columns[c][r];
                double sum = 0.0;
                for (const auto &[from, offset] : previous[node])
                    sum += row[from] + offset;
                const double key = previous[node].empty()
                    ? row[node]
                    : sum / static_cast<double>(previous[node].size());
                keyed.push_back({ key + static_cast<double>(r) * 1e-6, node });
            }
            std::stable_sort(keyed.begin(), keyed.end());
            for (std::size_t r = 0; r < keyed.size(); ++r)
                columns[c][r] = keyed[r].second;
            numberRows(columns[c]);
        }

    // Columns side by side, each centred on the same middle line.
    std::map<std::string, NodePosition> positions;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double total = 0.0;
        for (const std::size_t node : columns[c])
            total += height(journey.nodes[node]) + kRowGap;
        double y = std::round(-total / 2 / 20) * 20;
        for (const std::size_t node : columns[c]) {
            positions[journey.nodes[node].id]
                = NodePosition { static_cast<double>(c) * (width + kColumnGap), y };
            y += std::ceil((height(journey.nodes[node]) + kRowGap) / 20) * 20;
        }
    }
    return positions;
}

} // namespace clientele
