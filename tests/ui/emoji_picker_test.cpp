// The emoji picker (issue 12 item 4), driven by keyboard in a headless ImGui.
#include "guarded_text.h"
#include "app_ui.h"
#include "headless.h"
#include "kit/emoji_picker.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {
struct PickerFixture {
    test::TestModel t;
    test::Headless h{t.model.settings};
    ui::GuardedText field;
    ui::kit::EmojiPicker picker;
    int inserted = 0;
    std::function<void()> draw = [this] {
        ImGui::SetNextWindowPos(ImVec2(20, 20));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("w");
        field.single_line("##t", "hint");
        ImGui::SameLine();
        if (picker.button("compose", field, t.model.device, HEARTH_TEST_ASSETS_DIR)) ++inserted;
        ImGui::End();
    };
    void frames(int n = 2) {
        for (int i = 0; i < n; ++i) h.frame(draw);
    }
    void open() {
        picker.open();
        frames(3);
        REQUIRE(picker.is_open());
    }
};
} // namespace

TEST_CASE("Typing a name filters the picker and Enter inserts the emoji's bytes", "[ui][emoji]") {
    PickerFixture f;
    f.field.load("I love ");
    f.frames();
    f.open();
    f.h.type("sunf");
    f.frames();
    REQUIRE_FALSE(f.picker.shown_emoji().empty());
    CHECK(f.picker.shown_emoji()[0] == "🌻");
    f.h.press(test::Headless::kEnter, f.draw);
    f.frames();
    CHECK_FALSE(f.picker.is_open());
    CHECK(f.inserted == 1);
    CHECK(f.field.value() == "I love 🌻");

    SECTION("next time the recently used come first") {
        f.open();
        REQUIRE_FALSE(f.picker.shown_emoji().empty());
        CHECK(f.picker.shown_emoji()[0] == "🌻");
        f.h.press(test::Headless::kEnter, f.draw);  // the first one is selected
        f.frames();
        CHECK(f.field.value() == "I love 🌻🌻");
    }
    SECTION("a skin tone applies, chosen by keyboard, and is remembered") {
        f.open();
        f.h.press(test::Headless::kTab, f.draw);
        f.h.press(test::Headless::kTab, f.draw);  // medium-light
        f.h.type("thumbs up");
        f.frames();
        REQUIRE_FALSE(f.picker.shown_emoji().empty());
        CHECK(f.picker.shown_emoji()[0] == "👍🏼");
        f.h.press(test::Headless::kEnter, f.draw);
        f.frames();
        CHECK(f.field.value() == "I love 🌻👍🏼");
        CHECK(skin_tone(f.t.model.device) == 2);
    }
    SECTION("arrows move the choice; Escape closes without inserting") {
        f.open();
        f.h.type("heart");
        f.frames();
        auto shown = f.picker.shown_emoji();
        REQUIRE(shown.size() > 10);
        f.h.press(262 /* right */, f.draw);
        CHECK(f.picker.selected() == 1);
        f.h.press(264 /* down */, f.draw);
        CHECK(f.picker.selected() == 10);
        f.h.press(265 /* up */, f.draw);
        CHECK(f.picker.selected() == 1);
        f.h.press(test::Headless::kEscape, f.draw);
        f.frames();
        CHECK_FALSE(f.picker.is_open());
        CHECK(f.field.value() == "I love 🌻");
        CHECK(ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard);
    }
}

TEST_CASE("The picker's button opens it and the emoji goes where the cursor was", "[ui][emoji]") {
    PickerFixture f;
    f.field.load("ab");
    f.frames();
    // Put the cursor between a and b: focus the field, Home, Right.
    ImGui::SetWindowFocus("w");
    f.h.click_text("ab", f.draw);
    f.frames();
    f.h.press(268 /* Home */, f.draw);
    f.h.press(262 /* Right */, f.draw);
    f.frames();
    f.h.click(f.picker.button_center(), f.draw);  // the 🙂 button
    f.frames(3);
    REQUIRE(f.picker.is_open());
    f.h.type("red heart");
    f.frames();
    f.h.press(test::Headless::kEnter, f.draw);
    f.frames();
    CHECK(f.field.value() == "a❤️b");
}

TEST_CASE("From a planner box, Ctrl+. opens the picker, a name finds the emoji, Enter puts it at the cursor", "[ui][emoji]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::GuardedText field;
    ui::kit::EmojiPicker picker;
    field.load("ab");
    auto draw = [&] {
        ImGui::SetNextWindowPos(ImVec2(20, 20));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("w");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        field.single_line("##t", "hint");
        ImGui::SameLine();
        picker.button("title-emoji", field, t.model.device, HEARTH_TEST_ASSETS_DIR);
        ImGui::End();
    };
    for (int i = 0; i < 3; ++i) h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);
    h.press(268 /* Home */, draw);
    h.press(262 /* Right */, draw);
    h.press('.', draw, /*ctrl=*/true);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(picker.is_open());
    h.type("sunflower");
    h.frame(draw);
    REQUIRE_FALSE(picker.shown_emoji().empty());
    CHECK(picker.shown_emoji()[0] == "\xF0\x9F\x8C\xBB");
    h.press(test::Headless::kEnter, draw);
    h.frame(draw);
    h.frame(draw);
    CHECK_FALSE(picker.is_open());
    CHECK(field.value() == "a\xF0\x9F\x8C\xBB" "b");
    // The box has the keys again: typing goes on after the emoji.
    CHECK(ImGui::GetIO().WantTextInput);
    h.type("!");
    h.frame(draw);
    h.frame(draw);
    CHECK(field.value() == "a\xF0\x9F\x8C\xBB!b");
}

TEST_CASE("Enter in the picker opened from the welcome screen's name inserts the emoji and does not start Hearth",
          "[ui][emoji][first-run]") {
    test::OwnedAppUi u(false);
    u.frames(2);
    u.type("Maya");
    u.frames(1);
    u.press(test::Headless::kTab);  // to Maya's colours
    u.press(test::Headless::kTab);  // to the second name
    u.type("Sam");
    u.frames(1);
    u.press('.', /*ctrl=*/true);  // the picker, from Sam's box
    u.frames(2);
    u.type("sun");
    u.frames(2);
    u.press(test::Headless::kEnter);
    u.frames(2);
    INFO(test::screen_dump());
    CHECK_FALSE(u.t.model.couple.is_set_up());
    CHECK(test::find_text("Welcome to Hearth"));
    // The form is still there with the emoji in Sam's box: Enter now starts.
    u.press(test::Headless::kEnter);
    u.frames(2);
    REQUIRE(u.t.model.couple.is_set_up());
    const std::string sam = u.t.model.couple.partner(1).name;
    CHECK(sam.rfind("Sam", 0) == 0);
    CHECK(sam.size() > 3);
}

TEST_CASE("Enter in the picker opened from the appreciation box inserts the emoji and does not save", "[ui][emoji][gratitude]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    u.type("Thank you ");
    u.frame();
    u.press('.', /*ctrl=*/true);
    u.frames(2);
    u.type("sun");
    u.frames(2);
    u.press(test::Headless::kEnter);
    u.frames(2);
    CHECK(u.t.model.gratitude.count({}) == 0);
    u.press(test::Headless::kEnter);  // the box's own Enter saves
    u.frames(1);
    REQUIRE(u.t.model.gratitude.count({}) == 1);
    const std::string text = u.t.model.gratitude.page({}, 0, 1).front().text;
    CHECK(text.rfind("Thank you ", 0) == 0);
    CHECK(text.size() > std::string("Thank you ").size());
}
