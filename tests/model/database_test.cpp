#include "search.h"
#include "database.h"
#include "hearth_model.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>

using namespace hearth;
namespace fs = std::filesystem;
using test::slurp;

namespace {
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
// A database made with SQLite directly, in rollback-journal mode (as an older
// tool or a newer Hearth might leave it), set up by `sql`.
void make_rollback_db(const fs::path& p, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(p.c_str(), &raw) == SQLITE_OK);
    REQUIRE(register_search_tokenizer(raw));  // the search triggers need it to alter any table
    char* err = nullptr;
    int rc = sqlite3_exec(raw, ("PRAGMA journal_mode=DELETE; " + sql).c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(raw);
    REQUIRE(rc == SQLITE_OK);
}

// A Hearth database at the latest schema with a couple, in rollback-journal mode.
void make_hearth_db(const fs::path& p) {
    {
        FakeClock clock{test::fixed_start()};
        Model m(Database::open_file(p), clock, HEARTH_TEST_ASSETS_DIR);
        m.couple.set_up("Maya", {1, 2, 3}, "Sam", {4, 5, 6});
    }
    make_rollback_db(p, "");
}

std::string journal_mode(const fs::path& p) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(p.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr);
    std::string mode = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return mode;
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

TEST_CASE("A database from a newer Hearth in rollback-journal mode stays byte for byte as it was", "[db]") {
    test::TempDir dir;
    auto path = dir / "future.db";
    make_rollback_db(path, "CREATE TABLE partner(id); CREATE TABLE from_the_future(x); PRAGMA user_version = 999;");
    REQUIRE(journal_mode(path) == "delete");
    require_refused_untouched(path, "newer version of Hearth");
    CHECK_FALSE(fs::exists(path.string() + "-journal"));
    CHECK(journal_mode(path) == "delete");
}

TEST_CASE("A database missing a column is refused by name before anything writes", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    make_hearth_db(path);
    make_rollback_db(path, "ALTER TABLE gratitude DROP COLUMN shared_in_review;");
    require_refused_untouched(path, "the column gratitude.shared_in_review is missing");
    CHECK(journal_mode(path) == "delete");
}

TEST_CASE("A database missing a table is refused by name, in WAL mode too", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    make_hearth_db(path);
    make_rollback_db(path, "PRAGMA foreign_keys=OFF; DROP TABLE plan_rating; PRAGMA journal_mode=WAL;");
    require_refused_untouched(path, "the table plan_rating is missing");
}

TEST_CASE("An older Hearth database is switched to WAL only once it is known good, and migrated", "[db]") {
    test::TempDir dir;
    auto path = dir / "old.db";
    {
        Database db = Database::open_file(path);
        migrate(db, 2);
    }
    make_rollback_db(path, "");
    FakeClock clock{test::fixed_start()};
    Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
    CHECK(m.db.user_version() == latest_schema_version());
    CHECK(journal_mode(path) == "wal");
}

TEST_CASE("A full database says the disk is full and names the file", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
    m.couple.set_up("Maya", {1, 2, 3}, "Sam", {4, 5, 6});
    // SQLite reports SQLITE_FULL exactly as for a full disk when a database
    // reaches its page limit.
    m.db.exec("PRAGMA max_page_count = " + std::to_string([&] {
                  auto& st = m.db.prepare("PRAGMA page_count");
                  st.step();
                  return st.integer(0);
              }()));
    try {
        m.db.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES('big', ?1, 'x', 'x')")
            .bind(1, std::string(200000, 'x'))
            .run();
        FAIL("the insert should have failed");
    } catch (const DbError& e) {
        std::string msg = e.what();
        CHECK_THAT(msg, Catch::Contains(path.string()));
        CHECK_THAT(msg, Catch::Contains("the disk is full"));
        CHECK(e.disk_full());
    }
}

TEST_CASE("Filling a real (small) disk says the disk is full and names the file", "[db][tmpfs]") {
    test::TempDir dir;
    auto mnt = dir / "small";
    fs::create_directory(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=1m,mode=0700") != 0) {
        SUCCEED("cannot mount a tmpfs here (not root?): " << std::strerror(errno) << "; the PRAGMA max_page_count test covers SQLITE_FULL");
        return;
    }
    struct Unmount {
        fs::path p;
        ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
    } unmount{mnt};
    auto path = mnt / "hearth.db";
    FakeClock clock{test::fixed_start()};
    std::string message;
    {
        Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
        m.couple.set_up("Maya", {1, 2, 3}, "Sam", {4, 5, 6});
        {
            // Fill what is left of the disk.
            std::FILE* f = std::fopen((mnt / "filler").c_str(), "wb");
            REQUIRE(f);
            std::string block(4096, 'f');
            while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
            }
            std::fclose(f);
        }
        try {
            for (int i = 0; i < 100; ++i)
                m.db.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES(?1, ?2, 'x', 'x')")
                    .bind(1, "big" + std::to_string(i))
                    .bind(2, std::string(50000, 'x'))
                    .run();
            FAIL("the disk should have filled up");
        } catch (const DbError& e) {
            message = e.what();
        }
    }
    CHECK_THAT(message, Catch::Contains(path.string()));
    CHECK_THAT(message, Catch::Contains("the disk is full"));
    CHECK_THAT(message, !Catch::Contains("I/O error"));
}

TEST_CASE("A constraint error names the database file", "[db]") {
    test::TempDir dir;
    auto path = dir / "hearth.db";
    Database db = Database::open_file(path);
    db.exec("CREATE TABLE t(x UNIQUE)");
    db.prepare("INSERT INTO t VALUES(1)").run();
    CHECK_THROWS_WITH(db.prepare("INSERT INTO t VALUES(1)").run(),
                      Catch::Contains(path.string()) && Catch::Contains("UNIQUE constraint failed: t.x"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO t VALUES(1)"), Catch::Contains(path.string()));
    CHECK_THROWS_WITH(db.prepare("SELECT nothing FROM nowhere"), Catch::Contains(path.string()));
}

TEST_CASE("A writable database in a read-only folder: the message says the folder is read-only", "[db]") {
    test::TempDir dir;
    auto folder = dir / "ro";
    fs::create_directory(folder);
    auto path = folder / "hearth.db";
    make_hearth_db(path);
    const bool root = ::geteuid() == 0;
    // root writes anywhere, so the open runs as "nobody" in a child process.
    const uid_t nobody = 65534;
    if (root) {
        REQUIRE(::chown(folder.c_str(), nobody, nobody) == 0);
        REQUIRE(::chown(path.c_str(), nobody, nobody) == 0);
        ::chmod(dir.path().c_str(), 0755);
    }
    ::chmod(folder.c_str(), 0555);
    auto open_and_report = [&]() -> std::string {
        try {
            FakeClock clock{test::fixed_start()};
            Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
            m.couple.set_up("Maya", {1, 2, 3}, "Sam", {4, 5, 6});
            return "opened";
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    std::string message;
    if (!root) {
        message = open_and_report();
    } else {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            std::string m = (::setgid(nobody) == 0 && ::setuid(nobody) == 0) ? open_and_report() : "setuid failed";
            (void)!::write(fds[1], m.data(), m.size());
            ::_exit(0);
        }
        ::close(fds[1]);
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fds[0], buf, sizeof buf)) > 0) message.append(buf, size_t(n));
        ::close(fds[0]);
        ::waitpid(child, nullptr, 0);
    }
    INFO(message);
    CHECK_THAT(message, Catch::Contains(path.string()));
    CHECK_THAT(message, Catch::Contains("folder") && Catch::Contains("is read-only"));
    CHECK_THAT(message, !Catch::Contains("attempt to write a readonly database"));
    ::chmod(folder.c_str(), 0700);
}
