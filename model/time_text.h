#pragma once
// Times of day and lengths of time as the couple reads and types them. Written
// once here; every screen, export and summary uses these.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

// A minute of the day (0..1439) as "09:05". Out-of-range values are clamped.
std::string format_hh_mm(int minute_of_day);
// "9:05", "09:05", "21:40" (surrounding spaces allowed) -> minute of the day;
// nullopt for anything else, including "24:00", "7:5" and "7:60".
std::optional<int> parse_hh_mm(std::string_view text);

// A length the couple planned: "45 min", "1 h", "1 h 30", "2 days 3 h".
std::string format_length(int minutes);
// Time spent, in hours and minutes: "45 min", "1 h 05", "26 h 00".
std::string format_time_spent(int minutes);
// How long ago a day was, from today: "today", "yesterday", "3 days ago".
std::string format_days_ago(int days);
// A length in prose: "20 minutes", "1 minute", "90 seconds".
std::string format_seconds_prose(int seconds);
// A countdown: "04:59", "1:00:00"; negative counts as 0.
std::string format_countdown(int64_t seconds);

} // namespace hearth
