// The plan form: a new plan, or the whole plan / ritual. Its rules (what a
// new plan starts as, how the repeat choice becomes a rule, what is refused)
// are PlannerScreen's and Planner's; this draws the fields.
#include "panels/planner/planner_views.h"

#include "kit/confirm_button.h"
#include "kit/date_field.h"
#include "planner_text.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace hearth::ui::planner_views {

void kind_combo(const char* id, AppContext& ctx, std::string& kind_id, kit::CatalogComboState& state) {
    kit::catalog_combo(id, ctx.model.plan_kinds, kind_id, state);
}

void delete_plan_button(PlannerView& v, const std::string& plan_id) {
    PlannerScreen& s = v.screen;
    const kit::ConfirmText text{"Delete plan", "Really delete", "Keep it",
                                "Deleting removes every time of it, also the ones you rated. Ending a ritual keeps them."};
    if (kit::confirm_button(text, s.card.confirm_delete)) s.delete_plan(plan_id);
}

void draw_plan_form(PlannerView& v, AppContext& ctx) {
    PlannerScreen& s = v.screen;
    PlanForm& f = s.form;
    if (v.form_generation != f.generation) {
        v.form_generation = f.generation;
        v.form_title.load(f.title);
        v.form_place.load(f.place);
        v.form_notes.load(f.notes);
    }
    if (s.take_scroll_to_detail()) ImGui::SetScrollY(0.0f);   // the card sits right under the toolbar
    const bool editing = !f.editing_id.empty();
    begin_card(!editing ? "A new plan" : f.editing_ritual() ? "The whole ritual" : "Change the plan");
    if (f.editing_ritual()) muted("Changes apply to every time of the ritual; times moved or changed one by one keep their changes.");
    const float label_w = em(7.0f);
    auto row_label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine(label_w);
    };
    float field_w = std::max(em(10), std::min(em(30), card_content_width() - label_w - em(0.5f) - kit::EmojiPicker::room()));
    Model& m = ctx.model;

    row_label("Title");
    ImGui::SetNextItemWidth(field_w);
    if (f.focus_title) {
        ImGui::SetKeyboardFocusHere();
        f.focus_title = false;
    }
    bool enter = v.form_title.single_line("##title", "A walk by the river, a movie night at home ...");
    ImGui::SameLine();
    v.form_title_emoji.button("title-emoji", v.form_title, m.device, m.assets_dir);
    inline_error(f.error("title"));

    row_label("Kind");
    ImGui::SetNextItemWidth(em(12));
    kind_combo("form-kind", ctx, f.draft.kind_id, v.form_kind);
    inline_error(f.error("kind"));

    row_label("Day");
    kit::date_field("form-day", f.day, s.today());
    inline_error(f.day.error.empty() ? f.error("day") : f.day.error);

    row_label("Starts at");
    ImGui::SetNextItemWidth(em(4.5f));
    if (ImGui::InputTextWithHint("##time", "19:00", &f.time_text, ImGuiInputTextFlags_EnterReturnsTrue)) enter = true;
    const auto start = f.start_minute();
    same_line_or_wrap(em(14), em(1.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("for");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(8));
    ImGui::InputInt("minutes##len", &f.draft.length_minutes, 15, 60);
    if (!start && !f.time_text.empty()) inline_error("Type the time as hours and minutes, like 19:30.");
    else inline_error(f.error("time"));
    inline_error(f.error("length"));

    row_label("Place");
    ImGui::SetNextItemWidth(field_w);
    if (v.form_place.single_line("##place", "Optional")) enter = true;
    ImGui::SameLine();
    v.form_place_emoji.button("place-emoji", v.form_place, m.device, m.assets_dir);
    inline_error(f.error("place"));
    row_label("Notes");
    if (v.form_notes.multiline("##notes", ImVec2(field_w, ImGui::GetTextLineHeight() * 2.6f))) enter = true;
    ImGui::SameLine();
    v.form_notes_emoji.button("notes-emoji", v.form_notes, m.device, m.assets_dir);
    enter_hint();
    inline_error(f.error("notes"));

    row_label("Suggested by");
    partner_picker("suggested", ctx.model.couple, f.suggested_by);
    if (f.suggested_by >= 0) {
        ImGui::SameLine();
        if (ImGui::SmallButton("neither")) f.suggested_by = -1;
    }
    inline_error(f.error("suggested_by"));
    row_label("");
    ImGui::Checkbox("Phones away", &f.draft.phones_away);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Both phones out of reach for this time");

    row_label("Repeat");
    const char* modes[] = {"Does not repeat", "Every day", "On chosen weekdays", "Every few weeks"};
    int mode = int(f.repeat);
    ImGui::SetNextItemWidth(em(12));
    if (ImGui::Combo("##repeat", &mode, modes, 4)) f.repeat = RepeatMode(mode);
    if (f.repeat == RepeatMode::weekdays || f.repeat == RepeatMode::every_few_weeks) {
        row_label("");
        for (int i = 0; i < 7; ++i) {
            unsigned bit = 1u << i;
            // A chosen day is marked by a check mark and a full colour, not by shade alone.
            bool on = f.draft.recurrence.weekdays & bit;
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_CheckMark : ImGuiCol_FrameBg));
            ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
            char label[32];
            std::snprintf(label, sizeof label, "%s%s###wd%d", on ? "\xE2\x9C\x93 " : "", planner_text::kWeekdayShort[i], i);
            if (ImGui::Button(label, ImVec2(em(4.2f), 0))) f.draft.recurrence.weekdays ^= bit;
            ImGui::PopStyleColor(2);
            if (i < 6) same_line_or_wrap(em(4.2f), em(0.25f));
        }
        inline_error(f.error("weekdays"));
        if (f.repeat == RepeatMode::every_few_weeks) {
            row_label("");
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("every");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em(6.5f));
            ImGui::InputInt("weeks##interval", &f.interval_weeks, 1, 1);
            inline_error(f.error("interval"));
        }
    }
    if (f.draft.recurrence.until && f.repeat != RepeatMode::none)
        muted("Ends after %s.", format_day_human(*f.draft.recurrence.until).c_str());
    inline_error(f.other_error());

    ImGui::Spacing();
    bool save = ImGui::Button(editing ? "Save changes" : "Save the plan") || enter;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) s.close_form();
    if (editing) {
        ImGui::SameLine();
        delete_plan_button(v, f.editing_id);
    }
    end_card();
    ImGui::Spacing();

    if (save && f.open) {
        f.title = v.form_title.value();
        f.place = v.form_place.value();
        f.notes = v.form_notes.value();
        s.save_form();
    }
}

} // namespace hearth::ui::planner_views
