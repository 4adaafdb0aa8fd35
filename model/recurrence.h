#pragma once
// Recurrence rules for rituals, expanded over local calendar days. Pure: no
// database, no clock. A ritual keeps its local clock time ("19:00") on every
// day it occurs, so daylight-saving changes move its UTC instant, never the
// time the couple sees.
//
// Rules:
//  - none:   one day only (the start day).
//  - daily:  every day from the start day.
//  - weekly: on the chosen weekdays of every Nth ISO week (Monday start),
//            counting weeks from the start day's week; N = 1 is "weekly".
// An optional `until` is the last local day the rule may produce (inclusive).
#include "time_util.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

enum class Repeat { none, daily, weekly };
std::string_view to_string(Repeat r);
std::optional<Repeat> parse_repeat(std::string_view s);

// Weekday bits in ISO order: bit 0 Monday ... bit 6 Sunday.
inline constexpr unsigned kMonday = 1u << 0, kTuesday = 1u << 1, kWednesday = 1u << 2, kThursday = 1u << 3,
                          kFriday = 1u << 4, kSaturday = 1u << 5, kSunday = 1u << 6;
inline constexpr unsigned kAllWeekdays = 0x7F;
unsigned weekday_bit(Date d);   // the bit of d's weekday

inline constexpr int kMaxIntervalWeeks = 52;

struct Recurrence {
    Repeat repeat = Repeat::none;
    unsigned weekdays = 0;          // weekly only
    int interval_weeks = 1;         // weekly only: every N weeks, N >= 1
    std::optional<Date> until;      // last day (inclusive); nullopt = no end
    bool recurring() const { return repeat != Repeat::none; }
    bool operator==(const Recurrence&) const = default;
};

// Why a rule starting on `start` cannot be saved, as {field, reason}; nullopt
// when it is fine. Refuses: a weekly rule with no days, N < 1 (or > 52), an
// until before the start, and a rule that never produces a day.
struct RuleProblem {
    std::string field;
    std::string why;
};
std::optional<RuleProblem> recurrence_problem(const Recurrence& r, Date start);

// True when the rule (started on `start`) produces day `d`.
bool occurs_on(const Recurrence& r, Date start, Date d);
// The days the rule produces in [from, to] (inclusive), in order.
std::vector<Date> expand(const Recurrence& r, Date start, Date from, Date to);
// The first day on or after `from` the rule produces (searches up to
// `horizon_days` ahead); nullopt when there is none.
std::optional<Date> next_occurrence(const Recurrence& r, Date start, Date from, int horizon_days = 800);

// Minutes after local midnight <-> "19:05".
std::string format_hhmm(int minute_of_day);
std::optional<int> parse_hhmm(std::string_view s);   // "9:05" or "09:05", 00:00..23:59

// The instant of local wall-clock time `minute_of_day` on local day `d`
// (mktime rules: a time skipped by a spring-forward change lands just after it).
WallTime local_at(Date d, int minute_of_day);

// "MO,WE" (RFC 5545 BYDAY order Monday first) for a weekday mask.
std::string byday_list(unsigned weekdays);

} // namespace hearth
