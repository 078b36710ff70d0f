#pragma once

#include <QString>

#include <string>

namespace clientele {

/// The name a marketer reads for a channel key stored in the workspace ("pos" → "Store").
QString channelDisplayName(const std::string &channel);

} // namespace clientele
