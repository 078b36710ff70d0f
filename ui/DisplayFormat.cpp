#include "DisplayFormat.h"

#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QLocale>

namespace clientele {

QString channelDisplayName(const std::string &channel)
{
    if (channel == "web")
        return QCoreApplication::translate("Channels", "Web");
    if (channel == "app")
        return QCoreApplication::translate("Channels", "App");
    if (channel == "pos")
        return QCoreApplication::translate("Channels", "Store");
    if (channel == "email")
        return QCoreApplication::translate("Channels", "Email");
    if (channel == "support")
        return QCoreApplication::translate("Channels", "Support");
    if (channel == "loyalty")
        return QCoreApplication::translate("Channels", "Loyalty");
    return QString::fromStdString(channel);
}

QString currencySymbol(const QString &isoCode)
{
    // QLocale knows each country's currency; the first locale using the code gives its
    // symbol. Cached, as the search walks every locale.
    static QHash<QString, QString> cache;
    if (const auto it = cache.constFind(isoCode); it != cache.constEnd())
        return *it;
    QString symbol = isoCode;
    const auto locales
        = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale &locale : locales) {
        if (locale.currencySymbol(QLocale::CurrencyIsoCode) == isoCode) {
            symbol = locale.currencySymbol(QLocale::CurrencySymbol);
            break;
        }
    }
    cache.insert(isoCode, symbol);
    return symbol;
}

QString formatMoney(double amount, const std::string &isoCode, int decimals)
{
    return QLocale().toCurrencyString(
        amount, currencySymbol(QString::fromStdString(isoCode)), decimals);
}

QString rfmGroupDisplayName(const std::string &key)
{
    if (key.empty())
        return {};
    if (key == "champions")
        return QCoreApplication::translate("RfmGroups", "Champions");
    if (key == "loyal_customers")
        return QCoreApplication::translate("RfmGroups", "Loyal Customers");
    if (key == "potential_loyalists")
        return QCoreApplication::translate("RfmGroups", "Potential Loyalists");
    if (key == "new_customers")
        return QCoreApplication::translate("RfmGroups", "New Customers");
    if (key == "promising")
        return QCoreApplication::translate("RfmGroups", "Promising");
    if (key == "need_attention")
        return QCoreApplication::translate("RfmGroups", "Need Attention");
    if (key == "about_to_sleep")
        return QCoreApplication::translate("RfmGroups", "About to Sleep");
    if (key == "at_risk")
        return QCoreApplication::translate("RfmGroups", "At Risk");
    if (key == "cant_lose_them")
        return QCoreApplication::translate("RfmGroups", "Can't Lose Them");
    if (key == "hibernating")
        return QCoreApplication::translate("RfmGroups", "Hibernating");
    return QString::fromStdString(key);
}

QString consentDisplayName(const std::string &status)
{
    if (status == "granted")
        return QCoreApplication::translate("Consent", "Subscribed");
    if (status == "denied")
        return QCoreApplication::translate("Consent", "Not subscribed");
    if (status == "unsubscribed")
        return QCoreApplication::translate("Consent", "Unsubscribed");
    if (status.empty())
        return QCoreApplication::translate("Consent", "Never asked");
    return QString::fromStdString(status);
}

QString churnRiskDisplayName(const std::string &risk)
{
    if (risk == "low")
        return QCoreApplication::translate("ChurnRisk", "Low");
    if (risk == "medium")
        return QCoreApplication::translate("ChurnRisk", "Medium");
    if (risk == "high")
        return QCoreApplication::translate("ChurnRisk", "High");
    return QString::fromStdString(risk);
}

QString loyaltyTierDisplayName(const std::string &tier)
{
    if (tier == "bronze")
        return QCoreApplication::translate("Loyalty", "Bronze");
    if (tier == "silver")
        return QCoreApplication::translate("Loyalty", "Silver");
    if (tier == "gold")
        return QCoreApplication::translate("Loyalty", "Gold");
    if (tier == "platinum")
        return QCoreApplication::translate("Loyalty", "Platinum");
    return QString::fromStdString(tier);
}

QString formatLocalDate(const std::optional<std::int64_t> &millis)
{
    if (!millis)
        return noValue();
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(*millis).toLocalTime().date(), QLocale::ShortFormat);
}

QString formatLocalDateTime(std::int64_t millis)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(millis).toLocalTime(), QLocale::ShortFormat);
}

QString noValue()
{
    return QStringLiteral("—");
}

QString describeStoreError(const StoreError &error, const QString &path)
{
    const QString file = QDir::toNativeSeparators(path);
    const QString detail = QString::fromStdString(error.what());
    switch (error.kind()) {
    case StoreError::Kind::NotAWorkspace:
        return QCoreApplication::translate("StoreErrors",
            "%1 is not a Clientele workspace. Choose a workspace file (*.clientele).")
            .arg(file);
    case StoreError::Kind::Corrupt:
        return QCoreApplication::translate("StoreErrors",
            "%1 is damaged and cannot be opened safely. Restore it from a backup.\n\n"
            "Details: %2")
            .arg(file, detail);
    case StoreError::Kind::TooNew:
        return QCoreApplication::translate("StoreErrors",
            "%1 was written by a newer version of Clientele. Update Clientele to open it.")
            .arg(file);
    case StoreError::Kind::Busy:
        return QCoreApplication::translate("StoreErrors",
            "%1 is in use by another program, for example an import into it that is still "
            "running. Try again once it has finished.")
            .arg(file);
    case StoreError::Kind::CannotOpen:
        return QCoreApplication::translate("StoreErrors", "%1 cannot be opened.\n\nDetails: %2")
            .arg(file, detail);
    case StoreError::Kind::Interrupted:
    case StoreError::Kind::Sql:
        break;
    }
    return QCoreApplication::translate(
        "StoreErrors", "Something went wrong with %1.\n\nDetails: %2")
        .arg(file, detail);
}

} // namespace clientele
