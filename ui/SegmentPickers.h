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
    /// Saved segments another segment may include (not the one being edited).
    QStringList segments;
};

} // namespace clientele
