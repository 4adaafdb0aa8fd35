#include "test_support.h"

#include <sys/stat.h>

#include <memory>

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("The couple is set up once with two names and colours", "[couple]") {
    test::TestModel t(false);
    Couple& c = t.model.couple;
    CHECK_FALSE(c.is_set_up());
    auto r = c.set_up("  Zo\xC3\xAB ", Rgb{10, 20, 30}, "Sam", Rgb{40, 50, 60});
    REQUIRE(r.ok());
    CHECK(c.is_set_up());
    CHECK(c.partner(0).name == "Zo\xC3\xAB");
    CHECK(c.partner(1).color == Rgb{40, 50, 60});
    CHECK(c.other(0).slot == 1);
    CHECK(c.slot_of(c.partner(1).id) == 1);
}

TEST_CASE("Names that would confuse whose turn it is are refused", "[couple]") {
    test::TestModel t(false);
    Couple& c = t.model.couple;
    auto empty = c.set_up("", {}, "Sam", {});
    CHECK(empty.field == "name0");
    CHECK_FALSE(empty.error.empty());
    CHECK(c.set_up("Sam", {}, "Sam", {}).field == "name1");
    CHECK(c.set_up("Maya", {}, std::string(41, 'x'), {}).field == "name1");
    CHECK_FALSE(c.is_set_up());
}

TEST_CASE("Names and colours can be changed later and survive a reload", "[couple]") {
    test::TestModel t;
    Couple& c = t.model.couple;
    std::string id = c.partner(0).id;
    REQUIRE(c.update(0, "Maya Rose", Rgb{1, 2, 3}).ok());
    CHECK_FALSE(c.update(1, "Maya Rose", Rgb{1, 2, 3}).ok());
    c.reload();
    CHECK(c.partner(0).name == "Maya Rose");
    CHECK(c.partner(0).color == Rgb{1, 2, 3});
    CHECK(c.partner(0).id == id);  // the same person, so their history stays theirs
}

TEST_CASE("Settings saves both partners at once, or neither", "[couple]") {
    test::TestModel t;
    Couple& c = t.model.couple;
    // A refused second name leaves the first partner as they were.
    auto r = c.update_both("Maya Rose", Rgb{1, 2, 3}, "  ", Rgb{4, 5, 6});
    CHECK(refused_slot(r) == 1);
    CHECK_FALSE(r.error.empty());
    c.reload();
    CHECK(c.partner(0).name == "Maya");
    CHECK(c.partner(0).color == Rgb{196, 88, 72});
    // The two may swap names: each is checked against the other's new name.
    REQUIRE(c.update_both("Sam", Rgb{1, 2, 3}, "Maya", Rgb{4, 5, 6}).ok());
    CHECK(c.partner(0).name == "Sam");
    CHECK(c.partner(1).name == "Maya");
    CHECK(refused_slot(c.update_both("Zo\xC3\xAB", {}, "Zo\xC3\xAB", {})) == 1);
    CHECK(refused_slot(c.update_both("", {}, "Ana", {})) == 0);
    // A failure while writing the second row rolls back the first.
    t.model.db.exec("CREATE TEMP TRIGGER refuse_slot1 BEFORE UPDATE ON partner WHEN old.slot = 1 "
                    "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    CHECK_THROWS(c.update_both("Ana", Rgb{7, 7, 7}, "Ben", Rgb{8, 8, 8}));
    t.model.db.exec("DROP TRIGGER refuse_slot1");
    c.reload();
    CHECK(c.partner(0).name == "Sam");
    CHECK(c.partner(0).color == Rgb{1, 2, 3});
    CHECK(c.partner(1).name == "Maya");
}

TEST_CASE("Colours are stored as #rrggbb", "[couple]") {
    CHECK(format_rgb({196, 88, 72}) == "#c45848");
    CHECK(parse_rgb("#C45848") == Rgb{196, 88, 72});
    CHECK_FALSE(parse_rgb("c45848"));
    CHECK_FALSE(parse_rgb("#c4584g"));
}

TEST_CASE("The couple's settings live in their database, this machine's beside it", "[settings]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    auto open = [&] {
        return std::make_unique<Model>(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR,
                                       DeviceStore::open_file(DeviceStore::path_for(dir / "h.db")));
    };
    {
        auto m = open();
        CHECK(m->settings.get(setting::theme) == "light");
        CHECK(m->settings.get(setting::window_width) == 1180);
        m->settings.set(setting::theme, "dark");
        m->settings.set(setting::window_width, 900);
        m->settings.set(setting::break_floor_minutes, 15);
        m->device.set_draft("gratitude", "half");
    }
    auto m = open();
    CHECK(m->settings.get(setting::theme) == "dark");
    CHECK(m->settings.get(setting::window_width) == 900);
    CHECK(m->settings.get(setting::break_floor_minutes) == 15);
    CHECK(m->device.draft("gratitude") == "half");
    // Only the couple's choice is in their database.
    std::vector<std::string> keys;
    auto& st = m->db.prepare("SELECT key FROM setting ORDER BY key");
    while (st.step()) keys.push_back(st.text(0));
    CHECK(keys == std::vector<std::string>{"breaks.floor_minutes"});
    // Out of range is ignored, not clamped; a write is clamped.
    m->settings.set(setting::window_width, 99999);
    CHECK(m->settings.get(setting::window_width) == setting::window_width.max);
}

TEST_CASE("A database from before the device store gives up its window size and drafts", "[settings]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    {
        Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
        for (auto [k, v] : {std::pair{"window.width", "900"}, {"ui.last_panel", "planner"}, {"draft.gratitude", "For the tea"},
                            {"draft.listening.s1.note0", "note"}, {"breaks.floor_minutes", "12"}})
            m.db.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES(?1, ?2, 'x', 'x')").bind(1, k).bind(2, v).run();
    }
    Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR,
            DeviceStore::open_file(DeviceStore::path_for(dir / "h.db")));
    CHECK(m.settings.get(setting::window_width) == 900);
    CHECK(m.settings.get(setting::last_panel) == "planner");
    CHECK(m.device.draft("gratitude") == "For the tea");
    CHECK(m.device.draft("listening.s1.note0") == "note");
    CHECK(m.settings.get(setting::break_floor_minutes) == 12);
    auto& st = m.db.prepare("SELECT group_concat(key) FROM setting");
    REQUIRE(st.step());
    CHECK(st.text(0) == "breaks.floor_minutes");
}

TEST_CASE("The device store is owner-only and survives a kill without an fsync per keystroke", "[settings]") {
    test::TempDir dir;
    auto path = DeviceStore::path_for(dir / "h.db");
    ::umask(0);
    auto store = DeviceStore::open_file(path);
    ::umask(022);
    store.set_draft("gratitude", "typed");
    struct stat sb{};
    REQUIRE(::stat(path.c_str(), &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
    auto& st = store.raw_db().prepare("PRAGMA synchronous");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);  // NORMAL: the WAL is written, not synced, on each commit
}
