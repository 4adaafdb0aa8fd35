// Search (issue 12 item 5) as the couple meets it: Ctrl+F from anywhere, one
// box over every list, the matches marked, a result opens its entry; the
// appreciation list marks what its own search box matched.
#include "app_ui.h"
#include "screen_text.h"
#include "units.h"
#include "widgets.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hearth;

namespace {

// A mark drawn behind part of `run`, as wide as `word` (within the padding).
bool marked(const test::TextRun& run, const char* word) {
    const float w = ImGui::CalcTextSize(word).x;
    for (const ImVec4& r : ui::highlights_drawn()) {
        const bool on_line = r.y <= run.min.y + 1 && r.w >= run.max.y - 1;
        const bool inside = r.x >= run.min.x - ui::em(0.2f) && r.z <= run.max.x + ui::em(0.2f);
        const float rw = r.z - r.x;
        if (on_line && inside && rw >= w - 1 && rw <= w + ui::em(0.3f)) return true;
    }
    return false;
}

struct Written {
    std::string coffee_entry, plan;
    explicit Written(Model& m, Date today) {
        GratitudeDraft g;
        g.from_slot = 1;  // Sam wrote it
        g.text = "Coffee in bed, caf\xC3\xA9 style \xF0\x9F\x8C\xBB";
        g.day = today;
        auto r = m.gratitude.add(g);
        REQUIRE(r.ok());
        coffee_entry = r.id;
        GratitudeDraft other;
        other.text = "The long walk";
        other.day = today;
        REQUIRE(m.gratitude.add(other).ok());
        PlanDraft p;
        p.title = "Coffee tasting";
        p.day = today;
        p.start_minute = 18 * 60;
        p.length_minutes = 60;
        auto pr = m.planner.add(p);
        REQUIRE(pr.ok());
        plan = pr.id;
        BreakRequest b;
        b.caller_slot = 0;  // Maya called it
        b.topic = "The coffee budget";
        REQUIRE(m.breaks.start(b).ok());
    }
};

} // namespace

TEST_CASE("Ctrl+F searches every list from anywhere, marks the matches, and opens what is chosen", "[ui][search]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1400, 1000));
    Written w(u.t.model, local_date(u.t.clock.now()));
    REQUIRE(u.shell.select("dashboard"));
    u.frames(2);
    u.press('F', /*ctrl=*/true);
    u.frames(2);
    REQUIRE(test::find_text("Search everything you wrote"));
    CHECK(ImGui::GetIO().WantTextInput);  // the box has the keys
    u.type("coff");
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("3 found"));
    auto appreciation = test::find_text("Coffee in bed");
    REQUIRE(appreciation);
    CHECK(marked(*appreciation, "Coffee"));
    auto plan = test::find_text("Coffee tasting");
    REQUIRE(plan);
    CHECK(marked(*plan, "Coffee"));
    auto topic = test::find_text("The coffee budget");
    REQUIRE(topic);
    CHECK(marked(*topic, "coffee"));
    CHECK_FALSE(test::find_text("The long walk"));
    // Above each: what it is, who wrote it (where one of them did), and its day.
    const std::string day = format_day_human(local_date(u.t.clock.now()));
    const std::string dot = "  \xC2\xB7  ";
    CHECK(test::shown("Appreciation from Sam" + dot + day));
    CHECK(test::shown("Break topic called by Maya" + dot + day));
    CHECK(test::shown("Plan" + dot + day));

    SECTION("an appreciation opens in its editor") {
        REQUIRE(u.click_text("Coffee in bed"));
        u.frames(3);
        INFO(test::screen_dump());
        CHECK(test::find_text("Save changes"));
        CHECK(test::find_text("Appreciations"));
    }
    SECTION("a plan opens on its card in the planner") {
        REQUIRE(u.click_text("Coffee tasting"));
        u.frames(3);
        INFO(test::screen_dump());
        CHECK(test::find_text("Delete plan"));
    }
    SECTION("accents and emoji") {
        u.press('A', /*ctrl=*/true);
        u.type("cafe");
        u.frames(2);
        CHECK(test::find_text("1 found"));
        auto hit = test::find_text("caf\xC3\xA9 style");
        REQUIRE(hit);
        CHECK(marked(*hit, "caf\xC3\xA9"));
        u.press('A', /*ctrl=*/true);
        u.type("\xF0\x9F\x8C\xBB");
        u.frames(2);
        CHECK(test::find_text("1 found"));
    }
}

TEST_CASE("The appreciation list marks what its search box matched", "[ui][search]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1400, 1000));
    Written w(u.t.model, local_date(u.t.clock.now()));
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    CHECK(ui::highlights_drawn().empty());
    REQUIRE(u.click_text("Search the text"));
    u.frames(1);
    u.type("cafe");
    u.frames(3);
    INFO(test::screen_dump());
    CHECK(test::find_text("1 appreciation"));
    auto row = test::find_text("Coffee in bed");
    REQUIRE(row);
    CHECK(marked(*row, "caf\xC3\xA9"));
    CHECK_FALSE(marked(*row, "Coffee"));
}

TEST_CASE("A word in more than a thousand entries is not counted to the end: the panel says more than", "[ui][search]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1200, 800));
    for (int i = 0; i < 1005; ++i) {
        GratitudeDraft g;
        g.text = "Tea at four " + std::to_string(i);
        g.day = local_date(u.t.clock.now());
        REQUIRE(u.t.model.gratitude.add(g).ok());
    }
    REQUIRE(u.shell.select("dashboard"));
    u.frames(2);
    u.press('F', /*ctrl=*/true);
    u.frames(2);
    u.type("tea");
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("More than 1000 found"));
    CHECK(test::find_text("Tea at four 1004"));  // newest first
    u.type(" four 100");  // 100 and 1000..1004
    u.frames(2);
    CHECK(test::find_text("6 found"));
}
