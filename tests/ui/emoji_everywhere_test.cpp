// Issue 12: every character a couple types shows as typed on every panel, and
// comes back byte for byte from every box. The screen is read from the draw
// lists (screen_text.h): a private-use glyph reads as the cluster shown()
// mapped to it, so "Hugs 🤗" on screen means the emoji's own glyph was drawn;
// a place that hands ImGui the raw bytes draws the fallback box "□" instead.
#include "app_ui.h"
#include "screen_text.h"
#include "widgets.h"

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>

using namespace hearth;

namespace {

const char* const kBox = "\xE2\x96\xA1";  // U+25A1, the font's fallback
const char* const kReplacement = "\xEF\xBF\xBD";

// The strings the issue names.
const char* const kTyped[] = {
    "Hugs \xF0\x9F\xA4\x97",                                       // Hugs 🤗
    "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x91\xA8",  // 👩‍❤️‍👨
    "caf\xC3\xA9",                                                 // café
    "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB9",                            // 🇵🇹
    "\xE2\x9D\xA4\xEF\xB8\x8F",                                    // ❤️
    "1\xEF\xB8\x8F\xE2\x83\xA3",                                   // 1️⃣
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",                            // 👍🏽
};

void check_no_boxes() {
    std::string dump = test::screen_dump();
    INFO(dump);
    CHECK(dump.find(kBox) == std::string::npos);
    CHECK(dump.find(kReplacement) == std::string::npos);
}

void check_on_screen(const std::string& s) {
    INFO("looking for: " << s << "\n" << test::screen_dump());
    CHECK(test::find_text(s).has_value());
}

std::string g_clipboard;
const char* fake_get(void*) { return g_clipboard.c_str(); }
void fake_set(void*, const char* text) { g_clipboard = text ? text : ""; }

void use_fake_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = fake_get;
    io.SetClipboardTextFn = fake_set;
    ui::wrap_clipboard(io);
}

// Types `s` into the focused box, or pastes it.
void enter_text(test::AppUi& u, const std::string& s, bool paste) {
    if (paste) {
        g_clipboard = s;
        u.press('V', /*ctrl=*/true);
    } else {
        u.type(s.c_str());
    }
    u.frames(2);
}

} // namespace

TEST_CASE("Emoji in names, categories, titles, topics and notes are drawn as their glyphs on every panel",
          "[ui][unicode]") {
    test::TestModel t(false);
    REQUIRE(t.model.couple.set_up("Maya \xF0\x9F\x8C\xBB", Rgb{196, 88, 72}, "Sam \xF0\x9F\x87\xB5\xF0\x9F\x87\xB9",
                                  Rgb{58, 122, 180}).ok());
    auto cat = t.model.categories.add("Hugs \xF0\x9F\xA4\x97");
    REQUIRE(cat.ok());
    const Date today = local_date(t.clock.now());
    GratitudeDraft g;
    g.text = "Thank you \xF0\x9F\x98\x8A for the tea";
    g.day = today;
    g.category_id = cat.id;
    REQUIRE(t.model.gratitude.add(g).ok());
    PlanDraft p;
    p.title = "Picnic \xF0\x9F\xA7\xBA";
    p.notes = "Bring 1\xEF\xB8\x8F\xE2\x83\xA3 blanket";
    p.place = "Park \xE2\x9D\xA4\xEF\xB8\x8F";
    p.day = today;
    p.start_minute = 19 * 60;
    p.length_minutes = 60;
    auto plan = t.model.planner.add(p);
    REQUIRE(plan.ok());
    BreakRequest b;
    b.caller_slot = 0;
    b.topic = "Dishes \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
    REQUIRE(t.model.breaks.start(b).ok());

    test::AppUi u(t);
    u.h.resize(ImVec2(1400, 1000));
    auto show = [&](const char* panel) {
        REQUIRE(u.shell.select(panel));
        u.frames(4);
    };

    SECTION("names in the navigation and the break banner, on the dashboard") {
        show("dashboard");
        check_on_screen("Maya \xF0\x9F\x8C\xBB");
        check_on_screen("Sam \xF0\x9F\x87\xB5\xF0\x9F\x87\xB9");
        check_on_screen("Thank you \xF0\x9F\x98\x8A for the tea");
        check_no_boxes();
    }
    SECTION("the appreciation, its category and names in the list") {
        show("gratitude");
        check_on_screen("Thank you \xF0\x9F\x98\x8A for the tea");
        check_on_screen("Hugs \xF0\x9F\xA4\x97");
        check_on_screen("Maya \xF0\x9F\x8C\xBB");
        check_no_boxes();
    }
    SECTION("the plan's title, notes and place") {
        show("planner");
        check_on_screen("Picnic \xF0\x9F\xA7\xBA");
        REQUIRE(u.click_text("Picnic \xF0\x9F\xA7\xBA"));
        u.frames(3);
        check_on_screen("Bring 1\xEF\xB8\x8F\xE2\x83\xA3 blanket");
        check_on_screen("Park \xE2\x9D\xA4\xEF\xB8\x8F");
        check_no_boxes();
    }
    SECTION("the break's topic") {
        show("breaks");
        check_on_screen("Dishes \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
        check_no_boxes();
    }
    SECTION("names and categories in Settings") {
        show("settings");
        check_on_screen("Hugs \xF0\x9F\xA4\x97");
        check_on_screen("Maya \xF0\x9F\x8C\xBB");
        check_no_boxes();
    }
    SECTION("every panel, nothing drawn as a box") {
        for (PanelId id : kPanelIds) {
            show(std::string(panel_key(id)).c_str());
            INFO(panel_key(id));
            check_no_boxes();
        }
    }
}

TEST_CASE("New-category, name and search boxes give back what was typed or pasted, byte for byte", "[ui][unicode]") {
    for (bool paste : {false, true}) {
        for (const char* s : kTyped) {
            INFO((paste ? "pasted: " : "typed: ") << s);
            test::OwnedAppUi u;
            u.h.resize(ImVec2(1400, 1000));
            use_fake_clipboard();
            auto& m = u.t.model;

            // Settings: a category of their own.
            REQUIRE(u.shell.select("settings"));
            u.frames(3);
            REQUIRE(u.click_text("Add one of your own"));
            u.frames(1);
            enter_text(u, s, paste);
            u.press(test::Headless::kEnter);
            u.frames(2);
            bool found = false;
            for (const auto& c : m.categories.all()) found |= c.label == s;
            CHECK(found);

            // Settings: a partner's name.
            // The first name box: the run "Maya" under the heading (the
            // navigation shows the name too, further left).
            auto heading = test::find_text("The two of you");
            REQUIRE(heading);
            std::optional<test::TextRun> box;
            for (const auto& r : test::screen_text())
                if (r.text == "Maya" && r.min.y > heading->max.y && r.min.x >= heading->min.x - 1) box = r;
            REQUIRE(box);
            u.click(ImVec2((box->min.x + box->max.x) / 2, (box->min.y + box->max.y) / 2));
            u.frames(1);
            u.press('A', /*ctrl=*/true);
            enter_text(u, s, paste);
            REQUIRE(u.click_text("Save names and colours"));
            u.frames(2);
            CHECK(m.couple.partner(0).name == s);

            // Appreciations: the new-category popup of the compose row.
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            REQUIRE(u.click_text("No category"));
            u.frames(2);
            // The combo's list scrolls: its last item is under the fold.
            auto item = test::find_text("Growth");
            REQUIRE(item);
            u.h.mouse_move(item->min, [&] { u.shell.draw(); });
            u.h.scroll(-10, [&] { u.shell.draw(); });
            u.frames(1);
            INFO(test::screen_dump());
            REQUIRE(u.click_text("New category\xE2\x80\xA6"));
            u.frames(3);
            g_clipboard.clear();
            std::string second = std::string("2 ") + s;
            enter_text(u, second, paste);
            u.press(test::Headless::kEnter);
            u.frames(2);
            found = false;
            for (const auto& c : m.categories.all()) found |= c.label == second;
            CHECK(found);

            // Appreciations: the search box finds an entry holding it, and shows it.
            GratitudeDraft d;
            d.text = std::string("Found ") + s + " here";
            d.day = local_date(u.t.clock.now());
            REQUIRE(m.gratitude.add(d).ok());
            GratitudeDraft other;
            other.text = "Nothing alike";
            other.day = d.day;
            REQUIRE(m.gratitude.add(other).ok());
            u.frames(2);
            REQUIRE(u.click_text("Search the text"));
            u.frames(1);
            enter_text(u, s, paste);
            u.frames(2);
            check_on_screen("1 appreciation");
            check_on_screen(std::string("Found ") + s + " here");
            check_no_boxes();
        }
    }
}

TEST_CASE("The talk's hidden answer keeps an emoji typed into it", "[ui][unicode]") {
    // Typed with no text field: the panel reads the characters itself, and
    // ImGui's own 16-bit queue holds U+FFFD for an emoji.
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("talk"));
    u.frame();
    u.press('D');  // draw a card
    const auto history = u.t.model.decks.history();
    REQUIRE(history.size() == 1);
    u.frame();
    u.press('G');  // guess and reveal
    u.press('2');  // Sam answers
    u.type("Tea \xF0\x9F\x8D\xB5 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");  // Tea 🍵 👍🏽
    u.frame();
    u.press(test::Headless::kEnter);
    u.frame();
    u.type("Coffee");
    u.frame();
    u.press(test::Headless::kEnter);  // show both
    u.frame();
    u.press('4');
    auto saved = u.t.model.decks.talk(history[0].id);
    REQUIRE(saved->rounds.size() == 1);
    CHECK(saved->rounds[0].answer == "Tea \xF0\x9F\x8D\xB5 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
}
