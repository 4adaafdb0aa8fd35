// Time together: the week's plans in seven day columns (drag one to another
// day to move it), an agenda of what is coming, the form for a plan or a
// ritual, one occurrence's state, ratings and memory, the idea bank, and the
// export to a calendar file. The model is queried only when it changed or the
// shown week did; every frame draws from the cached week.
#include "panels/planner_panel.h"

#include "app_context.h"
#include "guarded_text.h"
#include "ics_export.h"
#include "export_box.h"
#include "panel.h"
#include "user_paths.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace hearth::ui {

namespace planner_ui {

Slot default_idea_slot(Planner& planner, Date shown_monday, WallTime now, std::optional<Date> selected_day) {
    constexpr int kEvening = 19 * 60;
    if (selected_day && selected_day->ok()) return {*selected_day, kEvening};
    Date today = local_date(now);
    int now_minute = parse_hhmm(local_clock_time(now)).value_or(0);
    Date from = today < shown_monday ? shown_monday : today;
    Date to = add_days(from, 13);
    auto list = planner.occurrences(from, to);
    for (Date d = from; d <= to; d = add_days(d, 1)) {
        if (d == today && now_minute >= kEvening) continue;
        WallTime start = local_at(d, kEvening);
        WallTime end = start + std::chrono::hours(2);
        bool busy = false;
        for (const Occurrence& o : list)
            if (o.state != PlanState::skipped && o.start < end && start < o.end) busy = true;
        if (!busy) return {d, kEvening};
    }
    return {from == today && now_minute >= kEvening ? add_days(from, 1) : from, kEvening};
}

SaveResult drop_on_day(Planner& planner, const Occurrence& o, Date day) {
    if (day == o.day) return SaveResult::success(o.plan_id);
    return planner.move_occurrence(o.plan_id, o.original_day, day, o.start_minute);
}

} // namespace planner_ui

namespace {

using planner_ui::Slot;

constexpr const char* kDragType = "HEARTH_OCCURRENCE";
constexpr int kAgendaDays = 28;
const char* const kWeekdayShort[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kWeekdayLong[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

int weekday_index(Date d) {  // 0 = Monday
    return int(std::chrono::weekday(std::chrono::sys_days(d)).iso_encoding()) - 1;
}

// "45 min", "1 h", "1 h 30", "2 days 3 h"
std::string length_text(int minutes) {
    char buf[48];
    if (minutes < 60) std::snprintf(buf, sizeof buf, "%d min", minutes);
    else if (minutes < 24 * 60) {
        if (minutes % 60) std::snprintf(buf, sizeof buf, "%d h %02d", minutes / 60, minutes % 60);
        else std::snprintf(buf, sizeof buf, "%d h", minutes / 60);
    } else {
        int days = minutes / (24 * 60), hours = (minutes % (24 * 60)) / 60;
        if (hours) std::snprintf(buf, sizeof buf, "%d day%s %d h", days, days == 1 ? "" : "s", hours);
        else std::snprintf(buf, sizeof buf, "%d day%s", days, days == 1 ? "" : "s");
    }
    return buf;
}

// "19:00–20:30", or "19:00 · 2 days" when it runs past midnight.
std::string time_span(const Occurrence& o) {
    int end = o.start_minute + o.length_minutes;
    if (end <= 24 * 60) return format_hhmm(o.start_minute) + "\xE2\x80\x93" + format_hhmm(end % (24 * 60));
    return format_hhmm(o.start_minute) + " \xC2\xB7 " + length_text(o.length_minutes);
}

std::string short_day(Date d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %u", kWeekdayShort[weekday_index(d)], unsigned(d.day()));
    return buf;
}

// "Mon 23 Nov"
std::string day_month(Date d) {
    std::string s = format_day_human(d);
    return s.size() > 5 ? s.substr(0, s.size() - 5) : s;
}

std::string rule_text(const Recurrence& r) {
    switch (r.repeat) {
    case Repeat::none: return "once";
    case Repeat::daily: return "every day";
    case Repeat::weekly: {
        std::string days;
        if (r.weekdays == kAllWeekdays) days = "every day";
        else if (r.weekdays == 0x1F) days = "weekdays";
        else
            for (int i = 0; i < 7; ++i)
                if (r.weekdays & (1u << i)) days += (days.empty() ? "" : ", ") + std::string(kWeekdayShort[i]);
        if (r.interval_weeks <= 1) return "weekly: " + days;
        char buf[32];
        std::snprintf(buf, sizeof buf, "every %d weeks: ", r.interval_weeks);
        return buf + days;
    }
    }
    return {};
}

const char* state_text(PlanState s) {
    switch (s) {
    case PlanState::planned: return "planned";
    case PlanState::done: return "done";
    case PlanState::skipped: return "skipped";
    }
    return "";
}

struct OccKey {
    std::string plan_id;
    Date original_day{};
    bool empty() const { return plan_id.empty(); }
    bool is(const Occurrence& o) const { return plan_id == o.plan_id && original_day == o.original_day; }
};

class PlannerPanel final : public Panel {
public:
    std::string_view id() const override { return "planner"; }
    std::string_view title() const override { return "Time together"; }
    std::string_view summary() const override { return "Plan dates, rituals and time together, and look back on them"; }

    void draw(AppContext& ctx) override {
        today_ = local_date(ctx.clock.now());
        if (!monday_.ok()) monday_ = week_start(today_);
        sync(ctx);
        if (take_handoffs(ctx)) sync(ctx);

        draw_toolbar(ctx);
        if (show_export_) draw_export(ctx);
        if (form_open_) draw_form(ctx);
        else if (!selected_.empty()) draw_occurrence(ctx);

        if (ImGui::BeginTabBar("planner-views")) {
            ImGuiTabItemFlags f0 = tab_request_ == 0 ? ImGuiTabItemFlags_SetSelected : 0;
            ImGuiTabItemFlags f1 = tab_request_ == 1 ? ImGuiTabItemFlags_SetSelected : 0;
            ImGuiTabItemFlags f2 = tab_request_ == 2 ? ImGuiTabItemFlags_SetSelected : 0;
            tab_request_ = -1;
            if (ImGui::BeginTabItem("Week", nullptr, f0)) {
                draw_week(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Agenda", nullptr, f1)) {
                draw_agenda(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Idea bank", nullptr, f2)) {
                draw_ideas(ctx);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }

private:
    // What another panel (the dashboard's "next up") or a test hands over:
    // "new" opens the form, "week" / "agenda" / "ideas" a view, and
    // "<plan id>@YYYY-MM-DD" (an original day) shows that occurrence.
    bool take_handoffs(AppContext& ctx) {
        bool taken = false;
        if (ctx.nav.take_handoff<PlanNew>(PanelId::planner)) {
            open_new_form(ctx, std::nullopt);
            taken = true;
        }
        if (auto t = ctx.nav.take_handoff<ShowPlannerTab>(PanelId::planner)) {
            tab_request_ = int(t->tab);
            taken = true;
        }
        if (auto s = ctx.nav.take_handoff<ShowOccurrence>(PanelId::planner)) {
            if (auto o = ctx.model.planner.occurrence(s->plan_id, s->original_day)) {
                select(*o);
                monday_ = week_start(o->day);
                tab_request_ = 0;
            }
            taken = true;
        }
        return taken;
    }

    // ------------------------------------------------------------------
    // Cache: the shown week, the agenda and the selected occurrence, read
    // again only when the planner's revision, the week or the day changed.
    void sync(AppContext& ctx) {
        Planner& planner = ctx.model.planner;
        uint64_t rev = planner.revision();
        if (rev == rev_ && monday_ == cached_monday_ && today_ == cached_today_ && selected_.plan_id == cached_selected_.plan_id &&
            selected_.original_day == cached_selected_.original_day && selected_day_ == cached_selected_day_)
            return;
        week_ = planner.week(monday_);
        agenda_ = planner.agenda(today_ < monday_ ? monday_ : today_, kAgendaDays);
        sel_occ_.reset();
        if (!selected_.empty()) {
            sel_occ_ = planner.occurrence(selected_.plan_id, selected_.original_day);
            if (!sel_occ_) selected_ = {};
            else sel_plan_ = planner.get(selected_.plan_id);
        }
        figures_ = {};
        for (const auto& day : week_.days)
            for (const Occurrence& o : day) {
                if (o.state == PlanState::skipped) continue;
                ++figures_.planned;
                figures_.minutes_planned += o.length_minutes;
                if (o.state == PlanState::done) {
                    ++figures_.done;
                    figures_.minutes_done += o.length_minutes;
                }
            }
        slot_ = planner_ui::default_idea_slot(planner, monday_, ctx.clock.now(), selected_day_);
        rev_ = rev;
        cached_monday_ = monday_;
        cached_today_ = today_;
        cached_selected_ = selected_;
        cached_selected_day_ = selected_day_;
    }
    void invalidate() { rev_ = 0; }

    static std::string default_export_path() { return in_home("hearth-plans.ics"); }

    // ------------------------------------------------------------------
    void draw_toolbar(AppContext& ctx) {
        if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) go_week(-7);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous week");
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        Date sunday = add_days(monday_, 6);
        IsoWeek w = iso_week(monday_);
        char label[96];
        std::snprintf(label, sizeof label, "%s \xE2\x80\x93 %s  (week %d)", short_day(monday_).c_str(),
                      format_day_human(sunday).substr(4).c_str(), w.week);
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) go_week(7);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next week");
        if (monday_ != week_start(today_)) {
            ImGui::SameLine();
            if (ImGui::Button("Back to this week")) {
                monday_ = week_start(today_);
                selected_day_.reset();
            }
        }
        same_line_or_wrap(em(7), em(1.5f));
        if (ImGui::Button("+ New plan")) open_new_form(ctx, selected_day_);
        same_line_or_wrap(em(13));
        if (ImGui::Button("Export to calendar (.ics)")) show_export_ = !show_export_;

        char figures[160];
        if (figures_.planned == 0) std::snprintf(figures, sizeof figures, "Nothing planned this week yet.");
        else
            std::snprintf(figures, sizeof figures, "%d planned (%.1f h) \xC2\xB7 %d done, %.1f h together%s", figures_.planned,
                          figures_.minutes_planned / 60.0, figures_.done, figures_.minutes_done / 60.0,
                          selected_day_ ? "" : "  \xC2\xB7  click a day's name to choose it for new plans");
        muted("%s", figures);
    }

    void go_week(int days) {
        monday_ = add_days(monday_, days);
        selected_day_.reset();
    }

    void draw_export(AppContext& ctx) {
        begin_card("Export to calendar");
        muted("Writes your upcoming plans and rituals as an .ics file that phone and desktop calendars import. "
              "Importing it again updates the events instead of duplicating them.");
        export_.offer(default_export_path());
        export_.draw("Write it", [&](const std::string& path) {
            export_ics(ctx.model.planner, ctx.clock, path);
            ctx.notify("Calendar file written: " + path);
        });
        end_card();
        ImGui::Spacing();
    }

    // ------------------------------------------------------------------
    // The week: seven equal columns when there is room, else one row per day.
    void draw_week(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        const PlanKinds& kinds = ctx.model.plan_kinds;
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
                day_header(i, true);
            }
            ImGui::TableNextRow(0, em(9));
            float top = ImGui::GetCursorScreenPos().y;
            float bottom = top + em(9);
            for (int i = 0; i < 7; ++i) {
                ImGui::TableSetColumnIndex(i);
                mark_today_cell(i);
                ImVec2 min = ImGui::GetCursorScreenPos();
                float w = ImGui::GetContentRegionAvail().x;
                ImGui::PushID(i);
                day_chips(ctx, couple, kinds, i, w, false);
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
                mark_today_cell(i);
                ImVec2 min = ImGui::GetCursorScreenPos();
                ImGui::PushID(i);
                day_header(i, false);
                ImGui::TableSetColumnIndex(1);
                mark_today_cell(i);
                float w = ImGui::GetContentRegionAvail().x;
                float right = ImGui::GetCursorScreenPos().x + w;
                day_chips(ctx, couple, kinds, i, w, true);
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
                if (ImGui::AcceptDragDropPayload(kDragType)) {
                    Date day = add_days(monday_, i);
                    auto res = planner_ui::drop_on_day(ctx.model.planner, drag_, day);
                    if (res.ok()) {
                        if (selected_.plan_id == drag_.plan_id && selected_.original_day == drag_.original_day) invalidate();
                        ctx.notify((drag_.recurring ? "Moved this time of \xE2\x80\x9C" : "Moved \xE2\x80\x9C") + drag_.title +
                                   "\xE2\x80\x9D to " + format_day_human(day) + ".");
                    } else {
                        ctx.notify(res.error);
                    }
                }
                ImGui::EndDragDropTarget();
            }
        }
        muted("Drag a plan to another day to move it (for a ritual: only that time). Click one to see or change it.");
    }

    void mark_today_cell(int i) {
        Date d = add_days(monday_, i);
        if (d == today_) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_Header, 0.45f));
        else if (selected_day_ && *selected_day_ == d)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_Header, 0.2f));
    }

    void day_header(int i, bool columns) {
        Date d = add_days(monday_, i);
        bool today = d == today_;
        char label[64];
        if (columns) std::snprintf(label, sizeof label, "%s %u%s###hdr%d", kWeekdayShort[i], unsigned(d.day()), today ? " \xC2\xB7 today" : "", i);
        else std::snprintf(label, sizeof label, "%s %u%s###hdr%d", kWeekdayShort[i], unsigned(d.day()), today ? "\ntoday" : "", i);
        if (today) ImGui::PushStyleColor(ImGuiCol_Text, success_text());
        bool sel = selected_day_ && *selected_day_ == d;
        if (ImGui::Selectable(label, sel)) {
            if (sel) selected_day_.reset();
            else selected_day_ = d;
        }
        if (today) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s: choose this day for new plans and ideas",
                                                      format_day_human(d).c_str(), today ? " (today)" : "");
    }

    void day_chips(AppContext& ctx, const Couple& couple, const PlanKinds& kinds, int i, float width, bool flow) {
        const auto& list = week_.days[std::size_t(i)];
        if (list.empty()) {
            if (!flow) ImGui::TextDisabled("\xE2\x80\x94");
            else ImGui::TextDisabled("nothing planned");
            return;
        }
        // One row of days: as many chips side by side as fit, equally wide.
        float gap = em(0.4f);
        int per_row = flow ? std::max(1, int((width + gap) / (em(11) + gap))) : 1;
        float chip_w = flow ? std::min(em(16), (width - (per_row - 1) * gap) / float(per_row)) : width;
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (k % std::size_t(per_row) != 0) ImGui::SameLine(0, gap);
            chip(ctx, couple, kinds, list[k], chip_w);
        }
    }

    // One plan as a small card: time, title, kind and marks, who suggested it,
    // its state and ratings. A click selects it; dragging it moves it.
    void chip(AppContext& ctx, const Couple& couple, const PlanKinds& kinds, const Occurrence& o, float width) {
        ImGui::PushID(o.plan_id.c_str());
        ImGui::PushID(format_date(o.original_day).c_str());
        const float pad = em(0.35f);
        const float bar = em(0.25f);
        const float text_w = std::max(em(2), width - 2 * pad - bar);
        const float line = ImGui::GetTextLineHeight();
        const float gap = em(0.1f);

        std::string when = time_span(o);
        std::string title = o.title;
        std::string meta = kinds.label_of(o.kind_id).value_or(o.kind_id);
        if (o.recurring) meta += " \xC2\xB7 \xE2\x86\xBB";
        if (o.phones_away) meta += " \xC2\xB7 phones away";
        if (o.moved) meta += " \xC2\xB7 moved";
        std::string status;
        if (o.state == PlanState::done) status = "\xE2\x9C\x93 done";
        else if (o.state == PlanState::skipped) status = "skipped";
        float title_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, text_w).y;
        float meta_h = ImGui::CalcTextSize(meta.c_str(), nullptr, false, text_w).y;
        int lines_after = (o.suggested_by ? 1 : 0) + (!status.empty() || o.rating[0] || o.rating[1] ? 1 : 0) + (o.overlaps ? 1 : 0);
        float h = pad * 2 + line + gap + title_h + gap + meta_h + lines_after * (line + gap);

        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("##chip", ImVec2(width, h));
        bool hovered = ImGui::IsItemHovered();
        if (ImGui::IsItemClicked()) select(o);
        if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_None)) {
            drag_ = o;
            int dummy = 0;
            ImGui::SetDragDropPayload(kDragType, &dummy, sizeof dummy);
            ImGui::Text("Move \xE2\x80\x9C%s\xE2\x80\x9D (%s %s)", o.title.c_str(), short_day(o.day).c_str(), format_hhmm(o.start_minute).c_str());
            if (o.recurring) muted("only this time of the ritual");
            ImGui::EndDragDropSource();
        } else if (hovered) {
            chip_tooltip(ctx, o);
        }

        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 q(p.x + width, p.y + h);
        float rounding = em(0.3f);
        bool selected = selected_.is(o);
        ImU32 bg = ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
        dl->AddRectFilled(p, q, bg, rounding);
        ImU32 accent = o.suggested_by ? partner_fill(couple.partner(*o.suggested_by).color)
                                      : ImGui::GetColorU32(ImGuiCol_TextDisabled);
        dl->AddRectFilled(p, ImVec2(p.x + bar, q.y), accent, rounding, ImDrawFlags_RoundCornersLeft);
        if (o.overlaps) dl->AddRect(p, q, ImGui::GetColorU32(error_text()), rounding, 0, em(0.12f));
        if (selected) dl->AddRect(p, q, ImGui::GetColorU32(ImGuiCol_CheckMark), rounding, 0, em(0.15f));

        bool skipped = o.state == PlanState::skipped;
        ImU32 text = ImGui::GetColorU32(skipped ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        ImU32 dim = ImGui::GetColorU32(muted_text());
        ImVec4 clip(p.x, p.y, q.x - pad * 0.5f, q.y);
        ImFont* font = ImGui::GetFont();
        float fs = ImGui::GetFontSize();
        float x = p.x + bar + pad;
        float y = p.y + pad;
        dl->AddText(font, fs, ImVec2(x, y), dim, when.c_str(), nullptr, 0.0f, &clip);
        y += line + gap;
        dl->AddText(font, fs, ImVec2(x, y), text, title.c_str(), nullptr, text_w, &clip);
        y += title_h + gap;
        dl->AddText(font, fs, ImVec2(x, y), dim, meta.c_str(), nullptr, text_w, &clip);
        y += meta_h + gap;
        if (o.suggested_by) {
            const Partner& s = couple.partner(*o.suggested_by);
            std::string who = "\xE2\x97\x8F " + s.name;
            dl->AddText(font, fs, ImVec2(x, y), ImGui::GetColorU32(partner_text_color(s.color)), who.c_str(), nullptr, 0.0f, &clip);
            y += line + gap;
        }
        if (!status.empty() || o.rating[0] || o.rating[1]) {
            float cx = x;
            if (!status.empty()) {
                ImU32 col = o.state == PlanState::done ? ImGui::GetColorU32(success_text()) : dim;
                dl->AddText(font, fs, ImVec2(cx, y), col, status.c_str(), nullptr, 0.0f, &clip);
                cx += ImGui::CalcTextSize(status.c_str()).x + em(0.4f);
            }
            for (int s = 0; s < 2; ++s) {
                if (!o.rating[std::size_t(s)]) continue;
                char stars[16];
                std::snprintf(stars, sizeof stars, "\xE2\x98\x85%d", *o.rating[std::size_t(s)]);
                dl->AddText(font, fs, ImVec2(cx, y), ImGui::GetColorU32(partner_text_color(couple.partner(s).color)), stars,
                            nullptr, 0.0f, &clip);
                cx += ImGui::CalcTextSize(stars).x + em(0.3f);
            }
            y += line + gap;
        }
        if (o.overlaps) dl->AddText(font, fs, ImVec2(x, y), ImGui::GetColorU32(error_text()), "\xE2\x9A\xA0 overlaps", nullptr, 0.0f, &clip);
        ImGui::PopID();
        ImGui::PopID();
    }

    void chip_tooltip(AppContext& ctx, const Occurrence& o) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(em(22));
        ImGui::TextUnformatted(o.title.c_str());
        muted("%s, %s (%s)", format_day_human(o.day).c_str(), time_span(o).c_str(), length_text(o.length_minutes).c_str());
        if (!o.place.empty()) ImGui::Text("At %s", o.place.c_str());
        if (!o.notes.empty()) ImGui::TextWrapped("%s", o.notes.c_str());
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

    void select(const Occurrence& o) {
        selected_ = {o.plan_id, o.original_day};
        form_open_ = false;
        load_occurrence_editors(o);
        scroll_to_detail_ = true;
    }

    // ------------------------------------------------------------------
    void draw_agenda(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        Date from = today_ < monday_ ? monday_ : today_;
        muted("The next %d days from %s.", kAgendaDays, format_day_human(from).c_str());
        if (agenda_.empty()) {
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
        for (const Occurrence& o : agenda_) {
            ImGui::PushID(o.plan_id.c_str());
            ImGui::PushID(format_date(o.original_day).c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (o.day == today_) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header, 0.35f));
            std::string when = (o.day != last ? (o.day == today_ ? std::string("Today") : day_month(o.day)) + "  " : std::string("   \xC2\xB7 ")) +
                               format_hhmm(o.start_minute);
            last = o.day;
            if (ImGui::Selectable(when.c_str(), selected_.is(o), ImGuiSelectableFlags_SpanAllColumns)) select(o);
            ImGui::TableNextColumn();
            if (o.state == PlanState::skipped) ImGui::TextDisabled("%s", o.title.c_str());
            else ImGui::TextWrapped("%s", o.title.c_str());
            std::string marks = length_text(o.length_minutes);
            if (!wide) marks += " \xC2\xB7 " + ctx.model.plan_kinds.label_of(o.kind_id).value_or(o.kind_id);
            if (o.recurring) marks += " \xC2\xB7 \xE2\x86\xBB repeats";
            if (o.phones_away) marks += " \xC2\xB7 phones away";
            if (!o.place.empty()) marks += " \xC2\xB7 " + o.place;
            if (!wide && o.state != PlanState::planned) marks += std::string(" \xC2\xB7 ") + state_text(o.state);
            muted("%s", marks.c_str());
            if (o.overlaps) ImGui::TextColored(error_text(), "\xE2\x9A\xA0 overlaps another plan");
            if (wide) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(ctx.model.plan_kinds.label_of(o.kind_id).value_or(o.kind_id).c_str());
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

    // ------------------------------------------------------------------
    // The plan form: new, or the whole plan / ritual.
    void open_new_form(AppContext& ctx, std::optional<Date> day) {
        PlanDraft d;
        d.day = day ? *day : slot_.day.ok() ? slot_.day : today_;
        if (d.day < today_ && !day) d.day = today_;
        open_form(ctx, {}, d);
    }

    void open_form(AppContext&, const std::string& plan_id, const PlanDraft& d) {
        form_open_ = true;
        editing_id_ = plan_id;
        draft_ = d;
        form_title_.load(d.title);
        form_place_.load(d.place);
        form_notes_.load(d.notes);
        date_text_ = format_date(d.day);
        time_text_ = format_hhmm(d.start_minute);
        suggested_slot_ = d.suggested_by.value_or(-1);
        switch (d.recurrence.repeat) {
        case Repeat::none: repeat_mode_ = 0; break;
        case Repeat::daily: repeat_mode_ = 1; break;
        case Repeat::weekly: repeat_mode_ = d.recurrence.interval_weeks > 1 ? 3 : 2; break;
        }
        if (draft_.recurrence.weekdays == 0) draft_.recurrence.weekdays = weekday_bit(d.day);
        if (draft_.recurrence.interval_weeks < 2) interval_ = 2;
        else interval_ = draft_.recurrence.interval_weeks;
        form_result_ = {};
        focus_title_ = true;
        scroll_to_detail_ = true;
    }

    std::string form_error(const char* field) const { return form_result_.field == field ? form_result_.error : std::string(); }
    std::string form_other_error() const {
        static const char* known[] = {"title", "kind", "day", "time", "length", "place", "notes", "suggested_by", "weekdays", "interval"};
        for (const char* k : known)
            if (form_result_.field == k) return {};
        return form_result_.error;
    }

    void draw_form(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        if (scroll_to_detail_) {
            ImGui::SetScrollY(0.0f);   // the card sits right under the toolbar
            scroll_to_detail_ = false;
        }
        bool ritual_edit = !editing_id_.empty() && draft_.recurrence.recurring();
        begin_card(editing_id_.empty() ? "A new plan" : ritual_edit ? "The whole ritual" : "Change the plan");
        if (ritual_edit) muted("Changes apply to every time of the ritual; times moved or changed one by one keep their changes.");
        const float label_w = em(7.0f);
        auto row_label = [&](const char* text) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(text);
            ImGui::SameLine(label_w);
        };
        float field_w = std::max(em(10), std::min(em(30), card_content_width() - label_w - em(0.5f)));

        row_label("Title");
        ImGui::SetNextItemWidth(field_w);
        if (focus_title_) {
            ImGui::SetKeyboardFocusHere();
            focus_title_ = false;
        }
        bool enter = form_title_.single_line("##title", "A walk by the river, a movie night at home ...");
        inline_error(form_error("title"));

        row_label("Kind");
        ImGui::SetNextItemWidth(em(12));
        kind_combo(ctx, "form-kind", draft_.kind_id);
        inline_error(form_error("kind"));

        row_label("Day");
        date_field(draft_.day, date_text_, date_error_);
        inline_error(date_error_.empty() ? form_error("day") : date_error_);

        row_label("Starts at");
        ImGui::SetNextItemWidth(em(4.5f));
        if (ImGui::InputTextWithHint("##time", "19:00", &time_text_, ImGuiInputTextFlags_EnterReturnsTrue)) enter = true;
        auto parsed_time = parse_hhmm(time_text_);
        same_line_or_wrap(em(14), em(1.5f));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("for");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(8));
        ImGui::InputInt("minutes##len", &draft_.length_minutes, 15, 60);
        if (!parsed_time && !time_text_.empty())
            inline_error("Type the time as hours and minutes, like 19:30.");
        else inline_error(form_error("time"));
        inline_error(form_error("length"));

        row_label("Place");
        ImGui::SetNextItemWidth(field_w);
        if (form_place_.single_line("##place", "Optional")) enter = true;
        inline_error(form_error("place"));
        row_label("Notes");
        form_notes_.multiline("##notes", ImVec2(field_w, ImGui::GetTextLineHeight() * 2.6f));
        inline_error(form_error("notes"));

        row_label("Suggested by");
        partner_picker("suggested", couple, suggested_slot_);
        if (suggested_slot_ >= 0) {
            ImGui::SameLine();
            if (ImGui::SmallButton("neither")) suggested_slot_ = -1;
        }
        inline_error(form_error("suggested_by"));
        row_label("");
        ImGui::Checkbox("Phones away", &draft_.phones_away);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Both phones out of reach for this time");

        row_label("Repeat");
        const char* modes[] = {"Does not repeat", "Every day", "On chosen weekdays", "Every few weeks"};
        ImGui::SetNextItemWidth(em(12));
        ImGui::Combo("##repeat", &repeat_mode_, modes, 4);
        if (repeat_mode_ >= 2) {
            row_label("");
            for (int i = 0; i < 7; ++i) {
                unsigned bit = 1u << i;
                bool on = draft_.recurrence.weekdays & bit;
                if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
                if (ImGui::Button(kWeekdayShort[i], ImVec2(em(3.2f), 0))) draft_.recurrence.weekdays ^= bit;
                if (on) ImGui::PopStyleColor();
                if (i < 6) same_line_or_wrap(em(3.2f), em(0.25f));
            }
            inline_error(form_error("weekdays"));
            if (repeat_mode_ == 3) {
                row_label("");
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted("every");
                ImGui::SameLine();
                ImGui::SetNextItemWidth(em(6.5f));
                ImGui::InputInt("weeks##interval", &interval_, 1, 1);
                inline_error(form_error("interval"));
            }
        }
        if (draft_.recurrence.until && repeat_mode_ != 0) muted("Ends after %s.", format_day_human(*draft_.recurrence.until).c_str());
        inline_error(form_other_error());

        ImGui::Spacing();
        bool save = ImGui::Button(editing_id_.empty() ? "Save the plan" : "Save changes") || enter;
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) form_open_ = false;
        if (!editing_id_.empty()) {
            ImGui::SameLine();
            delete_button(ctx, editing_id_);
        }
        if (parsed_time) muted("Enter saves.");
        end_card();
        ImGui::Spacing();

        if (save && form_open_) save_form(ctx, parsed_time);
    }

    void save_form(AppContext& ctx, std::optional<int> parsed_time) {
        PlanDraft d = draft_;
        d.title = form_title_.value();
        d.place = form_place_.value();
        d.notes = form_notes_.value();
        if (!parsed_time) {
            form_result_ = SaveResult::refused("time", "Type the time as hours and minutes, like 19:30.");
            return;
        }
        if (!date_error_.empty()) {
            form_result_ = SaveResult::refused("day", date_error_);
            return;
        }
        d.start_minute = *parsed_time;
        d.suggested_by = suggested_slot_ >= 0 ? std::optional<int>(suggested_slot_) : std::nullopt;
        switch (repeat_mode_) {
        case 0: d.recurrence = Recurrence{}; break;
        case 1: d.recurrence.repeat = Repeat::daily; break;
        case 2: d.recurrence.repeat = Repeat::weekly; d.recurrence.interval_weeks = 1; break;
        default: d.recurrence.repeat = Repeat::weekly; d.recurrence.interval_weeks = interval_; break;
        }
        Planner& planner = ctx.model.planner;
        SaveResult r = editing_id_.empty() ? planner.add(d) : planner.update(editing_id_, d);
        form_result_ = r;
        if (!r.ok()) {
            if (r.field == "title") focus_title_ = true;
            return;
        }
        form_open_ = false;
        ctx.notify((editing_id_.empty() ? "Planned: " : "Saved: ") + d.title + ", " + format_day_human(d.day) + " at " +
                   format_hhmm(d.start_minute) + ".");
        monday_ = week_start(d.day);
        if (!editing_id_.empty() && !selected_.empty() && selected_.plan_id == editing_id_ && !d.recurrence.recurring())
            selected_.original_day = d.day;   // a one-off's only occurrence follows its day
        invalidate();
    }

    void delete_button(AppContext& ctx, const std::string& plan_id) {
        if (ImGui::Button(confirm_delete_ ? "Really delete" : "Delete plan")) {
            if (!confirm_delete_) confirm_delete_ = true;
            else {
                ctx.model.planner.remove(plan_id);
                ctx.notify("Deleted the plan and its history.");
                confirm_delete_ = false;
                form_open_ = false;
                selected_ = {};
                invalidate();
                return;
            }
        }
        if (confirm_delete_) {
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) confirm_delete_ = false;
            muted("Deleting removes every time of it, also the ones you rated. Ending a ritual keeps them.");
        }
    }

    // ◀ 2026-09-22 ▶ Tue, typed or stepped.
    bool date_field(Date& day, std::string& text, std::string& error) {
        bool changed = false;
        ImGui::PushID(&day);
        if (ImGui::ArrowButton("##prevday", ImGuiDir_Left)) { day = add_days(day, -1); changed = true; }
        ImGui::SameLine(0, em(0.2f));
        ImGui::SetNextItemWidth(em(6.5f));
        if (ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &text)) {
            if (auto d = parse_date(text)) {
                day = *d;
                error.clear();
            } else {
                error = "Type the day as year-month-day, like 2026-09-25.";
            }
        }
        ImGui::SameLine(0, em(0.2f));
        if (ImGui::ArrowButton("##nextday", ImGuiDir_Right)) { day = add_days(day, 1); changed = true; }
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(day.ok() ? kWeekdayLong[weekday_index(day)] : "");
        if (day != today_) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Today")) { day = today_; changed = true; }
        }
        if (changed) {
            text = format_date(day);
            error.clear();
        }
        ImGui::PopID();
        return changed;
    }

    void kind_combo(AppContext& ctx, const char* id, std::string& kind_id) {
        PlanKinds& kinds = ctx.model.plan_kinds;
        ImGui::PushID(id);
        bool open_new = false;
        std::string preview = kinds.label_of(kind_id).value_or("Choose\xE2\x80\xA6");
        if (ImGui::BeginCombo("##kind", preview.c_str())) {
            for (const PlanKind& k : kinds.all())
                if (ImGui::Selectable(k.label.c_str(), k.id == kind_id)) kind_id = k.id;
            ImGui::Separator();
            if (ImGui::Selectable("A kind of our own\xE2\x80\xA6")) open_new = true;
            ImGui::EndCombo();
        }
        if (open_new) {
            new_kind_.clear();
            new_kind_error_.clear();
            ImGui::OpenPopup("new kind");
        }
        if (ImGui::BeginPopup("new kind")) {
            ImGui::TextUnformatted("A kind of plan of your own");
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            ImGui::SetNextItemWidth(em(14));
            bool enter = new_kind_.single_line("##newkind", "e.g. Game night");
            ImGui::SameLine();
            if (ImGui::Button("Add") || enter) {
                auto r = kinds.add(new_kind_.value());
                if (r.ok()) {
                    kind_id = r.id;
                    ImGui::CloseCurrentPopup();
                } else {
                    new_kind_error_ = r.error;
                }
            }
            inline_error(new_kind_error_);
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }

    // ------------------------------------------------------------------
    // One occurrence: what it is, done or skipped, ratings and the memory,
    // and changes to just this time or to the whole ritual.
    void load_occurrence_editors(const Occurrence& o) {
        memory_.load(o.memory);
        occ_title_.load(o.title);
        occ_place_.load(o.place);
        occ_length_ = o.length_minutes;
        move_day_ = o.day;
        move_date_text_ = format_date(o.day);
        move_date_error_.clear();
        move_time_ = format_hhmm(o.start_minute);
        end_day_ = today_;
        end_date_text_ = format_date(today_);
        end_date_error_.clear();
        occ_result_ = {};
        confirm_delete_ = false;
        show_change_ = false;
    }

    std::string occ_error(const char* field) const { return occ_result_.field == field ? occ_result_.error : std::string(); }

    void draw_occurrence(AppContext& ctx) {
        if (!sel_occ_) return;
        const Occurrence o = *sel_occ_;
        const Couple& couple = ctx.model.couple;
        Planner& planner = ctx.model.planner;
        if (scroll_to_detail_) {
            ImGui::SetScrollY(0.0f);   // the card sits right under the toolbar
            scroll_to_detail_ = false;
        }
        ImGui::PushID("occurrence");
        begin_card(o.title.c_str());
        std::string kind = ctx.model.plan_kinds.label_of(o.kind_id).value_or(o.kind_id);
        muted("%s, %s (%s) \xC2\xB7 %s%s%s", format_day_human(o.day).c_str(), time_span(o).c_str(), length_text(o.length_minutes).c_str(),
              kind.c_str(), o.recurring && sel_plan_ ? (" \xC2\xB7 \xE2\x86\xBB " + rule_text(sel_plan_->recurrence)).c_str() : "",
              o.phones_away ? " \xC2\xB7 phones away" : "");
        if (o.moved) muted("Moved from %s.", format_day_human(o.original_day).c_str());
        if (!o.place.empty()) ImGui::TextWrapped("At %s", o.place.c_str());
        if (!o.notes.empty()) ImGui::TextWrapped("%s", o.notes.c_str());
        if (o.suggested_by) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("Suggested by");
            ImGui::SameLine();
            partner_label(couple.partner(*o.suggested_by));
        }
        if (o.overlaps) ImGui::TextColored(error_text(), "\xE2\x9A\xA0 This shares time with another plan.");

        // State
        ImGui::AlignTextToFramePadding();
        if (o.state == PlanState::done) ImGui::TextColored(success_text(), "\xE2\x9C\x93 Done");
        else ImGui::Text("%s", o.state == PlanState::skipped ? "Skipped" : "Planned");
        if (o.state != PlanState::done) {
            same_line_or_wrap(em(8), em(1.2f));
            if (ImGui::Button("Mark done")) occ_result_ = planner.mark_done(o.plan_id, o.original_day);
        }
        if (o.state != PlanState::skipped) {
            same_line_or_wrap(em(8));
            if (ImGui::Button(o.recurring ? "Skip this time" : "Skip it")) occ_result_ = planner.skip(o.plan_id, o.original_day);
        }
        if (o.state != PlanState::planned) {
            same_line_or_wrap(em(9));
            if (ImGui::Button("Back to planned")) occ_result_ = planner.set_state(o.plan_id, o.original_day, PlanState::planned);
        }
        inline_error(occ_error("state"));

        if (o.state == PlanState::done) draw_ratings(ctx, o);

        // Just this time
        ImGui::Spacing();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(o.recurring ? "Move just this time to" : "Move to");
        ImGui::SameLine();
        date_field(move_day_, move_date_text_, move_date_error_);
        same_line_or_wrap(em(9));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("at");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4.5f));
        ImGui::InputTextWithHint("##movetime", "19:00", &move_time_);
        ImGui::SameLine();
        if (ImGui::Button("Move")) {
            auto t = parse_hhmm(move_time_);
            if (!move_date_error_.empty()) occ_result_ = SaveResult::refused("day", move_date_error_);
            else if (!t) occ_result_ = SaveResult::refused("time", "Type the time as hours and minutes, like 19:30.");
            else {
                occ_result_ = planner.move_occurrence(o.plan_id, o.original_day, move_day_, *t);
                if (occ_result_.ok()) {
                    monday_ = week_start(move_day_);
                    if (!o.recurring) selected_.original_day = move_day_;
                }
            }
        }
        inline_error(move_date_error_);
        inline_error(occ_error("day") + occ_error("time"));

        if (o.recurring) {
            if (ImGui::Checkbox("Change just this time (title, place, length)", &show_change_) && show_change_) {
                occ_title_.load(o.title);
                occ_place_.load(o.place);
                occ_length_ = o.length_minutes;
            }
            if (show_change_) {
                float w = std::min(em(24), card_content_width());
                ImGui::SetNextItemWidth(w);
                occ_title_.single_line("##occtitle", "Title");
                inline_error(occ_error("title"));
                ImGui::SetNextItemWidth(w);
                occ_place_.single_line("##occplace", "Place");
                inline_error(occ_error("place"));
                ImGui::SetNextItemWidth(em(8));
                ImGui::InputInt("minutes##occlen", &occ_length_, 15, 60);
                inline_error(occ_error("length"));
                if (ImGui::Button("Save for this time")) {
                    OccurrenceChange c;
                    if (occ_title_.value() != o.title) c.title = occ_title_.value();
                    if (occ_place_.value() != o.place) c.place = occ_place_.value();
                    if (occ_length_ != o.length_minutes) c.length_minutes = occ_length_;
                    occ_result_ = planner.change_occurrence(o.plan_id, o.original_day, c);
                    if (occ_result_.ok()) show_change_ = false;
                }
            }
            if (o.moved || o.changed) {
                if (ImGui::Button("Undo the changes to this time")) occ_result_ = planner.reset_occurrence(o.plan_id, o.original_day);
            }
        }

        // The whole plan
        ImGui::Separator();
        if (ImGui::Button(o.recurring ? "Edit the whole ritual" : "Edit the plan")) {
            if (auto p = planner.get(o.plan_id)) open_form(ctx, p->id, p->draft());
        }
        if (o.recurring && sel_plan_ && !sel_plan_->recurrence.until) {
            same_line_or_wrap(em(9));
            if (ImGui::Button("End the ritual\xE2\x80\xA6")) ImGui::OpenPopup("end ritual");
        } else if (o.recurring && sel_plan_ && sel_plan_->recurrence.until) {
            same_line_or_wrap(em(12));
            ImGui::AlignTextToFramePadding();
            muted("Ends after %s.", format_day_human(*sel_plan_->recurrence.until).c_str());
        }
        if (!form_open_) {
            same_line_or_wrap(em(9));
            delete_button(ctx, o.plan_id);
        }
        same_line_or_wrap(em(5));
        if (ImGui::Button("Close")) selected_ = {};
        inline_error(occ_error("until"));
        std::string other = occ_result_.field == "id" || occ_result_.field == "rating" ? occ_result_.error : std::string();
        inline_error(other);

        if (ImGui::BeginPopup("end ritual")) {
            ImGui::TextUnformatted("The last day of the ritual");
            date_field(end_day_, end_date_text_, end_date_error_);
            inline_error(end_date_error_);
            muted("Its past times, their ratings and memories stay.");
            if (ImGui::Button("End it")) {
                occ_result_ = planner.end_ritual(o.plan_id, end_day_);
                if (occ_result_.ok()) ctx.notify("The ritual ends after " + format_day_human(end_day_) + "; its past stays.");
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Not now")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        end_card();
        ImGui::PopID();
        ImGui::Spacing();
    }

    void draw_ratings(AppContext& ctx, const Occurrence& o) {
        const Couple& couple = ctx.model.couple;
        Planner& planner = ctx.model.planner;
        for (int s = 0; s < 2; ++s) {
            const Partner& p = couple.partner(s);
            ImGui::PushID(s);
            ImGui::AlignTextToFramePadding();
            partner_label(p);
            ImGui::SameLine(em(7));
            int stars = o.rating[std::size_t(s)].value_or(0);
            ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.2f), ImGui::GetStyle().FramePadding.y));
            for (int k = 1; k <= 5; ++k) {
                ImGui::PushID(k);
                if (ImGui::Button(k <= stars ? "\xE2\x98\x85" : "\xE2\x98\x86"))
                    occ_result_ = planner.rate(o.plan_id, o.original_day, s, k == stars ? std::nullopt : std::optional<int>(k));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %d of 5%s", p.name.c_str(), k, k == stars ? " (click again to clear)" : "");
                ImGui::PopID();
                ImGui::SameLine(0, em(0.1f));
            }
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(2);
            ImGui::NewLine();
            ImGui::PopID();
        }
        ImGui::TextUnformatted("What you want to remember");
        bool changed = false;
        memory_.multiline("##memory", ImVec2(std::min(em(30), card_content_width()), ImGui::GetTextLineHeight() * 3.2f), &changed);
        if (ImGui::Button("Save the memory")) {
            occ_result_ = planner.set_memory(o.plan_id, o.original_day, memory_.value());
            if (occ_result_.ok()) ctx.notify("Memory saved.");
        }
        inline_error(occ_error("memory"));
    }

    // ------------------------------------------------------------------
    void draw_ideas(AppContext& ctx) {
        IdeaBank& ideas = ctx.model.ideas;
        const Couple& couple = ctx.model.couple;
        begin_card(nullptr);
        if (ImGui::Button(suggestion_ ? "Another one" : "Suggest one")) {
            if (suggestion_) ++seed_;
            suggestion_ = ctx.model.planner.suggest_idea(seed_, suggestion_ ? suggestion_->id : std::string());
            if (!suggestion_) suggestion_ = ctx.model.planner.suggest_idea(seed_);
        }
        same_line_or_wrap(em(16));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Who plans it");
        ImGui::SameLine();
        partner_picker("idea-who", couple, idea_by_);
        if (suggestion_) {
            if (auto fresh = ideas.get(suggestion_->id)) suggestion_ = fresh;
            heading(suggestion_->title.c_str());
            muted("%s \xC2\xB7 %s \xC2\xB7 %s", ctx.model.plan_kinds.label_of(suggestion_->kind_id).value_or("").c_str(),
                  length_text(suggestion_->length_minutes).c_str(),
                  suggestion_->last_used ? ("last planned for " + format_day_human(*suggestion_->last_used)).c_str() : "not done yet");
            if (!suggestion_->description.empty()) ImGui::TextWrapped("%s", suggestion_->description.c_str());
            plan_it_button(ctx, *suggestion_, "suggested");
        } else {
            muted("An idea you have not done lately, from the bank below and your own.");
        }
        inline_error(idea_plan_error_);
        end_card();
        ImGui::Spacing();

        char when[96];
        std::snprintf(when, sizeof when, "\xE2\x80\x9CPlan it\xE2\x80\x9D puts an idea on %s at %s%s.", format_day_human(slot_.day).c_str(),
                      format_hhmm(slot_.minute).c_str(), selected_day_ ? " (the chosen day)" : " (the next free evening)");
        muted("%s", when);
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        bool wide = ImGui::GetContentRegionAvail().x > em(40);
        if (ImGui::BeginTable("ideas", wide ? 4 : 2, flags)) {
            ImGui::TableSetupColumn("Idea", ImGuiTableColumnFlags_WidthStretch);
            if (wide) ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em(8));
            if (wide) ImGui::TableSetupColumn("Last planned", ImGuiTableColumnFlags_WidthFixed, em(8));
            ImGui::TableSetupColumn("##plan", ImGuiTableColumnFlags_WidthFixed, em(6));
            ImGui::TableHeadersRow();
            for (const Idea& idea : ideas.all()) {
                ImGui::PushID(idea.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", idea.title.c_str());
                if (!idea.description.empty() && ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(em(22));
                    ImGui::TextUnformatted(idea.description.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                muted("%s%s", length_text(idea.length_minutes).c_str(), idea.builtin ? "" : " \xC2\xB7 your own");
                if (wide) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(ctx.model.plan_kinds.label_of(idea.kind_id).value_or("").c_str());
                    ImGui::TableNextColumn();
                    if (idea.last_used) ImGui::TextUnformatted(day_month(*idea.last_used).c_str());
                    else ImGui::TextDisabled("not yet");
                }
                ImGui::TableNextColumn();
                plan_it_button(ctx, idea, "row");
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        draw_idea_form(ctx);
    }

    void plan_it_button(AppContext& ctx, const Idea& idea, const char* id) {
        ImGui::PushID(id);
        if (ImGui::Button("Plan it")) {
            std::optional<int> by = idea_by_ >= 0 ? std::optional<int>(idea_by_) : std::nullopt;
            auto r = ctx.model.planner.plan_from_idea(idea.id, slot_.day, slot_.minute, by);
            if (r.ok()) {
                idea_plan_error_.clear();
                monday_ = week_start(slot_.day);
                tab_request_ = 0;
                selected_ = {r.id, slot_.day};
                scroll_to_detail_ = true;
                ctx.notify("Planned: " + idea.title + ", " + format_day_human(slot_.day) + " at " + format_hhmm(slot_.minute) + ".");
                invalidate();
            } else {
                idea_plan_error_ = r.error;
            }
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("On %s at %s", format_day_human(slot_.day).c_str(), format_hhmm(slot_.minute).c_str());
        ImGui::PopID();
    }

    void draw_idea_form(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("Add an idea of your own")) return;
        begin_card(nullptr);
        float w = std::min(em(30), card_content_width());
        ImGui::SetNextItemWidth(w);
        bool enter = idea_title_.single_line("##ideatitle", "Title, e.g. Breakfast on the balcony");
        inline_error(idea_result_.field == "title" ? idea_result_.error : std::string());
        idea_desc_.multiline("##ideadesc", ImVec2(w, ImGui::GetTextLineHeight() * 2.6f));
        inline_error(idea_result_.field == "description" ? idea_result_.error : std::string());
        ImGui::SetNextItemWidth(em(12));
        kind_combo(ctx, "idea-kind", idea_draft_.kind_id);
        same_line_or_wrap(em(12), em(1.2f));
        ImGui::SetNextItemWidth(em(8));
        ImGui::InputInt("minutes##idealen", &idea_draft_.length_minutes, 15, 60);
        if (ImGui::Button("Add to the bank") || enter) {
            IdeaDraft d = idea_draft_;
            d.title = idea_title_.value();
            d.description = idea_desc_.value();
            idea_result_ = ctx.model.ideas.add(d);
            if (idea_result_.ok()) {
                idea_title_.clear();
                idea_desc_.clear();
                ctx.notify("Added \xE2\x80\x9C" + d.title + "\xE2\x80\x9D to your ideas.");
            }
        }
        if (!idea_result_.ok() && idea_result_.field != "title" && idea_result_.field != "description") inline_error(idea_result_.error);
        end_card();
    }

    // Shown week and caches
    Date today_{};
    Date monday_{};
    std::optional<Date> selected_day_;
    PlannerWeek week_;
    std::vector<Occurrence> agenda_;
    WeekFigures figures_;
    Slot slot_;
    uint64_t rev_ = 0;
    Date cached_monday_{}, cached_today_{};
    OccKey cached_selected_;
    std::optional<Date> cached_selected_day_;
    int tab_request_ = -1;

    // Drag and drop
    Occurrence drag_;

    // The selected occurrence
    OccKey selected_;
    std::optional<Occurrence> sel_occ_;
    std::optional<Plan> sel_plan_;
    SaveResult occ_result_;
    GuardedText memory_;
    GuardedText occ_title_, occ_place_;
    int occ_length_ = 60;
    bool show_change_ = false;
    Date move_day_{};
    std::string move_date_text_, move_date_error_, move_time_;
    Date end_day_{};
    std::string end_date_text_, end_date_error_;
    bool confirm_delete_ = false;
    bool scroll_to_detail_ = false;

    // The plan form
    bool form_open_ = false;
    std::string editing_id_;
    PlanDraft draft_;
    GuardedText form_title_, form_place_, form_notes_;
    std::string date_text_, date_error_, time_text_;
    int suggested_slot_ = -1;
    int repeat_mode_ = 0;
    int interval_ = 2;
    SaveResult form_result_;
    bool focus_title_ = false;
    GuardedText new_kind_;
    std::string new_kind_error_;

    // Ideas
    std::optional<Idea> suggestion_;
    uint64_t seed_ = 0;
    int idea_by_ = -1;
    std::string idea_plan_error_;
    IdeaDraft idea_draft_;
    GuardedText idea_title_, idea_desc_;
    SaveResult idea_result_;

    // Export
    bool show_export_ = false;
    ExportBox export_;

};

} // namespace

std::unique_ptr<Panel> make_planner_panel() { return std::make_unique<PlannerPanel>(); }

} // namespace hearth::ui
