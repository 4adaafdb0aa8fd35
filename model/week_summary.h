#pragma once
// One ISO week at a glance across every feature (the dashboard's cards, the
// weekly review, the Markdown summary), and 12-week trends for the charts.
//
// Weeks are ISO weeks (Monday start) of local calendar days: an appreciation
// counts in the week of its day, a break or listening session in the week of
// the local day it started, quality time in the week of the occurrence's day.
// Every figure is one or a few grouped queries over a date range, never a
// query per day, so a ten-year database answers in milliseconds.
#include "breaks.h"
#include "exercise_session.h"
#include "gratitude.h"
#include "planner.h"
#include "time_util.h"
#include "weekly_review.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

class Model;

inline constexpr int kTrendWeeks = 12;

// About five specific appreciations each per week is what the weekly review
// opens with; the dashboard's meters fill toward that, and simply stay full
// beyond it.
inline constexpr int kWeeklyAppreciationsHint = 5;
// Gottman's "magic six hours" hold a two-hour weekly date; the meter fills
// toward that, never turns red.
inline constexpr double kWeeklyQualityHoursHint = 2.0;

struct WeekSummary {
    IsoWeek week;
    Date monday;
    Date sunday;
    bool is_current = false;                       // the week holding today
    GratitudeWeek appreciations;                   // given per partner, the newest few
    WeekFigures quality_time;                      // planned, done, hours, next up, recent ratings
    BreaksWeek breaks;                             // taken per partner, back on time, open topics (all)
    std::vector<BreakView> open_break_topics;      // newest first, at most `newest`
    ExerciseWeek listening;                        // sessions, felt heard per partner
    std::optional<WeeklyReview> review;            // this week's review, finished or not
    std::array<std::optional<int>, 2> connection;  // this week's check-in, per partner
    std::optional<WeeklyReview> last_review;       // the most recently finished review (any week)
    // Nothing recorded at all: no appreciation, quality time, break, session or review.
    bool empty() const;

    // How full each partner's appreciation meter is (1 = the weekly hint; more
    // is fine and never a score), and the quality-time meter.
    float appreciations_meter(int slot) const;
    float quality_time_meter() const;
    // Whoever gave fewer appreciations is invited to write one, in the
    // current week only (a past week is not a reproach).
    std::optional<int> appreciation_invite() const;
    // The next plan, in the current week only.
    const Occurrence* next_up() const;
    int breaks_taken() const { return breaks.taken[0] + breaks.taken[1]; }
    int breaks_came_back() const { return breaks.back_on_time + breaks.back_late; }
    // Days from the last finished review to `today`; nullopt before the first.
    std::optional<int> days_since_last_review(Date today) const;
    bool review_done() const { return review && review->finished(); }
    bool review_in_progress() const { return review && !review->finished(); }
};

// Figures for the week `week`; `newest` caps the lists (appreciations, topics).
WeekSummary week_summary(Model& m, IsoWeek week, int newest = 5);

// One point of the trends. A value that was not recorded is nullopt (no
// listening session that week, no check-in), never zero; counts and hours are
// zero when nothing happened.
struct WeekTrend {
    IsoWeek week;
    Date monday;
    std::array<int, 2> appreciations{};            // given by each partner
    double quality_hours = 0;                      // hours of quality time done
    std::array<std::optional<double>, 2> felt_heard;  // average 1..5 per partner
    std::array<std::optional<int>, 2> connection;     // the review's check-in 1..10
};

// `weeks` ISO weeks ending with `last` (inclusive), oldest first.
std::vector<WeekTrend> week_trends(Model& m, IsoWeek last, int weeks = kTrendWeeks);

// Appreciations per partner for each of `weeks` weeks ending with `last`,
// oldest first: one grouped query.
std::vector<std::array<int, 2>> appreciations_per_week(Model& m, IsoWeek last, int weeks);

// The ISO week `n` weeks after `w` (negative: before).
IsoWeek add_weeks(IsoWeek w, int n);

} // namespace hearth
