// The week: seven equal columns when there is room, else one row per day. A
// plan is a small card ("chip"); a click selects it, dragging it onto another
// day moves it (for a ritual: only that time).
#include "panels/planner/planner_views.h"

#include "planner_text.h"
#include "theme.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace hearth::ui::planner_views {

namespace {

using namespace planner_text;

constexpr const char* kDragType = "HEARTH_OCCURRENCE";

void mark_today_cell(const PlannerScreen& s, int i) {
    Date d = add_days(s.monday(), i);
    if (d == s.today()) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_Header, 0.45f));
    else if (s.chosen_day() == d) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_Header, 0.2f));
}

void day_header(PlannerScreen& s, int i, bool columns) {
    Date d = add_days(s.monday(), i);
    bool today = d == s.today();
    char label[64];
    if (columns) std::snprintf(label, sizeof label, "%s %u%s###hdr%d", kWeekdayShort[i], unsigned(d.day()), today ? " \xC2\xB7 today" : "", i);
    else std::snprintf(label, sizeof label, "%s %u%s###hdr%d", kWeekdayShort[i], unsigned(d.day()), today ? "\ntoday" : "", i);
    if (today) ImGui::PushStyleColor(ImGuiCol_Text, success_text());
    if (ImGui::Selectable(label, s.chosen_day() == d)) s.toggle_day(d);
    if (today) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s: choose this day for new plans and ideas",
                                                  format_day_human(d).c_str(), today ? " (today)" : "");
}

void chip_tooltip(AppContext& ctx, const Occurrence& o) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em(22));
    ImGui::TextUnformatted(shown(o.title));
    muted("%s, %s (%s)", format_day_human(o.day).c_str(), time_span(o).c_str(), format_length(o.length_minutes).c_str());
    if (!o.place.empty()) ImGui::Text("At %s", shown(o.place));
    if (!o.notes.empty()) ImGui::TextWrapped("%s", shown(o.notes));
    if (o.suggested_by) {
        ImGui::TextUnformatted("Suggested by");
        ImGui::SameLine();
        partner_label(ctx.model.couple.partner(*o.suggested_by));
    }
    if (o.overlaps) ImGui::TextColored(error_text(), "Shares time with another plan.");
    if (o.moved) muted("Moved from %s.", format_day_human(o.original_day).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// One plan as a small card: time, title, kind and marks, who suggested it,
// its state and ratings.
void chip(PlannerScreen& s, AppContext& ctx, const Occurrence& o, float width) {
    const Couple& couple = ctx.model.couple;
    ImGui::PushID(o.plan_id.c_str());
    ImGui::PushID(format_date(o.original_day).c_str());
    const float pad = em(0.35f);
    const float bar = em(0.25f);
    const float text_w = std::max(em(2), width - 2 * pad - bar);
    const float line = ImGui::GetTextLineHeight();
    const float gap = em(0.1f);

    std::string when = time_span(o);
    std::string title = o.title;
    std::string meta = ctx.model.plan_kinds.label_of(o.kind_id).value_or(o.kind_id);
    if (o.recurring) meta += " \xC2\xB7 \xE2\x86\xBB";
    if (o.phones_away) meta += " \xC2\xB7 phones away";
    if (o.moved) meta += " \xC2\xB7 moved";
    std::string status;
    if (o.state == PlanState::done) status = "\xE2\x9C\x93 done";
    else if (o.state == PlanState::skipped) status = "skipped";
    float title_h = ImGui::CalcTextSize(shown(title), nullptr, false, text_w).y;
    float meta_h = ImGui::CalcTextSize(shown(meta), nullptr, false, text_w).y;
    int lines_after = (o.suggested_by ? 1 : 0) + (!status.empty() || o.rating[0] || o.rating[1] ? 1 : 0) + (o.overlaps ? 1 : 0);
    float h = pad * 2 + line + gap + title_h + gap + meta_h + lines_after * (line + gap);

    ImVec2 p = ImGui::GetCursorScreenPos();
    // Selected on release, and only when not dragged: opening the card on the
    // press would push the grid down under the pointer mid-drag.
    bool released = ImGui::InvisibleButton("##chip", ImVec2(width, h));
    bool hovered = ImGui::IsItemHovered();
    const bool dropped = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left);
    if (released && !dropped) s.select(o);  // a click, or Space/Enter on the focused plan
    if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_None)) {
        s.start_drag(o);
        int dummy = 0;
        ImGui::SetDragDropPayload(kDragType, &dummy, sizeof dummy);
        ImGui::Text("Move \xE2\x80\x9C%s\xE2\x80\x9D (%s %s)", shown(o.title), short_day(o.day).c_str(), format_hh_mm(o.start_minute).c_str());
        if (o.recurring) muted("only this time of the ritual");
        ImGui::EndDragDropSource();
    } else if (hovered) {
        chip_tooltip(ctx, o);
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 q(p.x + width, p.y + h);
    float rounding = em(0.3f);
    ImU32 bg = ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(p, q, bg, rounding);
    ImU32 accent = o.suggested_by ? partner_fill(couple.partner(*o.suggested_by).color) : ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddRectFilled(p, ImVec2(p.x + bar, q.y), accent, rounding, ImDrawFlags_RoundCornersLeft);
    if (o.overlaps) dl->AddRect(p, q, ImGui::GetColorU32(error_text()), rounding, 0, em(0.12f));
    if (s.selected().is(o)) dl->AddRect(p, q, ImGui::GetColorU32(ImGuiCol_CheckMark), rounding, 0, em(0.15f));

    bool skipped = o.state == PlanState::skipped;
    ImU32 text = ImGui::GetColorU32(skipped ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    ImU32 dim = ImGui::GetColorU32(muted_text());
    ImVec4 clip(p.x, p.y, q.x - pad * 0.5f, q.y);
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    float x = p.x + bar + pad;
    float y = p.y + pad;
    dl->AddText(font, fs, ImVec2(x, y), dim, shown(when), nullptr, 0.0f, &clip);
    y += line + gap;
    dl->AddText(font, fs, ImVec2(x, y), text, shown(title), nullptr, text_w, &clip);
    y += title_h + gap;
    dl->AddText(font, fs, ImVec2(x, y), dim, shown(meta), nullptr, text_w, &clip);
    y += meta_h + gap;
    if (o.suggested_by) {
        const Partner& by = couple.partner(*o.suggested_by);
        std::string who = "\xE2\x97\x8F " + by.name;
        dl->AddText(font, fs, ImVec2(x, y), ImGui::GetColorU32(partner_text_color(by.color)), shown(who), nullptr, 0.0f, &clip);
        y += line + gap;
    }
    if (!status.empty() || o.rating[0] || o.rating[1]) {
        float cx = x;
        if (!status.empty()) {
            ImU32 col = o.state == PlanState::done ? ImGui::GetColorU32(success_text()) : dim;
            dl->AddText(font, fs, ImVec2(cx, y), col, shown(status), nullptr, 0.0f, &clip);
            cx += ImGui::CalcTextSize(shown(status)).x + em(0.4f);
        }
        for (int k = 0; k < 2; ++k) {
            if (!o.rating[std::size_t(k)]) continue;
            char stars[16];
            std::snprintf(stars, sizeof stars, "\xE2\x98\x85%d", *o.rating[std::size_t(k)]);
            dl->AddText(font, fs, ImVec2(cx, y), ImGui::GetColorU32(partner_text_color(couple.partner(k).color)), stars,
                        nullptr, 0.0f, &clip);
            cx += ImGui::CalcTextSize(stars).x + em(0.3f);
        }
        y += line + gap;
    }
    if (o.overlaps) dl->AddText(font, fs, ImVec2(x, y), ImGui::GetColorU32(error_text()), "\xE2\x9A\xA0 overlaps", nullptr, 0.0f, &clip);
    ImGui::PopID();
    ImGui::PopID();
}

// The free room of a day (all of an empty one, the strip under its plans): a
// click there, or Enter on it, starts a new plan on that day.
void new_plan_area(PlannerScreen& s, Date d, ImVec2 size, const char* idle) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##new-plan", size)) s.open_new_form(d);
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 q(p.x + size.x, p.y + size.y);
    if (hovered || focused) dl->AddRectFilled(p, q, ImGui::GetColorU32(ImGuiCol_FrameBgHovered), em(0.3f));
    const char* text = hovered || focused ? "+ Plan" : idle;
    if (*text) {
        ImVec4 clip(p.x, p.y, q.x, q.y);
        ImU32 col = ImGui::GetColorU32(hovered || focused ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : muted_text());
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + em(0.3f), p.y + ImGui::GetStyle().FramePadding.y), col,
                    text, nullptr, 0.0f, &clip);
    }
    if (hovered) ImGui::SetTooltip("Plan something on %s", format_day_human(d).c_str());
}

// `bottom`: where the day's cell ends when it is taller than its plans.
void day_chips(PlannerScreen& s, AppContext& ctx, int i, float width, bool flow, float bottom) {
    const auto& list = s.week().days[std::size_t(i)];
    const Date d = add_days(s.monday(), i);
    const float strip = ImGui::GetFrameHeight();
    if (list.empty()) {
        float h = std::max(strip, bottom - ImGui::GetCursorScreenPos().y);
        new_plan_area(s, d, ImVec2(width, h), flow ? "nothing planned" : "\xE2\x80\x94");
        return;
    }
    // One row of days: as many chips side by side as fit, equally wide.
    float gap = em(0.4f);
    int per_row = flow ? std::max(1, int((width + gap) / (em(11) + gap))) : 1;
    float chip_w = flow ? std::min(em(16), (width - (per_row - 1) * gap) / float(per_row)) : width;
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (k % std::size_t(per_row) != 0) ImGui::SameLine(0, gap);
        chip(s, ctx, list[k], chip_w);
    }
    if (flow) {
        // Beside the last chip when there is room, else under the row.
        const float room = em(5);
        if (list.size() % std::size_t(per_row) != 0 && ImGui::GetContentRegionAvail().x > 0) {
            ImGui::SameLine(0, gap);
            float left = ImGui::GetContentRegionAvail().x;
            if (left >= room) {
                new_plan_area(s, d, ImVec2(left, strip), "");
                return;
            }
            ImGui::NewLine();
        }
        new_plan_area(s, d, ImVec2(std::min(width, em(8)), strip), "");
        return;
    }
    new_plan_area(s, d, ImVec2(width, std::max(strip, bottom - ImGui::GetCursorScreenPos().y)), "");
}

} // namespace

void draw_week_grid(PlannerView& v, AppContext& ctx) {
    PlannerScreen& s = v.screen;
    float avail = ImGui::GetContentRegionAvail().x;
    bool columns = avail / 7.0f >= em(8.5f);
    std::array<ImRect, 7> cells{};

    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX;
    if (columns) {
        if (!ImGui::BeginTable("week", 7, flags | ImGuiTableFlags_SizingStretchSame)) return;
        for (int i = 0; i < 7; ++i) ImGui::TableSetupColumn(kWeekdayShort[i], ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int i = 0; i < 7; ++i) {
            ImGui::TableSetColumnIndex(i);
            day_header(s, i, true);
        }
        ImGui::TableNextRow(0, em(9));
        float top = ImGui::GetCursorScreenPos().y;
        float bottom = top + em(9);
        for (int i = 0; i < 7; ++i) {
            ImGui::TableSetColumnIndex(i);
            mark_today_cell(s, i);
            ImVec2 min = ImGui::GetCursorScreenPos();
            float w = ImGui::GetContentRegionAvail().x;
            ImGui::PushID(i);
            day_chips(s, ctx, i, w, false, top + em(9));
            ImGui::PopID();
            bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
            cells[std::size_t(i)] = ImRect(min, ImVec2(min.x + w, 0));
        }
        for (auto& c : cells) c.Max.y = bottom, c.Min.y = top;
        ImGui::EndTable();
    } else {
        if (!ImGui::BeginTable("week", 2, flags | ImGuiTableFlags_RowBg)) return;
        ImGui::TableSetupColumn("day", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn("plans", ImGuiTableColumnFlags_WidthStretch);
        for (int i = 0; i < 7; ++i) {
            ImGui::TableNextRow(0, ImGui::GetFrameHeight() * 1.6f);
            ImGui::TableSetColumnIndex(0);
            mark_today_cell(s, i);
            ImVec2 min = ImGui::GetCursorScreenPos();
            ImGui::PushID(i);
            day_header(s, i, false);
            ImGui::TableSetColumnIndex(1);
            mark_today_cell(s, i);
            float w = ImGui::GetContentRegionAvail().x;
            float right = ImGui::GetCursorScreenPos().x + w;
            day_chips(s, ctx, i, w, true, 0.0f);
            ImGui::PopID();
            float bottom = std::max(ImGui::GetCursorScreenPos().y, min.y + ImGui::GetFrameHeight() * 1.6f);
            cells[std::size_t(i)] = ImRect(min, ImVec2(right, bottom));
        }
        ImGui::EndTable();
    }
    // Drop targets over whole days, so a plan lands on a day wherever it is let go.
    for (int i = 0; i < 7; ++i) {
        ImRect r = cells[std::size_t(i)];
        r.Expand(ImVec2(em(0.2f), 0));
        if (ImGui::BeginDragDropTargetCustom(r, ImGui::GetID(kWeekdayLong[i]))) {
            if (ImGui::AcceptDragDropPayload(kDragType)) s.drop_on_day(add_days(s.monday(), i));
            ImGui::EndDragDropTarget();
        }
    }
    muted("Click a day to plan something on it. Click a plan to see or change it; drag it to another day to move it "
          "(for a ritual: only that time).");
}

} // namespace hearth::ui::planner_views
