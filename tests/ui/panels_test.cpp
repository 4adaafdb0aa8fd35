// Every registered panel drawn headless for several frames, with demo data and
// with none, at a small and a large size; IM_ASSERT fails the test.
#include "app_context.h"
#include "demo_data.h"
#include "headless.h"
#include "panel_registry.h"
#include "shell.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace hearth;

namespace {

std::vector<std::string> panel_ids() {
    std::vector<std::string> ids;
    for (const auto& p : ui::make_panels()) ids.emplace_back(p->id());
    return ids;
}

void draw_every_panel(test::TestModel& t) {
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000), ImVec2(640, 480)}) {
        h.resize(size);
        for (const auto& id : panel_ids()) {
            INFO("panel " << id << " at " << size.x << "x" << size.y);
            REQUIRE(shell.select(id));
            for (int i = 0; i < 4; ++i) {
                h.frame([&] { shell.draw(); });
                t.clock.advance(std::chrono::milliseconds(16));
            }
            CHECK(shell.current_id() == id);
        }
    }
}

} // namespace

TEST_CASE("A failed IM_ASSERT is reported as a test failure, not a crash", "[ui]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ImGui::NewFrame();
    CHECK_THROWS_WITH(ImGui::PopStyleColor(1), Catch::Contains("IM_ASSERT failed"));
}

TEST_CASE("Panel ids are unique, and each panel has a title and summary", "[ui]") {
    std::set<std::string> seen;
    for (const auto& p : ui::make_panels()) {
        CHECK(seen.insert(std::string(p->id())).second);
        CHECK_FALSE(p->title().empty());
        CHECK_FALSE(p->summary().empty());
    }
    CHECK(seen.count("dashboard"));
    CHECK(seen.count("gratitude"));
}

TEST_CASE("Every panel draws with demo data", "[ui]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    draw_every_panel(t);
}

TEST_CASE("Every panel draws with no data yet", "[ui]") {
    test::TestModel t;
    draw_every_panel(t);
}

TEST_CASE("Every panel draws on a ten-year history", "[ui][slow]") {
    test::TestModel t(false);
    fill_long_history(t.model, 10, 20000);
    draw_every_panel(t);
}

TEST_CASE("First run: the couple enters two names and colours", "[ui]") {
    test::TestModel t(false);
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    auto draw = [&] { shell.draw(); };
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);  // the first name has focus
    // Enter with the names still empty is refused, inline.
    h.press(test::Headless::kEnter, draw);
    CHECK_FALSE(t.model.couple.is_set_up());
    // The keyboard alone sets the couple up: type, Tab, type, Enter.
    h.frame(draw);
    h.type("Zo\xC3\xAB");
    h.frame(draw);
    h.press(test::Headless::kTab, draw);
    h.type("Sam");
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    REQUIRE(t.model.couple.is_set_up());
    CHECK(t.model.couple.partner(0).name == "Zo\xC3\xAB");
    CHECK(t.model.couple.partner(1).name == "Sam");
    CHECK_FALSE(t.model.couple.partner(0).color == t.model.couple.partner(1).color);
    // Then the shell shows the panels.
    h.frame(draw);
    h.frame(draw);
}

TEST_CASE("Writing an appreciation: focus is in the text, Enter saves, Ctrl+Enter is a new line", "[ui]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    REQUIRE(shell.select("gratitude"));
    auto draw = [&] { shell.draw(); };
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);  // the text box took focus by itself
    h.type("Thank you for the soup");
    h.frame(draw);
    h.press(test::Headless::kEnter, draw, /*ctrl=*/true);
    h.type("when I was ill \xE2\x99\xA5");
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    REQUIRE(t.model.gratitude.count({}) == 1);
    auto e = t.model.gratitude.page({}, 0, 1).front();
    CHECK(e.text == "Thank you for the soup\nwhen I was ill \xE2\x99\xA5");
    CHECK(e.from_slot == 0);
    CHECK(e.day == local_date(t.clock.now()));
    // The box is empty and focused again for the next one.
    h.frame(draw);
    h.frame(draw);
    CHECK(ImGui::GetIO().WantTextInput);
}

TEST_CASE("An empty appreciation is refused inline and nothing is saved", "[ui]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    REQUIRE(shell.select("gratitude"));
    auto draw = [&] { shell.draw(); };
    h.frame(draw);
    h.frame(draw);
    h.type("   ");
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    CHECK(t.model.gratitude.count({}) == 0);
}

TEST_CASE("An emoji typed into a 16-bit build is saved as typed, not as U+FFFD", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    REQUIRE(shell.select("gratitude"));
    auto draw = [&] { shell.draw(); };
    h.frame(draw);
    h.frame(draw);
    h.type("Sunflowers ");
    h.type_codepoint(0x1F33B);  // 🌻, as GLFW's character callback delivers it
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    REQUIRE(t.model.gratitude.count({}) == 1);
    CHECK(t.model.gratitude.page({}, 0, 1).front().text == "Sunflowers \xF0\x9F\x8C\xBB");
}

TEST_CASE("Ctrl+number switches panels and the last panel is remembered", "[ui]") {
    test::TestModel t;
    {
        test::Headless h(t.model.settings);
        ui::AppContext ctx(t.model, t.clock);
        ui::Shell shell(ctx);
        auto draw = [&] { shell.draw(); };
        h.frame(draw);
        h.press('2', draw, /*ctrl=*/true);
        h.frame(draw);
        CHECK(shell.current_id() == ui::make_panels()[1]->id());
    }
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell again(ctx);
    CHECK(again.current_id() == ui::make_panels()[1]->id());
}

TEST_CASE("An appreciation being written survives closing Hearth", "[ui]") {
    test::TestModel t;
    {
        test::Headless h(t.model.settings);
        ui::AppContext ctx(t.model, t.clock);
        ui::Shell shell(ctx);
        REQUIRE(shell.select("gratitude"));
        auto draw = [&] { shell.draw(); };
        h.frame(draw);
        h.frame(draw);
        h.type("Half-written \xE2\x80\x94 ");
        h.type_codepoint(0x1F33B);
        h.frame(draw);
        h.frame(draw);
    }
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    ui::Shell shell(ctx);
    REQUIRE(shell.select("gratitude"));
    auto draw = [&] { shell.draw(); };
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    REQUIRE(t.model.gratitude.count({}) == 1);
    CHECK(t.model.gratitude.page({}, 0, 1).front().text == "Half-written \xE2\x80\x94 \xF0\x9F\x8C\xBB");
    CHECK(t.model.settings.get("draft.gratitude").empty());
}
