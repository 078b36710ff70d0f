#include "ProfilePage.h"

#include "ChannelIcons.h"
#include "DeleteShopperDialog.h"
#include "DisplayFormat.h"
#include "MergeWithDialog.h"
#include "PredictionText.h"
#include "Prompts.h"

#include "identity/MergeEditor.h"
#include "profile/Privacy.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace clientele {

namespace {

constexpr int kTimelinePage = 50;

const std::vector<std::string> &timelineChannels()
{
    static const std::vector<std::string> channels { "web", "app", "pos", "email", "support",
        "loyalty" };
    return channels;
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString orNone(const std::string &text)
{
    return text.empty() ? noValue() : fromStd(text);
}

QString identityKindName(const std::string &kind)
{
    if (kind == "email")
        return ProfilePage::tr("Email");
    if (kind == "phone")
        return ProfilePage::tr("Phone");
    if (kind == "customer_id")
        return ProfilePage::tr("Customer ID");
    if (kind == "loyalty_card")
        return ProfilePage::tr("Loyalty card");
    if (kind == "anonymous_id")
        return ProfilePage::tr("Device");
    return fromStd(kind);
}

QString consentChannelName(const std::string &channel)
{
    if (channel == "email")
        return ProfilePage::tr("Email");
    if (channel == "sms")
        return ProfilePage::tr("SMS");
    if (channel == "push")
        return ProfilePage::tr("Push");
    return channelDisplayName(channel);
}

QString sourceName(const std::string &source)
{
    if (source.empty())
        return ProfilePage::tr("unknown source");
    const QString channel = channelDisplayName(source);
    return channel;
}

QString mergeReasonName(const std::string &reason)
{
    if (reason == "manual")
        return ProfilePage::tr("Merged by hand");
    if (reason == "split")
        return ProfilePage::tr("Split by hand");
    QString text = fromStd(reason);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString pill(const QString &text, const QString &background, const QString &foreground)
{
    return QStringLiteral("<span style=\"background-color:%2; color:%3;\">&nbsp;%1&nbsp;</span>")
        .arg(text.toHtmlEscaped(), background, foreground);
}

} // namespace

ProfilePage::ProfilePage(QWidget *parent)
    : QWidget(parent)
    , worker_(Database::Mode::ReadWrite)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(8);
    createHeader(layout);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("profileTabs"));
    tabs_->addTab(createDetailsTab(), tr("Profile"));
    tabs_->addTab(createTimelineTab(), tr("Timeline"));
    tabs_->addTab(createMergesTab(), tr("Merges"));
    layout->addWidget(tabs_, 1);
}

void ProfilePage::createHeader(QVBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    auto *back = new QPushButton(tr("‹ All Customers"), this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setShortcut(QKeySequence::Back);
    connect(back, &QPushButton::clicked, this, &ProfilePage::backRequested);
    bar->addWidget(back);
    bar->addStretch();
    mergeButton_ = new QPushButton(tr("Merge with…"), this);
    mergeButton_->setObjectName(QStringLiteral("mergeWithButton"));
    mergeButton_->setToolTip(tr("Join another profile of the same person into this one"));
    connect(mergeButton_, &QPushButton::clicked, this, &ProfilePage::chooseMergePartner);
    exportButton_ = new QPushButton(tr("Export Data…"), this);
    exportButton_->setObjectName(QStringLiteral("exportButton"));
    exportButton_->setToolTip(
        tr("Save everything held about this shopper as a JSON file (access request)"));
    connect(exportButton_, &QPushButton::clicked, this, &ProfilePage::exportData);
    deleteButton_ = new QPushButton(tr("Delete Shopper…"), this);
    deleteButton_->setObjectName(QStringLiteral("deleteShopperButton"));
    deleteButton_->setToolTip(tr("Erase this shopper for good (right to be forgotten)"));
    connect(deleteButton_, &QPushButton::clicked, this, &ProfilePage::deleteShopper);
    bar->addWidget(mergeButton_);
    bar->addWidget(exportButton_);
    bar->addWidget(deleteButton_);
    layout->addLayout(bar);

    name_ = new QLabel(this);
    name_->setObjectName(QStringLiteral("profileName"));
    QFont font = name_->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    name_->setFont(font);
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    badges_ = new QLabel(this);
    badges_->setObjectName(QStringLiteral("profileBadges"));
    badges_->setTextFormat(Qt::RichText);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(name_);
    nameRow->addSpacing(12);
    nameRow->addWidget(badges_);
    nameRow->addStretch();
    layout->addLayout(nameRow);
    contact_ = new QLabel(this);
    contact_->setObjectName(QStringLiteral("profileContact"));
    contact_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contact_->setWordWrap(true);
    layout->addWidget(contact_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("profileMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();
    layout->addWidget(message_);
}

QWidget *ProfilePage::createDetailsTab()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    details_ = new QWidget(scroll);
    detailsGrid_ = new QGridLayout(details_);
    scroll->setWidget(details_);
    return scroll;
}

QWidget *ProfilePage::createTimelineTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Channels:"), tab));
    for (const std::string &channel : timelineChannels()) {
        auto *button = new QToolButton(tab);
        button->setObjectName(QStringLiteral("channel_%1").arg(fromStd(channel)));
        button->setText(channelDisplayName(channel));
        button->setIcon(channelIcon(channel));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCheckable(true);
        button->setChecked(true);
        button->setAutoRaise(true);
        button->setToolTip(tr("Show or hide %1 events").arg(channelDisplayName(channel)));
        connect(button, &QToolButton::toggled, this, [this] {
            std::set<std::string> chosen;
            for (const auto &[key, b] : channelButtons_)
                if (b->isChecked())
                    chosen.insert(key);
            channels_ = chosen.size() == channelButtons_.size() ? std::set<std::string>() : chosen;
            reloadTimeline();
        });
        channelButtons_[channel] = button;
        filters->addWidget(button);
    }
    filters->addSpacing(16);
    typeCombo_ = new QComboBox(tab);
    typeCombo_->setObjectName(QStringLiteral("eventTypeFilter"));
    typeCombo_->addItem(tr("All activity"), QString());
    for (const std::string &type : timelineEventTypes())
        typeCombo_->addItem(eventTypeDisplayName(type), fromStd(type));
    connect(typeCombo_, &QComboBox::currentIndexChanged, this, [this] {
        typeFilter_ = typeCombo_->currentData().toString().toStdString();
        reloadTimeline();
    });
    filters->addWidget(typeCombo_);
    filters->addStretch();
    layout->addLayout(filters);

    timeline_ = new QTreeWidget(tab);
    timeline_->setObjectName(QStringLiteral("timeline"));
    timeline_->setRootIsDecorated(false);
    timeline_->setUniformRowHeights(true);
    timeline_->setAlternatingRowColors(true);
    timeline_->setHeaderLabels({ tr("When"), tr("Channel"), tr("What happened") });
    timeline_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    timeline_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    timeline_->header()->setStretchLastSection(true);
    layout->addWidget(timeline_, 1);

    auto *bottom = new QHBoxLayout;
    timelineStatus_ = new QLabel(tab);
    timelineStatus_->setObjectName(QStringLiteral("timelineStatus"));
    olderButton_ = new QPushButton(tr("Show Older"), tab);
    olderButton_->setObjectName(QStringLiteral("showOlderButton"));
    connect(olderButton_, &QPushButton::clicked, this, &ProfilePage::showOlderEvents);
    bottom->addWidget(timelineStatus_, 1);
    bottom->addWidget(olderButton_);
    layout->addLayout(bottom);
    return tab;
}

QWidget *ProfilePage::createMergesTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *intro = new QLabel(
        tr("How this profile was formed: identity resolution merges profiles that share an "
           "identifier, and refuses links its rules do not trust. Split a wrong merge to give "
           "the other profile its identifiers and events back."),
        tab);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    merges_ = new QTreeWidget(tab);
    merges_->setObjectName(QStringLiteral("mergesTree"));
    merges_->setRootIsDecorated(false);
    merges_->setHeaderLabels(
        { tr("When"), tr("What happened"), tr("Linked by"), tr("Reason"), tr("Actions") });
    merges_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    merges_->header()->setStretchLastSection(true);
    layout->addWidget(merges_, 2);
    mergesEmpty_ = new QLabel(tab);
    mergesEmpty_->setObjectName(QStringLiteral("mergesEmpty"));
    mergesEmpty_->setWordWrap(true);
    layout->addWidget(mergesEmpty_);
    auto *refusalsTitle = new QLabel(tr("<b>Links refused</b>"), tab);
    layout->addWidget(refusalsTitle);
    refusals_ = new QTreeWidget(tab);
    refusals_->setObjectName(QStringLiteral("refusalsTree"));
    refusals_->setRootIsDecorated(false);
    refusals_->setHeaderLabels({ tr("When"), tr("Identifier"), tr("Other profile"), tr("Reason") });
    refusals_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    refusals_->header()->setStretchLastSection(true);
    layout->addWidget(refusals_, 1);
    return tab;
}

void ProfilePage::setWorkspace(const QString &path, const std::string &currency)
{
    worker_.setWorkspace(path);
    currency_ = currency.empty() ? std::string("EUR") : currency;
    profileId_ = 0;
    ++generation_;
}

QString ProfilePage::money(double amount) const
{
    return formatMoney(amount, currency_, 2);
}

void ProfilePage::showProfile(std::int64_t profileId)
{
    profileId_ = profileId;
    const quint64 generation = ++generation_;
    loading_ = true;
    message_->hide();
    if (view_.record && view_.record->id != profileId) {
        name_->setText(tr("Reading…"));
        badges_->clear();
        contact_->clear();
    }
    worker_.post<ProfileView>(
        this,
        [profileId](Database &db) {
            ProfileView view;
            ProfileReader reader(db);
            view.record = reader.load(profileId);
            view.traits = ProfileTraits::load(db, profileId);
            if (view.traits)
                view.viewedProducts = loadProductsBySku(db, view.traits->lastViewedProducts);
            // Predictions are secondary: if they cannot be read, the profile still shows.
            try {
                view.prediction = predict::Predictions::forProfile(db, profileId);
                if (view.prediction || (view.traits && view.traits->orders > 0))
                    view.predictionModel = predict::Predictions::stored(db);
            } catch (const std::exception &error) {
                view.prediction.reset();
                view.predictionError = QString::fromStdString(error.what());
            }
            return view;
        },
        [this, generation](ProfileView view) {
            if (generation != generation_)
                return;
            loading_ = false;
            showView(std::move(view));
        },
        [this, generation](const QString &error) {
            if (generation != generation_)
                return;
            loading_ = false;
            showMessage(tr("The profile could not be read: %1").arg(error), true);
            Q_EMIT loaded();
        });
    reloadTimeline();
}

void ProfilePage::showView(ProfileView view)
{
    view_ = std::move(view);
    if (!view_.record) {
        name_->setText(tr("This shopper no longer exists"));
        badges_->clear();
        contact_->setText(tr("They may have been deleted or merged into another profile."));
        Q_EMIT loaded();
        return;
    }
    fillHeader();
    fillDetails();
    fillMerges();
    Q_EMIT loaded();
}

void ProfilePage::fillHeader()
{
    const ProfileRecord &r = *view_.record;
    name_->setText(fromStd(r.displayName()));
    QStringList badges;
    if (view_.traits && !view_.traits->rfmGroup.empty())
        badges << pill(rfmGroupDisplayName(view_.traits->rfmGroup), QStringLiteral("#dbe8ff"),
            QStringLiteral("#1c3f7a"));
    badges << (r.known
            ? pill(tr("Known shopper"), QStringLiteral("#dff3e6"), QStringLiteral("#1d5e36"))
            : pill(tr("Anonymous visitor"), QStringLiteral("#eeeeee"), QStringLiteral("#444444")));
    badges_->setText(badges.join(QStringLiteral("&nbsp;&nbsp;")));

    QStringList contact;
    const std::string email = r.firstValueOf("email");
    const std::string phone = r.firstValueOf("phone");
    const std::string customerId = r.firstValueOf("customer_id");
    if (!email.empty())
        contact << fromStd(email);
    if (!phone.empty())
        contact << fromStd(phone);
    if (!customerId.empty())
        contact << tr("Customer ID %1").arg(fromStd(customerId));
    if (!r.city.empty() || !r.country.empty())
        contact << (r.city.empty()  ? fromStd(r.country)
                : r.country.empty() ? fromStd(r.city)
                                    : tr("%1, %2").arg(fromStd(r.city), fromStd(r.country)));
    contact << tr("Profile #%1").arg(r.id);
    contact_->setText(contact.join(QStringLiteral("  ·  ")));
}

void ProfilePage::fillDetails()
{
    // Rebuilt for each profile: a fresh widget keeps the groups' rows simple.
    auto *scroll = qobject_cast<QScrollArea *>(tabs_->widget(0));
    details_ = new QWidget;
    detailsGrid_ = new QGridLayout(details_);
    detailsGrid_->setSpacing(12);
    const ProfileRecord &r = *view_.record;
    const QLocale locale;

    auto group = [this](const QString &title, const QString &objectName) {
        auto *box = new QGroupBox(title, details_);
        box->setObjectName(objectName);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft);
        return std::make_pair(box, form);
    };

    // Identities, grouped by kind (the record is sorted by kind, then first seen).
    auto [identities, identityForm] = group(tr("Identities"), QStringLiteral("identitiesGroup"));
    std::string lastKind;
    for (const ProfileIdentity &identity : r.identities) {
        const QString label = identity.kind == lastKind
            ? QString()
            : identityKindName(identity.kind) + QLatin1Char(':');
        lastKind = identity.kind;
        const QString value = fromStd(identity.value);
        auto *text = valueLabel(
            tr("%1<br><small style=\"color:gray\">from %2, first seen %3</small>")
                .arg(value.toHtmlEscaped(), sourceName(identity.source).toHtmlEscaped(),
                    formatLocalDate(identity.firstSeen)),
            identities);
        text->setTextFormat(Qt::RichText);
        text->setProperty("identityKind", fromStd(identity.kind));
        identityForm->addRow(label, text);
    }
    if (r.identities.empty())
        identityForm->addRow(new QLabel(tr("No identifiers."), identities));

    auto [consents, consentForm] = group(tr("Consents"), QStringLiteral("consentsGroup"));
    for (const ProfileConsent &consent : r.consents) {
        const bool off = consent.status != "granted";
        auto *text = valueLabel(
            tr("<b style=\"color:%1\">%2</b><br><small style=\"color:gray\">from %3, %4</small>")
                .arg(off ? QStringLiteral("#b3261e") : QStringLiteral("#1d5e36"),
                    consentDisplayName(consent.status).toHtmlEscaped(),
                    sourceName(consent.source).toHtmlEscaped(),
                    formatLocalDateTime(consent.ts).toHtmlEscaped()),
            consents);
        text->setTextFormat(Qt::RichText);
        consentForm->addRow(consentChannelName(consent.channel) + QLatin1Char(':'), text);
    }
    if (r.consents.empty())
        consentForm->addRow(new QLabel(tr("No consent recorded: do not contact."), consents));

    auto [orders, orderForm] = group(tr("Orders"), QStringLiteral("ordersGroup"));
    auto [cart, cartForm] = group(tr("Cart"), QStringLiteral("cartGroup"));
    auto [engagement, engagementForm]
        = group(tr("Email engagement"), QStringLiteral("engagementGroup"));
    auto [interests, interestForm] = group(tr("Interests"), QStringLiteral("interestsGroup"));
    auto [loyalty, loyaltyForm] = group(tr("Loyalty && service"), QStringLiteral("loyaltyGroup"));
    auto row = [](QFormLayout *form, const QString &label, const QString &value) {
        form->addRow(label, valueLabel(value, form->parentWidget()));
    };
    if (const auto &t = view_.traits) {
        row(orderForm, tr("Orders:"), locale.toString(t->orders));
        row(orderForm, tr("Revenue:"), money(t->revenue));
        row(orderForm, tr("Average order:"),
            t->averageOrderValue ? money(*t->averageOrderValue) : noValue());
        row(orderForm, tr("First order:"), formatLocalDate(t->firstOrder));
        row(orderForm, tr("Last order:"), formatLocalDate(t->lastOrder));
        QString since = noValue();
        if (t->lastOrder && t->referenceTime) {
            const qint64 days = (*t->referenceTime - *t->lastOrder) / (24 * 3600 * 1000LL);
            since = days == 1 ? tr("1 day") : tr("%L1 days").arg(days);
        }
        row(orderForm, tr("Since last order:"), since);
        row(orderForm, tr("Refunds:"),
            t->refunds > 0 ? tr("%1 (%2)").arg(locale.toString(t->refunds), money(t->refundedValue))
                           : noValue());
        if (t->cancelledOrders > 0)
            row(orderForm, tr("Cancelled orders:"), locale.toString(t->cancelledOrders));

        row(cartForm, tr("Open cart:"),
            t->cartItems > 0 ? (t->cartItems == 1
                    ? tr("%1 — 1 item").arg(money(t->cartValue))
                    : tr("%1 — %2 items").arg(money(t->cartValue)).arg(t->cartItems))
                             : noValue());
        row(cartForm, tr("Abandoned since:"),
            t->cartAbandonedSince ? formatLocalDateTime(*t->cartAbandonedSince) : noValue());
        row(cartForm, tr("Abandoned carts:"),
            t->abandonedCarts > 0 ? locale.toString(t->abandonedCarts) : noValue());

        auto rate = [&](std::int64_t received, std::int64_t opened, std::int64_t clicked) {
            if (received == 0)
                return noValue();
            return tr("%1 received, %2 opened, %3 clicked")
                .arg(locale.toString(received), locale.toString(opened), locale.toString(clicked));
        };
        row(engagementForm, tr("Last 30 days:"),
            rate(t->emailsReceived30d, t->emailsOpened30d, t->emailsClicked30d));
        row(engagementForm, tr("Last 90 days:"),
            rate(t->emailsReceived90d, t->emailsOpened90d, t->emailsClicked90d));
        row(engagementForm, tr("Last open:"),
            t->lastEmailOpen ? formatLocalDateTime(*t->lastEmailOpen) : noValue());

        row(interestForm, tr("Favourite category:"), orNone(t->favouriteCategory));
        row(interestForm, tr("Favourite brand:"), orNone(t->favouriteBrand));
        QStringList viewed;
        for (const std::string &sku : t->lastViewedProducts) {
            const auto it = view_.viewedProducts.find(sku);
            viewed << QStringLiteral("• ")
                    + (it != view_.viewedProducts.end() ? fromStd(it->second.name) : fromStd(sku));
        }
        row(interestForm, tr("Last viewed:"),
            viewed.isEmpty() ? noValue() : viewed.join(QStringLiteral("\n")));
        row(interestForm, tr("Channels used:"), [&] {
            QStringList names;
            for (const QString &key :
                fromStd(t->channels).split(QLatin1Char(','), Qt::SkipEmptyParts))
                names << channelDisplayName(key.toStdString());
            return names.isEmpty() ? noValue() : names.join(tr(", "));
        }());

        row(loyaltyForm, tr("Tier:"),
            t->loyaltyTier.empty() ? tr("Not a member") : loyaltyTierDisplayName(t->loyaltyTier));
        row(loyaltyForm, tr("Points:"),
            t->loyaltyPoints ? locale.toString(*t->loyaltyPoints) : noValue());
        row(loyaltyForm, tr("Open tickets:"),
            t->openTickets > 0 ? locale.toString(t->openTickets) : noValue());
        QString rating = noValue();
        if (t->averageRating) {
            const QString stars = locale.toString(*t->averageRating, 'f', 1);
            rating = t->reviews == 1 ? tr("%1 of 5 (1 review)").arg(stars)
                                     : tr("%1 of 5 (%2 reviews)").arg(stars).arg(t->reviews);
        }
        row(loyaltyForm, tr("Average rating:"), rating);
    } else {
        for (QFormLayout *form : { orderForm, cartForm, engagementForm, interestForm, loyaltyForm })
            form->addRow(new QLabel(tr("Not computed yet."), form->parentWidget()));
    }

    auto [predictions, predictionForm]
        = group(tr("Predictions"), QStringLiteral("predictionsGroup"));
    fillPredictions(predictionForm);

    detailsGrid_->addWidget(predictions, 0, 0, 1, 3);
    detailsGrid_->addWidget(identities, 1, 0, 2, 1);
    detailsGrid_->addWidget(orders, 1, 1);
    detailsGrid_->addWidget(cart, 2, 1);
    detailsGrid_->addWidget(consents, 3, 0);
    detailsGrid_->addWidget(engagement, 3, 1);
    detailsGrid_->addWidget(interests, 1, 2);
    detailsGrid_->addWidget(loyalty, 2, 2, 2, 1);
    for (int column = 0; column < 3; ++column)
        detailsGrid_->setColumnStretch(column, 1);
    detailsGrid_->setRowStretch(4, 1);
    scroll->setWidget(details_);
}

void ProfilePage::fillPredictions(QFormLayout *form)
{
    QWidget *box = form->parentWidget();
    auto *sentence = valueLabel(QString(), box);
    sentence->setObjectName(QStringLiteral("predictionSentence"));
    form->addRow(sentence);
    const auto &prediction = view_.prediction;
    const auto &model = view_.predictionModel;
    if (!prediction || !model) {
        if (!view_.predictionError.isEmpty())
            sentence->setText(
                tr("The predictions could not be read: %1").arg(view_.predictionError));
        else if (!view_.traits || view_.traits->orders == 0)
            sentence->setText(tr("No predictions: no completed order yet."));
        else if (!model)
            sentence->setText(
                tr("No predictions yet: fit them in the Predictions area to see when this "
                   "shopper is likely to order again."));
        else
            sentence->setText(
                tr("No predictions yet: the first order came after the model was fitted on %1. "
                   "Refit in the Predictions area to include it.")
                    .arg(formatLocalDateTime(model->fittedAt)));
        return;
    }
    const predict::ShopperPrediction &p = *prediction;
    QFont font = sentence->font();
    font.setBold(true);
    sentence->setFont(font);
    sentence->setText(describePrediction(p, currency_) + QLatin1Char('.'));

    const QLocale locale;
    auto row = [&](const QString &label, const QString &value, const QString &objectName) {
        auto *text = valueLabel(value, box);
        text->setObjectName(objectName);
        form->addRow(label, text);
    };
    row(tr("Churn risk:"),
        tr("%1 (%2)").arg(
            churnRiskDisplayName(p.churnRisk), churnRiskRule(p.churnRisk, model->churnCuts)),
        QStringLiteral("churnRisk"));
    row(tr("Expected orders:"),
        tr("%1 in the next 30 days, %2 in 90 days, %3 in 12 months")
            .arg(locale.toString(p.expectedOrders30d, 'f', 1),
                locale.toString(p.expectedOrders90d, 'f', 1),
                locale.toString(p.expectedOrders365d, 'f', 1)),
        QStringLiteral("expectedOrders"));
    if (p.expectedOrderValue > 0)
        row(tr("Expected order value:"), money(p.expectedOrderValue),
            QStringLiteral("expectedOrderValue"));
    const QString replenishment = describeReplenishment(p);
    if (!replenishment.isEmpty())
        row(tr("Rebuy:"), replenishment + QLatin1Char('.'), QStringLiteral("replenishment"));

    // The order count is the shopper's own only when every order is in the model's history.
    std::optional<std::int64_t> orders;
    if (view_.traits && view_.traits->lastOrder && *view_.traits->lastOrder < model->calibrationEnd)
        orders = view_.traits->orders;
    auto *basis = new QLabel(QStringLiteral("<small style=\"color:gray\">%1.</small>")
                                 .arg(describePredictionBasis(p, *model, orders).toHtmlEscaped()),
        box);
    basis->setObjectName(QStringLiteral("predictionBasis"));
    basis->setTextFormat(Qt::RichText);
    basis->setWordWrap(true);
    form->addRow(basis);
}

void ProfilePage::fillMerges()
{
    const ProfileRecord &r = *view_.record;
    merges_->clear();
    for (const ProfileMerge &merge : r.merges) {
        auto *item = new QTreeWidgetItem(merges_);
        item->setText(0, formatLocalDateTime(merge.ts));
        const bool split = merge.action == "split";
        item->setText(1,
            split ? tr("Profile #%1 split out of #%2")
                        .arg(merge.mergedProfileId)
                        .arg(merge.keptProfileId)
                  : tr("Profile #%1 merged into #%2")
                        .arg(merge.mergedProfileId)
                        .arg(merge.keptProfileId));
        item->setText(2,
            merge.identityKind.empty() ? noValue()
                                       : tr("%1 %2").arg(identityKindName(merge.identityKind),
                                           fromStd(merge.identityValue)));
        QString reason = mergeReasonName(merge.reason);
        if (merge.undoneAt)
            reason = tr("%1 — undone %2").arg(reason, formatLocalDateTime(*merge.undoneAt));
        item->setText(3, reason);
        item->setData(0, Qt::UserRole, QVariant::fromValue<qint64>(merge.id));
        if (merge.undoneAt)
            continue;
        auto *actions = new QWidget(merges_);
        auto *row = new QHBoxLayout(actions);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        const std::int64_t id = merge.id;
        if (!split) {
            auto *splitButton = new QPushButton(tr("Split…"), actions);
            splitButton->setObjectName(QStringLiteral("split_%1").arg(id));
            splitButton->setToolTip(
                tr("Give profile #%1 its identifiers and events back").arg(merge.mergedProfileId));
            connect(splitButton, &QPushButton::clicked, this, [this, id] { splitMerge(id); });
            row->addWidget(splitButton);
        }
        if (split || merge.reason == "manual") {
            auto *undoButton = new QPushButton(tr("Undo"), actions);
            undoButton->setObjectName(QStringLiteral("undo_%1").arg(id));
            connect(undoButton, &QPushButton::clicked, this, [this, id] { undoMergeRecord(id); });
            row->addWidget(undoButton);
        }
        row->addStretch();
        merges_->setItemWidget(item, 4, actions);
    }
    mergesEmpty_->setText(r.merges.empty()
            ? tr("This profile was never merged: every identifier arrived with the same shopper.")
            : QString());
    mergesEmpty_->setVisible(r.merges.empty());

    refusals_->clear();
    for (const ProfileRefusal &refusal : r.refusals) {
        auto *item = new QTreeWidgetItem(refusals_);
        item->setText(0, formatLocalDateTime(refusal.ts));
        item->setText(1,
            tr("%1 %2").arg(
                identityKindName(refusal.identityKind), fromStd(refusal.identityValue)));
        item->setText(
            2, refusal.otherProfileId ? tr("#%1").arg(*refusal.otherProfileId) : noValue());
        item->setText(3, mergeReasonName(refusal.reason));
    }
    if (r.refusals.empty()) {
        auto *item = new QTreeWidgetItem(refusals_);
        item->setText(1, tr("None: no link was refused."));
        item->setFlags(Qt::NoItemFlags);
    }
}

void ProfilePage::setTimelineChannels(const std::set<std::string> &channels)
{
    for (const auto &[key, button] : channelButtons_) {
        const QSignalBlocker blocker(button);
        button->setChecked(channels.empty() || channels.contains(key));
    }
    channels_ = channels;
    reloadTimeline();
}

void ProfilePage::reloadTimeline()
{
    ++timelineGeneration_;
    events_.clear();
    timeline_->clear();
    timelineNext_.reset();
    const bool noneChecked = std::none_of(channelButtons_.begin(), channelButtons_.end(),
        [](const auto &entry) { return entry.second->isChecked(); });
    if (noneChecked) {
        timelineLoading_ = false;
        olderButton_->setEnabled(false);
        timelineStatus_->setText(tr("Choose at least one channel to see events."));
        return;
    }
    if (profileId_ == 0)
        return;
    requestTimelinePage();
}

void ProfilePage::showOlderEvents()
{
    if (!timelineNext_ || timelineLoading_)
        return;
    requestTimelinePage();
}

void ProfilePage::requestTimelinePage()
{
    TimelineQuery query;
    query.channels.assign(channels_.begin(), channels_.end());
    if (!typeFilter_.empty())
        query.types = { typeFilter_ };
    query.pageSize = kTimelinePage;
    query.after = timelineNext_;
    const std::int64_t profile = profileId_;
    const quint64 generation = timelineGeneration_;
    timelineLoading_ = true;
    olderButton_->setEnabled(false);
    timelineStatus_->setText(tr("Reading events…"));
    using Result = std::pair<TimelinePage, ProductIndex>;
    worker_.post<Result>(
        this,
        [profile, query](Database &db) {
            ProfileReader reader(db);
            TimelinePage page = reader.timeline(profile, query);
            std::vector<std::int64_t> ids;
            for (const TimelineEvent &event : page.events)
                if (event.productId)
                    ids.push_back(*event.productId);
            ProductIndex products = loadProducts(db, ids);
            return Result { std::move(page), std::move(products) };
        },
        [this, generation](Result result) {
            if (generation != timelineGeneration_)
                return;
            timelineLoading_ = false;
            appendTimeline(result.first, result.second);
            Q_EMIT loaded();
        },
        [this, generation](const QString &error) {
            if (generation != timelineGeneration_)
                return;
            timelineLoading_ = false;
            timelineStatus_->setText(tr("The events could not be read: %1").arg(error));
            Q_EMIT loaded();
        });
}

void ProfilePage::appendTimeline(const TimelinePage &page, const ProductIndex &products)
{
    QList<QTreeWidgetItem *> items;
    for (const TimelineEvent &event : page.events) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, formatLocalDateTime(event.ts));
        item->setIcon(1, channelIcon(event.channel));
        item->setText(1, channelDisplayName(event.channel));
        item->setData(1, Qt::UserRole, fromStd(event.channel));
        item->setText(2, describeEvent(event, products, currency_));
        item->setToolTip(2, item->text(2));
        item->setData(2, Qt::UserRole, fromStd(event.type));
        items << item;
        events_.push_back(event);
    }
    timeline_->addTopLevelItems(items);
    timelineNext_ = page.next;
    olderButton_->setEnabled(timelineNext_.has_value());
    const QLocale locale;
    if (events_.empty())
        timelineStatus_->setText(channels_.empty() && typeFilter_.empty()
                ? tr("No events recorded for this shopper.")
                : tr("No events match the filter."));
    else if (timelineNext_)
        timelineStatus_->setText(tr("Showing the latest %1 events.")
                                     .arg(locale.toString(static_cast<qint64>(events_.size()))));
    else
        timelineStatus_->setText(
            tr("All %1 events shown.").arg(locale.toString(static_cast<qint64>(events_.size()))));
}

void ProfilePage::showMessage(const QString &text, bool error)
{
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    message_->setVisible(!text.isEmpty());
}

QString ProfilePage::lastMessage() const
{
    return message_->isVisible() ? message_->text() : QString();
}

void ProfilePage::runEdit(const QString &what, std::function<std::int64_t(Database &)> edit)
{
    editing_ = true;
    const quint64 generation = generation_;
    worker_.post<std::int64_t>(
        this, std::move(edit),
        [this, what, generation](std::int64_t profile) {
            editing_ = false;
            Q_EMIT workspaceChanged();
            if (generation != generation_)
                return;
            showProfile(profile);
            showMessage(what);
        },
        [this](const QString &error) {
            editing_ = false;
            showMessage(error, true);
        });
}

void ProfilePage::splitMerge(std::int64_t mergeId)
{
    if (!view_.record)
        return;
    const auto &merges = view_.record->merges;
    const auto it = std::find_if(
        merges.begin(), merges.end(), [mergeId](const ProfileMerge &m) { return m.id == mergeId; });
    if (it == merges.end())
        return;
    const QString linked = it->identityKind.empty()
        ? tr("by hand")
        : tr("by %1 %2").arg(identityKindName(it->identityKind), fromStd(it->identityValue));
    if (!Prompts::confirm(this, tr("Split Profile"),
            tr("Profile #%1 was merged into #%2 %3.\n\nSplitting gives profile #%1 back the "
               "identifiers it brought (%4), and the events recorded under them. Names, consents "
               "and events without a recorded identifier stay here. You can undo the split "
               "later.")
                .arg(it->mergedProfileId)
                .arg(it->keptProfileId)
                .arg(linked)
                .arg(it->identityIds.size()),
            tr("Split")))
        return;
    const std::int64_t shown = profileId_;
    runEdit(
        tr("Profile #%1 was split out. Its traits were computed again.").arg(it->mergedProfileId),
        [mergeId, shown](Database &db) {
            // The editor refreshes the traits in the edit's transaction.
            MergeEditor editor(db);
            editor.split(mergeId);
            return editor.currentProfile(shown);
        });
}

void ProfilePage::undoMergeRecord(std::int64_t recordId)
{
    if (!Prompts::confirm(this, tr("Undo"),
            tr("Undo this step? A split is merged back; a merge by hand is split again."),
            tr("Undo")))
        return;
    const std::int64_t shown = profileId_;
    runEdit(tr("Undone."), [recordId, shown](Database &db) {
        // The editor refreshes the traits in the edit's transaction.
        MergeEditor editor(db);
        editor.undo(recordId);
        return editor.currentProfile(shown);
    });
}

void ProfilePage::chooseMergePartner()
{
    if (!view_.record)
        return;
    const QString name = fromStd(view_.record->displayName());
    const auto choice = MergeWithDialog::ask(this, worker_.workspace(), profileId_, name);
    if (!choice)
        return;
    if (!Prompts::confirm(this, tr("Merge Profiles"),
            tr("Merge %1 (profile #%2) and %3 (profile #%4) into one shopper?\n\nThe "
               "identifiers, events and consents of both come together under the older "
               "profile. You can undo this on the Merges tab.")
                .arg(name)
                .arg(profileId_)
                .arg(choice->second)
                .arg(choice->first),
            tr("Merge")))
        return;
    mergeWith(choice->first);
}

void ProfilePage::mergeWith(std::int64_t otherProfileId)
{
    const std::int64_t shown = profileId_;
    runEdit(
        tr("Merged with profile #%1.").arg(otherProfileId), [shown, otherProfileId](Database &db) {
            // The editor refreshes the traits in the edit's transaction.
            MergeEditor editor(db);
            editor.merge(shown, otherProfileId);
            return editor.currentProfile(shown);
        });
}

void ProfilePage::exportData()
{
    if (!view_.record)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString base = fromStd(view_.record->displayName());
    base.replace(QRegularExpression(QStringLiteral("[^\\w@.-]+")), QStringLiteral("-"));
    const QString path = Prompts::saveFileName(this, tr("Export Shopper Data"),
        QDir(folder).filePath(tr("%1 - data.json").arg(base)), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const std::int64_t profile = profileId_;
    const std::string target = path.toStdString();
    editing_ = true;
    worker_.post<bool>(
        this,
        [profile, target](Database &db) {
            Privacy::writeAccessExport(db, profile, target);
            return true;
        },
        [this, path](bool) {
            editing_ = false;
            showMessage(tr("Everything held about this shopper was saved to %1")
                            .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        },
        [this](const QString &error) {
            editing_ = false;
            showMessage(tr("The export failed: %1").arg(error), true);
        });
}

void ProfilePage::deleteShopper()
{
    if (!view_.record)
        return;
    const auto reason = DeleteShopperDialog::ask(
        this, fromStd(view_.record->displayName()), fromStd(view_.record->firstValueOf("email")));
    if (!reason)
        return;
    const std::int64_t profile = profileId_;
    const std::string why = reason->toStdString();
    editing_ = true;
    worker_.post<bool>(
        this,
        [profile, why](Database &db) {
            Privacy::erase(db, profile, why);
            return true;
        },
        [this, profile](bool) {
            editing_ = false;
            view_ = {};
            profileId_ = 0;
            Q_EMIT profileErased(profile);
            Q_EMIT workspaceChanged();
        },
        [this](const QString &error) {
            editing_ = false;
            showMessage(tr("The shopper could not be deleted: %1").arg(error), true);
        });
}

} // namespace clientele
