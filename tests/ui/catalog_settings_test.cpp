// Settings: the couple's own appreciation categories and plan kinds are
// renamed in place and deleted (what uses one moves where they say), pressed
// through the real controls; what changed is read back from the database and
// from the panels that show it.
#include "app_ui.h"
#include "screen_text.h"
#include "visible_text.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace hearth;
using test::centre;

namespace {

const std::string kHugs = "Hugs \xF0\x9F\xA4\x97";         // Hugs 🤗
const std::string kCuddles = "Cuddles \xF0\x9F\xAB\x82";   // Cuddles 🫂
const std::string kGames = "Game night \xF0\x9F\x8E\xB2";  // Game night 🎲

// The run that is exactly `label` (an entry's row), the nth of them.
std::optional<test::TextRun> run_exactly(const std::string& label, int nth = 0) {
    for (const auto& r : test::screen_text())
        if (r.text == label && nth-- == 0) return r;
    return std::nullopt;
}

// Presses `button` on the row of the couple's entry `label`.
void press_on_row(test::AppUi& u, const std::string& label, const std::string& button) {
    auto row = run_exactly(label);
    INFO("row " << label << ", button " << button << "\n" << test::screen_dump());
    REQUIRE(row);
    std::optional<test::TextRun> found;
    for (const auto& r : test::screen_text())
        if (r.text == button && r.min.x > row->max.x && std::fabs(centre(r).y - centre(*row).y) < 4) found = r;
    REQUIRE(found);
    u.click(centre(*found));
    u.frames(2);
}

int count(Database& db, const std::string& sql, const std::string& id) {
    auto& st = db.prepare(sql);
    st.bind(1, id);
    int n = st.step() ? int(st.integer(0)) : -1;
    st.reset();
    return n;
}

std::optional<std::string> id_of(const Catalog& c, const std::string& label) {
    for (const auto& e : c.all())
        if (e.label == label) return e.id;
    return std::nullopt;
}

void add_appreciations(test::TestModel& t, const std::string& category_id, int n) {
    for (int i = 0; i < n; ++i) {
        GratitudeDraft g;
        g.text = "Thank you, number " + std::to_string(i);
        g.day = local_date(t.clock.now());
        g.category_id = category_id;
        REQUIRE(t.model.gratitude.add(g).ok());
    }
}

// The words on the line that shows `part`, spaces left out (the screen
// reader splits a line where quotes leave a gap).
std::string line_with(const std::string& part) {
    auto at = test::find_text(part);
    if (!at) return {};
    std::vector<test::TextRun> line;
    for (const auto& r : test::screen_text())
        if (std::fabs(centre(r).y - centre(*at).y) < 4) line.push_back(r);
    std::sort(line.begin(), line.end(), [](const auto& a, const auto& b) { return a.min.x < b.min.x; });
    std::string out;
    for (const auto& r : line) out += test::without_spaces(r.text);
    return out;
}

void check_on_screen(const std::string& s) {
    INFO("looking for: " << s << "\n" << test::screen_dump());
    CHECK(test::find_text(s).has_value());
}

} // namespace

TEST_CASE("An own category is renamed in Settings, byte for byte, and the appreciations show the new name",
          "[ui][settings][catalog]") {
    test::TestModel t;
    auto hugs = t.model.categories.add(kHugs);
    REQUIRE(hugs.ok());
    add_appreciations(t, hugs.id, 1);
    test::AppUi u(t);
    REQUIRE(u.shell.select("settings"));
    u.frames(3);

    SECTION("Enter saves") {
        press_on_row(u, kHugs, "Rename");
        u.press('A', /*ctrl=*/true);
        u.type(kCuddles.c_str());
        u.frames(2);
        u.press(test::Headless::kEnter);
        u.frames(2);
        CHECK(t.model.categories.label_of(hugs.id) == kCuddles);
        CHECK(count(t.model.db, "SELECT count(*) FROM gratitude_category WHERE label = ?1", kCuddles) == 1);
        CHECK(!id_of(t.model.categories, kHugs));
        check_on_screen("Renamed \xE2\x80\x9C" + kHugs + "\xE2\x80\x9D to \xE2\x80\x9C" + kCuddles + "\xE2\x80\x9D.");
        CHECK(run_exactly(kCuddles));  // the row, out of rename mode

        REQUIRE(u.shell.select("gratitude"));
        u.frames(3);
        check_on_screen(kCuddles);
        CHECK(!test::find_text(kHugs));
    }
    SECTION("Escape gives up and keeps the name") {
        press_on_row(u, kHugs, "Rename");
        u.press('A', /*ctrl=*/true);
        u.type("Something else");
        u.frames(2);
        u.press(test::Headless::kEscape);
        u.frames(2);
        INFO(test::screen_dump());
        CHECK(t.model.categories.label_of(hugs.id) == kHugs);
        CHECK(run_exactly(kHugs));
        CHECK(!run_exactly("Save name"));
    }
    SECTION("a name already in the list is refused, said beside the box, and nothing changes") {
        REQUIRE(t.model.categories.add("Walks").ok());
        u.frames(2);
        press_on_row(u, "Walks", "Rename");
        u.press('A', /*ctrl=*/true);
        u.type("hugs \xF0\x9F\xA4\x97");  // the same name in other case
        u.frames(2);
        auto save = run_exactly("Save name");  // not "Save names and colours"
        REQUIRE(save);
        u.click(centre(*save));
        u.frames(2);
        CHECK(line_with("is already in the list.") == test::without_spaces("\"" + kHugs + "\" is already in the list."));
        CHECK(id_of(t.model.categories, "Walks"));
        CHECK(t.model.categories.label_of(hugs.id) == kHugs);
        CHECK(count(t.model.db, "SELECT count(*) FROM gratitude_category WHERE builtin = 0 AND id <> ?1", hugs.id) == 1);
        CHECK(run_exactly("Save name"));  // still open, to fix

        // An empty name is refused the same way.
        u.press('A', /*ctrl=*/true);
        u.press(259);  // Backspace
        u.press(test::Headless::kEnter);
        u.frames(2);
        check_on_screen("Please");
        CHECK(id_of(t.model.categories, "Walks"));
    }
    SECTION("built-in categories have no Rename or Delete") {
        INFO(test::screen_dump());
        CHECK(test::find_text("Rename", 1) == std::nullopt);  // only the one own entry has them
        CHECK(test::find_text("Built in"));
    }
}

TEST_CASE("Deleting a category in use says how many appreciations use it and moves them where chosen",
          "[ui][settings][catalog]") {
    test::TestModel t;
    auto hugs = t.model.categories.add(kHugs);
    auto walks = t.model.categories.add("Walks");
    REQUIRE(hugs.ok());
    REQUIRE(walks.ok());
    add_appreciations(t, hugs.id, 3);
    add_appreciations(t, walks.id, 1);
    test::AppUi u(t);
    REQUIRE(u.shell.select("settings"));
    u.frames(3);
    const char* by_category = "SELECT count(*) FROM gratitude WHERE category_id = ?1";

    press_on_row(u, kHugs, "Delete");
    check_on_screen("is used by 3 appreciations");
    CHECK(t.model.categories.exists(hugs.id));  // only asked so far

    SECTION("moved to another category") {
        REQUIRE(u.click_text("No category"));  // the combo, starting on none
        u.frames(2);
        // The popup's "Walks" is drawn after the row's.
        auto item = run_exactly("Walks", 1);
        INFO(test::screen_dump());
        REQUIRE(item);
        u.click(centre(*item));
        u.frames(2);
        REQUIRE(u.click_text("Really delete"));
        u.frames(2);
        CHECK(!t.model.categories.exists(hugs.id));
        CHECK(count(t.model.db, by_category, hugs.id) == 0);
        CHECK(count(t.model.db, by_category, walks.id) == 4);
        CHECK(count(t.model.db, "SELECT count(*) FROM gratitude_category WHERE id = ?1", hugs.id) == 0);
        check_on_screen("Deleted \xE2\x80\x9C" + kHugs + "\xE2\x80\x9D; 3 appreciations moved to \xE2\x80\x9CWalks\xE2\x80\x9D.");
        REQUIRE(u.shell.select("gratitude"));
        u.frames(3);
        CHECK(!test::find_text(kHugs));
    }
    SECTION("left without a category") {
        REQUIRE(u.click_text("Really delete"));
        u.frames(2);
        CHECK(!t.model.categories.exists(hugs.id));
        auto& st = t.model.db.prepare("SELECT count(*) FROM gratitude WHERE category_id IS NULL");
        REQUIRE(st.step());
        CHECK(st.integer(0) == 3);
        st.reset();
        check_on_screen("3 appreciations left without a category");
    }
    SECTION("Keep it changes nothing") {
        REQUIRE(u.click_text("Keep it"));
        u.frames(2);
        CHECK(t.model.categories.exists(hugs.id));
        CHECK(count(t.model.db, by_category, hugs.id) == 3);
        CHECK(!test::find_text("Really delete"));
    }
}

TEST_CASE("An unused category is deleted after a confirm", "[ui][settings][catalog]") {
    test::TestModel t;
    auto hugs = t.model.categories.add(kHugs);
    REQUIRE(hugs.ok());
    test::AppUi u(t);
    REQUIRE(u.shell.select("settings"));
    u.frames(3);
    press_on_row(u, kHugs, "Delete");
    check_on_screen("Nothing uses");
    CHECK(t.model.categories.exists(hugs.id));
    REQUIRE(u.click_text("Really delete"));
    u.frames(2);
    CHECK(!t.model.categories.exists(hugs.id));
    check_on_screen("Deleted \xE2\x80\x9C" + kHugs + "\xE2\x80\x9D.");
}

TEST_CASE("An own plan kind is renamed and deleted in Settings, its plans and ideas moved",
          "[ui][settings][catalog]") {
    test::TestModel t;
    auto games = t.model.plan_kinds.add(kGames);
    REQUIRE(games.ok());
    for (int i = 0; i < 2; ++i) {
        PlanDraft p;
        p.title = "Cards " + std::to_string(i);
        p.kind_id = games.id;
        p.day = local_date(t.clock.now());
        REQUIRE(t.model.planner.add(p).ok());
    }
    IdeaDraft idea;
    idea.title = "Chess by the fire";
    idea.kind_id = games.id;
    REQUIRE(t.model.ideas.add(idea).ok());
    const char* ritual_ideas = "SELECT count(*) FROM idea WHERE kind_id = ?1";
    const int ritual_ideas_before = count(t.model.db, ritual_ideas, "ritual");
    test::AppUi u(t);
    REQUIRE(u.shell.select("settings"));
    u.frames(3);

    SECTION("a built-in kind's name is refused and nothing changes") {
        press_on_row(u, kGames, "Rename");
        u.press('A', /*ctrl=*/true);
        u.type("date");
        u.press(test::Headless::kEnter);
        u.frames(2);
        CHECK(line_with("is already in the list.") == "\"Date\"isalreadyinthelist.");
        CHECK(t.model.plan_kinds.label_of(games.id) == kGames);
        CHECK(t.model.plan_kinds.label_of("date") == std::string("Date"));
    }
    SECTION("renamed, the planner shows the new name") {
        const std::string cards = "Cards \xF0\x9F\x83\x8F";  // Cards 🃏
        press_on_row(u, kGames, "Rename");
        u.press('A', /*ctrl=*/true);
        u.type(cards.c_str());
        u.press(test::Headless::kEnter);
        u.frames(2);
        CHECK(t.model.plan_kinds.label_of(games.id) == cards);
        check_on_screen("Renamed \xE2\x80\x9C" + kGames + "\xE2\x80\x9D to \xE2\x80\x9C" + cards + "\xE2\x80\x9D.");
        REQUIRE(u.shell.select("planner"));
        u.frames(3);
        check_on_screen(cards);
    }
    SECTION("deleted, its plans and ideas move to the kind chosen") {
        press_on_row(u, kGames, "Delete");
        check_on_screen("is used by 2 plans and 1 idea");
        // Plans need a kind: there is no "none", the combo starts on the first built-in.
        CHECK(!test::find_text("No kind of plan"));
        auto preview = run_exactly("Date");  // the built-in line names it too, among others
        INFO(test::screen_dump());
        REQUIRE(preview);
        u.click(centre(*preview));
        u.frames(2);
        auto item = run_exactly("Ritual");
        INFO(test::screen_dump());
        REQUIRE(item);
        u.click(centre(*item));
        u.frames(2);
        REQUIRE(u.click_text("Really delete"));
        u.frames(2);
        CHECK(!t.model.plan_kinds.exists(games.id));
        CHECK(count(t.model.db, "SELECT count(*) FROM plan WHERE kind_id = ?1", "ritual") == 2);
        CHECK(count(t.model.db, ritual_ideas, "ritual") == ritual_ideas_before + 1);
        CHECK(count(t.model.db, "SELECT count(*) FROM plan WHERE kind_id = ?1", games.id) == 0);
        check_on_screen("2 plans and 1 idea moved to \xE2\x80\x9CRitual\xE2\x80\x9D.");
    }
}
