#include "dashboard_screen.h"

#include "time_text.h"

#include <cstdio>

namespace hearth {

uint64_t DashboardScreen::data_revision() const {
    return m_.gratitude.revision() + m_.breaks.revision() + m_.sessions.revision() + m_.planner.revision() +
           m_.reviews.revision();
}

void DashboardScreen::sync() {
    today_ = local_date(m_.clock.now());
    week.set_today(today_);
    uint64_t rev = data_revision();
    if (rev == read_revision_ && week.monday() == read_week_) return;
    summary_ = week_summary(m_, iso_week(week.monday()), kNewest);
    // Only when the exercises changed: an appreciation costs no exercise query.
    if (m_.sessions.revision() != exercise_revision_ || !exercise_read_) {
        exercise_ = m_.sessions.current();
        exercise_revision_ = m_.sessions.revision();
        exercise_read_ = true;
    }
    trends_ = week_trends(m_, iso_week(week.monday()), kTrendWeeks);
    trend_labels_.clear();
    for (const auto& t : trends_) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "W%02d", t.week.week);
        trend_labels_.push_back(buf);
    }
    read_revision_ = rev;
    read_week_ = week.monday();
}

std::string DashboardScreen::week_label() const {
    return "Week of " + format_day_human(week.monday()) + "  (" + format_iso_week(iso_week(week.monday())) + ")";
}

std::string DashboardScreen::given_label(int slot) const {
    return std::to_string(summary_.appreciations.given[std::size_t(slot)]) + " given";
}

std::string DashboardScreen::quality_time_label() const {
    return format_time_spent(summary_.quality_time.minutes_done) + " together";
}

std::string DashboardScreen::next_up_text() const {
    const Occurrence* n = summary_.next_up();
    if (!n) return {};
    return "Next up: " + n->title + " \xE2\x80\x94 " + format_day_human(n->day) + " at " + format_hh_mm(n->start_minute);
}

std::string DashboardScreen::last_review_text() const {
    auto days = summary_.days_since_last_review(today_);
    if (!days) return {};
    return "Last review: " + format_day_human(local_date(*summary_.last_review->finished_at)) + " (" +
           format_days_ago(*days) + ")";
}

std::string DashboardScreen::exercise_under_way_text() const {
    if (!exercise_) return {};
    const SessionView& s = *exercise_;
    const std::string topic = "\xE2\x80\x9C" + (s.topic.empty() ? s.exercise_title : s.topic) + "\xE2\x80\x9D";
    if (s.state == SessionState::closing) return "Finished: " + topic + ". Say how heard you each felt.";
    if (s.interrupted) return "Interrupted when Hearth closed: " + topic + ".";
    std::string text = "In progress: " + topic + ", turn " + std::to_string(s.turn + 1) + " of " +
                       std::to_string(s.turns_total);
    if (s.step) text += ", " + s.step->title + " (" + m_.couple.partner(s.floor_slot).name + " talking)";
    if (s.state == SessionState::paused) text += ", paused";
    return text + ".";
}

void DashboardScreen::resume_exercise() {
    if (exercise_ && exercise_->state == SessionState::paused && !exercise_->interrupted) m_.sessions.resume(exercise_->id);
}

} // namespace hearth
