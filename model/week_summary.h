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
