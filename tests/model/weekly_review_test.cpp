#include "ics_export.h"
#include "review_fixture.h"
#include "demo_data.h"
#include "schema.h"
#include "week_summary.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>

using namespace hearth;
using namespace std::chrono;
using test::advance_to;
using test::appreciate;
using test::LocalZone;
using test::must;
using test::ymd;

TEST_CASE("Review steps carry titles and time hints that add up to about an hour", "[review]") {
    int lo = 0, hi = 0;
    for (int i = 0; i < kReviewSteps; ++i) {
        const auto& s = review_steps()[std::size_t(i)];
        CHECK(int(s.step) == i);
        CHECK(&review_step_info(s.step) == &s);
        CHECK_FALSE(s.title.empty());
        CHECK(s.min_minutes > 0);
        CHECK(s.min_minutes <= s.max_minutes);
        lo += s.min_minutes;
        hi += s.max_minutes;
    }
    CHECK(review_step_info(ReviewStep::issue).min_minutes == 20);
    CHECK(review_step_info(ReviewStep::issue).max_minutes == 25);
    CHECK(lo >= 45);
    CHECK(hi <= 75);
}

TEST_CASE("A review is started once per ISO week and moves back and next through five steps", "[review]") {
    test::TestModel t;
    auto& rv = t.model.reviews;
    auto id = must(rv.start_this_week());
    auto r = rv.get(id);
    REQUIRE(r);
    CHECK(r->week == IsoWeek{2026, 39});
    CHECK(r->monday == ymd(2026, 9, 21));
    CHECK(r->step == ReviewStep::appreciations);
    CHECK_FALSE(r->finished());
    CHECK_FALSE(r->late);
    CHECK(r->started_at == t.clock.now());
    CHECK(rv.start({2026, 39}).id == id);  // the same review, not a second one

    CHECK(rv.back(id).field == "step");
    for (int i = 1; i < kReviewSteps; ++i) {
        must(rv.next(id));
        CHECK(int(rv.get(id)->step) == i);
    }
    CHECK(rv.next(id).field == "step");
    must(rv.back(id));
    CHECK(rv.get(id)->step == ReviewStep::checkin);
    must(rv.set_step(id, ReviewStep::went_well));
    CHECK(rv.get(id)->step == ReviewStep::went_well);
    CHECK(rv.set_step(id, ReviewStep(7)).field == "step");
    CHECK(rv.unfinished().size() == 1);
}

TEST_CASE("A review is refused for weeks that do not exist or have not begun", "[review]") {
    test::TestModel t;
    auto& rv = t.model.reviews;
    auto future = rv.start({2026, 40});
    CHECK(future.field == "week");
    CHECK_THAT(future.error, Catch::Contains("has not begun"));
    auto no_such = rv.start({2021, 53});
    CHECK(no_such.field == "week");
    CHECK_THAT(no_such.error, Catch::Contains("2021 has 52 ISO weeks"));
    CHECK(rv.start({2026, 0}).field == "week");
    CHECK(rv.start({2020, 53}).ok());  // a real (if long past) week

    test::TestModel nobody(false);
    CHECK(nobody.model.reviews.start_this_week().field == "week");
}

TEST_CASE("A past week can be reviewed late, about that week", "[review]") {
    test::TestModel t;
    auto& rv = t.model.reviews;
    auto id = must(rv.start({2026, 37}));
    auto r = *rv.get(id);
    CHECK(r.week == IsoWeek{2026, 37});
    CHECK(r.late);
    // Appreciations added in a late review belong to the week reviewed: its Sunday.
    auto g = must(rv.add_appreciation(id, 1, "Thanks for the picnic"));
    auto e = t.model.gratitude.get(g);
    REQUIRE(e);
    CHECK(e->day == ymd(2026, 9, 13));
    CHECK(e->shared_in_review);
    CHECK(e->from_slot == 1);
    // This week's review is a separate one.
    CHECK(must(rv.start_this_week()) != id);
    CHECK(rv.unfinished().size() == 2);
    CHECK(rv.unfinished().front().week == IsoWeek{2026, 39});  // newest week first
}

TEST_CASE("Review input is validated with the field and a reason", "[review]") {
    test::TestModel t;
    auto& rv = t.model.reviews;
    auto id = must(rv.start_this_week());

    CHECK(rv.set_connection(id, 0, 0).field == "connection");
    CHECK(rv.set_connection(id, 0, 11).field == "connection");
    CHECK(rv.set_connection(id, 2, 5).field == "partner");
    must(rv.set_connection(id, 0, 1));
    must(rv.set_connection(id, 1, 10));
    CHECK(rv.get(id)->checkin[0].connection == 1);
    must(rv.set_connection(id, 0, std::nullopt));
    CHECK_FALSE(rv.get(id)->checkin[0].connection);
    CHECK(rv.get(id)->checkin[1].connection == 10);

    // 2000 characters, counted as characters: fine; one more is refused.
    std::string accents;
    for (int i = 0; i < 2000; ++i) accents += "\xC3\xA9";
    must(rv.set_loved_answer(id, 1, accents));
    CHECK(rv.get(id)->checkin[1].loved_answer == accents);
    auto too_long = rv.set_loved_answer(id, 1, accents + "e");
    CHECK(too_long.field == "loved_answer");
    CHECK_THAT(too_long.error, Catch::Contains("2001") && Catch::Contains("2000"));
    CHECK(rv.set_loved_answer(id, 1, "bad \xC3").field == "loved_answer");
    CHECK(rv.set_went_well_note(id, std::string(2001, 'x')).field == "went_well_note");
    CHECK(rv.set_went_well_note(id, "\xFF").field == "went_well_note");
    CHECK(rv.get(id)->checkin[1].loved_answer == accents);  // refused changes leave it as it was

    // Appreciations: refused like the gratitude log; nothing is written.
    CHECK(rv.add_appreciation(id, 0, "   ").field == "text");
    CHECK(rv.add_appreciation(id, 3, "hi").field == "from");
    CHECK(t.model.gratitude.count({}) == 0);

    // The issue: a topic first, and things that exist.
    CHECK(rv.issue_left(id).field == "issue");
    CHECK(rv.choose_issue(id, {IssueSource::new_topic, {}, "  "}).field == "topic");
    CHECK(rv.choose_issue(id, {IssueSource::break_topic, "nope", {}}).field == "issue");
    CHECK(rv.choose_issue(id, {IssueSource::session_topic, "nope", {}}).field == "issue");
    must(rv.choose_issue(id, {IssueSource::new_topic, {}, "Money"}));
    CHECK(rv.issue_listened(id, "nope").field == "session");
    CHECK(rv.issue_scheduled_plan(id, "nope").field == "plan");
    CHECK(rv.issue_scheduled(id, ymd(2026, 9, 29), 24 * 60).field == "time");
    CHECK(rv.issue_scheduled(id, ymd(2026, 2, 30), 600).field == "day");
    CHECK(rv.add_plan(id, "nope").field == "plan");

    CHECK(rv.set_step("nope", ReviewStep::plan).field == "id");
    CHECK(rv.finish("nope").field == "id");
}

TEST_CASE("The issue records the topic chosen and what was done about it", "[review]") {
    test::TestModel t;
    auto& m = t.model;
    auto& rv = m.reviews;
    BreakRequest br;
    br.caller_slot = 0;
    br.topic = "Holidays with family";
    br.minutes = 20;
    auto b = must(m.breaks.start(br));
    t.clock.advance(minutes(25));
    m.breaks.tick();
    must(m.breaks.come_back(b));

    auto id = must(rv.start_this_week());
    auto topics = rv.open_topics();
    REQUIRE(topics.size() == 1);
    CHECK(topics[0].source == IssueSource::break_topic);
    CHECK(topics[0].id == b);
    CHECK(topics[0].topic == "Holidays with family");
    CHECK(topics[0].raised_by_slot == 0);

    must(rv.choose_issue(id, {IssueSource::break_topic, b, {}}));
    auto r = *rv.get(id);
    CHECK(r.issue.source == IssueSource::break_topic);
    CHECK(r.issue.break_id == b);
    CHECK(r.issue.topic == "Holidays with family");
    CHECK(r.issue.outcome == IssueOutcome::none);

    must(rv.issue_scheduled(id, ymd(2026, 9, 29), 19 * 60 + 30));
    r = *rv.get(id);
    CHECK(r.issue.outcome == IssueOutcome::scheduled);
    CHECK(r.issue.scheduled_day == ymd(2026, 9, 29));
    CHECK(r.issue.scheduled_minute == 19 * 60 + 30);

    // Scheduled as a plan; removing the plan later keeps the review.
    auto p = must(m.planner.add(test::one_off("Talk about the holidays", ymd(2026, 9, 30), 20 * 60, 45)));
    must(rv.issue_scheduled_plan(id, p));
    r = *rv.get(id);
    CHECK(r.issue.plan_id == p);
    CHECK_FALSE(r.issue.scheduled_day);
    must(rv.add_plan(id, p));
    must(rv.add_plan(id, p));  // twice is once
    CHECK(rv.get(id)->plan_ids == std::vector<std::string>{p});
    REQUIRE(m.planner.remove(p));
    r = *rv.get(id);
    CHECK(r.issue.outcome == IssueOutcome::scheduled);
    CHECK_FALSE(r.issue.plan_id);
    CHECK(r.plan_ids.empty());

    // A listening session on a topic that is then left open shows up as an open topic.
    SessionSetup setup;
    setup.topic = "Screen time in bed";
    auto s = must(m.sessions.start(setup));
    must(m.sessions.end_early(s));
    topics = rv.open_topics();
    REQUIRE(topics.size() == 2);
    CHECK(topics[1].source == IssueSource::session_topic);
    CHECK(topics[1].id == s);
    CHECK(topics[1].topic == "Screen time in bed");
    must(rv.choose_issue(id, {IssueSource::session_topic, s, {}}));
    r = *rv.get(id);
    CHECK(r.issue.from_session_id == s);
    CHECK(r.issue.outcome == IssueOutcome::none);  // a new topic clears the outcome
    CHECK(r.issue.topic == "Screen time in bed");
    must(rv.issue_left(id));
    CHECK(rv.get(id)->issue.outcome == IssueOutcome::left);
    must(rv.clear_issue_outcome(id));
    CHECK(rv.get(id)->issue.outcome == IssueOutcome::none);
    must(rv.choose_issue(id, {IssueSource::none, {}, {}}));
    CHECK(rv.get(id)->issue.source == IssueSource::none);
    CHECK(rv.get(id)->issue.topic.empty());
}

TEST_CASE("A review interrupted is resumed where it was after reopening the database", "[review]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    const std::string answer = "Leave me a note in my bag \xF0\x9F\x92\x8C\nand one in my coat";
    std::string id, entry;
    {
        Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
        m.couple.set_up("Maya", {}, "Sam", {});
        entry = appreciate(m, 0, "Thanks for the flowers", ymd(2026, 9, 21));
        id = must(m.reviews.start_this_week());
        must(m.reviews.set_shared(id, entry, true));
        must(m.reviews.add_appreciation(id, 1, "You stayed calm on the phone with the bank"));
        must(m.reviews.next(id));
        must(m.reviews.set_went_well_note(id, "Dinner on Friday"));
        must(m.reviews.next(id));
        must(m.reviews.choose_issue(id, {IssueSource::new_topic, {}, "Chores"}));
        must(m.reviews.issue_left(id));
        must(m.reviews.next(id));
        must(m.reviews.set_connection(id, 1, 9));
        must(m.reviews.set_loved_answer(id, 1, answer));
        // ... and the laptop runs out of battery.
    }
    clock.advance(hours(26));
    Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
    auto open = m.reviews.unfinished();
    REQUIRE(open.size() == 1);
    CHECK(open[0].id == id);
    CHECK(m.reviews.start_this_week().id == id);  // starting again resumes
    auto r = *m.reviews.get(id);
    CHECK(r.step == ReviewStep::checkin);
    CHECK(r.went_well_note == "Dinner on Friday");
    CHECK(r.issue.source == IssueSource::new_topic);
    CHECK(r.issue.topic == "Chores");
    CHECK(r.issue.outcome == IssueOutcome::left);
    CHECK_FALSE(r.checkin[0].connection);
    CHECK(r.checkin[1].connection == 9);
    CHECK(r.checkin[1].loved_answer == answer);
    CHECK(m.gratitude.get(entry)->shared_in_review);
    CHECK(m.gratitude.week(ymd(2026, 9, 21)).given == std::array<int, 2>{1, 1});

    must(m.reviews.set_connection(id, 0, 6));
    must(m.reviews.next(id));
    must(m.reviews.finish(id));
    r = *m.reviews.get(id);
    CHECK(r.finished_at == clock.now());
    CHECK(r.checkin[0].connection == 6);
    CHECK(m.reviews.unfinished().empty());
}

TEST_CASE("Finished reviews are read-only until reopened, and browsable newest first", "[review]") {
    test::TestModel t;
    auto& rv = t.model.reviews;
    std::vector<std::string> ids;
    for (int w : {36, 37, 38, 39}) {
        auto id = must(rv.start({2026, w}));
        must(rv.set_loved_answer(id, 0, "Week " + std::to_string(w)));
        must(rv.set_connection(id, 1, w - 30));
        if (w != 38) must(rv.finish(id));
        t.clock.advance(minutes(1));
        ids.push_back(id);
    }
    CHECK(rv.history_count() == 3);
    auto h = rv.history(0, 10);
    REQUIRE(h.size() == 3);
    CHECK(h[0].week == IsoWeek{2026, 39});
    CHECK(h[1].week == IsoWeek{2026, 37});
    CHECK(h[2].week == IsoWeek{2026, 36});
    CHECK(h[1].checkin[0].loved_answer == "Week 37");
    CHECK(h[1].checkin[1].connection == 7);
    auto page = rv.history(1, 1);
    REQUIRE(page.size() == 1);
    CHECK(page[0].week == IsoWeek{2026, 37});
    CHECK(rv.last_finished()->week == IsoWeek{2026, 39});

    auto done = rv.set_loved_answer(ids[0], 0, "changed");
    CHECK(done.field == "id");
    CHECK_THAT(done.error, Catch::Contains("finished"));
    CHECK(rv.start({2026, 36}).field == "week");
    must(rv.reopen(ids[0]));
    must(rv.set_loved_answer(ids[0], 0, "changed"));
    CHECK(rv.history_count() == 2);

    auto c = rv.connections({2026, 35}, {2026, 39});
    REQUIRE(c.size() == 4);
    CHECK(c[0].week == IsoWeek{2026, 36});
    CHECK(c[0].connection[1] == 6);
    CHECK_FALSE(c[0].connection[0]);
}

TEST_CASE("The figures of a known week", "[review]") {
    test::KnownWeek k;
    Model& m = k.t.model;
    auto s = week_summary(m, {2026, 39});
    CHECK(s.monday == ymd(2026, 9, 21));
    CHECK(s.sunday == ymd(2026, 9, 27));
    CHECK(s.is_current);
    CHECK(s.appreciations.given == std::array<int, 2>{3, 2});
    REQUIRE(s.appreciations.newest.size() == 5);
    CHECK(s.quality_time.planned == 2);
    CHECK(s.quality_time.done == 2);
    CHECK(s.quality_time.skipped == 1);
    CHECK(s.quality_time.minutes_done == 180);
    CHECK(s.quality_time.hours_done() == Approx(3.0));
    REQUIRE(s.quality_time.next_up);
    CHECK(s.quality_time.next_up->title == "Cinema: \"Past Lives\"");
    CHECK(s.breaks.taken == std::array<int, 2>{0, 1});
    CHECK(s.breaks.back_on_time == 1);
    CHECK(s.breaks.open_topics == 0);  // talked through in the review
    CHECK(s.open_break_topics.empty());
    CHECK(s.listening.sessions == 1);
    CHECK(s.listening.finished == 1);
    CHECK(s.listening.felt_heard_avg[0] == Approx(4.0));
    CHECK(s.listening.felt_heard_avg[1] == Approx(5.0));
    REQUIRE(s.review);
    CHECK(s.review->id == k.review);
    CHECK(s.review->finished());
    CHECK(s.connection[0] == 8);
    CHECK(s.connection[1] == 7);
    REQUIRE(s.last_review);
    CHECK(s.last_review->id == k.review);
    CHECK_FALSE(s.empty());

    // What the review recorded.
    auto r = *s.review;
    CHECK(r.issue.source == IssueSource::break_topic);
    CHECK(r.issue.break_id == k.break_id);
    CHECK(r.issue.topic == "Who does the *dishes* on weekdays");
    CHECK(r.issue.outcome == IssueOutcome::listened);
    CHECK(r.issue.session_id == k.session);
    CHECK(r.plan_ids == std::vector<std::string>{k.cinema});
    CHECK(r.went_well_note == "A calm week.\nMore walks, please!");
    CHECK(m.gratitude.get(k.coffee)->shared_in_review);

    // The week before holds only Sunday's pancakes and the first walk (not done).
    auto before = week_summary(m, {2026, 38});
    CHECK(before.appreciations.given == std::array<int, 2>{0, 1});
    CHECK(before.quality_time.planned == 1);
    CHECK(before.quality_time.done == 0);
    CHECK_FALSE(before.review);
    CHECK(before.last_review);
    CHECK_FALSE(before.is_current);
    CHECK_FALSE(before.empty());
    CHECK(week_summary(m, {2026, 30}).empty());
}

TEST_CASE("Weeks are ISO weeks of local days: Monday start and year ends", "[review]") {
    test::TestModel t;
    Model& m = t.model;
    // 2026 has 53 ISO weeks: Sun 27 Dec is in W52, Mon 28 Dec .. Sun 3 Jan 2027 is W53.
    appreciate(m, 0, "a", ymd(2026, 12, 27));
    appreciate(m, 0, "b", ymd(2026, 12, 28));
    appreciate(m, 1, "c", ymd(2027, 1, 1));
    appreciate(m, 1, "d", ymd(2027, 1, 3));
    appreciate(m, 1, "e", ymd(2027, 1, 4));
    CHECK(iso_week(ymd(2027, 1, 1)) == IsoWeek{2026, 53});
    auto per = appreciations_per_week(m, {2027, 1}, 3);
    REQUIRE(per.size() == 3);
    CHECK(per[0] == std::array<int, 2>{1, 0});  // 2026-W52
    CHECK(per[1] == std::array<int, 2>{1, 2});  // 2026-W53
    CHECK(per[2] == std::array<int, 2>{0, 1});  // 2027-W01
    CHECK(week_summary(m, {2026, 53}).appreciations.given == std::array<int, 2>{1, 2});

    // 2020-W53 runs Mon 28 Dec 2020 .. Sun 3 Jan 2021; 2021 has no W53.
    appreciate(m, 0, "f", ymd(2020, 12, 27));
    appreciate(m, 0, "g", ymd(2020, 12, 28));
    appreciate(m, 0, "h", ymd(2021, 1, 3));
    appreciate(m, 0, "i", ymd(2021, 1, 4));
    CHECK(is_valid_iso_week({2020, 53}));
    CHECK_FALSE(is_valid_iso_week({2021, 53}));
    CHECK(add_weeks({2020, 52}, 1) == IsoWeek{2020, 53});
    CHECK(add_weeks({2020, 53}, 1) == IsoWeek{2021, 1});
    CHECK(add_weeks({2021, 1}, -2) == IsoWeek{2020, 52});
    CHECK(week_summary(m, {2020, 53}).appreciations.given == std::array<int, 2>{2, 0});
    CHECK(week_summary(m, {2020, 52}).appreciations.given == std::array<int, 2>{1, 0});
    CHECK(week_summary(m, {2021, 1}).appreciations.given == std::array<int, 2>{1, 0});
    auto trend = week_trends(m, {2021, 1}, 3);
    REQUIRE(trend.size() == 3);
    CHECK(trend[0].week == IsoWeek{2020, 52});
    CHECK(trend[1].week == IsoWeek{2020, 53});
    CHECK(trend[1].monday == ymd(2020, 12, 28));
    CHECK(trend[2].week == IsoWeek{2021, 1});
    CHECK(trend[1].appreciations == std::array<int, 2>{2, 0});
}

TEST_CASE("A break counts in the week of the local day it started", "[review]") {
    test::TestModel t;
    Model& m = t.model;
    // Sunday 2026-09-27 23:30 UTC is already Monday 28 Sep 01:30 in Berlin.
    advance_to(t.clock, ymd(2026, 9, 27), 23, 30);
    BreakRequest br;
    br.caller_slot = 0;
    br.minutes = 20;
    must(m.breaks.start(br));
    CHECK(week_summary(m, {2026, 39}).breaks.taken[0] == 1);
    CHECK(week_summary(m, {2026, 40}).breaks.taken[0] == 0);
    LocalZone berlin("Europe/Berlin");
    CHECK(week_summary(m, {2026, 39}).breaks.taken[0] == 0);
    CHECK(week_summary(m, {2026, 40}).breaks.taken[0] == 1);
}

TEST_CASE("Trends over 12 weeks keep gaps as gaps", "[review]") {
    test::KnownWeek k;
    Model& m = k.t.model;
    // Another review 5 weeks earlier, late, with one check-in only.
    auto old = must(m.reviews.start({2026, 34}));
    must(m.reviews.set_connection(old, 1, 5));
    auto trend = week_trends(m, {2026, 39});
    REQUIRE(trend.size() == 12);
    CHECK(trend.front().week == IsoWeek{2026, 28});
    CHECK(trend.back().week == IsoWeek{2026, 39});
    for (std::size_t i = 1; i < trend.size(); ++i) CHECK(days_between(trend[i - 1].monday, trend[i].monday) == 7);

    const auto& w39 = trend[11];
    CHECK(w39.appreciations == std::array<int, 2>{3, 2});
    CHECK(w39.quality_hours == Approx(3.0));
    CHECK(w39.felt_heard[0] == Approx(4.0));
    CHECK(w39.felt_heard[1] == Approx(5.0));
    CHECK(w39.connection[0] == 8);
    CHECK(w39.connection[1] == 7);

    const auto& w38 = trend[10];
    CHECK(w38.appreciations == std::array<int, 2>{0, 1});
    CHECK(w38.quality_hours == 0);
    CHECK_FALSE(w38.felt_heard[0]);   // no session: no value, not zero
    CHECK_FALSE(w38.connection[0]);   // no review: no value

    const auto& w34 = trend[6];
    CHECK_FALSE(w34.connection[0]);
    CHECK(w34.connection[1] == 5);
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(trend[i].appreciations == std::array<int, 2>{0, 0});
        CHECK_FALSE(trend[i].felt_heard[0]);
        CHECK_FALSE(trend[i].connection[1]);
    }
}

TEST_CASE("Migration 5 adds the review tables and keeps older rows", "[review]") {
    Database db = Database::open_memory();
    migrate(db, 4);
    migrate(db);
    CHECK(db.user_version() >= 5);
    auto& st = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('weekly_review', 'weekly_review_checkin', 'weekly_review_plan')");
    st.step();
    CHECK(st.integer(0) == 3);
    st.reset();
}

TEST_CASE("The 12-week trend is fast on a ten-year database", "[.][review-benchmark]") {
    test::TestModel t(false);
    fill_long_history(t.model, 10, 100'000);
    const IsoWeek now = iso_week(local_date(t.clock.now()));
    week_trends(t.model, now);  // warm the statement cache
    const auto start = steady_clock::now();
    constexpr int kRuns = 20;
    for (int i = 0; i < kRuns; ++i) week_trends(t.model, now);
    const double trend_ms = duration<double, std::milli>(steady_clock::now() - start).count() / kRuns;
    const auto s2 = steady_clock::now();
    for (int i = 0; i < kRuns; ++i) week_summary(t.model, now);
    const double summary_ms = duration<double, std::milli>(steady_clock::now() - s2).count() / kRuns;
    // Printed, never asserted: the benchmark program reports it too.
    WARN("12-week trend: " << trend_ms << " ms; week summary: " << summary_ms << " ms");
}

namespace {
// A review on its issue step with a break's topic chosen.
struct IssueChosen {
    test::TestModel t;
    std::string break_id, review;
    IssueChosen() {
        Model& m = t.model;
        BreakRequest br;
        br.topic = "Holidays with family";
        br.minutes = 20;
        break_id = must(m.breaks.start(br));
        t.clock.advance(minutes(25));
        m.breaks.tick();
        must(m.breaks.come_back(break_id));
        review = must(m.reviews.start_this_week());
        must(m.reviews.choose_issue(review, {IssueSource::break_topic, break_id, {}}));
    }
    int64_t count(const char* table) {
        auto& st = t.model.db.prepare(std::string("SELECT count(*) FROM ") + table);
        st.step();
        const int64_t n = st.integer(0);
        st.reset();
        return n;
    }
};
} // namespace

TEST_CASE("Listening to the review's issue starts the default exercise on it and records it, in one call", "[review]") {
    IssueChosen f;
    Model& m = f.t.model;
    auto started = m.reviews.listen_to_issue(f.review, m.sessions, m.exercises);
    REQUIRE(started.ok());
    auto session = m.sessions.get(started.id);
    REQUIRE(session);
    CHECK(session->exercise_id == m.exercises.default_id());
    CHECK(session->topic == "Holidays with family");
    CHECK(session->source_break == f.break_id);
    auto r = *m.reviews.get(f.review);
    CHECK(r.issue.outcome == IssueOutcome::listened);
    CHECK(r.issue.session_id == started.id);

    // Refused before anything starts: no topic chosen, or a session already under way.
    auto other = must(m.reviews.start(iso_week(ymd(2026, 9, 14))));
    CHECK(m.reviews.listen_to_issue(other, m.sessions, m.exercises).field == "issue");
    must(m.reviews.choose_issue(other, {IssueSource::new_topic, {}, "Chores"}));
    CHECK(m.reviews.listen_to_issue(other, m.sessions, m.exercises).field == "session");
    CHECK(m.reviews.get(other)->issue.outcome == IssueOutcome::none);
    CHECK(f.count("exercise_session") == 1);
}

TEST_CASE("A failure while recording the listening leaves neither the session nor the outcome", "[review]") {
    IssueChosen f;
    Model& m = f.t.model;
    // The second half fails (as a full disk would): the review cannot be written.
    m.db.exec("CREATE TEMP TRIGGER fail_listened BEFORE UPDATE ON weekly_review WHEN NEW.issue_outcome = 'listened'"
              " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    CHECK_THROWS_AS(m.reviews.listen_to_issue(f.review, m.sessions, m.exercises), DbError);
    CHECK(f.count("exercise_session") == 0);
    CHECK(f.count("exercise_step") == 0);
    CHECK_FALSE(m.sessions.current());
    CHECK_FALSE(m.sessions.next_wake());  // no step timer left running for a session that is not there
    CHECK(m.reviews.get(f.review)->issue.outcome == IssueOutcome::none);
    CHECK(m.breaks.get(f.break_id)->topic_status == TopicStatus::open);

    // Once the disk is back, the same command works: nothing was left half-done.
    m.db.exec("DROP TRIGGER fail_listened");
    auto started = m.reviews.listen_to_issue(f.review, m.sessions, m.exercises);
    REQUIRE(started.ok());
    CHECK(m.reviews.get(f.review)->issue.session_id == started.id);
}

TEST_CASE("An idea planned from the review is added to it in the same transaction", "[review]") {
    IssueChosen f;
    Model& m = f.t.model;
    const Date friday = ymd(2026, 10, 2);
    auto planned = m.reviews.plan_idea(f.review, m.planner, m.ideas, "movie-night", friday, kReviewIdeaMinute);
    REQUIRE(planned.ok());
    CHECK(m.reviews.get(f.review)->plan_ids == std::vector<std::string>{planned.id});
    CHECK(m.planner.get(planned.id)->start_minute == kReviewIdeaMinute);
    CHECK(m.ideas.get("movie-night")->times_used == 1);

    // Refused by the planner: nothing is added to the review.
    CHECK(m.reviews.plan_idea(f.review, m.planner, m.ideas, "no-such-idea", friday, kReviewIdeaMinute).field == "idea");
    CHECK(m.reviews.get(f.review)->plan_ids.size() == 1);

    // The second half fails: the plan made in the first half is taken back too.
    const int64_t plans = f.count("plan");
    m.db.exec("CREATE TEMP TRIGGER fail_review_plan BEFORE INSERT ON weekly_review_plan"
              " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    CHECK_THROWS_AS(m.reviews.plan_idea(f.review, m.planner, m.ideas, "movie-night", friday, kReviewIdeaMinute), DbError);
    CHECK(f.count("plan") == plans);
    CHECK(m.ideas.get("movie-night")->times_used == 1);
    CHECK(m.reviews.get(f.review)->plan_ids.size() == 1);

    // A finished review plans nothing.
    m.db.exec("DROP TRIGGER fail_review_plan");
    must(m.reviews.finish(f.review));
    CHECK(m.reviews.plan_idea(f.review, m.planner, m.ideas, "movie-night", friday, kReviewIdeaMinute).field == "id");
    CHECK(f.count("plan") == plans);
}

TEST_CASE("The model counts the appreciations each partner has read aloud", "[review]") {
    std::vector<GratitudeEntry> entries(5);
    entries[0].from_slot = 0, entries[0].shared_in_review = true;
    entries[1].from_slot = 0, entries[1].shared_in_review = false;
    entries[2].from_slot = 1, entries[2].shared_in_review = true;
    entries[3].from_slot = 1, entries[3].shared_in_review = true;
    entries[4].from_slot = 7, entries[4].shared_in_review = true;  // no such partner: not counted
    CHECK(read_aloud_by_partner(entries) == std::array<int, 2>{1, 2});
    CHECK(read_aloud_by_partner({}) == std::array<int, 2>{0, 0});
}

TEST_CASE("Several appreciations are read aloud at once, or none when one is from another week", "[review]") {
    test::TestModel t;
    Model& m = t.model;
    const std::string monday = appreciate(m, 0, "Thanks for the flowers", ymd(2026, 9, 21));
    const std::string tuesday = appreciate(m, 1, "Thanks for the lift", ymd(2026, 9, 22));
    const std::string last_week = appreciate(m, 1, "Thanks for Sunday's pancakes", ymd(2026, 9, 20));
    const std::string id = must(m.reviews.start_this_week());

    auto refused = m.reviews.mark_read_aloud(id, {monday, last_week});
    CHECK_FALSE(refused.ok());
    CHECK(refused.field == "appreciation");
    CHECK_FALSE(m.gratitude.get(monday)->shared_in_review);   // nothing half-done

    must(m.reviews.mark_read_aloud(id, {monday, tuesday}));
    CHECK(m.gratitude.get(monday)->shared_in_review);
    CHECK(m.gratitude.get(tuesday)->shared_in_review);
    CHECK_FALSE(m.gratitude.get(last_week)->shared_in_review);

    must(m.reviews.finish(id));
    CHECK_FALSE(m.reviews.mark_read_aloud(id, {monday}).ok());   // a finished review is read-only
}

TEST_CASE("A review whose week cannot be read is the week it started", "[review][range]") {
    test::TestModel t;
    auto r = t.model.reviews.start_this_week();
    REQUIRE(r.ok());
    t.model.db.exec("UPDATE weekly_review SET week = 'last week' WHERE id = '" + r.id + "'");
    t.model.reviews.reload();
    auto v = t.model.reviews.get(r.id);
    REQUIRE(v);
    CHECK(in_supported_range(v->monday));
    CHECK(v->monday == week_start(local_date(t.clock.now())));
    CHECK(v->week == iso_week(v->monday));
    CHECK(local_midnight(v->monday) <= t.clock.now());
}

TEST_CASE("\"Schedule it\" plans the talk like any other plan: Time together, the calendar, the dashboard", "[review][behave]") {
    IssueChosen f;
    Model& m = f.t.model;
    // Fake clock: Monday 21 Sep, about 14:40. The talk: Wednesday 23 Sep at 19:30.
    const Date wednesday = ymd(2026, 9, 23);
    auto scheduled = m.reviews.schedule_issue_talk(f.review, m.planner, wednesday, 19 * 60 + 30);
    REQUIRE(scheduled.ok());
    auto r = *m.reviews.get(f.review);
    CHECK(r.issue.outcome == IssueOutcome::scheduled);
    CHECK(r.issue.plan_id == scheduled.id);
    // In Time together, that week, on Wednesday at 19:30.
    auto week = m.planner.week(wednesday);
    REQUIRE(week.days[2].size() == 1);
    CHECK(week.days[2][0].plan_id == scheduled.id);
    CHECK(week.days[2][0].title == "Talk: Holidays with family");
    CHECK(week.days[2][0].start_minute == 19 * 60 + 30);
    CHECK(week.days[2][0].length_minutes == kIssueTalkMinutes);
    // In the calendar export, and next up on the dashboard.
    CHECK_THAT(ics_for_upcoming(m.planner, f.t.clock), Catch::Contains("Talk: Holidays with family"));
    auto next = m.planner.next_up(f.t.clock.now());
    REQUIRE(next);
    CHECK(next->plan_id == scheduled.id);
    // Scheduled again at another time: the same plan moves, no second one.
    auto again = m.reviews.schedule_issue_talk(f.review, m.planner, ymd(2026, 9, 24), 20 * 60);
    REQUIRE(again.ok());
    CHECK(again.id == scheduled.id);
    CHECK(f.count("plan") == 1);
    CHECK(m.planner.get(scheduled.id)->day == ymd(2026, 9, 24));
}

TEST_CASE("A talk scheduled over a planned date is seen as sharing its time", "[review][behave]") {
    IssueChosen f;
    Model& m = f.t.model;
    auto dinner = must(m.planner.add(test::one_off("Dinner at the little Greek place", ymd(2026, 9, 23), 19 * 60, 120)));
    auto scheduled = must(m.reviews.schedule_issue_talk(f.review, m.planner, ymd(2026, 9, 23), 19 * 60 + 30));
    auto clashes = m.planner.sharing_time_with(scheduled, ymd(2026, 9, 23));
    REQUIRE(clashes.size() == 1);
    CHECK(clashes[0].plan_id == dinner);
    CHECK(m.planner.sharing_time_with(scheduled, ymd(2026, 9, 22)).empty());
}

TEST_CASE("A failure while recording the scheduled talk leaves neither the plan nor the outcome", "[review][behave]") {
    IssueChosen f;
    Model& m = f.t.model;
    m.db.exec("CREATE TEMP TRIGGER fail_scheduled BEFORE UPDATE ON weekly_review WHEN NEW.issue_outcome = 'scheduled'"
              " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    CHECK_THROWS_AS(m.reviews.schedule_issue_talk(f.review, m.planner, ymd(2026, 9, 23), 19 * 60 + 30), DbError);
    CHECK(f.count("plan") == 0);
    CHECK(m.planner.week(ymd(2026, 9, 23)).days[2].empty());
    CHECK(m.reviews.get(f.review)->issue.outcome == IssueOutcome::none);
    m.db.exec("DROP TRIGGER fail_scheduled");
    CHECK(m.reviews.schedule_issue_talk(f.review, m.planner, ymd(2026, 9, 23), 19 * 60 + 30).ok());
    // Refused before anything is planned: a day that does not exist.
    CHECK(m.reviews.schedule_issue_talk(f.review, m.planner, ymd(2026, 2, 30), 600).field == "day");
    CHECK(f.count("plan") == 1);
}
