// Issue 10, fault 1: a database error while the window is open (a full disk,
// the write lock held by another program) is shown in the window, what was
// typed stays in its box and its draft, and saving works again afterwards.
#include "app_context.h"
#include "guarded_text.h"
#include "headless.h"
#include "screen_text.h"
#include "shell.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <string>

using namespace hearth;

namespace {

// The whole UI over a model on a database file, as the app runs it.
struct FileUi {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    Model model{Database::open_file(dir / "hearth.db"), clock, HEARTH_TEST_ASSETS_DIR};
    std::optional<test::Headless> h;
    std::optional<ui::AppContext> ctx;
    std::optional<ui::Shell> shell;

    FileUi() {
        model.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
        h.emplace(model.settings);
        ctx.emplace(model, clock);
        shell.emplace(*ctx);
    }
    void frame() { h->frame([this] { shell->draw(); }); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    void press(int key) { h->press(key, [this] { shell->draw(); }); }
    bool click_text(std::string_view label) { return h->click_text(label, [this] { shell->draw(); }); }
    // The button itself, not the sentence that names it.
    bool click_button(std::string_view label) {
        for (const auto& run : test::screen_text())
            if (run.text == label) {
                h->click(ImVec2((run.min.x + run.max.x) / 2, (run.min.y + run.max.y) / 2), [this] { shell->draw(); });
                return true;
            }
        return false;
    }
    bool shows(std::string_view words) { return test::find_text(words).has_value(); }
    // Words that may wrap over lines (a long path): the screen read as one
    // string, without spaces.
    static std::string squeezed(std::string s) {
        std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
        return s;
    }
    bool shows_wrapped(std::string_view words) {
        return squeezed(test::screen_dump()).find(squeezed(std::string(words))) != std::string::npos;
    }
    int64_t pragma(const std::string& sql) {
        auto& st = model.db.prepare(sql);
        int64_t v = st.step() ? st.integer(0) : -1;
        st.reset();
        return v;
    }
};

// A text longer than a page: saving it needs a new page of the file.
std::string long_text() {
    std::string t = "Thank you for carrying the groceries up ";
    for (int i = 0; i < 1400; ++i) t += "\xE2\x82\xAC";  // €, three bytes each
    return t;
}

} // namespace

TEST_CASE("A full disk while saving an appreciation: the window stays, says so, keeps the text, and saves once there is room", "[ui][errors]") {
    FileUi u;
    REQUIRE(u.shell->select("gratitude"));
    u.frames(3);
    REQUIRE(ImGui::GetIO().WantTextInput);
    const std::string text = long_text();
    u.h->type(text.c_str());
    u.frame();
    REQUIRE(u.model.device.draft("gratitude") == text);

    // The file may not grow: the next page SQLite asks for fails with SQLITE_FULL.
    u.model.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    REQUIRE(u.pragma("PRAGMA freelist_count") == 0);
    u.pragma("PRAGMA max_page_count = " + std::to_string(u.pragma("PRAGMA page_count")));

    REQUIRE_NOTHROW(u.press(test::Headless::kEnter));
    u.frames(2);
    CHECK(u.model.gratitude.count({}) == 0);
    REQUIRE(u.ctx->db_problem);
    CHECK(u.ctx->db_problem->kind == ui::DbProblemKind::disk_full);
    INFO(test::screen_dump());
    CHECK(u.shows("The disk is full, so this was not saved"));
    CHECK(u.shows("What you typed is still here."));
    CHECK(u.shows_wrapped("Free some space on the disk that holds " + (u.dir / "hearth.db").string()));
    CHECK(u.shows("Try again"));
    CHECK(u.shows("Free some space on the disk that holds"));
    // What was typed is still in the box, and still the draft.
    CHECK(u.model.device.draft("gratitude") == text);
    CHECK(ImGui::GetIO().WantTextInput);  // the box has the keys back

    // Room again: Enter in the box saves it.
    u.pragma("PRAGMA max_page_count = 1073741823");
    REQUIRE(u.click_button("Try again"));
    u.frames(2);
    if (u.ctx->db_problem) FAIL(u.ctx->db_problem->detail);
    CHECK(ImGui::GetIO().WantTextInput);
    u.press(test::Headless::kEnter);
    u.frames(2);
    REQUIRE(u.model.gratitude.count({}) == 1);
    CHECK(u.model.gratitude.page({}, 0, 1).front().text == text);
    CHECK(u.model.device.draft("gratitude").empty());
    CHECK_FALSE(u.ctx->db_problem);
}

TEST_CASE("The database locked by another program: the save waits, says who holds what, and Try again saves", "[ui][errors]") {
    FileUi u;
    REQUIRE(u.shell->select("gratitude"));
    u.frames(3);
    u.h->type("For the tea this morning");
    u.frame();

    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((u.dir / "hearth.db").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);

    REQUIRE(u.click_text("Save appreciation"));  // waits the busy timeout (2 s), then fails
    u.frames(2);
    CHECK(u.model.gratitude.count({}) == 0);
    REQUIRE(u.ctx->db_problem);
    CHECK(u.ctx->db_problem->kind == ui::DbProblemKind::locked);
    INFO(test::screen_dump());
    CHECK(u.shows("Another program is using the database, so this was not saved"));
    CHECK(u.shows_wrapped("Another program holds " + (u.dir / "hearth.db").string() + " locked"));
    CHECK(u.model.device.draft("gratitude") == "For the tea this morning");

    // The other program lets go: Try again presses Save again.
    REQUIRE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    REQUIRE(u.click_button("Try again"));
    u.frames(3);
    REQUIRE(u.model.gratitude.count({}) == 1);
    CHECK(u.model.gratitude.page({}, 0, 1).front().text == "For the tea this morning");
    CHECK_FALSE(u.ctx->db_problem);
    CHECK(u.model.device.draft("gratitude").empty());
}

TEST_CASE("A draft that cannot be written does not end the frame; the text stays and the window says so", "[ui][errors]") {
    FileUi u;
    REQUIRE(u.shell->select("gratitude"));
    u.frames(3);
    // Every write to this machine's store fails, as on a full disk.
    u.model.device.raw_db().exec(
        "CREATE TEMP TRIGGER full BEFORE INSERT ON device_value BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    u.h->type("Half a sentence");
    REQUIRE_NOTHROW(u.frame());
    u.frame();
    INFO(test::screen_dump());
    CHECK(u.shows("Half a sentence"));
    REQUIRE(u.ctx->db_problem);
    CHECK(u.ctx->db_problem->kind == ui::DbProblemKind::disk_full);
    CHECK(u.shows("cannot be kept as a draft"));
    // Writable again: the draft is written as the field draws.
    u.model.device.raw_db().exec("DROP TRIGGER temp.full");
    u.h->type("!");
    u.frames(2);
    CHECK(u.model.device.draft("gratitude") == "Half a sentence!");
    CHECK_FALSE(ui::draft_failure());
}

TEST_CASE("A database that cannot be opened is explained: the file, the problem, what to do, and Quit", "[ui][errors]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    bool quit = false;
    auto draw = [&] { quit = ui::draw_cannot_open("/home/maya/hearth.db", "Cannot open the database /home/maya/hearth.db: file is not a database"); };
    h.frame(draw);
    h.frame(draw);
    INFO(test::screen_dump());
    CHECK(test::find_text("Hearth cannot open its database"));
    CHECK(test::find_text("/home/maya/hearth.db"));
    CHECK(test::find_text("file is not a database"));
    CHECK(test::find_text("free some space"));
    CHECK(test::find_text("--db FILE"));
    CHECK_FALSE(quit);
    REQUIRE(h.click_text("Quit", draw));
    CHECK(quit);
}
