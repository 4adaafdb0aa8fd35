#include "cli.h"

#include <catch2/catch.hpp>

using namespace hearth::app;

TEST_CASE("The command line understands every documented option", "[cli]") {
    auto r = parse_cli({"--demo", "--screenshot", "out.png", "--panel", "gratitude", "--size", "800x600"});
    REQUIRE(r.error.empty());
    CHECK(r.options.demo);
    CHECK(r.options.screenshot == "out.png");
    CHECK(r.options.panel == "gratitude");
    CHECK(r.options.size == std::pair{800, 600});
    CHECK(parse_cli({"--db", "x.db", "--export-json", "b.json"}).options.export_json == "b.json");
    CHECK(parse_cli({"--import-json", "b.json"}).options.import_json == "b.json");
    CHECK(parse_cli({"--db", "x.db", "--export-ics", "plans.ics"}).options.export_ics == "plans.ics");
    CHECK(parse_cli({"--help"}).options.help);
    CHECK(parse_cli({"--version"}).options.version);
    auto week = parse_cli({"--export-week", "2026-W47", "week.md"});
    REQUIRE(week.error.empty());
    CHECK(week.options.export_week == std::pair<std::string, std::string>{"2026-W47", "week.md"});
    CHECK_FALSE(parse_cli({"--export-week", "2026-W47"}).error.empty());
    CHECK(parse_cli({"--list-exercises", "--exercises", "/tmp/x"}).options.exercise_dirs == std::vector<std::string>{"/tmp/x"});
}

TEST_CASE("Bad command lines get a message naming the problem", "[cli]") {
    CHECK_THAT(parse_cli({"--frobnicate"}).error, Catch::Contains("--frobnicate"));
    CHECK_THAT(parse_cli({"--db"}).error, Catch::Contains("needs a value"));
    CHECK_THAT(parse_cli({"--screenshot", "a.png", "--size", "big"}).error, Catch::Contains("WIDTHxHEIGHT"));
    CHECK_THAT(parse_cli({"--screenshot", "a.png", "--size", "10x10"}).error, Catch::Contains("WIDTHxHEIGHT"));
    CHECK_FALSE(parse_cli({"--demo", "--db", "x.db"}).error.empty());
    CHECK_FALSE(parse_cli({"--size", "800x600"}).error.empty());
    CHECK_THAT(parse_cli({"--demo", "--import-json", "b.json"}).error, Catch::Contains("thrown away"));
}

TEST_CASE("A malformed option value is a usage error, as the README says (exit status 2)", "[cli][behave]") {
    CHECK_THAT(parse_cli({"--export-week", "2026-W99", "week.md"}).error, Catch::Contains("2026-W99"));
    CHECK_THAT(parse_cli({"--export-week", "2021-W53", "week.md"}).error, Catch::Contains("2021-W53"));
    CHECK_THAT(parse_cli({"--export-week", "last week", "week.md"}).error, Catch::Contains("YYYY-Www"));
    CHECK_FALSE(parse_cli({"--export-week", "2026-W47", "--demo"}).error.empty());
    CHECK_THAT(parse_cli({"--panel", "nowhere"}).error, Catch::Contains("nowhere"));
    CHECK(parse_cli({"--panel", "planner"}).error.empty());
    CHECK_THAT(parse_cli({"--db", "--demo"}).error, Catch::Contains("needs a value"));
    CHECK(parse_cli({"--export-week", "2020-W53", "week.md"}).error.empty());
}

TEST_CASE("--help lists every panel id", "[cli]") {
    auto text = usage_text({{"dashboard", "The week"}, {"gratitude", "Appreciations"}});
    CHECK_THAT(text, Catch::Contains("dashboard") && Catch::Contains("gratitude") && Catch::Contains("--export-json"));
}

TEST_CASE("Card decks on the command line: --decks is repeatable, --list-decks is understood", "[cli][decks]") {
    auto r = parse_cli({"--decks", "/tmp/a", "--list-decks", "--decks", "/tmp/b"});
    REQUIRE(r.error.empty());
    CHECK(r.options.list_decks);
    CHECK(r.options.deck_dirs == std::vector<std::string>{"/tmp/a", "/tmp/b"});
    CHECK_FALSE(parse_cli({"--decks"}).error.empty());
    CHECK_THAT(usage_text({}), Catch::Contains("--list-decks"));
}
