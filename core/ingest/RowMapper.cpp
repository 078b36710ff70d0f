#include "RowMapper.h"

#include "EmailNormalizer.h"
#include "ImportPreset.h"
#include "IngestError.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace clientele {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::string withoutTextMarker(std::string text)
{
    if (text.size() < 2 || text.front() != '\'')
        return text;
    bool digit = false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.' && c != '/')
            return text;
    }
    return digit ? text.substr(1) : text;
}

std::optional<std::string> consentStatusFromText(std::string_view text)
{
    static constexpr std::array<std::pair<const char *, const char *>, 17> kStatuses { {
        { "yes", "granted" },
        { "y", "granted" },
        { "true", "granted" },
        { "1", "granted" },
        { "granted", "granted" },
        { "subscribed", "granted" },
        { "opted_in", "granted" },
        { "no", "denied" },
        { "n", "denied" },
        { "false", "denied" },
        { "0", "denied" },
        { "denied", "denied" },
        { "not_subscribed", "denied" },
        { "unsubscribed", "unsubscribed" },
        { "opted_out", "unsubscribed" },
        { "opt-out", "unsubscribed" },
        { "opt-in", "granted" },
    } };
    const std::string key = asciiLower(trimmed(text));
    for (const auto &[spelling, status] : kStatuses)
        if (key == spelling)
            return std::string(status);
    return std::nullopt;
}

RowMapper::RowMapper(
    const ImportMapping &mapping, const std::vector<std::string> &header, Millis snapshotTime)
    : mapping_(mapping)
    , phones_(mapping.country)
    , timestamps_(TimestampParser::Options { mapping.timezone,
          mapping.dateOrder == "MDY" ? DateOrder::MonthDayYear : DateOrder::DayMonthYear, {} })
    , amounts_(mapping.decimal == "comma"  ? DecimalStyle::Comma
              : mapping.decimal == "point" ? DecimalStyle::Point
                                           : DecimalStyle::Auto)
    , snapshotTime_(snapshotTime)
{
    for (const ColumnMapping &column : mapping.columns) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == column.column && column.target != FieldTarget::Ignore)
                columns_.push_back({ i, &column });
        }
    }
    for (std::size_t i = 0; i < header.size(); ++i)
        columnIndex_.emplace(header[i], i);
}

std::string RowMapper::cell(const std::vector<std::string> &fields, std::string_view column) const
{
    const auto it = columnIndex_.find(std::string(column));
    if (it == columnIndex_.end() || it->second >= fields.size())
        return {};
    return withoutTextMarker(trimmed(fields[it->second]));
}

std::string RowMapper::map(const std::vector<std::string> &fields, MappedRow &row,
    const ImportPreset *preset, std::int64_t line)
{
    row = MappedRow {};
    row.type = mapping_.fixedEventType;
    row.channel = mapping_.fixedChannel;
    bool hasTimestamp = false;
    // The first cell that cannot be read; the row is still read to its end, so that the
    // order it belongs to is known even when it is rejected.
    std::string failure;
    const auto fail = [&failure](const ColumnMapping &column, const std::string &reason) {
        if (failure.empty())
            failure = "'" + column.column + "': " + reason;
    };
    // Identifiers are read last: a phone number's region can be the row's country.
    std::vector<std::pair<const ColumnMapping *, std::string>> identityCells;
    for (const BoundColumn &bound : columns_) {
        if (bound.index >= fields.size())
            continue;
        const std::string cell = withoutTextMarker(trimmed(fields[bound.index]));
        const ColumnMapping &column = *bound.mapping;
        if (cell.empty())
            continue;
        switch (column.target) {
        case FieldTarget::Ignore:
            break;
        case FieldTarget::Timestamp: {
            const auto parsed = timestamps_.parse(cell);
            if (!parsed) {
                fail(column, parsed.reason);
                break;
            }
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
            identityCells.emplace_back(&column, cell);
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
            if (!parsed) {
                fail(column, parsed.reason);
                break;
            }
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
        case FieldTarget::Consent: {
            auto status = consentStatusFromText(cell);
            if (!status) {
                fail(column,
                    ingest_text::quoted(cell)
                        + " is not a consent (yes/no, true/false, 1/0, granted/denied/"
                          "unsubscribed)");
                break;
            }
            row.consents.push_back(
                { column.detail, std::move(*status), 0, mapping_.consentSource });
            break;
        }
        }
    }
    for (const auto &[column, cell] : identityCells)
        addIdentifier(column->detail, cell, row);
    if (!hasTimestamp && mapping_.snapshot) {
        row.ts = snapshotTime_;
        hasTimestamp = true;
    }

    const std::string orderId = mapping_.lineItems ? row.orderId : std::string();
    const bool continuesOrder = !orderId.empty() && head_ && head_->orderId == orderId;
    if (continuesOrder) {
        if (!head_->rejection.empty())
            return "order " + orderId + " is rejected with its first line"
                + (head_->line > 0 ? " (" + describeLine(head_->line) + ")" : std::string()) + ": "
                + head_->rejection;
        if (!hasTimestamp && failure.empty()) {
            row.ts = head_->ts;
            hasTimestamp = true;
        }
        if (row.type.empty())
            row.type = head_->type;
        if (row.identifiers.empty())
            row.identifiers = head_->identifiers;
    }
    for (ConsentUpdate &consent : row.consents)
        consent.ts = row.ts;

    if (failure.empty() && preset)
        failure = preset->adjust(fields, row, *this);
    if (failure.empty() && !hasTimestamp)
        failure = "no date/time in this row";
    if (failure.empty() && row.type.empty())
        failure = "no event type in this row";
    if (failure.empty() && row.identifiers.empty()) {
        if (row.identifierProblems.empty()) {
            failure = "no identifier in this row (email, phone, customer id, device id …)";
        } else {
            failure = "no usable identifier: ";
            for (std::size_t i = 0; i < row.identifierProblems.size(); ++i)
                failure += (i ? "; " : "") + row.identifierProblems[i];
        }
    }
    if (!orderId.empty() && !continuesOrder)
        head_ = OrderHead { orderId, line, row.ts, row.type, row.identifiers, failure };
    if (!failure.empty())
        return failure;
    // An order total on the first line is the order's value; a line's price is not.
    if (!row.value && row.price && !(mapping_.lineItems && mapping_.orderTotalOnFirstLine))
        row.value = *row.price * row.quantity.value_or(1.0);
    return {};
}

const PhoneNormalizer &RowMapper::phonesFor(const std::string &country)
{
    if (country.size() != 2 || !isAsciiLetter(country[0]) || !isAsciiLetter(country[1]))
        return phones_;
    std::string region = country;
    for (char &c : region)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    if (region == phones_.defaultCountry())
        return phones_;
    auto it = regionalPhones_.find(region);
    if (it == regionalPhones_.end()) {
        try {
            it = regionalPhones_.emplace(region, PhoneNormalizer(region)).first;
        } catch (const std::invalid_argument &) {
            // Not a region libphonenumber knows ("XX"): the import's country applies.
            it = regionalPhones_.emplace(region, phones_).first;
        }
    }
    return it->second;
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
        auto phone = phonesFor(row.country).normalize(cell);
        if (!phone)
            row.identifierProblems.push_back(phone.reason);
        else
            row.identifiers.push_back({ kind, std::move(*phone.value) });
    } else {
        row.identifiers.push_back({ kind, cell });
    }
}

} // namespace clientele
