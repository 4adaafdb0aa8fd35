// One occurrence: what it is, done or skipped, ratings and the memory, and
// changes to just this time or to the whole ritual.
#include "panels/planner/planner_views.h"

#include "kit/date_field.h"
#include "planner_text.h"
#include "theme.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace hearth::ui::planner_views {

namespace {

// A five-pointed star drawn in the item's rectangle: the font's outline star
// "☆" is thin and small, and an unrated row must read as five places to click.
void draw_star(ImRect box, ImU32 col, bool filled) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c = box.GetCenter();
    const float outer = std::min(box.GetWidth(), box.GetHeight()) * 0.42f, inner = outer * 0.45f;
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        const float a = -IM_PI / 2 + float(i) * IM_PI / 5;
        const float r = i % 2 ? inner : outer;
        pts[i] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a) + outer * 0.08f);
    }
    if (filled)
        for (int i = 0; i < 10; ++i) dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], col);
    else
        dl->AddPolyline(pts, 10, col, ImDrawFlags_Closed, std::max(1.5f, em(0.12f)));
}

void draw_ratings(PlannerView& v, AppContext& ctx, const Occurrence& o) {
    PlannerScreen& s = v.screen;
    const Couple& couple = ctx.model.couple;
    for (int slot = 0; slot < 2; ++slot) {
        const Partner& p = couple.partner(slot);
        ImGui::PushID(slot);
        ImGui::AlignTextToFramePadding();
        partner_label(p);
        ImGui::SameLine(em(7));
        const int stars = o.rating[std::size_t(slot)].value_or(0);
        // The stars up to the one under the pointer show what a click gives.
        int hovered = 0;
        ImVec4 colour = partner_text_color(p.color);
        const ImU32 given = ImGui::GetColorU32(colour);
        colour.w *= 0.45f;
        const ImU32 offered = ImGui::GetColorU32(colour);
        const ImU32 empty = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        const float side = ImGui::GetFrameHeight();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImRect boxes[5];
        for (int k = 1; k <= 5; ++k) {
            ImGui::PushID(k);
            if (ImGui::Button("##star", ImVec2(side, side))) s.rate(slot, k);
            boxes[k - 1] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (ImGui::IsItemHovered()) {
                hovered = k;
                ImGui::SetTooltip("%s: %d of 5%s", shown(p.name), k, k == stars ? " (click again to clear)" : "");
            }
            ImGui::PopID();
            if (k < 5) ImGui::SameLine(0, em(0.1f));
        }
        ImGui::PopStyleColor();
        for (int k = 1; k <= 5; ++k) {
            if (k <= stars) draw_star(boxes[k - 1], given, true);
            else if (k <= hovered) draw_star(boxes[k - 1], offered, true);
            draw_star(boxes[k - 1], k <= stars ? given : empty, false);
        }
        ImGui::PopID();
    }
    ImGui::TextUnformatted("What you want to remember");
    bool enter = v.memory.multiline("##memory", ImVec2(std::min(em(30), card_content_width() - kit::EmojiPicker::room()),
                                                       ImGui::GetTextLineHeight() * 3.2f));
    ImGui::SameLine();
    v.memory_emoji.button("memory-emoji", v.memory, ctx.model.device, ctx.model.assets_dir);
    enter_hint();
    if (ImGui::Button("Save the memory") || enter) {
        s.card.memory = v.memory.value();
        s.save_memory();
    }
    inline_error(s.card.error("memory"));
}

void draw_end_ritual_popup(PlannerScreen& s) {
    if (!ImGui::BeginPopup("end ritual")) return;
    ImGui::TextUnformatted("The last day of the ritual");
    kit::date_field("end-day", s.card.end_day, s.today());
    inline_error(s.card.end_day.error);
    muted("Its past times, their ratings and memories stay.");
    if (ImGui::Button("End it")) {
        s.end_ritual();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Not now")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace

void draw_occurrence_card(PlannerView& v, AppContext& ctx) {
    PlannerScreen& s = v.screen;
    if (!s.selected_occurrence()) return;
    const Occurrence o = *s.selected_occurrence();
    const std::optional<Plan>& plan = s.selected_plan();
    OccurrenceCard& card = s.card;
    if (v.card_generation != card.generation) {
        v.card_generation = card.generation;
        v.memory.load(card.memory);
        v.occ_title.load(card.title);
        v.occ_place.load(card.place);
    }
    if (s.take_scroll_to_detail()) ImGui::SetScrollY(0.0f);   // the card sits right under the toolbar
    ImGui::PushID("occurrence");
    begin_card(shown(o.title));
    std::string kind = ctx.model.plan_kinds.label_of(o.kind_id).value_or(o.kind_id);
    std::string rule = o.recurring && plan ? " \xC2\xB7 \xE2\x86\xBB " + planner_text::rule_text(plan->recurrence) : std::string();
    muted("%s, %s (%s) \xC2\xB7 %s%s%s", format_day_human(o.day).c_str(), planner_text::time_span(o).c_str(),
          format_length(o.length_minutes).c_str(), shown(kind), shown(rule), o.phones_away ? " \xC2\xB7 phones away" : "");
    // The state and its buttons right under the one-line summary, before the
    // lines a plan may or may not have: "Mark done" is at the same place on every plan.
    ImGui::AlignTextToFramePadding();
    if (o.state == PlanState::done) ImGui::TextColored(success_text(), "\xE2\x9C\x93 Done");
    else ImGui::Text("%s", o.state == PlanState::skipped ? "Skipped" : "Planned");
    if (o.state != PlanState::done) {
        same_line_or_wrap(em(8), em(1.2f));
        if (ImGui::Button("Mark done")) s.set_state(PlanState::done);
    }
    if (o.state != PlanState::skipped) {
        same_line_or_wrap(em(8));
        if (ImGui::Button(o.recurring ? "Skip this time" : "Skip it")) s.set_state(PlanState::skipped);
    }
    if (o.state != PlanState::planned) {
        same_line_or_wrap(em(9));
        if (ImGui::Button("Back to planned")) s.set_state(PlanState::planned);
    }
    inline_error(card.error("state"));

    if (o.state == PlanState::done) draw_ratings(v, ctx, o);

    ImGui::Spacing();
    if (o.moved) muted("Moved from %s.", format_day_human(o.original_day).c_str());
    if (!o.place.empty()) ImGui::TextWrapped("At %s", shown(o.place));
    if (!o.notes.empty()) ImGui::TextWrapped("%s", shown(o.notes));
    if (o.suggested_by) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Suggested by");
        ImGui::SameLine();
        partner_label(ctx.model.couple.partner(*o.suggested_by));
    }
    if (o.overlaps) ImGui::TextColored(error_text(), "\xE2\x9A\xA0 This shares time with another plan.");

    // Just this time
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(o.recurring ? "Move just this time to" : "Move to");
    ImGui::SameLine();
    kit::date_field("move-day", card.move_day, s.today());
    same_line_or_wrap(em(9));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("at");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(4.5f));
    ImGui::InputTextWithHint("##movetime", "19:00", &card.move_time);
    ImGui::SameLine();
    if (ImGui::Button("Move")) s.move_selected();
    inline_error(card.move_day.error);
    inline_error(card.error("day") + card.error("time"));

    if (o.recurring) {
        bool show_change = card.show_change;
        if (ImGui::Checkbox("Change just this time (title, place, length)", &show_change)) s.toggle_change(show_change);
        if (v.card_generation != card.generation) {
            v.card_generation = card.generation;
            v.occ_title.load(card.title);
            v.occ_place.load(card.place);
        }
        if (card.show_change) {
            float w = std::min(em(24), card_content_width() - kit::EmojiPicker::room());
            ImGui::SetNextItemWidth(w);
            v.occ_title.single_line("##occtitle", "Title");
            ImGui::SameLine();
            v.occ_title_emoji.button("occtitle-emoji", v.occ_title, ctx.model.device, ctx.model.assets_dir);
            inline_error(card.error("title"));
            ImGui::SetNextItemWidth(w);
            v.occ_place.single_line("##occplace", "Place");
            ImGui::SameLine();
            v.occ_place_emoji.button("occplace-emoji", v.occ_place, ctx.model.device, ctx.model.assets_dir);
            inline_error(card.error("place"));
            ImGui::SetNextItemWidth(em(8));
            ImGui::InputInt("minutes##occlen", &card.length_minutes, 15, 60);
            inline_error(card.error("length"));
            if (ImGui::Button("Save for this time")) {
                card.title = v.occ_title.value();
                card.place = v.occ_place.value();
                s.save_change();
            }
        }
        if (o.moved || o.changed) {
            if (ImGui::Button("Undo the changes to this time")) s.undo_changes();
        }
    }

    // The whole plan
    ImGui::Separator();
    if (ImGui::Button(o.recurring ? "Edit the whole ritual" : "Edit the plan")) s.edit_selected_plan();
    if (o.recurring && plan && !plan->recurrence.until) {
        same_line_or_wrap(em(9));
        if (ImGui::Button("End the ritual\xE2\x80\xA6")) ImGui::OpenPopup("end ritual");
    } else if (o.recurring && plan && plan->recurrence.until) {
        same_line_or_wrap(em(12));
        ImGui::AlignTextToFramePadding();
        muted("Ends after %s.", format_day_human(*plan->recurrence.until).c_str());
    }
    if (!s.form.open) {
        same_line_or_wrap(em(9));
        delete_plan_button(v, o.plan_id);
    }
    same_line_or_wrap(em(5));
    if (ImGui::Button("Close")) s.close_selection();
    inline_error(card.error("until"));
    inline_error(card.result.field == "id" || card.result.field == "rating" ? card.result.error : std::string());

    draw_end_ritual_popup(s);
    end_card();
    ImGui::PopID();
    ImGui::Spacing();
}

} // namespace hearth::ui::planner_views
