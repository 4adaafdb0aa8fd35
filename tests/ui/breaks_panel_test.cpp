// The breaks panel in every state, and the shell's part: waking once a second
// while a countdown shows, sleeping otherwise, asking for attention at the end.
#include "app_ui.h"
#include "mouse.h"
#include "screen_text.h"
#include "visible_text.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

namespace {
using BreaksUi = test::OwnedAppUi;
using test::click;
using test::drawn_window;
using test::id_in;
} // namespace

TEST_CASE("With nothing moving, the app asks for no wake-up at all", "[ui][breaks]") {
    BreaksUi u;
    for (const char* id : {"dashboard", "gratitude", "settings"}) {
        REQUIRE(u.shell.select(id));
        u.frame();
        CHECK_FALSE(u.frame());
    }
}

TEST_CASE("The breaks panel draws in every state of a break", "[ui][breaks]") {
    BreaksUi u;
    Breaks& b = u.t.model.breaks;
    REQUIRE(u.shell.select("breaks"));
    u.frame();  // no break: the start form and the safety note

    BreakRequest r;
    r.caller_slot = 1;
    r.topic = "Holiday plans \xF0\x9F\x8C\xBB";
    auto id = b.start(r).id;
    REQUIRE(!id.empty());
    auto wake = u.frame();  // running, with the pacer: animation frames
    REQUIRE(wake);
    CHECK(*wake <= 0.06);

    REQUIRE(b.pause(id).ok());
    u.frame();
    REQUIRE(b.resume(id).ok());
    REQUIRE(b.extend(id, 10).ok());
    u.frame();

    // A second round at the same time, from the other partner.
    BreakRequest second;
    second.caller_slot = 0;
    second.minutes = 25;
    REQUIRE(b.start(second).ok());
    u.frame();
    CHECK(b.active().size() == 2);

    u.t.clock.advance(minutes(31));
    u.frame();  // the first ran out: "time to come back"
    CHECK(b.needs_attention());
    u.frame();
    REQUIRE(b.more_time(id, 10).ok());
    u.frame();
    u.t.clock.advance(minutes(40));
    u.frame();
    for (const auto& v : b.active())
        if (v.state == BreakState::expired) REQUIRE(b.come_back(v.id).ok());
    u.frame();
    CHECK(b.active().empty());
    CHECK(b.open_topics().size() == 1);
    // The history (collapsed by default) and the dashboard's open topics draw too.
    REQUIRE(u.shell.select("dashboard"));
    u.frame();
}

TEST_CASE("A running break wakes the app at its next second, from any panel", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("settings"));
    REQUIRE(u.t.model.breaks.start({}).ok());
    u.t.clock.advance(milliseconds(300));
    auto wake = u.frame();
    REQUIRE(wake);
    CHECK(*wake == Approx(0.7).margin(0.01));  // the countdown's next whole second
    CHECK_FALSE(u.ctx.take_attention_request());
}

TEST_CASE("When a break runs out the app asks for the couple's attention once", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("gratitude"));
    REQUIRE(u.t.model.breaks.start({}).ok());
    u.frame();
    u.t.clock.advance(minutes(20) + seconds(1));
    u.frame();
    CHECK(u.ctx.take_attention_request());
    u.frame();
    CHECK_FALSE(u.ctx.take_attention_request());
    CHECK(u.t.model.breaks.needs_attention());
}

TEST_CASE("\"We're back: listen to each other about it\" opens the listening exercise on the break's topic", "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = "Who hosts New Year \xF0\x9F\x8E\x86";
    auto id = u.t.model.breaks.start(r).id;
    REQUIRE(!id.empty());
    u.t.clock.advance(minutes(21));
    REQUIRE(u.shell.select("breaks"));
    u.frame();
    ImGuiWindow* content = drawn_window("Hearth/content_");
    REQUIRE(content);
    REQUIRE(click(u, content, id_in(id_in(content->ID, id), "We're back: listen to each other about it")));
    u.frame();
    CHECK(u.t.model.breaks.get(id)->state == BreakState::returned);
    CHECK(u.shell.current_id() == "listening");
    // The listening panel holds the break's topic: Begin starts on it.
    CHECK_FALSE(u.t.model.sessions.current());
    REQUIRE(click(u, drawn_window("Hearth/content_"), id_in(drawn_window("Hearth/content_")->ID, "Begin")));
    auto session = u.t.model.sessions.current();
    REQUIRE(session);
    CHECK(session->topic == r.topic);
    CHECK(session->source_break == id);
}

TEST_CASE("\"I need a break\" and the partner's button start a break from any screen", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frame();
    ImGuiWindow* nav = drawn_window("Hearth/nav_");
    REQUIRE(click(u, nav, id_in(nav->ID, "I need a break")));
    CHECK(u.t.model.breaks.active().empty());  // one click asks who
    ImGuiWindow* popup = drawn_window("##Popup_");
    REQUIRE(popup);
    const std::string sam = u.t.model.couple.partner(1).name + "  (2)##quick";
    REQUIRE(click(u, popup, id_in(id_in(popup->ID, 1), sam)));
    u.frame();
    auto active = u.t.model.breaks.active();
    REQUIRE(active.size() == 1);
    CHECK(active[0].caller_slot == 1);
    CHECK(active[0].total_ms() == kDefaultBreakMinutes * 60'000);
    CHECK(active[0].state == BreakState::running);
    CHECK(u.shell.current_id() == "breaks");
}

TEST_CASE("Calling a break from any screen takes Ctrl+B and the partner's number", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("dashboard"));
    u.frame();
    u.press('B', /*ctrl=*/true);
    CHECK(ImGui::IsPopupOpen("quick break", ImGuiPopupFlags_AnyPopupId));
    // The popup has a button per partner, numbered: 2 is Sam.
    u.frame();
    u.press('2');
    u.frame();
    auto active = u.t.model.breaks.active();
    REQUIRE(active.size() == 1);
    CHECK(active[0].caller_slot == 1);
    CHECK(active[0].total_ms() == kDefaultBreakMinutes * 60'000);
    CHECK(u.shell.current_id() == "breaks");
}

TEST_CASE("\"Who needs a break?\" opens beside its button, by a click or by Ctrl+B with the mouse far away",
          "[ui][breaks]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(640, 480)}) {
        for (bool by_keys : {false, true}) {
            INFO("at " << size.x << "x" << size.y << (by_keys ? ", Ctrl+B" : ", a click"));
            BreaksUi u;
            u.h.resize(size);
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            auto button = test::find_text("I need a break");
            REQUIRE(button);
            if (by_keys) {
                u.h.mouse_move(ImVec2(size.x * 0.7f, size.y * 0.5f), [&] { u.shell.draw(); });
                u.press('B', /*ctrl=*/true);
            } else {
                REQUIRE(u.click_text("I need a break"));
            }
            u.frames(3);
            ImGuiWindow* popup = drawn_window("##Popup_");
            REQUIRE(popup);
            const ImRect r = popup->Rect();
            const float em = ImGui::GetFontSize();
            // Next to the button, above or below it, not over it.
            const float gap = r.Min.y >= button->max.y ? r.Min.y - button->max.y : button->min.y - r.Max.y;
            CHECK(gap >= 0);
            CHECK(gap < em);
            CHECK(std::abs(r.Min.x - button->min.x) < 3 * em);
            // Sized to what it holds, whole in the window.
            CHECK(r.GetHeight() < 12 * em);
            CHECK(r.Min.y >= 0);
            CHECK(r.Max.y <= size.y);
        }
    }
}

TEST_CASE("A running break says how much of it is left; ending it early says what happened", "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = "The holiday";
    REQUIRE(u.t.model.breaks.start(r).ok());
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    u.t.clock.advance(minutes(8));
    u.frames(2);
    std::string shown = test::visible_text("Hearth/content");
    INFO(shown);
    CHECK(shown.find("12of20minleft") != std::string::npos);
    CHECK(shown.find("Running") == std::string::npos);

    REQUIRE(u.click_text("End early"));
    u.frames(2);
    ImGuiWindow* confirm = drawn_window("End early");
    REQUIRE(confirm);
    CHECK(test::visible_text("End early").starts_with("Endearly"));
    REQUIRE(u.click_text("End it now"));
    u.frames(2);
    CHECK(u.t.model.breaks.active().empty());
    const std::string maya = u.t.model.couple.partner(0).name;
    CHECK(u.ctx.notice.starts_with(maya + "'s break ended early, after 8 of 20 min."));
    const std::string after = test::visible_text();
    INFO(after);
    CHECK(after.find(test::without_spaces(maya + "'s break ended early, after 8 of 20 min.")) != std::string::npos);
}

TEST_CASE("While a break runs, the breaks panel says so and starts a second only when asked in words",
          "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    REQUIRE(u.t.model.breaks.start(r).ok());
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    std::string shown = test::visible_text("Hearth/content");
    INFO(shown);
    CHECK(shown.find("Callanotherbreak") == std::string::npos);
    CHECK(shown.find("Abreakisunderwayabove") != std::string::npos);
    REQUIRE(u.click_text("Start a second break"));
    u.frames(2);
    shown = test::visible_text("Hearth/content");
    CHECK(shown.find("Asecondbreak") != std::string::npos);
    // The second one starts only from its own form.
    CHECK(u.t.model.breaks.active().size() == 1);
    REQUIRE(u.click_text("Sam"));
    REQUIRE(u.click_text("Start the break"));
    u.frames(2);
    CHECK(u.t.model.breaks.active().size() == 2);
}
