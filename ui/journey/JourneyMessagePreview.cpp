#include "JourneyMessagePreview.h"

#include "journey/JourneyMessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <utility>

namespace clientele {

JourneyMessagePreview::JourneyMessagePreview(QWidget *parent)
    : QGroupBox(tr("Preview"), parent)
{
    setObjectName(QStringLiteral("sendPreview"));
    sampleValues_ = { { "first_name", tr("Anna").toStdString() },
        { "cart.items", tr("Trail shoes, running socks").toStdString() },
        { "cart.value", tr("€ 139").toStdString() } };
    values_ = sampleValues_;

    auto *layout = new QVBoxLayout(this);
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("previewNote"));
    note_->setWordWrap(true);
    layout->addWidget(note_);

    // One form for the shopper and the sample values, so that their fields line up.
    form_ = new QFormLayout;
    shopper_ = new QLineEdit(this);
    shopper_->setObjectName(QStringLiteral("previewShopper"));
    shopper_->setPlaceholderText(tr("e-mail or profile:ID, then Enter"));
    shopper_->setToolTip(tr("Show the message as this shopper of the workspace would read it; "
                            "empty: sample values"));
    form_->addRow(tr("Shopper:"), shopper_);
    connect(shopper_, &QLineEdit::returnPressed, this, [this] {
        const QString text = shopper_->text().trimmed();
        if (text.isEmpty())
            useSampleValues();
        else
            Q_EMIT shopperRequested(text);
    });
    // Sample values until a real shopper is chosen.
    for (const auto &[token, label] :
        std::vector<std::pair<std::string, QString>> { { "first_name", tr("First name:") },
            { "cart.items", tr("Cart items:") }, { "cart.value", tr("Cart value:") } }) {
        auto *field = new QLineEdit(QString::fromStdString(sampleValues_[token]), this);
        field->setObjectName(QStringLiteral("sample_%1").arg(QString::fromStdString(token)));
        form_->addRow(label, field);
        sampleFields_.push_back(field);
        connect(field, &QLineEdit::textEdited, this, [this, token = token](const QString &text) {
            sampleValues_[token] = text.toStdString();
            values_ = sampleValues_;
            render();
        });
    }
    layout->addLayout(form_);

    subject_ = new QLabel(this);
    subject_->setObjectName(QStringLiteral("previewSubject"));
    subject_->setWordWrap(true);
    subject_->setTextFormat(Qt::PlainText);
    QFont bold = subject_->font();
    bold.setBold(true);
    subject_->setFont(bold);
    body_ = new QLabel(this);
    body_->setObjectName(QStringLiteral("previewBody"));
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::PlainText);
    layout->addWidget(subject_);
    layout->addWidget(body_);
    render();
}

void JourneyMessagePreview::setMessage(const std::string &subject, const std::string &body)
{
    subjectTemplate_ = subject;
    bodyTemplate_ = body;
    render();
}

void JourneyMessagePreview::setShopperValues(
    const std::map<std::string, std::string> &values, const QString &whose)
{
    values_ = values;
    whose_ = whose;
    problem_.clear();
    render();
}

void JourneyMessagePreview::useSampleValues()
{
    shopper_->clear();
    setShopperValues(sampleValues_, QString());
}

void JourneyMessagePreview::setProblem(const QString &message)
{
    problem_ = message;
    render();
}

QString JourneyMessagePreview::subject() const
{
    return subject_->text();
}

QString JourneyMessagePreview::body() const
{
    return body_->text();
}

QString JourneyMessagePreview::note() const
{
    return note_->text();
}

void JourneyMessagePreview::render()
{
    note_->setText(!problem_.isEmpty() ? problem_
            : whose_.isEmpty()         ? tr("Sample values (change them to try the placeholders):")
                                       : tr("As %1 would read it:").arg(whose_));
    note_->setStyleSheet(problem_.isEmpty() ? QStringLiteral("color: palette(dark);")
                                            : QStringLiteral("color: #c62828;"));
    for (QLineEdit *field : sampleFields_)
        form_->setRowVisible(field, whose_.isEmpty());
    subject_->setText(QString::fromStdString(JourneyMessage::render(subjectTemplate_, values_)));
    subject_->setVisible(!subjectTemplate_.empty());
    body_->setText(QString::fromStdString(JourneyMessage::render(bodyTemplate_, values_)));
}

} // namespace clientele
