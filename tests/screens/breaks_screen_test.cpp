// The breaks' screen with no ImGui: the "call a break" form's rules, the way
// back, the pacer's rhythm, and how often the breaks are read.
#include "breaks_screen.h"
#include "review_fixture.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;
using test::must;

namespace {
struct BreaksUi {
    test::TestModel t;
    BreaksScreen screen{t.model, t.clock};
    uint64_t sync_queries() { return test::queries_during(t.model.db, [&] { screen.sync(); }); }
};
} // namespace

TEST_CASE("The form: for some minutes, or until a time typed as hh:mm", "[screens][breaks]") {
    BreaksUi u;  // Monday 14:13:20 UTC
    u.screen.sync();
    CHECK(u.screen.form_shown());
    CHECK(u.screen.minutes == kDefaultBreakMinutes);
    auto plan = u.screen.plan("Holidays");
    CHECK(plan.can_start);
    CHECK(plan.preview == "Back at 14:33");
    CHECK(plan.request.minutes == kDefaultBreakMinutes);
    CHECK(plan.request.topic == "Holidays");

    u.screen.by_clock = true;
    plan = u.screen.plan("");
    CHECK_FALSE(plan.can_start);  // no time typed yet
    CHECK_FALSE(plan.time_unreadable);
    CHECK(u.screen.when_error().empty());
    for (const char* wrong : {"25:00", "9.30", "soon"}) {
        INFO(wrong);
        u.screen.until = wrong;
        plan = u.screen.plan("");
        CHECK(plan.time_unreadable);
        CHECK_FALSE(plan.can_start);
        CHECK(u.screen.when_error() == "Type the return time as hours and minutes, like 21:40.");
    }
    u.screen.until = "21:40";
    plan = u.screen.plan("");
    CHECK(plan.can_start);
    CHECK(plan.preview == "Back at 21:40 today");
    REQUIRE(plan.request.return_at);
    CHECK(local_clock_time(*plan.request.return_at) == "21:40");
    CHECK_FALSE(plan.request.minutes);
    u.screen.tomorrow = true;
    plan = u.screen.plan("");
    CHECK(local_date(*plan.request.return_at) == add_days(local_date(u.t.clock.now()), 1));
    CHECK(plan.problem.find("more than 24 hours") != std::string::npos);  // said before Start
    CHECK(plan.preview.empty());
    CHECK_FALSE(plan.can_start);

    // Started: the form gives way to the break.
    u.screen.tomorrow = false;  // tomorrow evening is more than 24 hours away
    u.screen.caller_slot = 1;
    REQUIRE(u.screen.start("Holidays").ok());
    u.screen.sync();
    REQUIRE(u.screen.active().size() == 1);
    CHECK(u.screen.active()[0].caller_slot == 1);
    CHECK(u.screen.active()[0].return_clock == "21:40");
    CHECK_FALSE(u.screen.form_shown());
    u.screen.offer_form(true);
    CHECK(u.screen.form_offered());
}

TEST_CASE("The form: a break shorter than the floor is said so before Start, and refused", "[screens][breaks]") {
    BreaksUi u;
    u.screen.sync();
    u.screen.minutes = 1;
    auto plan = u.screen.plan("");
    CHECK_FALSE(plan.can_start);
    CHECK(plan.preview.empty());  // no "Back at" promised for a break that cannot start
    CHECK(plan.problem.find("is too short") != std::string::npos);
    CHECK(u.screen.start("").field == "minutes");
    u.screen.sync();
    CHECK(u.screen.active().empty());
    CHECK(u.screen.form_shown());
}

TEST_CASE("The form: a return time too soon is warned while typed, and the warning follows the clock", "[screens][breaks]") {
    BreaksUi u;  // Monday 14:13:20 UTC
    u.screen.sync();
    u.screen.by_clock = true;
    u.screen.until = local_clock_time(u.t.clock.now() + std::chrono::minutes(6));
    auto plan = u.screen.plan("");
    CHECK_FALSE(plan.can_start);
    CHECK(plan.preview.empty());
    CHECK(plan.problem.find("only 5 minutes from now") != std::string::npos);  // 14:19, at 14:13:20
    // Minutes later, on coming back to the form: about now, not the old try.
    u.t.clock.advance(std::chrono::minutes(3));
    plan = u.screen.plan("");
    CHECK(plan.problem.find("only 2 minutes from now") != std::string::npos);
    u.screen.until = local_clock_time(u.t.clock.now() + std::chrono::minutes(40));
    plan = u.screen.plan("");
    CHECK(plan.problem.empty());
    CHECK(plan.can_start);
    CHECK_FALSE(plan.preview.empty());
}

TEST_CASE("Breaks are read when they changed, or when a countdown's shown second did", "[screens][breaks]") {
    BreaksUi u;
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);  // no break: nothing to read

    REQUIRE(u.screen.start("").ok());
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);
    const int64_t shown = u.screen.active()[0].remaining_seconds;
    u.t.clock.advance(milliseconds(500));
    CHECK(u.sync_queries() == 0);  // the same second shows
    u.t.clock.advance(milliseconds(600));
    CHECK(u.sync_queries() > 0);
    CHECK(u.screen.active()[0].remaining_seconds == shown - 1);

    // Paused, the return time moves on with the clock: read once a second at most.
    REQUIRE(u.screen.toggle_pause(u.screen.active()[0]).ok());
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);
    u.t.clock.advance(seconds(1));
    CHECK(u.sync_queries() > 0);
    REQUIRE(u.screen.toggle_pause(u.screen.active()[0]).ok());

    // Over: "time to come back" stays still until the couple answers.
    u.t.clock.advance(minutes(kDefaultBreakMinutes));
    u.t.model.breaks.tick();
    CHECK(u.sync_queries() > 0);
    REQUIRE(u.screen.active().size() == 1);
    CHECK(u.screen.active()[0].state == BreakState::expired);
    u.t.clock.advance(seconds(5));
    CHECK(u.sync_queries() == 0);
}

TEST_CASE("The way back hands the chain's first break to the listening exercise", "[screens][breaks]") {
    BreaksUi u;
    REQUIRE(u.screen.start("Who hosts New Year").ok());
    u.t.clock.advance(minutes(21));
    u.t.model.breaks.tick();
    u.screen.sync();
    const std::string first = u.screen.active()[0].id;
    REQUIRE(u.screen.more_time(u.screen.active()[0], 10).ok());
    u.screen.sync();
    REQUIRE(u.screen.active().size() == 1);
    const BreakView follow_up = u.screen.active()[0];
    CHECK(follow_up.follow_up_of == first);
    // Refused while it still runs: the reason shows under that break.
    CHECK_FALSE(u.screen.come_back_to_listen(follow_up));
    CHECK_FALSE(u.screen.error_for(follow_up).empty());

    u.t.clock.advance(minutes(11));
    u.t.model.breaks.tick();
    u.screen.sync();
    auto handoff = u.screen.come_back_to_listen(u.screen.active()[0]);
    REQUIRE(handoff);
    CHECK(handoff->break_id == first);
    u.screen.sync();
    CHECK(u.screen.active().empty());
    CHECK(u.t.model.breaks.get(follow_up.id)->state == BreakState::returned);
}

TEST_CASE("A break's topic is edited in place and its status changed from the history", "[screens][breaks]") {
    BreaksUi u;
    REQUIRE(u.screen.start("").ok());
    u.screen.sync();
    const BreakView b = u.screen.active()[0];
    CHECK(u.screen.edit_topic(b).empty());
    CHECK(u.screen.editing_topic(b));
    REQUIRE(u.screen.save_topic(b, "Money").ok());
    CHECK_FALSE(u.screen.editing_topic(b));
    u.screen.sync();
    CHECK(u.screen.active()[0].topic == "Money");
    REQUIRE(u.screen.history().size() == 1);
    REQUIRE(u.screen.let_go(u.screen.history()[0]).ok());
    u.screen.sync();
    CHECK(u.screen.history()[0].topic_status == TopicStatus::dismissed);
    REQUIRE(u.screen.reopen_topic(u.screen.history()[0]).ok());
    u.screen.sync();
    CHECK(u.screen.history()[0].topic_status == TopicStatus::open);
}

TEST_CASE("The history pages in thirties", "[screens][breaks]") {
    BreaksUi u;
    for (int i = 0; i < BreaksScreen::kHistoryPage + 5; ++i) {
        REQUIRE(u.t.model.breaks.start({}).ok());
        REQUIRE(u.t.model.breaks.end_early(u.t.model.breaks.active()[0].id).ok());
    }
    u.screen.sync();
    CHECK(u.screen.history().size() == std::size_t(BreaksScreen::kHistoryPage));
    CHECK(u.screen.has_more_history());
    u.screen.show_more_history();
    CHECK(u.sync_queries() > 0);
    CHECK(u.screen.history().size() == std::size_t(BreaksScreen::kHistoryPage + 5));
    CHECK_FALSE(u.screen.has_more_history());
    CHECK(u.sync_queries() == 0);
}

TEST_CASE("The pacer's rhythm is kept in whole seconds for the couple", "[screens][breaks]") {
    test::TestModel t;
    {
        BreaksScreen screen(t.model, t.clock);
        CHECK(screen.pacer_shown());
        screen.set_rhythm(5.4, 0.6, 7.5);
        CHECK(screen.rhythm().in_seconds == 5);
        CHECK(screen.rhythm().hold_seconds == 1);
        CHECK(screen.rhythm().out_seconds == 8);
        screen.show_pacer(false);
    }
    BreaksScreen again(t.model, t.clock);
    CHECK(again.rhythm().in_seconds == 5);
    CHECK(again.rhythm().hold_seconds == 1);
    CHECK(again.rhythm().out_seconds == 8);
    CHECK_FALSE(again.pacer_shown());
}

TEST_CASE("Break lengths read to the nearest minute", "[screens][breaks]") {
    CHECK(BreaksScreen::length_text(20 * 60'000) == "20 min");
    CHECK(BreaksScreen::length_text(0) == "under a minute");  // not "0 min" for a break ended at once
    CHECK(BreaksScreen::length_text(29'999) == "under a minute");
    CHECK(BreaksScreen::length_text(59'999) == "under a minute");
    CHECK(BreaksScreen::length_text(90'000) == "2 min");
    CHECK(BreaksScreen::length_text(65 * 60'000) == "1 h 5 min");
    CHECK(BreaksScreen::length_text(24 * 60 * 60'000) == "24 h 0 min");
}

TEST_CASE("Ending a break early tells the topic's real status, and the history says it came back early",
          "[screens][breaks]") {
    BreaksUi u;
    REQUIRE(u.screen.start("Who does the dishes").ok());
    u.screen.sync();
    const BreakView shown = u.screen.active()[0];
    // Meanwhile a listening exercise settled the topic.
    REQUIRE(u.t.model.breaks.mark_topic_talked_through(shown.id).ok());
    u.t.clock.advance(minutes(3));
    REQUIRE(u.screen.end_early(shown).ok());
    const std::string notice = u.screen.take_notice();
    INFO(notice);
    CHECK(notice.find("talked through") != std::string::npos);
    CHECK(notice.find("stays open") == std::string::npos);
    u.screen.sync();
    REQUIRE(u.screen.history().size() == 1);
    CHECK(u.screen.history()[0].topic_status == TopicStatus::talked_through);
    CHECK(BreaksScreen::came_back_text(u.screen.history()[0]) == "early");

    // An open topic stays open, and says so.
    REQUIRE(u.screen.start("Holidays").ok());
    u.screen.sync();
    REQUIRE(u.screen.end_early(u.screen.active()[0]).ok());
    CHECK(u.screen.take_notice().find("stays open") != std::string::npos);

    // Back after the time was up: on time within the grace, else later.
    REQUIRE(u.screen.start("").ok());
    u.t.clock.advance(minutes(kDefaultBreakMinutes) + seconds(1));
    u.t.model.breaks.tick();
    u.screen.sync();
    REQUIRE(u.screen.come_back(u.screen.active()[0]).ok());
    u.screen.sync();
    CHECK(BreaksScreen::came_back_text(u.screen.history()[0]) == "on time");
}

TEST_CASE("A break ended at once reads \"under a minute\" in the notice and the history", "[screens][breaks]") {
    BreaksUi u;
    REQUIRE(u.screen.start("").ok());
    u.screen.sync();
    u.t.clock.advance(seconds(40));
    u.screen.sync();
    REQUIRE(u.screen.end_early(u.screen.active()[0]).ok());
    CHECK(u.screen.take_notice().find("less than a minute of 20 min") != std::string::npos);
    u.screen.sync();
    REQUIRE(u.screen.history()[0].actual_ms);
    CHECK(BreaksScreen::length_text(*u.screen.history()[0].actual_ms) == "under a minute");
}

TEST_CASE("A paused break has no return time: it says so, with the time left as the ring shows it", "[screens][breaks]") {
    BreaksUi u;
    REQUIRE(u.screen.start("").ok());
    u.screen.sync();
    u.t.clock.advance(seconds(90));
    u.screen.sync();
    const BreakView running = u.screen.active()[0];
    CHECK(BreaksScreen::when_back_text(running) == "Back at " + running.return_clock);
    CHECK(BreaksScreen::banner_text(running, "Maya") == "Maya's break: 18:30 left, back at " + running.return_clock + ". Open");
    CHECK(BreaksScreen::length_line(running) == "20 min break");
    REQUIRE(u.screen.toggle_pause(running).ok());
    u.t.clock.advance(minutes(5));
    u.screen.sync();
    const BreakView paused = u.screen.active()[0];
    CHECK(BreaksScreen::when_back_text(paused) == "Paused \xE2\x80\x94 18:30 left");
    const std::string banner = BreaksScreen::banner_text(paused, "Maya");
    CHECK(banner == "Maya's break is paused \xE2\x80\x94 18:30 left; the return time is set when you resume. Open");
    CHECK(banner.find(paused.return_clock) == std::string::npos);
    REQUIRE(u.screen.extend(paused, 5).ok());
    u.screen.sync();
    CHECK(BreaksScreen::length_line(u.screen.active()[0]) == "25 min break (5 min added)");
}

// Decision: "Until" starts at what "For" would give, now plus the chosen
// length, on the next five-minute mark (a time people say), never sooner; an
// example time unrelated to now ("21:40" at 13:51) read as a suggestion.
TEST_CASE("Choosing \"Until\" fills in now plus the chosen length, rounded up to five minutes", "[screens][breaks]") {
    BreaksUi u;  // 14:13:20
    u.screen.sync();
    CHECK(u.screen.suggested_until() == "14:35");
    u.screen.choose_by_clock(true);
    CHECK(u.screen.by_clock);
    CHECK(u.screen.until == "14:35");
    CHECK_FALSE(u.screen.tomorrow);
    auto plan = u.screen.plan("");
    CHECK(plan.can_start);
    CHECK(plan.preview == "Back at 14:35 today");
    // A time already typed is kept when switching back and forth.
    u.screen.choose_by_clock(false);
    u.screen.until = "16:00";
    u.screen.choose_by_clock(true);
    CHECK(u.screen.until == "16:00");

    // Late in the evening the suggestion is after midnight: tomorrow.
    BreaksUi late;
    const Date today = local_date(late.t.clock.now());
    late.t.clock.advance(duration_cast<milliseconds>(*local_time_on(today, "23:52") - late.t.clock.now()));
    late.screen.minutes = 30;
    late.screen.choose_by_clock(true);
    CHECK(late.screen.until == "00:25");
    CHECK(late.screen.tomorrow);
    CHECK(late.screen.plan("").can_start);
}
