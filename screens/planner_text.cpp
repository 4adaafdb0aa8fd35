#include "planner_text.h"

#include "time_text.h"

namespace hearth::planner_text {

const char* const kWeekdayShort[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kWeekdayLong[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

int weekday_index(Date d) { return int(std::chrono::weekday(std::chrono::sys_days(d)).iso_encoding()) - 1; }

std::string short_day(Date d) { return std::string(kWeekdayShort[weekday_index(d)]) + " " + std::to_string(unsigned(d.day())); }

std::string day_month(Date d) {
    std::string s = format_day_human(d);
    return s.size() > 5 ? s.substr(0, s.size() - 5) : s;
}

std::string time_span(const Occurrence& o) {
    int end = o.start_minute + o.length_minutes;
    if (end <= 24 * 60) return format_hh_mm(o.start_minute) + "\xE2\x80\x93" + format_hh_mm(end % (24 * 60));
    return format_hh_mm(o.start_minute) + " \xC2\xB7 " + format_length(o.length_minutes);
}

std::string rule_text(const Recurrence& r) {
    switch (r.repeat) {
    case Repeat::none: return "once";
    case Repeat::daily: return "every day";
    case Repeat::weekly: {
        std::string days;
        if (r.weekdays == kAllWeekdays) days = "every day";
        else if (r.weekdays == 0x1F) days = "weekdays";
        else
            for (int i = 0; i < 7; ++i)
                if (r.weekdays & (1u << i)) days += (days.empty() ? "" : ", ") + std::string(kWeekdayShort[i]);
        if (r.interval_weeks <= 1) return "weekly: " + days;
        return "every " + std::to_string(r.interval_weeks) + " weeks: " + days;
    }
    }
    return {};
}

const char* state_text(PlanState s) {
    switch (s) {
    case PlanState::planned: return "planned";
    case PlanState::done: return "done";
    case PlanState::skipped: return "skipped";
    }
    return "";
}

} // namespace hearth::planner_text
