// The listening exercise's screen with no ImGui: the setup form's rules, the
// closing, and how often the session is read.
#include "listening_screen.h"
#include "review_fixture.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;
using test::must;

namespace {
struct ListeningUi {
    test::TestModel t;
    ListeningScreen screen{t.model, t.clock};
    uint64_t sync_queries() { return test::queries_during(t.model.db, [&] { screen.sync(); }); }
    const SessionView& session() {
        REQUIRE(screen.session());
        return *screen.session();
    }
};
} // namespace

TEST_CASE("Setup: the model's default exercise, rounds and step lengths within limits", "[screens][listening]") {
    ListeningUi u;
    u.screen.sync();
    REQUIRE(u.screen.exercise());
    CHECK(u.screen.exercise()->id == u.t.model.exercises.default_id());
    const ExerciseDefinition& def = *u.screen.exercise();
    CHECK(u.screen.rounds() == def.default_rounds);
    u.screen.set_rounds(0);
    CHECK(u.screen.rounds() == 1);
    u.screen.set_rounds(kMaxRounds + 5);
    CHECK(u.screen.rounds() == kMaxRounds);
    const ExerciseStep& share = def.steps.front();
    CHECK(u.screen.step_seconds(share) == share.duration_seconds);
    u.screen.set_step_minutes(share, 2.3f);  // half minutes
    CHECK(u.screen.step_seconds(share) == 150);
    u.screen.set_step_minutes(share, 0.0f);
    CHECK(u.screen.step_seconds(share) == kMinStepSeconds);

    // Another exercise starts from its own defaults.
    for (const auto& other : u.t.model.exercises.all()) {
        if (other.id == def.id) continue;
        u.screen.choose_exercise(other.id);
        CHECK(u.screen.exercise()->id == other.id);
        CHECK(u.screen.rounds() == other.default_rounds);
        CHECK(u.screen.step_seconds(other.steps.front()) == other.steps.front().duration_seconds);
        break;
    }
}

TEST_CASE("Setup: a refusal is shown under the field it names, and Begin starts the session", "[screens][listening]") {
    ListeningUi u;
    u.screen.sync();
    CHECK(u.screen.begin("  ").field == "topic");
    CHECK_FALSE(u.screen.field_error("topic").empty());
    CHECK(u.screen.begin_error().empty());
    CHECK(u.screen.showing() == ListeningScreen::Showing::setup);

    u.screen.first_speaker = 1;
    u.screen.set_rounds(2);
    REQUIRE(u.screen.begin("Weekends with your family").ok());
    CHECK(u.screen.field_error("topic").empty());
    u.screen.sync();
    CHECK(u.screen.showing() == ListeningScreen::Showing::running);
    CHECK(u.session().speaker_slot == 1);
    CHECK(u.session().turns_total == 4);
    // One at a time: the refusal shows under Begin.
    CHECK(u.screen.begin("Another").field == "session");
}

TEST_CASE("Setup: a break's open topic is used until the couple types their own", "[screens][listening]") {
    ListeningUi u;
    BreakRequest r;
    r.topic = "Who hosts New Year";
    auto b = must(u.t.model.breaks.start(r));
    u.screen.sync();
    REQUIRE(u.screen.open_topics().size() == 1);
    auto topic = u.screen.choose_break_topic(b);
    REQUIRE(topic);
    CHECK(*topic == "Who hosts New Year");
    CHECK(u.screen.from_break == b);
    u.screen.topic_typed();
    CHECK_FALSE(u.screen.from_break);
    REQUIRE(u.screen.choose_break_topic(b));
    REQUIRE(u.screen.begin("ignored: the break's topic is used").ok());
    CHECK_FALSE(u.screen.from_break);
    u.screen.sync();
    CHECK(u.session().topic == "Who hosts New Year");
    CHECK(u.session().source_break == b);
    CHECK_FALSE(u.screen.choose_break_topic("no-such-break"));
}

TEST_CASE("The session is read only when it changed, or when its timer's shown second did", "[screens][listening]") {
    ListeningUi u;
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);  // setup, nothing changed

    REQUIRE(u.screen.begin("Screen time in bed").ok());
    CHECK(u.sync_queries() > 0);
    CHECK(u.sync_queries() == 0);  // the same shown second
    u.t.clock.advance(milliseconds(400));
    CHECK(u.sync_queries() == 0);
    const int64_t shown = u.session().step_remaining_seconds;
    u.t.clock.advance(milliseconds(700));  // the countdown moved on a second
    CHECK(u.sync_queries() > 0);
    CHECK(u.session().step_remaining_seconds == shown - 1);
    CHECK(u.sync_queries() == 0);

    REQUIRE(u.screen.toggle_pause().ok());
    CHECK(u.sync_queries() > 0);
    CHECK(u.session().state == SessionState::paused);
    u.t.clock.advance(seconds(30));
    CHECK(u.sync_queries() == 0);  // paused: nothing moves
    REQUIRE(u.screen.toggle_pause().ok());

    // Overtime: the cue grows, read every frame, then holds still.
    u.t.clock.advance(milliseconds(u.session().step_planned_ms));
    u.t.model.sessions.tick();
    u.screen.sync();
    CHECK(u.session().overtime);
    CHECK(u.screen.cue_growth() < 1.0);
    CHECK(u.sync_queries() > 0);
    u.t.clock.advance(milliseconds(ListeningScreen::kCueGrowMs));
    u.screen.sync();
    CHECK(u.screen.cue_growth() == 1.0);
    CHECK(u.sync_queries() == 0);
}

TEST_CASE("Ended early: the ratings are asked for that session, or skipped", "[screens][listening]") {
    ListeningUi u;
    REQUIRE(u.screen.begin("Chores").ok());
    u.screen.sync();
    REQUIRE(u.screen.end_early().ok());
    u.screen.sync();
    CHECK(u.screen.showing() == ListeningScreen::Showing::closing);
    CHECK(u.session().state == SessionState::ended_early);
    CHECK(u.screen.closing_is_new());
    CHECK_FALSE(u.screen.closing_is_new());  // the form is kept while it shows

    SECTION("skipped") {
        u.screen.skip_rating();
        CHECK(u.screen.showing() == ListeningScreen::Showing::setup);
    }
    SECTION("rated") {
        u.screen.closing.ratings[1].felt_heard = 4;
        CHECK(u.screen.finish({"", "Thank you"}).ok());
        u.screen.sync();
        CHECK(u.screen.showing() == ListeningScreen::Showing::setup);
        REQUIRE(u.screen.history().size() == 1);
        CHECK(u.screen.history().front().felt_heard(1) == 4);
    }
    SECTION("a note needs a rating: refused under that partner's rating") {
        CHECK(u.screen.finish({"Only words", ""}).field == "felt_heard.0");
        CHECK_FALSE(u.screen.field_error("felt_heard.0").empty());
        u.screen.sync();
        CHECK(u.screen.showing() == ListeningScreen::Showing::closing);
    }
}

TEST_CASE("The step timer reads minutes and seconds, rounded up", "[screens][listening]") {
    CHECK(ListeningScreen::timer_text(120'000) == "2:00");
    CHECK(ListeningScreen::timer_text(119'001) == "2:00");
    CHECK(ListeningScreen::timer_text(5'000) == "0:05");
    CHECK(ListeningScreen::timer_text(1) == "0:01");
    CHECK(ListeningScreen::timer_text(0) == "0:00");
    CHECK(ListeningScreen::timer_text(75 * 60'000) == "75:00");
}
