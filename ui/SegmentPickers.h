#pragma once

#include <QStringList>

namespace clientele {

class Database;

/// The values the builder's combos offer, read once from the workspace (core PickerValues).
struct SegmentPickers {
    QStringList eventTypes;
    QStringList categories;
    QStringList brands;
    QStringList countries;
    QStringList channels;
    /// Saved segments another segment may include (not the one being edited).
    QStringList segments;
    /// The workspace the values come from; the product picker searches its catalogue.
    QString workspace;
};

/// The picker values of the workspace behind db (segments left empty: callers know which
/// saved segments to offer). Runs on a worker connection.
SegmentPickers readSegmentPickers(Database &db);

} // namespace clientele
