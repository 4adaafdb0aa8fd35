#pragma once
// ◀ the week shown ▶  and a way back to this week.
#include "shown_week.h"
#include "time_util.h"

namespace hearth::ui::kit {

struct WeekSwitcherStyle {
    const char* label = nullptr;                   // nullptr: "Mon 21 – 27 Sep 2026  (week 39)"
    bool allow_future = true;                      // false: ▶ stops at this week
    const char* back_label = "Back to this week";
    bool small_back = false;                       // SmallButton instead of Button
    bool arrow_tooltips = true;                    // "Previous week" / "Next week"
};

// `monday` is the shown week's Monday. Returns true when it changed.
bool week_switcher(Date& monday, Date today, const WeekSwitcherStyle& style = {});
// The same over a screen's ShownWeek (never past this week).
bool week_switcher(ShownWeek& week, const WeekSwitcherStyle& style = {});

} // namespace hearth::ui::kit
