#pragma once

#include "JourneyDocument.h"

#include <QUndoCommand>

#include <map>
#include <string>
#include <vector>

namespace clientele {

/// Merge ids of the journey's undo commands (QUndoCommand::id()).
enum class JourneyCommandId { ChangeConfig = 1, ChangeSettings = 2 };

/**
 * Puts nodes and connections into the journey at given indices (adding a node, pasting,
 * connecting two ports) or takes them out (Delete, disconnecting); undo does the opposite,
 * putting each item back at the index it had, so the journey's JSON is exactly the one
 * before.
 */
class ItemsCommand : public QUndoCommand {
public:
    enum class Action { Insert, Remove };

    ItemsCommand(JourneyDocument *document, Action action, std::vector<IndexedNode> nodes,
        std::vector<IndexedConnection> connections, const QString &text);
    void redo() override;
    void undo() override;

private:
    void apply(Action action);

    JourneyDocument *document_;
    Action action_;
    std::vector<IndexedNode> nodes_;
    std::vector<IndexedConnection> connections_;
};

/** New canvas positions of some nodes (a drag, Arrange). */
class MoveNodesCommand : public QUndoCommand {
public:
    MoveNodesCommand(JourneyDocument *document, std::map<std::string, NodePosition> before,
        std::map<std::string, NodePosition> after, const QString &text);
    void redo() override;
    void undo() override;

private:
    JourneyDocument *document_;
    std::map<std::string, NodePosition> before_;
    std::map<std::string, NodePosition> after_;
};

/** A node's new config; typing into one field merges into one step. */
class ChangeConfigCommand : public QUndoCommand {
public:
    ChangeConfigCommand(JourneyDocument *document, std::string nodeId, nlohmann::json before,
        nlohmann::json after, QString mergeKey, const QString &text);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    JourneyDocument *document_;
    std::string nodeId_;
    nlohmann::json before_;
    nlohmann::json after_;
    QString mergeKey_;
};

/** The journey's new name and settings; typing merges into one step. */
class ChangeSettingsCommand : public QUndoCommand {
public:
    struct State {
        std::string name;
        JourneySettings settings;
        bool operator==(const State &) const = default;
    };
    ChangeSettingsCommand(JourneyDocument *document, State before, State after, QString mergeKey,
        const QString &text);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    JourneyDocument *document_;
    State before_;
    State after_;
    QString mergeKey_;
};

} // namespace clientele
