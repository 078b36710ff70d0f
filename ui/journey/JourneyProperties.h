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
    /// The preview's values of the message tokens ({{first_name}} …) for the send preview.
    void setPreviewValues(const std::map<std::string, std::string> &values, const QString &whose);

    /// Back to the sample values (no shopper chosen).
    void useSampleValues();
    /// The shopper asked for cannot be shown; says why under the preview.
    void setPreviewProblem(const QString &message);

    /// The rendered subject and body of the send step shown (empty otherwise).
    QString previewSubject() const;
    QString previewBody() const;
    /// The line above the preview: whose values it uses, or why a shopper cannot be shown.
    QString previewNote() const;

Q_SIGNALS:
    /// The preview should show a real shopper's values: text names them as the Customers
    /// area's search does (an e-mail, `email:…`, `profile:42`).
    void previewShopperRequested(const QString &text);

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
    std::map<std::string, std::string> previewValues_;
    std::map<std::string, std::string> sampleValues_;
    QString previewWhose_;
    QString previewShopper_;
    QString previewProblem_;
    QLabel *previewSubject_ = nullptr;
    QLabel *previewBody_ = nullptr;
    QLabel *previewSource_ = nullptr;
};

} // namespace clientele
