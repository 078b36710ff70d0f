#include "AppSettings.h"
#include "CustomersPage.h"
#include "DisplayFormat.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "PredictionText.h"
#include "PredictionsPage.h"
#include "ProfilePage.h"
#include "UiTestSupport.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "predict/Predictions.h"
#include "store/Workspace.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXYSeries>

using namespace clientele;

namespace {

/// Whether every series of the chart has points (bars or line points) to draw.
bool hasData(const QChartView &view)
{
    const auto series = view.chart()->series();
    if (series.isEmpty())
        return false;
    for (QAbstractSeries *one : series) {
        if (auto *xy = qobject_cast<QXYSeries *>(one)) {
            if (xy->count() == 0)
                return false;
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(one)) {
            if (bars->count() == 0)
                return false;
            for (QBarSet *set : bars->barSets())
                if (set->count() == 0)
                    return false;
        } else {
            return false;
        }
    }
    return true;
}

QString labelText(const QWidget &root, const char *objectName)
{
    const auto *label = root.findChild<QLabel *>(QString::fromLatin1(objectName));
    return label ? label->text() : QString();
}

} // namespace

/** The Predictions area and the profile's predictions, driven offscreen on a demo store. */
class TestPredictions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsHoldoutChartsAndParameters();
    void cancelledRefitKeepsTheModel();
    void emptyWorkspaceOffersFitAndExplainsTooLittleData();
    void profileShowsPredictionSentence();
    void germanTextsFit();

private:
    std::unique_ptr<MainWindow> openPredictions(const QString &path);
    std::optional<predict::FittedModel> storedModel(const QString &path) const;

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
};

void TestPredictions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QVERIFY(test::writeUiDemo(path_));
    // Fitted here, so the test does not depend on whether the demo fits at creation.
    auto db = Workspace::connect(path_.toStdString());
    predict::Predictions::fit(db);
}

void TestPredictions::init()
{
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
}

void TestPredictions::cleanup()
{
    settings_.reset();
    qsettings_.reset();
}

std::unique_ptr<MainWindow> TestPredictions::openPredictions(const QString &path)
{
    return test::openArea(*settings_, path, QStringLiteral("Predictions"));
}

std::optional<predict::FittedModel> TestPredictions::storedModel(const QString &path) const
{
    auto db = Workspace::connect(path.toStdString(), Database::Mode::ReadOnly);
    return predict::Predictions::stored(db);
}

void TestPredictions::showsHoldoutChartsAndParameters()
{
    auto window = openPredictions(path_);
    QVERIFY(window);
    window->resize(1440, 900);
    PredictionsPage *page = window->predictionsPage();
    QVERIFY(page->isVisible());
    // The holdout check fits a model of its own: give it time on a slow machine.
    QTRY_VERIFY_WITH_TIMEOUT(page->model().has_value() && !page->isLoading(), 120000);
    QVERIFY2(page->holdout().has_value(), qPrintable(labelText(*page, "holdoutProblem")));

    // Four charts, each with something drawn.
    const auto views = page->findChildren<QChartView *>();
    QCOMPARE(views.size(), 4);
    for (const QChartView *view : views)
        QVERIFY2(hasData(*view), qPrintable(view->objectName()));
    // Repeat orders before: 0, 1, … and a last group "n or more".
    auto *frequency = page->findChild<QChartView *>(QStringLiteral("frequencyChart"));
    QVERIFY(frequency);
    const auto axes = frequency->chart()->axes(Qt::Horizontal);
    QCOMPARE(axes.size(), 1);
    const QStringList groups = static_cast<QBarCategoryAxis *>(axes.front())->categories();
    QCOMPARE(int(groups.size()), int(page->holdout()->byFrequency.size()));
    QCOMPARE(groups.front(), QStringLiteral("0"));
    QVERIFY(groups.back().endsWith(QLatin1Char('+')));
    auto *tracking = page->findChild<QChartView *>(QStringLiteral("trackingChart"));
    QCOMPARE(static_cast<QXYSeries *>(tracking->chart()->series().front())->count(),
        int(page->holdout()->tracking.size()));

    // Totals and error as numbers.
    const QRegularExpression digit(QStringLiteral("\\d"));
    for (const char *name : { "predictedTotalValue", "actualTotalValue", "maeValue" })
        QVERIFY2(labelText(*page, name).contains(digit), name);

    // The BG/NBD and (when fitted) the other models' parameters show numbers and meanings.
    const predict::FittedModel &model = *page->model();
    int parameters = 0;
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (!label->property("parameter").toBool())
            continue;
        ++parameters;
        const bool bgNbd = label->objectName() == QStringLiteral("parameter0")
            || label->objectName() == QStringLiteral("parameter1")
            || label->objectName() == QStringLiteral("parameter2");
        if (bgNbd)
            QVERIFY2(label->text().contains(digit), qPrintable(label->objectName()));
    }
    QCOMPARE(parameters, 8);
    if (model.paretoNbd)
        QVERIFY(labelText(*page, "parameter5").contains(digit));
    if (model.gammaGamma)
        QVERIFY(labelText(*page, "parameter6").contains(digit));
    QCOMPARE(labelText(*page, "fittedAtValue"), formatLocalDateTime(model.fittedAt));
    QCOMPARE(labelText(*page, "customersValue"), QLocale().toString(qlonglong(model.customers)));
    QVERIFY(labelText(*page, "churnCuts").contains(formatPercent(model.churnCuts.highBelow)));
    QVERIFY(test::saveScreenshot(*window, QStringLiteral("predictions-1440x900.png")));

    // A small window scrolls the sections instead of cutting them off at the side.
    window->resize(1024, 700);
    QTest::qWait(100);
    auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("predictionsScroll"));
    QVERIFY(scroll);
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    QVERIFY(scroll->verticalScrollBar()->isVisible());
    QVERIFY(test::saveScreenshot(*window, QStringLiteral("predictions-1024x700.png")));
}

void TestPredictions::cancelledRefitKeepsTheModel()
{
    auto window = openPredictions(path_);
    QVERIFY(window);
    PredictionsPage *page = window->predictionsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->model().has_value() && !page->isLoading(), 120000);
    const auto before = storedModel(path_);
    QVERIFY(before);
    auto *refit = page->findChild<QPushButton *>(QStringLiteral("refitButton"));
    QVERIFY(refit && refit->isVisible());

    // Cancel: the job stops at its first report and the stored model stays as it was.
    cancelNextJobForTests();
    QTest::mouseClick(refit, Qt::LeftButton);
    const auto unchanged = storedModel(path_);
    QVERIFY(unchanged);
    QCOMPARE(unchanged->fittedAt, before->fittedAt);
    QCOMPARE(unchanged->bgNbd.r, before->bgNbd.r);
    QCOMPARE(unchanged->customers, before->customers);
    QVERIFY(labelText(*page, "predictionsMessage").contains(QStringLiteral("cancelled")));
    QCOMPARE(page->model()->fittedAt, before->fittedAt);

    // For real: a new model with a new fitting time, shown on the page.
    QTest::qWait(20);
    QTest::mouseClick(refit, Qt::LeftButton);
    const auto refitted = storedModel(path_);
    QVERIFY(refitted);
    QVERIFY(refitted->fittedAt > before->fittedAt);
    QTRY_VERIFY_WITH_TIMEOUT(page->model() && page->model()->fittedAt == refitted->fittedAt, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 120000);
    QCOMPARE(labelText(*page, "fittedAtValue"), formatLocalDateTime(refitted->fittedAt));
    QCOMPARE(refitted->customers, before->customers);
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("predictionsMessage"))->isVisible());
}

void TestPredictions::emptyWorkspaceOffersFitAndExplainsTooLittleData()
{
    const QString path = dir_.filePath(QStringLiteral("empty.clientele"));
    Workspace::create(path.toStdString());
    auto window = openPredictions(path);
    QVERIFY(window);
    PredictionsPage *page = window->predictionsPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 20000);
    QVERIFY(!page->model());
    QCOMPARE(labelText(*page, "predictionsEmptyTitle"), QStringLiteral("No predictions yet"));
    auto *fit = page->findChild<QPushButton *>(QStringLiteral("fitButton"));
    QVERIFY(fit && fit->isVisible());
    QCOMPARE(fit->text(), QStringLiteral("Fit Predictions"));

    // No buyers: the fit explains why nothing was fitted, and nothing is stored.
    QTest::mouseClick(fit, Qt::LeftButton);
    QCOMPARE(labelText(*page, "predictionsEmptyTitle"),
        QStringLiteral("Too little data for predictions"));
    QVERIFY(labelText(*page, "predictionsEmptyText").contains(QStringLiteral("at least 50")));
    QVERIFY(fit->isVisible());
    QVERIFY(!storedModel(path));
    QVERIFY(test::saveScreenshot(*window, QStringLiteral("predictions-too-little-data.png")));
}

void TestPredictions::profileShowsPredictionSentence()
{
    std::int64_t buyer = 0;
    std::int64_t visitor = 0;
    std::optional<predict::ShopperPrediction> expected;
    {
        auto db = Workspace::connect(path_.toStdString(), Database::Mode::ReadOnly);
        buyer = db.queryInt("SELECT profile_id FROM profile_traits WHERE orders >= 2 "
                            "ORDER BY orders DESC, profile_id LIMIT 1");
        visitor = db.queryInt(
            "SELECT profile_id FROM profile_traits WHERE orders = 0 ORDER BY profile_id LIMIT 1");
        expected = predict::Predictions::forProfile(db, buyer);
    }
    QVERIFY(buyer > 0);
    QVERIFY(visitor > 0);
    QVERIFY(expected);

    auto window = test::openArea(*settings_, path_, QStringLiteral("Customers"));
    QVERIFY(window);
    window->resize(1440, 900);
    CustomersPage *customers = window->customersPage();
    ProfilePage *profile = customers->profilePage();
    customers->openProfile(buyer);
    QTRY_VERIFY_WITH_TIMEOUT(
        !profile->isLoading() && profile->record() && profile->record()->id == buyer, 20000);
    QVERIFY(profile->prediction());
    QCOMPARE(profile->prediction()->pAlive, expected->pAlive);
    const QString sentence = labelText(*profile, "predictionSentence");
    QVERIFY2(sentence.contains(formatPercent(expected->pAlive)
                 + QStringLiteral(" chance still "
                                  "active")),
        qPrintable(sentence));
    QVERIFY(sentence.contains(QStringLiteral("predicted value next 12 months")));
    if (expected->nextOrderExpected)
        QVERIFY(sentence.startsWith(QStringLiteral("Likely to order again around ")));
    QVERIFY(labelText(*profile, "churnRisk").contains(churnRiskDisplayName(expected->churnRisk)));
    QVERIFY(labelText(*profile, "predictionBasis").contains(QStringLiteral("model fitted on")));
    if (expected->replenishmentDue && !expected->replenishmentItem.empty())
        QVERIFY(labelText(*profile, "replenishment").startsWith(QStringLiteral("Probably due")));
    QVERIFY(test::saveScreenshot(*window, QStringLiteral("profile-predictions.png")));

    // A shopper without orders has nothing to predict.
    customers->openProfile(visitor);
    QTRY_VERIFY_WITH_TIMEOUT(
        !profile->isLoading() && profile->record() && profile->record()->id == visitor, 20000);
    QVERIFY(!profile->prediction());
    QCOMPARE(labelText(*profile, "predictionSentence"),
        QStringLiteral("No predictions: no completed order yet."));
}


void TestPredictions::germanTextsFit()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("clientele_de"), QStringLiteral(CLIENTELE_QM_DIR)));
    QCoreApplication::installTranslator(&translator);
    {
        auto window = test::openArea(*settings_, path_, QStringLiteral("Vorhersagen"));
        QVERIFY(window);
        window->resize(1024, 700);
        PredictionsPage *page = window->predictionsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->model().has_value() && !page->isLoading(), 120000);
        auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("predictionsScroll"));
        QVERIFY(scroll);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY(labelText(*page, "churnCuts").contains(QStringLiteral("Abwanderung"), Qt::CaseInsensitive)
            || !labelText(*page, "churnCuts").contains(QStringLiteral("chance"), Qt::CaseInsensitive));
        QVERIFY(test::saveScreenshot(*window, QStringLiteral("predictions-de-1024x700.png")));
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QVERIFY(test::saveScreenshot(*window, QStringLiteral("predictions-de-1024x700-end.png")));
    }
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestPredictions)
#include "test_predictions.moc"
