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
    REQUIRE(u.click_text("Something Sam did"));  // into the appreciation box
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
    for (int key : {264 /* down */, 264, 256 /* escape */, 265 /* up */, 256, 256, 262 /* right */}) {
        INFO("key " << key);
        u.press(key);
        u.frame();
        CHECK_FALSE(test::focus_ring_around_an_area());
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

namespace {

// The panel's page scrolled by the wheel over its top, as a person would.
void scroll_page(test::AppUi& u, float wheel, int times = 1) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    u.h.mouse_move(ImVec2(display.x - 30, display.y * 0.3f), [&] { u.shell.draw(); });
    for (int i = 0; i < times; ++i) u.h.scroll(wheel, [&] { u.shell.draw(); });
    u.frames(2);
}

// The first run holding `words` (the screen reader's spacing aside).
std::optional<test::TextRun> run_with(std::string_view words) {
    const std::string want = test::without_spaces(words);
    for (const test::TextRun& r : test::screen_text())
        if (test::without_spaces(r.text).find(want) != std::string::npos) return r;
    return std::nullopt;
}

// Scrolls the page down a notch at a time until `label` is fully on screen.
std::optional<test::TextRun> scroll_to_text(test::AppUi& u, std::string_view label) {
    for (int i = 0; i < 30; ++i) {
        auto r = run_with(label);
        if (r && r->fully_visible) return r;
        scroll_page(u, -1);
    }
    return std::nullopt;
}

int readable_rows() {
    int n = 0;
    for (const test::TextRun& r : test::screen_text())
        if (r.text.find("\xE2\x86\x92") != std::string::npos && r.fully_visible) ++n;  // "Maya → Sam · ..."
    return n;
}

const char* kLongAppreciation =
    "Thank you for the whole of Saturday: you took the car to the garage, picked up my mother from the station, "
    "cooked her favourite soup and still found the patience to listen to the story about the neighbours twice. "
    "I noticed every bit of it and it made the week feel lighter, right to the last word, Sunflower.";

} // namespace

TEST_CASE("Appreciations in the smallest window: the past entries keep most of a screen, the page scrolls to them",
          "[ui][layout][gratitude]") {
    for (int text_size : {13, 28}) {
        INFO("text " << text_size << " px");
        test::TestModel t(false);
        fill_demo_data(t.model);
        t.model.settings.set(setting::text_size, text_size);
        test::AppUi u(t);
        u.h.resize(ImVec2(float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)));
        REQUIRE(u.shell.select("gratitude"));
        u.frames(4);
        scroll_page(u, -5, 6);  // the whole way down
        INFO(test::screen_dump());
        // Not a strip: at least two entries (who, to whom, the day) can be read at once.
        CHECK(readable_rows() >= 2);
    }
}

TEST_CASE("An appreciation opened reads whole, wrapped, with Edit, Save, Delete and Close on screen, at every size",
          "[ui][layout][gratitude]") {
    for (int text_size : {13, 28}) {
        for (Size size : {Size{float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)}, Size{800, 600}, Size{1280, 800}}) {
            INFO(size.w << "x" << size.h << ", text " << text_size << " px");
            test::TestModel t;
            t.model.settings.set(setting::text_size, text_size);
            GratitudeDraft d;
            d.text = kLongAppreciation;
            d.day = local_date(t.clock.now());
            auto saved = t.model.gratitude.add(d);
            REQUIRE(saved.ok());
            test::AppUi u(t);
            u.h.resize(ImVec2(size.w, size.h));
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            // The entry's row, by its first words.
            auto row = scroll_to_text(u, "Thank you for the whole");
            REQUIRE(row);
            u.click(ImVec2(row->min.x + 20, (row->min.y + row->max.y) / 2));
            u.frames(3);
            // Every word can be read, the last one too, with nothing cut at the sides.
            auto last = scroll_to_text(u, "Sunflower.");
            INFO(test::screen_dump());
            REQUIRE(last);
            CHECK_FALSE(last->cut_across);
            CHECK(clipped_text() == "");
            for (const char* button : {"Edit the text", "Save changes", "Delete", "Close"}) {
                INFO(button);
                auto b = scroll_to_text(u, button);
                REQUIRE(b);
                CHECK_FALSE(b->cut_across);
                CHECK(b->max.x <= size.w);
            }
            CHECK(clipped_text() == "");
            CHECK(clipped_shapes() == "");
            // Edit: the box opens on the same words; what is typed is kept, nothing else changes.
            REQUIRE(u.click_text("Edit the text"));
            u.frames(3);
            INFO(test::screen_dump());
            REQUIRE(ImGui::GetIO().WantTextInput);
            u.press(269 /* End */, true);  // Ctrl+End: the end of the text
            u.type(" Thanks!");
            u.frames(1);
            u.press(test::Headless::kEnter);
            u.frames(2);
            CHECK(t.model.gratitude.get(saved.id)->text == std::string(kLongAppreciation) + " Thanks!");
            // Saved, it reads wrapped again.
            CHECK(scroll_to_text(u, "Edit the text"));
        }
    }
}

TEST_CASE("The appreciation form names the one it is for once", "[ui][gratitude][words]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    u.h.click(ImVec2(5, 5), [&] { u.shell.draw(); });  // out of the box: its hint shows
    u.frames(2);
    INFO(test::screen_dump());
    int sams = 0;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    auto from = find_words("From");
    REQUIRE(from);
    // On the form's first row and in its box: "From [Maya] [Sam]", then the hint.
    for (const test::TextRun& r : test::screen_text())
        if (r.min.y >= from->min.y - 2 && r.min.y < from->min.y + ImGui::GetFontSize() * 5 && r.min.x < display.x &&
            r.text.find("Sam") != std::string::npos)
            ++sams;
    CHECK(sams == 2);  // the button to write as Sam, and "Something Sam did" in the box
    CHECK(run_with("Something Sam did"));
    // Written by Sam, the box asks about Maya.
    std::optional<test::TextRun> as_sam;  // the button beside "From"
    for (const test::TextRun& r : test::screen_text())
        if (r.text == "Sam" && std::abs(r.min.y - from->min.y) < 4) as_sam = r;
    REQUIRE(as_sam);
    u.click(ImVec2((as_sam->min.x + as_sam->max.x) / 2, (as_sam->min.y + as_sam->max.y) / 2));
    u.h.click(ImVec2(5, 5), [&] { u.shell.draw(); });
    u.frames(2);
    CHECK(run_with("Something Maya did"));
}

TEST_CASE("The emoji button stays inside the appreciation card at every size and text size", "[ui][layout][gratitude][emoji]") {
    for (int text_size : {13, 28}) {
        test::TestModel t;
        t.model.settings.set(setting::text_size, text_size);
        test::AppUi u(t);
        for (Size size : kSizes) {
            INFO(size.w << "x" << size.h << ", text " << text_size << " px");
            u.h.resize(ImVec2(size.w, size.h));
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            auto button = scroll_to_text(u, "\xF0\x9F\x99\x82");  // 🙂
            INFO(test::screen_dump());
            REQUIRE(button);
            const float card_right = size.w - ImGui::GetStyle().ScrollbarSize;
            CHECK(button->max.x <= card_right);
            CHECK(clipped_shapes() == "");
        }
    }
}

TEST_CASE("The emoji picker fits the window and shows every column, whole", "[ui][layout][emoji]") {
    for (int text_size : {13, 28}) {
        for (Size size : {Size{float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)}, Size{1280, 800}}) {
            INFO(size.w << "x" << size.h << ", text " << text_size << " px");
            test::TestModel t;
            t.model.settings.set(setting::text_size, text_size);
            test::AppUi u(t);
            u.h.resize(ImVec2(size.w, size.h));
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            auto button = scroll_to_text(u, "\xF0\x9F\x99\x82");
            REQUIRE(button);
            u.click(ImVec2((button->min.x + button->max.x) / 2, (button->min.y + button->max.y) / 2));
            u.frames(3);
            INFO(test::screen_dump());
            REQUIRE(find_text_containing("Enter inserts"));
            // The popup inside the window with room around it: not a cover over all of it.
            ImGuiWindow* popup = nullptr;
            for (ImGuiWindow* w : GImGui->Windows)
                if (w->Active && (w->Flags & ImGuiWindowFlags_Popup)) popup = w;
            REQUIRE(popup);
            CHECK(popup->Pos.x >= 0);
            CHECK(popup->Pos.y >= 0);
            CHECK(popup->Pos.x + popup->Size.x <= size.w);
            CHECK(popup->Pos.y + popup->Size.y <= size.h);
            CHECK(popup->Size.y < size.h - ImGui::GetFontSize());
            // Every emoji of the grid's first row whole, none under the scrollbar.
            CHECK(clipped_shapes() == "");
            CHECK(clipped_text() == "");
            auto smileys = test::find_text("Smileys");
            REQUIRE(smileys);
            std::optional<test::TextRun> first_row;
            for (const test::TextRun& r : test::screen_text())
                if (!first_row && r.min.y > smileys->max.y - 1 && r.min.y < smileys->max.y + 2 * ImGui::GetFontSize() &&
                    r.text.find("\xF0\x9F\x98\x80") != std::string::npos)  // 😀
                    first_row = r;
            REQUIRE(first_row);
            CHECK(first_row->fully_visible);
            CHECK_FALSE(first_row->cut_across);
        }
    }
}

TEST_CASE("The emoji button's tooltip does not come back when the picker closes under the pointer", "[ui][emoji]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    auto button = test::find_text("\xF0\x9F\x99\x82");
    REQUIRE(button);
    const ImVec2 on_button((button->min.x + button->max.x) / 2, (button->min.y + button->max.y) / 2);
    u.h.mouse_move(on_button, [&] { u.shell.draw(); }, 2);
    CHECK(test::find_text("Insert an emoji"));  // asked for by hovering
    u.click(on_button);
    u.frames(2);
    REQUIRE(test::find_text("Enter inserts"));
    u.press(test::Headless::kEscape);  // closed by the keyboard, the pointer still there
    u.frames(3);
    INFO(test::screen_dump());
    CHECK_FALSE(test::find_text("Enter inserts"));
    CHECK_FALSE(test::find_text("Insert an emoji"));
    // Moved off and back, it is a new question: the tooltip shows.
    u.h.mouse_move(ImVec2(on_button.x, on_button.y + 200), [&] { u.shell.draw(); });
    u.h.mouse_move(on_button, [&] { u.shell.draw(); }, 2);
    u.frames(2);  // the pointer rests there
    CHECK(test::find_text("Insert an emoji"));
}
