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
    auto tr = [](const char *text) { return QCoreApplication::translate("RfmGroups", text); };
    if (key.empty())
        return {};
    if (key == "champions")
        return tr("Champions");
    if (key == "loyal_customers")
        return tr("Loyal Customers");
    if (key == "potential_loyalists")
        return tr("Potential Loyalists");
    if (key == "new_customers")
        return tr("New Customers");
    if (key == "promising")
        return tr("Promising");
    if (key == "need_attention")
        return tr("Need Attention");
    if (key == "about_to_sleep")
        return tr("About to Sleep");
    if (key == "at_risk")
        return tr("At Risk");
    if (key == "cant_lose_them")
        return tr("Can't Lose Them");
    if (key == "hibernating")
        return tr("Hibernating");
    return QString::fromStdString(key);
}

QString consentDisplayName(const std::string &status)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Consent", text); };
    if (status == "granted")
        return tr("Subscribed");
    if (status == "denied")
        return tr("Not subscribed");
    if (status == "unsubscribed")
        return tr("Unsubscribed");
    if (status.empty())
        return tr("Never asked");
    return QString::fromStdString(status);
}

QString loyaltyTierDisplayName(const std::string &tier)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Loyalty", text); };
    if (tier == "bronze")
        return tr("Bronze");
    if (tier == "silver")
        return tr("Silver");
    if (tier == "gold")
        return tr("Gold");
    if (tier == "platinum")
        return tr("Platinum");
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
    auto tr = [](const char *text) { return QCoreApplication::translate("StoreErrors", text); };
    switch (error.kind()) {
    case StoreError::Kind::NotAWorkspace:
        return tr("%1 is not a Clientele workspace. Choose a workspace file (*.clientele).")
            .arg(file);
    case StoreError::Kind::Corrupt:
        return tr("%1 is damaged and cannot be opened safely. Restore it from a backup.\n\n"
                  "Details: %2")
            .arg(file, detail);
    case StoreError::Kind::TooNew:
        return tr("%1 was written by a newer version of Clientele. Update Clientele to open it.")
            .arg(file);
    case StoreError::Kind::Busy:
        return tr("%1 is in use by another program. Try again in a moment.").arg(file);
    case StoreError::Kind::CannotOpen:
        return tr("%1 cannot be opened.\n\nDetails: %2").arg(file, detail);
    case StoreError::Kind::Interrupted:
    case StoreError::Kind::Sql:
        break;
    }
    return tr("Something went wrong with %1.\n\nDetails: %2").arg(file, detail);
}

} // namespace clientele
