#pragma once

#include "journey/Journey.h"
#include "journey/JourneyValidator.h"

#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QUndoStack;

namespace clientele {

/// A node with the index it had in Journey::nodes, so that undo puts it back in place.
struct IndexedNode {
    std::size_t index = 0;
    JourneyNode node;
};

/// A connection with the index it had in Journey::connections.
struct IndexedConnection {
    std::size_t index = 0;
    JourneyConnection connection;
};

/**
 * The journey being edited: the core Journey (the single source of truth), its undo stack
 * and its validation. Edits go through the undo commands (JourneyUndoCommands), which call
 * the apply* functions; each apply function changes the model and emits a signal naming
 * what changed, so the canvas updates only the items concerned. Validation runs after every
 * change.
 */
class JourneyDocument : public QObject {
    Q_OBJECT

public:
    explicit JourneyDocument(QObject *parent = nullptr);
    ~JourneyDocument() override;

    /// Replaces the journey (New, template, import, load): clears undo and validation.
    void reset(const Journey &journey);
    bool isOpen() const { return open_; }

    const Journey &journey() const { return journey_; }
    QUndoStack *undoStack() const { return undo_; }
    const std::vector<JourneyIssue> &issues() const { return issues_; }
    /// The issues that name this node.
    std::vector<JourneyIssue> issuesOf(const std::string &nodeId) const;

    /// An id that no node has yet, from the kind ("send", "send_2" …).
    std::string freeId(const std::string &kind) const { return freeId(journey_, kind); }
    /// An id that no node of journey has yet.
    static std::string freeId(const Journey &journey, const std::string &kind);
    /// Why from.port → to cannot be drawn, or nullopt when it can.
    std::optional<QString> connectionRefusal(const JourneyConnection &connection) const;

    // Edits as undoable commands (what the canvas and the panels call).
    void addNodes(const std::vector<JourneyNode> &nodes,
        const std::vector<JourneyConnection> &connections, const QString &text);
    /// Removes the nodes with their connections, and the given connections.
    void removeItems(
        const std::vector<std::string> &nodeIds, const std::vector<JourneyConnection> &connections);
    /// Positions after a drag (or Arrange); only nodes whose position differs count.
    void moveNodes(const std::map<std::string, NodePosition> &positions, const QString &text);
    /// Draws a connection; returns the refusal instead when it cannot be drawn.
    std::optional<QString> connectPorts(const JourneyConnection &connection);
    /**
     * A new config for a node; edits with the same mergeKey in a row undo as one step.
     * When the node's exits change, its connections follow in the same undo step: an exit
     * renamed (renamedExits: old → new name) keeps its connection, one that is gone loses it.
     */
    void changeConfig(const std::string &nodeId, const nlohmann::json &config,
        const QString &mergeKey, const std::map<std::string, std::string> &renamedExits = {});
    void changeSettings(
        const std::string &name, const JourneySettings &settings, const QString &mergeKey);

    // What the commands call: plain changes of the model, with their signals.
    void applyInsert(
        const std::vector<IndexedNode> &nodes, const std::vector<IndexedConnection> &connections);
    void applyRemove(
        const std::vector<IndexedNode> &nodes, const std::vector<IndexedConnection> &connections);
    void applyPositions(const std::map<std::string, NodePosition> &positions);
    void applyConfig(const std::string &nodeId, const nlohmann::json &config);
    void applySettings(const std::string &name, const JourneySettings &settings);

Q_SIGNALS:
    /// The whole journey was replaced (or closed).
    void journeyReset();
    void nodeAdded(const QString &nodeId);
    void nodeRemoved(const QString &nodeId);
    /// Config (label, summary, exits) of a node changed.
    void nodeChanged(const QString &nodeId);
    void nodeMoved(const QString &nodeId);
    /// After the nodeMoved() of one move (a drag, undo, Arrange): all positions are set.
    void positionsApplied();
    void connectionAdded(const clientele::JourneyConnection &connection);
    void connectionRemoved(const clientele::JourneyConnection &connection);
    void settingsChanged();
    /// Validation ran again (after any change).
    void validated();
    /// Any change of the journey (an edit, undo, redo or reset).
    void changed();
    /// A change of what the journey does (anything but positions): simulated counts are
    /// no longer true.
    void contentChanged();

private:
    JourneyNode *mutableNode(const std::string &id);
    void revalidate();

    Journey journey_;
    QUndoStack *undo_ = nullptr;
    std::vector<JourneyIssue> issues_;
    bool open_ = false;
};

} // namespace clientele
