#include "DisplayFormat.h"

#include <QCoreApplication>
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
    const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                  QLocale::AnyTerritory);
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
    return QLocale().toCurrencyString(amount, currencySymbol(QString::fromStdString(isoCode)),
                                      decimals);
}

} // namespace clientele
