#pragma once
// Calendar helpers: UTC timestamps for rows, local calendar days for what the
// couple sees, ISO weeks (Monday start) for browsing and the dashboard.
#include "clock.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

using Date = std::chrono::year_month_day;

// The calendar Hearth accepts from text (files, backups, typed days): years
// 1970 to 2199. Every moment in it fits the nanosecond system clock (which
// wraps before 1678 and after 2262) with room for any duration Hearth adds.
inline constexpr int kFirstYear = 1970;
inline constexpr int kLastYear = 2199;
bool in_supported_range(Date d);

// "2026-11-22T18:34:57.123Z"; parse accepts the same shape (milliseconds
// optional), only in kFirstYear..kLastYear: nullopt otherwise, never wrapped.
std::string format_utc(WallTime t);
std::optional<WallTime> parse_utc(std::string_view s);

// The calendar day in the machine's local time zone.
Date local_date(WallTime t);
// Local wall-clock time of day, "21:40".
std::string local_clock_time(WallTime t);
// Local midnight at the start of `d`, as a point in time.
WallTime local_midnight(Date d);

// "21:40" (or "9:05") on local day `d`; nullopt unless a valid 24-hour time.
std::optional<WallTime> local_time_on(Date d, std::string_view hh_mm);

std::string format_date(Date d);                      // "2026-11-22"
std::optional<Date> parse_date(std::string_view s);   // strict YYYY-MM-DD, a real day in range
std::string format_day_human(Date d);                 // "Sun 22 Nov 2026"

Date add_days(Date d, int days);
int days_between(Date from, Date to);                 // to - from
Date week_start(Date d);                              // the Monday of d's ISO week

struct IsoWeek {
    int year = 0;
    int week = 0;
    bool operator==(const IsoWeek&) const = default;
};
IsoWeek iso_week(Date d);
Date iso_week_monday(IsoWeek w);
std::string format_iso_week(IsoWeek w);               // "2026-W47"
std::optional<IsoWeek> parse_iso_week(std::string_view s);  // years in range only
int iso_weeks_in_year(int year);

} // namespace hearth
