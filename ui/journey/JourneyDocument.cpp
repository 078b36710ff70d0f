#include "JourneyDocument.h"

#include "JourneyUndoCommands.h"

#include <QUndoStack>

#include <algorithm>
#include <set>

namespace clientele {

JourneyDocument::JourneyDocument(QObject *parent)
    : QObject(parent)
    , undo_(new QUndoStack(this))
{
}

JourneyDocument::~JourneyDocument() = default;

void JourneyDocument::reset(const Journey &journey)
{
    undo_->clear();
    journey_ = journey;
    open_ = true;
    revalidate();
    Q_EMIT journeyReset();
    Q_EMIT changed();
}

std::vector<JourneyIssue> JourneyDocument::issuesOf(const std::string &nodeId) const
{
    std::vector<JourneyIssue> found;
    for (const JourneyIssue &issue : issues_)
        if (issue.nodeId == nodeId)
            found.push_back(issue);
    return found;
}

std::string JourneyDocument::freeId(const Journey &journey, const std::string &kind)
{
    if (!journey.node(kind))
        return kind;
    for (int n = 2;; ++n) {
        std::string id = kind + "_" + std::to_string(n);
        if (!journey.node(id))
            return id;
    }
}

std::optional<QString> JourneyDocument::connectionRefusal(const JourneyConnection &connection) const
{
    const auto problem = JourneyValidator::connectionProblem(journey_, connection);
    if (!problem)
        return std::nullopt;
    const JourneyNode *from = journey_.node(connection.fromNode);
    const QString fromName = from ? QString::fromStdString(from->displayName()) : QString();
    switch (*problem) {
    case ConnectionProblem::UnknownStep:
        return tr("Connect an exit of a step to the input of another step.");
    case ConnectionProblem::ToItself:
        return tr("A step cannot lead to itself.");
    case ConnectionProblem::IntoEntry:
        return tr("Nothing can lead into the Entry: it is where shoppers start.");
    case ConnectionProblem::UnknownExit:
        return tr("%1 has no exit \"%2\".")
            .arg(fromName, QString::fromStdString(connection.fromPort));
    case ConnectionProblem::UnknownInput:
        return tr("A step has one input: connect the exit to the step's input.");
    case ConnectionProblem::ExitTaken:
        return tr("The exit \"%1\" of %2 already leads to a step. Each exit leads to exactly "
                  "one step: delete that connection first.")
            .arg(QString::fromStdString(connection.fromPort), fromName);
    }
    return std::nullopt;
}

void JourneyDocument::addNodes(const std::vector<JourneyNode> &nodes,
    const std::vector<JourneyConnection> &connections, const QString &text)
{
    std::vector<IndexedNode> indexedNodes;
    std::size_t index = journey_.nodes.size();
    for (const JourneyNode &node : nodes)
        indexedNodes.push_back({ index++, node });
    std::vector<IndexedConnection> indexedConnections;
    index = journey_.connections.size();
    for (const JourneyConnection &connection : connections)
        indexedConnections.push_back({ index++, connection });
    undo_->push(new ItemsCommand(
        this, ItemsCommand::Action::Insert, indexedNodes, indexedConnections, text));
}

void JourneyDocument::removeItems(
    const std::vector<std::string> &nodeIds, const std::vector<JourneyConnection> &connections)
{
    const std::set<std::string> ids(nodeIds.begin(), nodeIds.end());
    std::vector<IndexedNode> nodes;
    for (std::size_t i = 0; i < journey_.nodes.size(); ++i)
        if (ids.count(journey_.nodes[i].id))
            nodes.push_back({ i, journey_.nodes[i] });
    std::vector<IndexedConnection> removed;
    for (std::size_t i = 0; i < journey_.connections.size(); ++i) {
        const JourneyConnection &connection = journey_.connections[i];
        if (ids.count(connection.fromNode) || ids.count(connection.toNode)
            || std::find(connections.begin(), connections.end(), connection) != connections.end())
            removed.push_back({ i, connection });
    }
    if (nodes.empty() && removed.empty())
        return;
    const QString text = nodes.empty() ? tr("Delete Connection")
        : nodes.size() == 1            ? tr("Delete Step")
                                       : tr("Delete Steps");
    undo_->push(new ItemsCommand(this, ItemsCommand::Action::Remove, nodes, removed, text));
}

void JourneyDocument::moveNodes(
    const std::map<std::string, NodePosition> &positions, const QString &text)
{
    std::map<std::string, NodePosition> before;
    std::map<std::string, NodePosition> after;
    for (const auto &[id, position] : positions) {
        const JourneyNode *node = journey_.node(id);
        if (!node || node->position == position)
            continue;
        before[id] = node->position;
        after[id] = position;
    }
    if (!after.empty())
        undo_->push(new MoveNodesCommand(this, before, after, text));
}

std::optional<QString> JourneyDocument::connectPorts(const JourneyConnection &connection)
{
    if (auto refusal = connectionRefusal(connection))
        return refusal;
    undo_->push(new ItemsCommand(this, ItemsCommand::Action::Insert, {},
        { { journey_.connections.size(), connection } }, tr("Connect")));
    return std::nullopt;
}

void JourneyDocument::changeConfig(const std::string &nodeId, const nlohmann::json &config,
    const QString &mergeKey, const std::map<std::string, std::string> &renamedExits)
{
    const JourneyNode *node = journey_.node(nodeId);
    if (!node || node->config == config)
        return;
    const QString text = tr("Change %1").arg(QString::fromStdString(node->displayName()));
    JourneyNode changed = *node;
    changed.config = config;
    const std::vector<std::string> exits = Journey::outputPorts(changed);
    // The connections of exits that are renamed or gone.
    std::vector<IndexedConnection> removed;
    std::vector<IndexedConnection> moved;
    for (std::size_t i = 0; i < journey_.connections.size(); ++i) {
        const JourneyConnection &connection = journey_.connections[i];
        if (connection.fromNode != nodeId
            || std::find(exits.begin(), exits.end(), connection.fromPort) != exits.end())
            continue;
        removed.push_back({ i, connection });
        if (const auto renamed = renamedExits.find(connection.fromPort);
            renamed != renamedExits.end()) {
            JourneyConnection again = connection;
            again.fromPort = renamed->second;
            moved.push_back({ i, again });
        }
    }
    auto *command = new ChangeConfigCommand(
        this, nodeId, node->config, config, removed.empty() ? mergeKey : QString(), text);
    if (removed.empty()) {
        undo_->push(command);
        return;
    }
    undo_->beginMacro(text);
    undo_->push(command);
    undo_->push(new ItemsCommand(this, ItemsCommand::Action::Remove, {}, removed, text));
    if (!moved.empty()) {
        // Back in their places: the connections of exits that are gone no longer count.
        std::vector<IndexedConnection> reinserted;
        for (const IndexedConnection &entry : moved) {
            std::size_t goneBefore = 0;
            for (const IndexedConnection &gone : removed)
                if (gone.index < entry.index && !renamedExits.count(gone.connection.fromPort))
                    ++goneBefore;
            reinserted.push_back({ entry.index - goneBefore, entry.connection });
        }
        undo_->push(new ItemsCommand(this, ItemsCommand::Action::Insert, {}, reinserted, text));
    }
    undo_->endMacro();
}

void JourneyDocument::changeSettings(
    const std::string &name, const JourneySettings &settings, const QString &mergeKey)
{
    const ChangeSettingsCommand::State before { journey_.name, journey_.settings };
    const ChangeSettingsCommand::State after { name, settings };
    if (before == after)
        return;
    undo_->push(
        new ChangeSettingsCommand(this, before, after, mergeKey, tr("Change Journey Settings")));
}

void JourneyDocument::applyInsert(
    const std::vector<IndexedNode> &nodes, const std::vector<IndexedConnection> &connections)
{
    // Ascending indices: each lands where it was when the command was made.
    for (const IndexedNode &entry : nodes) {
        const auto at = std::min(entry.index, journey_.nodes.size());
        journey_.nodes.insert(journey_.nodes.begin() + static_cast<std::ptrdiff_t>(at), entry.node);
    }
    for (const IndexedConnection &entry : connections) {
        const auto at = std::min(entry.index, journey_.connections.size());
        journey_.connections.insert(
            journey_.connections.begin() + static_cast<std::ptrdiff_t>(at), entry.connection);
    }
    for (const IndexedNode &entry : nodes)
        Q_EMIT nodeAdded(QString::fromStdString(entry.node.id));
    for (const IndexedConnection &entry : connections)
        Q_EMIT connectionAdded(entry.connection);
    revalidate();
    Q_EMIT changed();
}

void JourneyDocument::applyRemove(
    const std::vector<IndexedNode> &nodes, const std::vector<IndexedConnection> &connections)
{
    for (auto it = connections.rbegin(); it != connections.rend(); ++it) {
        auto found
            = std::find(journey_.connections.begin(), journey_.connections.end(), it->connection);
        if (found == journey_.connections.end())
            continue;
        journey_.connections.erase(found);
        Q_EMIT connectionRemoved(it->connection);
    }
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        auto found = std::find_if(journey_.nodes.begin(), journey_.nodes.end(),
            [&](const JourneyNode &node) { return node.id == it->node.id; });
        if (found == journey_.nodes.end())
            continue;
        journey_.nodes.erase(found);
        Q_EMIT nodeRemoved(QString::fromStdString(it->node.id));
    }
    revalidate();
    Q_EMIT changed();
}

void JourneyDocument::applyPositions(const std::map<std::string, NodePosition> &positions)
{
    for (const auto &[id, position] : positions)
        if (JourneyNode *node = mutableNode(id)) {
            node->position = position;
            Q_EMIT nodeMoved(QString::fromStdString(id));
        }
    Q_EMIT positionsApplied();
    // Positions do not change what the validator says.
    Q_EMIT changed();
}

void JourneyDocument::applyConfig(const std::string &nodeId, const nlohmann::json &config)
{
    JourneyNode *node = mutableNode(nodeId);
    if (!node)
        return;
    node->config = config;
    Q_EMIT nodeChanged(QString::fromStdString(nodeId));
    revalidate();
    Q_EMIT changed();
}

void JourneyDocument::applySettings(const std::string &name, const JourneySettings &settings)
{
    journey_.name = name;
    journey_.settings = settings;
    Q_EMIT settingsChanged();
    revalidate();
    Q_EMIT changed();
}

JourneyNode *JourneyDocument::mutableNode(const std::string &id)
{
    for (JourneyNode &node : journey_.nodes)
        if (node.id == id)
            return &node;
    return nullptr;
}

void JourneyDocument::revalidate()
{
    issues_ = JourneyValidator::validate(journey_);
    Q_EMIT validated();
    Q_EMIT contentChanged();
}

} // namespace clientele
