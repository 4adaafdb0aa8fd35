#include "kit/week_switcher.h"

#include <imgui.h>

#include <string>

namespace hearth::ui::kit {

namespace {
// "Mon 21 – 27 Sep 2026  (week 39)"
std::string week_label(Date monday) {
    std::string first = format_day_human(monday);          // "Mon 21 Sep 2026"
    first = first.substr(0, first.find(' ', 4));           // "Mon 21"
    std::string last = format_day_human(add_days(monday, 6)).substr(4);
    return first + " \xE2\x80\x93 " + last + "  (week " + std::to_string(iso_week(monday).week) + ")";
}
} // namespace

bool week_switcher(Date& monday, Date today, const WeekSwitcherStyle& style) {
    const Date this_week = week_start(today);
    const Date before = monday;
    if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) monday = add_days(monday, -7);
    if (style.arrow_tooltips && ImGui::IsItemHovered()) ImGui::SetTooltip("Previous week");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (style.label) ImGui::TextUnformatted(style.label);
    else ImGui::TextUnformatted(week_label(before).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!style.allow_future && !(before < this_week));
    if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) monday = add_days(monday, 7);
    ImGui::EndDisabled();
    if (style.arrow_tooltips && ImGui::IsItemHovered()) ImGui::SetTooltip("Next week");
    if (before != this_week) {
        ImGui::SameLine();
        if (style.small_back ? ImGui::SmallButton(style.back_label) : ImGui::Button(style.back_label)) monday = this_week;
    }
    return monday != before;
}

bool week_switcher(ShownWeek& week, const WeekSwitcherStyle& style) {
    WeekSwitcherStyle s = style;
    s.allow_future = false;
    Date monday = week.monday();
    if (!week_switcher(monday, week.this_week(), s)) return false;
    week.show(monday);
    return true;
}

} // namespace hearth::ui::kit
