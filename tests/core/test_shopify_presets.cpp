#include "TestFiles.h"

#include "ingest/ImportJob.h"
#include "ingest/ImportPreset.h"
#include "ingest/RowMapper.h"
#include "ingest/ShopifyPresets.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <string>
#include <vector>

using namespace clientele;

namespace {

using Cells = std::map<std::string, std::string>;

/// The columns of a real Shopify orders export, in its order.
const std::vector<std::string> kOrdersHeader { "Name", "Email", "Financial Status", "Paid at",
    "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency", "Subtotal", "Shipping",
    "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at",
    "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company",
    "Billing City", "Billing Zip", "Billing Province", "Billing Country", "Billing Phone",
    "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2",
    "Shipping Company", "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country",
    "Shipping Phone", "Notes", "Note Attributes", "Cancelled at", "Payment Method",
    "Payment Reference", "Refunded Amount", "Vendor", "Id", "Tags", "Risk Level", "Source",
    "Lineitem discount", "Tax 1 Name", "Tax 1 Value", "Phone", "Receipt Number", "Duties",
    "Billing Province Name", "Shipping Province Name", "Payment ID", "Payment Terms Name",
    "Next Payment Due At", "Payment References" };

const std::vector<std::string> kCustomersHeader { "Customer ID", "First Name", "Last Name", "Email",
    "Accepts Email Marketing", "Default Address Company", "Default Address Address1",
    "Default Address Address2", "Default Address City", "Default Address Province Code",
    "Default Address Country Code", "Default Address Zip", "Default Address Phone", "Phone",
    "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags" };

const std::vector<std::string> kOldCustomersHeader { "First Name", "Last Name", "Email", "Company",
    "Address1", "Address2", "City", "Province", "Province Code", "Country", "Country Code", "Zip",
    "Phone", "Accepts Marketing", "Total Spent", "Total Orders", "Tags", "Note", "Tax Exempt" };

/// One CSV line with the cells named, the other columns empty; quoted where RFC 4180 says.
std::string csvLine(const std::vector<std::string> &header, const Cells &cells)
{
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (i > 0)
            line += ',';
        const auto it = cells.find(header[i]);
        if (it == cells.end())
            continue;
        const std::string &value = it->second;
        if (value.find_first_of(",\"\r\n") == std::string::npos) {
            line += value;
            continue;
        }
        line += '"';
        for (char c : value)
            line += c == '"' ? std::string("\"\"") : std::string(1, c);
        line += '"';
    }
    return line + "\n";
}

std::string csvHeader(const std::vector<std::string> &header)
{
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i)
        line += (i ? "," : "") + header[i];
    return line + "\n";
}

/// Four orders, eight rows, ten lines (the first row's note has a line break):
/// #1001 Alice, two lines, line 2 repeats Email and Created at as real exports do;
/// #1002 Bob in the UK, cancelled and refunded in full;
/// #1003 a shopper with a phone and no email, three lines, later rows carry only the line
///       item, partly refunded;
/// #1004 a first row whose date cannot be read.
std::string ordersCsv()
{
    const auto &h = kOrdersHeader;
    std::string csv = csvHeader(h);
    csv += csvLine(h,
        { { "Name", "#1001" }, { "Email", "Alice.Example@Example.COM" },
            { "Financial Status", "paid" }, { "Paid at", "2025-10-07 09:51:02 +0200" },
            { "Fulfillment Status", "fulfilled" }, { "Accepts Marketing", "yes" },
            { "Currency", "EUR" }, { "Subtotal", "89.80" }, { "Shipping", "4.90" },
            { "Taxes", "15.12" }, { "Total", "94.70" }, { "Discount Code", "" },
            { "Discount Amount", "0.00" }, { "Shipping Method", "DHL Paket" },
            { "Created at", "2025-10-07 09:50:26 +0200" }, { "Lineitem quantity", "2" },
            { "Lineitem name", "T-Shirt, blue / M" }, { "Lineitem price", "29.90" },
            { "Lineitem sku", "TS-BLU-M" }, { "Lineitem requires shipping", "true" },
            { "Lineitem taxable", "true" }, { "Lineitem fulfillment status", "fulfilled" },
            { "Billing Name", "Alice Müller-Lüdenscheidt" }, { "Billing Street", "Hauptstraße 1" },
            { "Billing Address1", "Hauptstraße 1" }, { "Billing Company", "Acme, Inc." },
            { "Billing City", "Berlin" }, { "Billing Zip", "'10115" }, { "Billing Province", "BE" },
            { "Billing Country", "DE" }, { "Billing Phone", "'0151 12345678" },
            { "Shipping Name", "Alice Müller-Lüdenscheidt" }, { "Shipping City", "Berlin" },
            { "Shipping Country", "DE" }, { "Notes", "Please ring twice,\nthe bell is broken" },
            { "Payment Method", "Shopify Payments" }, { "Refunded Amount", "0.00" },
            { "Vendor", "Clientele Demo" }, { "Id", "'5551234567001" },
            { "Tags", "first order, newsletter" }, { "Risk Level", "Low" }, { "Source", "web" },
            { "Lineitem discount", "0.00" }, { "Tax 1 Name", "DE MwSt 19%" },
            { "Tax 1 Value", "15.12" } });
    csv += csvLine(h,
        { { "Name", "#1001" }, { "Email", "Alice.Example@Example.COM" },
            { "Created at", "2025-10-07 09:50:26 +0200" }, { "Lineitem quantity", "1" },
            { "Lineitem name", "Mug \"Morning\", 300 ml" }, { "Lineitem price", "30.00" },
            { "Lineitem sku", "MUG-01" }, { "Lineitem requires shipping", "true" },
            { "Lineitem taxable", "true" }, { "Lineitem fulfillment status", "fulfilled" },
            { "Vendor", "Clientele Demo" }, { "Lineitem discount", "0.00" } });
    csv += csvLine(h,
        { { "Name", "#1002" }, { "Email", "bob@example.org" }, { "Financial Status", "refunded" },
            { "Accepts Marketing", "no" }, { "Currency", "EUR" }, { "Subtotal", "19.99" },
            { "Shipping", "0.00" }, { "Taxes", "3.19" }, { "Total", "19.99" },
            { "Created at", "2025-10-08 14:00:00 +0200" }, { "Lineitem quantity", "1" },
            { "Lineitem name", "Gift card" }, { "Lineitem price", "19.99" },
            { "Lineitem sku", "GIFT-20" }, { "Billing Name", "Bob" }, { "Billing City", "London" },
            { "Billing Country", "GB" }, { "Phone", "'07911 123456" },
            { "Cancelled at", "2025-10-09 10:00:00 +0200" }, { "Refunded Amount", "19.99" },
            { "Id", "'5551234567002" }, { "Source", "web" } });
    csv += csvLine(h,
        { { "Name", "#1003" }, { "Financial Status", "partially_refunded" },
            { "Accepts Marketing", "no" }, { "Currency", "EUR" }, { "Total", "150.00" },
            { "Discount Code", "AUTUMN10" }, { "Discount Amount", "10.00" },
            { "Created at", "2025-10-10 08:00:00 +0200" }, { "Lineitem quantity", "1" },
            { "Lineitem name", "Rain jacket" }, { "Lineitem price", "100.00" },
            { "Lineitem sku", "RJ-01" }, { "Billing Name", "Ana María López" },
            { "Billing City", "München" }, { "Billing Country", "DE" },
            { "Phone", "'0170 9876543" }, { "Refunded Amount", "25.00" },
            { "Id", "'5551234567003" } });
    csv += csvLine(h,
        { { "Name", "#1003" }, { "Lineitem quantity", "2" }, { "Lineitem name", "Socks" },
            { "Lineitem price", "15.00" }, { "Lineitem sku", "SO-02" } });
    csv += csvLine(h,
        { { "Name", "#1003" }, { "Lineitem quantity", "1" }, { "Lineitem name", "Beanie" },
            { "Lineitem price", "30.00" }, { "Lineitem sku", "BE-03" } });
    csv += csvLine(h,
        { { "Name", "#1004" }, { "Email", "dora@example.de" }, { "Currency", "EUR" },
            { "Total", "12.00" }, { "Created at", "someday" }, { "Lineitem quantity", "1" },
            { "Lineitem name", "Pen" }, { "Lineitem price", "6.00" }, { "Lineitem sku", "PEN" } });
    csv += csvLine(h,
        { { "Name", "#1004" }, { "Lineitem quantity", "1" }, { "Lineitem name", "Ink" },
            { "Lineitem price", "6.00" }, { "Lineitem sku", "INK" } });
    return csv;
}

/// Alice (no to email, yes to sms), Bob (yes / no) and Carla (a phone, no email).
std::string customersCsv()
{
    const auto &h = kCustomersHeader;
    std::string csv = csvHeader(h);
    csv += csvLine(h,
        { { "Customer ID", "'7001001" }, { "First Name", "Alice" },
            { "Last Name", "Müller-Lüdenscheidt" }, { "Email", "alice.example@example.com" },
            { "Accepts Email Marketing", "no" }, { "Default Address Company", "Acme, Inc." },
            { "Default Address Address1", "Hauptstraße 1" }, { "Default Address City", "Berlin" },
            { "Default Address Province Code", "BE" }, { "Default Address Country Code", "DE" },
            { "Default Address Zip", "'10115" }, { "Default Address Phone", "'+49 151 12345678" },
            { "Accepts SMS Marketing", "yes" }, { "Total Spent", "94.70" }, { "Total Orders", "1" },
            { "Note", "VIP,\n\"prefers\" email" }, { "Tax Exempt", "no" },
            { "Tags", "vip, newsletter" } });
    csv += csvLine(h,
        { { "Customer ID", "'7001002" }, { "First Name", "Bob" }, { "Last Name", "Smith" },
            { "Email", "BOB@example.org" }, { "Accepts Email Marketing", "yes" },
            { "Default Address City", "London" }, { "Default Address Country Code", "GB" },
            { "Phone", "'+447911123456" }, { "Accepts SMS Marketing", "no" },
            { "Total Spent", "19.99" }, { "Total Orders", "1" }, { "Tax Exempt", "no" } });
    csv += csvLine(h,
        { { "Customer ID", "'7001003" }, { "First Name", "Carla" }, { "Last Name", "Rossi" },
            { "Accepts Email Marketing", "no" }, { "Default Address City", "Milano" },
            { "Default Address Country Code", "IT" }, { "Phone", "'347 123 4567" },
            { "Accepts SMS Marketing", "yes" }, { "Total Spent", "0.00" }, { "Total Orders", "0" },
            { "Tax Exempt", "no" } });
    return csv;
}

std::string oldCustomersCsv()
{
    const auto &h = kOldCustomersHeader;
    return csvHeader(h)
        + csvLine(h,
            { { "First Name", "Dora" }, { "Last Name", "Weiss" }, { "Email", "Dora@Example.de" },
                { "Company", "Weiss & Co, KG" }, { "City", "Hamburg" }, { "Province", "Hamburg" },
                { "Province Code", "HH" }, { "Country", "Germany" }, { "Country Code", "DE" },
                { "Zip", "'20095" }, { "Phone", "'040 1234567" }, { "Accepts Marketing", "yes" },
                { "Total Spent", "0.00" }, { "Total Orders", "0" }, { "Tax Exempt", "no" } });
}

/// "granted@1759823426000/shopify", as TestShopifyPresets::consent() reports a consent.
std::string stated(std::string status, Millis ts, const char *source = "shopify")
{
    status += '@';
    status += std::to_string(ts);
    status += '/';
    status += source;
    return status;
}

constexpr Millis kAliceOrderTs = 1759823426000; // 2025-10-07 09:50:26 +0200
constexpr Millis kBobOrderTs = 1759924800000; // 2025-10-08 14:00:00 +0200
constexpr Millis kBobCancelTs = 1759996800000; // 2025-10-09 10:00:00 +0200
constexpr Millis kPhoneOrderTs = 1760076000000; // 2025-10-10 08:00:00 +0200
constexpr Millis kOctober1 = 1759276800000; // 2025-10-01 00:00 UTC
constexpr Millis kOctober20 = kOctober1 + 19 * kMillisPerDay;

} // namespace

/** The Shopify orders and customers exports through their presets, end to end. */
class TestShopifyPresets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void detectsFormatsFromHeader();
    void splitsNamesAndReadsMarkersAndConsents_data();
    void splitsNamesAndReadsMarkersAndConsents();
    void ordersCountsAddUp();
    void ordersAreOneEventWithTheirTotal();
    void cancellationsAndRefundsAreEvents();
    void orderIdentitiesAreNormalised();
    void orderProfileAttributesAndConsents();
    void orderWithUnreadableFirstLineIsRejectedWhole();
    void ordersReimportIsAllDuplicates();
    void laterExportAddsRefundsAndCancellations();
    void customersBecomeIdentifyEvents();
    void olderCustomersExport();
    void customersReimportIsAllDuplicates();
    void laterOrderConsentWins();
    void earlierOrderConsentLoses();
    void genericMappingConsentColumn();

private:
    std::string write(const QString &name, const std::string &content);
    ImportSummary import(
        const std::string &path, const std::string &preset, Millis snapshotTime = kOctober1);
    std::string consent(const std::string &email, const std::string &channel);
    std::int64_t profileOf(const std::string &kind, const std::string &value);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    std::string orders_;
    std::string customers_;
};

void TestShopifyPresets::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
    orders_ = write(QStringLiteral("orders_export_1.csv"), ordersCsv());
    customers_ = write(QStringLiteral("customers_export.csv"), customersCsv());
}

std::string TestShopifyPresets::write(const QString &name, const std::string &content)
{
    const QString path = dir_->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content.data(), static_cast<qint64>(content.size()));
    return test::toStd(path);
}

ImportSummary TestShopifyPresets::import(
    const std::string &path, const std::string &preset, Millis snapshotTime)
{
    ImportRequest request;
    request.inputPath = path;
    request.preset = preset;
    request.snapshotTime = snapshotTime;
    return ImportJob::run(*workspace_, request);
}

/// "granted@1759823426000/shopify" for the shopper with this email, "" when none.
std::string TestShopifyPresets::consent(const std::string &email, const std::string &channel)
{
    auto query = workspace_->db().prepare(
        "SELECT c.status, c.ts, c.source FROM consents c JOIN identities i "
        "ON i.profile_id = c.profile_id WHERE i.kind = 'email' AND i.value = ?1 "
        "AND c.channel = ?2");
    query.bind(1, email).bind(2, channel);
    if (!query.step())
        return {};
    return query.columnText(0) + "@" + std::to_string(query.columnInt(1)) + "/"
        + query.columnText(2);
}

std::int64_t TestShopifyPresets::profileOf(const std::string &kind, const std::string &value)
{
    auto query = workspace_->db().prepare(
        "SELECT profile_id FROM identities WHERE kind = ?1 AND value = ?2");
    query.bind(1, kind).bind(2, value);
    return query.step() ? query.columnInt(0) : 0;
}

void TestShopifyPresets::detectsFormatsFromHeader()
{
    const auto detected = [](const std::vector<std::string> &header) {
        const ImportPreset *preset = ImportPreset::detect(header);
        return preset ? preset->name() : std::string("generic");
    };
    QCOMPARE(detected(kOrdersHeader), std::string("shopify-orders"));
    QCOMPARE(detected(kCustomersHeader), std::string("shopify-customers"));
    QCOMPARE(detected(kOldCustomersHeader), std::string("shopify-customers"));
    // Another order of columns, a few of them only, and columns of the shop's own.
    QCOMPARE(detected({ "Created at", "Lineitem name", "Gift wrap", "Email", "Lineitem quantity",
                 "Name", "Total" }),
        std::string("shopify-orders"));
    QCOMPARE(detected({ "Name", "Email", "Created at", "Total" }), std::string("generic"));
    QCOMPARE(detected({ "Time", "Event", "Email", "Phone", "Device", "Channel", "SKU", "Price",
                 "Qty", "Order", "Coupon" }),
        std::string("generic"));
    QCOMPARE(detected({ "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                 "UnitPrice", "CustomerID", "Country" }),
        std::string("online-retail"));
    QVERIFY(ImportPreset::find("shopify-orders"));
    QVERIFY(ImportPreset::find("shopify-customers"));

    // "auto" picks them up from the file.
    QCOMPARE(import(orders_, "auto").preset, std::string("shopify-orders"));
    QCOMPARE(import(customers_, "auto").preset, std::string("shopify-customers"));
}

void TestShopifyPresets::splitsNamesAndReadsMarkersAndConsents_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two-words") << "name"
                               << "Alice Müller"
                               << "Alice|Müller";
    QTest::newRow("three-words") << "name"
                                 << "Ana María López"
                                 << "Ana María|López";
    QTest::newRow("one-word") << "name"
                              << "Cher"
                              << "Cher|";
    QTest::newRow("spaces") << "name"
                            << "  Bob   Smith "
                            << "Bob|Smith";
    QTest::newRow("marker-phone") << "marker"
                                  << "'0151 12345678"
                                  << "0151 12345678";
    QTest::newRow("marker-plus") << "marker"
                                 << "'+49 (0)151-123"
                                 << "+49 (0)151-123";
    QTest::newRow("marker-zip") << "marker"
                                << "'01067"
                                << "01067";
    QTest::newRow("marker-word") << "marker"
                                 << "'Tis"
                                 << "'Tis";
    QTest::newRow("marker-alone") << "marker"
                                  << "'"
                                  << "'";
    QTest::newRow("marker-inside") << "marker"
                                   << "O'Neill"
                                   << "O'Neill";
    QTest::newRow("consent-yes") << "consent"
                                 << "Yes"
                                 << "granted";
    QTest::newRow("consent-true") << "consent"
                                  << "TRUE"
                                  << "granted";
    QTest::newRow("consent-1") << "consent"
                               << "1"
                               << "granted";
    QTest::newRow("consent-no") << "consent"
                                << "no"
                                << "denied";
    QTest::newRow("consent-0") << "consent"
                               << "0"
                               << "denied";
    QTest::newRow("consent-unsubscribed") << "consent"
                                          << "unsubscribed"
                                          << "unsubscribed";
    QTest::newRow("consent-unknown") << "consent"
                                     << "maybe"
                                     << "";
}

void TestShopifyPresets::splitsNamesAndReadsMarkersAndConsents()
{
    QFETCH(QString, function);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::string in = input.toStdString();
    std::string out;
    if (function == QLatin1String("name")) {
        const auto [first, last] = splitFullName(in);
        out = first + "|" + last;
    } else if (function == QLatin1String("marker")) {
        out = withoutTextMarker(in);
    } else {
        out = consentStatusFromText(in).value_or("");
    }
    QCOMPARE(QString::fromStdString(out), expected);
}

void TestShopifyPresets::ordersCountsAddUp()
{
    const ImportSummary summary = import(orders_, "shopify-orders");
    QCOMPARE(summary.preset, std::string("shopify-orders"));
    QCOMPARE(summary.rowsRead, 8);
    QCOMPARE(summary.imported, 6);
    QCOMPARE(summary.duplicates, 0);
    QCOMPARE(summary.rejected, 2);
    QCOMPARE(summary.imported + summary.duplicates + summary.rejected, summary.rowsRead);
    QCOMPARE(summary.identifiersRejected, 0);
    QCOMPARE(summary.profilesCreated, 3);
}

void TestShopifyPresets::ordersAreOneEventWithTheirTotal()
{
    import(orders_, "shopify-orders");
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE type = 'order_completed'"), 3);

    auto order = db.prepare("SELECT ts, channel, value, currency, quantity, props, product_id "
                            "FROM events WHERE type = 'order_completed' AND order_id = '#1001'");
    QVERIFY(order.step());
    QCOMPARE(order.columnInt(0), kAliceOrderTs);
    QCOMPARE(order.columnText(1), std::string("web"));
    // Total (with shipping), not 2 × 29.90 + 30.00.
    QCOMPARE(order.columnDouble(2), 94.70);
    QCOMPARE(order.columnText(3), std::string("EUR"));
    QCOMPARE(order.columnInt(4), 3);
    QVERIFY(order.isNull(6));
    const auto props = nlohmann::json::parse(order.columnText(5));
    const nlohmann::json expectedProducts = nlohmann::json::parse(R"([
        {"sku": "TS-BLU-M", "name": "T-Shirt, blue / M", "price": 29.9, "quantity": 2.0},
        {"sku": "MUG-01", "name": "Mug \"Morning\", 300 ml", "price": 30.0, "quantity": 1.0}
    ])");
    QVERIFY2(props["products"] == expectedProducts, props.dump().c_str());
    QCOMPARE(props.value("shopify_order_id", ""), std::string("5551234567001"));
    QCOMPARE(props.value("financial_status", ""), std::string("paid"));
    QCOMPARE(props.value("tags", ""), std::string("first order, newsletter"));
    QVERIFY(!props.contains("notes"));

    // Later rows with only their line item join the first row's order, its total and
    // its shopper.
    auto phoneOrder = db.prepare(
        "SELECT ts, value, quantity, json_array_length(props, '$.products'), profile_id, "
        "json_extract(props, '$.discount_code') FROM events "
        "WHERE type = 'order_completed' AND order_id = '#1003'");
    QVERIFY(phoneOrder.step());
    QCOMPARE(phoneOrder.columnInt(0), kPhoneOrderTs);
    QCOMPARE(phoneOrder.columnDouble(1), 150.0);
    QCOMPARE(phoneOrder.columnInt(2), 4);
    QCOMPARE(phoneOrder.columnInt(3), 3);
    QCOMPARE(phoneOrder.columnInt(4), profileOf("phone", "+491709876543"));
    QCOMPARE(phoneOrder.columnText(5), std::string("AUTUMN10"));
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE order_id = '#1004'"), 0);
}

void TestShopifyPresets::cancellationsAndRefundsAreEvents()
{
    import(orders_, "shopify-orders");
    auto &db = workspace_->db();
    auto events = db.prepare("SELECT order_id, type, ts, value, currency, profile_id FROM events "
                             "WHERE type IN ('order_cancelled', 'order_refunded') "
                             "ORDER BY order_id, type");
    QVERIFY(events.step());
    QCOMPARE(events.columnText(0), std::string("#1002"));
    QCOMPARE(events.columnText(1), std::string("order_cancelled"));
    QCOMPARE(events.columnInt(2), kBobCancelTs);
    QVERIFY(events.isNull(3));
    QCOMPARE(events.columnInt(5), profileOf("email", "bob@example.org"));
    QVERIFY(events.step());
    QCOMPARE(events.columnText(1), std::string("order_refunded"));
    QCOMPARE(events.columnInt(2), kBobCancelTs);
    QCOMPARE(events.columnDouble(3), 19.99);
    QCOMPARE(events.columnText(4), std::string("EUR"));
    QVERIFY(events.step());
    QCOMPARE(events.columnText(0), std::string("#1003"));
    QCOMPARE(events.columnText(1), std::string("order_refunded"));
    // Not cancelled: the export does not say when the money went back; the order's time.
    QCOMPARE(events.columnInt(2), kPhoneOrderTs);
    QCOMPARE(events.columnDouble(3), 25.0);
    QVERIFY(!events.step());
    // The cancelled order stays a completed order: the cancellation is its own event.
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE order_id = '#1002'"), 3);
}

void TestShopifyPresets::orderIdentitiesAreNormalised()
{
    import(orders_, "shopify-orders");
    auto &db = workspace_->db();
    const std::int64_t alice = profileOf("email", "alice.example@example.com");
    QVERIFY(alice != 0);
    // Phone empty: Billing Phone, apostrophe dropped, read in Germany (Billing Country).
    QCOMPARE(profileOf("phone", "+4915112345678"), alice);
    // Bob's national number is British: read in his Billing Country, not the default DE.
    const std::int64_t bob = profileOf("email", "bob@example.org");
    QCOMPARE(profileOf("phone", "+447911123456"), bob);
    QVERIFY(profileOf("phone", "+491709876543") != 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities"), 5);
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE value LIKE '%''%'"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE kind = 'email' AND value <> "
                         "lower(value)"),
        0);
}

void TestShopifyPresets::orderProfileAttributesAndConsents()
{
    import(orders_, "shopify-orders");
    auto &db = workspace_->db();
    auto profile = db.prepare(
        "SELECT first_name, last_name, city, country, is_known FROM profiles WHERE id = ?1");
    profile.bind(1, profileOf("email", "alice.example@example.com"));
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Alice"));
    QCOMPARE(profile.columnText(1), std::string("Müller-Lüdenscheidt"));
    QCOMPARE(profile.columnText(2), std::string("Berlin"));
    QCOMPARE(profile.columnText(3), std::string("DE"));
    profile.reset();
    profile.bind(1, profileOf("email", "bob@example.org"));
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Bob"));
    QVERIFY(profile.isNull(1));
    QCOMPARE(profile.columnText(3), std::string("GB"));
    profile.reset();
    profile.bind(1, profileOf("phone", "+491709876543"));
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Ana María"));
    QCOMPARE(profile.columnText(1), std::string("López"));
    QCOMPARE(profile.columnText(2), std::string("München"));

    QCOMPARE(consent("alice.example@example.com", "email"), stated("granted", kAliceOrderTs));
    QCOMPARE(consent("bob@example.org", "email"), stated("denied", kBobOrderTs));
    QCOMPARE(consent("alice.example@example.com", "sms"), std::string());
    // The order with a phone only states its email consent as well (Accepts Marketing no).
    QCOMPARE(db.queryInt("SELECT count(*) FROM consents"), 3);
}

void TestShopifyPresets::orderWithUnreadableFirstLineIsRejectedWhole()
{
    const ImportSummary summary = import(orders_, "shopify-orders");
    auto rejects = workspace_->db().prepare(
        "SELECT line, reason, raw FROM import_rejects WHERE import_id = ?1 ORDER BY line");
    rejects.bind(1, summary.importId);
    // Line 1 is the header, #1001's first row spans lines 2–3 (its note has a line break).
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 9);
    QVERIFY2(
        rejects.columnText(1).rfind("line 9: 'Created at'", 0) == 0, rejects.columnText(1).c_str());
    QVERIFY(rejects.columnText(2).find("someday") != std::string::npos);
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 10);
    QVERIFY2(rejects.columnText(1).find("order #1004 is rejected with its first line (line 9)")
            != std::string::npos,
        rejects.columnText(1).c_str());
    QVERIFY(rejects.columnText(2).find("Ink") != std::string::npos);
    QVERIFY(!rejects.step());
    QCOMPARE(profileOf("email", "dora@example.de"), 0);
}

void TestShopifyPresets::ordersReimportIsAllDuplicates()
{
    const ImportSummary first = import(orders_, "shopify-orders");
    auto &db = workspace_->db();
    const auto events = db.queryInt("SELECT count(*) FROM events");
    QCOMPARE(events, 6);
    const ImportSummary again = import(orders_, "auto");
    QCOMPARE(again.rowsRead, first.rowsRead);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, first.imported);
    QCOMPARE(again.rejected, first.rejected);
    QCOMPARE(again.profilesCreated, 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), events);
    auto written = db.prepare("SELECT count(*) FROM events WHERE import_id = ?1");
    written.bind(1, again.importId);
    QVERIFY(written.step());
    QCOMPARE(written.columnInt(0), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM consents"), 3);
}

void TestShopifyPresets::laterExportAddsRefundsAndCancellations()
{
    // The first export, before Alice's order was partly refunded and then cancelled.
    import(orders_, "shopify-orders");
    std::string later = ordersCsv();
    const auto replaceOnce = [&later](const std::string &from, const std::string &to) {
        const auto at = later.find(from);
        QVERIFY(at != std::string::npos);
        later.replace(at, from.size(), to);
    };
    // Alice's first row: not refunded → 10.00 refunded and cancelled on 2025-10-12.
    replaceOnce(",0.00,Clientele Demo,'5551234567001", ",10.00,Clientele Demo,'5551234567001");
    replaceOnce("the bell is broken\",,,Shopify Payments",
        "the bell is broken\",,2025-10-12 12:00:00 +0200,Shopify Payments");
    const ImportSummary summary
        = import(write(QStringLiteral("orders_export_2.csv"), later), "shopify-orders");
    QCOMPARE(summary.imported, 0);
    QCOMPARE(summary.duplicates, 6);
    auto &db = workspace_->db();
    auto events = db.prepare("SELECT type, ts, value FROM events WHERE order_id = '#1001' "
                             "AND type <> 'order_completed' ORDER BY type");
    QVERIFY(events.step());
    QCOMPARE(events.columnText(0), std::string("order_cancelled"));
    const Millis cancelled = 1760263200000; // 2025-10-12 12:00:00 +0200
    QCOMPARE(events.columnInt(1), cancelled);
    QVERIFY(events.step());
    QCOMPARE(events.columnText(0), std::string("order_refunded"));
    QCOMPARE(events.columnInt(1), cancelled);
    QCOMPARE(events.columnDouble(2), 10.0);
    QVERIFY(!events.step());
}

void TestShopifyPresets::customersBecomeIdentifyEvents()
{
    const ImportSummary summary = import(customers_, "shopify-customers", kOctober1);
    QCOMPARE(summary.rowsRead, 3);
    QCOMPARE(summary.imported, 3);
    QCOMPARE(summary.rejected, 0);
    QCOMPARE(summary.profilesCreated, 3);
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE type = 'identify' AND channel = 'web' "
                         "AND ts = 1759276800000 AND value IS NULL"),
        3);

    const std::int64_t alice = profileOf("customer_id", "7001001");
    QVERIFY(alice != 0);
    QCOMPARE(profileOf("email", "alice.example@example.com"), alice);
    // Phone empty: the default address's phone.
    QCOMPARE(profileOf("phone", "+4915112345678"), alice);
    QCOMPARE(profileOf("email", "bob@example.org"), profileOf("customer_id", "7001002"));
    QCOMPARE(profileOf("phone", "+447911123456"), profileOf("customer_id", "7001002"));
    // Carla: no email; her national number is read in Italy, her address's country.
    const std::int64_t carla = profileOf("customer_id", "7001003");
    QCOMPARE(profileOf("phone", "+393471234567"), carla);
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE kind = 'email'"), 2);

    auto profile
        = db.prepare("SELECT first_name, last_name, city, country FROM profiles WHERE id = ?1");
    profile.bind(1, carla);
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Carla"));
    QCOMPARE(profile.columnText(1), std::string("Rossi"));
    QCOMPARE(profile.columnText(2), std::string("Milano"));
    QCOMPARE(profile.columnText(3), std::string("IT"));

    QCOMPARE(consent("alice.example@example.com", "email"), stated("denied", kOctober1));
    QCOMPARE(consent("alice.example@example.com", "sms"), stated("granted", kOctober1));
    QCOMPARE(consent("bob@example.org", "email"), stated("granted", kOctober1));
    QCOMPARE(consent("bob@example.org", "sms"), stated("denied", kOctober1));
    QCOMPARE(db.queryInt("SELECT count(*) FROM consents"), 6);

    auto traits = db.prepare("SELECT json_extract(props, '$.total_spent'), "
                             "json_extract(props, '$.tags') FROM events WHERE profile_id = ?1");
    traits.bind(1, alice);
    QVERIFY(traits.step());
    QCOMPARE(traits.columnText(0), std::string("94.70"));
    QCOMPARE(traits.columnText(1), std::string("vip, newsletter"));
}

void TestShopifyPresets::olderCustomersExport()
{
    const std::string path = write(QStringLiteral("customers_old.csv"), oldCustomersCsv());
    const ImportSummary summary = import(path, "auto", kOctober1);
    QCOMPARE(summary.preset, std::string("shopify-customers"));
    QCOMPARE(summary.imported, 1);
    const std::int64_t dora = profileOf("email", "dora@example.de");
    QVERIFY(dora != 0);
    QCOMPARE(profileOf("phone", "+49401234567"), dora);
    auto profile = workspace_->db().prepare(
        "SELECT first_name, last_name, city, country FROM profiles WHERE id = ?1");
    profile.bind(1, dora);
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Dora"));
    QCOMPARE(profile.columnText(2), std::string("Hamburg"));
    QCOMPARE(profile.columnText(3), std::string("DE"));
    QCOMPARE(consent("dora@example.de", "email"), stated("granted", kOctober1));
}

void TestShopifyPresets::customersReimportIsAllDuplicates()
{
    import(customers_, "shopify-customers", kOctober1);
    auto &db = workspace_->db();
    // The same file a month later: nothing new, and its consents are not restated.
    const ImportSummary again = import(customers_, "auto", kOctober20);
    QCOMPARE(again.rowsRead, 3);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 3);
    QCOMPARE(again.profilesCreated, 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), 3);
    QCOMPARE(db.queryInt("SELECT count(*) FROM consents WHERE ts = 1759276800000"), 6);
}

void TestShopifyPresets::laterOrderConsentWins()
{
    // The customer list as of 1 October, then orders placed after it.
    import(customers_, "shopify-customers", kOctober1);
    import(orders_, "shopify-orders");
    QCOMPARE(consent("alice.example@example.com", "email"), stated("granted", kAliceOrderTs));
    QCOMPARE(consent("bob@example.org", "email"), stated("denied", kBobOrderTs));
    // The orders say nothing about sms: the customer list's answer stays.
    QCOMPARE(consent("bob@example.org", "sms"), stated("denied", kOctober1));
    // Both files' identifiers found the same people.
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM profiles"), 3 + 1);
}

void TestShopifyPresets::earlierOrderConsentLoses()
{
    // A customer list exported on 20 October, imported before older orders.
    import(customers_, "shopify-customers", kOctober20);
    import(orders_, "shopify-orders");
    QCOMPARE(consent("alice.example@example.com", "email"), stated("denied", kOctober20));
    QCOMPARE(consent("bob@example.org", "email"), stated("granted", kOctober20));
}

void TestShopifyPresets::genericMappingConsentColumn()
{
    const std::string path = write(QStringLiteral("signups.csv"),
        "Time,Email,SMS opt-in\n"
        "2025-10-01T10:00:00Z,lena@example.com,true\n"
        "2025-10-02T10:00:00Z,lena@example.com,unsubscribed\n"
        "2025-10-03T10:00:00Z,max@example.com,maybe\n");
    ImportRequest request;
    request.inputPath = path;
    request.mapping.columns
        = { { "Time", FieldTarget::Timestamp, {} }, { "Email", FieldTarget::Identity, "email" },
              { "SMS opt-in", FieldTarget::Consent, "sms" } };
    request.mapping.fixedEventType = "signed_up";
    const ImportSummary summary = ImportJob::run(*workspace_, request);
    QCOMPARE(summary.imported, 2);
    QCOMPARE(summary.rejected, 1);
    // Without a consent source, the file's name says where it came from.
    QCOMPARE(consent("lena@example.com", "sms"),
        stated("unsubscribed", kOctober1 + kMillisPerDay + 10 * kMillisPerHour, "signups.csv"));
    auto reason = workspace_->db().prepare("SELECT reason FROM import_rejects");
    QVERIFY(reason.step());
    QVERIFY2(
        reason.columnText(0).find("'SMS opt-in': 'maybe' is not a consent") != std::string::npos,
        reason.columnText(0).c_str());

    // A consent column needs its channel; the mapping keeps it through JSON.
    ImportMapping noChannel = request.mapping;
    noChannel.columns[2].detail = "fax";
    QCOMPARE(noChannel.problems({ "Time", "Email", "SMS opt-in" }).size(), std::size_t(1));
    ImportMapping snapshot = request.mapping;
    snapshot.columns.erase(snapshot.columns.begin());
    QCOMPARE(snapshot.problems({ "Email", "SMS opt-in" }).size(), std::size_t(1));
    snapshot.snapshot = true;
    snapshot.orderTotalOnFirstLine = true;
    snapshot.consentSource = "newsletter-tool";
    QVERIFY(snapshot.problems({ "Email", "SMS opt-in" }).empty());
    const ImportMapping back = ImportMapping::fromJson(snapshot.toJson());
    QVERIFY(back.toJson() == snapshot.toJson());
    QCOMPARE(back.columns[1].target, FieldTarget::Consent);
    QCOMPARE(back.columns[1].detail, std::string("sms"));
    QVERIFY(back.snapshot);
    QVERIFY(back.orderTotalOnFirstLine);
    QCOMPARE(back.consentSource, std::string("newsletter-tool"));
    QVERIFY(snapshot.toJson()["columns"][1]["target"] == "consent");
}

QTEST_GUILESS_MAIN(TestShopifyPresets)
#include "test_shopify_presets.moc"
