#include "ChannelNames.h"

#include <QCoreApplication>

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

} // namespace clientele
