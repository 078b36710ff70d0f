#include "Time.h"

#include <date/date.h>

#include <chrono>
#include <sstream>

namespace clientele {

namespace {

using namespace std::chrono;

sys_time<milliseconds> toSys(Millis t)
{
    return sys_time<milliseconds>(milliseconds(t));
}

} // namespace

Millis nowMillis()
{
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Millis startOfDay(Millis t)
{
    return floor<date::days>(toSys(t)).time_since_epoch() / milliseconds(1);
}

std::optional<Millis> parseIsoDate(std::string_view text)
{
    std::istringstream in { std::string(text) };
    date::year_month_day day {};
    in >> date::parse("%F", day);
    if (in.fail() || !day.ok())
        return std::nullopt;
    in.peek();
    if (!in.eof())
        return std::nullopt;
    return date::sys_days(day).time_since_epoch() / milliseconds(1);
}

std::string formatIsoDate(Millis t)
{
    return date::format("%F", floor<date::days>(toSys(t)));
}

std::string formatIsoDateTime(Millis t)
{
    return date::format("%FT%TZ", floor<seconds>(toSys(t)));
}

} // namespace clientele
