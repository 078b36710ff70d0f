#pragma once

#include <QGroupBox>

#include <map>
#include <string>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace clientele {

/**
 * The live preview of a send step: its subject and body rendered with JourneyMessage for
 * either sample values (editable, labelled as samples) or a real shopper of the workspace,
 * whose values the Journeys area reads (JourneyMessage::valuesFor) when one is named.
 * It keeps its values while the properties panel rebuilds around it.
 */
class JourneyMessagePreview : public QGroupBox {
    Q_OBJECT

public:
    explicit JourneyMessagePreview(QWidget *parent = nullptr);

    /// The step's message templates to render.
    void setMessage(const std::string &subject, const std::string &body);
    /// A real shopper's token values; whose says who they are ("shopper profile:7 …").
    void setShopperValues(const std::map<std::string, std::string> &values, const QString &whose);
    /// Back to the sample values.
    void useSampleValues();
    /// The shopper asked for cannot be shown; says why above the message.
    void setProblem(const QString &message);

    QString subject() const;
    QString body() const;
    /// The line above the message: whose values it uses, or why a shopper cannot be shown.
    QString note() const;

Q_SIGNALS:
    /// A shopper was named (an e-mail, `email:…`, `profile:42`): their values should follow.
    void shopperRequested(const QString &text);

private:
    void render();

    std::map<std::string, std::string> sampleValues_;
    std::map<std::string, std::string> values_;
    QString whose_;
    QString problem_;
    std::string subjectTemplate_;
    std::string bodyTemplate_;
    QLabel *note_ = nullptr;
    QLineEdit *shopper_ = nullptr;
    QFormLayout *form_ = nullptr;
    std::vector<QLineEdit *> sampleFields_;
    QLabel *subject_ = nullptr;
    QLabel *body_ = nullptr;
};

} // namespace clientele
