#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

/** `clientele predict …` on a demo workspace and on hand-made order files, as a script runs it. */
class TestCliPredict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fitPrintsTheModels();
    void validateComparesWithTheHoldout();
    void showOneShopper();
    void predictionsAreExportColumns();
    void importRefitsWhenOrdersChange();
    void tooLittleDataSaysWhy();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        return clientele::test::runProgram(QStringLiteral(CLIENTELE_BINARY), arguments, out, err);
    }
    QStringList predict(const QString &action, const QStringList &rest) const
    {
        return QStringList { QStringLiteral("predict"), action, QStringLiteral("--workspace"), workspace_ }
        + rest;
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QTemporaryDir dir_;
    QString workspace_;
};

void TestCliPredict::initTestCase()
{
    workspace_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QCOMPARE(run({ QStringLiteral("demo"), QStringLiteral("--out"), workspace_,
                 QStringLiteral("--shoppers"), QStringLiteral("3000"), QStringLiteral("--end"),
                 QStringLiteral("2026-11-25") }),
        0);
}

void TestCliPredict::fitPrintsTheModels()
{
    QByteArray out, err;
    QCOMPARE(run(predict(QStringLiteral("fit"), { QStringLiteral("--time-unit"), QStringLiteral("day"),
                     QStringLiteral("--json") }),
                 &out, &err),
        0);
    const QJsonObject fit = QJsonDocument::fromJson(out).object();
    QVERIFY2(!fit.isEmpty(), out.constData());
    QVERIFY(fit.value(QStringLiteral("customers")).toInt() > 500);
    QVERIFY(fit.value(QStringLiteral("repeat_customers")).toInt() >= 50);
    QCOMPARE(fit.value(QStringLiteral("time_unit")).toString(), QStringLiteral("day"));
    for (const char *model : { "bg_nbd", "pareto_nbd", "gamma_gamma" })
        QVERIFY2(fit.value(QLatin1String(model)).isObject(), model);
    const QJsonObject bg = fit.value(QStringLiteral("bg_nbd")).toObject();
    for (const char *key : { "r", "alpha", "a", "b" })
        QVERIFY2(bg.value(QLatin1String(key)).toDouble() > 0, key);
    QVERIFY(bg.value(QStringLiteral("log_likelihood")).toDouble() < 0);
    QVERIFY(fit.value(QStringLiteral("pareto_nbd")).toObject().contains(QStringLiteral("beta")));
    QVERIFY(fit.value(QStringLiteral("gamma_gamma")).toObject().value(QStringLiteral("gamma")).toDouble() > 0);

    // In weeks, alpha is a seventh of the same fit in days (the same data, rescaled).
    QCOMPARE(run(predict(QStringLiteral("fit"), { QStringLiteral("--json") }), &out), 0);
    const QJsonObject weeks = QJsonDocument::fromJson(out).object();
    const double alphaDays = bg.value(QStringLiteral("alpha")).toDouble();
    const double alphaWeeks = weeks.value(QStringLiteral("bg_nbd")).toObject().value(QStringLiteral("alpha")).toDouble();
    QVERIFY2(std::abs(alphaDays / alphaWeeks / 7.0 - 1.0) < 0.01,
        qPrintable(QStringLiteral("%1 %2").arg(alphaDays).arg(alphaWeeks)));

    // A yearly discount lowers every predicted value a little, never raises one.
    QCOMPARE(run(predict(QStringLiteral("show"), { QStringLiteral("email:lena.hoffmann@example.com"),
                     QStringLiteral("--json") }),
                 &out),
        0);
    const double undiscounted = QJsonDocument::fromJson(out).object().value(QStringLiteral("predicted_value_12m")).toDouble();
    QCOMPARE(run(predict(QStringLiteral("fit"), { QStringLiteral("--discount-rate"), QStringLiteral("0.2") }), &out), 0);
    QCOMPARE(run(predict(QStringLiteral("show"), { QStringLiteral("email:lena.hoffmann@example.com"),
                     QStringLiteral("--json") }),
                 &out),
        0);
    const double discounted = QJsonDocument::fromJson(out).object().value(QStringLiteral("predicted_value_12m")).toDouble();
    QVERIFY2(discounted < undiscounted && discounted > undiscounted * 0.8,
        qPrintable(QStringLiteral("%1 vs %2").arg(discounted).arg(undiscounted)));

    // The plain text names the three models.
    QCOMPARE(run(predict(QStringLiteral("fit"), {}), &out), 0);
    QVERIFY(out.contains("BG/NBD"));
    QVERIFY(out.contains("Pareto/NBD"));
    QVERIFY(out.contains("Gamma-Gamma"));
}

void TestCliPredict::validateComparesWithTheHoldout()
{
    QByteArray out, err;
    QCOMPARE(run(predict(QStringLiteral("validate"), { QStringLiteral("--calibration-end"),
                     QStringLiteral("2026-07-31"), QStringLiteral("--json") }),
                 &out, &err),
        0);
    const QJsonObject check = QJsonDocument::fromJson(out).object();
    QVERIFY2(!check.isEmpty(), err.constData());
    const QJsonArray groups = check.value(QStringLiteral("by_frequency")).toArray();
    QVERIFY(groups.size() >= 7);
    qint64 customers = 0;
    for (int x = 0; x < groups.size(); ++x) {
        const QJsonObject group = groups.at(x).toObject();
        QCOMPARE(group.value(QStringLiteral("x")).toInt(), x);
        customers += group.value(QStringLiteral("customers")).toInteger();
        QVERIFY(group.contains(QStringLiteral("expected")));
        QVERIFY(group.contains(QStringLiteral("actual")));
    }
    QCOMPARE(customers, check.value(QStringLiteral("customers")).toInteger());
    QVERIFY(check.value(QStringLiteral("predicted_total")).toDouble() > 0);
    QVERIFY(check.value(QStringLiteral("actual_total")).toDouble() > 0);
    QVERIFY(check.value(QStringLiteral("mae")).toDouble() > 0);
    QCOMPARE(check.value(QStringLiteral("calibration_end")).toString(), QStringLiteral("2026-07-31"));
}

void TestCliPredict::showOneShopper()
{
    QCOMPARE(run(predict(QStringLiteral("fit"), {})), 0);
    // The demo's brief shopper Lena has orders (see the demo's README section).
    QByteArray out, err;
    const int code = run(predict(QStringLiteral("show"), { QStringLiteral("email:lena.hoffmann@example.com"),
                             QStringLiteral("--json") }),
        &out, &err);
    QVERIFY2(code == 0, err.constData());
    const QJsonObject shopper = QJsonDocument::fromJson(out).object();
    for (const char *key : { "x", "t_x", "T", "expected_orders_30d", "expected_orders_90d",
             "expected_orders_365d", "p_alive", "churn_risk", "predicted_value_12m",
             "next_order_expected" })
        QVERIFY2(shopper.contains(QLatin1String(key)), key);
    const double pAlive = shopper.value(QStringLiteral("p_alive")).toDouble();
    QVERIFY(pAlive >= 0 && pAlive <= 1);
    QVERIFY(QStringList({ QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high") })
                .contains(shopper.value(QStringLiteral("churn_risk")).toString()));

    // Unknown shopper: a clear message, exit 1.
    QCOMPARE(run(predict(QStringLiteral("show"), { QStringLiteral("email:nobody@nowhere.example") }), &out, &err), 1);
    QVERIFY(!err.isEmpty());
}

void TestCliPredict::predictionsAreExportColumns()
{
    const QString csv = dir_.filePath(QStringLiteral("predicted.csv"));
    QByteArray out, err;
    const int code = run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                             QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("generic"),
                             QStringLiteral("--columns"),
                             QStringLiteral("email,predicted_value_12m,churn_risk,p_alive,next_order_expected"),
                             QStringLiteral("--out"), csv },
        &out, &err);
    QVERIFY2(code == 0, err.constData());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readLine();
    QVERIFY2(header.contains("Churn risk"), header.constData());
    int withRisk = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        withRisk += line.contains(",low,") || line.contains(",medium,") || line.contains(",high,") ? 1 : 0;
    }
    QVERIFY(withRisk > 0);
}

void TestCliPredict::importRefitsWhenOrdersChange()
{
    const QString orders = writeFile(QStringLiteral("late-orders.csv"),
        "Time,Email,Order,Value\n"
        "2026-11-24 10:00:00,lena.hoffmann@example.com,LATE-1,59.90\n");
    const QString mapping = writeFile(QStringLiteral("mapping.json"),
        R"({"version": 1, "columns": [
            {"column": "Time", "target": "timestamp"},
            {"column": "Email", "target": "identity", "detail": "email"},
            {"column": "Order", "target": "order_id"},
            {"column": "Value", "target": "value"}],
            "event_type": "order_completed", "timezone": "UTC"})");
    QByteArray out, err;
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), workspace_, orders,
                     QStringLiteral("--mapping"), mapping, QStringLiteral("--json") },
                 &out, &err),
        0);
    QVERIFY2(QJsonDocument::fromJson(out).object().value(QStringLiteral("predictions_refitted")).toBool(),
        out.constData());
    // The same file again adds nothing, so nothing is refitted.
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), workspace_, orders,
                     QStringLiteral("--mapping"), mapping, QStringLiteral("--json") },
                 &out, &err),
        0);
    QVERIFY(!QJsonDocument::fromJson(out).object().value(QStringLiteral("predictions_refitted")).toBool());
}

void TestCliPredict::tooLittleDataSaysWhy()
{
    const QString small = dir_.filePath(QStringLiteral("small.clientele"));
    const QString orders = writeFile(QStringLiteral("few.csv"),
        "Time,Email,Order,Value\n"
        "2026-01-05 10:00:00,a@example.com,A1,20\n"
        "2026-02-05 10:00:00,a@example.com,A2,25\n");
    const QString mapping = dir_.filePath(QStringLiteral("mapping.json"));
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), small, orders,
                     QStringLiteral("--mapping"), mapping }),
        0);
    QByteArray out, err;
    QCOMPARE(run({ QStringLiteral("predict"), QStringLiteral("fit"), QStringLiteral("--workspace"), small },
                 &out, &err),
        1);
    QVERIFY2(err.contains("at least 50"), err.constData());
    QCOMPARE(run({ QStringLiteral("predict"), QStringLiteral("show"), QStringLiteral("--workspace"), small,
                     QStringLiteral("email:a@example.com") },
                 &out, &err),
        1);
    QVERIFY2(err.contains("predict fit"), err.constData());
}

void TestCliPredict::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown action") << QStringList { QStringLiteral("predict"), QStringLiteral("guess") };
    QTest::newRow("time unit") << QStringList { QStringLiteral("predict"), QStringLiteral("fit"),
        QStringLiteral("--workspace"), QStringLiteral("x.clientele"), QStringLiteral("--time-unit"),
        QStringLiteral("month") };
    QTest::newRow("date") << QStringList { QStringLiteral("predict"), QStringLiteral("validate"),
        QStringLiteral("--workspace"), QStringLiteral("x.clientele"), QStringLiteral("--calibration-end"),
        QStringLiteral("30/09/1997") };
    QTest::newRow("no workspace") << QStringList { QStringLiteral("predict"), QStringLiteral("fit") };
    QTest::newRow("discount") << QStringList { QStringLiteral("predict"), QStringLiteral("fit"),
        QStringLiteral("--workspace"), QStringLiteral("x.clientele"), QStringLiteral("--discount-rate"),
        QStringLiteral("ten") };
}

void TestCliPredict::badArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QByteArray out, err;
    QCOMPARE(run(arguments, &out, &err), 2);
    QVERIFY(!err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliPredict)
#include "test_cli_predict.moc"
