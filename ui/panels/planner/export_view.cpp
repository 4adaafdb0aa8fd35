// "Export to calendar (.ics)": the upcoming plans and rituals as a file.
#include "panels/planner/planner_views.h"

#include "user_paths.h"
#include "widgets.h"

#include <imgui.h>

namespace hearth::ui::planner_views {

void draw_export(PlannerView& v, AppContext&) {
    begin_card("Export to calendar");
    muted("Writes your upcoming plans and rituals as an .ics file that phone and desktop calendars import. "
          "Importing it again updates the events instead of duplicating them.");
    v.export_box.offer(in_home("hearth-plans.ics"));
    v.export_box.draw("Write it", [&](const std::string& path) { v.screen.export_calendar(path); });
    end_card();
    ImGui::Spacing();
}

} // namespace hearth::ui::planner_views
