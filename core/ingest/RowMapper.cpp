#include "RowMapper.h"

#include "EmailNormalizer.h"
#include "ImportPreset.h"

namespace clientele {

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

RowMapper::RowMapper(const ImportMapping &mapping, const std::vector<std::string> &header)
    : mapping_(mapping)
    , phones_(mapping.country)
    , timestamps_(TimestampParser::Options { mapping.timezone,
          mapping.dateOrder == "MDY" ? DateOrder::MonthDayYear : DateOrder::DayMonthYear, {} })
    , amounts_(mapping.decimal == "comma"  ? DecimalStyle::Comma
              : mapping.decimal == "point" ? DecimalStyle::Point
                                           : DecimalStyle::Auto)
{
    for (const ColumnMapping &column : mapping.columns) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == column.column && column.target != FieldTarget::Ignore)
                columns_.push_back({ i, &column });
        }
    }
}

std::string RowMapper::map(
    const std::vector<std::string> &fields, MappedRow &row, const ImportPreset *preset)
{
    row = MappedRow {};
    row.type = mapping_.fixedEventType;
    row.channel = mapping_.fixedChannel;
    bool hasTimestamp = false;
    for (const BoundColumn &bound : columns_) {
        if (bound.index >= fields.size())
            continue;
        const std::string cell = trimmed(fields[bound.index]);
        const ColumnMapping &column = *bound.mapping;
        if (cell.empty())
            continue;
        switch (column.target) {
        case FieldTarget::Ignore:
            break;
        case FieldTarget::Timestamp: {
            const auto parsed = timestamps_.parse(cell);
            if (!parsed)
                return "'" + column.column + "': " + parsed.reason;
            row.ts = *parsed.value;
            hasTimestamp = true;
            break;
        }
        case FieldTarget::EventType:
            row.type = toEventTypeKey(cell);
            break;
        case FieldTarget::EventId:
            row.sourceId = cell;
            break;
        case FieldTarget::Identity:
            addIdentifier(column.detail, cell, row);
            break;
        case FieldTarget::Channel:
            row.channel = toEventTypeKey(cell);
            break;
        case FieldTarget::ProductSku:
            row.sku = cell;
            break;
        case FieldTarget::ProductName:
            row.productName = cell;
            break;
        case FieldTarget::Category:
            row.category = cell;
            break;
        case FieldTarget::Brand:
            row.brand = cell;
            break;
        case FieldTarget::OrderId:
            row.orderId = cell;
            break;
        case FieldTarget::CartId:
            row.cartId = cell;
            break;
        case FieldTarget::Value:
        case FieldTarget::Price:
        case FieldTarget::Quantity: {
            const auto parsed = amounts_.parse(cell);
            if (!parsed)
                return "'" + column.column + "': " + parsed.reason;
            auto &target = column.target == FieldTarget::Value ? row.value
                : column.target == FieldTarget::Price          ? row.price
                                                               : row.quantity;
            target = *parsed.value;
            break;
        }
        case FieldTarget::Currency:
            row.currency = cell;
            break;
        case FieldTarget::FirstName:
            row.firstName = cell;
            break;
        case FieldTarget::LastName:
            row.lastName = cell;
            break;
        case FieldTarget::Country:
            row.country = cell;
            break;
        case FieldTarget::City:
            row.city = cell;
            break;
        case FieldTarget::Property:
            row.properties[column.detail] = cell;
            break;
        }
    }
    if (preset) {
        if (std::string reason = preset->adjust(fields, row); !reason.empty())
            return reason;
    }
    if (!hasTimestamp)
        return "no date/time in this row";
    if (row.type.empty())
        return "no event type in this row";
    if (row.identifiers.empty()) {
        if (row.identifierProblems.empty())
            return "no identifier in this row (email, phone, customer id, device id …)";
        std::string reason = "no usable identifier: ";
        for (std::size_t i = 0; i < row.identifierProblems.size(); ++i)
            reason += (i ? "; " : "") + row.identifierProblems[i];
        return reason;
    }
    if (!row.value && row.price)
        row.value = *row.price * row.quantity.value_or(1.0);
    return {};
}

void RowMapper::addIdentifier(const std::string &kind, const std::string &cell, MappedRow &row)
{
    if (kind == IdentityKind::Email) {
        auto email = EmailNormalizer::normalize(cell);
        if (!email)
            row.identifierProblems.push_back(email.reason);
        else
            row.identifiers.push_back({ kind, std::move(*email.value) });
    } else if (kind == IdentityKind::Phone) {
        auto phone = phones_.normalize(cell);
        if (!phone)
            row.identifierProblems.push_back(phone.reason);
        else
            row.identifiers.push_back({ kind, std::move(*phone.value) });
    } else {
        row.identifiers.push_back({ kind, cell });
    }
}

} // namespace clientele
