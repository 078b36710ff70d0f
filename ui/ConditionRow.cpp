#include "ConditionRow.h"

#include "DisplayFormat.h"
#include "FieldPicker.h"
#include "ProductPicker.h"
#include "SegmentText.h"

#include "common/Time.h"
#include "profile/Rfm.h"
#include "segment/FieldRegistry.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace clientele {

namespace {

using json = nlohmann::json;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string todayIso(int daysBack = 0)
{
    return formatIsoDate(startOfDay(nowMillis()) - std::int64_t(daysBack) * 86'400'000);
}

bool takesNoValue(const std::string &op)
{
    return op == "is_set" || op == "is_not_set";
}

bool isDaysOperator(const std::string &op)
{
    return op == "in_last_days" || op == "more_than_days_ago" || op == "in_next_days";
}

/// The operator a field starts with: the one a marketer most often means.
std::string defaultOperator(const FieldInfo &field)
{
    switch (field.type) {
    case FieldType::Number:
        return ">";
    case FieldType::Date:
        return "in_last_days";
    case FieldType::List:
        return "contains";
    case FieldType::Text:
    case FieldType::Boolean:
        break;
    }
    return "is";
}

json defaultValue(const FieldInfo &field, const std::string &op)
{
    if (takesNoValue(op))
        return json();
    switch (field.type) {
    case FieldType::Number:
        return op == "between" ? json::array({ 0, 100 }) : json(0);
    case FieldType::Date:
        if (isDaysOperator(op))
            return 30;
        if (op == "between")
            return json::array({ todayIso(30), todayIso() });
        return todayIso();
    case FieldType::Boolean:
        return true;
    case FieldType::Text:
        if (op == "one_of")
            return json::array();
        break;
    case FieldType::List:
        break;
    }
    return "";
}

void setValueMember(json &node, const json &value)
{
    if (value.is_null())
        node.erase("value");
    else
        node["value"] = value;
}

QDate toDate(const json &value)
{
    return value.is_string() ? QDate::fromString(qs(value.get<std::string>()), Qt::ISODate)
                             : QDate::currentDate();
}

QToolButton *toolButton(
    QWidget *parent, const QString &glyph, const QString &tip, const QString &name)
{
    auto *button = new QToolButton(parent);
    button->setText(glyph);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    button->setObjectName(name);
    return button;
}

QLabel *word(const QString &text, QWidget *parent)
{
    return new QLabel(text, parent);
}

} // namespace

ConditionRow::ConditionRow(const json &node, std::string path, const SegmentPickers &pickers,
    bool canMoveOut, QWidget *parent)
    : QWidget(parent)
    , node_(node)
    , path_(std::move(path))
    , pickers_(pickers)
    , canMoveOut_(canMoveOut)
{
    setObjectName(QStringLiteral("conditionRow"));
    setProperty("path", QString::fromStdString(path_));
    build();
}

QLabel *ConditionRow::makeDragGrip(QWidget *parent, const QString &tip)
{
    auto *grip = new QLabel(QStringLiteral("⠿"), parent);
    grip->setObjectName(QStringLiteral("dragHandle"));
    grip->setToolTip(tip);
    grip->setCursor(Qt::OpenHandCursor);
    grip->setFocusPolicy(Qt::StrongFocus);
    grip->setAlignment(Qt::AlignCenter);
    grip->setFixedWidth(grip->fontMetrics().horizontalAdvance(QStringLiteral("⠿")) + 8);
    grip->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); } QLabel:focus { "
                                       "color: palette(highlight); border: 1px solid "
                                       "palette(highlight); border-radius: 3px; }"));
    return grip;
}

QString ConditionRow::entryOf(const json &node)
{
    const std::string type = node.value("type", std::string());
    if (type == "trait")
        return QStringLiteral("trait:%1").arg(qs(node.value("field", std::string())));
    if (type == "consent")
        return QStringLiteral("consent:%1").arg(qs(node.value("channel", std::string())));
    return qs(type);
}

json ConditionRow::defaultCondition(const QString &entry)
{
    if (entry.startsWith(QLatin1String("trait:"))) {
        const std::string key = entry.mid(6).toStdString();
        json node = { { "type", "trait" }, { "field", key } };
        if (const FieldInfo *field = FieldRegistry::standard().trait(key)) {
            node["op"] = defaultOperator(*field);
            setValueMember(node, defaultValue(*field, node["op"].get<std::string>()));
        }
        return node;
    }
    if (entry == QLatin1String("event"))
        return { { "type", "event" }, { "event", "order_completed" }, { "did", true },
            { "when", { { "in_last_days", 30 } } } };
    if (entry == QLatin1String("sequence"))
        return { { "type", "sequence" }, { "first", { { "event", "product_added" } } },
            { "then", { { "event", "order_completed" } } }, { "then_did", false },
            { "within_hours", 24 }, { "when", { { "in_last_days", 7 } } } };
    if (entry == QLatin1String("rfm"))
        return { { "type", "rfm" }, { "groups", json::array({ "at_risk" }) } };
    if (entry.startsWith(QLatin1String("consent:")))
        return { { "type", "consent" }, { "channel", entry.mid(8).toStdString() } };
    if (entry == QLatin1String("segment"))
        return { { "type", "segment" }, { "segment", "" }, { "member", true } };
    return defaultCondition(QStringLiteral("trait:orders"));
}

void ConditionRow::commit(const QString &mergeKey, bool structural)
{
    Q_EMIT edited(path_, node_, mergeKey, structural);
}

void ConditionRow::setIssues(const QStringList &messages)
{
    issues_->setText(messages.join(QLatin1Char('\n')));
    issues_->setVisible(!messages.isEmpty());
}

QString ConditionRow::issueText() const
{
    return issues_->text();
}

void ConditionRow::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 2, 0, 2);
    outer->setSpacing(2);
    auto *line = new QHBoxLayout;
    line->setSpacing(6);
    outer->addLayout(line);

    dragHandle_ = makeDragGrip(this,
        tr("Drag to move this condition (or Ctrl+Up/Down, "
           "Ctrl+Shift+Up out of its group, Ctrl+Shift+Down into the "
           "next group)"));
    line->addWidget(dragHandle_);

    fieldButton_ = new FieldPickerButton(this);
    fieldButton_->setEntry(entryOf(node_));
    connect(fieldButton_, &FieldPickerButton::entryPicked, this, [this](const QString &entry) {
        if (entry == entryOf(node_))
            return;
        // A trait keeps its operator and value when the new field takes them.
        json next = defaultCondition(entry);
        if (next.value("type", std::string()) == "trait"
            && node_.value("type", std::string()) == "trait") {
            const FieldInfo *before
                = FieldRegistry::standard().trait(node_.value("field", std::string()));
            const FieldInfo *after
                = FieldRegistry::standard().trait(next.value("field", std::string()));
            if (before && after && before->type == after->type) {
                next["op"] = node_.value("op", next["op"]);
                setValueMember(next, node_.value("value", json()));
            }
        }
        node_ = next;
        commit(QString(), true);
    });
    line->addWidget(fieldButton_);

    const std::string type = node_.value("type", std::string());
    // Behaviour rows continue on a second line (when, where, within), so that a row fits
    // beside the live count without scrolling sideways.
    second_ = new QHBoxLayout;
    second_->setSpacing(6);
    second_->setContentsMargins(24, 0, 0, 0);
    auto *body = new QHBoxLayout;
    body->setSpacing(6);
    line->addLayout(body, 1);
    if (type == "trait")
        buildTrait(body);
    else if (type == "event")
        buildEvent(body);
    else if (type == "sequence")
        buildSequence(body);
    else if (type == "rfm")
        buildRfm(body);
    else if (type == "consent")
        buildConsent(body);
    else if (type == "segment")
        buildMembership(body);
    body->addStretch();

    auto *up = toolButton(this, QStringLiteral("↑"), tr("Move up"), QStringLiteral("moveUp"));
    auto *down = toolButton(this, QStringLiteral("↓"), tr("Move down"), QStringLiteral("moveDown"));
    auto *out = toolButton(
        this, QStringLiteral("⇤"), tr("Move out of this group"), QStringLiteral("moveOut"));
    out->setEnabled(canMoveOut_);
    auto *remove = toolButton(
        this, QStringLiteral("✕"), tr("Remove this condition"), QStringLiteral("remove"));
    connect(up, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(path_, -1); });
    connect(down, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(path_, 1); });
    connect(out, &QToolButton::clicked, this, [this] { Q_EMIT moveOutRequested(path_); });
    connect(remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(path_); });
    line->addWidget(up);
    line->addWidget(down);
    line->addWidget(out);
    line->addWidget(remove);

    if (type == "event" || type == "sequence") {
        second_->addStretch();
        outer->addLayout(second_);
    } else {
        delete second_;
        second_ = nullptr;
    }
    if (type == "event" || type == "sequence") {
        auto *rows = new QVBoxLayout;
        rows->setContentsMargins(24, 0, 0, 0);
        outer->addLayout(rows);
        if (type == "event") {
            buildWhere(rows, std::string());
        } else {
            buildWhere(rows, "first");
            buildWhere(rows, "then");
        }
    }

    issues_ = new QLabel(this);
    issues_->setObjectName(QStringLiteral("conditionIssues"));
    issues_->setStyleSheet(QStringLiteral("color: #c62828;"));
    issues_->setWordWrap(true);
    issues_->hide();
    outer->addWidget(issues_);
}

void ConditionRow::buildTrait(QHBoxLayout *line)
{
    const FieldInfo *field = FieldRegistry::standard().trait(node_.value("field", std::string()));
    if (!field)
        return;
    const std::string op = node_.value("op", std::string());
    auto *ops = new QComboBox(this);
    ops->setObjectName(QStringLiteral("operatorCombo"));
    for (const std::string &candidate : field->operators)
        ops->addItem(SegmentText::operatorLabel(candidate), qs(candidate));
    ops->setCurrentIndex(ops->findData(qs(op)));
    connect(ops, &QComboBox::activated, this, [this, ops, field](int index) {
        const std::string next = ops->itemData(index).toString().toStdString();
        if (next == node_.value("op", std::string()))
            return;
        const std::string before = node_.value("op", std::string());
        node_["op"] = next;
        // The value stays when the new operator takes the same kind of value.
        const bool sameShape = !takesNoValue(next) && !takesNoValue(before)
            && (next == "between") == (before == "between")
            && (next == "one_of") == (before == "one_of")
            && isDaysOperator(next) == isDaysOperator(before);
        if (!sameShape)
            setValueMember(node_, defaultValue(*field, next));
        commit(QString(), true);
    });
    line->addWidget(ops);
    buildValue(line, *field, op, node_.value("value", json()), QStringLiteral("value"),
        [this](json value) { setValueMember(node_, value); });
}

QStringList ConditionRow::pickerValuesFor(const std::string &key) const
{
    if (key == "country")
        return pickers_.countries;
    if (key == "favourite_category" || key == "category")
        return pickers_.categories;
    if (key == "favourite_brand" || key == "brand")
        return pickers_.brands;
    if (key == "channel" || key == "channels")
        return pickers_.channels;
    return {};
}

void ConditionRow::buildValue(QBoxLayout *line, const FieldInfo &field, const std::string &op,
    const json &value, const QString &mergeKey, std::function<void(json)> setValue)
{
    if (takesNoValue(op))
        return;
    auto apply = [this, setValue, mergeKey](const json &next) {
        setValue(next);
        commit(mergeKey, false);
    };
    const bool between = op == "between";
    auto valueAt = [&](int i) {
        return between && value.is_array() && value.size() == 2 ? value.at(i) : value;
    };

    if (field.type == FieldType::Number) {
        const int decimals = field.decimals;
        QList<QDoubleSpinBox *> boxes;
        for (int i = 0; i < (between ? 2 : 1); ++i) {
            if (i == 1)
                line->addWidget(word(tr("and"), this));
            auto *box = new QDoubleSpinBox(this);
            box->setObjectName(
                i == 0 ? QStringLiteral("numberValue") : QStringLiteral("numberValue2"));
            box->setRange(-1e12, 1e12);
            box->setDecimals(decimals);
            box->setGroupSeparatorShown(true);
            box->setMinimumWidth(110);
            const json current = valueAt(i);
            box->setValue(current.is_number() ? current.get<double>() : 0.0);
            boxes << box;
            line->addWidget(box);
        }
        for (QDoubleSpinBox *box : boxes) {
            connect(box, &QDoubleSpinBox::valueChanged, this, [apply, boxes, decimals] {
                auto number = [decimals](double v) {
                    return decimals == 0 ? json(static_cast<std::int64_t>(std::llround(v)))
                                         : json(v);
                };
                if (boxes.size() == 2)
                    apply(json::array({ number(boxes[0]->value()), number(boxes[1]->value()) }));
                else
                    apply(number(boxes[0]->value()));
            });
        }
        return;
    }
    if (field.type == FieldType::Date) {
        if (isDaysOperator(op)) {
            auto *days = new QSpinBox(this);
            days->setObjectName(QStringLiteral("daysValue"));
            days->setRange(0, 36500);
            days->setSuffix(tr(" days"));
            days->setValue(value.is_number() ? value.get<int>() : 0);
            connect(days, &QSpinBox::valueChanged, this, [apply](int n) { apply(n); });
            line->addWidget(days);
            return;
        }
        QList<QDateEdit *> edits;
        for (int i = 0; i < (between ? 2 : 1); ++i) {
            if (i == 1)
                line->addWidget(word(tr("and"), this));
            auto *edit = new QDateEdit(toDate(valueAt(i)), this);
            edit->setObjectName(
                i == 0 ? QStringLiteral("dateValue") : QStringLiteral("dateValue2"));
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            edits << edit;
            line->addWidget(edit);
        }
        for (QDateEdit *edit : edits) {
            connect(edit, &QDateEdit::dateChanged, this, [apply, edits] {
                auto iso = [](const QDate &d) { return d.toString(Qt::ISODate).toStdString(); };
                if (edits.size() == 2)
                    apply(json::array({ iso(edits[0]->date()), iso(edits[1]->date()) }));
                else
                    apply(iso(edits[0]->date()));
            });
        }
        return;
    }
    if (field.type == FieldType::Boolean) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("booleanValue"));
        combo->addItem(tr("yes"), true);
        combo->addItem(tr("no"), false);
        combo->setCurrentIndex(value.is_boolean() && !value.get<bool>() ? 1 : 0);
        connect(combo, &QComboBox::activated, this,
            [apply, combo](int index) { apply(combo->itemData(index).toBool()); });
        line->addWidget(combo);
        return;
    }
    if (op == "one_of") {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("textValue"));
        edit->setPlaceholderText(tr("values separated by commas"));
        QStringList items;
        if (value.is_array()) {
            for (const json &item : value)
                items << (item.is_string() ? qs(item.get<std::string>()) : qs(item.dump()));
        }
        edit->setText(items.join(QStringLiteral(", ")));
        edit->setMinimumWidth(180);
        connect(edit, &QLineEdit::textEdited, this, [apply](const QString &text) {
            json list = json::array();
            const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &part : parts) {
                if (!part.trimmed().isEmpty())
                    list.push_back(part.trimmed().toStdString());
            }
            apply(list);
        });
        line->addWidget(edit);
        return;
    }
    const QString current = value.is_string() ? qs(value.get<std::string>()) : QString();
    // Closed sets (RFM groups, consent states) are chosen; open ones may be typed.
    QList<std::pair<QString, QString>> closed;
    if (field.key == "rfm_group") {
        for (const char *key : rfmGroupKeys())
            closed.append({ rfmGroupDisplayName(key), QString::fromLatin1(key) });
    } else if (field.key == "churn_risk") {
        for (const char *key : { "low", "medium", "high" })
            closed.append({ churnRiskDisplayName(key), QString::fromLatin1(key) });
    } else if (field.group == FieldGroup::Consent) {
        for (const char *key : { "granted", "denied", "unsubscribed" })
            closed.append({ consentDisplayName(key), QString::fromLatin1(key) });
    }
    if (!closed.isEmpty()) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("choiceValue"));
        for (const auto &[label, key] : closed)
            combo->addItem(label, key);
        combo->setCurrentIndex(combo->findData(current));
        connect(combo, &QComboBox::activated, this,
            [apply, combo](int index) { apply(combo->itemData(index).toString().toStdString()); });
        line->addWidget(combo);
        return;
    }
    const QStringList choices = pickerValuesFor(field.key);
    if (!choices.isEmpty()) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("pickerValue"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(choices);
        combo->setCurrentText(current);
        combo->setMinimumWidth(160);
        connect(combo, &QComboBox::currentTextChanged, this,
            [apply](const QString &text) { apply(text.toStdString()); });
        line->addWidget(combo);
        return;
    }
    auto *edit = new QLineEdit(current, this);
    edit->setObjectName(QStringLiteral("textValue"));
    edit->setMinimumWidth(160);
    connect(edit, &QLineEdit::textEdited, this,
        [apply](const QString &text) { apply(text.toStdString()); });
    line->addWidget(edit);
}

QComboBox *ConditionRow::eventCombo(const std::string &current)
{
    auto *combo = new QComboBox(this);
    QStringList keys = pickers_.eventTypes;
    if (!current.empty() && !keys.contains(qs(current)))
        keys.prepend(qs(current));
    for (const QString &key : keys)
        combo->addItem(SegmentText::eventLabel(key.toStdString()), key);
    combo->setCurrentIndex(combo->findData(qs(current)));
    return combo;
}

void ConditionRow::buildEvent(QHBoxLayout *line)
{
    const bool did = node_.value("did", true);
    auto *didCombo = new QComboBox(this);
    didCombo->setObjectName(QStringLiteral("didCombo"));
    didCombo->addItem(tr("did"), true);
    didCombo->addItem(tr("did not"), false);
    didCombo->setCurrentIndex(did ? 0 : 1);
    connect(didCombo, &QComboBox::activated, this, [this, didCombo](int index) {
        const bool next = didCombo->itemData(index).toBool();
        node_["did"] = next;
        if (!next) {
            node_.erase("count");
            node_.erase("sum");
        }
        commit(QString(), true);
    });
    line->addWidget(didCombo);

    auto *event = eventCombo(node_.value("event", std::string()));
    event->setObjectName(QStringLiteral("eventCombo"));
    connect(event, &QComboBox::activated, this, [this, event](int index) {
        node_["event"] = event->itemData(index).toString().toStdString();
        commit(QStringLiteral("event"), false);
    });
    line->addWidget(event);

    if (did) {
        const json count = node_.value("count", json());
        const std::string countOp
            = count.is_object() ? count.value("op", std::string()) : std::string();
        auto *how = new QComboBox(this);
        how->setObjectName(QStringLiteral("countCombo"));
        how->addItem(tr("at least once"), QString());
        how->addItem(tr("at least"), QStringLiteral("at_least"));
        how->addItem(tr("at most"), QStringLiteral("at_most"));
        how->addItem(tr("exactly"), QStringLiteral("exactly"));
        how->addItem(tr("with a total…"), QStringLiteral("sum"));
        const bool hasSum = node_.contains("sum");
        how->setCurrentIndex(
            std::max(0, how->findData(hasSum ? QStringLiteral("sum") : qs(countOp))));
        connect(how, &QComboBox::activated, this, [this, how](int index) {
            const QString op = how->itemData(index).toString();
            if (op == QLatin1String("sum")) {
                node_.erase("count");
                if (!node_.contains("sum"))
                    node_["sum"] = { { "of", "value" }, { "op", ">" }, { "value", 100 } };
            } else {
                node_.erase("sum");
                if (op.isEmpty())
                    node_.erase("count");
                else
                    node_["count"] = { { "op", op.toStdString() },
                        { "value", node_.value("count", json::object()).value("value", json(2)) } };
            }
            commit(QString(), true);
        });
        second_->addWidget(how);
        if (!countOp.empty() && !hasSum) {
            auto *times = new QSpinBox(this);
            times->setObjectName(QStringLiteral("countValue"));
            times->setRange(0, 1'000'000);
            const json n = count.value("value", json());
            times->setValue(n.is_number() ? n.get<int>() : 0);
            connect(times, &QSpinBox::valueChanged, this, [this](int n) {
                node_["count"]["value"] = n;
                commit(QStringLiteral("count"), false);
            });
            times->setMaximumWidth(90);
            second_->addWidget(times);
            second_->addWidget(word(tr("times"), this));
        }
        if (hasSum)
            buildSum(second_);
    }
    buildWindow(second_, "when");

    auto *addWhere = new QToolButton(this);
    addWhere->setObjectName(QStringLiteral("addWhere"));
    addWhere->setText(tr("+ where…"));
    addWhere->setToolTip(tr("Only count events with a property, e.g. a product category"));
    connect(addWhere, &QToolButton::clicked, this, [this] {
        node_["where"].push_back({ { "property", "category" }, { "op", "is" }, { "value", "" } });
        commit(QString(), true);
    });
    second_->addWidget(addWhere);
}

void ConditionRow::buildSum(QHBoxLayout *line)
{
    // "with a total [order value] [is more than] [200]": a sum over the matching events.
    const json sum = node_.at("sum");
    auto *of = new QComboBox(this);
    of->setObjectName(QStringLiteral("sumOfCombo"));
    of->addItem(tr("value"), QStringLiteral("value"));
    of->addItem(tr("quantity"), QStringLiteral("quantity"));
    of->addItem(tr("spent on the matching products"), QStringLiteral("line_value"));
    of->setCurrentIndex(std::max(0, of->findData(qs(sum.value("of", std::string())))));
    connect(of, &QComboBox::activated, this, [this, of](int index) {
        node_["sum"]["of"] = of->itemData(index).toString().toStdString();
        commit(QStringLiteral("sum/of"), false);
    });
    line->addWidget(of);
    static const FieldInfo amount = [] {
        FieldInfo info;
        info.key = "sum";
        info.type = FieldType::Number;
        info.decimals = 2;
        return info;
    }();
    const std::string op = sum.value("op", std::string());
    auto *ops = new QComboBox(this);
    ops->setObjectName(QStringLiteral("sumOperator"));
    for (const std::string &candidate : FieldRegistry::operatorsFor(FieldType::Number)) {
        if (!takesNoValue(candidate))
            ops->addItem(SegmentText::operatorLabel(candidate), qs(candidate));
    }
    ops->setCurrentIndex(ops->findData(qs(op)));
    connect(ops, &QComboBox::activated, this, [this, ops](int index) {
        const std::string next = ops->itemData(index).toString().toStdString();
        if ((next == "between") != (node_["sum"].value("op", std::string()) == "between"))
            node_["sum"]["value"] = defaultValue(amount, next);
        node_["sum"]["op"] = next;
        commit(QString(), true);
    });
    line->addWidget(ops);
    buildValue(line, amount, op, sum.value("value", json()), QStringLiteral("sum/value"),
        [this](json value) { node_["sum"]["value"] = value; });
}

void ConditionRow::buildWhere(QVBoxLayout *rows, const std::string &filterKey)
{
    json &filter = filterKey.empty() ? node_ : node_[filterKey];
    if (!filter.contains("where") || !filter.at("where").is_array())
        return;
    const FieldRegistry &registry = FieldRegistry::standard();
    for (std::size_t i = 0; i < filter.at("where").size(); ++i) {
        const json item = filter.at("where").at(i);
        auto *line = new QHBoxLayout;
        rows->addLayout(line);
        const QString first = filterKey == "first" ? tr("first event where")
            : filterKey == "then"                  ? tr("second event where")
                                                   : tr("where");
        line->addWidget(word(i == 0 ? first : tr("and"), this));
        const std::string property = item.value("property", std::string());
        auto *properties = new QComboBox(this);
        properties->setObjectName(QStringLiteral("propertyCombo"));
        for (const FieldInfo &info : registry.eventProperties())
            properties->addItem(SegmentText::fieldLabel(info), qs(info.key));
        if (!property.empty() && properties->findData(qs(property)) < 0)
            properties->addItem(qs(property), qs(property)); // a JSON property, props.PATH
        properties->setCurrentIndex(properties->findData(qs(property)));
        connect(
            properties, &QComboBox::activated, this, [this, properties, filterKey, i](int index) {
                json &f = filterKey.empty() ? node_ : node_[filterKey];
                const std::string key = properties->itemData(index).toString().toStdString();
                const FieldInfo *info = FieldRegistry::standard().eventProperty(key);
                const std::string op = info && info->type == FieldType::Number ? ">" : "is";
                f["where"][i] = { { "property", key }, { "op", op } };
                if (info)
                    setValueMember(f["where"][i], defaultValue(*info, op));
                commit(QString(), true);
            });
        line->addWidget(properties);
        const FieldInfo *info = registry.eventProperty(property);
        if (info) {
            auto *ops = new QComboBox(this);
            ops->setObjectName(QStringLiteral("propertyOperator"));
            for (const std::string &candidate : info->operators)
                ops->addItem(SegmentText::operatorLabel(candidate), qs(candidate));
            ops->setCurrentIndex(ops->findData(qs(item.value("op", std::string()))));
            connect(ops, &QComboBox::activated, this, [this, ops, filterKey, i, info](int index) {
                json &f = filterKey.empty() ? node_ : node_[filterKey];
                const std::string op = ops->itemData(index).toString().toStdString();
                f["where"][i]["op"] = op;
                setValueMember(f["where"][i], defaultValue(*info, op));
                commit(QString(), true);
            });
            line->addWidget(ops);
            buildValue(line, *info, item.value("op", std::string()), item.value("value", json()),
                QStringLiteral("where/%1").arg(i), [this, filterKey, i](json value) {
                    json &f = filterKey.empty() ? node_ : node_[filterKey];
                    setValueMember(f["where"][i], value);
                });
            const std::string op = item.value("op", std::string());
            if ((property == "sku" || property == "product_id") && !takesNoValue(op)
                && op != "between" && !pickers_.workspace.isEmpty()) {
                auto *choose = toolButton(this, tr("Product…"),
                    tr("Choose the product from the catalogue, by name or SKU"),
                    QStringLiteral("chooseProduct"));
                choose->setAutoRaise(false);
                connect(choose, &QToolButton::clicked, this, [this, filterKey, i, property, op] {
                    auto *picker = new ProductPicker(pickers_.workspace, this);
                    picker->setAttribute(Qt::WA_DeleteOnClose);
                    connect(picker, &QDialog::accepted, this,
                        [this, picker, filterKey, i, property, op] {
                            const auto product = picker->chosen();
                            if (!product)
                                return;
                            json &f = filterKey.empty() ? node_ : node_[filterKey];
                            const json value
                                = property == "sku" ? json(product->sku) : json(product->id);
                            if (op == "one_of") {
                                json list = f["where"][i].value("value", json::array());
                                if (!list.is_array())
                                    list = json::array();
                                list.push_back(value);
                                f["where"][i]["value"] = list;
                            } else {
                                setValueMember(f["where"][i], value);
                            }
                            commit(QString(), true);
                        });
                    picker->open();
                });
                line->addWidget(choose);
            }
        }
        auto *remove = toolButton(
            this, QStringLiteral("✕"), tr("Remove this filter"), QStringLiteral("removeWhere"));
        connect(remove, &QToolButton::clicked, this, [this, filterKey, i] {
            json &f = filterKey.empty() ? node_ : node_[filterKey];
            f["where"].erase(i);
            if (f["where"].empty())
                f.erase("where");
            commit(QString(), true);
        });
        line->addWidget(remove);
        line->addStretch();
    }
}

void ConditionRow::buildWindow(QHBoxLayout *line, const std::string &key)
{
    const json when = node_.value(key, json("ever"));
    const bool last = when.is_object() && when.contains("in_last_days");
    const bool between = when.is_object() && when.contains("between");
    auto *kind = new QComboBox(this);
    kind->setObjectName(QStringLiteral("windowCombo"));
    kind->addItem(tr("ever"), QStringLiteral("ever"));
    kind->addItem(tr("in the last"), QStringLiteral("last"));
    kind->addItem(tr("between"), QStringLiteral("between"));
    kind->setCurrentIndex(last ? 1 : between ? 2 : 0);
    connect(kind, &QComboBox::activated, this, [this, kind, key](int index) {
        const QString choice = kind->itemData(index).toString();
        if (choice == QLatin1String("last"))
            node_[key] = { { "in_last_days", 30 } };
        else if (choice == QLatin1String("between"))
            node_[key] = { { "between", json::array({ todayIso(30), todayIso() }) } };
        else
            node_.erase(key);
        commit(QString(), true);
    });
    line->addWidget(kind);
    if (last) {
        auto *days = new QSpinBox(this);
        days->setObjectName(QStringLiteral("windowDays"));
        days->setMaximumWidth(110);
        days->setRange(0, 36500);
        days->setSuffix(tr(" days"));
        const json n = when.at("in_last_days");
        days->setValue(n.is_number() ? n.get<int>() : 0);
        connect(days, &QSpinBox::valueChanged, this, [this, key](int n) {
            node_[key] = { { "in_last_days", n } };
            commit(QStringLiteral("when"), false);
        });
        line->addWidget(days);
    } else if (between) {
        const json range = when.at("between");
        QList<QDateEdit *> edits;
        for (int i = 0; i < 2; ++i) {
            if (i == 1)
                line->addWidget(word(tr("and"), this));
            auto *edit = new QDateEdit(
                toDate(range.is_array() && range.size() == 2 ? range.at(i) : json()), this);
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            edit->setObjectName(i == 0 ? QStringLiteral("windowFrom") : QStringLiteral("windowTo"));
            edits << edit;
            line->addWidget(edit);
        }
        for (QDateEdit *edit : edits) {
            connect(edit, &QDateEdit::dateChanged, this, [this, key, edits] {
                node_[key] = { { "between",
                    json::array({ edits[0]->date().toString(Qt::ISODate).toStdString(),
                        edits[1]->date().toString(Qt::ISODate).toStdString() }) } };
                commit(QStringLiteral("when"), false);
            });
        }
    }
}

void ConditionRow::buildSequence(QHBoxLayout *line)
{
    auto *first = eventCombo(node_.value("first", json::object()).value("event", std::string()));
    first->setObjectName(QStringLiteral("firstEventCombo"));
    connect(first, &QComboBox::activated, this, [this, first](int index) {
        node_["first"]["event"] = first->itemData(index).toString().toStdString();
        commit(QStringLiteral("first"), false);
    });
    line->addWidget(word(tr("did"), this));
    line->addWidget(first);
    line->addWidget(word(tr("then"), this));

    auto *thenDid = new QComboBox(this);
    thenDid->setObjectName(QStringLiteral("thenDidCombo"));
    thenDid->addItem(tr("did not"), false);
    thenDid->addItem(tr("did"), true);
    thenDid->setCurrentIndex(node_.value("then_did", false) ? 1 : 0);
    connect(thenDid, &QComboBox::activated, this, [this, thenDid](int index) {
        node_["then_did"] = thenDid->itemData(index).toBool();
        commit(QStringLiteral("then_did"), false);
    });
    line->addWidget(thenDid);

    auto *then = eventCombo(node_.value("then", json::object()).value("event", std::string()));
    then->setObjectName(QStringLiteral("thenEventCombo"));
    connect(then, &QComboBox::activated, this, [this, then](int index) {
        node_["then"]["event"] = then->itemData(index).toString().toStdString();
        commit(QStringLiteral("then"), false);
    });
    line->addWidget(then);
    second_->addWidget(word(tr("within"), this));
    auto *hours = new QSpinBox(this);
    hours->setObjectName(QStringLiteral("withinHours"));
    hours->setRange(0, 24 * 365);
    hours->setSuffix(tr(" hours"));
    const json within = node_.value("within_hours", json());
    hours->setValue(within.is_number() ? within.get<int>() : 0);
    connect(hours, &QSpinBox::valueChanged, this, [this](int n) {
        node_["within_hours"] = n;
        commit(QStringLiteral("within_hours"), false);
    });
    second_->addWidget(hours);
    second_->addWidget(word(tr("· first event:"), this));
    buildWindow(second_, "when");

    // Either step may be narrowed by its properties ("added shoes", "ordered by card").
    auto *addWhere = new QToolButton(this);
    addWhere->setObjectName(QStringLiteral("addWhere"));
    addWhere->setText(tr("+ where…"));
    addWhere->setPopupMode(QToolButton::InstantPopup);
    auto *steps = new QMenu(addWhere);
    for (const auto &[key, label] : { std::pair { "first", tr("On the first event") },
             std::pair { "then", tr("On the second event") } }) {
        QAction *action = steps->addAction(label);
        action->setObjectName(QStringLiteral("addWhere_%1").arg(QLatin1String(key)));
        connect(action, &QAction::triggered, this, [this, key = std::string(key)] {
            node_[key]["where"].push_back(
                { { "property", "category" }, { "op", "is" }, { "value", "" } });
            commit(QString(), true);
        });
    }
    addWhere->setMenu(steps);
    second_->addWidget(addWhere);
}

void ConditionRow::buildRfm(QHBoxLayout *line)
{
    // The groups as check boxes in a menu: a shopper is in when in any checked group.
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("rfmGroups"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    QStringList chosen;
    const json groups = node_.value("groups", json::array());
    for (const char *key : rfmGroupKeys()) {
        QAction *action = menu->addAction(rfmGroupDisplayName(key));
        action->setCheckable(true);
        action->setData(QString::fromLatin1(key));
        const bool checked = std::find(groups.begin(), groups.end(), json(key)) != groups.end();
        action->setChecked(checked);
        if (checked)
            chosen << rfmGroupDisplayName(key);
        connect(action, &QAction::toggled, this, [this, menu] {
            json next = json::array();
            const auto actions = menu->actions();
            for (QAction *a : actions) {
                if (a->isChecked())
                    next.push_back(a->data().toString().toStdString());
            }
            node_["groups"] = next;
            commit(QString(), true);
        });
    }
    button->setMenu(menu);
    button->setText(chosen.isEmpty() ? tr("choose groups…") : chosen.join(tr(" or ")));
    line->addWidget(word(tr("is one of"), this));
    line->addWidget(button);
}

void ConditionRow::buildMembership(QHBoxLayout *line)
{
    auto *member = new QComboBox(this);
    member->setObjectName(QStringLiteral("memberCombo"));
    member->addItem(tr("is in"), true);
    member->addItem(tr("is not in"), false);
    member->setCurrentIndex(node_.value("member", true) ? 0 : 1);
    connect(member, &QComboBox::activated, this, [this, member](int index) {
        node_["member"] = member->itemData(index).toBool();
        commit(QStringLiteral("member"), false);
    });
    line->addWidget(member);
    auto *segments = new QComboBox(this);
    segments->setObjectName(QStringLiteral("segmentCombo"));
    segments->setMinimumWidth(180);
    QStringList names = pickers_.segments;
    const QString current = qs(node_.value("segment", std::string()));
    if (!current.isEmpty() && !names.contains(current))
        names.prepend(current);
    segments->addItems(names);
    segments->setCurrentIndex(segments->findText(current));
    segments->setPlaceholderText(tr("choose a segment…"));
    connect(segments, &QComboBox::activated, this, [this, segments](int index) {
        node_["segment"] = segments->itemText(index).toStdString();
        commit(QStringLiteral("segment"), false);
    });
    line->addWidget(segments);
}

void ConditionRow::buildConsent(QHBoxLayout *line)
{
    line->addWidget(word(tr("(consent granted and not unsubscribed since)"), this));
}

} // namespace clientele
