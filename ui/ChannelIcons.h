#pragma once

#include <QColor>
#include <QIcon>

#include <string>

namespace clientele {

/// The colour that stands for a channel in the timeline and its filters.
QColor channelColor(const std::string &channel);

/**
 * A small icon per channel, drawn with QPainter so no third-party artwork ships: a globe
 * for web, a phone for the app, a shop front for the store, an envelope for email, a
 * speech bubble for support, a star for loyalty; a dot for anything else.
 */
QIcon channelIcon(const std::string &channel);

} // namespace clientele
