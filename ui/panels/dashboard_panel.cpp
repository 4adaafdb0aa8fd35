// "This week": the couple's week at a glance in cards read in seconds, any past
// week one click back, and twelve weeks of trends. Encouraging, never
// punishing: no streaks, no red marks.
#include "app_context.h"
#include "charts.h"
#include "dashboard_screen.h"
#include "kit/week_switcher.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace hearth::ui {
namespace {

class DashboardPanel final : public Panel {
public:
    std::string_view id() const override { return "dashboard"; }
    std::string_view title() const override { return "This week"; }
    std::string_view summary() const override { return "The week at a glance, the weeks before, and twelve weeks of trends"; }

    void draw(AppContext& ctx) override {
        if (!screen_) screen_.emplace(ctx.model);
        DashboardScreen& s = *screen_;
        s.week.set_today(local_date(ctx.clock.now()));
        const std::string label = s.week_label();
        kit::WeekSwitcherStyle style;
        style.label = label.c_str();
        style.small_back = true;
        kit::week_switcher(s.week, style);
        s.sync();
        const bool this_week = s.summary().is_current;
        if (this_week) draw_question_of_the_day(ctx, s);

        float avail = ImGui::GetContentRegionAvail().x;
        bool two_columns = avail > em(44);
        float col = two_columns ? (avail - em(1)) / 2 : avail;
        ImGui::BeginGroup();
        begin_card("Appreciations", col);
        draw_appreciations(ctx, this_week);
        end_card();
        ImGui::Spacing();
        begin_card("Weekly review", col);
        draw_review(ctx, this_week);
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
        draw_listening(ctx, this_week);
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
    void draw_question_of_the_day(AppContext& ctx, DashboardScreen& s) {
        const auto& q = s.question_of_the_day();
        if (!q) return;
        begin_card("Question of the day");
        ImGui::TextWrapped("%s", shown(q->question));
        if (!q->follow_up.empty()) muted("%s", shown(q->follow_up));
        if (ImGui::Button("Talk about it")) ctx.go_to(PanelId::talk, TalkAbout{q->id});
        end_card();
        ImGui::Spacing();
    }


    void draw_appreciations(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const DashboardScreen& s = *screen_;
        const WeekSummary& sum = s.summary();
        const GratitudeWeek& week = sum.appreciations;
        float bar = std::min(em(14), card_content_width() - em(8));
        for (int slot = 0; slot < 2; ++slot) {
            const Partner& p = couple.partner(slot);
            partner_label(p);
            ImGui::SameLine(em(8));
            meter(sum.appreciations_meter(slot), partner_fill(p.color, 0.55f), shown(s.given_label(slot)), bar);
        }
        if (week.total() == 0) {
            muted(is_this_week ? "A fresh week. What has your partner done lately that you were glad of?"
                               : "No appreciations were written down that week.");
        } else if (auto invite = sum.appreciation_invite()) {
            const Partner& p = couple.partner(*invite);
            const Partner& o = couple.other(*invite);
            ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
            ImGui::TextWrapped("%s, is there something %s did this week that you would like to thank them for?",
                               shown(p.name), shown(o.name));
            ImGui::PopStyleColor();
        }
        for (const auto& e : week.newest) {
            ImGui::PushID(e.id.c_str());
            partner_label(couple.partner(e.from_slot));
            ImGui::SameLine(0, em(0.3f));
            ImGui::TextDisabled("%s", format_day_human(e.day).c_str());
            ImGui::Indent(em(1.2f));
            ImGui::TextUnformatted(shown(e.text));
            ImGui::Unindent(em(1.2f));
            ImGui::PopID();
        }
        if (ImGui::Button("Write an appreciation")) ctx.go_to(PanelId::gratitude);
    }

    void draw_quality_time(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const DashboardScreen& s = *screen_;
        const WeekFigures& q = s.summary().quality_time;
        meter(s.summary().quality_time_meter(), ImGui::GetColorU32(ImGuiCol_PlotHistogram), shown(s.quality_time_label()),
              std::min(em(14), card_content_width()));
        ImGui::Text("%d planned, %d done", q.planned, q.done);
        if (q.skipped) {
            ImGui::SameLine();
            ImGui::TextDisabled("(%d skipped)", q.skipped);
        }
        if (s.summary().next_up()) {
            ImGui::TextWrapped("%s", shown(s.next_up_text()));
        } else if (q.planned == 0) {
            muted(is_this_week ? "Nothing planned yet. Even a twenty-minute walk counts." : "No plans that week.");
        }
        for (const auto& o : q.recent_ratings) {
            ImGui::PushID(o.plan_id.c_str());
            ImGui::PushID(format_date(o.original_day).c_str());
            ImGui::TextUnformatted(shown(o.title));
            for (int slot = 0; slot < 2; ++slot) {
                if (!o.rating[slot]) continue;
                // "Sam 5★" whole: on the title's line when it fits, else on the next.
                const std::string rating = couple.partner(slot).name + " " + std::to_string(*o.rating[slot]) + "\xE2\x98\x85";
                same_line_or_wrap(ImGui::CalcTextSize(shown(rating)).x);
                ImGui::TextColored(to_imvec4(couple.partner(slot).color), "%s", shown(rating));
            }
            ImGui::PopID();
            ImGui::PopID();
        }
        if (ImGui::Button("Plan time together")) ctx.go_to(PanelId::planner);
    }

    void draw_breaks(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        DashboardScreen& s = *screen_;
        const WeekSummary& sum = s.summary();
        const BreaksWeek& b = sum.breaks;
        if (sum.breaks_taken() == 0) {
            muted(is_this_week ? "No breaks needed this week." : "No breaks that week.");
        } else {
            for (int slot = 0; slot < 2; ++slot) {
                if (b.taken[slot] == 0) continue;
                partner_label(couple.partner(slot));
                ImGui::SameLine();
                ImGui::Text("called %d break%s", b.taken[slot], b.taken[slot] == 1 ? "" : "s");
            }
            if (sum.breaks_came_back() > 0) muted("Came back on time %d of %d times.", b.back_on_time, sum.breaks_came_back());
        }
        // Open topics are today's, not the shown week's: a past week leaves them out.
        if (!is_this_week) return;
        if (sum.open_break_topics.empty()) {
            muted("No topics waiting to be talked through.");
            return;
        }
        ImGui::TextDisabled("Still open (%d)", b.open_topics);
        // The summary is re-read at the next sync, so the commands below leave it intact.
        for (const BreakView& t : sum.open_break_topics) {
            ImGui::PushID(t.id.c_str());
            partner_label(couple.partner(t.caller_slot));
            ImGui::SameLine(0, em(0.4f));
            ImGui::TextUnformatted(shown(t.topic));
            if (ImGui::SmallButton("Listen to each other about it")) ctx.go_to(PanelId::listening, ListenAboutBreak{t.id});
            // On the next line when the card is too narrow for all three.
            same_line_or_wrap(button_width("Talked through"));
            if (ImGui::SmallButton("Talked through")) s.talked_through(t.id);
            same_line_or_wrap(button_width("Let go"));
            if (ImGui::SmallButton("Let go")) s.let_go(t.id);
            ImGui::PopID();
        }
    }

    void draw_listening(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const ExerciseWeek& l = screen_->summary().listening;
        if (l.sessions == 0) {
            muted(is_this_week ? "No listening exercise this week yet." : "No listening exercise that week.");
        } else {
            ImGui::Text("%d session%s, %d finished", l.sessions, l.sessions == 1 ? "" : "s", l.finished);
            for (int slot = 0; slot < 2; ++slot) {
                if (!l.felt_heard_avg[slot]) continue;
                partner_label(couple.partner(slot));
                ImGui::SameLine();
                ImGui::Text("felt heard %.1f of 5", *l.felt_heard_avg[slot]);
            }
        }
        const auto& under_way = screen_->exercise_under_way();
        if (is_this_week && under_way) {
            ImGui::TextWrapped("%s", shown(screen_->exercise_under_way_text()));
            const char* label = under_way->state == SessionState::closing ? "Rate it" : "Resume";
            if (ImGui::Button(label)) {
                screen_->resume_exercise();
                ctx.go_to(PanelId::listening);
            }
        } else if (ImGui::Button("Start a listening exercise")) {
            ctx.go_to(PanelId::listening);
        }
    }

    void draw_review(AppContext& ctx, bool is_this_week) {
        const DashboardScreen& s = *screen_;
        std::string last = s.last_review_text();
        if (!last.empty()) ImGui::TextUnformatted(shown(last));
        else muted("No review yet: about an hour together, once a week.");
        if (!is_this_week) muted(s.summary().review_done() ? "That week's review was done." : "No review was finished that week.");
        else if (s.summary().review_done()) muted("This week's review is done.");
        else if (ImGui::Button(s.summary().review_in_progress() ? "Carry on with this week's review" : "Start this week's review"))
            ctx.go_to(PanelId::review);
    }

    void draw_trends(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        const std::vector<WeekTrend>& trends = screen_->trends();
        if (trends.empty()) return;
        const std::vector<std::string>& labels = screen_->trend_week_labels();
        auto partner_series = [&](auto value_of) {
            std::vector<ChartSeries> out;
            for (int s = 0; s < 2; ++s) {
                ChartSeries cs{couple.partner(s).name, partner_fill(couple.partner(s).color, 0.85f), {}};
                for (const auto& t : trends) cs.values.push_back(value_of(t, s));
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
        q.axis_format = "%.0f h";
        ChartSeries hours{"Together", ImGui::GetColorU32(ImGuiCol_TextDisabled), {}};
        for (const auto& t : trends) hours.values.push_back(t.quality_hours);
        ImGui::BeginGroup();
        week_chart(q, {hours}, w);
        ImGui::EndGroup();
        ChartSpec f = spec("heard-trend", "Felt heard (1\xE2\x80\x93" "5)");
        f.max = 5;
        f.bars = false;
        f.format = "%.1f";
        f.axis_format = "%.0f";
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

    std::optional<DashboardScreen> screen_;
};

} // namespace

std::unique_ptr<Panel> make_dashboard_panel() { return std::make_unique<DashboardPanel>(); }

} // namespace hearth::ui
