#include "export_box.h"
#include "headless.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

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
}
