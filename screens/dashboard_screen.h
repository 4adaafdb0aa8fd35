#pragma once
// The dashboard's state: the week shown, its figures and the twelve weeks of
// trends (re-read only when the shown week or the data change), the texts
// its cards read out, and the commands on open break topics.
#include "hearth_model.h"
#include "shown_week.h"
#include "talk_screen.h"
#include "week_summary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

class DashboardScreen {
public:
    // How many appreciations and open topics the cards list.
    static constexpr int kNewest = 3;

    explicit DashboardScreen(Model& m) : m_(m) {}

    ShownWeek week;
    // Once a frame, after the week switcher: re-reads the figures when the
    // shown week or any of the data behind them changed, else makes no query.
    void sync();

    const WeekSummary& summary() const { return summary_; }
    // The same question all day, a new one each day (read once a day).
    const std::optional<Talk>& question_of_the_day() { return day_question_.today(today_); }
    const std::vector<WeekTrend>& trends() const { return trends_; }
    Date today() const { return today_; }

    // What the cards read out.
    std::string week_label() const;                    // "Week of Mon 21 Sep 2026  (2026-W39)"
    std::string given_label(int slot) const;           // "3 given"
    std::string quality_time_label() const;            // "1 h 30 together"
    std::string next_up_text() const;                  // "Next up: Walk — Tue 22 Sep 2026 at 19:30"; empty if none
    std::string last_review_text() const;              // "Last review: ... (yesterday)"; empty before the first
    const std::vector<std::string>& trend_week_labels() const { return trend_labels_; }  // "W39"

    // A listening exercise under way (running, paused, interrupted by a close,
    // or waiting for its ratings), read with the figures; nullopt when none.
    const std::optional<SessionView>& exercise_under_way() const { return exercise_; }
    // "In progress: âSunday morningsâ, turn 1 of 2, Share (Maya talking), paused".
    std::string exercise_under_way_text() const;
    // Back to it: a paused exercise's timer goes on again (an interrupted one is
    // carried on from the listening screen, which asks first).
    void resume_exercise();

    // Open break topics.
    void talked_through(const std::string& break_id) { m_.breaks.mark_topic_talked_through(break_id); }
    void let_go(const std::string& break_id) { m_.breaks.dismiss_topic(break_id); }

private:
    uint64_t data_revision() const;
    Model& m_;
    Date today_{};
    Date read_week_{};
    uint64_t read_revision_ = 0;
    WeekSummary summary_;
    std::vector<WeekTrend> trends_;
    std::optional<SessionView> exercise_;
    uint64_t exercise_revision_ = 0;
    bool exercise_read_ = false;
    std::vector<std::string> trend_labels_;
    DayQuestion day_question_{m_};
};

} // namespace hearth
