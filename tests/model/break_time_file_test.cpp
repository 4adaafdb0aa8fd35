// The break-time file beside an encrypted database: what the unlock screen
// shows after a restart (a running break's end, a paused one's seconds left),
// kept in step with every change of the break, owner-only, never its topic.
#include "break_time_file.h"
#include "encryption.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

using namespace hearth;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::Home;
using test::slurp;

namespace {

fs::path encrypted_couple(const fs::path& db) { return test::encrypted_couple(db, "open sesame"); }

std::string start_break(Model& m, int minutes) {
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = "the holiday budget, indigo-walrus";
    r.minutes = minutes;
    auto s = m.breaks.start(r);
    REQUIRE(s.ok());
    return s.id;
}

} // namespace

TEST_CASE("The break-time file follows a break through start, pause, resume, extend and end; 0600 under umask 0",
          "[breaks][encryption][lock]") {
    test::TempDir dir;
    const auto db = encrypted_couple(dir / "hearth.db");
    const auto file = break_time_file_for(db);
    const mode_t old_mask = ::umask(0);
    Home h(db, unlock_database(db, "open sesame"));
    REQUIRE(h.key);
    CHECK_FALSE(fs::exists(file));
    CHECK_FALSE(read_break_time(db));

    const WallTime started = h.clock.now();
    const std::string id = start_break(*h.m, 20);
    CHECK(h.m->break_time.sync().empty());
    REQUIRE(fs::exists(file));
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    auto shown = read_break_time(db);
    REQUIRE(shown);
    REQUIRE(shown->ends_at);
    CHECK(*shown->ends_at == started + 20min);
    // Its time only: not the topic, not who called it.
    const std::string bytes = slurp(file);
    for (auto word : {"indigo-walrus", "holiday", "Maya", "Sam"}) CHECK(bytes.find(word) == std::string::npos);

    h.clock.advance(5min);
    REQUIRE(h.m->breaks.pause(id).ok());
    CHECK(h.m->break_time.sync().empty());
    shown = read_break_time(db);
    REQUIRE(shown);
    CHECK_FALSE(shown->ends_at);
    CHECK(shown->paused_seconds_left == 15 * 60);

    h.clock.advance(10min);  // paused: the end moves with it
    REQUIRE(h.m->breaks.resume(id).ok());
    CHECK(h.m->break_time.sync().empty());
    shown = read_break_time(db);
    REQUIRE(shown);
    REQUIRE(shown->ends_at);
    CHECK(*shown->ends_at == h.clock.now() + 15min);

    REQUIRE(h.m->breaks.extend(id, 5).ok());
    CHECK(h.m->break_time.sync().empty());
    CHECK(read_break_time(db)->ends_at == h.clock.now() + 20min);

    // Reopened (a restart): the same end, still there.
    h.m.reset();
    CHECK(read_break_time(db)->ends_at == h.clock.now() + 20min);
    h.open();
    CHECK(read_break_time(db)->ends_at == h.clock.now() + 20min);

    REQUIRE(h.m->breaks.end_early(id).ok());
    CHECK(h.m->break_time.sync().empty());
    CHECK_FALSE(fs::exists(file));
    ::umask(old_mask);
}

TEST_CASE("A break that ran out while Hearth was closed: its break-time file goes when the database opens",
          "[breaks][encryption][lock]") {
    test::TempDir dir;
    const auto db = encrypted_couple(dir / "hearth.db");
    Home h(db, unlock_database(db, "open sesame"));
    start_break(*h.m, 20);
    h.m->break_time.sync();
    REQUIRE(read_break_time(db));
    h.m.reset();
    h.clock.advance(2h);
    h.open();
    CHECK_FALSE(fs::exists(break_time_file_for(db)));
}

TEST_CASE("A plain database keeps no break-time file (it never starts locked)", "[breaks][lock]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    Model m(open_couple_database(dir / "hearth.db", nullptr), clock, HEARTH_TEST_ASSETS_DIR);
    REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    start_break(m, 20);
    CHECK(m.break_time.sync().empty());
    CHECK_FALSE(fs::exists(break_time_file_for(dir / "hearth.db")));
}

TEST_CASE("The break-time file's text: what is written reads back; anything else shows nothing", "[breaks][lock]") {
    const ShownBreakTime running{WallTime{std::chrono::milliseconds(1'790'001'234'567)}, 0};
    CHECK(parse_break_time(format_break_time(running)) == running);
    const ShownBreakTime paused{std::nullopt, 754};
    CHECK(parse_break_time(format_break_time(paused)) == paused);
    for (auto bad : {"", "running-until-unix-ms ", "running-until-unix-ms 12x\n", "paused-seconds-left -3\n", "topic: x\n"})
        CHECK_FALSE(parse_break_time(bad));
}
