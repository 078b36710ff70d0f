#include "SegmentOverlapDialog.h"

#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace clientele {

namespace {

using json = nlohmann::json;

constexpr OverlapPart kParts[] = { OverlapPart::AOnly, OverlapPart::Both, OverlapPart::BOnly };

int indexOf(OverlapPart part)
{
    return part == OverlapPart::AOnly ? 0 : part == OverlapPart::Both ? 1 : 2;
}

/// The part colours of the bar, also used for the numbers beside it.
QColor partColor(OverlapPart part)
{
    switch (part) {
    case OverlapPart::AOnly:
        return QColor(0x1e, 0x88, 0xe5);
    case OverlapPart::Both:
        return QColor(0x8e, 0x24, 0xaa);
    case OverlapPart::BOnly:
        break;
    }
    return QColor(0xf5, 0x7c, 0x00);
}

} // namespace

SegmentOverlapDialog::SegmentOverlapDialog(const QString &workspace, const QStringList &savedNames,
    const std::optional<std::pair<QString, json>> &editing, QWidget *parent)
    : QDialog(parent)
    , editing_(editing)
{
    setObjectName(QStringLiteral("segmentOverlapDialog"));
    setWindowTitle(tr("Segment Overlap"));
    worker_.setWorkspace(workspace);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How many shoppers two segments share: to avoid mailing the "
                                "same people twice, or to size an exclusion."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    first_ = new QComboBox(this);
    first_->setObjectName(QStringLiteral("overlapFirst"));
    second_ = new QComboBox(this);
    second_->setObjectName(QStringLiteral("overlapSecond"));
    if (editing_) {
        first_->addItem(editing_->first.isEmpty() ? tr("This segment (being edited)")
                                                  : tr("%1 (being edited)").arg(editing_->first));
    }
    for (const QString &name : savedNames) {
        if (editing_ && name == editing_->first)
            continue; // the edited version stands for it
        first_->addItem(name, name);
        second_->addItem(name, name);
    }
    if (!editing_ && second_->count() > 1)
        second_->setCurrentIndex(1);
    form->addRow(tr("Segment A:"), first_);
    form->addRow(tr("Segment B:"), second_);
    layout->addLayout(form);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("overlapStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    chart_ = new QChartView(this);
    chart_->setObjectName(QStringLiteral("overlapChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(150);
    layout->addWidget(chart_, 1);

    auto *grid = new QGridLayout;
    const QString titles[] = { tr("Only in A"), tr("In both"), tr("Only in B") };
    for (const OverlapPart part : kParts) {
        const int row = indexOf(part);
        PartWidgets &widgets = parts_[row];
        auto *title = new QLabel(titles[row], this);
        title->setStyleSheet(
            QStringLiteral("color: %1; font-weight: bold;").arg(partColor(part).name()));
        widgets.count = new QLabel(tr("—"), this);
        widgets.count->setObjectName(QStringLiteral("overlapCount%1").arg(row));
        widgets.count->setMinimumWidth(90);
        widgets.open = new QPushButton(tr("Open as Segment"), this);
        widgets.open->setObjectName(QStringLiteral("overlapOpen%1").arg(row));
        widgets.open->setToolTip(tr("A new segment of these shoppers, built from the two"));
        widgets.exportButton = new QPushButton(tr("Export…"), this);
        widgets.exportButton->setObjectName(QStringLiteral("overlapExport%1").arg(row));
        widgets.exportButton->setToolTip(
            tr("Saves these shoppers as a segment and opens it in Export"));
        connect(widgets.open, &QPushButton::clicked, this,
            [this, part] { Q_EMIT openPartRequested(partDocument(part), partName(part)); });
        connect(widgets.exportButton, &QPushButton::clicked, this,
            [this, part] { Q_EMIT exportPartRequested(partDocument(part), partName(part)); });
        grid->addWidget(title, row, 0);
        grid->addWidget(widgets.count, row, 1);
        grid->addWidget(widgets.open, row, 2);
        grid->addWidget(widgets.exportButton, row, 3);
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(first_, &QComboBox::currentIndexChanged, this, &SegmentOverlapDialog::recount);
    connect(second_, &QComboBox::currentIndexChanged, this, &SegmentOverlapDialog::recount);
    resize(640, 460);
    recount();
}

SegmentOverlapDialog::~SegmentOverlapDialog() = default;

QLabel *SegmentOverlapDialog::partLabel(OverlapPart part) const
{
    return parts_[indexOf(part)].count;
}

QPushButton *SegmentOverlapDialog::openButton(OverlapPart part) const
{
    return parts_[indexOf(part)].open;
}

QPushButton *SegmentOverlapDialog::exportButton(OverlapPart part) const
{
    return parts_[indexOf(part)].exportButton;
}

OverlapOperand SegmentOverlapDialog::operand(const QComboBox *combo) const
{
    const QVariant data = combo->currentData();
    if (!data.isValid() && editing_)
        return OverlapOperand::unsaved(editing_->second.value("rule", json::object()));
    return OverlapOperand::saved(data.toString().toStdString());
}

QString SegmentOverlapDialog::sideName(const QComboBox *combo) const
{
    const QVariant data = combo->currentData();
    if (!data.isValid())
        return editing_ && !editing_->first.isEmpty() ? editing_->first : tr("this segment");
    return data.toString();
}

json SegmentOverlapDialog::partDocument(OverlapPart part) const
{
    return SegmentOverlap::partDocument(part, operand(first_), operand(second_));
}

QString SegmentOverlapDialog::partName(OverlapPart part) const
{
    const QString a = sideName(first_);
    const QString b = sideName(second_);
    switch (part) {
    case OverlapPart::AOnly:
        return tr("%1 without %2").arg(a, b);
    case OverlapPart::Both:
        return tr("%1 and %2").arg(a, b);
    case OverlapPart::BOnly:
        break;
    }
    return tr("%1 without %2").arg(b, a);
}

void SegmentOverlapDialog::recount()
{
    const int generation = ++generation_;
    counts_.reset();
    for (PartWidgets &widgets : parts_) {
        widgets.count->setText(tr("—"));
        widgets.open->setEnabled(false);
        widgets.exportButton->setEnabled(false);
    }
    if (first_->currentIndex() < 0 || second_->currentIndex() < 0) {
        status_->setText(tr("Save a segment first: an overlap needs two."));
        return;
    }
    if (first_->currentData().isValid() && first_->currentData() == second_->currentData()) {
        status_->setText(tr("Choose two different segments."));
        return;
    }
    status_->setText(tr("counting…"));
    const OverlapOperand a = operand(first_);
    const OverlapOperand b = operand(second_);
    worker_.post<OverlapCounts>(
        this,
        [a, b](Database &db) {
            SegmentStore store(db);
            SegmentEvaluator evaluator(db, &store);
            const auto definition = [](const OverlapOperand &side) {
                return SegmentDefinition::fromJson(json {
                    { "version", SegmentDefinition::kVersion }, { "rule", side.condition() } });
            };
            return evaluator.overlap(definition(a), definition(b));
        },
        [this, generation](OverlapCounts counts) {
            if (generation == generation_)
                showCounts(counts);
        },
        [this, generation](const QString &message) {
            if (generation == generation_)
                status_->setText(tr("Could not count: %1").arg(message));
        });
}

void SegmentOverlapDialog::showCounts(const OverlapCounts &counts)
{
    counts_ = counts;
    const QLocale locale;
    const std::int64_t values[] = { counts.aOnly(), counts.both, counts.bOnly() };
    for (int i = 0; i < 3; ++i) {
        parts_[i].count->setText(locale.toString(static_cast<qlonglong>(values[i])));
        parts_[i].open->setEnabled(true);
        parts_[i].exportButton->setEnabled(values[i] > 0);
    }
    const std::int64_t either = counts.a + counts.b - counts.both;
    status_->setText(tr("%1 in A, %2 in B, %3 in either; %4 of A are also in B.")
                         .arg(locale.toString(static_cast<qlonglong>(counts.a)),
                             locale.toString(static_cast<qlonglong>(counts.b)),
                             locale.toString(static_cast<qlonglong>(either)),
                             counts.a > 0 ? locale.toString(100.0 * static_cast<double>(counts.both)
                                                    / static_cast<double>(counts.a),
                                                'f', 1)
                                     + QLatin1Char('%')
                                          : tr("none")));

    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *series = new QHorizontalStackedBarSeries(chart);
    const QString names[] = { tr("Only in A"), tr("In both"), tr("Only in B") };
    for (const OverlapPart part : kParts) {
        const int i = indexOf(part);
        auto *set = new QBarSet(names[i], series);
        set->append(static_cast<qreal>(values[i]));
        set->setColor(partColor(part));
        set->setBorderColor(partColor(part));
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *axis = new QValueAxis(chart);
    axis->setRange(0, static_cast<qreal>(std::max<std::int64_t>(1, either)));
    axis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    QChart *old = chart_->chart();
    chart_->setChart(chart);
    if (old != chart)
        delete old;
    Q_EMIT countsShown();
}

} // namespace clientele
