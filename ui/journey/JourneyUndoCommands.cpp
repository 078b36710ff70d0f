#include "JourneyUndoCommands.h"

namespace clientele {

ItemsCommand::ItemsCommand(JourneyDocument *document, Action action, std::vector<IndexedNode> nodes,
    std::vector<IndexedConnection> connections, const QString &text)
    : QUndoCommand(text)
    , document_(document)
    , action_(action)
    , nodes_(std::move(nodes))
    , connections_(std::move(connections))
{
}

void ItemsCommand::redo()
{
    apply(action_);
}

void ItemsCommand::undo()
{
    apply(action_ == Action::Insert ? Action::Remove : Action::Insert);
}

void ItemsCommand::apply(Action action)
{
    if (action == Action::Insert)
        document_->applyInsert(nodes_, connections_);
    else
        document_->applyRemove(nodes_, connections_);
}

MoveNodesCommand::MoveNodesCommand(JourneyDocument *document,
    std::map<std::string, NodePosition> before, std::map<std::string, NodePosition> after,
    const QString &text)
    : QUndoCommand(text)
    , document_(document)
    , before_(std::move(before))
    , after_(std::move(after))
{
}

void MoveNodesCommand::redo()
{
    document_->applyPositions(after_);
}

void MoveNodesCommand::undo()
{
    document_->applyPositions(before_);
}

ChangeConfigCommand::ChangeConfigCommand(JourneyDocument *document, std::string nodeId,
    nlohmann::json before, nlohmann::json after, QString mergeKey, const QString &text)
    : QUndoCommand(text)
    , document_(document)
    , nodeId_(std::move(nodeId))
    , before_(std::move(before))
    , after_(std::move(after))
    , mergeKey_(std::move(mergeKey))
{
}

int ChangeConfigCommand::id() const
{
    return mergeKey_.isEmpty() ? -1 : static_cast<int>(JourneyCommandId::ChangeConfig);
}

bool ChangeConfigCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeConfigCommand *>(other);
    if (next->nodeId_ != nodeId_ || next->mergeKey_ != mergeKey_)
        return false;
    after_ = next->after_;
    setObsolete(after_ == before_);
    return true;
}

void ChangeConfigCommand::redo()
{
    document_->applyConfig(nodeId_, after_);
}

void ChangeConfigCommand::undo()
{
    document_->applyConfig(nodeId_, before_);
}

ChangeSettingsCommand::ChangeSettingsCommand(
    JourneyDocument *document, State before, State after, QString mergeKey, const QString &text)
    : QUndoCommand(text)
    , document_(document)
    , before_(std::move(before))
    , after_(std::move(after))
    , mergeKey_(std::move(mergeKey))
{
}

int ChangeSettingsCommand::id() const
{
    return mergeKey_.isEmpty() ? -1 : static_cast<int>(JourneyCommandId::ChangeSettings);
}

bool ChangeSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeSettingsCommand *>(other);
    if (next->mergeKey_ != mergeKey_)
        return false;
    after_ = next->after_;
    setObsolete(after_ == before_);
    return true;
}

void ChangeSettingsCommand::redo()
{
    document_->applySettings(after_.name, after_.settings);
}

void ChangeSettingsCommand::undo()
{
    document_->applySettings(before_.name, before_.settings);
}

} // namespace clientele
