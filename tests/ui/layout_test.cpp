// Every screen lays out for its window: from the smallest window Hearth allows
// to a large screen, at the smallest and largest text size, in both themes,
// nothing a person reads or presses is cut off, and "I need a break" shows.
// Also: panel shortcuts from a text box, a popup drawn right after the click
// that opens it, and no navigation rectangle around whole areas.
#include "app_ui.h"
#include "demo_data.h"
#include "screen_text.h"
#include "visible_text.h"
#include "shell.h"
#include "units.h"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include <sstream>

using namespace hearth;

namespace {

// What is wrong with the text of the last frame: a run cut on its left or
// right, or outside the display. A run cut only at the top or bottom of its
// area is a scrolled list and can be scrolled to.
std::string clipped_text() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    std::ostringstream out;
    for (const test::TextRun& r : test::screen_text()) {
        // A glyph may overhang its pen position by a pixel or two (a "T" at the
        // window's left edge): that is not a cut.
        const float slack = 0.5f, overhang = 3.0f;
        bool inside_display = r.min.x >= -overhang && r.max.x <= display.x + slack;
        bool inside_across = r.min.x >= r.clip.x - overhang && r.max.x <= r.clip.z + slack;
        bool ok = inside_display && inside_across && !r.cut_across;
        if (!ok)
            out << "\"" << r.text << "\" at " << r.min.x << "," << r.min.y << "-" << r.max.x << "," << r.max.y
                << " clip " << r.clip.x << "," << r.clip.y << "-" << r.clip.z << "," << r.clip.w << "\n";
    }
    return out.str();
}

// Shapes (buttons, swatches, arrows, frames) cut on their right by the area
// they are drawn in or by the window: what is not text, as clipped_text() is
// for text. One line per draw list, naming its window.
std::string clipped_shapes() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    std::ostringstream out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        // A multi-line text box scrolls its own text sideways.
        if (list->_OwnerName && std::string_view(list->_OwnerName).find("/##") != std::string_view::npos) continue;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const float right = std::min(cmd.ClipRect.z, display.x) + 4.0f;  // anti-aliased edges
            for (unsigned int t = 0; t + 2 < cmd.ElemCount; t += 3) {
                float lo = 1e9f, hi = -1e9f, top = 1e9f, bottom = -1e9f;
                for (unsigned int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = list->VtxBuffer[int(cmd.VtxOffset + list->IdxBuffer[int(cmd.IdxOffset + t + k)])];
                    lo = std::min(lo, v.pos.x);
                    hi = std::max(hi, v.pos.x);
                    top = std::min(top, v.pos.y);
                    bottom = std::max(bottom, v.pos.y);
                }
                // A shape that starts inside its area and runs past the right
                // edge. Lines and highlights that span the whole area (a
                // separator, a selected row) start left of it and are not cuts,
                // nor is a line (a separator) running under the scrollbar.
                if (bottom - top > 4.0f && lo >= cmd.ClipRect.x && hi > right && top >= cmd.ClipRect.y && top < cmd.ClipRect.w) {
                    out << (list->_OwnerName ? list->_OwnerName : "?") << ": a shape at x=" << lo << ".." << hi
                        << " runs past " << right << " at y=" << top << "\n";
                    goto next_list;
                }
            }
        }
    next_list:;
    }
    return out.str();
}

// The run that reads `words` (the screen reader's spacing aside).
std::optional<test::TextRun> find_words(std::string_view words) {
    for (const test::TextRun& r : test::screen_text())
        if (test::without_spaces(r.text) == test::without_spaces(words)) return r;
    return std::nullopt;
}

// A run that starts with `words` (spacing aside): the first line of wrapped text.
bool find_text_containing(std::string_view words) {
    const std::string want = test::without_spaces(words);
    for (const test::TextRun& r : test::screen_text())
        if (test::without_spaces(r.text).find(want) != std::string::npos) return true;
    return false;
}

struct Size {
    float w, h;
};

const Size kSizes[] = {{float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)}, {800, 600}, {1280, 800}, {1920, 1080}};

} // namespace

TEST_CASE("Every panel fits its window at every size, text size and theme", "[ui][layout]") {
    for (int text_size : {13, 28}) {
        for (const char* theme : {"light", "dark"}) {
            test::TestModel t(false);
            fill_demo_data(t.model);
            t.model.settings.set(setting::text_size, text_size);
            t.model.settings.set(setting::theme, std::string(theme));
            BreakRequest r;
            r.caller_slot = 0;
            REQUIRE(t.model.breaks.start(r).ok());
            test::AppUi u(t);
            for (Size size : kSizes) {
                u.h.resize(ImVec2(size.w, size.h));
                for (PanelId id : kPanelIds) {
                    INFO("panel " << panel_key(id) << " at " << size.w << "x" << size.h << ", text " << text_size
                                  << " px, " << theme);
                    REQUIRE(u.shell.select(panel_key(id)));
                    u.frames(4);
                    CHECK(clipped_text() == "");
                    CHECK(clipped_shapes() == "");
                    auto button = test::find_text("I need a break");
                    REQUIRE(button);
                    CHECK(button->fully_visible);
                    if (id != PanelId::breaks) {
                        INFO(test::screen_dump());
                        CHECK(test::find_text("Maya's break"));
                    }
                }
            }
        }
    }
}

TEST_CASE("In a small window with the largest text the navigation is one row, and every screen is reached from it",
          "[ui][layout]") {
    test::TestModel t;
    t.model.settings.set(setting::text_size, 28);
    test::AppUi u(t);
    for (Size size : {Size{float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)}, Size{800, 600}}) {
        INFO(size.w << "x" << size.h);
        u.h.resize(ImVec2(size.w, size.h));
        REQUIRE(u.shell.select("dashboard"));
        u.frames(3);
        // One row: the panel's heading starts right below "I need a break".
        auto button = test::find_text("I need a break");
        auto heading = find_words("This week");
        REQUIRE(button);
        REQUIRE(heading);
        INFO(test::screen_dump());
        CHECK(button->fully_visible);
        CHECK(heading->min.y - button->max.y < ImGui::GetFrameHeight());
        // By the mouse: the screens' list, then a name in it.
        REQUIRE(u.click_text("This week"));  // the list shows the current screen
        u.frames(2);
        for (const auto& p : u.shell.panels()) {
            auto name = find_words(p->title());
            INFO(p->title());
            REQUIRE(name);
            CHECK(name->fully_visible);
        }
        auto talk = find_words("Talk");
        REQUIRE(talk);
        u.click(ImVec2((talk->min.x + talk->max.x) / 2, (talk->min.y + talk->max.y) / 2));
        u.frames(2);
        CHECK(u.shell.current_id() == "talk");
        // By the keyboard: the arrows reach the list (the first lands on
        // "I need a break", the next moves right), Space opens it at the
        // current screen, Down and Enter choose the next (Space too).
        u.press(262 /* right */);
        u.press(262 /* right */);
        u.press(32 /* space */);
        u.frames(2);
        REQUIRE(find_words("Listen & reflect"));
        u.press(264 /* down */);
        u.press(test::Headless::kEnter);
        u.frames(2);
        CHECK(u.shell.current_id() == "review");
    }
    // Wide enough again: the sidebar comes back.
    u.h.resize(ImVec2(1920, 1080));
    u.frames(3);
    auto hearth = find_words("Hearth");
    CHECK(hearth);
}

TEST_CASE("Ctrl+1 to Ctrl+8 switch panels while a text box has focus", "[ui][keys]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1280, 800));
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    // The appreciation box takes the keys as soon as its panel opens.
    REQUIRE(ImGui::GetIO().WantTextInput);
    const int n = int(kPanelIds.size());
    for (int i = n - 1; i >= 0; --i) {
        if (!ImGui::GetIO().WantTextInput) {
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
        }
        INFO("Ctrl+" << i + 1);
        u.press('1' + i, true);
        CHECK(u.shell.current_id() == panel_key(kPanelIds[std::size_t(i)]));
    }
    // Ctrl+B still opens the break popup from the text box.
    REQUIRE(u.shell.select("gratitude"));
    u.frames(2);
    REQUIRE(u.click_text("Something specific"));  // into the appreciation box
    REQUIRE(ImGui::GetIO().WantTextInput);
    u.press('B', true);
    u.frames(2);
    CHECK(test::find_text("Who needs a break?"));
}

TEST_CASE("A popup opened by a click is drawn with the frames the loop draws after that click", "[ui][loop]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1280, 800));
    REQUIRE(u.shell.select("dashboard"));
    u.frames(3);
    REQUIRE(u.click_text("I need a break"));  // press and release: the loop's frames for those events
    // What the loop does after the release event: two frames, then more while
    // ImGui still settles (app/window.cpp).
    bool settling = ui::frame_still_settling();
    int extra = 0;
    while (settling && extra < 8) {
        u.frame();
        ++extra;
        settling = ui::frame_still_settling();
    }
    INFO(test::screen_dump());
    CHECK(test::find_text("Who needs a break?"));
    CHECK(extra >= 1);  // the last input frame alone leaves the popup hidden
    // Once shown, nothing keeps the loop awake.
    u.frame();
    CHECK_FALSE(ui::frame_still_settling());
}

TEST_CASE("Escape and arrow keys never draw a focus rectangle around the sidebar or the panel area", "[ui][keys]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1280, 800));
    REQUIRE(u.shell.select("dashboard"));
    u.frames(2);
    // The whole window's own draw list holds only what lies around the two
    // areas: a focus ring there would be around one of them.
    auto ring_around_an_area = [] {
        const ImU32 ring = ImGui::GetColorU32(ImGuiCol_NavHighlight);
        ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* list = data->CmdLists[l];
            if (!list->_OwnerName || std::string_view(list->_OwnerName) != "Hearth") continue;
            for (const ImDrawVert& v : list->VtxBuffer)
                if (v.col == ring) return true;
        }
        return false;
    };
    for (int key : {264 /* down */, 264, 256 /* escape */, 265 /* up */, 256, 256, 262 /* right */}) {
        INFO("key " << key);
        u.press(key);
        u.frame();
        CHECK_FALSE(ring_around_an_area());
    }
}

TEST_CASE("First run: the welcome's words stay inside its card at every size and text size", "[ui][layout]") {
    for (int text_size : {13, 28}) {
        test::TestModel t(false);
        t.model.settings.set(setting::text_size, text_size);
        test::AppUi u(t);
        for (Size size : kSizes) {
            INFO(size.w << "x" << size.h << ", text " << text_size << " px");
            u.h.resize(ImVec2(size.w, size.h));
            u.frames(3);
            // A card taller than the window scrolls to the first name; back up.
            u.h.mouse_move(ImVec2(size.w / 2, size.h / 2), [&] { u.shell.draw(); });
            u.h.scroll(20, [&] { u.shell.draw(); });
            u.frames(2);
            INFO(test::screen_dump());
            auto welcome = find_words("Welcome to Hearth");
            REQUIRE(welcome);
            // The card is centred: its text stops as far from the right edge
            // as the heading starts from the left.
            const float right = size.w - welcome->min.x + 1.0f;
            for (const test::TextRun& r : test::screen_text()) {
                INFO(r.text);
                CHECK(r.max.x <= right);
                CHECK(r.min.x >= welcome->min.x - 3.0f);
            }
            CHECK(clipped_text() == "");
            CHECK(find_text_containing("A shared place for the two of you"));
        }
    }
}
