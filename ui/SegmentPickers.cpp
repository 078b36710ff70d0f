#include "SegmentPickers.h"

#include "segment/PickerValues.h"

namespace clientele {

namespace {

QStringList toQt(const std::vector<std::string> &values)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(values.size()));
    for (const std::string &value : values)
        list << QString::fromStdString(value);
    return list;
}

} // namespace

SegmentPickers readSegmentPickers(Database &db)
{
    SegmentPickers pickers;
    pickers.eventTypes = toQt(PickerValues::eventTypes(db));
    pickers.categories = toQt(PickerValues::categories(db));
    pickers.brands = toQt(PickerValues::brands(db));
    pickers.countries = toQt(PickerValues::countries(db));
    pickers.channels = toQt(PickerValues::channels(db));
    return pickers;
}

} // namespace clientele
