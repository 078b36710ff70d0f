#pragma once

#include "JourneyContext.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <map>
#include <string>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;

namespace clientele {

class JourneyDocument;
class JourneyMessagePreview;

/**
 * The panel beside the canvas: the selected step's settings with widgets for its kind
 * (trigger, waits, segment, split arms, message with a live preview, tag), or the journey's
 * settings when nothing is selected. Every change is an undoable edit of the document;
 * the panel rebuilds when an undo or redo changes what it shows.
 */
class JourneyProperties : public QWidget {
    Q_OBJECT

public:
    explicit JourneyProperties(JourneyDocument *document, QWidget *parent = nullptr);

    void setContext(const JourneyContext &context);
    /// Shows the step with this id; an empty id shows the journey's settings.
    void showNode(const std::string &nodeId);
    const std::string &shownNode() const { return nodeId_; }
    /// The send step's message preview (kept across rebuilds of the form).
    JourneyMessagePreview *preview() const { return preview_; }

private:
    void rebuild();
    void buildSettings(QFormLayout *form);
    void buildEntry(QFormLayout *form, const nlohmann::json &config);
    /// The event trigger's rows: the event and the optional "then not … within".
    void buildEventTrigger(QFormLayout *form, const nlohmann::json &trigger);
    void buildWait(QFormLayout *form, const nlohmann::json &config);
    void buildWaitUntil(QFormLayout *form, const nlohmann::json &config);
    void buildBranch(QFormLayout *form, const nlohmann::json &config);
    void buildSplit(QFormLayout *form, const nlohmann::json &config);
    void buildSend(QFormLayout *form, const nlohmann::json &config);
    void buildUpdateProfile(QFormLayout *form, const nlohmann::json &config);

    /// A combo of the workspace's event types that also takes a typed key.
    QComboBox *eventPicker(const std::string &current, QWidget *parent) const;
    /// A combo of saved segments (and the current rule when it is none of them).
    QComboBox *segmentPicker(
        const nlohmann::json &current, bool allowEveryone, QWidget *parent) const;
    /// Applies edit to a copy of the shown step's config and records it as one undo step
    /// (edits with the same mergeKey in a row merge). structural: rebuild the form after.
    void editConfig(const std::function<void(nlohmann::json &)> &edit, const QString &mergeKey,
        bool structural = false, const std::map<std::string, std::string> &renamedExits = {});
    /// The send step shown: its texts into the preview.
    void updatePreview();
    /// The shown step's problems (or the journey-wide ones) above the form.
    void showIssues();

    JourneyDocument *document_;
    JourneyContext context_;
    std::string nodeId_;
    bool applying_ = false;
    QScrollArea *scroll_ = nullptr;
    QLabel *title_ = nullptr;
    QLabel *issues_ = nullptr;
    JourneyMessagePreview *preview_ = nullptr;
};

} // namespace clientele
