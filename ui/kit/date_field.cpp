#include "kit/date_field.h"

#include "units.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace hearth::ui::kit {

namespace {

const char* weekday_long(Date d) {
    static const char* const names[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return names[std::chrono::weekday(std::chrono::sys_days(d)).iso_encoding() - 1];
}

// Both forms: the typed one shows an input and the weekday, the stepped one
// the day in words.
bool draw(const char* id, Date& day, Date today, std::optional<Date> latest, DateDraft* typed) {
    bool changed = false;
    const float gap = typed ? em(0.2f) : -1.0f;
    ImGui::PushID(id);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) {
        day = add_days(day, -1);
        changed = true;
        if (typed) typed->set(day);  // before its text is drawn, so both show the same day
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Day before");
    ImGui::SameLine(0, gap);
    const Date drawn = day;
    if (typed) {
        ImGui::SetNextItemWidth(em(6.5f));
        if (ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &typed->text)) {
            typed->typed();
            day = typed->day;
        }
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(format_day_human(day).c_str());
    }
    ImGui::SameLine(0, gap);
    ImGui::BeginDisabled(latest && !(day < *latest));
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) { day = add_days(day, 1); changed = true; }
    ImGui::EndDisabled();
    if (typed) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(day.ok() ? weekday_long(day) : "");
    }
    if (day != today) {
        same_line_or_wrap(button_width("Go to today"));  // a longer word than the row may have room for
        if (ImGui::Button("Go to today")) { day = today; changed = true; }
    }
    ImGui::PopID();
    if (latest && *latest < day) { day = *latest; changed = true; }
    if (changed && day != drawn) draw_again();  // the day was drawn as it was before the click
    if (changed && typed) typed->set(day);
    return changed;
}

} // namespace

bool date_field(const char* id, DateDraft& date, Date today) {
    Date day = date.day;
    return draw(id, day, today, std::nullopt, &date);
}

bool date_field(const char* id, Date& day, Date today, std::optional<Date> latest) {
    return draw(id, day, today, latest, nullptr);
}

} // namespace hearth::ui::kit
