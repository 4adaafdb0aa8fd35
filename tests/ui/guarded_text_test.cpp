#include "guarded_text.h"
#include "headless.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("Editing text that holds emoji keeps them byte for byte", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    const std::string original = "For the picnic \xF0\x9F\x8C\xBB and the \xE2\x80\x9C" "big\xE2\x80\x9D hug \xF0\x9F\x98\x80";
    ui::GuardedText field;
    REQUIRE(field.load(original));
    auto draw = test::in_focused_window([&] { field.multiline("##t", ImVec2(400, 100)); });
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);
    // Type at the end (End key, GLFW 269) and paste nothing else: an edit happens.
    ImGui::GetIO().KeysDown[269] = true;
    h.frame(draw);
    ImGui::GetIO().KeysDown[269] = false;
    h.type("!");
    h.frame(draw);
    h.frame(draw);
    CHECK(field.value() == original + "!");
}

namespace {
std::string g_fake_clipboard;
const char* fake_get(void*) { return g_fake_clipboard.c_str(); }
void fake_set(void*, const char* t) { g_fake_clipboard = t; }
} // namespace

TEST_CASE("Pasting and copying emoji through a focused field keeps them", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = fake_get;
    io.SetClipboardTextFn = fake_set;
    ui::wrap_clipboard(io);
    ui::GuardedText field;
    field.clear();
    auto draw = test::in_focused_window([&] { field.single_line("##t", "hint"); });
    h.frame(draw);
    h.frame(draw);
    g_fake_clipboard = "hi \xF0\x9F\x98\x80 there";
    h.press('V', draw, /*ctrl=*/true);
    h.frame(draw);
    CHECK(field.value() == "hi \xF0\x9F\x98\x80 there");
    // Select all and copy: the clipboard gets the real characters back.
    h.press('A', draw, /*ctrl=*/true);
    g_fake_clipboard.clear();
    h.press('C', draw, /*ctrl=*/true);
    CHECK(g_fake_clipboard == "hi \xF0\x9F\x98\x80 there");
}

TEST_CASE("A field that keeps a draft restores it, and forgets it once cleared", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    {
        ui::GuardedText field;
        field.keep_draft(t.model.device, "test");
        auto draw = test::in_focused_window([&] { field.single_line("##t", "hint"); });
        h.frame(draw);
        h.frame(draw);
        h.type("Not saved yet ");
        h.type_codepoint(0x1F33B);
        h.frame(draw);
        h.frame(draw);
    }
    ui::GuardedText again;  // as after a restart
    again.keep_draft(t.model.device, "test");
    CHECK(again.value() == "Not saved yet \xF0\x9F\x8C\xBB");
    again.clear();
    CHECK(t.model.device.draft("test").empty());
}

TEST_CASE("Typing into a restored draft continues it at the end", "[ui][unicode]") {
    test::TestModel t;
    t.model.device.set_draft("test", "For the soup");
    test::Headless h(t.model.settings);
    ui::GuardedText field;
    field.keep_draft(t.model.device, "test");
    auto draw = test::in_focused_window([&] { field.multiline("##t", ImVec2(300, 100)); });
    h.frame(draw);
    h.frame(draw);
    h.type(" and the bread");
    h.frame(draw);
    h.frame(draw);
    CHECK(field.value() == "For the soup and the bread");
    CHECK(t.model.device.draft("test") == "For the soup and the bread");
}
