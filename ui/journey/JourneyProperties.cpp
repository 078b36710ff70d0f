#include "JourneyProperties.h"

#include "ConditionRow.h"
#include "JourneyDocument.h"
#include "JourneyKinds.h"
#include "JourneyMessagePreview.h"
#include "SegmentText.h"

#include "journey/JourneyValidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace clientele {

using nlohmann::json;

namespace {

double numberOf(const json &config, const char *key, double fallback = 0.0)
{
    const json value = config.value(key, json());
    return value.is_number() ? value.get<double>() : fallback;
}

/// A whole number when it is one, so that the JSON reads "hours": 24 and not 24.0.
json numberJson(double value)
{
    if (std::abs(value - std::round(value)) < 1e-9)
        return static_cast<std::int64_t>(std::llround(value));
    return value;
}

QSpinBox *spinBox(int minimum, int maximum, int value, const QString &suffix, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(minimum, maximum);
    spin->setValue(value);
    spin->setSuffix(suffix);
    return spin;
}

std::string currentKey(const QComboBox *combo)
{
    const QVariant data = combo->currentData();
    if (data.isValid() && combo->currentText() == combo->itemText(combo->currentIndex()))
        return data.toString().toStdString();
    return combo->currentText().trimmed().toStdString();
}

} // namespace

JourneyProperties::JourneyProperties(JourneyDocument *document, QWidget *parent)
    : QWidget(parent)
    , document_(document)
{
    setObjectName(QStringLiteral("journeyProperties"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll_);
    preview_ = new JourneyMessagePreview(this);
    preview_->hide();

    auto rebuildIfShown = [this](const QString &id) {
        if (!applying_ && id.toStdString() == nodeId_)
            rebuild();
    };
    connect(document_, &JourneyDocument::nodeChanged, this, rebuildIfShown);
    connect(document_, &JourneyDocument::nodeRemoved, this, [this](const QString &id) {
        if (id.toStdString() == nodeId_)
            showNode({});
    });
    connect(document_, &JourneyDocument::settingsChanged, this, [this] {
        if (!applying_ && nodeId_.empty())
            rebuild();
    });
    connect(document_, &JourneyDocument::journeyReset, this, [this] { showNode({}); });
    connect(document_, &JourneyDocument::validated, this, &JourneyProperties::showIssues);
    rebuild();
}

void JourneyProperties::setContext(const JourneyContext &context)
{
    context_ = context;
    rebuild();
}

void JourneyProperties::showNode(const std::string &nodeId)
{
    nodeId_ = document_->journey().node(nodeId) ? nodeId : std::string();
    rebuild();
}

void JourneyProperties::rebuild()
{
    // The preview outlives the form it sits in.
    preview_->hide();
    preview_->setParent(this);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 8, 10, 8);
    title_ = new QLabel(page);
    title_->setObjectName(QStringLiteral("propertiesTitle"));
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title_->setFont(titleFont);
    title_->setWordWrap(true);
    layout->addWidget(title_);
    issues_ = new QLabel(page);
    issues_->setObjectName(QStringLiteral("propertiesIssues"));
    issues_->setWordWrap(true);
    issues_->setStyleSheet(QStringLiteral("color: #c62828;"));
    layout->addWidget(issues_);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->addLayout(form);

    const JourneyNode *node = document_->journey().node(nodeId_);
    if (!document_->isOpen()) {
        title_->setText(tr("No journey open"));
        auto *hint = new QLabel(tr("Start with New, a template or a saved journey."), page);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    } else if (!node) {
        title_->setText(tr("Journey settings"));
        buildSettings(form);
        auto *hint = new QLabel(tr("Select a step on the canvas to change it."), page);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("color: palette(dark);"));
        layout->addWidget(hint);
    } else {
        title_->setText(tr("%1 step").arg(JourneyKinds::label(node->kind)));
        auto *label = new QLineEdit(
            QString::fromStdString(node->config.value("label", std::string())), page);
        label->setObjectName(QStringLiteral("stepLabel"));
        label->setPlaceholderText(JourneyKinds::label(node->kind));
        connect(label, &QLineEdit::textEdited, this, [this](const QString &text) {
            editConfig(
                [&](json &config) {
                    if (text.trimmed().isEmpty())
                        config.erase("label");
                    else
                        config["label"] = text.toStdString();
                },
                QStringLiteral("label"));
        });
        form->addRow(tr("Label:"), label);
        const json &config = node->config;
        if (node->kind == JourneyKind::kEntry)
            buildEntry(form, config);
        else if (node->kind == JourneyKind::kWait)
            buildWait(form, config);
        else if (node->kind == JourneyKind::kWaitUntil)
            buildWaitUntil(form, config);
        else if (node->kind == JourneyKind::kBranch)
            buildBranch(form, config);
        else if (node->kind == JourneyKind::kSplit)
            buildSplit(form, config);
        else if (node->kind == JourneyKind::kSend)
            buildSend(form, config);
        else if (node->kind == JourneyKind::kUpdateProfile)
            buildUpdateProfile(form, config);
        else if (node->kind == JourneyKind::kExit)
            form->addRow(new QLabel(tr("Shoppers who get here leave the journey."), page));
    }
    layout->addStretch();
    // The old form may be the sender of the change that rebuilds it (a button, Enter in a
    // field): it goes once that signal has returned.
    if (QWidget *old = scroll_->takeWidget())
        old->deleteLater();
    scroll_->setWidget(page);
    showIssues();
    updatePreview();
}

QComboBox *JourneyProperties::eventPicker(const std::string &current, QWidget *parent) const
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    // Long event names must not widen the panel.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    combo->setInsertPolicy(QComboBox::NoInsert);
    QStringList keys = context_.pickers.eventTypes;
    const QString currentKey = QString::fromStdString(current);
    if (!currentKey.isEmpty() && !keys.contains(currentKey))
        keys.prepend(currentKey);
    for (const QString &key : keys)
        combo->addItem(SegmentText::eventLabel(key.toStdString()), key);
    const int index = combo->findData(currentKey);
    if (index >= 0)
        combo->setCurrentIndex(index);
    else
        combo->setEditText(QString());
    combo->setToolTip(tr("An event type of this workspace, or type an event key"));
    return combo;
}

QComboBox *JourneyProperties::segmentPicker(
    const json &current, bool allowEveryone, QWidget *parent) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("segmentPicker"));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    if (allowEveryone)
        combo->addItem(tr("Everyone"), QString());
    int selected = allowEveryone && current.is_null() ? 0 : -1;
    for (const auto &[name, document] : context_.segments) {
        combo->addItem(name, name);
        if (document == current)
            selected = combo->count() - 1;
    }
    if (selected < 0 && !current.is_null()) {
        combo->insertItem(0, tr("The step's own rule"), QStringLiteral("\x01"));
        selected = 0;
    }
    combo->setCurrentIndex(std::max(selected, 0));
    return combo;
}

void JourneyProperties::editConfig(const std::function<void(json &)> &edit, const QString &mergeKey,
    bool structural, const std::map<std::string, std::string> &renamedExits)
{
    const JourneyNode *node = document_->journey().node(nodeId_);
    if (!node)
        return;
    json config = node->config;
    edit(config);
    applying_ = true;
    document_->changeConfig(nodeId_, config, mergeKey, renamedExits);
    applying_ = false;
    if (structural)
        rebuild();
    else
        updatePreview();
}

void JourneyProperties::buildSettings(QFormLayout *form)
{
    QWidget *page = form->parentWidget();
    const Journey &journey = document_->journey();
    const JourneySettings settings = journey.settings;

    auto *name = new QLineEdit(QString::fromStdString(journey.name), page);
    name->setObjectName(QStringLiteral("journeyName"));
    form->addRow(tr("Name:"), name);
    auto *goal = eventPicker(settings.goalEvent, page);
    goal->setObjectName(QStringLiteral("goalEvent"));
    goal->setToolTip(tr("Shoppers who do this leave the journey and count as converted"));
    form->addRow(tr("Goal:"), goal);

    auto *capOn = new QCheckBox(tr("Frequency cap: at most"), page);
    capOn->setChecked(settings.frequencyCap.has_value());
    const FrequencyCap cap = settings.frequencyCap.value_or(FrequencyCap { 3, 7 });
    // Words beside the numbers rather than as suffixes: narrower spin boxes in any language.
    auto *capSends = spinBox(1, 100, cap.sends, QString(), page);
    auto *capDays = spinBox(1, 365, cap.days, QString(), page);
    auto *capRow = new QHBoxLayout;
    capRow->addWidget(capSends);
    capRow->addWidget(new QLabel(tr("messages in"), page));
    capRow->addWidget(capDays);
    capRow->addWidget(new QLabel(tr("days"), page));
    capRow->addStretch();
    form->addRow(capOn);
    capRow->setContentsMargins(24, 0, 0, 0); // under its check box, across the form
    form->addRow(capRow);

    auto *quietOn = new QCheckBox(tr("Quiet hours"), page);
    quietOn->setToolTip(tr("No e-mail, push or SMS goes out in these hours of the shopper's "
                           "day; it waits until they end"));
    quietOn->setChecked(settings.quietHours.has_value());
    const QuietHours quiet = settings.quietHours.value_or(QuietHours {});
    auto *quietStart = spinBox(0, 23, quiet.startHour, tr(":00"), page);
    auto *quietEnd = spinBox(0, 23, quiet.endHour, tr(":00"), page);
    auto *quietRow = new QHBoxLayout;
    quietRow->addWidget(quietStart);
    quietRow->addWidget(new QLabel(tr("to"), page));
    quietRow->addWidget(quietEnd);
    form->addRow(quietOn);
    quietRow->setContentsMargins(24, 0, 0, 0); // under its check box, across the form
    form->addRow(quietRow);
    auto *zone = new QLineEdit(QString::fromStdString(quiet.defaultTimezone), page);
    zone->setToolTip(tr("The quiet hours' time zone for shoppers without one of their own, "
                        "e.g. Europe/Berlin"));
    form->addRow(tr("Time zone:"), zone);

    auto *seed = spinBox(0, 1'000'000, static_cast<int>(settings.seed), QString(), page);
    seed->setToolTip(tr("The same seed puts each shopper in the same split path"));
    form->addRow(tr("Split seed:"), seed);

    const auto apply = [=, this](const QString &mergeKey) {
        JourneySettings next = document_->journey().settings;
        next.goalEvent = currentKey(goal);
        next.frequencyCap = capOn->isChecked()
            ? std::optional(FrequencyCap { capSends->value(), capDays->value() })
            : std::nullopt;
        next.quietHours = quietOn->isChecked() ? std::optional(QuietHours { quietStart->value(),
                              quietEnd->value(), zone->text().trimmed().toStdString() })
                                               : std::nullopt;
        next.seed = static_cast<std::uint64_t>(seed->value());
        applying_ = true;
        document_->changeSettings(name->text().toStdString(), next, mergeKey);
        applying_ = false;
    };
    connect(name, &QLineEdit::textEdited, this, [apply] { apply(QStringLiteral("name")); });
    connect(goal, &QComboBox::currentTextChanged, this, [apply] { apply(QStringLiteral("goal")); });
    connect(capOn, &QCheckBox::toggled, this, [apply] { apply(QString()); });
    connect(
        capSends, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("capSends")); });
    connect(capDays, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("capDays")); });
    connect(quietOn, &QCheckBox::toggled, this, [apply] { apply(QString()); });
    connect(quietStart, &QSpinBox::valueChanged, this,
        [apply] { apply(QStringLiteral("quietStart")); });
    connect(
        quietEnd, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("quietEnd")); });
    connect(zone, &QLineEdit::textEdited, this, [apply] { apply(QStringLiteral("zone")); });
    connect(seed, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("seed")); });
}

void JourneyProperties::buildEntry(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    const json trigger = config.value("trigger", json::object());
    // The trigger: an event (or "did A, then not B"), or joining a segment.
    const bool bySegment = trigger.is_object() && trigger.contains("segment");
    auto *mode = new QComboBox(page);
    mode->setObjectName(QStringLiteral("triggerMode"));
    mode->addItem(tr("When they do something"), QStringLiteral("event"));
    mode->addItem(tr("When they join a segment"), QStringLiteral("segment"));
    mode->setCurrentIndex(bySegment ? 1 : 0);
    form->addRow(tr("Shoppers enter:"), mode);
    connect(mode, &QComboBox::currentIndexChanged, this, [this, mode] {
        const bool segment = mode->currentData().toString() == QStringLiteral("segment");
        editConfig(
            [&](json &c) {
                if (!segment)
                    c["trigger"] = { { "event", "product_added" } };
                else if (!context_.segments.empty())
                    c["trigger"] = { { "segment", context_.segments.begin()->second } };
                else
                    c["trigger"] = { { "segment",
                        JourneyKinds::defaultConfig(JourneyKind::kBranch).at("segment") } };
            },
            QString(), true);
    });
    if (bySegment) {
        auto *joined = segmentPicker(trigger.at("segment"), false, page);
        joined->setObjectName(QStringLiteral("triggerSegment"));
        form->addRow(tr("Segment:"), joined);
        if (trigger.at("segment").is_object() && trigger.at("segment").contains("rule")) {
            auto *sentence
                = new QLabel(SegmentText::sentence(trigger.at("segment").at("rule")), page);
            sentence->setWordWrap(true);
            sentence->setStyleSheet(QStringLiteral("color: palette(dark);"));
            form->addRow(sentence);
        }
        connect(joined, &QComboBox::currentIndexChanged, this, [this, joined] {
            const QString name = joined->currentData().toString();
            if (context_.segments.count(name))
                editConfig([&](json &c) { c["trigger"]["segment"] = context_.segments.at(name); },
                    QString(), true);
        });
    } else {
        buildEventTrigger(form, trigger);
    }

    auto *segment = segmentPicker(config.value("segment", json()), true, page);
    segment->setToolTip(tr("Only members of this segment enter"));
    form->addRow(tr("Only shoppers in:"), segment);
    connect(segment, &QComboBox::currentIndexChanged, this, [this, segment] {
        const QString name = segment->currentData().toString();
        if (name == QStringLiteral("\x01"))
            return;
        editConfig(
            [&](json &c) {
                if (name.isEmpty())
                    c.erase("segment");
                else
                    c["segment"] = context_.segments.at(name);
            },
            QString(), true);
    });

    const json reentry = config.value("reentry", json("once"));
    const std::string policy
        = reentry.is_string() ? reentry.get<std::string>() : reentry.value("policy", std::string());
    auto *reentryCombo = new QComboBox(page);
    reentryCombo->setObjectName(QStringLiteral("reentry"));
    reentryCombo->addItem(tr("Once"), QStringLiteral("once"));
    reentryCombo->addItem(tr("Every time"), QStringLiteral("every_time"));
    reentryCombo->addItem(tr("Again after some days"), QStringLiteral("again_after_days"));
    reentryCombo->setCurrentIndex(
        std::max(0, reentryCombo->findData(QString::fromStdString(policy))));
    auto *days = spinBox(1, 365,
        reentry.is_object() ? static_cast<int>(numberOf(reentry, "days", 30)) : 30, tr(" days"),
        page);
    days->setEnabled(policy == "again_after_days");
    auto *reentryRow = new QHBoxLayout;
    reentryRow->addWidget(reentryCombo, 1);
    reentryRow->addWidget(days);
    form->addRow(tr("Re-entry:"), reentryRow);
    const auto applyReentry = [this, reentryCombo, days](const QString &key) {
        const std::string chosen = reentryCombo->currentData().toString().toStdString();
        days->setEnabled(chosen == "again_after_days");
        editConfig(
            [&](json &c) {
                if (chosen == "again_after_days")
                    c["reentry"] = { { "policy", chosen }, { "days", days->value() } };
                else
                    c["reentry"] = chosen;
            },
            key);
    };
    connect(reentryCombo, &QComboBox::currentIndexChanged, this,
        [applyReentry] { applyReentry(QString()); });
    connect(days, &QSpinBox::valueChanged, this,
        [applyReentry] { applyReentry(QStringLiteral("reentryDays")); });
}

void JourneyProperties::buildEventTrigger(QFormLayout *form, const json &trigger)
{
    QWidget *page = form->parentWidget();
    auto *event = eventPicker(trigger.value("event", std::string()), page);
    event->setObjectName(QStringLiteral("triggerEvent"));
    form->addRow(tr("Event:"), event);
    connect(event, &QComboBox::currentTextChanged, this, [this, event] {
        editConfig(
            [&](json &c) { c["trigger"]["event"] = currentKey(event); }, QStringLiteral("trigger"));
    });

    auto *thenNot = new QCheckBox(tr("then do not"), page);
    thenNot->setObjectName(QStringLiteral("thenNot"));
    thenNot->setChecked(trigger.contains("then_not"));
    auto *notEvent = eventPicker(trigger.value("then_not", std::string("order_completed")), page);
    auto *within = spinBox(
        1, 24 * 90, static_cast<int>(numberOf(trigger, "within_hours", 1)), tr(" h"), page);
    auto *notRow = new QHBoxLayout;
    notRow->addWidget(notEvent, 1);
    notRow->addWidget(new QLabel(tr("within"), page));
    notRow->addWidget(within);
    form->addRow(thenNot, notRow);
    notEvent->setEnabled(thenNot->isChecked());
    within->setEnabled(thenNot->isChecked());
    const auto applySequence = [this, thenNot, notEvent, within](const QString &key) {
        editConfig(
            [&](json &c) {
                json &t = c["trigger"];
                if (thenNot->isChecked()) {
                    t["then_not"] = currentKey(notEvent);
                    t["within_hours"] = within->value();
                } else {
                    t.erase("then_not");
                    t.erase("within_hours");
                }
            },
            key, key.isEmpty());
    };
    connect(thenNot, &QCheckBox::toggled, this, [applySequence] { applySequence(QString()); });
    connect(notEvent, &QComboBox::currentTextChanged, this,
        [applySequence] { applySequence(QStringLiteral("thenNot")); });
    connect(within, &QSpinBox::valueChanged, this,
        [applySequence] { applySequence(QStringLiteral("within")); });
}

void JourneyProperties::buildWait(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    const bool untilTime = config.contains("until");
    auto *mode = new QComboBox(page);
    mode->setObjectName(QStringLiteral("waitMode"));
    mode->addItem(tr("For a time"), QStringLiteral("duration"));
    mode->addItem(tr("Until a time of day"), QStringLiteral("until"));
    mode->setCurrentIndex(untilTime ? 1 : 0);
    form->addRow(tr("Wait:"), mode);
    connect(mode, &QComboBox::currentIndexChanged, this, [this, mode] {
        const bool until = mode->currentData().toString() == QStringLiteral("until");
        editConfig(
            [&](json &c) {
                c.erase("days");
                c.erase("hours");
                c.erase("until");
                if (until)
                    c["until"] = { { "hour", 9 } };
                else
                    c["hours"] = 24;
            },
            QString(), true);
    });
    if (untilTime) {
        const json until = config.at("until");
        auto *hour = spinBox(0, 23, static_cast<int>(numberOf(until, "hour", 9)), tr(":00"), page);
        hour->setObjectName(QStringLiteral("untilHour"));
        form->addRow(tr("Until:"), hour);
        const json weekdays = until.value("weekdays", json::array());
        static const char *const keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
        const QStringList names { tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"),
            tr("Sun") };
        auto *days = new QGridLayout;
        std::vector<QCheckBox *> boxes;
        for (int i = 0; i < 7; ++i) {
            auto *box = new QCheckBox(names[i], page);
            box->setChecked(
                std::find(weekdays.begin(), weekdays.end(), json(keys[i])) != weekdays.end());
            days->addWidget(box, i / 4, i % 4);
            boxes.push_back(box);
        }
        form->addRow(tr("On:"), days);
        auto *note = new QLabel(tr("No day ticked: any day. In the shopper's time zone."), page);
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: palette(dark);"));
        form->addRow(note);
        const auto apply = [this, hour, boxes](const QString &key) {
            editConfig(
                [&](json &c) {
                    json next = { { "hour", hour->value() } };
                    json chosen = json::array();
                    for (std::size_t i = 0; i < boxes.size(); ++i)
                        if (boxes[i]->isChecked())
                            chosen.push_back(keys[i]);
                    if (!chosen.empty())
                        next["weekdays"] = chosen;
                    c["until"] = next;
                },
                key);
        };
        connect(
            hour, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("untilHour")); });
        for (QCheckBox *box : boxes)
            connect(box, &QCheckBox::toggled, this, [apply] { apply(QString()); });
        return;
    }
    auto *days = spinBox(0, 365, static_cast<int>(numberOf(config, "days")), tr(" days"), page);
    days->setObjectName(QStringLiteral("waitDays"));
    auto *hours = spinBox(0, 23 * 24, static_cast<int>(numberOf(config, "hours")), tr(" h"), page);
    hours->setObjectName(QStringLiteral("waitHours"));
    form->addRow(tr("Days:"), days);
    form->addRow(tr("and hours:"), hours);
    const auto apply = [this, days, hours](const QString &key) {
        editConfig(
            [&](json &c) {
                c.erase("days");
                c.erase("hours");
                if (days->value() > 0)
                    c["days"] = days->value();
                if (hours->value() > 0)
                    c["hours"] = hours->value();
            },
            key);
    };
    connect(days, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("days")); });
    connect(hours, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("hours")); });
}

void JourneyProperties::buildWaitUntil(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    auto *event = eventPicker(config.value("event", std::string()), page);
    event->setObjectName(QStringLiteral("awaitedEvent"));
    form->addRow(tr("Until the shopper:"), event);
    const json match = config.value("match", json::array());
    auto contains = [&](const char *key) {
        return match.is_array() && std::find(match.begin(), match.end(), json(key)) != match.end();
    };
    auto *sameCart = new QCheckBox(tr("in the same cart"), page);
    sameCart->setChecked(contains("cart_id"));
    auto *sameOrder = new QCheckBox(tr("for the same order"), page);
    sameOrder->setChecked(contains("order_id"));
    form->addRow(QString(), sameCart);
    form->addRow(QString(), sameOrder);
    auto *timeout = spinBox(
        1, 24 * 90, static_cast<int>(numberOf(config, "timeout_hours", 24)), tr(" h"), page);
    timeout->setObjectName(QStringLiteral("timeoutHours"));
    form->addRow(tr("At most:"), timeout);
    const auto apply = [this, event, sameCart, sameOrder, timeout](const QString &key) {
        editConfig(
            [&](json &c) {
                c["event"] = currentKey(event);
                json keys = json::array();
                if (sameCart->isChecked())
                    keys.push_back("cart_id");
                if (sameOrder->isChecked())
                    keys.push_back("order_id");
                if (keys.empty())
                    c.erase("match");
                else
                    c["match"] = keys;
                c["timeout_hours"] = timeout->value();
            },
            key);
    };
    connect(
        event, &QComboBox::currentTextChanged, this, [apply] { apply(QStringLiteral("event")); });
    connect(sameCart, &QCheckBox::toggled, this, [apply] { apply(QString()); });
    connect(sameOrder, &QCheckBox::toggled, this, [apply] { apply(QString()); });
    connect(timeout, &QSpinBox::valueChanged, this, [apply] { apply(QStringLiteral("timeout")); });
}

void JourneyProperties::buildBranch(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    if (config.contains("rules")) {
        auto *note = new QLabel(tr("This branch decides by rules of its own (%1); choosing a "
                                   "saved segment replaces them with yes/no.")
                                    .arg(static_cast<int>(config.at("rules").size())),
            page);
        note->setWordWrap(true);
        form->addRow(note);
    }
    const json segment = config.value("segment", json());
    const json rule = segment.is_object() ? segment.value("rule", json()) : json();
    bool saved = false;
    for (const auto &[name, document] : context_.segments)
        saved = saved || document == segment;
    // One condition of the segment builder, or a saved segment.
    const std::string type = rule.is_object() ? rule.value("type", std::string()) : "";
    const bool byCondition = !config.contains("rules") && !saved && !type.empty() && type != "all"
        && type != "any" && type != "none";
    auto *mode = new QComboBox(page);
    mode->setObjectName(QStringLiteral("branchMode"));
    mode->addItem(tr("Shoppers in a saved segment"), QStringLiteral("segment"));
    mode->addItem(tr("Shoppers who meet a condition"), QStringLiteral("condition"));
    mode->setCurrentIndex(byCondition ? 1 : 0);
    form->addRow(tr("Yes for:"), mode);
    connect(mode, &QComboBox::currentIndexChanged, this, [this, mode] {
        const bool condition = mode->currentData().toString() == QStringLiteral("condition");
        editConfig(
            [&](json &c) {
                c.erase("rules");
                if (condition || context_.segments.empty())
                    c["segment"] = JourneyKinds::defaultConfig(JourneyKind::kBranch).at("segment");
                else
                    c["segment"] = context_.segments.begin()->second;
            },
            QString(), true);
    });

    if (byCondition) {
        auto *row = new ConditionRow(rule, "/segment/rule", context_.pickers, false, page);
        row->setObjectName(QStringLiteral("branchCondition"));
        // The builder's row is made for a wide editor: it scrolls sideways on its own, so
        // that the rest of the form keeps to the panel.
        auto *rowArea = new QScrollArea(page);
        rowArea->setObjectName(QStringLiteral("branchConditionArea"));
        rowArea->setFrameShape(QFrame::NoFrame);
        rowArea->setWidgetResizable(true);
        rowArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        rowArea->setWidget(row);
        rowArea->setFixedHeight(row->minimumSizeHint().height()
            + rowArea->horizontalScrollBar()->sizeHint().height() + 4);
        form->addRow(rowArea);
        connect(row, &ConditionRow::edited, this,
            [this](
                const std::string &, const json &node, const QString &mergeKey, bool structural) {
                editConfig([&](json &c) { c["segment"]["rule"] = node; }, mergeKey, structural);
            });
    } else {
        auto *picker = segmentPicker(config.contains("rules") ? json() : segment, false, page);
        // segmentPicker() has chosen the saved segment (or the step's own rule) already.
        if (config.contains("rules")) {
            picker->insertItem(0, tr("The step's own rules"), QStringLiteral("\x01"));
            picker->setCurrentIndex(0);
        }
        picker->setToolTip(tr("Members go out through \"yes\", everyone else through \"no\""));
        form->addRow(tr("Segment:"), picker);
        if (context_.segments.empty()) {
            auto *hint
                = new QLabel(tr("Save segments in the Segments area to branch on them."), page);
            hint->setWordWrap(true);
            form->addRow(hint);
        }
        connect(picker, &QComboBox::currentIndexChanged, this, [this, picker] {
            const QString name = picker->currentData().toString();
            if (!context_.segments.count(name))
                return;
            editConfig(
                [&](json &c) {
                    c.erase("rules");
                    c["segment"] = context_.segments.at(name);
                },
                QString(), true);
        });
    }
    if (rule.is_object()) {
        auto *sentence = new QLabel(SegmentText::sentence(rule), page);
        sentence->setObjectName(QStringLiteral("branchSentence"));
        sentence->setWordWrap(true);
        sentence->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        sentence->setStyleSheet(QStringLiteral("color: palette(dark);"));
        form->addRow(sentence);
    }
}

void JourneyProperties::buildSplit(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    const json arms = config.value("arms", json::array());
    double total = 0.0;
    for (std::size_t i = 0; i < arms.size(); ++i) {
        const json &arm = arms[i];
        total += numberOf(arm, "percent");
        auto *name = new QLineEdit(QString::fromStdString(arm.value("port", std::string())), page);
        name->setObjectName(QStringLiteral("armName%1").arg(i));
        name->setToolTip(tr("The exit's name"));
        auto *percent = new QDoubleSpinBox(page);
        percent->setObjectName(QStringLiteral("armPercent%1").arg(i));
        percent->setRange(0, 100);
        percent->setDecimals(1);
        percent->setSuffix(tr(" %"));
        percent->setValue(numberOf(arm, "percent"));
        auto *holdout = new QCheckBox(tr("holdout"), page);
        holdout->setObjectName(QStringLiteral("armHoldout%1").arg(i));
        holdout->setToolTip(tr("Shoppers on this path receive no message"));
        holdout->setChecked(arm.value("holdout", false));
        auto *remove = new QToolButton(page);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this path"));
        remove->setEnabled(arms.size() > 2);
        auto *row = new QHBoxLayout;
        row->addWidget(name, 1);
        row->addWidget(percent);
        row->addWidget(holdout);
        row->addWidget(remove);
        form->addRow(tr("Path %1:").arg(i + 1), row);
        const auto setArm
            = [this, i](const char *key, json value, const QString &mergeKey, bool structural) {
                  editConfig(
                      [&](json &c) {
                          if (key == std::string("holdout") && value == json(false))
                              c["arms"][i].erase("holdout");
                          else
                              c["arms"][i][key] = value;
                      },
                      mergeKey, structural);
              };
        // A renamed path keeps its connection (one undo step with the rename).
        connect(name, &QLineEdit::editingFinished, this,
            [this, i, name, before = arm.value("port", std::string()), arms] {
                const std::string after = name->text().trimmed().toStdString();
                bool taken = false;
                for (const json &other : arms)
                    taken = taken || other.value("port", std::string()) == after;
                if (after.empty() || taken) {
                    if (after != before)
                        rebuild(); // an exit needs a name of its own: back to the old one
                    return;
                }
                editConfig([&](json &c) { c["arms"][i]["port"] = after; }, QString(), true,
                    { { before, after } });
            });
        connect(percent, &QDoubleSpinBox::valueChanged, this, [setArm, i](double value) {
            setArm("percent", numberJson(value), QStringLiteral("percent%1").arg(i), false);
        });
        connect(holdout, &QCheckBox::toggled, this,
            [setArm](bool on) { setArm("holdout", on, QString(), false); });
        connect(remove, &QToolButton::clicked, this,
            [this, i] { editConfig([&](json &c) { c["arms"].erase(i); }, QString(), true); });
    }
    auto *totalLabel
        = new QLabel(tr("Together: %1 %").arg(QLocale().toString(total, 'g', 4)), page);
    totalLabel->setObjectName(QStringLiteral("splitTotal"));
    if (std::abs(total - 100.0) > 1e-6)
        totalLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto *add = new QPushButton(tr("Add Path"), page);
    add->setObjectName(QStringLiteral("addArm"));
    connect(add, &QPushButton::clicked, this, [this] {
        editConfig(
            [&](json &c) {
                json &list = c["arms"];
                std::string port = "path";
                for (int n = 2;; ++n) {
                    bool taken = false;
                    for (const json &arm : list)
                        taken = taken || arm.value("port", std::string()) == port;
                    if (!taken)
                        break;
                    port = "path_" + std::to_string(n);
                }
                list.push_back({ { "port", port }, { "percent", 0 } });
            },
            QString(), true);
    });
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(totalLabel, 1);
    bottom->addWidget(add);
    form->addRow(bottom);
}

void JourneyProperties::buildSend(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    auto *channel = new QComboBox(page);
    channel->setObjectName(QStringLiteral("sendChannel"));
    for (const std::string &key : JourneyValidator::channels())
        channel->addItem(JourneyKinds::channelLabel(key), QString::fromStdString(key));
    channel->setCurrentIndex(std::max(
        0, channel->findData(QString::fromStdString(config.value("channel", std::string())))));
    form->addRow(tr("Channel:"), channel);
    connect(channel, &QComboBox::currentIndexChanged, this, [this, channel] {
        editConfig([&](json &c) { c["channel"] = channel->currentData().toString().toStdString(); },
            QString());
    });

    auto *subject
        = new QLineEdit(QString::fromStdString(config.value("subject", std::string())), page);
    subject->setObjectName(QStringLiteral("sendSubject"));
    form->addRow(tr("Subject:"), subject);
    connect(subject, &QLineEdit::textEdited, this, [this](const QString &text) {
        editConfig(
            [&](json &c) {
                if (text.isEmpty())
                    c.erase("subject");
                else
                    c["subject"] = text.toStdString();
            },
            QStringLiteral("subject"));
    });
    auto *body
        = new QPlainTextEdit(QString::fromStdString(config.value("body", std::string())), page);
    body->setObjectName(QStringLiteral("sendBody"));
    body->setMaximumHeight(90);
    form->addRow(tr("Message:"), body);
    connect(body, &QPlainTextEdit::textChanged, this, [this, body] {
        editConfig([&](json &c) { c["body"] = body->toPlainText().toStdString(); },
            QStringLiteral("body"));
    });
    auto *tokens = new QLabel(tr("Placeholders: {{first_name}}, {{cart.items}}, {{cart.value}}; "
                                 "a fallback after a bar: {{first_name|there}}"),
        page);
    tokens->setWordWrap(true);
    tokens->setStyleSheet(QStringLiteral("color: palette(dark);"));
    form->addRow(tokens);

    const json offer = config.value("offer", json());
    const std::string offerKind = offer.is_object() ? offer.value("kind", std::string()) : "";
    auto *offerCombo = new QComboBox(page);
    offerCombo->setObjectName(QStringLiteral("offerKind"));
    offerCombo->addItem(tr("No offer"), QString());
    offerCombo->addItem(tr("Discount (percent)"), QStringLiteral("discount"));
    offerCombo->addItem(tr("Loyalty reward (value)"), QStringLiteral("loyalty_reward"));
    offerCombo->setCurrentIndex(
        std::max(0, offerCombo->findData(QString::fromStdString(offerKind))));
    form->addRow(tr("Offer:"), offerCombo);
    connect(offerCombo, &QComboBox::currentIndexChanged, this, [this, offerCombo] {
        const std::string kind = offerCombo->currentData().toString().toStdString();
        editConfig(
            [&](json &c) {
                if (kind.empty())
                    c.erase("offer");
                else if (kind == "discount")
                    c["offer"] = { { "kind", kind }, { "percent", 10 },
                        { "code_pattern", "SAVE10-XXXXXX" } };
                else
                    c["offer"] = { { "kind", kind }, { "value", 5 },
                        { "reward", tr("5 € voucher").toStdString() } };
            },
            QString(), true);
    });
    if (offerKind == "discount") {
        auto *percent
            = spinBox(1, 100, static_cast<int>(numberOf(offer, "percent", 10)), tr(" %"), page);
        percent->setObjectName(QStringLiteral("offerPercent"));
        auto *code = new QLineEdit(
            QString::fromStdString(offer.value("code_pattern", std::string())), page);
        code->setToolTip(tr("Each X becomes a random letter or digit"));
        form->addRow(tr("Discount:"), percent);
        form->addRow(tr("Code pattern:"), code);
        connect(percent, &QSpinBox::valueChanged, this, [this](int value) {
            editConfig(
                [&](json &c) { c["offer"]["percent"] = value; }, QStringLiteral("offerPercent"));
        });
        connect(code, &QLineEdit::textEdited, this, [this](const QString &text) {
            editConfig([&](json &c) { c["offer"]["code_pattern"] = text.toStdString(); },
                QStringLiteral("offerCode"));
        });
    } else if (offerKind == "loyalty_reward") {
        auto *value = new QDoubleSpinBox(page);
        value->setObjectName(QStringLiteral("offerValue"));
        value->setRange(0.01, 10000);
        value->setValue(numberOf(offer, "value", 5));
        auto *reward
            = new QLineEdit(QString::fromStdString(offer.value("reward", std::string())), page);
        form->addRow(tr("Reward value:"), value);
        form->addRow(tr("Reward:"), reward);
        connect(value, &QDoubleSpinBox::valueChanged, this, [this](double amount) {
            editConfig([&](json &c) { c["offer"]["value"] = numberJson(amount); },
                QStringLiteral("offerValue"));
        });
        connect(reward, &QLineEdit::textEdited, this, [this](const QString &text) {
            editConfig([&](json &c) { c["offer"]["reward"] = text.toStdString(); },
                QStringLiteral("offerReward"));
        });
    }

    // The message as one shopper would read it: a real render with JourneyMessage.
    form->addRow(preview_);
    preview_->show();
}

void JourneyProperties::buildUpdateProfile(QFormLayout *form, const json &config)
{
    QWidget *page = form->parentWidget();
    auto *tag = new QLineEdit(QString::fromStdString(config.value("tag", std::string())), page);
    tag->setObjectName(QStringLiteral("profileTag"));
    form->addRow(tr("Set tag:"), tag);
    connect(tag, &QLineEdit::textEdited, this, [this](const QString &text) {
        editConfig(
            [&](json &c) { c["tag"] = text.trimmed().toStdString(); }, QStringLiteral("tag"));
    });
}

void JourneyProperties::showIssues()
{
    QStringList messages;
    for (const JourneyIssue &issue : document_->issues())
        if (issue.nodeId == nodeId_)
            messages << QString::fromStdString(issue.message);
    issues_->setText(messages.join(QLatin1Char('\n')));
    issues_->setVisible(!messages.isEmpty());
}

void JourneyProperties::updatePreview()
{
    const JourneyNode *node = document_->journey().node(nodeId_);
    if (!node || node->kind != JourneyKind::kSend)
        return;
    preview_->setMessage(
        node->config.value("subject", std::string()), node->config.value("body", std::string()));
}

} // namespace clientele
