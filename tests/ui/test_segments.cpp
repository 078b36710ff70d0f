#include "AppSettings.h"
#include "ConditionRow.h"
#include "CustomersPage.h"
#include "ExportPage.h"
#include "FieldPicker.h"
#include "MainWindow.h"
#include "ProductPicker.h"
#include "Prompts.h"
#include "SegmentEditor.h"
#include "SegmentListModel.h"
#include "SegmentMemberModel.h"
#include "SegmentOverlapDialog.h"
#include "SegmentsPage.h"
#include "UiTestSupport.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace clientele;
using json = nlohmann::json;

namespace {

/// JSON as text, for QCOMPARE (which has no overload for json).
QString dumped(const json &value)
{
    return QString::fromStdString(value.dump());
}

} // namespace

/** The Segments area driven offscreen on a 3,000-shopper demo workspace. */
class TestSegments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateOffersNewSegment();
    void demoStartsWithSavedSegments();
    void revenueConditionByClicking();
    void nestedGroupSentenceAndUndo();
    void invalidValueDisablesSave();
    void saveShowsSegmentInList();
    void includesAnotherSegment();
    void abandonedCartShapes();
    void eventSumByClicking();
    void newerEditSupersedesCount();
    void opensDocsExamplesUnchanged_data();
    void opensDocsExamplesUnchanged();
    void historyDuplicateDelete();
    void dragConditionIntoGroupAndUndo();
    void keyboardMovesInAndOut();
    void productPickerFindsByNameAndSku();
    void overlapCountsAndOpensParts();

private:
    void saveScreenshot(QWidget &widget, const QString &name) const;
    std::unique_ptr<MainWindow> openSegments(const QString &path);
    std::int64_t sqlCount(const std::string &sql) const;
    std::int64_t engineCount(const json &document) const;
    /// Picks a field for row by typing into the picker's search and pressing Enter.
    void pickField(ConditionRow *row, const QString &search);
    ConditionRow *row(SegmentEditor *editor, std::size_t index) const;
    void waitForCount(SegmentEditor *editor);

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    SegmentsPage *page_ = nullptr;
    SegmentEditor *editor_ = nullptr;
};

void TestSegments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QVERIFY(test::writeUiDemo(path_));
    // These tests build their segments from an empty list; the demo's starting points are
    // checked by demoStartsWithSavedSegments.
    auto workspace = Workspace::open(path_.toStdString());
    SegmentStore store(workspace.db());
    for (const SavedSegment &segment : store.list())
        QVERIFY(store.remove(segment.name));
}

void TestSegments::demoStartsWithSavedSegments()
{
    window_.reset();
    const QString path = dir_.filePath(QStringLiteral("fresh-demo.clientele"));
    DemoOptions options;
    options.shoppers = 1500;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path.toStdString(), options);
    window_ = openSegments(path);
    QVERIFY(window_);
    page_ = window_->segmentsPage();
    QTRY_VERIFY(!page_->isLoading());
    QCOMPARE(page_->model()->rowCount(), 6);
    auto *title = page_->findChild<QLabel *>(QStringLiteral("segmentsEmptyTitle"));
    QVERIFY(!title || !title->isVisible());
    saveScreenshot(*window_, QStringLiteral("segments-demo-starters.png"));
}

void TestSegments::init()
{
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
    window_ = openSegments(path_);
    QVERIFY(window_);
    page_ = window_->segmentsPage();
    editor_ = page_->editor();
    QTRY_VERIFY(!page_->isLoading());
    QTRY_VERIFY(editor_->hasPickers());
}

void TestSegments::cleanup()
{
    window_.reset();
    settings_.reset();
    qsettings_.reset();
}

void TestSegments::saveScreenshot(QWidget &widget, const QString &name) const
{
    QVERIFY(test::saveScreenshot(widget, name));
}

std::unique_ptr<MainWindow> TestSegments::openSegments(const QString &path)
{
    return test::openArea(*settings_, path, QStringLiteral("Segments"));
}

std::int64_t TestSegments::sqlCount(const std::string &sql) const
{
    auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
    auto query = db.prepare(sql);
    return query.step() ? query.columnInt(0) : -1;
}

std::int64_t TestSegments::engineCount(const json &document) const
{
    auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
    SegmentStore store(db);
    return SegmentEvaluator(db, &store).count(SegmentDefinition::fromJson(document));
}

ConditionRow *TestSegments::row(SegmentEditor *editor, std::size_t index) const
{
    return index < editor->rows().size() ? editor->rows()[index] : nullptr;
}

void TestSegments::pickField(ConditionRow *row, const QString &search)
{
    QVERIFY(row);
    FieldPickerButton *button = row->fieldButton();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(button->popup());
    FieldPickerPopup *popup = button->popup();
    QTest::keyClicks(popup->searchField(), search);
    QTest::keyClick(popup->searchField(), Qt::Key_Return);
}

void TestSegments::waitForCount(SegmentEditor *editor)
{
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isCounting() && editor->lastCount().has_value(), 10000);
}

void TestSegments::emptyStateOffersNewSegment()
{
    QAbstractItemModelTester tester(
        page_->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *title = page_->findChild<QLabel *>(QStringLiteral("segmentsEmptyTitle"));
    QVERIFY(title && title->isVisible());
    auto *text = page_->findChild<QLabel *>(QStringLiteral("segmentsEmptyText"));
    QVERIFY(text->text().contains(QStringLiteral("group of shoppers")));
    QTest::mouseClick(
        page_->findChild<QPushButton *>(QStringLiteral("segmentsEmptyNew")), Qt::LeftButton);
    QVERIFY(page_->isEditing());
    QVERIFY(!editor_->saveButton()->isEnabled()); // nothing to save yet
}

void TestSegments::revenueConditionByClicking()
{
    QAbstractItemModelTester tester(
        editor_->sampleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    QTRY_COMPARE(editor_->rows().size(), std::size_t(1));
    pickField(row(editor_, 0), QStringLiteral("Revenue"));
    QTRY_COMPARE(row(editor_, 0)->node().value("field", std::string()), std::string("revenue"));
    auto *op = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("operatorCombo"));
    QVERIFY(op);
    const int greater = op->findData(QStringLiteral(">"));
    QVERIFY(greater >= 0);
    op->setCurrentIndex(greater);
    Q_EMIT op->activated(greater);
    auto *value = row(editor_, 0)->findChild<QDoubleSpinBox *>(QStringLiteral("numberValue"));
    QVERIFY(value);
    value->selectAll();
    QTest::keyClicks(value, QStringLiteral("100"));
    QCOMPARE(value->value(), 100.0);

    const json expected
        = { { "type", "trait" }, { "field", "revenue" }, { "op", ">" }, { "value", 100.0 } };
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][0]), dumped(expected));
    waitForCount(editor_);
    const std::int64_t sql = sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 100");
    QVERIFY(sql > 0 && sql < 3000);
    QCOMPARE(*editor_->lastCount(), engineCount(editor_->document()));
    QCOMPARE(*editor_->lastCount(), sql);
    QVERIFY(
        editor_->countLabel()->text().contains(QLocale().toString(static_cast<qlonglong>(sql))));
    QVERIFY(editor_->countLabel()->text().contains(QStringLiteral("ms")));

    // Reach: identifier and consent granted, counted apart in SQL.
    const Reachability reach = *editor_->lastReach();
    QCOMPARE(reach.total, sql);
    QCOMPARE(reach.email,
        sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 100 AND "
                 "email IS NOT NULL AND email <> '' AND email_consent = 'granted'"));
    QCOMPARE(reach.sms,
        sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 100 AND "
                 "phone IS NOT NULL AND phone <> '' AND sms_consent = 'granted'"));
    QCOMPARE(reach.push,
        sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 100 AND "
                 "devices > 0 AND push_consent = 'granted'"));
    QVERIFY(reach.email > 0);
    QVERIFY(editor_->reachLabel()->text().contains(
        QLocale().toString(static_cast<qlonglong>(reach.email))));

    // The sample: the first 20 members, each with revenue > 100.
    QCOMPARE(editor_->sampleModel()->rowCount(), 20);
    QCOMPARE(editor_->sampleModel()
                 ->headerData(SegmentMemberModel::RfmGroup, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
        QStringLiteral("RFM group"));
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers whose revenue is more than 100."));

    // Double-clicking a sample row opens that shopper in the Customers area.
    const std::int64_t first = editor_->sampleModel()->profileIdAt(0);
    QVERIFY(first > 0);
    QSignalSpy opened(editor_, &SegmentEditor::profileRequested);
    Q_EMIT editor_->sampleView()->activated(editor_->sampleModel()->index(0, 0));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toLongLong(), first);
    QVERIFY(window_->customersPage()->isVisible());
    QTRY_VERIFY(window_->customersPage()->isShowingProfile());
}

void TestSegments::nestedGroupSentenceAndUndo()
{
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("Revenue"));
    QTRY_COMPARE(row(editor_, 0)->node().value("field", std::string()), std::string("revenue"));
    auto *value = row(editor_, 0)->findChild<QDoubleSpinBox *>(QStringLiteral("numberValue"));
    value->selectAll();
    QTest::keyClicks(value, QStringLiteral("100"));

    // A nested "Any of" group with two conditions.
    QTest::mouseClick(editor_->addGroupButton("/rule"), Qt::LeftButton);
    QTRY_COMPARE(editor_->rows().size(), std::size_t(2));
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][1]["type"]), dumped(json("any")));
    QTest::mouseClick(editor_->addConditionButton("/rule/conditions/1"), Qt::LeftButton);
    QTRY_COMPARE(editor_->rows().size(), std::size_t(3));
    pickField(row(editor_, 1), QStringLiteral("Country"));
    QTRY_COMPARE(row(editor_, 1)->node().value("field", std::string()), std::string("country"));
    auto *country = row(editor_, 1)->findChild<QComboBox *>(QStringLiteral("pickerValue"));
    QVERIFY(country);
    QVERIFY(country->findText(QStringLiteral("DE")) >= 0); // picker values from the workspace
    country->setCurrentText(QStringLiteral("DE"));
    pickField(row(editor_, 2), QStringLiteral("Loyalty member"));
    QTRY_COMPARE(
        row(editor_, 2)->node().value("field", std::string()), std::string("loyalty_member"));

    const json group = editor_->document()["rule"]["conditions"][1];
    QCOMPARE(dumped(group["conditions"][0]),
        dumped(json(
            { { "type", "trait" }, { "field", "country" }, { "op", "is" }, { "value", "DE" } })));
    QCOMPARE(dumped(group["conditions"][1]),
        dumped(json({ { "type", "trait" }, { "field", "loyalty_member" }, { "op", "is" },
            { "value", true } })));
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers whose revenue is more than 100 and (whose country is DE or who "
                       "are loyalty members)."));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(editor_->document()));
    QCOMPARE(*editor_->lastCount(),
        sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 100 AND (country = 'DE' OR "
                 "loyalty_tier IS NOT NULL)"));
    editor_->nameField()->setFocus();
    QTest::keyClicks(editor_->nameField(), QStringLiteral("Big spenders DE or loyal"));
    QVERIFY(!editor_->isCounting()); // a name is no reason to count again
    saveScreenshot(*window_, QStringLiteral("segment-editor.png"));

    // Undo the last rule edit (the name typed is one step, the loyalty field another).
    const SegmentDefinition withLoyalty = editor_->definition();
    editor_->undoStack()->undo(); // the name
    QCOMPARE(editor_->name(), QString());
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    editor_->sampleView()->setFocus();
    QTest::keyClick(editor_->sampleView(), Qt::Key_Z, Qt::ControlModifier); // the field
    const json before = editor_->document()["rule"]["conditions"][1]["conditions"][1];
    QCOMPARE(dumped(before["field"]), dumped(json("orders")));
    QVERIFY(!(editor_->definition() == withLoyalty));
    QTest::keyClick(editor_->sampleView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(dumped(editor_->definition().toJson()), dumped(withLoyalty.toJson()));
    QCOMPARE(row(editor_, 2)->node().value("field", std::string()), std::string("loyalty_member"));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(withLoyalty.toJson()));

    // Remove and move: the nested country condition moves out, then back by undo.
    const json beforeMove = editor_->document();
    QTest::mouseClick(
        row(editor_, 1)->findChild<QToolButton *>(QStringLiteral("moveOut")), Qt::LeftButton);
    QTRY_COMPARE(editor_->document()["rule"]["conditions"].size(), std::size_t(3));
    QCOMPARE(
        dumped(editor_->document()["rule"]["conditions"][2]["field"]), dumped(json("country")));
    editor_->undoStack()->undo();
    QCOMPARE(dumped(editor_->document()), dumped(beforeMove));
    QTest::mouseClick(
        row(editor_, 2)->findChild<QToolButton *>(QStringLiteral("moveUp")), Qt::LeftButton);
    QTRY_COMPARE(
        editor_->document()["rule"]["conditions"][1]["conditions"][0]["field"].get<std::string>(),
        std::string("loyalty_member"));
    QTest::mouseClick(
        row(editor_, 1)->findChild<QToolButton *>(QStringLiteral("remove")), Qt::LeftButton);
    QTRY_COMPARE(editor_->rows().size(), std::size_t(2));
    QCOMPARE(editor_->document()["rule"]["conditions"][1]["conditions"].size(), std::size_t(1));
    editor_->undoStack()->undo();
    editor_->undoStack()->undo();
    QCOMPARE(dumped(editor_->document()), dumped(beforeMove));
    QCOMPARE(editor_->rows().size(), std::size_t(3));
}

void TestSegments::invalidValueDisablesSave()
{
    page_->newSegment();
    QTest::keyClicks(editor_->nameField(), QStringLiteral("Berliners"));
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    QTRY_VERIFY(editor_->saveButton()->isEnabled());
    pickField(row(editor_, 0), QStringLiteral("City"));
    QTRY_COMPARE(row(editor_, 0)->node().value("field", std::string()), std::string("city"));
    QVERIFY(editor_->saveButton()->isEnabled()); // "city is" an empty text is a valid rule
    auto *op = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("operatorCombo"));
    const int contains = op->findData(QStringLiteral("contains"));
    op->setCurrentIndex(contains);
    Q_EMIT op->activated(contains);
    QTRY_COMPARE(row(editor_, 0)->node().value("op", std::string()), std::string("contains"));
    QVERIFY(!editor_->saveButton()->isEnabled());
    QCOMPARE(row(editor_, 0)->issueText(), QStringLiteral("Type the text to look for."));
    QVERIFY(row(editor_, 0)->findChild<QLabel *>(QStringLiteral("conditionIssues"))->isVisible());
    QVERIFY(editor_->countStatusLabel()->text().contains(QStringLiteral("Fix")));
    QCOMPARE(editor_->sentenceLabel()->text(), QStringLiteral("Shoppers whose city contains …."));
    saveScreenshot(*window_, QStringLiteral("segment-editor-invalid.png"));

    auto *text = row(editor_, 0)->findChild<QLineEdit *>(QStringLiteral("textValue"));
    QVERIFY(text);
    QTest::keyClicks(text, QStringLiteral("Ber"));
    QVERIFY(editor_->saveButton()->isEnabled());
    QVERIFY(row(editor_, 0)->issueText().isEmpty());
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][0]["value"]), dumped(json("Ber")));
}

void TestSegments::saveShowsSegmentInList()
{
    QAbstractItemModelTester tester(
        page_->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page_->newSegment();
    QTest::keyClicks(editor_->nameField(), QStringLiteral("Big spenders"));
    QTest::keyClicks(editor_->findChild<QLineEdit *>(QStringLiteral("segmentDescription")),
        QStringLiteral("Revenue above 500"));
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("Revenue"));
    QTRY_COMPARE(row(editor_, 0)->node().value("field", std::string()), std::string("revenue"));
    auto *value = row(editor_, 0)->findChild<QDoubleSpinBox *>(QStringLiteral("numberValue"));
    value->selectAll();
    QTest::keyClicks(value, QStringLiteral("500"));
    waitForCount(editor_);
    const std::int64_t live = *editor_->lastCount();
    QVERIFY(editor_->saveButton()->isEnabled());
    QTest::mouseClick(editor_->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!page_->isEditing());
    QTRY_VERIFY(page_->model()->rowOf(QStringLiteral("Big spenders")) >= 0);
    const int r = page_->model()->rowOf(QStringLiteral("Big spenders"));
    const QModelIndex size = page_->model()->index(r, SegmentListModel::Size);
    QTRY_COMPARE(size.data(Qt::UserRole).toLongLong(), static_cast<qlonglong>(live));
    QCOMPARE(size.data().toString(), QLocale().toString(static_cast<qlonglong>(live)));
    QCOMPARE(page_->model()->index(r, SegmentListModel::Description).data().toString(),
        QStringLiteral("Revenue above 500"));

    auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
    SegmentStore store(db);
    const auto saved = store.find("Big spenders");
    QVERIFY(saved);
    QCOMPARE(dumped(saved->definition.toJson()), dumped(editor_->definition().toJson()));
}

void TestSegments::includesAnotherSegment()
{
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("another saved segment"));
    QTRY_COMPARE(row(editor_, 0)->node().value("type", std::string()), std::string("segment"));
    QCOMPARE(row(editor_, 0)->issueText(), QStringLiteral("Choose a segment."));
    auto *segments = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("segmentCombo"));
    QVERIFY(segments);
    const int big = segments->findText(QStringLiteral("Big spenders"));
    QVERIFY(big >= 0);
    segments->setCurrentIndex(big);
    Q_EMIT segments->activated(big);
    QVERIFY(row(editor_, 0)->issueText().isEmpty());
    waitForCount(editor_);
    const std::int64_t members
        = sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 500");
    QCOMPARE(*editor_->lastCount(), members);
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers who are in the segment “Big spenders”."));
    auto *member = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("memberCombo"));
    member->setCurrentIndex(1);
    Q_EMIT member->activated(1);
    waitForCount(editor_);
    QTRY_COMPARE(*editor_->lastCount(), sqlCount("SELECT count(*) FROM profile_traits") - members);
    QCOMPARE(*editor_->lastCount(), engineCount(editor_->document()));
}

void TestSegments::abandonedCartShapes()
{
    // The sequence shape of docs/segment-format.md, built by picking "then".
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("then"));
    QTRY_COMPARE(row(editor_, 0)->node().value("type", std::string()), std::string("sequence"));
    const json docs = json::parse(R"({
      "version": 1,
      "rule": {
        "type": "sequence",
        "first": { "event": "product_added" },
        "then": { "event": "order_completed" },
        "then_did": false,
        "within_hours": 24,
        "when": { "in_last_days": 7 }
      }
    })");
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][0]), dumped(docs["rule"]));
    waitForCount(editor_);
    const std::int64_t expected = engineCount(docs);
    QVERIFY(expected > 0);
    QCOMPARE(*editor_->lastCount(), expected);
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers who added to cart and then did not complete an order within 24 "
                       "hours (in the last 7 days)."));

    // Narrow the first step: only carts with a product of one category.
    auto *firstWhere = row(editor_, 0)->findChild<QAction *>(QStringLiteral("addWhere_first"));
    QVERIFY(firstWhere);
    firstWhere->trigger();
    QTRY_VERIFY(row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("pickerValue")));
    auto *firstCategory = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("pickerValue"));
    firstCategory->setCurrentIndex(0);
    const json narrowed = editor_->document()["rule"]["conditions"][0]["first"]["where"][0];
    QCOMPARE(dumped(narrowed["value"]), dumped(json(firstCategory->itemText(0).toStdString())));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(editor_->document()));
    QVERIFY(*editor_->lastCount() <= expected);

    // The behaviour shape: added to cart at least twice this week and did not order.
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("did or did not"));
    QTRY_COMPARE(row(editor_, 0)->node().value("type", std::string()), std::string("event"));
    auto choose = [](QComboBox *combo, const QVariant &data) {
        QVERIFY(combo);
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
    };
    choose(row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("eventCombo")),
        QStringLiteral("product_added"));
    choose(row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("countCombo")),
        QStringLiteral("at_least"));
    QTRY_VERIFY(row(editor_, 0)->findChild<QSpinBox *>(QStringLiteral("countValue")));
    row(editor_, 0)->findChild<QSpinBox *>(QStringLiteral("countValue"))->setValue(2);
    row(editor_, 0)->findChild<QSpinBox *>(QStringLiteral("windowDays"))->setValue(7);
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 1), QStringLiteral("did or did not"));
    QTRY_COMPARE(row(editor_, 1)->node().value("type", std::string()), std::string("event"));
    choose(row(editor_, 1)->findChild<QComboBox *>(QStringLiteral("didCombo")), false);
    QTRY_COMPARE(row(editor_, 1)->node().value("did", true), false);
    row(editor_, 1)->findChild<QSpinBox *>(QStringLiteral("windowDays"))->setValue(7);
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers who added to cart at least 2 times in the last 7 days and did not "
                       "complete an order in the last 7 days."));
    const json behaviour = json::parse(R"({
      "version": 1,
      "rule": { "type": "all", "conditions": [
        { "type": "event", "event": "product_added", "did": true,
          "count": { "op": "at_least", "value": 2 }, "when": { "in_last_days": 7 } },
        { "type": "event", "event": "order_completed", "did": false, "when": { "in_last_days": 7 } }
      ] }
    })");
    QCOMPARE(dumped(editor_->definition().toJson()),
        dumped(SegmentDefinition::fromJson(behaviour).toJson()));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(behaviour));

    // A "where" filter on the event: only shoes.
    QTest::mouseClick(
        row(editor_, 0)->findChild<QToolButton *>(QStringLiteral("addWhere")), Qt::LeftButton);
    QTRY_VERIFY(row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("propertyCombo")));
    auto *category = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("pickerValue"));
    QVERIFY(category);
    QVERIFY(category->count() > 0);
    category->setCurrentIndex(0);
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][0]["where"][0]["value"]),
        dumped(json(category->itemText(0).toStdString())));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(editor_->document()));
    saveScreenshot(*window_, QStringLiteral("segment-editor-behaviour.png"));
}

void TestSegments::eventSumByClicking()
{
    // "Completed an order with a total value of more than 150 in the last 90 days".
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("did or did not"));
    QTRY_COMPARE(row(editor_, 0)->node().value("type", std::string()), std::string("event"));
    auto *how = row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("countCombo"));
    const int total = how->findData(QStringLiteral("sum"));
    QVERIFY(total >= 0);
    how->setCurrentIndex(total);
    Q_EMIT how->activated(total);
    QTRY_VERIFY(row(editor_, 0)->findChild<QComboBox *>(QStringLiteral("sumOfCombo")));
    auto *amount = row(editor_, 0)->findChild<QDoubleSpinBox *>(QStringLiteral("numberValue"));
    QVERIFY(amount);
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("150"));
    row(editor_, 0)->findChild<QSpinBox *>(QStringLiteral("windowDays"))->setValue(90);
    const json expected = json::parse(R"({"type": "event", "event": "order_completed", "did": true,
        "sum": {"of": "value", "op": ">", "value": 150.0}, "when": {"in_last_days": 90}})");
    QCOMPARE(dumped(editor_->document()["rule"]["conditions"][0]), dumped(expected));
    QCOMPARE(editor_->sentenceLabel()->text(),
        QStringLiteral("Shoppers who completed an order with a total value that is more than 150 "
                       "in the last 90 days."));
    waitForCount(editor_);
    const std::int64_t engine = engineCount(editor_->document());
    QVERIFY(engine > 0);
    QCOMPARE(*editor_->lastCount(), engine);
}

void TestSegments::newerEditSupersedesCount()
{
    page_->newSegment();
    QTest::mouseClick(editor_->addConditionButton("/rule"), Qt::LeftButton);
    pickField(row(editor_, 0), QStringLiteral("Revenue"));
    QTRY_COMPARE(row(editor_, 0)->node().value("field", std::string()), std::string("revenue"));
    waitForCount(editor_);
    auto *value = row(editor_, 0)->findChild<QDoubleSpinBox *>(QStringLiteral("numberValue"));
    QSignalSpy shown(editor_, &SegmentEditor::countShown);
    for (int amount = 10; amount <= 400; amount += 10)
        value->setValue(amount); // forty edits, each starting a count
    QVERIFY(editor_->isCounting());
    QVERIFY(editor_->countLabel()->styleSheet().contains(QStringLiteral("palette(mid)")));
    QCOMPARE(editor_->countStatusLabel()->text(), QStringLiteral("counting…"));
    waitForCount(editor_);
    QTest::qWait(100); // late results of older edits would arrive now
    QCOMPARE(shown.count(), 1);
    const std::int64_t expected
        = sqlCount("SELECT count(*) FROM profile_traits WHERE revenue > 400");
    QCOMPARE(shown.at(0).at(0).toLongLong(), static_cast<qlonglong>(expected));
    QCOMPARE(*editor_->lastCount(), expected);
    // Merged typing: the forty edits are one undo step.
    QCOMPARE(editor_->undoStack()->count(), 3); // add condition, field, value
}

void TestSegments::opensDocsExamplesUnchanged_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("nested-groups") << QStringLiteral(R"({"type": "all", "conditions": [
        {"type": "trait", "field": "country", "op": "one_of", "value": ["DE", "AT", "CH"]},
        {"type": "any", "conditions": [
          {"type": "trait", "field": "orders", "op": ">=", "value": 3},
          {"type": "trait", "field": "loyalty_member", "op": "is", "value": true}]},
        {"type": "none", "conditions": [{"type": "trait", "field": "open_tickets", "op": ">", "value": 0}]}]})");
    QTest::newRow("traits") << QStringLiteral(R"({"type": "all", "conditions": [
        {"type": "trait", "field": "revenue", "op": ">", "value": 250},
        {"type": "trait", "field": "last_order", "op": "more_than_days_ago", "value": 90},
        {"type": "trait", "field": "city", "op": "starts_with", "value": "Ber"},
        {"type": "trait", "field": "first_seen", "op": "between", "value": ["2026-01-01", "2026-03-31"]},
        {"type": "trait", "field": "is_known", "op": "is", "value": true},
        {"type": "trait", "field": "channels", "op": "contains", "value": "app"},
        {"type": "trait", "field": "last_viewed_products", "op": "does_not_contain", "value": "TH-SHO-0001"},
        {"type": "trait", "field": "email", "op": "is_set"}]})");
    QTest::newRow("event-sum") << QStringLiteral(R"({"type": "event", "event": "order_completed",
        "where": [{"property": "category", "op": "is", "value": "shoes"},
                  {"property": "brand", "op": "one_of", "value": ["Stridewell", "Velora"]},
                  {"property": "props.payment", "op": "is", "value": "card"}],
        "sum": {"of": "line_value", "op": ">", "value": 200}, "when": {"in_last_days": 90}})");
    QTest::newRow("no-order-q1") << QStringLiteral(R"({"type": "event", "event": "order_completed",
        "did": false, "when": {"between": ["2026-01-01", "2026-03-31"]}})");
    QTest::newRow("rfm") << QStringLiteral(
        R"({"type": "rfm", "groups": ["at_risk", "cant_lose_them"]})");
    QTest::newRow("consent") << QStringLiteral(R"({"type": "consent", "channel": "email"})");
}

void TestSegments::opensDocsExamplesUnchanged()
{
    // A segment saved elsewhere (CLI, import) opens in the builder without being changed.
    QFETCH(QString, rule);
    SavedSegment segment;
    segment.name = "From the docs";
    segment.definition = SegmentDefinition::fromJson(
        json { { "version", 1 }, { "rule", json::parse(rule.toStdString()) } });
    editor_->edit(segment);
    json expected = segment.definition.toJson();
    if (expected["rule"].value("type", std::string()) != "all")
        expected["rule"]
            = { { "type", "all" }, { "conditions", json::array({ expected["rule"] }) } };
    QCOMPARE(dumped(editor_->definition().toJson()), dumped(expected));
    QVERIFY(!editor_->rows().empty());
    QVERIFY2(editor_->issues().empty(),
        editor_->issues().empty() ? "" : editor_->issues().front().message.c_str());
    QVERIFY(editor_->sentenceLabel()->text().startsWith(QStringLiteral("Shoppers ")));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), engineCount(segment.definition.toJson()));
    QVERIFY(!editor_->isModified());
}

void TestSegments::historyDuplicateDelete()
{
    // Sizes of earlier days, as opening the workspace on those days would have left them.
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadWrite);
        SegmentStore store(db);
        const auto saved = store.find("Big spenders");
        QVERIFY(saved);
        const std::int64_t today = sqlCount("SELECT size FROM segment_sizes WHERE segment_id = "
                                            "(SELECT id FROM segments WHERE name = "
                                            "'Big spenders') AND day = '"
            + formatIsoDate(nowMillis()) + "'");
        QVERIFY2(today > 0, "opening the workspace records today's size");
        auto insert = db.prepare(
            "INSERT OR IGNORE INTO segment_sizes(segment_id, day, size) VALUES (?1, ?2, ?3)");
        for (int back = 1; back <= 6; ++back)
            insert.bind(1, saved->id)
                .bind(2, formatIsoDate(nowMillis() - std::int64_t(back) * 86'400'000))
                .bind(3, today - back * 3 + (back % 2) * 5)
                .run();
    }
    page_->reload();
    QTRY_VERIFY(!page_->isLoading());
    const int r = page_->model()->rowOf(QStringLiteral("Big spenders"));
    QVERIFY(r >= 0);
    Q_EMIT page_->table()->activated(page_->model()->index(r, 0));
    QVERIFY(page_->isEditing());
    auto *chart = editor_->historyBox()->findChild<QChartView *>(QStringLiteral("historyChart"));
    QTRY_VERIFY(chart->isVisible());
    QCOMPARE(chart->chart()->series().size(), 2);
    waitForCount(editor_);
    saveScreenshot(*window_, QStringLiteral("segment-history.png"));
    QTest::mouseClick(
        editor_->findChild<QPushButton *>(QStringLiteral("backButton")), Qt::LeftButton);
    QVERIFY(!page_->isEditing());

    // "Export…" takes the segment to the Export area as the audience.
    page_->table()->selectRow(r);
    QTest::mouseClick(
        page_->findChild<QPushButton *>(QStringLiteral("exportSegmentButton")), Qt::LeftButton);
    QTRY_VERIFY(window_->exportPage()->isVisible());
    QTRY_COMPARE(window_->exportPage()->audienceChoice().segment, std::string("Big spenders"));
    QCOMPARE(window_->exportPage()->audienceChoice().kind, AudienceRequest::Kind::Segment);
    window_->findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(2);
    QTRY_VERIFY(page_->isVisible());

    page_->table()->selectRow(r);
    QTest::mouseClick(
        page_->findChild<QPushButton *>(QStringLiteral("duplicateSegmentButton")), Qt::LeftButton);
    QTRY_VERIFY(page_->model()->rowOf(QStringLiteral("Big spenders (copy)")) >= 0);
    QTRY_VERIFY(!page_->isLoading());
    saveScreenshot(*window_, QStringLiteral("segments-list.png"));

    // Renaming keeps one entry, under the new name.
    page_->editSegment(page_->model()->rowOf(QStringLiteral("Big spenders (copy)")));
    QVERIFY(page_->isEditing());
    editor_->nameField()->selectAll();
    QTest::keyClicks(editor_->nameField(), QStringLiteral("Top spenders"));
    QVERIFY(editor_->saveButton()->isEnabled());
    QTest::mouseClick(editor_->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!page_->isEditing());
    QTRY_VERIFY(page_->model()->rowOf(QStringLiteral("Top spenders")) >= 0);
    QCOMPARE(page_->model()->rowOf(QStringLiteral("Big spenders (copy)")), -1);
    QTRY_VERIFY(!page_->isLoading());

    const int copy = page_->model()->rowOf(QStringLiteral("Top spenders"));
    page_->table()->selectRow(copy);
    Prompts::setNextConfirmation(false);
    QTest::mouseClick(
        page_->findChild<QPushButton *>(QStringLiteral("deleteSegmentButton")), Qt::LeftButton);
    QTest::qWait(50);
    QVERIFY(page_->model()->rowOf(QStringLiteral("Top spenders")) >= 0);
    page_->table()->selectRow(copy);
    Prompts::setNextConfirmation(true);
    QTest::mouseClick(
        page_->findChild<QPushButton *>(QStringLiteral("deleteSegmentButton")), Qt::LeftButton);
    QTRY_COMPARE(page_->model()->rowOf(QStringLiteral("Top spenders")), -1);
    QVERIFY(page_->model()->rowOf(QStringLiteral("Big spenders")) >= 0);
}

namespace {

json traitNode(const std::string &field, const std::string &op, const json &value)
{
    return { { "type", "trait" }, { "field", field }, { "op", op }, { "value", value } };
}

/// all[orders >= 1, revenue > 100, any[country is DE, city contains Ber]]
json moveDocument()
{
    return { { "version", 1 },
        { "rule",
            { { "type", "all" },
                { "conditions",
                    json::array({ traitNode("orders", ">=", 1), traitNode("revenue", ">", 100),
                        { { "type", "any" },
                            { "conditions",
                                json::array({ traitNode("country", "is", "DE"),
                                    traitNode("city", "contains", "Ber") }) } } }) } } } };
}

} // namespace

void TestSegments::dragConditionIntoGroupAndUndo()
{
    page_->newSegment();
    editor_->editNew(moveDocument(), QStringLiteral("Dragged"));
    QTRY_COMPARE(editor_->rows().size(), std::size_t(4));
    const json before = editor_->document();
    QWidget *handle = editor_->dragHandle("/rule/conditions/0");
    QWidget *country = editor_->nodeWidget("/rule/conditions/2/conditions/0");
    QWidget *city = editor_->nodeWidget("/rule/conditions/2/conditions/1");
    QVERIFY(handle && country && city && handle->isVisible());

    // Press on the grip, move past the drag distance, then between "country" and "city".
    const QPoint start = handle->rect().center();
    QTest::mousePress(handle, Qt::LeftButton, {}, start);
    QTest::mouseMove(handle, start + QPoint(0, 12));
    const QPoint between = handle->mapFromGlobal(city->mapToGlobal(QPoint(60, 2)));
    QTest::mouseMove(handle, between - QPoint(0, 6));
    QTest::mouseMove(handle, between);
    auto *indicator = editor_->findChild<QWidget *>(QStringLiteral("dropIndicator"));
    QVERIFY(indicator && indicator->isVisible());
    saveScreenshot(*window_, QStringLiteral("segment-drag.png"));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, between);
    QVERIFY(!indicator->isVisible());

    json after = before;
    after["rule"]["conditions"] = json::array({ before["rule"]["conditions"][1],
        { { "type", "any" },
            { "conditions",
                json::array({ before["rule"]["conditions"][2]["conditions"][0],
                    before["rule"]["conditions"][0],
                    before["rule"]["conditions"][2]["conditions"][1] }) } } });
    QTRY_COMPARE(dumped(editor_->document()), dumped(after));
    QTRY_COMPARE(editor_->rows().size(), std::size_t(4));
    QCOMPARE(editor_->undoStack()->undoText(), QStringLiteral("Move Condition"));

    // Undo gives back the exact JSON, redo the move.
    auto *undo = editor_->findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redo = editor_->findChild<QAction *>(QStringLiteral("redoAction"));
    QVERIFY(undo && redo);
    undo->trigger();
    QTRY_COMPARE(dumped(editor_->document()), dumped(before));
    redo->trigger();
    QTRY_COMPARE(dumped(editor_->document()), dumped(after));

    // A group by its grip: "any" to the top.
    QWidget *groupHandle = editor_->dragHandle("/rule/conditions/1");
    QWidget *first = editor_->nodeWidget("/rule/conditions/0");
    QVERIFY(groupHandle && first);
    const QPoint grip = groupHandle->rect().center();
    QTest::mousePress(groupHandle, Qt::LeftButton, {}, grip);
    QTest::mouseMove(groupHandle, grip - QPoint(0, 12));
    const QPoint top = groupHandle->mapFromGlobal(first->mapToGlobal(QPoint(60, 1)));
    QTest::mouseMove(groupHandle, top);
    QTest::mouseRelease(groupHandle, Qt::LeftButton, {}, top);
    QTRY_COMPARE(editor_->document()["rule"]["conditions"][0].value("type", std::string()),
        std::string("any"));
    undo->trigger();
    undo->trigger();
    QTRY_COMPARE(dumped(editor_->document()), dumped(before));
}

void TestSegments::keyboardMovesInAndOut()
{
    page_->newSegment();
    editor_->editNew(moveDocument(), QStringLiteral("Moved by keys"));
    QTRY_COMPARE(editor_->rows().size(), std::size_t(4));
    const json before = editor_->document();
    const json orders = before["rule"]["conditions"][0];
    QWidget *handle = editor_->dragHandle("/rule/conditions/0");
    QVERIFY(handle);
    handle->setFocus();
    QTRY_VERIFY(handle->hasFocus());

    // Into the next group, as its first condition; the grip keeps the focus.
    QTest::keyClick(handle, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(
        dumped(editor_->document()["rule"]["conditions"][1]["conditions"][0]), dumped(orders));
    QCOMPARE(editor_->document()["rule"]["conditions"].size(), std::size_t(2));
    QWidget *moved = editor_->dragHandle("/rule/conditions/1/conditions/0");
    QTRY_VERIFY(moved && moved->hasFocus());
    // Down within the group, then out of it (after the group).
    QTest::keyClick(moved, Qt::Key_Down, Qt::ControlModifier);
    QTRY_COMPARE(
        dumped(editor_->document()["rule"]["conditions"][1]["conditions"][1]), dumped(orders));
    moved = editor_->dragHandle("/rule/conditions/1/conditions/1");
    QTRY_VERIFY(moved && moved->hasFocus());
    QTest::keyClick(moved, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(dumped(editor_->document()["rule"]["conditions"][2]), dumped(orders));
    QCOMPARE(editor_->document()["rule"]["conditions"][1]["conditions"].size(), std::size_t(2));

    for (int i = 0; i < 3; ++i)
        editor_->undoStack()->undo();
    QTRY_COMPARE(dumped(editor_->document()), dumped(before));
}

void TestSegments::productPickerFindsByNameAndSku()
{
    page_->newSegment();
    const json document { { "version", 1 },
        { "rule",
            { { "type", "all" },
                { "conditions",
                    json::array({ { { "type", "event" }, { "event", "order_completed" },
                        { "where",
                            json::array({ { { "property", "sku" }, { "op", "is" },
                                { "value", "" } } }) } } }) } } } };
    editor_->editNew(document, QStringLiteral("Bought one product"));
    QTRY_COMPARE(editor_->rows().size(), std::size_t(1));
    auto *choose = row(editor_, 0)->findChild<QToolButton *>(QStringLiteral("chooseProduct"));
    QVERIFY(choose);
    QTest::mouseClick(choose, Qt::LeftButton);
    ProductPicker *picker = nullptr;
    QTRY_VERIFY((picker = window_->findChild<ProductPicker *>()) != nullptr);
    QTRY_VERIFY(picker->isVisible() && picker->results()->topLevelItemCount() > 0);

    // By a part of the name, in another case.
    QSignalSpy shown(picker, &ProductPicker::resultsShown);
    QTest::keyClicks(picker->searchField(), QStringLiteral("GLIDE 4"));
    QTRY_VERIFY(!shown.isEmpty() && picker->searchField()->text() == QStringLiteral("GLIDE 4"));
    QTRY_VERIFY(picker->results()->topLevelItemCount() >= 1);
    for (int i = 0; i < picker->results()->topLevelItemCount(); ++i)
        QVERIFY(picker->results()->topLevelItem(i)->text(1).contains(
            QStringLiteral("Glide 4"), Qt::CaseInsensitive));
    QCOMPARE(picker->results()->topLevelItem(0)->text(2), QStringLiteral("shoes"));
    QVERIFY(!picker->results()->topLevelItem(0)->text(3).isEmpty()); // the price
    picker->resize(1024, 700);
    saveScreenshot(*picker, QStringLiteral("product-picker.png"));

    // By SKU: the exact one first.
    picker->searchField()->clear();
    shown.clear();
    QTest::keyClicks(picker->searchField(), QStringLiteral("th-soc-0097"));
    QTRY_VERIFY(!shown.isEmpty() && picker->results()->topLevelItemCount() >= 1
        && picker->results()->topLevelItem(0)->text(0) == QStringLiteral("TH-SOC-0097"));
    picker->results()->setCurrentItem(picker->results()->topLevelItem(0));
    QTest::keyClick(picker->results(), Qt::Key_Return);
    QTRY_COMPARE(row(editor_, 0)->node()["where"][0].value("value", std::string()),
        std::string("TH-SOC-0097"));
    QCOMPARE(editor_->undoStack()->undoText(), QStringLiteral("Change Condition"));
}

void TestSegments::overlapCountsAndOpensParts()
{
    const json big { { "version", 1 }, { "rule", traitNode("revenue", ">", 100) } };
    const json ordered { { "version", 1 },
        { "rule",
            { { "type", "event" }, { "event", "order_completed" },
                { "when", { { "in_last_days", 90 } } } } } };
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadWrite);
        SegmentStore store(db);
        store.save("Overlap A", SegmentDefinition::fromJson(big), "", nowMillis());
        store.save("Overlap B", SegmentDefinition::fromJson(ordered), "", nowMillis());
    }
    page_->reload();
    QTRY_VERIFY(!page_->isLoading());
    const int rowA = page_->model()->rowOf(QStringLiteral("Overlap A"));
    QVERIFY(rowA >= 0);
    page_->table()->selectRow(rowA);
    auto *button = page_->findChild<QPushButton *>(QStringLiteral("overlapSegmentsButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    SegmentOverlapDialog *dialog = page_->overlapDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->firstCombo()->currentText(), QStringLiteral("Overlap A"));
    dialog->secondCombo()->setCurrentIndex(
        dialog->secondCombo()->findText(QStringLiteral("Overlap B")));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->counts().has_value()
            && dialog->secondCombo()->currentText() == QStringLiteral("Overlap B"),
        10000);
    const OverlapCounts counts = *dialog->counts();
    const std::int64_t a = engineCount(big);
    const std::int64_t b = engineCount(ordered);
    const std::int64_t both = engineCount({ { "version", 1 },
        { "rule", { { "type", "all" }, { "conditions", { big["rule"], ordered["rule"] } } } } });
    QCOMPARE(counts.a, a);
    QCOMPARE(counts.b, b);
    QCOMPARE(counts.both, both);
    QVERIFY(both > 0 && a > both && b > both);
    QCOMPARE(dialog->partLabel(OverlapPart::AOnly)->text(), QLocale().toString(a - both));
    QCOMPARE(dialog->partLabel(OverlapPart::BOnly)->text(), QLocale().toString(b - both));
    QVERIFY(
        dialog->findChild<QChartView *>(QStringLiteral("overlapChart"))->chart()->series().size()
        == 1);
    dialog->resize(1024, 700);
    saveScreenshot(*dialog, QStringLiteral("segment-overlap.png"));

    // "Only in A" as a new segment in the builder: the count is the part's.
    QTest::mouseClick(dialog->openButton(OverlapPart::AOnly), Qt::LeftButton);
    QTRY_VERIFY(page_->isEditing());
    QCOMPARE(editor_->name(), QStringLiteral("Overlap A without Overlap B"));
    QCOMPARE(editor_->document()["rule"]["conditions"][0].value("segment", std::string()),
        std::string("Overlap A"));
    waitForCount(editor_);
    QCOMPARE(*editor_->lastCount(), a - both);
    saveScreenshot(*window_, QStringLiteral("segment-overlap-part.png"));

    // The segment being edited against a saved one: nobody of "A without B" is in B.
    QTest::mouseClick(editor_->overlapButton(), Qt::LeftButton);
    dialog = page_->overlapDialog();
    QTRY_VERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->firstCombo()->currentText().contains(QStringLiteral("being edited")));
    dialog->secondCombo()->setCurrentIndex(
        dialog->secondCombo()->findText(QStringLiteral("Overlap B")));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->counts().has_value()
            && dialog->secondCombo()->currentText() == QStringLiteral("Overlap B"),
        10000);
    QCOMPARE(dialog->counts()->a, a - both);
    QCOMPARE(dialog->counts()->both, 0);

    // "Only in B" to Export: saved as a segment, chosen there.
    QTest::mouseClick(dialog->exportButton(OverlapPart::BOnly), Qt::LeftButton);
    QTRY_VERIFY(window_->exportPage()->isVisible());
    QTRY_VERIFY(
        page_->model()->rowOf(QStringLiteral("Overlap B without Overlap A without Overlap B"))
        >= 0);
}

QTEST_MAIN(TestSegments)
#include "test_segments.moc"
