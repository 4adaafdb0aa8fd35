// The listening exercise driven from the keyboard alone, every step drawn, and
// the weekly review drawn at every step.
#include "app_ui.h"
#include "demo_data.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

namespace {
constexpr int kRight = 262, kLeft = 263, kSpace = 32;

struct Ui : test::OwnedAppUi {
    SessionView current() {
        auto c = t.model.sessions.current();
        REQUIRE(c);
        return *c;
    }
};
} // namespace

TEST_CASE("The listening exercise runs from the keyboard, every step drawn", "[ui][listening]") {
    Ui u;
    REQUIRE(u.shell.select("listening"));
    u.frame();  // the setup form
    SessionSetup setup;
    setup.topic = "Weekends with your family \xF0\x9F\x8C\xBB";
    setup.first_speaker_slot = 1;
    REQUIRE(u.t.model.sessions.start(setup).ok());
    u.frame();
    auto s = u.current();
    CHECK(s.speaker_slot == 1);
    CHECK(s.floor_slot == 1);
    CHECK(s.step_index == 0);

    // Time runs past the planned length: the step is not cut off, the app is
    // asked to draw attention once, and the cue grows with frames requested.
    u.t.clock.advance(milliseconds(s.step_planned_ms + 2'000));
    auto wake = u.frame();
    CHECK(u.ctx.take_attention_request());
    CHECK(u.current().overtime);
    CHECK(u.current().step_index == 0);
    CHECK(wake);

    u.press(kSpace);  // pause
    CHECK(u.current().state == SessionState::paused);
    u.press(kRight);  // ignored while paused
    CHECK(u.current().step_index == 0);
    u.press(kSpace);  // resume
    CHECK(u.current().state == SessionState::running);

    u.press(kRight);  // share -> reflect: the listener has the floor
    CHECK(u.current().step_index == 1);
    CHECK(u.current().floor_slot == 0);
    u.press(kLeft);   // back one step
    CHECK(u.current().step_index == 0);
    u.press(kRight);
    u.press(kRight);  // reflect -> clarify
    auto clarify = u.current();
    REQUIRE(clarify.step);
    REQUIRE(clarify.step->check);
    u.press('N');     // "not quite": back to reflect, counted
    CHECK(u.current().step_index == 1);
    CHECK(u.current().clarify_loops == 1);
    u.press(kRight);
    u.press('Y');     // "you got it"
    CHECK(u.current().step_index == 3);
    // Through the rest of this turn and the swapped one, Enter and -> alike.
    for (int i = 0; i < 20 && u.t.model.sessions.current() && u.current().state != SessionState::closing; ++i) {
        u.press(i % 2 ? kRight : 257);
        if (auto c = u.t.model.sessions.current(); c && c->step && c->step->check) u.press('Y');
    }
    REQUIRE(u.current().state == SessionState::closing);
    u.frame();  // the closing form: ratings and notes
    SessionClosing closing;
    closing.ratings[0].felt_heard = 4;
    closing.ratings[1].felt_heard = 5;
    closing.topic_talked_through = true;
    REQUIRE(u.t.model.sessions.finish(u.current().id, closing).ok());
    u.frame();  // back to setup, with history
    CHECK_FALSE(u.t.model.sessions.current());
    auto history = u.t.model.sessions.history(0, 5);
    REQUIRE(history.size() == 1);
    CHECK(history[0].topic == setup.topic);
    CHECK(history[0].clarify_loops == 1);
}

TEST_CASE("An open break topic goes to the listening exercise in one click", "[ui][listening]") {
    Ui u;
    BreakRequest r;
    r.topic = "Money for the holidays";
    auto b = u.t.model.breaks.start(r);
    REQUIRE(b.ok());
    u.ctx.go_to(PanelId::listening, ListenAboutBreak{b.id});
    u.frame();
    u.frame();
    CHECK(u.shell.current_id() == "listening");
}

TEST_CASE("The weekly review draws at every step and finishes", "[ui][review]") {
    Ui u;
    GratitudeDraft d;
    d.text = "For the soup";
    d.day = local_date(u.t.clock.now());
    REQUIRE(u.t.model.gratitude.add(d).ok());
    REQUIRE(u.shell.select("review"));
    u.frame();  // the invitation with the five steps
    auto started = u.t.model.reviews.start_this_week();
    REQUIRE(started.ok());
    for (int step = 0; step < kReviewSteps; ++step) {
        for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000)}) {
            u.h.resize(size);
            u.frame();
            u.frame();
        }
        if (step + 1 < kReviewSteps) REQUIRE(u.t.model.reviews.next(started.id).ok());
    }
    REQUIRE(u.t.model.reviews.set_connection(started.id, 0, 8).ok());
    REQUIRE(u.t.model.reviews.finish(started.id).ok());
    u.frame();  // the invitation says it is done; history lists it
    CHECK(u.t.model.reviews.history_count() == 1);
}

TEST_CASE("Every review step draws with demo data and with ten years of history", "[ui][review]") {
    for (bool ten_years : {false, true}) {
        DYNAMIC_SECTION((ten_years ? "ten-year history" : "demo data")) {
            test::TestModel t(false);
            if (ten_years) fill_long_history(t.model, 10, 20000);
            else fill_demo_data(t.model);
            test::AppUi u(t);
            REQUIRE(u.shell.select("review"));
            u.frame();
            auto started = t.model.reviews.start_this_week();
            REQUIRE(started.ok());
            for (int step = 0; step < kReviewSteps; ++step) {
                for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000)}) {
                    u.h.resize(size);
                    u.frames(2);
                }
                if (step + 1 < kReviewSteps) REQUIRE(t.model.reviews.next(started.id).ok());
            }
            auto r = t.model.reviews.get(started.id);
            REQUIRE(r);
            CHECK(r->step == ReviewStep::plan);  // the flow was saved at the last step
        }
    }
}
