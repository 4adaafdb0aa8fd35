// "This week": the couple's week at a glance in cards read in seconds, any past
// week one click back, and twelve weeks of trends. Encouraging, never
// punishing: no streaks, no red marks.
#include "app_context.h"
#include "charts.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "week_summary.h"
#include "widgets.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace hearth::ui {
namespace {

// About five specific appreciations each per week is what the weekly review
// opens with; the meters fill toward that, and simply stay full beyond it.
constexpr int kWeeklyAppreciationsHint = 5;
// Gottman's "magic six hours" hold a two-hour weekly date; the meter fills
// toward that, never turns red.
constexpr double kWeeklyQualityHoursHint = 2.0;

std::string minutes_text(int minutes) {
    char buf[32];
    if (minutes >= 60) std::snprintf(buf, sizeof buf, "%d h %02d", minutes / 60, minutes % 60);
    else std::snprintf(buf, sizeof buf, "%d min", minutes);
    return buf;
}

class DashboardPanel final : public Panel {
public:
    std::string_view id() const override { return "dashboard"; }
    std::string_view title() const override { return "This week"; }
    std::string_view summary() const override { return "The week at a glance, the weeks before, and twelve weeks of trends"; }

    void draw(AppContext& ctx) override {
        Date today = local_date(ctx.clock.now());
        if (!shown_week_.ok()) shown_week_ = week_start(today);
        draw_week_switcher(today);
        refresh(ctx);
        const bool this_week = sum_.is_current;

        float avail = ImGui::GetContentRegionAvail().x;
        bool two_columns = avail > em(44);
        float col = two_columns ? (avail - em(1)) / 2 : avail;
        ImGui::BeginGroup();
        begin_card("Appreciations", col);
        draw_appreciations(ctx, this_week);
        end_card();
        ImGui::Spacing();
        begin_card("Weekly review", col);
        draw_review(ctx);
        end_card();
        ImGui::EndGroup();
        if (two_columns) ImGui::SameLine(0, em(1));
        else ImGui::Spacing();
        ImGui::BeginGroup();
        begin_card("Quality time", col);
        draw_quality_time(ctx, this_week);
        end_card();
        ImGui::Spacing();
        begin_card("Listening", col);
        draw_listening(ctx);
        end_card();
        ImGui::Spacing();
        begin_card("Breaks and open topics", col);
        draw_breaks(ctx, this_week);
        end_card();
        ImGui::EndGroup();
        ImGui::Spacing();
        begin_card("The last twelve weeks");
        draw_trends(ctx);
        end_card();
    }

private:
    void draw_week_switcher(Date today) {
        Date this_week = week_start(today);
        if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) shown_week_ = add_days(shown_week_, -7);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        std::string label = "Week of " + format_day_human(shown_week_) + "  (" + format_iso_week(iso_week(shown_week_)) + ")";
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(!(shown_week_ < this_week));
        if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) shown_week_ = add_days(shown_week_, 7);
        ImGui::EndDisabled();
        if (shown_week_ != this_week) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Back to this week")) shown_week_ = this_week;
        }
    }

    // Figures are queried when data or the shown week change, not every frame.
    void refresh(AppContext& ctx) {
        Model& m = ctx.model;
        uint64_t rev = m.gratitude.revision() + m.breaks.revision() + m.sessions.revision() + m.planner.revision() +
                       m.reviews.revision();
        if (rev == seen_revision_ && shown_week_ == cached_week_) return;
        sum_ = week_summary(m, iso_week(shown_week_), 3);
        trends_ = week_trends(m, iso_week(shown_week_), kTrendWeeks);
        seen_revision_ = rev;
        cached_week_ = shown_week_;
    }

    void draw_appreciations(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const GratitudeWeek& week = sum_.appreciations;
        float bar = std::min(em(14), card_content_width() - em(8));
        for (int s = 0; s < 2; ++s) {
            const Partner& p = couple.partner(s);
            char label[64];
            std::snprintf(label, sizeof label, "%d given", week.given[s]);
            partner_label(p);
            ImGui::SameLine(em(8));
            meter(float(week.given[s]) / kWeeklyAppreciationsHint, partner_fill(p.color, 0.55f), label, bar);
        }
        if (week.given[0] + week.given[1] == 0) {
            muted(is_this_week ? "A fresh week. What has your partner done lately that you were glad of?"
                               : "No appreciations were written down that week.");
        } else if (week.invite_slot && is_this_week) {
            const Partner& p = couple.partner(*week.invite_slot);
            const Partner& o = couple.other(*week.invite_slot);
            ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
            ImGui::TextWrapped("%s, is there something %s did this week that you would like to thank them for?",
                               p.name.c_str(), o.name.c_str());
            ImGui::PopStyleColor();
        }
        for (const auto& e : week.newest) {
            ImGui::PushID(e.id.c_str());
            partner_label(couple.partner(e.from_slot));
            ImGui::SameLine(0, em(0.3f));
            ImGui::TextDisabled("%s", format_day_human(e.day).c_str());
            ImGui::Indent(em(1.2f));
            ImGui::TextUnformatted(e.text.c_str());
            ImGui::Unindent(em(1.2f));
            ImGui::PopID();
        }
        if (ImGui::Button("Write an appreciation")) ctx.go_to(PanelId::gratitude);
    }

    void draw_quality_time(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const WeekFigures& q = sum_.quality_time;
        char label[64];
        std::snprintf(label, sizeof label, "%s together", minutes_text(q.minutes_done).c_str());
        meter(float(q.hours_done() / kWeeklyQualityHoursHint), ImGui::GetColorU32(ImGuiCol_PlotHistogram), label,
              std::min(em(14), card_content_width()));
        ImGui::Text("%d planned, %d done", q.planned, q.done);
        if (q.skipped) {
            ImGui::SameLine();
            ImGui::TextDisabled("(%d skipped)", q.skipped);
        }
        if (q.next_up && is_this_week) {
            const Occurrence& n = *q.next_up;
            char when[16];
            std::snprintf(when, sizeof when, "%02d:%02d", n.start_minute / 60, n.start_minute % 60);
            ImGui::TextWrapped("Next up: %s \xE2\x80\x94 %s at %s", n.title.c_str(), format_day_human(n.day).c_str(), when);
        } else if (q.planned == 0) {
            muted(is_this_week ? "Nothing planned yet. Even a twenty-minute walk counts." : "No plans that week.");
        }
        for (const auto& o : q.recent_ratings) {
            ImGui::PushID(o.plan_id.c_str());
            ImGui::PushID(format_date(o.original_day).c_str());
            ImGui::TextUnformatted(o.title.c_str());
            for (int s = 0; s < 2; ++s) {
                if (!o.rating[s]) continue;
                ImGui::SameLine();
                ImGui::TextColored(to_imvec4(couple.partner(s).color), "%s %d\xE2\x98\x85", couple.partner(s).name.c_str(), *o.rating[s]);
            }
            ImGui::PopID();
            ImGui::PopID();
        }
        if (ImGui::Button("Plan time together")) ctx.go_to(PanelId::planner);
    }

    void draw_breaks(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const BreaksWeek& b = sum_.breaks;
        const int taken = b.taken[0] + b.taken[1];
        if (taken == 0) {
            muted(is_this_week ? "No breaks needed this week." : "No breaks that week.");
        } else {
            for (int s = 0; s < 2; ++s) {
                if (b.taken[s] == 0) continue;
                partner_label(couple.partner(s));
                ImGui::SameLine();
                ImGui::Text("called %d break%s", b.taken[s], b.taken[s] == 1 ? "" : "s");
            }
            if (b.back_on_time + b.back_late > 0)
                muted("Came back on time %d of %d times.", b.back_on_time, b.back_on_time + b.back_late);
        }
        if (sum_.open_break_topics.empty()) {
            muted("No topics waiting to be talked through.");
            return;
        }
        ImGui::TextDisabled("Still open (%d)", b.open_topics);
        for (const BreakView& t : sum_.open_break_topics) {
            ImGui::PushID(t.id.c_str());
            partner_label(couple.partner(t.caller_slot));
            ImGui::SameLine(0, em(0.4f));
            ImGui::TextUnformatted(t.topic.c_str());
            if (ImGui::SmallButton("Listen to each other about it")) ctx.go_to(PanelId::listening, ListenAboutBreak{t.id});
            ImGui::SameLine();
            if (ImGui::SmallButton("Talked through")) ctx.model.breaks.mark_topic_talked_through(t.id);
            ImGui::SameLine();
            if (ImGui::SmallButton("Let go")) ctx.model.breaks.dismiss_topic(t.id);
            ImGui::PopID();
        }
    }

    void draw_listening(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        const ExerciseWeek& l = sum_.listening;
        if (l.sessions == 0) {
            muted("No listening exercise that week.");
        } else {
            ImGui::Text("%d session%s, %d finished", l.sessions, l.sessions == 1 ? "" : "s", l.finished);
            for (int s = 0; s < 2; ++s) {
                if (!l.felt_heard_avg[s]) continue;
                partner_label(couple.partner(s));
                ImGui::SameLine();
                ImGui::Text("felt heard %.1f of 5", *l.felt_heard_avg[s]);
            }
        }
        if (ImGui::Button("Start a listening exercise")) ctx.go_to(PanelId::listening);
    }

    void draw_review(AppContext& ctx) {
        if (sum_.last_review && sum_.last_review->finished_at) {
            int days = days_between(local_date(*sum_.last_review->finished_at), local_date(ctx.clock.now()));
            ImGui::Text("Last review: %s (%s)", format_day_human(local_date(*sum_.last_review->finished_at)).c_str(),
                        days == 0 ? "today" : days == 1 ? "yesterday" : (std::to_string(days) + " days ago").c_str());
        } else {
            muted("No review yet: about an hour together, once a week.");
        }
        bool in_progress = sum_.review && !sum_.review->finished();
        if (sum_.review && sum_.review->finished()) muted("This week's review is done.");
        else if (ImGui::Button(in_progress ? "Carry on with this week's review" : "Start this week's review"))
            ctx.go_to(PanelId::review);
    }

    void draw_trends(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        if (trends_.empty()) return;
        std::vector<std::string> labels;
        for (const auto& t : trends_) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "W%02d", t.week.week);
            labels.push_back(buf);
        }
        auto partner_series = [&](auto value_of) {
            std::vector<ChartSeries> out;
            for (int s = 0; s < 2; ++s) {
                ChartSeries cs{couple.partner(s).name, partner_fill(couple.partner(s).color, 0.85f), {}};
                for (const auto& t : trends_) cs.values.push_back(value_of(t, s));
                out.push_back(std::move(cs));
            }
            return out;
        };
        float avail = card_content_width();
        bool two = avail > em(36);
        float w = two ? (avail - em(1.5f)) / 2 : avail;
        auto spec = [&](const char* id, const char* title) {
            ChartSpec c;
            c.id = id;
            c.title = title;
            c.week_labels = labels;
            return c;
        };
        ChartSpec a = spec("appreciations-trend", "Appreciations given");
        ImGui::BeginGroup();
        week_chart(a, partner_series([](const WeekTrend& t, int s) { return std::optional<double>(t.appreciations[s]); }), w);
        ImGui::EndGroup();
        if (two) ImGui::SameLine(0, em(1.5f));
        ChartSpec q = spec("hours-trend", "Quality time (hours)");
        q.format = "%.1f h";
        ChartSeries hours{"Together", ImGui::GetColorU32(ImGuiCol_TextDisabled), {}};
        for (const auto& t : trends_) hours.values.push_back(t.quality_hours);
        ImGui::BeginGroup();
        week_chart(q, {hours}, w);
        ImGui::EndGroup();
        ChartSpec f = spec("heard-trend", "Felt heard (1\xE2\x80\x93" "5)");
        f.max = 5;
        f.bars = false;
        f.format = "%.1f";
        ImGui::BeginGroup();
        week_chart(f, partner_series([](const WeekTrend& t, int s) { return t.felt_heard[s]; }), w);
        ImGui::EndGroup();
        if (two) ImGui::SameLine(0, em(1.5f));
        ChartSpec c = spec("connection-trend", "Felt connected (check-in, 1\xE2\x80\x93" "10)");
        c.max = 10;
        c.bars = false;
        ImGui::BeginGroup();
        week_chart(c, partner_series([](const WeekTrend& t, int s) {
                       return t.connection[s] ? std::optional<double>(*t.connection[s]) : std::nullopt;
                   }), w);
        ImGui::EndGroup();
    }

    Date shown_week_{};
    Date cached_week_{};
    uint64_t seen_revision_ = 0;
    WeekSummary sum_;
    std::vector<WeekTrend> trends_;
};

} // namespace

std::unique_ptr<Panel> make_dashboard_panel() { return std::make_unique<DashboardPanel>(); }

} // namespace hearth::ui
