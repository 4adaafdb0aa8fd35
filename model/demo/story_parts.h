#pragma once
// The parts of the demo story, one file each. Each schedules its actions on
// the run; Story carries what one part leaves for another. Call order:
// begin_story, then the week plan (which weeks were reviewed), then the rest;
// then DemoRun::play().
#include "demo_run.h"

#include <algorithm>
#include <cmath>

namespace hearth::demo {

// couple.cpp: the couple (unless already set up) and their own category, now.
void begin_story(DemoRun& run, Story& story);

// reviews.cpp
// Which of the last 26 weeks had a review on their Sunday, and when it began.
void plan_review_weeks(DemoRun& run, Story& story);
void write_reviews(DemoRun& run, Story& story);
// Most weeks of `years` years, with check-ins and next week's date.
void plan_long_review_weeks(DemoRun& run, Story& story, int years);
void write_long_reviews(DemoRun& run, Story& story, int years);

// gratitude_history.cpp
void write_gratitude(DemoRun& run, Story& story);
void write_long_gratitude(DemoRun& run, Story& story, int years, int appreciations);

// breaks_history.cpp
void write_breaks(DemoRun& run, Story& story);

// quality_time.cpp
void write_quality_time(DemoRun& run, Story& story);
void write_long_quality_time(DemoRun& run, Story& story, int years);

// listening.cpp
void write_listening(DemoRun& run, Story& story);
void write_long_listening(DemoRun& run, Story& story, int years);

// The span of a long history in days.
inline int span_days(int years) { return int(std::lround(std::max(years, 0) * 365.2425)); }

} // namespace hearth::demo
