// The dashboard's state, with no ImGui: the week shown, the texts its cards
// read out, the commands on open topics, and how many queries a frame makes.
#include "dashboard_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

namespace {
GratitudeDraft thanks(int from, Date day) {
    GratitudeDraft d;
    d.from_slot = from;
    d.text = "thank you";
    d.day = day;
    return d;
}
uint64_t queries_of_a_sync(test::TestModel& t, DashboardScreen& s) {
    return test::queries_during(t.model.db, [&] { s.sync(); });
}
} // namespace

TEST_CASE("The dashboard reads out this week: given, the invitation, time together, next up", "[screens][dashboard]") {
    test::TestModel t;
    DashboardScreen s(t.model);
    Date today = local_date(t.clock.now());  // Monday 2026-09-21
    s.sync();
    CHECK(s.week_label() == "Week of " + format_day_human(today) + "  (2026-W39)");
    CHECK(s.given_label(0) == "0 given");
    CHECK_FALSE(s.summary().appreciation_invite());
    CHECK(s.quality_time_label() == "0 min together");
    CHECK(s.next_up_text().empty());
    CHECK(s.last_review_text().empty());
    REQUIRE(s.trend_week_labels().size() == std::size_t(kTrendWeeks));
    CHECK(s.trend_week_labels().back() == "W39");

    for (int i = 0; i < 3; ++i) REQUIRE(t.model.gratitude.add(thanks(0, today)).ok());
    PlanDraft walk;
    walk.title = "Walk by the river";
    walk.day = add_days(today, 1);
    walk.start_minute = 19 * 60 + 5;
    REQUIRE(t.model.planner.add(walk).ok());
    s.sync();
    CHECK(s.given_label(0) == "3 given");
    CHECK(s.summary().appreciations_meter(0) == Approx(3.0 / kWeeklyAppreciationsHint));
    CHECK(s.summary().appreciation_invite() == 1);  // Sam gave fewer: a gentle invitation
    CHECK(s.next_up_text() == "Next up: Walk by the river \xE2\x80\x94 " + format_day_human(walk.day) + " at 19:05");

    // A past week: no invitation, no "next up", and no going past this week.
    s.week.earlier();
    s.sync();
    CHECK_FALSE(s.summary().is_current);
    CHECK_FALSE(s.summary().appreciation_invite());
    CHECK(s.next_up_text().empty());
    CHECK(s.week.can_go_later());
    s.week.later();
    s.week.later();
    CHECK(s.week.is_this_week());
}

TEST_CASE("The last review reads as days ago", "[screens][dashboard]") {
    test::TestModel t;
    auto started = t.model.reviews.start_this_week();
    REQUIRE(started.ok());
    REQUIRE(t.model.reviews.finish(started.id).ok());
    DashboardScreen s(t.model);
    s.sync();
    CHECK(s.summary().review_done());
    CHECK(s.last_review_text() == "Last review: " + format_day_human(local_date(t.clock.now())) + " (today)");
    t.clock.advance(hours(24 * 2));
    s.sync();
    CHECK(s.last_review_text().find("(2 days ago)") != std::string::npos);
}

TEST_CASE("An open topic talked through or let go leaves the dashboard", "[screens][dashboard]") {
    test::TestModel t;
    BreakRequest r;
    r.topic = "Holiday plans";
    auto a = t.model.breaks.start(r).id;
    r.topic = "Chores";
    r.caller_slot = 1;
    auto b = t.model.breaks.start(r).id;
    t.clock.advance(minutes(21));
    REQUIRE(t.model.breaks.come_back(a).ok());
    REQUIRE(t.model.breaks.come_back(b).ok());
    DashboardScreen s(t.model);
    s.sync();
    CHECK(s.summary().breaks_taken() == 2);
    CHECK(s.summary().breaks_came_back() == 2);
    REQUIRE(s.summary().open_break_topics.size() == 2);
    s.talked_through(a);
    s.sync();
    REQUIRE(s.summary().open_break_topics.size() == 1);
    s.let_go(b);
    s.sync();
    CHECK(s.summary().open_break_topics.empty());
}

TEST_CASE("A dashboard frame with nothing changed makes no query", "[screens][dashboard]") {
    test::TestModel t;
    DashboardScreen s(t.model);
    s.sync();
    CHECK(queries_of_a_sync(t, s) == 0);
    CHECK(queries_of_a_sync(t, s) == 0);
    // A new appreciation re-reads the week's figures and trends once (what
    // one reading of them costs), then rests.
    uint64_t before = t.model.db.queries();
    week_summary(t.model, iso_week(s.week.monday()), DashboardScreen::kNewest);
    week_trends(t.model, iso_week(s.week.monday()), kTrendWeeks);
    const uint64_t one_reading = t.model.db.queries() - before;
    REQUIRE(t.model.gratitude.add(thanks(1, local_date(t.clock.now()))).ok());
    uint64_t after_change = queries_of_a_sync(t, s);
    CHECK(after_change == one_reading);
    CHECK(s.given_label(1) == "1 given");
    CHECK(queries_of_a_sync(t, s) == 0);
    // Another week shown is read once too.
    s.week.earlier();
    CHECK(queries_of_a_sync(t, s) == after_change);
    CHECK(queries_of_a_sync(t, s) == 0);
}
