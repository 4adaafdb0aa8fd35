// The listening exercise driven from the keyboard alone, every step drawn, and
// the weekly review drawn at every step.
#include "app_ui.h"
#include "demo_data.h"
#include "mouse.h"
#include "panel_registry.h"
#include "screen_text.h"
#include "visible_text.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

namespace {
// The key codes the backend delivers for ImGui's named keys (GLFW codes).
int code(ImGuiKey key) { return ImGui::GetKeyIndex(key); }

// What visible_text() read, its lines joined (a wrapped sentence reads whole).
std::string one_line(std::string text) {
    std::erase(text, '\n');
    return text;
}

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

    u.press(code(ImGuiKey_Space));  // pause
    CHECK(u.current().state == SessionState::paused);
    u.press(code(ImGuiKey_RightArrow));  // ignored while paused
    CHECK(u.current().step_index == 0);
    u.press(code(ImGuiKey_Space));  // resume
    CHECK(u.current().state == SessionState::running);

    u.press(code(ImGuiKey_RightArrow));  // share -> reflect: the listener has the floor
    CHECK(u.current().step_index == 1);
    CHECK(u.current().floor_slot == 0);
    CHECK(test::find_text("reflects back"));   // the listener talks, and the words say why
    CHECK_FALSE(test::find_text("has the floor"));
    u.press(code(ImGuiKey_LeftArrow));   // back one step
    CHECK(u.current().step_index == 0);
    u.press(code(ImGuiKey_RightArrow));
    u.press(code(ImGuiKey_RightArrow));  // reflect -> clarify
    auto clarify = u.current();
    REQUIRE(clarify.step);
    REQUIRE(clarify.step->check);
    u.press('N');     // "not quite": back to reflect, counted
    CHECK(u.current().step_index == 1);
    CHECK(u.current().clarify_loops == 1);
    u.press(code(ImGuiKey_RightArrow));
    u.press('Y');     // "you got it"
    CHECK(u.current().step_index == 3);
    // Through the rest of this turn and the swapped one, Enter and -> alike.
    for (int i = 0; i < 20 && u.t.model.sessions.current() && u.current().state != SessionState::closing; ++i) {
        u.press(code(i % 2 ? ImGuiKey_RightArrow : ImGuiKey_Enter));
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

namespace {
// One panel drawn on its own (no shell, no break banner), counting the
// queries each frame makes.
struct PanelAlone {
    test::AppUi& u;
    std::unique_ptr<ui::Panel> panel;
    PanelAlone(test::AppUi& u, std::string_view id) : u(u) {
        for (auto& p : ui::make_panels())
            if (p->id() == id) panel = std::move(p);
        REQUIRE(panel);
    }
    uint64_t frame_queries() {
        Database& db = u.ctx.model.db;
        const uint64_t before = db.queries();
        u.h.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("panel alone", nullptr, ImGuiWindowFlags_NoDecoration);
            panel->draw(u.ctx);
            ImGui::End();
        });
        return db.queries() - before;
    }
};
} // namespace

TEST_CASE("The review panel queries the model only when something changed", "[ui][review]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    test::AppUi u(t);
    PanelAlone review(u, "review");
    CHECK(review.frame_queries() > 0);
    CHECK(review.frame_queries() == 0);
    auto started = t.model.reviews.start_this_week();
    REQUIRE(started.ok());
    for (int step = 0; step < kReviewSteps; ++step) {
        INFO("step " << step + 1);
        CHECK(review.frame_queries() > 0);  // the step moved: read once
        for (int frame = 0; frame < 3; ++frame) CHECK(review.frame_queries() == 0);
        if (step + 1 < kReviewSteps) REQUIRE(t.model.reviews.next(started.id).ok());
    }
    // A change from elsewhere (another partner's appreciation) is read once.
    GratitudeDraft d;
    d.text = "For the flowers";
    d.day = local_date(t.clock.now());
    REQUIRE(t.model.gratitude.add(d).ok());
    CHECK(review.frame_queries() > 0);
    CHECK(review.frame_queries() == 0);
}

TEST_CASE("The listening and breaks panels make no queries while nothing moves", "[ui][listening][breaks]") {
    Ui u;
    PanelAlone listening(u, "listening"), breaks(u, "breaks");
    for (PanelAlone* p : {&listening, &breaks}) {
        p->frame_queries();
        CHECK(p->frame_queries() == 0);
    }
    // A paused exercise does not move.
    SessionSetup setup;
    setup.topic = "Weekends";
    auto s = u.t.model.sessions.start(setup);
    REQUIRE(s.ok());
    REQUIRE(u.t.model.sessions.pause(s.id).ok());
    CHECK(listening.frame_queries() > 0);
    u.t.clock.advance(seconds(10));
    CHECK(listening.frame_queries() == 0);
    // A running break is read again when its countdown's second changes only.
    REQUIRE(u.t.model.breaks.start({}).ok());
    CHECK(breaks.frame_queries() > 0);
    CHECK(breaks.frame_queries() == 0);
    u.t.clock.advance(milliseconds(1'000));
    CHECK(breaks.frame_queries() > 0);
    CHECK(breaks.frame_queries() == 0);
}

TEST_CASE("\"Listen to each other now\" starts the exercise on the review's topic and records it", "[ui][review]") {
    Ui u;
    auto started = u.t.model.reviews.start_this_week();
    REQUIRE(started.ok());
    REQUIRE(u.t.model.reviews.set_step(started.id, ReviewStep::issue).ok());
    REQUIRE(u.t.model.reviews.choose_issue(started.id, {IssueSource::new_topic, {}, "Chores at the weekend"}).ok());
    REQUIRE(u.shell.select("review"));
    u.frame();
    ImGuiWindow* step = test::drawn_window("/step_");  // the review step's own scrolling region
    REQUIRE(step);
    REQUIRE(test::click(u, step, test::id_in(step->ID, "Listen to each other now")));
    u.frame();
    auto session = u.t.model.sessions.current();
    REQUIRE(session);
    CHECK(session->topic == "Chores at the weekend");
    CHECK(session->exercise_id == u.t.model.exercises.default_id());
    auto review = u.t.model.reviews.get(started.id);
    CHECK(review->issue.outcome == IssueOutcome::listened);
    CHECK(review->issue.session_id == session->id);
    CHECK(u.shell.current_id() == "listening");
}

TEST_CASE("The listening keys do only what they say: arrows and Space never also move to or press another control",
          "[ui][listening][keys]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(640, 480)}) {
        INFO(size.x << "x" << size.y);
        Ui u;
        u.h.resize(size);
        REQUIRE(u.shell.select("listening"));
        u.frame();
        SessionSetup setup;
        setup.topic = "Weekends";
        setup.first_speaker_slot = 0;
        REQUIRE(u.t.model.sessions.start(setup).ok());
        u.frames(2);
        // No ring around the sidebar, the top bar or the panel area.
        const int steps_before = u.current().step_index;
        u.press(code(ImGuiKey_RightArrow));
        CHECK(u.current().step_index == steps_before + 1);
        CHECK_FALSE(test::focus_ring_around_an_area());
        u.press(code(ImGuiKey_LeftArrow));
        CHECK(u.current().step_index == steps_before);
        u.press(code(ImGuiKey_DownArrow));
        u.press(code(ImGuiKey_Escape));
        CHECK_FALSE(test::focus_ring_around_an_area());
        u.press(code(ImGuiKey_Space));  // pause, and nothing else
        CHECK(u.current().state == SessionState::paused);
        CHECK(u.current().step_index == steps_before);
        CHECK(u.shell.current_id() == "listening");
        CHECK_FALSE(ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId));
        u.press(code(ImGuiKey_Space));  // and on again
        CHECK(u.current().state == SessionState::running);
        CHECK(u.current().step_index == steps_before);
        CHECK_FALSE(ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId));
        CHECK_FALSE(test::focus_ring_around_an_area());
    }
}

TEST_CASE("The exercise's words never leave a full stop or a closing quote alone on a line, at any width",
          "[ui][listening]") {
    for (int text_size : {13, 28}) {
        test::TestModel t;
        t.model.settings.set(setting::text_size, text_size);
        test::AppUi u(t);
        REQUIRE(u.shell.select("listening"));
        SessionSetup setup;
        setup.topic = "Sunday mornings";
        REQUIRE(t.model.sessions.start(setup).ok());
        for (float width = 640; width <= 1600; width += 7) {
            u.h.resize(ImVec2(width, 900));
            u.frames(2);
            const std::string shown = test::visible_text("Hearth/content");
            std::size_t start = 0;
            while (start < shown.size()) {
                std::size_t end = shown.find('\n', start);
                if (end == std::string::npos) end = shown.size();
                const std::string line = shown.substr(start, end - start);
                start = end + 1;
                if (line.empty()) continue;
                INFO("at " << width << " px, text " << text_size << ": a line reads \"" << line << "\" in\n" << shown);
                CHECK(line.find_first_not_of(".,;:!?\"'\xE2\x80\x9D\xE2\x80\xA6") != std::string::npos);
            }
        }
    }
}

TEST_CASE("An exercise left for another screen shows on This week as in progress, with Resume", "[ui][listening]") {
    Ui u;
    REQUIRE(u.shell.select("listening"));
    u.frame();
    SessionSetup setup;
    setup.topic = "Sunday mornings";
    REQUIRE(u.t.model.sessions.start(setup).ok());
    u.frames(2);
    u.press(code(ImGuiKey_Space));  // paused, then the couple goes to This week
    REQUIRE(u.current().state == SessionState::paused);
    u.press('1', /*ctrl=*/true);
    u.frames(2);
    REQUIRE(u.shell.current_id() == "dashboard");
    const std::string maya = u.t.model.couple.partner(0).name;
    std::string shown = one_line(test::visible_text("Hearth/content"));
    INFO(shown);
    CHECK(shown.find(test::without_spaces("In progress: \xE2\x80\x9CSunday mornings\xE2\x80\x9D, turn 1 of 2, Share (" + maya +
                                          " talking), paused.")) != std::string::npos);
    CHECK(shown.find("Startalisteningexercise") == std::string::npos);
    REQUIRE(u.click_text("Resume"));
    u.frames(2);
    CHECK(u.shell.current_id() == "listening");
    CHECK(u.current().state == SessionState::running);
    // Running, it reads the same without "paused", and Resume only goes back to it.
    u.press('1', /*ctrl=*/true);
    u.frames(2);
    shown = one_line(test::visible_text("Hearth/content"));
    CHECK(shown.find(test::without_spaces("In progress: \xE2\x80\x9CSunday mornings\xE2\x80\x9D, turn 1 of 2, Share (" + maya +
                                          " talking).")) != std::string::npos);
    REQUIRE(u.click_text("Resume"));
    u.frames(2);
    CHECK(u.shell.current_id() == "listening");
    CHECK(u.current().state == SessionState::running);
}

TEST_CASE("Next stays where the mouse is: pressed again at the same spot, it moves on at every step",
          "[ui][listening]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(800, 600)}) {
        INFO(size.x << "x" << size.y);
        Ui u;
        u.h.resize(size);
        REQUIRE(u.shell.select("listening"));
        SessionSetup setup;
        setup.topic = "Weekends with your family";
        REQUIRE(u.t.model.sessions.start(setup).ok());
        u.frames(2);
        auto next = test::find_text("Next");
        REQUIRE(next);
        const ImVec2 at = test::centre(*next);
        int pressed = 0;
        for (int i = 0; i < 8 && u.current().state != SessionState::closing; ++i) {
            const SessionView before = u.current();
            if (before.step && before.step->check) {
                u.press('Y');  // a question moves on by its answer
                continue;
            }
            INFO("step " << before.step_index << " of turn " << before.turn << "\n" << test::screen_dump());
            u.click(at);
            u.frames(2);
            const SessionView after = u.current();
            CHECK((after.step_index != before.step_index || after.turn != before.turn ||
                   after.state == SessionState::closing));
            ++pressed;
        }
        CHECK(pressed >= 4);
    }
}
