#pragma once
// The parts of the planner panel that decide something, callable from tests
// without driving the mouse (ui/panels/planner_panel.cpp).
#include "planner.h"

#include <optional>

namespace hearth::ui::planner_ui {

struct Slot {
    Date day;
    int minute = 19 * 60;
};

// Where "Plan it" puts an idea in one click: the selected day at 19:00 when
// one is chosen, else the first evening from today (from the shown week's
// Monday when that week is ahead) with nothing planned around 19:00..21:00,
// skipping today once 19:00 has passed; the first candidate day when no
// evening in the next two weeks is free.
Slot default_idea_slot(Planner& planner, Date shown_monday, WallTime now, std::optional<Date> selected_day);

// Dropping a plan on a day: moves only that occurrence (a ritual's others
// stay; a one-off plan moves with it), keeping its time. Dropping it on the
// day it is on already changes nothing.
SaveResult drop_on_day(Planner& planner, const Occurrence& o, Date day);

} // namespace hearth::ui::planner_ui
