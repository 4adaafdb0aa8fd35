// What a new user met around the panels (issue "nu"): the sidebar's words on
// hover, a notice that goes stale, Ctrl+Q; and the appreciations list's way
// into editing and its word when a search finds nothing.
#include "app_ui.h"
#include "lockable_app.h"
#include "mouse.h"
#include "screen_text.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace hearth;
using namespace std::chrono_literals;

namespace {

// The run drawn with exactly `text` whose left edge is left of `x`, or nullopt.
std::optional<test::TextRun> run_left_of(std::string_view text, float x) {
    for (const auto& r : test::screen_text())
        if (r.text == text && r.min.x < x) return r;
    return std::nullopt;
}

void save_appreciation(test::AppUi& u, const char* text) {
    u.type(text);
    u.frame();
    u.press(test::Headless::kEnter);
    u.frames(2);
}

} // namespace

TEST_CASE("Hovering a sidebar entry says what it is in the sidebar, never over the panel's form", "[ui][shell]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1180, 760));
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    ImGuiWindow* nav = test::drawn_window("Hearth/nav_");
    REQUIRE(nav);
    const float nav_right = nav->Rect().Max.x;
    auto item = run_left_of("Appreciations", nav_right);
    INFO(test::screen_dump());
    REQUIRE(item);
    u.h.mouse_move(test::centre(*item), [&] { u.shell.draw(); }, 3);
    INFO(test::screen_dump());
    CHECK_FALSE(test::drawn_window("##Tooltip"));
    auto hint = test::find_text("Write down what");
    REQUIRE(hint);
    CHECK(hint->max.x <= nav_right);
    CHECK(hint->fully_visible);
    CHECK(test::shown("(Ctrl+2)"));
}

TEST_CASE("A notice clears itself after a few seconds (the loop woken for it); a delete does not show an older one",
          "[ui][shell][gratitude]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    save_appreciation(u, "Thank you for the soup");
    REQUIRE(u.t.model.gratitude.count({}) == 1);
    CHECK(test::find_text("Saved for Sam."));
    auto wake = u.frame();
    REQUIRE(wake);
    CHECK(*wake <= 8.0);
    u.t.clock.advance(3s);
    u.frame();
    CHECK(test::find_text("Saved for Sam."));
    u.t.clock.advance(6s);
    u.frames(2);
    INFO(test::screen_dump());
    CHECK_FALSE(test::find_text("Saved for Sam."));

    SECTION("saved changes, then a delete: only the delete is said") {
        REQUIRE(u.click_text("Thank you for the soup"));
        u.frames(2);
        REQUIRE(u.click_text("Save changes"));
        u.frames(2);
        REQUIRE(test::find_text("Changes saved."));
        REQUIRE(u.click_text("Delete"));
        u.frames(2);
        REQUIRE(u.click_text("Really delete"));
        u.frames(2);
        INFO(test::screen_dump());
        CHECK(u.t.model.gratitude.count({}) == 0);
        CHECK(test::shown("Deleted an appreciation from Maya."));
        CHECK_FALSE(test::find_text("Changes saved."));
    }
}

TEST_CASE("Ctrl+Q asks the loop to close the window, also before the couple is set up", "[ui][shell]") {
    for (bool set_up : {true, false}) {
        INFO("set up: " << set_up);
        test::TestModel t(set_up);
        test::Headless h(t.model.settings);
        auto model = std::make_unique<Model>(Database::open_memory(), t.clock, HEARTH_TEST_ASSETS_DIR);
        if (set_up) REQUIRE(model->couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        ui::LockableApp app(t.clock, std::move(model));
        auto draw = [&] { app.draw(); };
        h.frame(draw);
        h.press('W', draw, /*ctrl=*/true);
        CHECK_FALSE(app.take_quit_request());
        h.press('Q', draw, /*ctrl=*/true);
        CHECK(app.take_quit_request());
        CHECK_FALSE(app.take_quit_request());  // asked once
    }
}

TEST_CASE("Appreciation rows say they open for editing: a hint over the list, \"Edit\" on the row under the pointer",
          "[ui][gratitude]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    save_appreciation(u, "Thank you for the soup");
    INFO(test::screen_dump());
    CHECK(test::shown("click one to edit or delete it"));
    CHECK_FALSE(test::find_text("Edit \xE2\x80\xBA"));
    auto row = test::find_text("Thank you for the soup");
    REQUIRE(row);
    u.h.mouse_move(test::centre(*row), [&] { u.shell.draw(); }, 2);
    auto cue = test::find_text("Edit \xE2\x80\xBA");
    REQUIRE(cue);
    CHECK(cue->fully_visible);
    u.click(test::centre(*cue));
    u.frames(2);
    CHECK(test::find_text("Delete"));
    CHECK(test::find_text("Save changes"));
}

TEST_CASE("A search that finds no appreciation says so, with the search, and a button clears it", "[ui][gratitude]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    save_appreciation(u, "Thank you for the soup");
    REQUIRE(u.click_text("Search the text"));
    u.type("xyz");
    u.frames(3);
    INFO(test::screen_dump());
    CHECK(test::shown("No appreciation matches \xE2\x80\x9Cxyz\xE2\x80\x9D this week."));
    CHECK_FALSE(test::shown("Nothing written down"));
    REQUIRE(u.click_text("Clear the search"));
    u.frames(3);
    CHECK(test::find_text("Thank you for the soup"));
    CHECK_FALSE(test::shown("No appreciation matches"));
}
