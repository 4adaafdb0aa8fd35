#pragma once
// The planner's words for days, times and rules, as its views show them.
#include "planner.h"

#include <string>

namespace hearth::planner_text {

extern const char* const kWeekdayShort[7];   // Monday first
extern const char* const kWeekdayLong[7];
int weekday_index(Date d);                   // 0 = Monday

std::string short_day(Date d);               // "Mon 21"
std::string day_month(Date d);               // "Mon 21 Sep"
std::string time_span(const Occurrence& o);  // "19:00–20:30", or "19:00 · 2 days" past midnight
std::string rule_text(const Recurrence& r);  // "weekly: Mon, Wed", "every 2 weeks: weekdays"
const char* state_text(PlanState s);         // "planned", "done", "skipped"

} // namespace hearth::planner_text
