// The weekly review's screen with no ImGui: what it reads and when, the step
// forms' rules, and commands that span features running as one.
#include "review_fixture.h"
#include "review_screen.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;
using test::must;
using test::ymd;

namespace {
struct ReviewUi {
    test::TestModel t;
    ReviewScreen screen{t.model, t.clock};
    uint64_t queries() const { return t.model.db.queries(); }
    // How many queries one sync makes.
    uint64_t sync_queries() { return test::queries_during(t.model.db, [&] { screen.sync(); }); }
    const WeeklyReview& under_way() {
        REQUIRE(screen.under_way());
        return *screen.under_way();
    }
    void to_step(ReviewStep step) {
        screen.sync();
        while (under_way().step != step) {
            REQUIRE(screen.next().ok());
            screen.sync();
        }
    }
};
} // namespace

TEST_CASE("The review screen reads the model only when something changed", "[screens][review]") {
    ReviewUi u;
    CHECK(u.sync_queries() > 0);  // the first sync reads everything
    CHECK(u.sync_queries() == 0);
    CHECK(u.sync_queries() == 0);
    CHECK_FALSE(u.screen.under_way());

    REQUIRE(u.screen.start().ok());
    CHECK(u.sync_queries() > 0);
    REQUIRE(u.screen.under_way());
    for (int frame = 0; frame < 5; ++frame) CHECK(u.sync_queries() == 0);
    // Asking for the suggested idea again reads nothing either.
    u.to_step(ReviewStep::plan);
    REQUIRE(u.screen.suggestion());
    const uint64_t before = u.queries();
    u.screen.suggestion();
    CHECK(u.sync_queries() == 0);
    CHECK(u.queries() == before);

    // Another feature changing is seen: a new appreciation written elsewhere.
    test::appreciate(u.t.model, 0, "For the tea", local_date(u.t.clock.now()));
    CHECK(u.sync_queries() > 0);
    CHECK(u.screen.appreciations().size() == 1);
    CHECK(u.sync_queries() == 0);
    // So is a new day.
    u.t.clock.advance(hours(24));
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);
}

TEST_CASE("Step 1: appreciations read aloud are counted for each partner by the model", "[screens][review]") {
    ReviewUi u;
    const Date today = local_date(u.t.clock.now());
    auto a = test::appreciate(u.t.model, 0, "For the soup", today);
    test::appreciate(u.t.model, 1, "For the lift", today);
    REQUIRE(u.screen.start().ok());
    u.screen.sync();
    CHECK(u.screen.read_aloud() == std::array<int, 2>{0, 0});
    REQUIRE(u.screen.set_shared(a, true).ok());
    u.screen.add_from = 1;
    REQUIRE(u.screen.add_appreciation("For listening on Tuesday").ok());  // added as read aloud
    u.screen.sync();
    CHECK(u.screen.appreciations().size() == 3);
    CHECK(u.screen.read_aloud() == std::array<int, 2>{1, 1});
    CHECK(u.screen.add_appreciation("   ").field == "text");
    CHECK_FALSE(u.screen.error().ok());
}

TEST_CASE("Step 3: the time to schedule the issue is typed as hh:mm and checked before saving", "[screens][review]") {
    ReviewUi u;
    REQUIRE(u.screen.start().ok());
    u.to_step(ReviewStep::issue);
    // Before a topic is chosen nothing can be done about it.
    CHECK(u.screen.leave_issue().field == "issue");
    REQUIRE(u.screen.choose_new_topic("Chores at the weekend").ok());
    u.screen.sync();
    CHECK(u.under_way().issue.topic == "Chores at the weekend");

    // The form starts at tomorrow, 19:30.
    CHECK(u.screen.schedule_time == "19:30");
    CHECK(u.screen.schedule_day == add_days(local_date(u.t.clock.now()), 1));
    for (const char* wrong : {"7:5", "24:00", "half past seven", ""}) {
        u.screen.schedule_time = wrong;
        INFO(wrong);
        CHECK(u.screen.schedule_issue().field == "time");
    }
    u.screen.sync();
    CHECK(u.under_way().issue.outcome == IssueOutcome::none);  // nothing saved
    u.screen.schedule_time = " 7:05 ";
    REQUIRE(u.screen.schedule_issue().ok());
    u.screen.sync();
    CHECK(u.under_way().issue.outcome == IssueOutcome::scheduled);
    // Scheduled as a plan, at the time and day typed.
    REQUIRE(u.under_way().issue.plan_id);
    auto plan = u.t.model.planner.get(*u.under_way().issue.plan_id);
    REQUIRE(plan);
    CHECK(plan->start_minute == 7 * 60 + 5);
    CHECK(plan->day == u.screen.schedule_day);
    CHECK_FALSE(u.screen.scheduled_talk().empty());
}

TEST_CASE("Step 3: listening now starts the session and records it, or does neither", "[screens][review]") {
    ReviewUi u;
    BreakRequest br;
    br.topic = "Money for the holidays";
    auto b = must(u.t.model.breaks.start(br));
    u.t.clock.advance(minutes(21));
    u.t.model.breaks.tick();
    must(u.t.model.breaks.come_back(b));
    REQUIRE(u.screen.start().ok());
    u.to_step(ReviewStep::issue);
    REQUIRE(u.screen.topics().size() == 1);
    const OpenTopic topic = u.screen.topics().front();
    CHECK_FALSE(u.screen.is_chosen(topic));
    REQUIRE(u.screen.choose_topic(topic).ok());
    u.screen.sync();
    CHECK(u.screen.is_chosen(topic));

    SECTION("a session already under way: refused, and the review is as it was") {
        SessionSetup other;
        other.topic = "Something else";
        must(u.t.model.sessions.start(other));
        CHECK(u.screen.listen_now().field == "session");
        u.screen.sync();
        CHECK(u.under_way().issue.outcome == IssueOutcome::none);
    }
    SECTION("the review cannot be written: no session is left either") {
        u.t.model.db.exec("CREATE TEMP TRIGGER fail BEFORE UPDATE ON weekly_review WHEN NEW.issue_outcome = 'listened'"
                          " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        CHECK_THROWS(u.screen.listen_now());
        CHECK_FALSE(u.t.model.sessions.current());
        CHECK(u.t.model.sessions.history_count() == 0);
        u.screen.sync();
        CHECK(u.under_way().issue.outcome == IssueOutcome::none);
    }
    SECTION("it works: one session on the break's topic, recorded on the review") {
        auto started = u.screen.listen_now();
        REQUIRE(started.ok());
        auto current = u.t.model.sessions.current();
        REQUIRE(current);
        CHECK(current->id == started.id);
        CHECK(current->topic == "Money for the holidays");
        u.screen.sync();
        CHECK(u.under_way().issue.outcome == IssueOutcome::listened);
        CHECK(u.under_way().issue.session_id == started.id);
    }
}

TEST_CASE("Step 4: choosing the rating shown again clears it", "[screens][review]") {
    ReviewUi u;
    REQUIRE(u.screen.start().ok());
    u.to_step(ReviewStep::checkin);
    REQUIRE(u.screen.toggle_connection(1, 8).ok());
    u.screen.sync();
    CHECK(u.under_way().checkin[1].connection == 8);
    REQUIRE(u.screen.toggle_connection(1, 6).ok());
    u.screen.sync();
    CHECK(u.under_way().checkin[1].connection == 6);
    REQUIRE(u.screen.toggle_connection(1, 6).ok());
    u.screen.sync();
    CHECK_FALSE(u.under_way().checkin[1].connection);
    REQUIRE(u.screen.set_loved_answer(0, "Make me a coffee on Monday").ok());
    u.screen.sync();
    CHECK(u.under_way().checkin[0].loved_answer == "Make me a coffee on Monday");
}

TEST_CASE("Step 5: the suggested idea is planned on next week's Friday and added to the review", "[screens][review]") {
    ReviewUi u;
    REQUIRE(u.screen.start().ok());
    u.to_step(ReviewStep::plan);
    const Date next_monday = add_days(u.under_way().monday, 7);
    CHECK(u.screen.plan_day == add_days(next_monday, 4));
    CHECK(u.screen.plan_last_day() == add_days(next_monday, 13));
    const Idea* idea = u.screen.suggestion();
    REQUIRE(idea);
    const std::string idea_id = idea->id;
    auto planned = u.screen.plan_suggestion();
    REQUIRE(planned.ok());
    u.screen.sync();
    CHECK(u.under_way().plan_ids == std::vector<std::string>{planned.id});
    auto plan = u.t.model.planner.get(planned.id);
    REQUIRE(plan);
    CHECK(plan->day == add_days(next_monday, 4));
    CHECK(plan->start_minute == kReviewIdeaMinute);
    CHECK(u.screen.next_week().all().size() == 1);
    // Another idea is offered next.
    REQUIRE(u.screen.suggestion());
    CHECK(u.t.model.ideas.get(idea_id)->times_used == 1);
}

TEST_CASE("A finished review is read again, and reopened to change it", "[screens][review]") {
    ReviewUi u;
    REQUIRE(u.screen.start().ok());
    u.to_step(ReviewStep::plan);
    REQUIRE(u.screen.finish().ok());
    u.screen.sync();
    CHECK_FALSE(u.screen.under_way());
    CHECK(u.screen.this_week_held());
    REQUIRE(u.screen.history().size() == 1);
    u.screen.view(u.screen.history().front().id);
    REQUIRE(u.screen.viewing());
    CHECK_FALSE(u.screen.viewing_markdown().empty());
    CHECK(u.sync_queries() == 0);
    REQUIRE(u.screen.reopen_viewed().ok());
    CHECK_FALSE(u.screen.viewing());
    u.screen.sync();
    REQUIRE(u.screen.under_way());
    CHECK(u.under_way().step == ReviewStep::plan);  // where it was
}
