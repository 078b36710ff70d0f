#pragma once

#include "DatabaseWorker.h"
#include "JourneyContext.h"

#include "journey/Journey.h"

#include <QWidget>

#include <string>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace clientele {

class JourneyDocument;
class JourneyLibrary;
class JourneyOutboxPanel;
class JourneyResultsPanel;
class JourneyPalette;
class JourneyProperties;
class JourneyScene;
class JourneySimulationPanel;
class JourneyView;

/**
 * The Journeys area: a toolbar (New, templates, import and export, undo, arrange, zoom),
 * the palette of steps, the canvas with the problems the validator finds below it, and
 * beside it the selected step's properties and the simulation. The journey itself is a
 * JourneyDocument; everything here edits it through its undo stack.
 */
class JourneysPage : public QWidget {
    Q_OBJECT

public:
    explicit JourneysPage(QWidget *parent = nullptr);
    ~JourneysPage() override;

    void setWorkspace(const QString &path, const std::string &currency);

    /// A blank journey: an Entry leading to an Exit.
    void newJourney();
    /// The cart-recovery template, laid out.
    void openCartRecovery();
    /// Opens a journey (replacing the one shown, after asking when it has changes).
    bool openJourney(const Journey &journey);
    /// Saves the journey shown in the workspace (Ctrl+S), under its name.
    void save();
    /// The name the journey shown was opened or last saved under (empty: not saved yet).
    const QString &savedName() const { return savedName_; }
    /// A journey is shown with changes that are not saved in the workspace.
    bool hasUnsavedChanges() const;
    /// Asks (through Prompts) whether to leave a journey with unsaved changes; true when
    /// there are none or the user agrees.
    bool confirmLeave();
    /// File › Import: reads a journey JSON file chosen through Prompts.
    void importJson();
    /// Export as JSON, PNG or SVG to a file chosen through Prompts.
    void exportJson();
    void exportPng();
    void exportSvg();
    void print();

    JourneyDocument *document() const { return document_; }
    JourneyScene *scene() const { return scene_; }
    JourneyView *view() const { return view_; }
    JourneyPalette *palette() const { return palette_; }
    JourneyProperties *properties() const { return properties_; }
    JourneySimulationPanel *simulationPanel() const { return simulation_; }
    JourneyLibrary *library() const { return library_; }
    JourneyOutboxPanel *outboxPanel() const { return outbox_; }
    JourneyResultsPanel *resultsPanel() const { return results_; }
    QListWidget *issueList() const { return issueList_; }
    /// The line under the canvas that says why a connection was refused.
    QLabel *messageLabel() const { return message_; }
    QTabWidget *sideTabs() const { return sideTabs_; }
    /// The workspace's event types, segments and latest event have been read.
    bool hasContext() const { return hasContext_; }
    QAction *action(const QString &objectName) const;

    /// Renders the journey (the whole scene, nothing selected) as an image.
    QImage renderImage() const;
    /// Paints the whole journey, nothing selected, into target on painter (PNG, SVG, print).
    void renderJourney(QPainter &painter, const QRectF &target) const;
    /// The scene area renderJourney paints: the journey with a margin.
    QRectF journeyBounds() const;

Q_SIGNALS:
    void contextLoaded();
    /// "Export…" of a journey's outbox channel (step empty) for the Export area.
    void exportRequested(const QString &journey, const QString &step, const QString &channel);

private:
    QToolBar *createToolBar();
    QWidget *createEmptyState();
    void createEditActions();
    void showIssues();
    void showMessage(const QString &text, bool problem);
    /// The toolbar's line about the journey shown: its name and whether it is saved.
    void updateTitle();
    void selectionChanged();
    /// False when the user keeps the changed journey shown.
    bool confirmDiscard();
    /// Shows journey as the document; savedName: the name it has in the workspace.
    bool openDocument(const Journey &journey, const QString &savedName);
    QWidget *createLeftColumn();
    /// Reads a shopper's message values (JourneyMessage::valuesFor) for the send preview.
    void previewShopper(const QString &text);
    /// Writes a file the user chose; reports a failure under the canvas.
    void writeFile(const QString &path, const QByteArray &data);

    DatabaseWorker reader_;
    JourneyContext context_;
    bool hasContext_ = false;
    JourneyDocument *document_ = nullptr;
    JourneyScene *scene_ = nullptr;
    JourneyView *view_ = nullptr;
    JourneyPalette *palette_ = nullptr;
    JourneyProperties *properties_ = nullptr;
    JourneySimulationPanel *simulation_ = nullptr;
    JourneyLibrary *library_ = nullptr;
    JourneyOutboxPanel *outbox_ = nullptr;
    JourneyResultsPanel *results_ = nullptr;
    QString savedName_;
    QStackedWidget *canvasStates_ = nullptr;
    QListWidget *issueList_ = nullptr;
    QLabel *message_ = nullptr;
    QLabel *zoomLabel_ = nullptr;
    QLabel *title_ = nullptr;
    QTabWidget *sideTabs_ = nullptr;
    QString path_;
};

} // namespace clientele
