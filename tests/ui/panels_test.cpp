// Every registered panel drawn headless for several frames, with demo data and
// with none, at a small and a large size; IM_ASSERT fails the test.
#include "app_ui.h"
#include "demo_data.h"
#include "fonts.h"
#include "panel_registry.h"
#include "visible_text.h"

#include <catch2/catch.hpp>

#include <sstream>

#include <set>

using namespace hearth;

namespace {

struct PanelName {
    std::string id;
    std::string title;
};
std::vector<PanelName> panel_names() {
    std::vector<PanelName> names;
    for (const auto& p : ui::make_panels()) names.push_back({std::string(p->id()), std::string(p->title())});
    return names;
}

// The heading over the panel area, as the last frame drew it (the first line
// in the heading font; a panel may add to it, as the breaks panel's "Back at").
std::string shown_heading() { return test::first_line("Hearth/content_", ui::fonts().heading); }

void draw_every_panel(test::TestModel& t) {
    test::AppUi u(t);
    for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000), ImVec2(640, 480)}) {
        u.h.resize(size);
        for (const auto& [id, title] : panel_names()) {
            INFO("panel " << id << " at " << size.x << "x" << size.y);
            REQUIRE(u.shell.select(id));
            for (int i = 0; i < 4; ++i) {
                u.frame();
                t.clock.advance(std::chrono::milliseconds(16));
                // Still the panel asked for, under its own heading.
                CHECK_THAT(shown_heading(), Catch::StartsWith(test::without_spaces(title)));
            }
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
    test::OwnedAppUi u(false);
    auto& t = u.t;
    u.frames(3);
    REQUIRE(ImGui::GetIO().WantTextInput);  // the first name has focus
    // Enter with the names still empty is refused, inline.
    u.press(test::Headless::kEnter);
    CHECK_FALSE(t.model.couple.is_set_up());
    // The keyboard alone sets the couple up: type, Tab (past Zoë's colours), Tab, type, Enter.
    u.frame();
    u.type("Zo\xC3\xAB");
    u.frame();
    u.press(test::Headless::kTab);
    u.press(test::Headless::kTab);
    u.type("Sam");
    u.frame();
    u.press(test::Headless::kEnter);
    REQUIRE(t.model.couple.is_set_up());
    CHECK(t.model.couple.partner(0).name == "Zo\xC3\xAB");
    CHECK(t.model.couple.partner(1).name == "Sam");
    CHECK_FALSE(t.model.couple.partner(0).color == t.model.couple.partner(1).color);
    // Then the shell shows the panels.
    u.frames(2);
}

TEST_CASE("Writing an appreciation: focus is in the text, Enter saves, Ctrl+Enter is a new line", "[ui]") {
    test::OwnedAppUi u;
    auto& t = u.t;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    REQUIRE(ImGui::GetIO().WantTextInput);  // the text box took focus by itself
    u.type("Thank you for the soup");
    u.frame();
    u.press(test::Headless::kEnter, /*ctrl=*/true);
    u.type("when I was ill \xE2\x99\xA5");
    u.frame();
    u.press(test::Headless::kEnter);
    REQUIRE(t.model.gratitude.count({}) == 1);
    auto e = t.model.gratitude.page({}, 0, 1).front();
    CHECK(e.text == "Thank you for the soup\nwhen I was ill \xE2\x99\xA5");
    CHECK(e.from_slot == 0);
    CHECK(e.day == local_date(t.clock.now()));
    // The box is empty and focused again for the next one.
    u.frames(2);
    CHECK(ImGui::GetIO().WantTextInput);
}

TEST_CASE("An empty appreciation is refused inline and nothing is saved", "[ui]") {
    test::OwnedAppUi u;
    auto& t = u.t;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(2);
    u.type("   ");
    u.frame();
    u.press(test::Headless::kEnter);
    CHECK(t.model.gratitude.count({}) == 0);
}

TEST_CASE("An emoji typed into a 16-bit build is saved as typed, not as U+FFFD", "[ui][unicode]") {
    test::OwnedAppUi u;
    auto& t = u.t;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(2);
    u.type("Sunflowers ");
    u.type_codepoint(0x1F33B);  // 🌻, as GLFW's character callback delivers it
    u.frame();
    u.press(test::Headless::kEnter);
    REQUIRE(t.model.gratitude.count({}) == 1);
    CHECK(t.model.gratitude.page({}, 0, 1).front().text == "Sunflowers \xF0\x9F\x8C\xBB");
}

TEST_CASE("Ctrl+number switches panels and the last panel is remembered", "[ui]") {
    test::TestModel t;
    const auto second = panel_names()[1];
    REQUIRE(second.id == "gratitude");
    {
        test::AppUi u(t);
        u.frame();
        CHECK_THAT(shown_heading(), Catch::StartsWith(test::without_spaces(panel_names()[0].title)));
        u.press('2', /*ctrl=*/true);
        u.frame();
        // The appreciations panel shows, with its compose box.
        CHECK_THAT(shown_heading(), Catch::StartsWith(test::without_spaces(second.title)));
        CHECK_THAT(test::visible_text("Hearth/content_"), Catch::Contains("Saveappreciation"));
    }
    // Kept on this machine, not in the couple's data.
    CHECK(t.model.device.get(setting::last_panel.key) == "gratitude");
    test::AppUi again(t);  // as after a restart
    again.frame();
    CHECK_THAT(shown_heading(), Catch::StartsWith(test::without_spaces(second.title)));
    CHECK_THAT(test::visible_text("Hearth/content_"), Catch::Contains("Saveappreciation"));
}

TEST_CASE("An appreciation being written survives closing Hearth", "[ui]") {
    test::TestModel t;
    {
        test::AppUi u(t);
        REQUIRE(u.shell.select("gratitude"));
        u.frames(2);
        u.type("Half-written \xE2\x80\x94 ");
        u.type_codepoint(0x1F33B);
        u.frames(2);
    }
    test::AppUi u(t);  // as after a restart
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    u.press(test::Headless::kEnter);
    REQUIRE(t.model.gratitude.count({}) == 1);
    CHECK(t.model.gratitude.page({}, 0, 1).front().text == "Half-written \xE2\x80\x94 \xF0\x9F\x8C\xBB");
    CHECK(t.model.device.draft("gratitude").empty());
}

TEST_CASE("The appreciations, dashboard and settings draw a frame with no query when nothing changed", "[ui]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    test::AppUi u(t);
    // The panel alone: the shell's break banner reads the running breaks
    // each frame, which is the breaks' part.
    auto panel_frame = [&] {
        u.h.frame([&] {
            ImGui::Begin("Hearth");
            u.shell.current().draw(u.ctx);
            ImGui::End();
        });
    };
    for (const char* id : {"dashboard", "gratitude", "settings"}) {
        INFO("panel " << id);
        REQUIRE(u.shell.select(id));
        u.frames(3);
        uint64_t before = t.model.db.queries();
        panel_frame();
        panel_frame();
        CHECK(t.model.db.queries() == before);
    }
    // A change is read once: a new appreciation, then the gratitude list again.
    REQUIRE(u.shell.select("gratitude"));
    u.frames(2);
    GratitudeDraft d;
    d.text = "For the umbrella";
    d.day = local_date(t.clock.now());
    REQUIRE(t.model.gratitude.add(d).ok());
    uint64_t before = t.model.db.queries();
    panel_frame();
    CHECK(t.model.db.queries() - before == 2);  // the count, and the first page
    before = t.model.db.queries();
    panel_frame();
    CHECK(t.model.db.queries() == before);
}

TEST_CASE("The dashboard keeps a partner's name and rating together (\"Sam 5★\") and every topic's buttons in its card, "
          "at every width",
          "[ui][dashboard]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    test::AppUi u(t);
    REQUIRE(u.shell.select("dashboard"));
    int ratings_seen = 0;
    for (float width = 640; width <= 1600; width += 8) {
        u.h.resize(ImVec2(width, 3000));  // tall: the whole dashboard at once
        u.frames(2);
        INFO("width " << width << "\n" << test::screen_dump());
        int let_go = 0;
        for (const auto& run : test::screen_text()) {
            // (A small button's frame is one line high: the harness font's
            // descenders may be clipped at its foot, never its sides.)
            if (run.text.rfind("Let", 0) == 0 && run.text.size() <= 6) {
                ++let_go;
                CHECK_FALSE(run.cut_across);
            }
            if (run.text.find("\xE2\x98\x85") == std::string::npos) continue;
            ++ratings_seen;
            const bool named = run.text.find(t.model.couple.partner(0).name) != std::string::npos ||
                               run.text.find(t.model.couple.partner(1).name) != std::string::npos;
            CHECK(named);  // never the stars alone on a line
            CHECK(run.max.y - run.min.y < 1.5f * ImGui::GetTextLineHeight());  // one line
        }
        CHECK(let_go == 3);  // the demo couple's three open topics
    }
    CHECK(ratings_seen > 0);
}

TEST_CASE("The dashboard's twelve-week charts write their scale: the top and the floor", "[ui][dashboard]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    test::AppUi u(t);
    REQUIRE(u.shell.select("dashboard"));
    u.h.resize(ImVec2(1280, 3000));
    u.frames(3);
    INFO(test::screen_dump());
    const auto title = test::find_text("Felt connected");
    REQUIRE(title);
    // Below the title, at the chart's left: "10" over "0".
    std::optional<test::TextRun> top, floor;
    for (const auto& run : test::screen_text()) {
        if (run.min.y <= title->max.y || run.min.y > title->max.y + 8 * ImGui::GetFontSize()) continue;
        if (run.min.x > title->min.x + 3 * ImGui::GetFontSize()) continue;
        if (run.text == "10") top = run;
        if (run.text == "0") floor = run;
    }
    REQUIRE(top);
    REQUIRE(floor);
    CHECK(top->max.y <= floor->min.y);
}

TEST_CASE("The charts always label this week, also when they label every other week", "[ui][dashboard]") {
    test::TestModel t(false);
    fill_demo_data(t.model);
    test::AppUi u(t);
    REQUIRE(u.shell.select("dashboard"));
    const IsoWeek week = iso_week(local_date(t.clock.now()));
    char label[8];
    std::snprintf(label, sizeof label, "W%02u", unsigned(week.week));
    for (float width : {700.0f, 900.0f, 1180.0f, 1600.0f}) {
        u.h.resize(ImVec2(width, 3000));
        u.frames(2);
        int labels = 0;
        for (const auto& run : test::screen_text()) {  // a run may hold a row of labels: count words
            std::istringstream words(run.text);
            for (std::string w; words >> w;) labels += w == label;
        }
        INFO("width " << width << ", " << label << "\n" << test::screen_dump());
        CHECK(labels == 4);  // under each of the four charts
    }
}
