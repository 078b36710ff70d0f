#include "TimelineText.h"

#include "DisplayFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace clientele {

namespace {

QJsonObject propsOf(const TimelineEvent &event)
{
    if (event.props.empty())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(event.props)).object();
}

QString productText(const TimelineEvent &event, const ProductIndex &products)
{
    if (event.productId) {
        if (const auto it = products.find(*event.productId); it != products.end()) {
            const QString name = QString::fromStdString(it->second.name);
            const QString category = QString::fromStdString(
                event.category.empty() ? it->second.category : event.category);
            return category.isEmpty()
                ? name
                : QCoreApplication::translate("Timeline", "%1 (%2)").arg(name, category);
        }
        return QCoreApplication::translate("Timeline", "product %1").arg(*event.productId);
    }
    return event.category.empty() ? QCoreApplication::translate("Timeline", "a product")
                                  : QString::fromStdString(event.category);
}

QString money(const TimelineEvent &event, const std::string &storeCurrency)
{
    if (!event.value)
        return {};
    return formatMoney(*event.value, event.currency.empty() ? storeCurrency : event.currency, 2);
}

/// " — €104.95" or nothing.
QString withMoney(const QString &text, const TimelineEvent &event, const std::string &currency)
{
    const QString amount = money(event, currency);
    return amount.isEmpty() ? text
                            : QCoreApplication::translate("Timeline", "%1 — %2").arg(text, amount);
}

QString emailName(const QJsonObject &props)
{
    QString subject = props.value(QStringLiteral("subject")).toString();
    if (subject.isEmpty())
        subject = props.value(QStringLiteral("campaign")).toString();
    return subject;
}

} // namespace

QString describeEvent(
    const TimelineEvent &event, const ProductIndex &products, const std::string &storeCurrency)
{
    const std::string &type = event.type;
    const QJsonObject props = propsOf(event);
    const QString orderId = QString::fromStdString(event.orderId);

    if (type == "product_viewed")
        return withMoney(
            QCoreApplication::translate("Timeline", "Viewed %1").arg(productText(event, products)),
            event, storeCurrency);
    if (type == "product_added") {
        const qint64 quantity = event.quantity.value_or(1);
        const QString text = quantity > 1
            ? QCoreApplication::translate("Timeline", "Added %1 × %2 to cart")
                  .arg(quantity)
                  .arg(productText(event, products))
            : QCoreApplication::translate("Timeline", "Added %1 to cart")
                  .arg(productText(event, products));
        return withMoney(text, event, storeCurrency);
    }
    if (type == "product_removed")
        return QCoreApplication::translate("Timeline", "Removed %1 from cart")
            .arg(productText(event, products));
    if (type == "cart_viewed")
        return QCoreApplication::translate("Timeline", "Looked at the cart");
    if (type == "checkout_started")
        return QCoreApplication::translate("Timeline", "Started checkout");
    if (type == "order_completed") {
        const qint64 items = event.quantity.value_or(0);
        QString text = orderId.isEmpty()
            ? QCoreApplication::translate("Timeline", "Order completed")
            : QCoreApplication::translate("Timeline", "Order %1 completed").arg(orderId);
        QStringList details;
        if (items > 0)
            details << (items == 1
                    ? QCoreApplication::translate("Timeline", "1 item")
                    : QCoreApplication::translate("Timeline", "%1 items").arg(items));
        if (event.value)
            details << money(event, storeCurrency);
        if (!details.isEmpty())
            text = QCoreApplication::translate("Timeline", "%1 — %2")
                       .arg(text, details.join(QCoreApplication::translate("Timeline", ", ")));
        const QString store = props.value(QStringLiteral("store")).toString();
        if (!store.isEmpty())
            text = QCoreApplication::translate("Timeline", "%1 in %2").arg(text, store);
        return text;
    }
    if (type == "order_shipped")
        return QCoreApplication::translate("Timeline", "Order %1 shipped").arg(orderId);
    if (type == "order_delivered")
        return QCoreApplication::translate("Timeline", "Order %1 delivered").arg(orderId);
    if (type == "order_cancelled")
        return QCoreApplication::translate("Timeline", "Order %1 cancelled").arg(orderId);
    if (type == "order_refunded") {
        const QString reason = props.value(QStringLiteral("reason")).toString();
        QString text
            = withMoney(QCoreApplication::translate("Timeline", "Refund for order %1").arg(orderId),
                event, storeCurrency);
        return reason.isEmpty()
            ? text
            : QCoreApplication::translate("Timeline", "%1 (%2)").arg(text, reason);
    }
    if (type == "email_sent" || type == "email_opened" || type == "email_link_clicked"
        || type == "email_unsubscribed" || type == "email_held_out") {
        const QString name = emailName(props);
        if (type == "email_sent")
            return name.isEmpty()
                ? QCoreApplication::translate("Timeline", "Received an email")
                : QCoreApplication::translate("Timeline", "Received email '%1'").arg(name);
        if (type == "email_opened")
            return name.isEmpty()
                ? QCoreApplication::translate("Timeline", "Opened an email")
                : QCoreApplication::translate("Timeline", "Opened email '%1'").arg(name);
        if (type == "email_link_clicked")
            return name.isEmpty()
                ? QCoreApplication::translate("Timeline", "Clicked a link in an email")
                : QCoreApplication::translate("Timeline", "Clicked a link in email '%1'").arg(name);
        if (type == "email_held_out")
            return QCoreApplication::translate("Timeline", "Held out of email '%1' (control group)")
                .arg(name);
        return QCoreApplication::translate("Timeline", "Unsubscribed from email");
    }
    if (type == "signed_in")
        return QCoreApplication::translate("Timeline", "Signed in");
    if (type == "signed_up")
        return QCoreApplication::translate("Timeline", "Created an account");
    if (type == "page_viewed") {
        const QString page = props.value(QStringLiteral("page")).toString();
        return page.isEmpty() ? QCoreApplication::translate("Timeline", "Viewed a page")
                              : QCoreApplication::translate("Timeline", "Viewed page %1").arg(page);
    }
    if (type == "application_opened")
        return QCoreApplication::translate("Timeline", "Opened the app");
    if (type == "loyalty_joined") {
        const QString store = props.value(QStringLiteral("store")).toString();
        return store.isEmpty()
            ? QCoreApplication::translate("Timeline", "Joined the loyalty programme")
            : QCoreApplication::translate("Timeline", "Joined the loyalty programme in %1")
                  .arg(store);
    }
    if (type == "loyalty_points_earned") {
        const QString points = event.value ? QLocale().toString(*event.value, 'f', 0) : QString();
        return points.isEmpty()
            ? QCoreApplication::translate("Timeline", "Earned loyalty points")
            : QCoreApplication::translate("Timeline", "Earned %1 loyalty points").arg(points);
    }
    if (type == "loyalty_reward_redeemed") {
        const QString reward = props.value(QStringLiteral("reward")).toString();
        return reward.isEmpty()
            ? QCoreApplication::translate("Timeline", "Redeemed a reward")
            : QCoreApplication::translate("Timeline", "Redeemed %1").arg(reward);
    }
    if (type == "ticket_created") {
        const QString subject = props.value(QStringLiteral("subject")).toString();
        return subject.isEmpty()
            ? QCoreApplication::translate("Timeline", "Opened a support ticket")
            : QCoreApplication::translate("Timeline", "Opened a support ticket: %1").arg(subject);
    }
    if (type == "ticket_resolved")
        return QCoreApplication::translate("Timeline", "Support ticket resolved");
    if (type == "product_reviewed") {
        const int rating = props.value(QStringLiteral("rating")).toInt();
        const QString title = props.value(QStringLiteral("title")).toString();
        QString text = QCoreApplication::translate("Timeline", "Reviewed %1")
                           .arg(productText(event, products));
        if (rating > 0)
            text = QCoreApplication::translate("Timeline", "%1: %2 of 5 stars")
                       .arg(text)
                       .arg(rating);
        return title.isEmpty()
            ? text
            : QCoreApplication::translate("Timeline", "%1 — “%2”").arg(text, title);
    }
    return withMoney(eventTypeDisplayName(type), event, storeCurrency);
}

QString eventTypeDisplayName(const std::string &type)
{
    static const std::unordered_map<std::string, const char *> names {
        { "product_viewed", QT_TRANSLATE_NOOP("Timeline", "Product viewed") },
        { "product_added", QT_TRANSLATE_NOOP("Timeline", "Added to cart") },
        { "product_removed", QT_TRANSLATE_NOOP("Timeline", "Removed from cart") },
        { "cart_viewed", QT_TRANSLATE_NOOP("Timeline", "Cart viewed") },
        { "checkout_started", QT_TRANSLATE_NOOP("Timeline", "Checkout started") },
        { "order_completed", QT_TRANSLATE_NOOP("Timeline", "Order completed") },
        { "order_shipped", QT_TRANSLATE_NOOP("Timeline", "Order shipped") },
        { "order_delivered", QT_TRANSLATE_NOOP("Timeline", "Order delivered") },
        { "order_cancelled", QT_TRANSLATE_NOOP("Timeline", "Order cancelled") },
        { "order_refunded", QT_TRANSLATE_NOOP("Timeline", "Order refunded") },
        { "email_sent", QT_TRANSLATE_NOOP("Timeline", "Email received") },
        { "email_opened", QT_TRANSLATE_NOOP("Timeline", "Email opened") },
        { "email_link_clicked", QT_TRANSLATE_NOOP("Timeline", "Email clicked") },
        { "email_unsubscribed", QT_TRANSLATE_NOOP("Timeline", "Unsubscribed") },
        { "email_held_out", QT_TRANSLATE_NOOP("Timeline", "Email held out") },
        { "signed_in", QT_TRANSLATE_NOOP("Timeline", "Signed in") },
        { "signed_up", QT_TRANSLATE_NOOP("Timeline", "Signed up") },
        { "page_viewed", QT_TRANSLATE_NOOP("Timeline", "Page viewed") },
        { "application_opened", QT_TRANSLATE_NOOP("Timeline", "App opened") },
        { "loyalty_joined", QT_TRANSLATE_NOOP("Timeline", "Joined loyalty") },
        { "loyalty_points_earned", QT_TRANSLATE_NOOP("Timeline", "Points earned") },
        { "loyalty_reward_redeemed", QT_TRANSLATE_NOOP("Timeline", "Reward redeemed") },
        { "ticket_created", QT_TRANSLATE_NOOP("Timeline", "Ticket opened") },
        { "ticket_resolved", QT_TRANSLATE_NOOP("Timeline", "Ticket resolved") },
        { "product_reviewed", QT_TRANSLATE_NOOP("Timeline", "Product reviewed") },
    };
    if (const auto it = names.find(type); it != names.end())
        return QCoreApplication::translate("Timeline", it->second);
    QString text = QString::fromStdString(type);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

const std::vector<std::string> &timelineEventTypes()
{
    static const std::vector<std::string> types { "order_completed", "order_refunded",
        "order_cancelled", "product_viewed", "product_added", "product_removed", "checkout_started",
        "email_sent", "email_opened", "email_link_clicked", "email_unsubscribed", "signed_in",
        "page_viewed", "application_opened", "loyalty_points_earned", "loyalty_reward_redeemed",
        "ticket_created", "product_reviewed" };
    return types;
}

} // namespace clientele
