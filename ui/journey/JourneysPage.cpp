#include "JourneysPage.h"

#include "JourneyConnectionItem.h"
#include "JourneyDocument.h"
#include "JourneyKinds.h"
#include "JourneyLayout.h"
#include "JourneyLibrary.h"
#include "JourneyListModel.h"
#include "JourneyMessagePreview.h"
#include "JourneyNodeItem.h"
#include "JourneyOutboxPanel.h"
#include "JourneyPalette.h"
#include "JourneyProperties.h"
#include "JourneyResultsPanel.h"
#include "JourneyScene.h"
#include "JourneySimulationPanel.h"
#include "JourneyView.h"
#include "Prompts.h"

#include "journey/JourneyMessage.h"
#include "journey/JourneyTemplates.h"
#include "profile/IdentifierRef.h"
#include "profile/ProfileReader.h"
#include "profile/TraitBuilder.h"
#include "segment/SegmentStore.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace clientele {

namespace {

enum CanvasState { EmptyState = 0, CanvasShown = 1 };

const QString kJsonFilter = QStringLiteral("*.json");

/// A journey file name from its name ("Cart recovery" → "Cart recovery.json").
QString suggestedPath(const Journey &journey, const QString &extension)
{
    QString name = QString::fromStdString(journey.name).trimmed();
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    if (name.isEmpty())
        name = QStringLiteral("journey");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(name + extension);
}

} // namespace

JourneysPage::JourneysPage(QWidget *parent)
    : QWidget(parent)
    , reader_(Database::Mode::ReadOnly)
{
    setObjectName(QStringLiteral("journeysPage"));
    document_ = new JourneyDocument(this);
    scene_ = new JourneyScene(document_, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    view_ = new JourneyView(scene_, this);
    layout->addWidget(createToolBar());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    QWidget *left = createLeftColumn();
    left->setParent(splitter);

    // Centre: the canvas (or what to do first); below it the message line (refusals, saves;
    // also without a journey open) and the problems.
    auto *centre = new QWidget(splitter);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    // Which journey is shown and whether it is saved, above the canvas.
    title_ = new QLabel(centre);
    title_->setObjectName(QStringLiteral("journeyTitle"));
    title_->setContentsMargins(8, 4, 8, 4);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    title_->setFont(titleFont);
    centreLayout->addWidget(title_);
    canvasStates_ = new QStackedWidget(centre);
    canvasStates_->insertWidget(EmptyState, createEmptyState());
    canvasStates_->insertWidget(CanvasShown, view_);
    auto *canvasSplit = new QSplitter(Qt::Vertical, centre);
    canvasSplit->addWidget(canvasStates_);
    auto *problems = new QWidget(canvasSplit);
    auto *problemsLayout = new QVBoxLayout(problems);
    problemsLayout->setContentsMargins(6, 4, 6, 4);
    problemsLayout->setSpacing(2);
    message_ = new QLabel(problems);
    message_->setObjectName(QStringLiteral("journeyMessage"));
    message_->setWordWrap(true);
    problemsLayout->addWidget(message_);
    issueList_ = new QListWidget(problems);
    issueList_->setObjectName(QStringLiteral("journeyIssues"));
    issueList_->setWordWrap(true);
    problemsLayout->addWidget(issueList_);
    canvasSplit->addWidget(problems);
    canvasSplit->setStretchFactor(0, 4);
    canvasSplit->setStretchFactor(1, 1);
    canvasSplit->setSizes({ 700, 70 });
    centreLayout->addWidget(canvasSplit, 1);

    // Right: the selected step (or the journey's settings) and the simulation.
    sideTabs_ = new QTabWidget(splitter);
    sideTabs_->setObjectName(QStringLiteral("journeySideTabs"));
    properties_ = new JourneyProperties(document_, sideTabs_);
    simulation_ = new JourneySimulationPanel(document_, sideTabs_);
    sideTabs_->addTab(properties_, tr("Properties"));
    sideTabs_->addTab(simulation_, tr("Simulate"));
    outbox_ = new JourneyOutboxPanel(sideTabs_);
    sideTabs_->addTab(outbox_, tr("Outbox"));
    results_ = new JourneyResultsPanel(sideTabs_);
    sideTabs_->addTab(results_, tr("Results"));
    sideTabs_->setMinimumWidth(340);

    splitter->addWidget(left);
    splitter->addWidget(centre);
    splitter->addWidget(sideTabs_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 250, 600, 340 });
    layout->addWidget(splitter);

    createEditActions();

    connect(library_, &JourneyLibrary::journeyLoaded, this, [this](const Journey &journey) {
        openDocument(journey, QString::fromStdString(journey.name));
    });
    connect(library_, &JourneyLibrary::saved, this, [this](const QString &name) {
        savedName_ = name;
        document_->undoStack()->setClean();
        updateTitle();
        outbox_->showJourney(name);
    });
    connect(library_, &JourneyLibrary::removed, this, [this](const QString &name) {
        if (savedName_ == name)
            savedName_.clear();
        updateTitle();
    });
    connect(library_, &JourneyLibrary::currentChanged, outbox_, &JourneyOutboxPanel::showJourney);
    connect(library_, &JourneyLibrary::currentChanged, this,
        [this](const QString &name) { results_->showJourney(path_, name); });
    connect(library_, &JourneyLibrary::switched, results_, &JourneyResultsPanel::refresh);
    connect(library_, &JourneyLibrary::message, this, &JourneysPage::showMessage);
    connect(outbox_, &JourneyOutboxPanel::exportRequested, this,
        [this](const QString &journey, const QString &channel) {
            Q_EMIT exportRequested(journey, QString(), channel);
        });
    connect(properties_->preview(), &JourneyMessagePreview::shopperRequested, this,
        &JourneysPage::previewShopper);
    connect(palette_, &JourneyPalette::stepRequested, this,
        [this](const QString &kind) { view_->addStepAtCentre(kind.toStdString()); });
    connect(scene_, &QGraphicsScene::selectionChanged, this, &JourneysPage::selectionChanged);
    connect(scene_, &JourneyScene::connectionRefused, this,
        [this](const QString &reason) { showMessage(reason, true); });
    connect(scene_, &JourneyScene::connectionMade, this, [this] { showMessage({}, false); });
    connect(document_, &JourneyDocument::validated, this, &JourneysPage::showIssues);
    connect(document_, &JourneyDocument::journeyReset, this, [this] {
        canvasStates_->setCurrentIndex(document_->isOpen() ? CanvasShown : EmptyState);
        issueList_->setVisible(document_->isOpen());
        showMessage({}, false);
        // After the view has its size.
        QTimer::singleShot(0, view_, &JourneyView::showStart);
    });
    connect(simulation_, &JourneySimulationPanel::simulated, this,
        [this](const SimulationResult &result) { scene_->showCounts(result); });
    connect(simulation_, &JourneySimulationPanel::cleared, this,
        [this] { scene_->showCounts(std::nullopt); });
    // A click (or Enter) on a problem shows its step.
    const auto showStep = [this](QListWidgetItem *item) {
        const std::string id = item->data(Qt::UserRole).toString().toStdString();
        if (JourneyNodeItem *node = scene_->nodeItem(id)) {
            scene_->selectNodes({ id });
            view_->centerOn(node);
        }
    };
    connect(issueList_, &QListWidget::itemClicked, this, showStep);
    connect(issueList_, &QListWidget::itemActivated, this, showStep);
    showIssues();
    updateTitle();
    issueList_->setVisible(false); // until a journey is open
}

JourneysPage::~JourneysPage()
{
    // The scene's items go after the panels: their last selection change must not reach
    // the half-destroyed page.
    scene_->disconnect(this);
}

QWidget *JourneysPage::createLeftColumn()
{
    auto *left = new QSplitter(Qt::Vertical, this);
    left->setChildrenCollapsible(false);
    auto *top = new QWidget(left);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(8, 8, 4, 4);
    library_ = new JourneyLibrary(top);

    topLayout->addWidget(library_);

    auto *bottom = new QWidget(left);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(8, 4, 4, 8);
    auto *paletteTitle = new QLabel(tr("Steps"), bottom);
    QFont bold = paletteTitle->font();
    bold.setBold(true);
    paletteTitle->setFont(bold);
    bottomLayout->addWidget(paletteTitle);
    palette_ = new JourneyPalette(bottom);
    bottomLayout->addWidget(palette_, 1);
    auto *paletteHint = new QLabel(tr("Drag a step onto the canvas, then drag from an exit "
                                      "(right) to the next step's input (left). Ctrl+wheel "
                                      "zooms; drag with the middle button or hold Space to "
                                      "move the canvas."),
        bottom);
    paletteHint->setWordWrap(true);
    paletteHint->setStyleSheet(QStringLiteral("color: palette(dark);"));
    bottomLayout->addWidget(paletteHint);
    left->addWidget(top);
    left->addWidget(bottom);
    left->setSizes({ 300, 400 });
    left->setMinimumWidth(220);
    left->setMaximumWidth(320);
    return left;
}

QToolBar *JourneysPage::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("journeyToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *newAction = bar->addAction(tr("New"), this, &JourneysPage::newJourney);
    newAction->setObjectName(QStringLiteral("newJourneyAction"));
    newAction->setToolTip(tr("A blank journey with an Entry and an Exit"));

    auto *templates = new QMenu(tr("New from Template"), this);
    auto *cartAction
        = templates->addAction(tr("Cart recovery"), this, &JourneysPage::openCartRecovery);
    cartAction->setObjectName(QStringLiteral("cartRecoveryAction"));
    cartAction->setToolTip(tr("E-mail, then push or an on-site banner, with a 10 % holdout"));
    auto *templateButton = new QToolButton(bar);
    templateButton->setText(tr("New from Template"));
    templateButton->setMenu(templates);
    templateButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(templateButton);

    auto *saveAction = bar->addAction(tr("Save"), this, &JourneysPage::save);
    saveAction->setObjectName(QStringLiteral("saveJourneyAction"));
    saveAction->setShortcuts(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    saveAction->setToolTip(tr("Save the journey in the workspace (Ctrl+S)"));
    addAction(saveAction);
    auto *importAction = bar->addAction(tr("Import…"), this, &JourneysPage::importJson);
    importAction->setObjectName(QStringLiteral("importJourneyAction"));
    auto *exports = new QMenu(tr("Export"), this);
    exports->addAction(tr("Journey as JSON…"), this, &JourneysPage::exportJson)
        ->setObjectName(QStringLiteral("exportJsonAction"));
    exports->addAction(tr("Canvas as PNG…"), this, &JourneysPage::exportPng)
        ->setObjectName(QStringLiteral("exportPngAction"));
    exports->addAction(tr("Canvas as SVG…"), this, &JourneysPage::exportSvg)
        ->setObjectName(QStringLiteral("exportSvgAction"));
    exports->addAction(tr("Print…"), this, &JourneysPage::print)
        ->setObjectName(QStringLiteral("printAction"));
    exports->addSeparator();
    // A campaign file of the shoppers at the selected step of the saved journey, now.
    auto *stepAudience = exports->addAction(tr("Shoppers at the Selected Step…"), this, [this] {
        const std::vector<std::string> ids = scene_->selectedNodeIds();
        if (ids.size() == 1 && !savedName_.isEmpty())
            Q_EMIT exportRequested(savedName_, QString::fromStdString(ids.front()), QString());
    });
    stepAudience->setObjectName(QStringLiteral("exportStepAction"));
    connect(exports, &QMenu::aboutToShow, this, [this, stepAudience] {
        stepAudience->setEnabled(scene_->selectedNodeIds().size() == 1 && !savedName_.isEmpty());
        stepAudience->setToolTip(savedName_.isEmpty()
                ? tr("Save the journey first: the shoppers at a step are those of a saved "
                     "journey that runs.")
                : tr("Opens the Export area with the shoppers now at the selected step."));
    });
    exports->setToolTipsVisible(true);
    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export"));
    exportButton->setMenu(exports);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(exportButton);
    bar->addSeparator();

    // Fixed texts on the toolbar; what would be undone shows in the tooltip.
    QUndoStack *stack = document_->undoStack();
    auto *undo = new QAction(tr("Undo"), this);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    undo->setEnabled(false);
    connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo,
        [undo](const QString &text) { undo->setToolTip(tr("Undo %1").arg(text)); });
    auto *redo = new QAction(tr("Redo"), this);
    redo->setObjectName(QStringLiteral("redoAction"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redo->setShortcuts(redoKeys);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redo->setEnabled(false);
    connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, redo,
        [redo](const QString &text) { redo->setToolTip(tr("Redo %1").arg(text)); });
    addAction(undo);
    addAction(redo);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();

    auto *simulate = bar->addAction(tr("Simulate…"), this, [this] {
        sideTabs_->setCurrentWidget(simulation_);
        simulation_->simulate();
    });
    simulate->setObjectName(QStringLiteral("simulateAction"));
    simulate->setToolTip(tr("Replay the journey over the store's history (the window is in "
                            "the Simulate panel)"));
    bar->addSeparator();
    auto *arrange = bar->addAction(tr("Arrange"), scene_, &JourneyScene::arrange);
    arrange->setObjectName(QStringLiteral("arrangeAction"));
    arrange->setToolTip(tr("Lay the steps out from left to right"));
    auto *snap = bar->addAction(tr("Snap to Grid"));
    snap->setObjectName(QStringLiteral("snapAction"));
    snap->setCheckable(true);
    snap->setChecked(true);
    connect(snap, &QAction::toggled, scene_, &JourneyScene::setSnapToGrid);
    bar->addSeparator();
    auto *zoomOut = bar->addAction(tr("−"), view_, &JourneyView::zoomOut);
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    zoomOut->setToolTip(tr("Zoom out (Ctrl+wheel)"));
    zoomLabel_ = new QLabel(QStringLiteral("100 %"), bar);
    zoomLabel_->setMinimumWidth(48);
    zoomLabel_->setAlignment(Qt::AlignCenter);
    bar->addWidget(zoomLabel_);
    auto *zoomIn = bar->addAction(tr("+"), view_, &JourneyView::zoomIn);
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    zoomIn->setToolTip(tr("Zoom in (Ctrl+wheel)"));
    auto *fit = bar->addAction(tr("Fit"), view_, &JourneyView::fitJourney);
    fit->setObjectName(QStringLiteral("fitAction"));
    fit->setToolTip(tr("Show the whole journey"));
    connect(view_, &JourneyView::zoomChanged, this,
        [this](double zoom) { zoomLabel_->setText(tr("%1 %").arg(qRound(zoom * 100))); });

    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &JourneysPage::updateTitle);
    connect(document_, &JourneyDocument::settingsChanged, this, &JourneysPage::updateTitle);

    // Editing a journey needs one open.
    const auto enableEditing = [this, bar, newAction, templateButton, importAction] {
        for (QAction *action : bar->actions())
            if (action != newAction && action != importAction
                && action->objectName() != QStringLiteral("undoAction")
                && action->objectName() != QStringLiteral("redoAction"))
                action->setEnabled(document_->isOpen());
        templateButton->setEnabled(true);
        palette_->setEnabled(document_->isOpen());
    };
    connect(document_, &JourneyDocument::journeyReset, this, enableEditing);
    QTimer::singleShot(0, this, enableEditing);
    return bar;
}

void JourneysPage::createEditActions()
{
    // On the canvas only, so that Delete and the clipboard keep working in text fields.
    auto add = [this](const QString &name, const QString &text, QKeySequence::StandardKey key,
                   const std::function<void()> &run) {
        auto *action = new QAction(text, view_);
        action->setObjectName(name);
        action->setShortcuts(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, run);
        view_->addAction(action);
    };
    add(QStringLiteral("deleteAction"), tr("Delete"), QKeySequence::Delete,
        [this] { scene_->deleteSelection(); });
    add(QStringLiteral("copyAction"), tr("Copy"), QKeySequence::Copy,
        [this] { scene_->copySelection(); });
    add(QStringLiteral("pasteAction"), tr("Paste"), QKeySequence::Paste,
        [this] { scene_->paste(); });
}

QWidget *JourneysPage::createEmptyState()
{
    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("journeysEmpty"));
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch();
    auto *title = new QLabel(tr("Design a journey"), empty);
    title->setAlignment(Qt::AlignCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    auto *text = new QLabel(tr("A journey guides shoppers through messages: it starts when they "
                               "do something (leave a full cart), waits, checks what they did, "
                               "and sends an e-mail, a push or a banner.<br><br>"
                               "Open a saved journey on the left (double-click), start with the "
                               "<b>Cart recovery</b> template to see one working and simulate "
                               "it on your store's history, or start blank and drag steps from "
                               "the left onto the canvas."),
        empty);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setMaximumWidth(520);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(text);
    textRow->addStretch();
    layout->addLayout(textRow);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *cart = new QPushButton(tr("Start from Cart Recovery"), empty);
    cart->setObjectName(QStringLiteral("emptyCartRecovery"));
    cart->setDefault(true);
    auto *blank = new QPushButton(tr("New Blank Journey"), empty);
    blank->setObjectName(QStringLiteral("emptyNewJourney"));
    connect(cart, &QPushButton::clicked, this, &JourneysPage::openCartRecovery);
    connect(blank, &QPushButton::clicked, this, &JourneysPage::newJourney);
    buttons->addWidget(cart);
    buttons->addWidget(blank);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    return empty;
}

QAction *JourneysPage::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void JourneysPage::setWorkspace(const QString &path, const std::string &currency)
{
    // The same workspace read again (after an import): the journey shown keeps its name
    // there; another workspace does not have it.
    if (path != path_) {
        savedName_.clear();
        updateTitle();
    }
    path_ = path;
    reader_.setWorkspace(path);
    simulation_->setWorkspace(path, currency);
    results_->setCurrency(currency);
    library_->setWorkspace(path);
    outbox_->setWorkspace(path);
    results_->showJourney(path, path == results_->path() ? results_->journeyName() : QString());
    hasContext_ = false;
    reader_.post<JourneyContext>(
        this,
        [](Database &db) {
            JourneyContext context;
            context.pickers = readSegmentPickers(db);
            SegmentStore store(db);
            for (const SavedSegment &segment : store.list()) {
                context.segments[QString::fromStdString(segment.name)]
                    = segment.definition.toJson();
                context.pickers.segments << QString::fromStdString(segment.name);
            }
            context.latestEvent = TraitBuilder::latestEventTime(db);
            return context;
        },
        [this](JourneyContext context) {
            context_ = std::move(context);
            hasContext_ = true;
            properties_->setContext(context_);
            simulation_->setLatestEvent(context_.latestEvent);
            Q_EMIT contextLoaded();
        },
        [this](const QString &message) { showMessage(message, true); });
}

bool JourneysPage::hasUnsavedChanges() const
{
    return document_->isOpen() && !document_->undoStack()->isClean();
}

bool JourneysPage::confirmLeave()
{
    return !hasUnsavedChanges()
        || Prompts::confirm(this, tr("Unsaved Changes"),
            tr("The journey \"%1\" has changes that are not saved. Leave it anyway?")
                .arg(QString::fromStdString(document_->journey().name)),
            tr("Discard Changes"));
}

void JourneysPage::updateTitle()
{
    title_->setVisible(document_->isOpen());
    if (!document_->isOpen()) {
        title_->clear();
        return;
    }
    const QString name = QString::fromStdString(document_->journey().name);
    title_->setText(savedName_.isEmpty() ? tr("%1 — not saved yet").arg(name)
            : hasUnsavedChanges()        ? tr("%1 — changes not saved").arg(name)
                                         : tr("%1 — saved").arg(name));
}

bool JourneysPage::confirmDiscard()
{
    if (!hasUnsavedChanges())
        return true;
    return Prompts::confirm(this, tr("Unsaved Changes"),
        tr("The journey shown has changes. Replace it anyway?"), tr("Replace"));
}

bool JourneysPage::openJourney(const Journey &journey)
{
    return openDocument(journey, QString());
}

bool JourneysPage::openDocument(const Journey &journey, const QString &savedName)
{
    if (!confirmDiscard())
        return false;
    savedName_ = savedName;
    document_->reset(journey);
    updateTitle();
    if (!savedName.isEmpty())
        outbox_->showJourney(savedName);
    return true;
}

void JourneysPage::save()
{
    if (!document_->isOpen())
        return;
    const Journey &journey = document_->journey();
    const QString name = QString::fromStdString(journey.name).trimmed();
    if (name.isEmpty()) {
        showMessage(tr("Give the journey a name in its settings before saving it."), true);
        properties_->showNode({});
        return;
    }
    if (name != savedName_ && library_->contains(name)
        && !Prompts::confirm(this, tr("Save Journey"),
            tr("A journey called \"%1\" is saved already. Replace it?").arg(name), tr("Replace")))
        return;
    library_->save(journey, savedName_);
}

void JourneysPage::previewShopper(const QString &text)
{
    QString reference = text.trimmed();
    if (!reference.contains(QLatin1Char(':')))
        reference = reference.contains(QLatin1Char('@')) ? QStringLiteral("email:") + reference
                                                         : QStringLiteral("profile:") + reference;
    struct Preview {
        std::map<std::string, std::string> values;
        QString whose;
    };
    reader_.post<Preview>(
        this,
        [reference](Database &db) {
            const IdentifierRef ref = IdentifierRef::parse(reference.toStdString(), std::string());
            const auto profile = ProfileReader(db).find(ref);
            if (!profile)
                throw std::invalid_argument(
                    tr("No shopper is known as %1").arg(reference).toStdString());
            Preview preview;
            preview.values = JourneyMessage::valuesFor(db, *profile);
            preview.whose = tr("shopper %1 (profile %2)").arg(reference).arg(*profile);
            return preview;
        },
        [this](Preview preview) {
            properties_->preview()->setShopperValues(preview.values, preview.whose);
        },
        [this](const QString &message) { properties_->preview()->setProblem(message); });
}

void JourneysPage::newJourney()
{
    Journey journey;
    journey.name = tr("New journey").toStdString();
    journey.settings.goalEvent = "order_completed";
    JourneyNode entry { "entry", JourneyKind::kEntry,
        JourneyKinds::defaultConfig(JourneyKind::kEntry), NodePosition { 0, 0 } };
    JourneyNode exit { "exit", JourneyKind::kExit, JourneyKinds::defaultConfig(JourneyKind::kExit),
        NodePosition { JourneyNodeItem::kWidth + JourneyLayout::kColumnGap, 0 } };
    journey.nodes = { entry, exit };
    journey.connections = { JourneyConnection { "entry", "out", "exit", "in" } };
    openJourney(journey);
}

void JourneysPage::openCartRecovery()
{
    Journey journey = JourneyTemplates::cartRecovery();
    const auto positions
        = JourneyLayout::arrange(journey, JourneyNodeItem::kWidth, &JourneyNodeItem::layoutHeight);
    for (JourneyNode &node : journey.nodes)
        node.position = positions.at(node.id);
    openJourney(journey);
}

void JourneysPage::importJson()
{
    const QString path = Prompts::openFileName(this, tr("Import Journey"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Journeys (%1);;All files (*)").arg(kJsonFilter));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(
            tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
            true);
        return;
    }
    try {
        openJourney(Journey::fromText(file.readAll().toStdString()));
    } catch (const JourneyFormatError &error) {
        showMessage(tr("%1 is not a journey: %2")
                        .arg(QDir::toNativeSeparators(path), QString::fromStdString(error.what())),
            true);
    }
}

void JourneysPage::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        showMessage(
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
            true);
        return;
    }
    showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), false);
}

void JourneysPage::exportJson()
{
    if (!document_->isOpen())
        return;
    const QString path = Prompts::saveFileName(this, tr("Export Journey"),
        suggestedPath(document_->journey(), QStringLiteral(".json")),
        tr("Journeys (%1)").arg(kJsonFilter));
    if (!path.isEmpty())
        writeFile(path, QByteArray::fromStdString(document_->journey().toJson().dump(2) + "\n"));
}

QRectF JourneysPage::journeyBounds() const
{
    return scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20);
}

void JourneysPage::renderJourney(QPainter &painter, const QRectF &target) const
{
    const QList<QGraphicsItem *> selected = scene_->selectedItems();
    scene_->clearSelection();
    // Cards paint themselves afresh: a cached pixmap would become an image in an SVG.
    const QList<QGraphicsItem *> items = scene_->items();
    std::vector<std::pair<QGraphicsItem *, QGraphicsItem::CacheMode>> caches;
    for (QGraphicsItem *item : items)
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            caches.push_back({ item, item->cacheMode() });
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene_->render(&painter, target, journeyBounds());
    for (const auto &[item, mode] : caches)
        item->setCacheMode(mode);
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
}

QImage JourneysPage::renderImage() const
{
    const QRectF source = journeyBounds();
    QImage image(source.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderJourney(painter, QRectF(QPointF(0, 0), source.size()));
    return image;
}

void JourneysPage::exportPng()
{
    if (!document_->isOpen())
        return;
    const QString path = Prompts::saveFileName(this, tr("Export Canvas"),
        suggestedPath(document_->journey(), QStringLiteral(".png")), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    renderImage().save(&buffer, "PNG");
    writeFile(path, data);
}

void JourneysPage::exportSvg()
{
    if (!document_->isOpen())
        return;
    const QString path = Prompts::saveFileName(this, tr("Export Canvas"),
        suggestedPath(document_->journey(), QStringLiteral(".svg")), tr("SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    const QRectF source = journeyBounds();
    QByteArray data;
    QBuffer buffer(&data);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(QString::fromStdString(document_->journey().name));
    QPainter painter(&generator);
    renderJourney(painter, QRectF(QPointF(0, 0), source.size()));
    painter.end();
    writeFile(path, data);
}

void JourneysPage::print()
{
    if (!document_->isOpen())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    const QRectF page = painter.viewport();
    const QSizeF size = journeyBounds().size().scaled(page.size(), Qt::KeepAspectRatio);
    renderJourney(painter, QRectF(page.topLeft(), size));
}

void JourneysPage::showIssues()
{
    issueList_->clear();
    const Journey &journey = document_->journey();
    for (const JourneyIssue &issue : document_->issues()) {
        auto *item = new QListWidgetItem(QString::fromStdString(issue.message), issueList_);
        item->setData(Qt::UserRole, QString::fromStdString(issue.nodeId));
        item->setForeground(QColor(0xc6, 0x28, 0x28));
        if (const JourneyNode *node = journey.node(issue.nodeId))
            item->setIcon(JourneyKinds::icon(node->kind));
    }
    if (document_->isOpen() && document_->issues().empty()) {
        auto *ok
            = new QListWidgetItem(tr("No problems: the journey can be simulated."), issueList_);
        ok->setFlags(Qt::ItemIsEnabled);
        ok->setForeground(QColor(0x2e, 0x7d, 0x32));
    }
}

void JourneysPage::showMessage(const QString &text, bool problem)
{
    message_->setText(text);
    message_->setStyleSheet(
        problem ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    message_->setVisible(!text.isEmpty());
}

void JourneysPage::selectionChanged()
{
    const std::vector<std::string> ids = scene_->selectedNodeIds();
    properties_->showNode(ids.size() == 1 ? ids.front() : std::string());
    if (ids.size() == 1)
        sideTabs_->setCurrentWidget(properties_);
}

} // namespace clientele
