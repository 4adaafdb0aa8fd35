#include "export_box.h"
#include "app_ui.h"
#include "headless.h"
#include "visible_text.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace hearth;

TEST_CASE("An export writes a new file but never replaces one without asking", "[ui]") {
    test::TestModel t;
    test::TempDir dir;
    const std::string path = (dir / "week.md").string();
    test::Headless h(t.model.settings);
    ui::ExportBox box;
    int writes = 0;
    bool focus = true;
    auto draw = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(900, 400));
        ImGui::Begin("w");
        if (focus) ImGui::SetKeyboardFocusHere();
        focus = false;
        box.offer(path);
        box.draw("Export", [&](const std::string& p) {
            ++writes;
            std::ofstream(p) << "summary " << writes;
        });
        ImGui::End();
    };
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    CHECK(writes == 1);
    CHECK(box.written() == "Wrote " + path);
    // Again: the file is there now, so nothing is written until the couple says so.
    focus = true;
    h.frame(draw);
    h.frame(draw);
    h.press(test::Headless::kEnter, draw);
    CHECK(box.asking_to_replace());
    CHECK(writes == 1);
    std::ifstream in(path);
    std::string content;
    std::getline(in, content);
    CHECK(content == "summary 1");
    in.close();
    // "Replace it" writes over it, to the same file (the path was once lost on the way).
    REQUIRE(h.click_text("Replace it", draw));
    h.frame(draw);
    CHECK(writes == 2);
    CHECK_FALSE(box.asking_to_replace());
    CHECK(box.written() == "Wrote " + path);
    std::ifstream again(path);
    std::getline(again, content);
    CHECK(content == "summary 2");
}

TEST_CASE("The weekly review's export shows the home folder as ~/, and writes there", "[ui][review]") {
    test::TempDir home;
    const char* before = std::getenv("HOME");
    const std::string saved = before ? before : "";
    ::setenv("HOME", home.path().string().c_str(), 1);
    {
        test::OwnedAppUi u;
        u.h.resize(ImVec2(1600, 3000));  // the whole review, the export at its foot
        REQUIRE(u.shell.select("review"));
        u.frames(2);
        u.click_text("Export this week so far");  // once a review is under way it is folded
        u.frames(2);
        const std::string name = "hearth-" + format_iso_week(iso_week(local_date(u.t.clock.now()))) + ".md";
        std::string shown = test::visible_text("Hearth/content");
        INFO(shown);
        CHECK(shown.find("~/" + name) != std::string::npos);
        CHECK(shown.find(test::without_spaces(home.path().string())) == std::string::npos);
        REQUIRE(u.click_text("Export this week"));
        u.frames(2);
        CHECK(std::filesystem::is_regular_file(home / name));
        shown = test::visible_text("Hearth/content");
        CHECK(shown.find("Wrote~/" + name) != std::string::npos);
        CHECK(shown.find(test::without_spaces(home.path().string())) == std::string::npos);
        // Said once, under the button (not again in the status line).
        const std::string everything = test::screen_dump();
        INFO(everything);
        CHECK(everything.find("Wrote") == everything.rfind("Wrote"));
    }
    if (before) ::setenv("HOME", saved.c_str(), 1);
    else ::unsetenv("HOME");
}
