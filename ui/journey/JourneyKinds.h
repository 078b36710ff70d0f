#pragma once

#include "journey/Journey.h"

#include <nlohmann/json.hpp>

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include <string>
#include <vector>

namespace clientele {

/**
 * The words and looks of the journey's step kinds: the name a marketer reads, a colour and
 * an icon per kind, the config a new step starts with, and the one-line summary a node
 * shows on the canvas ("Wait 24 h", "Split 90/10 (holdout)"). Texts go through the
 * "JourneyKinds" translation context.
 */
class JourneyKinds {
    Q_DECLARE_TR_FUNCTIONS(JourneyKinds)

public:
    /// Every kind, in the palette's order.
    static const std::vector<std::string> &all();
    static QString label(const std::string &kind);
    /// What the kind does, for the palette's tooltip.
    static QString description(const std::string &kind);
    static QColor color(const std::string &kind);
    static QIcon icon(const std::string &kind);
    /// The config of a step just dropped onto the canvas: valid where a default makes sense.
    static nlohmann::json defaultConfig(const std::string &kind);
    /// The label a node shows: its config "label", else the kind's name.
    static QString title(const JourneyNode &node);
    /// One short line about the config ("Email: Your cart is wait…").
    static QString summary(const JourneyNode &node);
    /// The words of a send channel ("E-mail", "Ad audience").
    static QString channelLabel(const std::string &channel);
    /// An exit's name as shown beside its port ("yes", "timeout", an arm's port).
    static QString portLabel(const JourneyNode &node, const std::string &port);
};

} // namespace clientele
