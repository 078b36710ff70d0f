#include "AppSettings.h"
#include "CartEvents.h"
#include "ConditionRow.h"
#include "ExportPage.h"
#include "FieldPicker.h"
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
#include "JourneyPortItem.h"
#include "JourneyProperties.h"
#include "JourneyResultsPanel.h"
#include "JourneyScene.h"
#include "JourneySimulationPanel.h"
#include "JourneySimulationRunner.h"
#include "JourneyView.h"
#include "JourneysPage.h"
#include "MainWindow.h"
#include "Prompts.h"
#include "UiTestSupport.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "ingest/ImportJob.h"
#include "journey/JourneyMessage.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyStore.h"
#include "journey/JourneyTemplates.h"
#include "journey/JourneyValidator.h"
#include "store/Workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainterPathStroker>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

#include <algorithm>

using namespace clientele;
using json = nlohmann::json;

namespace {

QString dumped(const Journey &journey)
{
    return QString::fromStdString(journey.toJson().dump());
}

} // namespace

/** The Journeys area driven offscreen on a 2,000-shopper demo workspace. */
class TestJourneys : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateSaysWhatToDo();
    void dropFromPaletteAddsStep();
    void connectPortsByMouse();
    void refusedConnectionsSayWhy();
    void waitSelfConnectionIsJudgedAlike();
    void undoRestoresJsonExactly();
    void deleteAndUndo();
    void copyPaste();
    void moveSnapsToGrid();
    void validationMarksStep();
    void propertiesEditThroughUndo();
    void sendPreviewRendersMessage();
    void cartRecoverySimulates();
    void jsonExportImportRoundTrip();
    void pngAndSvgExport();
    void hundredSteps();
    void zoomAndFit();
    void saveOpenDuplicateDelete();
    void switchOnAndOff();
    void outboxTabExportsThroughExportArea();
    void previewForRealShopper();
    void segmentTriggerAndTimeOfDayWait();
    void rubberBandSelectsAndPanScrolls();
    void simulationCancels();
    void germanTextsFit();
    void renamingAnExitKeepsItsConnection();
    void outboxListsMessagesOfARunningJourney();
    void exportShoppersAtTheSelectedStep();
    void unsavedChangesAreNotLostSilently();
    void longLinksGoAroundSteps();
    void branchOnAConditionOfTheSegmentBuilder();

private:
    JourneyDocument *document() const { return page_->document(); }
    JourneyScene *scene() const { return page_->scene(); }
    /// Sends drag enter, move and drop of a palette row to the canvas at a viewport point.
    void dropKind(const std::string &kind, const QPoint &at);
    /// Presses on from, moves and releases on to (scene points), as a mouse would.
    void dragOnCanvas(const QPointF &from, const QPointF &to);
    void focusCanvas();
    int paletteRow(const std::string &kind) const;

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    JourneysPage *page_ = nullptr;
};

void TestJourneys::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(QStringLiteral("demo.clientele"));
    DemoOptions options;
    options.shoppers = 2000;
    options.seed = 5;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path_.toStdString(), options);
}

void TestJourneys::init()
{
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
    window_ = test::openArea(*settings_, path_, QStringLiteral("Journeys"));
    QVERIFY(window_);
    // A laptop screen: room for the canvas beside the palette and the panels.
    window_->resize(1440, 900);
    page_ = window_->journeysPage();
    QVERIFY(page_->isVisible());
    QTRY_VERIFY(page_->hasContext());
}

void TestJourneys::cleanup()
{
    window_.reset();
    settings_.reset();
    qsettings_.reset();
}

int TestJourneys::paletteRow(const std::string &kind) const
{
    for (int row = 0; row < page_->palette()->count(); ++row)
        if (page_->palette()->kindAt(row) == kind)
            return row;
    return -1;
}

void TestJourneys::dropKind(const std::string &kind, const QPoint &at)
{
    std::unique_ptr<QMimeData> mime(page_->palette()->dragData(paletteRow(kind)));
    QVERIFY(mime);
    QWidget *viewport = page_->view()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
}

void TestJourneys::dragOnCanvas(const QPointF &from, const QPointF &to)
{
    JourneyView *view = page_->view();
    QWidget *viewport = view->viewport();
    const QPoint start = view->mapFromScene(from);
    const QPoint end = view->mapFromScene(to);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = start + (end - start) * step / 4;
        QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(viewport->mapToGlobal(at)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, end);
}

void TestJourneys::focusCanvas()
{
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    page_->view()->setFocus();
    QTRY_VERIFY(page_->view()->hasFocus());
}

void TestJourneys::emptyStateSaysWhatToDo()
{
    QVERIFY(!document()->isOpen());
    auto *cart = page_->findChild<QPushButton *>(QStringLiteral("emptyCartRecovery"));
    auto *blank = page_->findChild<QPushButton *>(QStringLiteral("emptyNewJourney"));
    QVERIFY(cart && cart->isVisible());
    QVERIFY(blank && blank->isVisible());
    QVERIFY(!page_->palette()->isEnabled());
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-empty.png")));

    QTest::mouseClick(blank, Qt::LeftButton);
    QVERIFY(document()->isOpen());
    QVERIFY(page_->view()->isVisible());
    QCOMPARE(document()->journey().nodes.size(), std::size_t(2));
    QCOMPARE(document()->journey().connections.size(), std::size_t(1));
    QVERIFY(document()->issues().empty());
    QCOMPARE(page_->issueList()->count(), 1); // "No problems"
}

void TestJourneys::dropFromPaletteAddsStep()
{
    page_->newJourney();
    const std::size_t before = document()->journey().nodes.size();
    const QPoint at(300, 260);
    dropKind(JourneyKind::kWait, at);
    QCOMPARE(document()->journey().nodes.size(), before + 1);
    const JourneyNode &added = document()->journey().nodes.back();
    QCOMPARE(added.kind, std::string(JourneyKind::kWait));
    QCOMPARE(added.config["hours"].get<int>(), 24);
    const QPointF expected = JourneyScene::snapped(page_->view()->mapToScene(at));
    QCOMPARE(added.position.x, expected.x());
    QCOMPARE(added.position.y, expected.y());
    JourneyNodeItem *item = scene()->nodeItem(added.id);
    QVERIFY(item);
    QCOMPARE(item->pos(), expected);
    QVERIFY(item->isSelected());
    // The properties show the new step.
    QCOMPARE(page_->properties()->shownNode(), added.id);

    // A drag that is not from the palette is not accepted.
    QMimeData text;
    text.setText(QStringLiteral("wait"));
    QDragEnterEvent enter(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page_->view()->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void TestJourneys::connectPortsByMouse()
{
    page_->newJourney();
    dropKind(JourneyKind::kWait, page_->view()->mapFromScene(QPointF(0, 160)));
    const std::string waitId = document()->journey().nodes.back().id;
    // Free the entry's exit: select its connection and delete it.
    JourneyConnectionItem *link = scene()->connectionItems().front();
    scene()->clearSelection();
    link->setSelected(true);
    scene()->deleteSelection();
    QVERIFY(document()->journey().connections.empty());

    JourneyNodeItem *entry = scene()->nodeItem("entry");
    JourneyNodeItem *wait = scene()->nodeItem(waitId);
    dragOnCanvas(entry->outputPort("out")->anchor(), wait->inputPort()->anchor());
    const JourneyConnection expected { "entry", "out", waitId, "in" };
    QCOMPARE(document()->journey().connections.size(), std::size_t(1));
    QVERIFY(document()->journey().connections.front() == expected);
    QVERIFY(scene()->connectionItem(expected));
    QVERIFY(page_->messageLabel()->text().isEmpty());

    // Letting go anywhere on the wait card connects to its input too.
    JourneyNodeItem *exit = scene()->nodeItem("exit");
    dragOnCanvas(wait->outputPort("out")->anchor(), exit->mapToScene(QPointF(110, 40)));
    QCOMPARE(document()->journey().connections.size(), std::size_t(2));
    QVERIFY(document()->issues().empty());
}

void TestJourneys::refusedConnectionsSayWhy()
{
    page_->newJourney();
    dropKind(JourneyKind::kSend, page_->view()->mapFromScene(QPointF(0, 160)));
    const std::string sendId = document()->journey().nodes.back().id;
    const Journey before = document()->journey();
    JourneyNodeItem *entry = scene()->nodeItem("entry");
    JourneyNodeItem *send = scene()->nodeItem(sendId);

    // The entry's exit already leads to the exit step.
    dragOnCanvas(entry->outputPort("out")->anchor(), send->inputPort()->anchor());
    QVERIFY(page_->messageLabel()->text().contains(QStringLiteral("already leads")));
    QVERIFY(page_->messageLabel()->isVisible());
    // Into itself.
    dragOnCanvas(send->outputPort("out")->anchor(), send->inputPort()->anchor());
    QVERIFY(page_->messageLabel()->text().contains(QStringLiteral("cannot lead to itself")));
    // Into the Entry.
    dragOnCanvas(send->outputPort("out")->anchor(), entry->mapToScene(QPointF(100, 40)));
    QVERIFY2(
        page_->messageLabel()->text().contains(QStringLiteral("Nothing can lead into the Entry")),
        qPrintable(page_->messageLabel()->text()));
    QCOMPARE(dumped(document()->journey()), dumped(before));
    QCOMPARE(document()->undoStack()->count(), 1); // only the drop
}

void TestJourneys::waitSelfConnectionIsJudgedAlike()
{
    page_->newJourney();
    dropKind(JourneyKind::kWait, page_->view()->mapFromScene(QPointF(0, 160)));
    const std::string waitId = document()->journey().nodes.back().id;
    QCOMPARE(document()->journey().node(waitId)->kind, std::string(JourneyKind::kWait));
    const Journey before = document()->journey();
    JourneyNodeItem *wait = scene()->nodeItem(waitId);

    // The canvas refuses a Wait leading to itself …
    dragOnCanvas(wait->outputPort("out")->anchor(), wait->inputPort()->anchor());
    QVERIFY2(page_->messageLabel()->text().contains(QStringLiteral("cannot lead to itself")),
        qPrintable(page_->messageLabel()->text()));
    QCOMPARE(dumped(document()->journey()), dumped(before));

    // … and a saved journey with that connection (a file, an older version) fails the
    // validator for the same reason, on the same step.
    const JourneyConnection self { waitId, "out", waitId, "in" };
    QCOMPARE(JourneyValidator::connectionProblem(before, self), ConnectionProblem::ToItself);
    Journey drawn = before;
    drawn.connections.push_back(self);
    bool reported = false;
    for (const JourneyIssue &issue : JourneyValidator::validate(drawn))
        reported = reported
            || (issue.nodeId == waitId
                && issue.message.find("leads to itself") != std::string::npos);
    QVERIFY(reported);

    // Whatever the canvas refuses between these steps, the validator reports as a new issue.
    const std::vector<JourneyIssue> issuesBefore = JourneyValidator::validate(before);
    for (const JourneyNode &from : before.nodes)
        for (const std::string &port : Journey::outputPorts(from))
            for (const JourneyNode &to : before.nodes) {
                const JourneyConnection connection { from.id, port, to.id, "in" };
                const bool refused = document()->connectionRefusal(connection).has_value();
                QCOMPARE(
                    refused, JourneyValidator::connectionProblem(before, connection).has_value());
                if (!refused)
                    continue;
                Journey with = before;
                with.connections.push_back(connection);
                const auto issues = JourneyValidator::validate(with);
                QVERIFY(std::any_of(issues.begin(), issues.end(), [&](const JourneyIssue &issue) {
                    return std::find(issuesBefore.begin(), issuesBefore.end(), issue)
                        == issuesBefore.end();
                }));
            }
}

void TestJourneys::undoRestoresJsonExactly()
{
    page_->openCartRecovery();
    const QString original = dumped(document()->journey());
    QUndoStack *undo = document()->undoStack();
    QCOMPARE(undo->count(), 0);

    dropKind(JourneyKind::kUpdateProfile, QPoint(150, 150));
    const std::string tagId = document()->journey().nodes.back().id;
    JourneyNodeItem *tag = scene()->nodeItem(tagId);
    JourneyNodeItem *exit = scene()->nodeItem("done");
    dragOnCanvas(tag->outputPort("out")->anchor(), exit->inputPort()->anchor());
    document()->changeSettings("Renamed", document()->journey().settings, QString());
    scene()->selectNodes({ "push" });
    scene()->deleteSelection();
    const QString edited = dumped(document()->journey());
    QCOMPARE(undo->count(), 4);
    QVERIFY(edited != original);

    focusCanvas();
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(page_->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dumped(document()->journey()), original);
    QVERIFY(!scene()->nodeItem(tagId));
    QCOMPARE(scene()->connectionItems().size(), document()->journey().connections.size());
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(page_->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(dumped(document()->journey()), edited);
    QVERIFY(scene()->nodeItem(tagId));
    QVERIFY(!scene()->nodeItem("push"));
}

void TestJourneys::deleteAndUndo()
{
    page_->openCartRecovery();
    const QString original = dumped(document()->journey());
    const std::size_t connections = document()->journey().connections.size();
    focusCanvas();
    scene()->selectNodes({ "push" });
    QTest::keyClick(page_->view(), Qt::Key_Delete);
    QVERIFY(!document()->journey().node("push"));
    QVERIFY(!scene()->nodeItem("push"));
    QCOMPARE(document()->journey().connections.size(), connections - 2);
    QCOMPARE(scene()->connectionItems().size(), connections - 2);
    // The branch's "yes" exit now leads nowhere: the validator says so on the branch.
    QVERIFY(scene()->nodeItem("app_push")->hasIssues());

    QTest::keyClick(page_->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dumped(document()->journey()), original);
    QVERIFY(scene()->nodeItem("push"));
    QVERIFY(!scene()->nodeItem("app_push")->hasIssues());
    QCOMPARE(scene()->connectionItems().size(), connections);
}

void TestJourneys::copyPaste()
{
    page_->openCartRecovery();
    const std::size_t nodes = document()->journey().nodes.size();
    const std::size_t connections = document()->journey().connections.size();
    focusCanvas();
    scene()->selectNodes({ "push", "wait_final" });
    QTest::keyClick(page_->view(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(page_->view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(document()->journey().nodes.size(), nodes + 2);
    // The connection between the two copies comes along; none to the rest of the journey.
    QCOMPARE(document()->journey().connections.size(), connections + 1);
    const JourneyNode &pushCopy = document()->journey().nodes[nodes];
    const JourneyNode &waitCopy = document()->journey().nodes[nodes + 1];
    QCOMPARE(pushCopy.id, std::string("send"));
    QCOMPARE(waitCopy.id, std::string("wait_until"));
    QVERIFY(pushCopy.config == document()->journey().node("push")->config);
    QCOMPARE(pushCopy.position.x, document()->journey().node("push")->position.x + 40);
    QCOMPARE(pushCopy.position.y, document()->journey().node("push")->position.y + 40);
    QVERIFY((document()->journey().connections.back()
        == JourneyConnection { "send", "out", "wait_until", "in" }));
    QCOMPARE(scene()->selectedNodeIds(), (std::vector<std::string> { "send", "wait_until" }));
    // A second paste gets ids of its own again.
    QTest::keyClick(page_->view(), Qt::Key_V, Qt::ControlModifier);
    QVERIFY(document()->journey().node("send_2"));
    QVERIFY(document()->journey().node("wait_until_2"));
    QTest::keyClick(page_->view(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(page_->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(document()->journey().nodes.size(), nodes);
}

void TestJourneys::moveSnapsToGrid()
{
    page_->openCartRecovery();
    JourneyNodeItem *item = scene()->nodeItem("push");
    const NodePosition start = document()->journey().node("push")->position;
    JourneyConnectionItem *link = scene()->connectionItem({ "app_push", "yes", "push", "in" });
    const QPointF linkEnd = link->path().currentPosition();
    // Grab the card by its title and move it by (53, 27): it lands on the grid.
    const QPointF grab = item->mapToScene(QPointF(100, 35));
    dragOnCanvas(grab, grab + QPointF(53, 27));
    const NodePosition moved = document()->journey().node("push")->position;
    QVERIFY(moved != start);
    QCOMPARE(std::fmod(moved.x, JourneyScene::kGrid), 0.0);
    QCOMPARE(std::fmod(moved.y, JourneyScene::kGrid), 0.0);
    QCOMPARE(item->pos(), QPointF(moved.x, moved.y));
    // Its connection followed the card.
    QVERIFY(link->path().currentPosition() != linkEnd);
    QCOMPARE(link->path().currentPosition(), item->inputPort()->anchor());
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Move Step"));
    document()->undoStack()->undo();
    QCOMPARE(item->pos(), QPointF(start.x, start.y));
}

void TestJourneys::validationMarksStep()
{
    page_->newJourney();
    QTest::qWait(10); // the view shows the new journey
    dropKind(JourneyKind::kWait, page_->view()->mapFromScene(QPointF(140, 160)));
    const std::string waitId = document()->journey().nodes.back().id;
    JourneyNodeItem *wait = scene()->nodeItem(waitId);
    QVERIFY(wait->hasIssues());
    QVERIFY(wait->toolTip().contains(QStringLiteral("reached"))
        || wait->toolTip().contains(QStringLiteral("connected")));
    QVERIFY(!scene()->nodeItem("entry")->hasIssues());
    QVERIFY(page_->issueList()->count() >= 1);
    bool listed = false;
    for (int row = 0; row < page_->issueList()->count(); ++row)
        listed = listed
            || page_->issueList()->item(row)->data(Qt::UserRole).toString().toStdString() == waitId;
    QVERIFY(listed);
    // A journey-wide problem (no goal) is listed without a step.
    JourneySettings settings = document()->journey().settings;
    settings.frequencyCap = FrequencyCap { 0, 0 };
    document()->changeSettings(document()->journey().name, settings, QString());
    bool journeyWide = false;
    for (int row = 0; row < page_->issueList()->count(); ++row)
        journeyWide
            = journeyWide || page_->issueList()->item(row)->data(Qt::UserRole).toString().isEmpty();
    QVERIFY(journeyWide);
    page_->view()->fitJourney();
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-invalid.png")));
}

void TestJourneys::propertiesEditThroughUndo()
{
    page_->openCartRecovery();
    const QString opened = dumped(document()->journey());
    scene()->selectNodes({ "wait_order" });
    QCOMPARE(page_->properties()->shownNode(), std::string("wait_order"));
    auto *timeout = page_->properties()->findChild<QSpinBox *>(QStringLiteral("timeoutHours"));
    QVERIFY(timeout);
    timeout->setValue(36);
    timeout->setValue(48);
    QCOMPARE(document()->journey().node("wait_order")->config["timeout_hours"].get<int>(), 48);
    QVERIFY(scene()->nodeItem("wait_order")->node().config["timeout_hours"] == 48);
    // Both spins are one undo step.
    QCOMPARE(document()->undoStack()->count(), 1);

    auto *label = page_->properties()->findChild<QLineEdit *>(QStringLiteral("stepLabel"));
    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("Ordered?"));
    QCOMPARE(document()->journey().node("wait_order")->config["label"].get<std::string>(),
        std::string("Ordered?"));
    QCOMPARE(document()->undoStack()->count(), 2);
    document()->undoStack()->undo();
    document()->undoStack()->undo();
    QCOMPARE(dumped(document()->journey()), opened);
    QVERIFY(document()->journey().node("wait_order")->config
        == JourneyTemplates::cartRecovery().node("wait_order")->config);
    // The panel follows the undo.
    timeout = page_->properties()->findChild<QSpinBox *>(QStringLiteral("timeoutHours"));
    QCOMPARE(timeout->value(), 24);

    // Nothing selected: the journey's settings.
    scene()->clearSelection();
    auto *name = page_->properties()->findChild<QLineEdit *>(QStringLiteral("journeyName"));
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Cart rescue"));
    QCOMPARE(document()->journey().name, std::string("Cart rescue"));
}

void TestJourneys::sendPreviewRendersMessage()
{
    page_->openCartRecovery();
    scene()->selectNodes({ "cart_email" });
    JourneyProperties *properties = page_->properties();
    QCOMPARE(properties->preview()->subject(), QStringLiteral("Anna, your cart is waiting"));
    QVERIFY(properties->preview()->body().contains(QStringLiteral("Trail shoes")));
    // An empty first name falls back to the token's fallback.
    auto *firstName = properties->findChild<QLineEdit *>(QStringLiteral("sample_first_name"));
    QVERIFY(firstName);
    firstName->selectAll();
    QTest::keyClick(firstName, Qt::Key_Backspace);
    QCOMPARE(properties->preview()->subject(), QStringLiteral("Hi, your cart is waiting"));
    // Editing the subject re-renders at once and changes the card.
    auto *subject = properties->findChild<QLineEdit *>(QStringLiteral("sendSubject"));
    subject->selectAll();
    QTest::keyClicks(subject, QStringLiteral("{{first_name|Friend}}, 10 % off"));
    QCOMPARE(properties->preview()->subject(), QStringLiteral("Friend, 10 % off"));
    QVERIFY(JourneyNodeItem::Type == scene()->nodeItem("cart_email")->type());
    QCOMPARE(document()->journey().node("cart_email")->config["subject"].get<std::string>(),
        std::string("{{first_name|Friend}}, 10 % off"));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-send-preview.png")));
}

void TestJourneys::cartRecoverySimulates()
{
    page_->openCartRecovery();
    QVERIFY(document()->issues().empty());
    // Laid out: no two cards overlap.
    std::vector<QRectF> cards;
    for (const JourneyNode &node : document()->journey().nodes)
        cards.push_back(scene()->nodeItem(node.id)->sceneBoundingRect().adjusted(8, 10, -8, -8));
    for (std::size_t i = 0; i < cards.size(); ++i)
        for (std::size_t j = i + 1; j < cards.size(); ++j)
            QVERIFY(!cards[i].intersects(cards[j]));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-cart-recovery.png")));

    JourneySimulationPanel *panel = page_->simulationPanel();
    // The default window: the 90 days up to the latest event of the workspace.
    const auto [from, to] = panel->window();
    QCOMPARE(to - from, 90 * kMillisPerDay);
    // The toolbar's Simulate… shows the panel and starts.
    page_->action(QStringLiteral("simulateAction"))->trigger();
    QCOMPARE(page_->sideTabs()->currentWidget(), panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->result().has_value(), 60000);
    QVERIFY(scene()->hasCounts());

    auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
    const SimulationResult expected
        = JourneySimulator::simulate(db, document()->journey(), from, to);
    QVERIFY(expected.entered > 0);
    QCOMPARE(panel->result()->entered, expected.entered);
    for (const JourneyNode &node : document()->journey().nodes) {
        JourneyNodeItem *item = scene()->nodeItem(node.id);
        QVERIFY(item->counts());
        const NodeCounts &shown = *item->counts();
        const NodeCounts &want = expected.nodes.at(node.id);
        QCOMPARE(shown.arrived, want.arrived);
        QCOMPARE(shown.sent, want.sent);
        QCOMPARE(shown.skippedConsent, want.skippedConsent);
        QCOMPARE(shown.leftAtGoal, want.leftAtGoal);
        QVERIFY(item->countLines().front().contains(QLocale().toString(qlonglong(want.arrived))));
    }
    for (const ConnectionCounts &counts : expected.connections) {
        JourneyConnectionItem *item = scene()->connectionItem(counts.connection);
        QVERIFY(item);
        QCOMPARE(item->shoppers().value_or(-1), counts.shoppers);
    }
    const QString summary = panel->summaryLabel()->text();
    QVERIFY(summary.contains(QLocale().toString(qlonglong(expected.entered))));
    QVERIFY(summary.contains(QStringLiteral("ordered without any message")));
    QVERIFY(summary.contains(QStringLiteral("(history has no sends of this journey)")));
    page_->view()->centerOn(scene()->nodeItem("app_push"));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-simulated.png")));
    // The whole simulated journey as Export › Canvas as PNG writes it, counts included.
    const QString canvasPng
        = QDir(QCoreApplication::applicationDirPath())
              .filePath(QStringLiteral("screenshots/journeys-simulated-canvas.png"));
    Prompts::setNextSaveFileName(canvasPng);
    page_->exportPng();
    QVERIFY(QImage(canvasPng).width() > 5 * static_cast<int>(JourneyNodeItem::kWidth));

    // An edit clears the counts; moving a card does not.
    JourneyNodeItem *push = scene()->nodeItem("push");
    const QPointF grab = push->mapToScene(QPointF(100, 35));
    dragOnCanvas(grab, grab + QPointF(0, 40));
    QVERIFY(scene()->hasCounts());
    scene()->selectNodes({ "push" });
    scene()->deleteSelection();
    QVERIFY(!scene()->hasCounts());
    QVERIFY(!panel->result());
    QVERIFY(!scene()->nodeItem("done")->counts());
}

void TestJourneys::jsonExportImportRoundTrip()
{
    page_->openCartRecovery();
    dropKind(JourneyKind::kUpdateProfile, QPoint(120, 120));
    const Journey shown = document()->journey();
    const QString file = dir_.filePath(QStringLiteral("journey.json"));
    Prompts::setNextSaveFileName(file);
    page_->exportJson();
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(Journey::fromText(written.readAll().toStdString()) == shown);

    Prompts::setNextConfirmation(true); // replace the changed journey
    page_->newJourney();
    QVERIFY(!(document()->journey() == shown));
    Prompts::setNextOpenFileName(file);
    page_->importJson();
    QVERIFY(document()->journey() == shown);
    QVERIFY(document()->undoStack()->isClean());
    QCOMPARE(scene()->connectionItems().size(), shown.connections.size());

    // A file that is not a journey says why and keeps the journey shown.
    const QString broken = dir_.filePath(QStringLiteral("broken.json"));
    QFile brokenFile(broken);
    QVERIFY(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("{\"version\": 7, \"nodes\": []}");
    brokenFile.close();
    Prompts::setNextOpenFileName(broken);
    page_->importJson();
    QVERIFY(document()->journey() == shown);
    QVERIFY(page_->messageLabel()->text().contains(QStringLiteral("version")));
}

void TestJourneys::pngAndSvgExport()
{
    page_->openCartRecovery();
    const QString png = dir_.filePath(QStringLiteral("journey.png"));
    Prompts::setNextSaveFileName(png);
    page_->exportPng();
    QImage image(png);
    QVERIFY(!image.isNull());
    // The whole journey: nine cards of 220 px side by side in columns.
    QVERIFY(image.width() > 5 * static_cast<int>(JourneyNodeItem::kWidth));
    QVERIFY(image.height() > 100);
    // Not blank: the cards' colours are in it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 10);

    const QString svg = dir_.filePath(QStringLiteral("journey.svg"));
    Prompts::setNextSaveFileName(svg);
    page_->exportSvg();
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray text = svgFile.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Cart e-mail"));
}

void TestJourneys::hundredSteps()
{
    Journey journey;
    journey.name = "Long";
    journey.settings.goalEvent = "order_completed";
    journey.nodes.push_back(
        { "entry", JourneyKind::kEntry, { { "trigger", { { "event", "product_added" } } } }, {} });
    for (int i = 1; i <= 98; ++i)
        journey.nodes.push_back(
            { "wait" + std::to_string(i), JourneyKind::kWait, { { "hours", i } }, {} });
    journey.nodes.push_back({ "done", JourneyKind::kExit, json::object(), {} });
    for (std::size_t i = 0; i + 1 < journey.nodes.size(); ++i)
        journey.connections.push_back(
            { journey.nodes[i].id, "out", journey.nodes[i + 1].id, "in" });
    QVERIFY(page_->openJourney(journey));
    QCOMPARE(scene()->items().size() > 100, true);
    QCOMPARE(scene()->connectionItems().size(), std::size_t(99));
    QVERIFY(document()->issues().empty());

    // Arrange puts them in 100 columns, one undo step.
    QTest::mouseClick(page_->findChild<QToolBar *>(QStringLiteral("journeyToolBar"))
                          ->widgetForAction(page_->action(QStringLiteral("arrangeAction"))),
        Qt::LeftButton);
    QCOMPARE(document()->undoStack()->count(), 1);
    QCOMPARE(document()->journey().node("wait50")->position.x,
        50 * (JourneyNodeItem::kWidth + JourneyLayout::kColumnGap));
    // Every card can be scrolled to.
    QVERIFY(page_->view()->sceneRect().contains(scene()->itemsBoundingRect()));
    // Moving one card updates only it and its two connections.
    page_->view()->centerOn(scene()->nodeItem("wait50"));
    QVERIFY(page_->view()->viewport()->rect().contains(
        page_->view()->mapFromScene(scene()->nodeItem("wait50")->sceneBoundingRect().center())));
    const QPointF grab = scene()->nodeItem("wait50")->mapToScene(QPointF(100, 35));
    dragOnCanvas(grab, grab + QPointF(0, 100));
    QCOMPARE(document()->journey().node("wait50")->position.y,
        document()->journey().node("wait49")->position.y + 100);
    QCOMPARE(scene()->connectionItem({ "wait49", "out", "wait50", "in" })->path().currentPosition(),
        scene()->nodeItem("wait50")->inputPort()->anchor());
}

void TestJourneys::zoomAndFit()
{
    page_->openCartRecovery();
    JourneyView *view = page_->view();
    const double start = view->zoom();
    page_->action(QStringLiteral("zoomInAction"))->trigger();
    QVERIFY(view->zoom() > start);
    QWheelEvent wheel(QPointF(100, 100), QPointF(view->viewport()->mapToGlobal(QPoint(100, 100))),
        QPoint(), QPoint(0, -240), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(view->zoom() < start * 1.25);
    page_->action(QStringLiteral("fitAction"))->trigger();
    // The whole journey is visible.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene()->itemsBoundingRect().adjusted(5, 5, -5, -5)));
}

void TestJourneys::saveOpenDuplicateDelete()
{
    JourneyLibrary *library = page_->library();
    QAbstractItemModelTester tester(library->model());
    QTRY_VERIFY(!library->isBusy());
    // The demo store comes with the cart-recovery journey saved, switched off.
    const int demoRow = library->model()->rowOf(QStringLiteral("Cart recovery"));
    QVERIFY(demoRow >= 0);
    QVERIFY(!library->model()->journeyAt(demoRow).active);
    const int saved = library->model()->rowCount();

    page_->openCartRecovery();
    dropKind(JourneyKind::kUpdateProfile, QPoint(150, 120));
    QVERIFY(!document()->undoStack()->isClean());
    focusCanvas();
    // A new journey with the name of a saved one replaces it only when the user agrees.
    Prompts::setNextConfirmation(false);
    QTest::keyClick(page_->view(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!library->isBusy());
    QVERIFY(!document()->undoStack()->isClean());
    Prompts::setNextConfirmation(true);
    QTest::keyClick(page_->view(), Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(document()->undoStack()->isClean());
    QCOMPARE(library->model()->rowCount(), saved);
    QCOMPARE(page_->savedName(), QStringLiteral("Cart recovery"));
    QCOMPARE(
        library->model()->data(library->model()->index(0, JourneyListModel::Status)).toString(),
        QStringLiteral("Off"));
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
        QVERIFY(JourneyStore(db).load("Cart recovery") == document()->journey());
    }

    // Renamed in the settings, then saved: the saved journey follows the new name.
    document()->changeSettings("Cart rescue", document()->journey().settings, QString());
    page_->save();
    QTRY_COMPARE(page_->savedName(), QStringLiteral("Cart rescue"));
    QCOMPARE(library->model()->rowCount(), saved);
    QVERIFY(library->model()->rowOf(QStringLiteral("Cart recovery")) < 0);
    QVERIFY(library->model()->rowOf(QStringLiteral("Cart rescue")) >= 0);

    // Duplicate, then open the copy by double-click.
    library->table()->selectRow(library->model()->rowOf(QStringLiteral("Cart rescue")));
    QTest::mouseClick(
        library->findChild<QPushButton *>(QStringLiteral("duplicateJourney")), Qt::LeftButton);
    QTRY_COMPARE(library->model()->rowCount(), saved + 1);
    const int copy = library->model()->rowOf(QStringLiteral("Cart rescue (copy)"));
    QVERIFY(copy >= 0);
    page_->newJourney();
    library->openRow(copy);
    QTRY_COMPARE(page_->savedName(), QStringLiteral("Cart rescue (copy)"));
    QCOMPARE(document()->journey().name, std::string("Cart rescue (copy)"));
    QVERIFY(document()->journey().node("update_profile"));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-saved.png")));

    // Delete, confirmed through Prompts; a refusal keeps it.
    library->table()->selectRow(copy);
    Prompts::setNextConfirmation(false);
    QTest::mouseClick(
        library->findChild<QPushButton *>(QStringLiteral("deleteJourney")), Qt::LeftButton);
    QTRY_VERIFY(!library->isBusy());
    QCOMPARE(library->model()->rowCount(), saved + 1);
    Prompts::setNextConfirmation(true);
    QTest::mouseClick(
        library->findChild<QPushButton *>(QStringLiteral("deleteJourney")), Qt::LeftButton);
    QTRY_COMPARE(library->model()->rowCount(), saved);
    QTRY_VERIFY(page_->savedName().isEmpty()); // the journey shown is no longer saved
    auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
    QVERIFY(!JourneyStore(db).load("Cart rescue (copy)"));
}

void TestJourneys::switchOnAndOff()
{
    JourneyLibrary *library = page_->library();
    QTRY_VERIFY(!library->isBusy());
    // An invalid draft can be saved but not switched on; the validator's problem says why.
    page_->newJourney();
    document()->changeSettings("Draft", document()->journey().settings, QString());
    dropKind(JourneyKind::kWait, page_->view()->mapFromScene(QPointF(0, 200)));
    QVERIFY(!document()->issues().empty());
    page_->save();
    QTRY_VERIFY(library->model()->rowOf(QStringLiteral("Draft")) >= 0);
    library->table()->selectRow(library->model()->rowOf(QStringLiteral("Draft")));
    QCOMPARE(library->switchButton()->text(), QStringLiteral("Switch On"));
    QTest::mouseClick(library->switchButton(), Qt::LeftButton);
    QTRY_VERIFY(page_->messageLabel()->text().contains(QStringLiteral("cannot be switched on")));
    QVERIFY(page_->messageLabel()->text().contains(
        QString::fromStdString(document()->issues().front().message)));
    QCOMPARE(library->model()->journeyAt(library->model()->rowOf(QStringLiteral("Draft"))).active,
        false);

    // A valid one switches on and off.
    QVERIFY(document()->undoStack()->isClean());
    page_->openCartRecovery();
    if (library->contains(QStringLiteral("Cart recovery")))
        Prompts::setNextConfirmation(true); // replace the saved one
    page_->save();
    QTRY_VERIFY(library->model()->rowOf(QStringLiteral("Cart recovery")) >= 0);
    const auto row = [library] { return library->model()->rowOf(QStringLiteral("Cart recovery")); };
    library->table()->selectRow(row());
    QTest::mouseClick(library->switchButton(), Qt::LeftButton);
    QTRY_VERIFY(library->model()->journeyAt(row()).active);
    QCOMPARE(
        library->model()->data(library->model()->index(row(), JourneyListModel::Status)).toString(),
        QStringLiteral("On"));
    QCOMPARE(library->switchButton()->text(), QStringLiteral("Switch Off"));
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
        QVERIFY(JourneyStore(db).summary("Cart recovery")->active);
    }
    QTest::mouseClick(library->switchButton(), Qt::LeftButton);
    QTRY_VERIFY(!library->model()->journeyAt(row()).active);
    // Clean up for the tests after this one.
    for (const QString &name : { QStringLiteral("Draft") }) {
        library->table()->selectRow(library->model()->rowOf(name));
        Prompts::setNextConfirmation(true);
        library->deleteRow(library->currentRow());
        QTRY_VERIFY(library->model()->rowOf(name) < 0);
    }
}

void TestJourneys::outboxTabExportsThroughExportArea()
{
    JourneyLibrary *library = page_->library();
    QTRY_VERIFY(!library->isBusy());
    QTRY_VERIFY(library->model()->rowOf(QStringLiteral("Cart recovery")) >= 0);
    library->table()->selectRow(library->model()->rowOf(QStringLiteral("Cart recovery")));
    JourneyOutboxPanel *outbox = page_->outboxPanel();
    QCOMPARE(outbox->journey(), QStringLiteral("Cart recovery"));
    QTRY_VERIFY(!outbox->isLoading());
    QCOMPARE(outbox->table()->rowCount(), 0);
    QVERIFY(outbox->countLabel()->text().contains(QStringLiteral("No messages yet")));
    auto *export_ = outbox->findChild<QPushButton *>(QStringLiteral("exportOutbox"));
    QVERIFY(!export_->isEnabled()); // choose a channel first
    auto *channel = outbox->findChild<QComboBox *>(QStringLiteral("outboxChannel"));
    channel->setCurrentIndex(channel->findData(QStringLiteral("email")));
    QVERIFY(export_->isEnabled());
    page_->sideTabs()->setCurrentWidget(outbox);
    QTest::mouseClick(export_, Qt::LeftButton);
    auto *sidebar = window_->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Export"));
}

void TestJourneys::previewForRealShopper()
{
    page_->openCartRecovery();
    scene()->selectNodes({ "cart_email" });
    auto *shopper = page_->properties()->findChild<QLineEdit *>(QStringLiteral("previewShopper"));
    QVERIFY(shopper);
    QTest::keyClicks(shopper, QStringLiteral("profile:7"));
    QTest::keyClick(shopper, Qt::Key_Return);
    std::map<std::string, std::string> values;
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
        values = JourneyMessage::valuesFor(db, 7);
    }
    const QString expected = QString::fromStdString(JourneyMessage::render(
        document()->journey().node("cart_email")->config["subject"].get<std::string>(), values));
    QTRY_COMPARE(page_->properties()->preview()->subject(), expected);
    QVERIFY(page_->properties()->preview()->note().contains(QStringLiteral("profile 7")));
    // A real shopper's values replace the sample fields.
    QVERIFY(!page_->properties()
                 ->findChild<QLineEdit *>(QStringLiteral("sample_first_name"))
                 ->isVisibleTo(page_->properties()));
    // An unknown shopper says so; clearing the field goes back to the sample values.
    shopper = page_->properties()->findChild<QLineEdit *>(QStringLiteral("previewShopper"));
    shopper->selectAll();
    QTest::keyClicks(shopper, QStringLiteral("nobody@example.invalid"));
    QTest::keyClick(shopper, Qt::Key_Return);
    QTRY_VERIFY(
        page_->properties()->preview()->note().contains(QStringLiteral("No shopper is known")));
    shopper->clear();
    QTest::keyClick(shopper, Qt::Key_Return);
    QCOMPARE(
        page_->properties()->preview()->subject(), QStringLiteral("Anna, your cart is waiting"));
}

void TestJourneys::segmentTriggerAndTimeOfDayWait()
{
    page_->newJourney();
    scene()->selectNodes({ "entry" });
    auto *mode = page_->properties()->findChild<QComboBox *>(QStringLiteral("triggerMode"));
    QVERIFY(mode);
    mode->setCurrentIndex(1);
    const json trigger = document()->journey().node("entry")->config["trigger"];
    QVERIFY(trigger.contains("segment"));
    QVERIFY(!trigger.contains("event"));
    QVERIFY(document()->issues().empty());
    QVERIFY(page_->properties()->findChild<QComboBox *>(QStringLiteral("triggerSegment")));
    QVERIFY(JourneyKinds::summary(*document()->journey().node("entry"))
                .startsWith(QStringLiteral("On joining")));
    document()->undoStack()->undo();
    QCOMPARE(document()->journey().node("entry")->config["trigger"]["event"].get<std::string>(),
        std::string("product_added"));

    dropKind(JourneyKind::kWait, page_->view()->mapFromScene(QPointF(0, 200)));
    const std::string waitId = document()->journey().nodes.back().id;
    auto *waitMode = page_->properties()->findChild<QComboBox *>(QStringLiteral("waitMode"));
    QVERIFY(waitMode);
    waitMode->setCurrentIndex(1);
    QCOMPARE(document()->journey().node(waitId)->config["until"]["hour"].get<int>(), 9);
    QVERIFY(!document()->journey().node(waitId)->config.contains("hours"));
    auto *monday = page_->properties()->findChild<QCheckBox *>();
    QVERIFY(monday);
    monday->setChecked(true);
    QVERIFY(
        document()->journey().node(waitId)->config["until"]["weekdays"] == json::array({ "mon" }));
    QCOMPARE(JourneyKinds::summary(*document()->journey().node(waitId)),
        QStringLiteral("Until 9:00 on Mon"));
    QVERIFY(document()->issuesOf(waitId).size() == 2); // not wired, but the config is valid
}

void TestJourneys::rubberBandSelectsAndPanScrolls()
{
    page_->openCartRecovery();
    JourneyView *view = page_->view();
    QTest::qWait(20); // the first view of the journey
    // A band from empty canvas above the entry to below the split's card selects both.
    const QRectF entry = scene()->nodeItem("entry")->sceneBoundingRect();
    const QRectF split = scene()->nodeItem("holdout_split")->sceneBoundingRect();
    dragOnCanvas(entry.topLeft() - QPointF(10, 30), split.bottomRight() + QPointF(5, 30));
    QCOMPARE(scene()->selectedNodeIds(), (std::vector<std::string> { "entry", "holdout_split" }));
    QCOMPARE(document()->undoStack()->count(), 0);

    // Dragging with the middle button pans the view.
    QWidget *viewport = view->viewport();
    const int before = view->horizontalScrollBar()->value();
    const QPoint start(300, 300);
    QTest::mousePress(viewport, Qt::MiddleButton, Qt::NoModifier, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start - QPoint(150, 0)),
        QPointF(viewport->mapToGlobal(start - QPoint(150, 0))), Qt::NoButton, Qt::MiddleButton,
        Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QTest::mouseRelease(viewport, Qt::MiddleButton, Qt::NoModifier, start - QPoint(150, 0));
    QCOMPARE(view->horizontalScrollBar()->value(), before + 150);
    // So does the left button while Space is held, even over a card.
    const int vertical = view->verticalScrollBar()->value();
    QTest::keyPress(view, Qt::Key_Space);
    const QPointF card = scene()->nodeItem("entry")->sceneBoundingRect().center();
    dragOnCanvas(card, card - QPointF(0, 100));
    QTest::keyRelease(view, Qt::Key_Space);
    QVERIFY(view->verticalScrollBar()->value() > vertical);
    QCOMPARE(document()->undoStack()->count(), 0); // the card did not move
    QCOMPARE(view->dragMode(), QGraphicsView::RubberBandDrag);
}

void TestJourneys::simulationCancels()
{
    page_->openCartRecovery();
    JourneySimulationPanel *panel = page_->simulationPanel();
    page_->sideTabs()->setCurrentWidget(panel);
    // While it runs, Cancel shows and says it is cancelling.
    panel->simulate();
    QVERIFY(panel->isRunning());
    auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("cancelSimulation"));
    auto *status = panel->findChild<QLabel *>(QStringLiteral("simulationStatus"));
    QVERIFY(cancel->isVisible());
    QVERIFY(!panel->simulateButton()->isEnabled());
    panel->cancel();
    QCOMPARE(status->text(), QStringLiteral("Cancelling…"));
    QTRY_VERIFY(!panel->isRunning());

    // A cancelled run (deterministically: cancelled before its first progress report)
    // shows no counts.
    JourneySimulationRunner::cancelNextRunForTests();
    QTest::mouseClick(panel->simulateButton(), Qt::LeftButton);
    QTRY_VERIFY(!panel->isRunning());
    QVERIFY(!panel->result());
    QVERIFY(!scene()->hasCounts());
    QCOMPARE(status->text(), QStringLiteral("Simulation cancelled."));
    QVERIFY(!cancel->isVisible());
    QVERIFY(panel->simulateButton()->isEnabled());
    // An invalid journey is not simulated; the panel says why.
    scene()->selectNodes({ "push" });
    scene()->deleteSelection();
    panel->simulate();
    QVERIFY(!panel->isRunning());
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("simulationStatus"))
                ->text()
                .startsWith(QStringLiteral("Fix the journey's problems first")));
}

void TestJourneys::germanTextsFit()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("clientele_de"), QStringLiteral(CLIENTELE_QM_DIR)));
    QCoreApplication::installTranslator(&translator);
    {
        auto window = test::openArea(*settings_, path_, QStringLiteral("Journeys"));
        QVERIFY(window);
        window->resize(1440, 900);
        JourneysPage *page = window->journeysPage();
        page->openCartRecovery();
        page->scene()->selectNodes({ "cart_email" });
        QCOMPARE(page->sideTabs()->tabText(0), QStringLiteral("Eigenschaften"));
        QVERIFY(test::saveScreenshot(*window, QStringLiteral("journeys-german-send.png")));
        page->scene()->clearSelection();
        QTest::qWait(20);
        QVERIFY(test::saveScreenshot(*window, QStringLiteral("journeys-german-settings.png")));
        // The settings form fits its panel in German too.
        auto *scroll = page->properties()->findChild<QScrollArea *>();
        QVERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
            qPrintable(QStringLiteral("%1 > %2")
                           .arg(scroll->widget()->minimumSizeHint().width())
                           .arg(scroll->viewport()->width())));
    }
    QCoreApplication::removeTranslator(&translator);
}

void TestJourneys::renamingAnExitKeepsItsConnection()
{
    page_->openCartRecovery();
    const QString original = dumped(document()->journey());
    scene()->selectNodes({ "holdout_split" });
    auto *name = page_->properties()->findChild<QLineEdit *>(QStringLiteral("armName0"));
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("mailed"));
    QTest::keyClick(name, Qt::Key_Return);
    const Journey &journey = document()->journey();
    QCOMPARE(journey.node("holdout_split")->config["arms"][0]["port"].get<std::string>(),
        std::string("mailed"));
    QVERIFY(journey.connections[1]
        == (JourneyConnection { "holdout_split", "mailed", "cart_email", "in" }));
    QVERIFY(document()->issues().empty());
    QVERIFY(scene()->connectionItem({ "holdout_split", "mailed", "cart_email", "in" }));
    QCOMPARE(scene()->nodeItem("holdout_split")->outputPort("mailed") != nullptr, true);
    // One undo step gives back the exact journey.
    QCOMPARE(document()->undoStack()->count(), 1);
    document()->undoStack()->undo();
    QCOMPARE(dumped(document()->journey()), original);

    // Removing a path removes its connection with it.
    scene()->selectNodes({ "holdout_split" });
    auto *add = page_->properties()->findChild<QPushButton *>(QStringLiteral("addArm"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(document()->journey().node("holdout_split")->config["arms"].size(), std::size_t(3));
    const std::size_t connections = document()->journey().connections.size();
    auto removes = page_->properties()->findChildren<QToolButton *>();
    QVERIFY(removes.size() == 3);
    QTest::mouseClick(removes[1], Qt::LeftButton); // the holdout path
    QCOMPARE(document()->journey().connections.size(), connections - 1);
    QVERIFY(document()->journey().connectionsFrom("holdout_split", "holdout").empty());
}

void TestJourneys::outboxListsMessagesOfARunningJourney()
{
    // A running journey (saved and switched on through core), then an import of new events:
    // the import advances it and its e-mail lands in the outbox.
    const Journey welcome = Journey::fromText(R"({"version": 1, "name": "Welcome mail",
      "nodes": [
        {"id": "entry", "kind": "entry", "config": {"trigger": {"event": "product_added"}}},
        {"id": "mail", "kind": "send", "config": {"channel": "email",
          "subject": "{{first_name|Hi}}, thanks for looking", "body": "{{cart.items}}"}},
        {"id": "done", "kind": "exit"}],
      "connections": [
        {"from": {"node": "entry", "port": "out"}, "to": {"node": "mail", "port": "in"}},
        {"from": {"node": "mail", "port": "out"}, "to": {"node": "done", "port": "in"}}]})");
    {
        auto workspace = Workspace::open(path_.toStdString());
        JourneyStore store(workspace.db());
        store.save(welcome, nowMillis());
        store.setActive(welcome.name, true, nowMillis());
        const QString file = dir_.filePath(QStringLiteral("new-events.csv"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(test::kCartEventsHeader);
        out.write("2026-11-26 10:00:00,Product Added,ana@example.com,Ana,c-ana,TENT-1,Trail Tent,"
                  "199.00,yes\n");
        out.close();
        ImportRequest request;
        request.inputPath = file.toStdString();
        request.mapping = test::cartEventsMapping();
        ImportJob::run(workspace, request);
        QVERIFY(JourneyStore(workspace.db()).summary("Welcome mail")->outboxPending >= 1);
    }

    JourneyLibrary *library = page_->library();
    library->reload();
    QTRY_VERIFY(library->model()->rowOf(QStringLiteral("Welcome mail")) >= 0);
    const int row = library->model()->rowOf(QStringLiteral("Welcome mail"));
    QVERIFY(library->model()->journeyAt(row).active);
    QCOMPARE(
        library->model()->data(library->model()->index(row, JourneyListModel::Outbox)).toString(),
        QStringLiteral("1"));
    library->table()->selectRow(row);
    JourneyOutboxPanel *outbox = page_->outboxPanel();
    page_->sideTabs()->setCurrentWidget(outbox);
    QTRY_VERIFY(!outbox->isLoading());
    QCOMPARE(outbox->table()->rowCount(), 1);
    QCOMPARE(outbox->table()->item(0, 1)->text(), QStringLiteral("ana@example.com"));
    QVERIFY(
        outbox->table()->item(0, 2)->text().startsWith(QStringLiteral("Ana, thanks for looking")));
    QCOMPARE(outbox->table()->item(0, 3)->text(), QStringLiteral("E-mail"));
    QVERIFY(outbox->countLabel()->text().startsWith(QStringLiteral("1 messages, 1 waiting")));
    // The whole message under the table.
    QVERIFY(outbox->detailLabel()->text().startsWith(QStringLiteral("E-mail to ana@example.com")));
    QVERIFY(outbox->detailLabel()->text().contains(QStringLiteral("Ana, thanks for looking")));
    QVERIFY(outbox->detailLabel()->text().contains(QStringLiteral("Trail Tent")));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-outbox.png")));

    // The Results tab: what the runtime counted for it, and why there is no lift yet.
    JourneyResultsPanel *results = page_->resultsPanel();
    page_->sideTabs()->setCurrentWidget(results);
    QCOMPARE(results->journeyName(), QStringLiteral("Welcome mail"));
    QTRY_VERIFY(!results->isLoading() && results->results().has_value());
    QCOMPARE(results->results()->summary.stats.at("entered").get<int>(), 1);
    QCOMPARE(results->findChild<QLabel *>(QStringLiteral("resultsEntered"))->text(),
        QStringLiteral("1"));
    QCOMPARE(results->findChild<QLabel *>(QStringLiteral("resultsWaiting"))->text(),
        QStringLiteral("1"));
    auto *channels = results->findChild<QTableWidget *>(QStringLiteral("resultsChannels"));
    QCOMPARE(channels->rowCount(), 1);
    QCOMPARE(channels->item(0, 0)->text(), QStringLiteral("E-mail"));
    QCOMPARE(channels->item(0, 1)->text(), QStringLiteral("1"));
    QVERIFY(results->findChild<QLabel *>(QStringLiteral("resultsStatus"))
                ->text()
                .startsWith(QStringLiteral("<b>On</b>")));
    QVERIFY(results->findChild<QLabel *>(QStringLiteral("resultsLift"))
                ->text()
                .contains(QStringLiteral("held out")));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-results.png")));

    // Switched off in the list: the tab says so.
    library->table()->selectRow(row);
    QTest::mouseClick(
        library->findChild<QPushButton *>(QStringLiteral("switchJourney")), Qt::LeftButton);
    QTRY_VERIFY(results->results().has_value() && !results->results()->summary.active);
    QVERIFY(results->findChild<QLabel *>(QStringLiteral("resultsStatus"))
                ->text()
                .startsWith(QStringLiteral("<b>Off</b>")));
}

void TestJourneys::unsavedChangesAreNotLostSilently()
{
    auto *title = page_->findChild<QLabel *>(QStringLiteral("journeyTitle"));
    QVERIFY(title->text().isEmpty());
    page_->newJourney();
    QCOMPARE(title->text(), QStringLiteral("New journey — not saved yet"));
    document()->changeSettings("Unsaved draft", document()->journey().settings, QString());
    QCOMPARE(title->text(), QStringLiteral("Unsaved draft — not saved yet"));
    page_->save();
    QTRY_COMPARE(title->text(), QStringLiteral("Unsaved draft — saved"));
    dropKind(JourneyKind::kExit, page_->view()->mapFromScene(QPointF(0, 200)));
    QCOMPARE(title->text(), QStringLiteral("Unsaved draft — changes not saved"));

    // Closing the window asks; "no" keeps it open with the journey.
    Prompts::setNextConfirmation(false);
    QVERIFY(!window_->close());
    QVERIFY(window_->isVisible());
    // Another journey asks too.
    Prompts::setNextConfirmation(false);
    page_->openCartRecovery();
    QCOMPARE(document()->journey().name, std::string("Unsaved draft"));
    // Undo back to the saved state: nothing to ask.
    document()->undoStack()->undo();
    QCOMPARE(title->text(), QStringLiteral("Unsaved draft — saved"));
    QVERIFY(window_->close());
}

void TestJourneys::longLinksGoAroundSteps()
{
    page_->openCartRecovery();
    // "Ordered within 24 h?" → Done skips four columns of steps.
    JourneyConnectionItem *link = scene()->connectionItem({ "wait_order", "event", "done", "in" });
    QVERIFY(link);
    QPainterPathStroker stroker;
    stroker.setWidth(2);
    const QPainterPath line = stroker.createStroke(link->path());
    for (const char *id : { "app_push", "push", "banner", "wait_final" }) {
        const QRectF card = scene()->nodeItem(id)->sceneBoundingRect().adjusted(8, 10, -8, -8);
        QVERIFY2(!line.intersects(card), id);
    }
    QCOMPARE(link->path().currentPosition(), scene()->nodeItem("done")->inputPort()->anchor());
    // A link between neighbours stays a plain curve.
    JourneyConnectionItem *next
        = scene()->connectionItem({ "entry", "out", "holdout_split", "in" });
    QCOMPARE(next->path().elementCount(), 4); // move + one cubic (three points)
}

void TestJourneys::branchOnAConditionOfTheSegmentBuilder()
{
    page_->newJourney();
    dropKind(JourneyKind::kBranch, page_->view()->mapFromScene(QPointF(0, 200)));
    const std::string branchId = document()->journey().nodes.back().id;
    auto *mode = page_->properties()->findChild<QComboBox *>(QStringLiteral("branchMode"));
    QVERIFY(mode);
    QCOMPARE(mode->currentIndex(), 1); // a new branch starts with one condition
    auto *row = page_->properties()->findChild<ConditionRow *>(QStringLiteral("branchCondition"));
    QVERIFY(row);
    // Pick a field as in the segment builder: the branch's rule follows.
    FieldPickerButton *button = row->fieldButton();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(button->popup());
    QTest::keyClicks(button->popup()->searchField(), QStringLiteral("Orders"));
    QTest::keyClick(button->popup()->searchField(), Qt::Key_Return);
    QTRY_COMPARE(
        document()->journey().node(branchId)->config["segment"]["rule"]["field"].get<std::string>(),
        std::string("orders"));
    QVERIFY(document()->issuesOf(branchId).size() >= 1); // unwired exits, but a valid rule
    for (const JourneyIssue &issue : document()->issuesOf(branchId))
        QVERIFY(!QString::fromStdString(issue.message).contains(QStringLiteral("segment rule")));
    QVERIFY(page_->properties()->findChild<QLabel *>(QStringLiteral("branchSentence")));
    QVERIFY(test::saveScreenshot(*window_, QStringLiteral("journeys-branch-condition.png")));
    // Undo gives back the condition it had.
    document()->undoStack()->undo();
    QCOMPARE(
        document()->journey().node(branchId)->config["segment"]["rule"]["type"].get<std::string>(),
        std::string("consent"));
}

void TestJourneys::exportShoppersAtTheSelectedStep()
{
    {
        auto workspace = Workspace::open(path_.toStdString());
        Journey journey = JourneyTemplates::cartRecovery();
        journey.name = "Step export";
        JourneyStore(workspace.db()).save(journey, nowMillis());
    }
    JourneyLibrary *library = page_->library();
    library->reload();
    QTRY_VERIFY(library->model()->rowOf(QStringLiteral("Step export")) >= 0);
    auto *action = page_->findChild<QAction *>(QStringLiteral("exportStepAction"));
    QVERIFY(action);
    auto *menu = qobject_cast<QMenu *>(action->parent());
    QVERIFY(menu);

    // Not saved yet: the step has no shoppers to export.
    page_->openCartRecovery();
    scene()->selectNodes({ "wait_order" });
    Q_EMIT menu->aboutToShow();
    QVERIFY(!action->isEnabled());

    library->openRow(library->model()->rowOf(QStringLiteral("Step export")));
    QTRY_COMPARE(page_->savedName(), QStringLiteral("Step export"));
    scene()->selectNodes({ "wait_order" });
    Q_EMIT menu->aboutToShow();
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *sidebar = window_->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Export"));
    ExportPage *exportPage = window_->exportPage();
    QTRY_COMPARE(exportPage->audienceChoice().kind, AudienceRequest::Kind::JourneyStep);
    QCOMPARE(exportPage->audienceChoice().journey, std::string("Step export"));
    QCOMPARE(exportPage->audienceChoice().step, std::string("wait_order"));
}

QTEST_MAIN(TestJourneys)
#include "test_journeys.moc"
