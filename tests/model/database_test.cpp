#include "database.h"
#include "hearth_model.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace hearth;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}
// Opening must fail with a message naming the file, and leave the bytes as they were.
void require_refused_untouched(const fs::path& p, const std::string& expected_phrase) {
    std::string before = slurp(p);
    try {
        FakeClock clock{test::fixed_start()};
        Model m(Database::open_file(p), clock, HEARTH_TEST_ASSETS_DIR);
        FAIL("opening " << p << " should have been refused");
    } catch (const DbError& e) {
        std::string msg = e.what();
        CHECK_THAT(msg, Catch::Contains(p.string()));
        CHECK_THAT(msg, Catch::Contains(expected_phrase, Catch::CaseSensitive::No));
    }
    CHECK(slurp(p) == before);
    CHECK_FALSE(fs::exists(p.string() + "-wal"));
}
} // namespace

TEST_CASE("A new database file is created owner-only, in WAL mode with full sync", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    {
        FakeClock clock{test::fixed_start()};
        Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
        CHECK(m.db.user_version() == latest_schema_version());
        auto& st = m.db.prepare("PRAGMA journal_mode");
        REQUIRE(st.step());
        CHECK(st.text(0) == "wal");
        auto& sync = m.db.prepare("PRAGMA synchronous");
        REQUIRE(sync.step());
        CHECK(sync.integer(0) == 2);  // FULL
        auto& fk = m.db.prepare("PRAGMA foreign_keys");
        REQUIRE(fk.step());
        CHECK(fk.integer(0) == 1);
    }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("A file that is not a database is refused and left untouched", "[db]") {
    test::TempDir dir;
    auto path = dir / "notes.db";
    write(path, std::string("These are my notes, not a database. ") + std::string(4096, 'x'));
    require_refused_untouched(path, "not a database");
}

TEST_CASE("A database with a damaged header is refused and left untouched", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    {
        FakeClock clock{test::fixed_start()};
        Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
        m.couple.set_up("Maya", {1, 2, 3}, "Sam", {4, 5, 6});
    }
    std::string bytes = slurp(path);
    REQUIRE(bytes.size() > 100);
    for (int i = 0; i < 16; ++i) bytes[std::size_t(i)] = '!';  // the magic header string
    write(path, bytes);
    require_refused_untouched(path, "not a database");
}

TEST_CASE("A database written by a newer Hearth is refused and left untouched", "[db]") {
    test::TempDir dir;
    auto path = dir / "future.db";
    {
        Database db = Database::open_file(path);
        db.exec("CREATE TABLE from_the_future(x); PRAGMA user_version = 999;");
    }
    require_refused_untouched(path, "newer version of Hearth");
}

TEST_CASE("An unreadable or read-only database is refused and left untouched", "[db]") {
    if (::geteuid() == 0) {
        // root reads and writes regardless of permissions; the read-only folder case below still runs.
        SUCCEED("running as root: permission checks skipped");
    } else {
        test::TempDir dir;
        auto path = dir / "hearth.db";
        { Database db = Database::open_file(path); }
        ::chmod(path.c_str(), 0200);
        require_refused_untouched(path, "cannot be read");
        ::chmod(path.c_str(), 0400);
        require_refused_untouched(path, "read-only");
    }
}

TEST_CASE("A folder given as the database is refused", "[db]") {
    test::TempDir dir;
    CHECK_THROWS_WITH(Database::open_file(dir.path()), Catch::Contains("folder"));
}

TEST_CASE("A transaction rolls back unless committed, and nests", "[db]") {
    Database db = Database::open_memory();
    db.exec("CREATE TABLE t(x)");
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t VALUES(1)").run();
    }
    {
        Transaction outer(db);
        db.prepare("INSERT INTO t VALUES(2)").run();
        {
            Transaction inner(db);
            db.prepare("INSERT INTO t VALUES(3)").run();
        }
        outer.commit();
    }
    auto& st = db.prepare("SELECT group_concat(x) FROM t");
    REQUIRE(st.step());
    CHECK(st.text(0) == "2");
}
