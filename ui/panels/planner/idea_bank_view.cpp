// The idea bank: "Suggest one", every idea with a "Plan it" button (one click
// puts it on the chosen day, else the next free evening), and a form to add
// an idea of the couple's own.
#include "panels/planner/planner_views.h"

#include "planner_text.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace hearth::ui::planner_views {

namespace {

// True when clicked; the caller plans it once the list is drawn (planning
// reloads the bank it is drawing from).
bool plan_it_button(const PlannerScreen& s, const char* id) {
    ImGui::PushID(id);
    bool clicked = ImGui::Button("Plan it");
    const PlanSlot slot = s.idea_slot();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("On %s at %s", format_day_human(slot.day).c_str(), format_hh_mm(slot.minute).c_str());
    ImGui::PopID();
    return clicked;
}

void draw_idea_form(PlannerView& v, AppContext& ctx) {
    if (!ImGui::CollapsingHeader("Add an idea of your own")) return;
    PlannerScreen& s = v.screen;
    IdeaForm& f = s.idea_form;
    if (v.idea_generation != f.generation) {
        v.idea_generation = f.generation;
        v.idea_title.clear();
        v.idea_desc.clear();
    }
    begin_card(nullptr);
    float w = std::min(em(30), card_content_width() - kit::EmojiPicker::room());
    ImGui::SetNextItemWidth(w);
    bool enter = v.idea_title.single_line("##ideatitle", "Title, e.g. Breakfast on the balcony");
    ImGui::SameLine();
    v.idea_title_emoji.button("ideatitle-emoji", v.idea_title, ctx.model.device, ctx.model.assets_dir);
    inline_error(f.result.field == "title" ? f.result.error : std::string());
    if (v.idea_desc.multiline("##ideadesc", ImVec2(w, ImGui::GetTextLineHeight() * 2.6f))) enter = true;
    ImGui::SameLine();
    v.idea_desc_emoji.button("ideadesc-emoji", v.idea_desc, ctx.model.device, ctx.model.assets_dir);
    enter_hint();
    inline_error(f.result.field == "description" ? f.result.error : std::string());
    ImGui::SetNextItemWidth(em(12));
    kind_combo("idea-kind", ctx, f.draft.kind_id, v.idea_kind);
    same_line_or_wrap(em(12), em(1.2f));
    ImGui::SetNextItemWidth(em(8));
    ImGui::InputInt("minutes##idealen", &f.draft.length_minutes, 15, 60);
    if (ImGui::Button("Add to the bank") || enter) {
        if (s.add_idea(v.idea_title.value(), v.idea_desc.value()).ok()) {
            v.idea_generation = f.generation;
            v.idea_title.clear();
            v.idea_desc.clear();
        }
    }
    if (!f.result.ok() && f.result.field != "title" && f.result.field != "description") inline_error(f.result.error);
    end_card();
}

} // namespace

void draw_idea_bank(PlannerView& v, AppContext& ctx) {
    PlannerScreen& s = v.screen;
    const Catalog& kinds = ctx.model.plan_kinds;
    std::string to_plan;
    begin_card(nullptr);
    if (ImGui::Button(s.suggestion() ? "Another one" : "Suggest one")) s.suggest_another();
    same_line_or_wrap(em(16));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Who plans it");
    ImGui::SameLine();
    partner_picker("idea-who", ctx.model.couple, s.idea_by);
    if (const auto& idea = s.suggestion()) {
        heading(shown(idea->title));
        std::string used = idea->last_used ? "last planned for " + format_day_human(*idea->last_used) : std::string("not done yet");
        muted("%s \xC2\xB7 %s \xC2\xB7 %s", shown(kinds.label_of(idea->kind_id).value_or("")),
              format_length(idea->length_minutes).c_str(), shown(used));
        if (!idea->description.empty()) ImGui::TextWrapped("%s", shown(idea->description));
        if (plan_it_button(s, "suggested")) to_plan = idea->id;
    } else {
        muted("An idea you have not done lately, from the bank below and your own.");
    }
    inline_error(s.idea_plan_error());
    end_card();
    ImGui::Spacing();

    const PlanSlot slot = s.idea_slot();
    char when[96];
    std::snprintf(when, sizeof when, "\xE2\x80\x9CPlan it\xE2\x80\x9D puts an idea on %s at %s%s.", format_day_human(slot.day).c_str(),
                  format_hh_mm(slot.minute).c_str(), s.chosen_day() ? " (the chosen day)" : " (the next free evening)");
    muted("%s", when);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    bool wide = ImGui::GetContentRegionAvail().x > em(40);
    if (ImGui::BeginTable("ideas", wide ? 4 : 2, flags)) {
        ImGui::TableSetupColumn("Idea", ImGuiTableColumnFlags_WidthStretch);
        if (wide) ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em(8));
        if (wide) ImGui::TableSetupColumn("Last planned", ImGuiTableColumnFlags_WidthFixed, em(8));
        ImGui::TableSetupColumn("##plan", ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableHeadersRow();
        for (const Idea& idea : ctx.model.ideas.all()) {
            ImGui::PushID(idea.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", shown(idea.title));
            if (!idea.description.empty() && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(em(22));
                ImGui::TextUnformatted(shown(idea.description));
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            muted("%s%s", format_length(idea.length_minutes).c_str(), idea.builtin ? "" : " \xC2\xB7 your own");
            if (wide) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shown(kinds.label_of(idea.kind_id).value_or("")));
                ImGui::TableNextColumn();
                if (idea.last_used) ImGui::TextUnformatted(planner_text::day_month(*idea.last_used).c_str());
                else ImGui::TextDisabled("not yet");
            }
            ImGui::TableNextColumn();
            if (plan_it_button(s, "row")) to_plan = idea.id;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!to_plan.empty()) s.plan_idea(to_plan);
    ImGui::Spacing();
    draw_idea_form(v, ctx);
}

} // namespace hearth::ui::planner_views
