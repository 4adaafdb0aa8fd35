// The harness itself: the screen reader finds what ImGui drew, and the mouse
// presses what a person would press.
#include "app_ui.h"
#include "screen_text.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("The screen reader finds drawn words where they are, and notices clipping", "[ui][harness]") {
    test::TestModel t;
    test::Headless h(t.model.settings, ImVec2(400, 300));
    auto draw = [] {
        ImGui::SetNextWindowPos(ImVec2(10, 20));
        ImGui::SetNextWindowSize(ImVec2(200, 100));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Button("Plan it");
        ImGui::TextUnformatted("caf\xC3\xA9 au lait");
        ImGui::SetCursorPosX(150);
        ImGui::TextUnformatted("Cut off here");
        ImGui::End();
    };
    h.frame(draw);
    h.frame(draw);
    auto plan = test::find_text("Plan it");
    REQUIRE(plan);
    CHECK(plan->text == "Plan it");
    CHECK(plan->min.x > 10);
    CHECK(plan->min.y > 20);
    CHECK(plan->fully_visible);
    auto cafe = test::find_text("caf\xC3\xA9");
    REQUIRE(cafe);
    CHECK(cafe->text == "caf\xC3\xA9 au lait");
    CHECK(cafe->min.y > plan->max.y);
    auto cut = test::find_text("Cut");
    REQUIRE(cut);
    CHECK_FALSE(cut->fully_visible);
    CHECK_FALSE(test::find_text("not drawn"));
    // A button label too long for its frame is cut short: the whole label is
    // not on screen, only its start.
    auto draw_narrow = [] {
        ImGui::SetNextWindowPos(ImVec2(10, 20));
        ImGui::SetNextWindowSize(ImVec2(200, 100));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Button("End early and go", ImVec2(60, 0));
        ImGui::End();
    };
    h.frame(draw_narrow);
    CHECK(test::find_text("End"));
    CHECK_FALSE(test::find_text("End early and go"));
}

TEST_CASE("A click lands on the button under the words, and only there", "[ui][harness]") {
    test::TestModel t;
    test::Headless h(t.model.settings, ImVec2(400, 300));
    int first = 0, second = 0;
    int value = 20;
    auto draw = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::Button("First")) ++first;
        if (ImGui::Button("Second")) ++second;
        ImGui::SetNextItemWidth(300);
        ImGui::SliderInt("##v", &value, 10, 20, "%d minutes");
        ImGui::End();
    };
    h.frame(draw);
    REQUIRE(h.click_text("Second", draw));
    CHECK(first == 0);
    CHECK(second == 1);
    CHECK_FALSE(h.click_text("Third", draw));
    // A drag to the left end of a slider, released there: the value stays.
    auto label = test::find_text("20 minutes");
    REQUIRE(label);
    ImVec2 from((label->min.x + label->max.x) / 2, (label->min.y + label->max.y) / 2);
    h.drag(from, ImVec2(2, from.y), draw);
    h.frame(draw);
    CHECK(value == 10);
    CHECK(test::find_text("10 minutes"));
}

TEST_CASE("The navigation opens a panel when its name is clicked", "[ui][harness]") {
    test::OwnedAppUi u;
    u.frames(2);
    REQUIRE(u.click_text("Settings"));
    u.frames(1);
    INFO(test::screen_dump());
    CHECK(test::find_text("Shortest break"));
    CHECK(u.t.model.settings.get(setting::last_panel) == "settings");
}
