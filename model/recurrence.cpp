#include "recurrence.h"

#include <cstdio>

namespace hearth {
using namespace std::chrono;

std::string_view to_string(Repeat r) {
    switch (r) {
    case Repeat::none: return "none";
    case Repeat::daily: return "daily";
    case Repeat::weekly: return "weekly";
    }
    return "none";
}

std::optional<Repeat> parse_repeat(std::string_view s) {
    if (s == "none") return Repeat::none;
    if (s == "daily") return Repeat::daily;
    if (s == "weekly") return Repeat::weekly;
    return std::nullopt;
}

unsigned weekday_bit(Date d) { return 1u << (weekday{sys_days{d}}.iso_encoding() - 1); }

bool occurs_on(const Recurrence& r, Date start, Date d) {
    if (!d.ok() || !start.ok()) return false;
    if (sys_days{d} < sys_days{start}) return false;
    if (r.until && sys_days{d} > sys_days{*r.until}) return false;
    switch (r.repeat) {
    case Repeat::none: return d == start;
    case Repeat::daily: return true;
    case Repeat::weekly: {
        if (!(r.weekdays & weekday_bit(d)) || r.interval_weeks < 1) return false;
        int weeks = days_between(week_start(start), week_start(d)) / 7;
        return weeks % r.interval_weeks == 0;
    }
    }
    return false;
}

std::vector<Date> expand(const Recurrence& r, Date start, Date from, Date to) {
    std::vector<Date> out;
    if (!start.ok() || !from.ok() || !to.ok()) return out;
    sys_days first = std::max(sys_days{from}, sys_days{start});
    sys_days last = sys_days{to};
    if (r.until) last = std::min(last, sys_days{*r.until});
    if (r.repeat == Repeat::none) last = std::min(last, sys_days{start});
    for (sys_days d = first; d <= last; d += days{1})
        if (occurs_on(r, start, Date{d})) out.push_back(Date{d});
    return out;
}

std::optional<Date> next_occurrence(const Recurrence& r, Date start, Date from, int horizon_days) {
    if (!start.ok() || !from.ok()) return std::nullopt;
    sys_days d = std::max(sys_days{from}, sys_days{start});
    sys_days last = d + days{horizon_days};
    if (r.until) last = std::min(last, sys_days{*r.until});
    if (r.repeat == Repeat::none) last = std::min(last, sys_days{start});
    for (; d <= last; d += days{1})
        if (occurs_on(r, start, Date{d})) return Date{d};
    return std::nullopt;
}

std::optional<RuleProblem> recurrence_problem(const Recurrence& r, Date start) {
    if (!start.ok()) return RuleProblem{"day", "Choose a real calendar day."};
    if (r.until && !r.until->ok()) return RuleProblem{"until", "Choose a real calendar day for the end."};
    if (r.repeat == Repeat::none) return std::nullopt;
    if (r.repeat == Repeat::weekly) {
        if ((r.weekdays & kAllWeekdays) == 0)
            return RuleProblem{"weekdays", "Choose at least one day of the week for the ritual."};
        if (r.weekdays & ~kAllWeekdays) return RuleProblem{"weekdays", "Those are not days of the week."};
        if (r.interval_weeks < 1)
            return RuleProblem{"interval", std::string("Repeat every 1 week or more; ") + std::to_string(r.interval_weeks) +
                                               " is not a number of weeks."};
        if (r.interval_weeks > kMaxIntervalWeeks)
            return RuleProblem{"interval", std::string("Repeat at least once a year (every ") + std::to_string(kMaxIntervalWeeks) +
                                               " weeks or less)."};
    }
    if (r.until && sys_days{*r.until} < sys_days{start})
        return RuleProblem{"until", std::string("The end (") + format_date(*r.until) + ") is before the start (" +
                                        format_date(start) + ")."};
    if (!next_occurrence(r, start, start, 7 * kMaxIntervalWeeks + 7))
        return RuleProblem{"until", "The ritual would end before its first time; choose a later end."};
    return std::nullopt;
}

std::string format_hhmm(int m) {
    if (m < 0) m = 0;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (m / 60) % 100, m % 60);
    return buf;
}

std::optional<int> parse_hhmm(std::string_view s) {
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
    int h = 0, m = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == colon) continue;
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        (i < colon ? h : m) = (i < colon ? h : m) * 10 + (s[i] - '0');
    }
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

WallTime local_at(Date d, int minute_of_day) {
    auto t = local_time_on(d, format_hhmm(minute_of_day));
    return t ? *t : local_midnight(d) + minutes{minute_of_day};
}

std::string byday_list(unsigned weekdays) {
    static const char* names[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    std::string out;
    for (int i = 0; i < 7; ++i)
        if (weekdays & (1u << i)) out += std::string(out.empty() ? "" : ",") + names[i];
    return out;
}

} // namespace hearth
