// The agenda: the next four weeks of plans as a list, from today (or from the
// shown week when it is ahead).
#include "panels/planner/planner_views.h"

#include "planner_text.h"
#include "theme.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui.h>

namespace hearth::ui::planner_views {

using namespace planner_text;

void draw_agenda(PlannerView& v, AppContext& ctx) {
    PlannerScreen& s = v.screen;
    const Couple& couple = ctx.model.couple;
    const Catalog& kinds = ctx.model.plan_kinds;
    muted("The next %d days from %s.", PlannerScreen::kAgendaDays, format_day_human(s.agenda_from()).c_str());
    if (s.agenda().empty()) {
        muted("Nothing planned yet. Try the idea bank, or \xE2\x80\x9C+ New plan\xE2\x80\x9D.");
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    bool wide = ImGui::GetContentRegionAvail().x > em(44);
    if (!ImGui::BeginTable("agenda", wide ? 5 : 3, flags)) return;
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, em(wide ? 12 : 9));
    ImGui::TableSetupColumn("Plan", ImGuiTableColumnFlags_WidthStretch);
    if (wide) ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em(8));
    ImGui::TableSetupColumn("Suggested by", ImGuiTableColumnFlags_WidthFixed, em(7));
    if (wide) ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, em(7));
    ImGui::TableHeadersRow();
    Date last{};
    for (const Occurrence& o : s.agenda()) {
        ImGui::PushID(o.plan_id.c_str());
        ImGui::PushID(format_date(o.original_day).c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (o.day == s.today()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header, 0.35f));
        std::string when = (o.day != last ? (o.day == s.today() ? std::string("Today") : day_month(o.day)) + "  "
                                          : std::string("   \xC2\xB7 ")) +
                           format_hh_mm(o.start_minute);
        last = o.day;
        if (ImGui::Selectable(shown(when), s.selected().is(o), ImGuiSelectableFlags_SpanAllColumns)) s.select(o);
        ImGui::TableNextColumn();
        if (o.state == PlanState::skipped) ImGui::TextDisabled("%s", shown(o.title));
        else ImGui::TextWrapped("%s", shown(o.title));
        const std::string kind = kinds.label_of(o.kind_id).value_or(o.kind_id);
        std::string marks = format_length(o.length_minutes);
        if (!wide) marks += " \xC2\xB7 " + kind;
        if (o.recurring) marks += " \xC2\xB7 \xE2\x86\xBB repeats";
        if (o.phones_away) marks += " \xC2\xB7 phones away";
        if (!o.place.empty()) marks += " \xC2\xB7 " + o.place;
        if (!wide && o.state != PlanState::planned) marks += std::string(" \xC2\xB7 ") + state_text(o.state);
        muted("%s", shown(marks));
        if (o.overlaps) ImGui::TextColored(error_text(), "\xE2\x9A\xA0 overlaps another plan");
        if (wide) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shown(kind));
        }
        ImGui::TableNextColumn();
        if (o.suggested_by) partner_label(couple.partner(*o.suggested_by));
        else ImGui::TextDisabled("\xE2\x80\x94");
        if (wide) {
            ImGui::TableNextColumn();
            if (o.state == PlanState::done) ImGui::TextColored(success_text(), "\xE2\x9C\x93 done");
            else ImGui::TextDisabled("%s", state_text(o.state));
        }
        ImGui::PopID();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace hearth::ui::planner_views
