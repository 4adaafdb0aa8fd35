#include "kit/week_switcher.h"

#include "widgets.h"

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
    const std::string label = style.label ? std::string(style.label) : week_label(before);
    const ImGuiStyle& st = ImGui::GetStyle();
    // "◀ label ▶" when the row has room; else both arrows first and the label
    // beside them, wrapped, so no arrow is pushed past the window's edge.
    const bool fits = 2 * (ImGui::GetFrameHeight() + st.ItemSpacing.x) + ImGui::CalcTextSize(label.c_str()).x <=
                      ImGui::GetContentRegionAvail().x;
    if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) monday = add_days(monday, -7);
    if (style.arrow_tooltips && ImGui::IsItemHovered()) ImGui::SetTooltip("Previous week");
    auto draw_label = [&] {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (fits) {
            ImGui::TextUnformatted(label.c_str());
        } else {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopTextWrapPos();
        }
    };
    if (fits) draw_label();
    ImGui::SameLine();
    ImGui::BeginDisabled(!style.allow_future && !(before < this_week));
    if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) monday = add_days(monday, 7);
    ImGui::EndDisabled();
    if (style.arrow_tooltips && ImGui::IsItemHovered()) ImGui::SetTooltip("Next week");
    if (!fits) draw_label();
    if (before != this_week) {
        same_line_or_wrap(style.small_back ? ImGui::CalcTextSize(style.back_label, nullptr, true).x + 2 * st.FramePadding.x
                                           : button_width(style.back_label));
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
