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
    CHECK(plan.preview == "Back at 21:40 tomorrow");
    CHECK(local_date(*plan.request.return_at) == add_days(local_date(u.t.clock.now()), 1));

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

TEST_CASE("The form: a break shorter than the floor is refused under the minutes", "[screens][breaks]") {
    BreaksUi u;
    u.screen.sync();
    u.screen.minutes = 1;
    CHECK(u.screen.start("").field == "minutes");
    CHECK_FALSE(u.screen.when_error().empty());
    u.screen.sync();
    CHECK(u.screen.active().empty());
    CHECK(u.screen.form_shown());
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
    CHECK(BreaksScreen::length_text(29'999) == "0 min");
    CHECK(BreaksScreen::length_text(90'000) == "2 min");
    CHECK(BreaksScreen::length_text(65 * 60'000) == "1 h 5 min");
    CHECK(BreaksScreen::length_text(24 * 60 * 60'000) == "24 h 0 min");
}
