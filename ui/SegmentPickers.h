#pragma once

#include <QStringList>

namespace clientele {

/// The values the builder's combos offer, read once from the workspace (core PickerValues).
struct SegmentPickers {
    QStringList eventTypes;
    QStringList categories;
    QStringList brands;
    QStringList countries;
    QStringList channels;
};

} // namespace clientele
