#include "test_support.h"

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

TEST_CASE("Colours are stored as #rrggbb", "[couple]") {
    CHECK(format_rgb({196, 88, 72}) == "#c45848");
    CHECK(parse_rgb("#C45848") == Rgb{196, 88, 72});
    CHECK_FALSE(parse_rgb("c45848"));
    CHECK_FALSE(parse_rgb("#c4584g"));
}

TEST_CASE("Settings are kept in the database", "[settings]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    {
        Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
        m.settings.set("ui.theme", "dark");
        m.settings.set_int("window.width", 900);
    }
    Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
    CHECK(m.settings.get("ui.theme") == "dark");
    CHECK(m.settings.get_int("window.width", 0) == 900);
    CHECK(m.settings.get_int("missing", 7) == 7);
}
