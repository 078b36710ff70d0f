#include "JourneyKinds.h"

#include "SegmentText.h"

#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <cmath>
#include <map>

namespace clientele {

using nlohmann::json;

namespace {

QString hoursText(double hours)
{
    if (hours == 24)
        return JourneyKinds::tr("1 day");
    if (hours > 24 && std::fmod(hours, 24.0) == 0.0)
        return JourneyKinds::tr("%1 days").arg(static_cast<int>(hours / 24));
    return JourneyKinds::tr("%1 h").arg(QLocale().toString(hours, 'g', 4));
}

double number(const json &config, const char *key)
{
    const json value = config.value(key, json());
    return value.is_number() ? value.get<double>() : 0.0;
}

/// A glyph per kind, drawn in white on the kind's colour.
QString glyph(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return QStringLiteral("▶");
    if (kind == JourneyKind::kWait)
        return QStringLiteral("◷");
    if (kind == JourneyKind::kWaitUntil)
        return QStringLiteral("⇥");
    if (kind == JourneyKind::kBranch)
        return QStringLiteral("◆");
    if (kind == JourneyKind::kSplit)
        return QStringLiteral("%");
    if (kind == JourneyKind::kSend)
        return QStringLiteral("✉");
    if (kind == JourneyKind::kUpdateProfile)
        return QStringLiteral("✎");
    return QStringLiteral("■");
}

} // namespace

const std::vector<std::string> &JourneyKinds::all()
{
    static const std::vector<std::string> kinds { JourneyKind::kEntry, JourneyKind::kWait,
        JourneyKind::kWaitUntil, JourneyKind::kBranch, JourneyKind::kSplit, JourneyKind::kSend,
        JourneyKind::kUpdateProfile, JourneyKind::kExit };
    return kinds;
}

QString JourneyKinds::label(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return tr("Entry");
    if (kind == JourneyKind::kWait)
        return tr("Wait");
    if (kind == JourneyKind::kWaitUntil)
        return tr("Wait until");
    if (kind == JourneyKind::kBranch)
        return tr("Branch");
    if (kind == JourneyKind::kSplit)
        return tr("Split");
    if (kind == JourneyKind::kSend)
        return tr("Send");
    if (kind == JourneyKind::kUpdateProfile)
        return tr("Update profile");
    if (kind == JourneyKind::kExit)
        return tr("Exit");
    return QString::fromStdString(kind);
}

QString JourneyKinds::description(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return tr("Where shoppers start: the event that lets them in");
    if (kind == JourneyKind::kWait)
        return tr("Waits a fixed time");
    if (kind == JourneyKind::kWaitUntil)
        return tr("Waits for an event, at most a number of hours");
    if (kind == JourneyKind::kBranch)
        return tr("Sends shoppers one way or the other by a segment");
    if (kind == JourneyKind::kSplit)
        return tr("Splits shoppers at random, with an optional holdout");
    if (kind == JourneyKind::kSend)
        return tr("Sends an e-mail, push, SMS, banner or ad audience");
    if (kind == JourneyKind::kUpdateProfile)
        return tr("Sets a tag on the shopper's profile");
    if (kind == JourneyKind::kExit)
        return tr("Where shoppers leave the journey");
    return {};
}

QColor JourneyKinds::color(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return QColor(0x2e, 0x7d, 0x32);
    if (kind == JourneyKind::kWait || kind == JourneyKind::kWaitUntil)
        return QColor(0xef, 0x6c, 0x00);
    if (kind == JourneyKind::kBranch || kind == JourneyKind::kSplit)
        return QColor(0x6a, 0x1b, 0x9a);
    if (kind == JourneyKind::kSend)
        return QColor(0x15, 0x65, 0xc0);
    if (kind == JourneyKind::kUpdateProfile)
        return QColor(0x00, 0x83, 0x8f);
    return QColor(0x54, 0x6e, 0x7a);
}

QIcon JourneyKinds::icon(const std::string &kind)
{
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromStdString(kind);
    if (auto found = cache.constFind(key); found != cache.constEnd())
        return *found;
    QIcon icon;
    for (const int side : { 16, 24, 32, 48 }) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color(kind));
        painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), side * 0.22, side * 0.22);
        QFont font = painter.font();
        font.setPixelSize(static_cast<int>(side * 0.62));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, glyph(kind));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

json JourneyKinds::defaultConfig(const std::string &kind)
{
    if (kind == JourneyKind::kEntry)
        return { { "trigger", { { "event", "product_added" } } }, { "reentry", "once" } };
    if (kind == JourneyKind::kWait)
        return { { "hours", 24 } };
    if (kind == JourneyKind::kWaitUntil)
        return { { "event", "order_completed" }, { "timeout_hours", 24 } };
    if (kind == JourneyKind::kBranch)
        return { { "segment",
            { { "version", 1 }, { "rule", { { "type", "consent" }, { "channel", "email" } } } } } };
    if (kind == JourneyKind::kSplit)
        return { { "arms",
            json::array({ { { "port", "a" }, { "percent", 50 } },
                { { "port", "b" }, { "percent", 50 } } }) } };
    if (kind == JourneyKind::kSend)
        return { { "channel", "email" }, { "subject", "{{first_name|Hi}}, a message for you" },
            { "body", "Your cart: {{cart.items}} ({{cart.value}})" } };
    if (kind == JourneyKind::kUpdateProfile)
        return { { "tag", "journey" } };
    return json::object();
}

QString JourneyKinds::title(const JourneyNode &node)
{
    const json label = node.config.value("label", json());
    if (label.is_string() && !label.get<std::string>().empty())
        return QString::fromStdString(label.get<std::string>());
    return JourneyKinds::label(node.kind);
}

QString JourneyKinds::channelLabel(const std::string &channel)
{
    if (channel == "email")
        return tr("E-mail");
    if (channel == "push")
        return tr("Push");
    if (channel == "sms")
        return tr("SMS");
    if (channel == "banner")
        return tr("Banner");
    if (channel == "ad_audience")
        return tr("Ad audience");
    return QString::fromStdString(channel);
}

QString JourneyKinds::summary(const JourneyNode &node)
{
    const json &config = node.config;
    if (node.kind == JourneyKind::kEntry) {
        const json trigger = config.value("trigger", json::object());
        if (trigger.is_object() && trigger.contains("segment")) {
            const json segment = trigger.at("segment");
            return tr("On joining: %1")
                .arg(segment.is_object() && segment.contains("rule")
                        ? SegmentText::sentence(segment.at("rule"))
                        : tr("a segment"));
        }
        const std::string event = trigger.is_object() ? trigger.value("event", std::string()) : "";
        if (event.empty())
            return tr("No trigger yet");
        if (trigger.contains("then_not"))
            return tr("%1, then within %2: %3")
                .arg(SegmentText::eventLabel(event), hoursText(number(trigger, "within_hours")),
                    SegmentText::eventPhrase(trigger.value("then_not", std::string()), false));
        return tr("When: %1").arg(SegmentText::eventLabel(event));
    }
    if (node.kind == JourneyKind::kWait && config.contains("until")) {
        const json until = config.at("until");
        const QString hour = tr("%1:00").arg(static_cast<int>(number(until, "hour")));
        QStringList days;
        static const std::map<std::string, const char *> names { { "mon", QT_TR_NOOP("Mon") },
            { "tue", QT_TR_NOOP("Tue") }, { "wed", QT_TR_NOOP("Wed") },
            { "thu", QT_TR_NOOP("Thu") }, { "fri", QT_TR_NOOP("Fri") },
            { "sat", QT_TR_NOOP("Sat") }, { "sun", QT_TR_NOOP("Sun") } };
        for (const json &day : until.value("weekdays", json::array()))
            if (day.is_string()) {
                const auto found = names.find(day.get<std::string>());
                days << (found != names.end() ? tr(found->second)
                                              : QString::fromStdString(day.get<std::string>()));
            }
        return days.isEmpty() ? tr("Until %1").arg(hour)
                              : tr("Until %1 on %2").arg(hour, days.join(QStringLiteral(", ")));
    }
    if (node.kind == JourneyKind::kWait)
        return tr("Wait %1").arg(hoursText(number(config, "days") * 24 + number(config, "hours")));
    if (node.kind == JourneyKind::kWaitUntil)
        return tr("%1, at most %2")
            .arg(SegmentText::eventLabel(config.value("event", std::string())),
                hoursText(number(config, "timeout_hours")));
    if (node.kind == JourneyKind::kBranch) {
        if (config.contains("rules"))
            return tr("By rules: %1").arg(static_cast<int>(config.at("rules").size()));
        const json segment = config.value("segment", json());
        if (segment.is_object() && segment.contains("rule"))
            return SegmentText::sentence(segment.at("rule"));
        return tr("No segment yet");
    }
    if (node.kind == JourneyKind::kSplit) {
        QStringList percents;
        bool holdout = false;
        for (const json &arm : config.value("arms", json::array())) {
            percents << QLocale().toString(number(arm, "percent"), 'g', 4);
            holdout = holdout || arm.value("holdout", false);
        }
        const QString split = tr("Split %1").arg(percents.join(QLatin1Char('/')));
        return holdout ? tr("%1 (holdout)").arg(split) : split;
    }
    if (node.kind == JourneyKind::kSend) {
        const std::string channel = config.value("channel", std::string());
        const std::string subject = config.value("subject", std::string());
        const std::string text = subject.empty() ? config.value("body", std::string()) : subject;
        return tr("%1: %2").arg(channelLabel(channel), QString::fromStdString(text));
    }
    if (node.kind == JourneyKind::kUpdateProfile)
        return tr("Tag: %1").arg(QString::fromStdString(config.value("tag", std::string())));
    if (node.kind == JourneyKind::kExit)
        return tr("Leaves the journey");
    return {};
}

QString JourneyKinds::portLabel(const JourneyNode &node, const std::string &port)
{
    if (node.kind == JourneyKind::kSplit)
        for (const json &arm : node.config.value("arms", json::array()))
            if (arm.value("port", std::string()) == port)
                return tr("%1 · %2 %")
                    .arg(QString::fromStdString(port),
                        QLocale().toString(number(arm, "percent"), 'g', 4));
    if (port == "yes")
        return tr("yes");
    if (port == "no")
        return tr("no");
    if (port == "event")
        return tr("event");
    if (port == "timeout")
        return tr("timeout");
    if (port == "else")
        return tr("else");
    if (port == "out")
        return QString();
    return QString::fromStdString(port);
}

} // namespace clientele
