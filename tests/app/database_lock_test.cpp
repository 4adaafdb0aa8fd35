#include "database_lock.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace hearth::app;
namespace fs = std::filesystem;

namespace {
struct Run {
    int status = -1;
    std::string output;  // stdout and stderr
};

Run run_hearth(const std::string& args) {
    Run r;
    std::string cmd = std::string(HEARTH_BINARY) + " " + args + " 2>&1";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}
} // namespace

TEST_CASE("A second Hearth on the same database is refused with a message naming the file", "[lock]") {
    hearth::test::TempDir dir;
    auto db = dir / "hearth.db";
    DatabaseLock first(db, DatabaseLock::Purpose::window);
    try {
        DatabaseLock second(db, DatabaseLock::Purpose::window);
        FAIL("the second window should have been refused");
    } catch (const DatabaseInUse& e) {
        CHECK_THAT(e.what(), Catch::Contains("already open") && Catch::Contains(db.string()));
    }
    CHECK_THROWS_WITH(DatabaseLock(db, DatabaseLock::Purpose::import),
                      Catch::Contains("Cannot import into " + db.string()) && Catch::Contains("Close that window"));
    // The same file by another name is the same database.
    fs::create_directory_symlink(dir.path(), dir / "alias");
    CHECK_THROWS_AS(DatabaseLock(dir / "alias" / "hearth.db", DatabaseLock::Purpose::window), DatabaseInUse);
    // Another database is not affected.
    CHECK_NOTHROW(DatabaseLock(dir / "other.db", DatabaseLock::Purpose::window));
}

TEST_CASE("The lock file is owner-only and released when its holder goes", "[lock]") {
    hearth::test::TempDir dir;
    auto db = dir / "hearth.db";
    {
        DatabaseLock lock(db, DatabaseLock::Purpose::window);
        struct stat st {};
        REQUIRE(::stat(DatabaseLock::path_for(db).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    CHECK_NOTHROW(DatabaseLock(db, DatabaseLock::Purpose::window));
}

TEST_CASE("A Hearth that crashed (kill -9) does not keep the database locked", "[lock]") {
    hearth::test::TempDir dir;
    auto db = dir / "hearth.db";
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(ready[0]);
        DatabaseLock lock(db, DatabaseLock::Purpose::window);
        (void)!::write(ready[1], "x", 1);
        for (;;) ::pause();
    }
    ::close(ready[1]);
    char c;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
    CHECK_THROWS_AS(DatabaseLock(db, DatabaseLock::Purpose::window), DatabaseInUse);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    CHECK_NOTHROW(DatabaseLock(db, DatabaseLock::Purpose::window));
}

TEST_CASE("hearth refuses a second window and an import while a window holds the database; exports still run",
          "[lock]") {
    hearth::test::TempDir dir;
    auto db = dir / "hearth.db";
    auto backup = dir / "backup.json";
    REQUIRE(run_hearth("--db " + db.string() + " --export-json " + backup.string()).status == 1);  // no database yet
    REQUIRE(run_hearth("--demo --export-json " + backup.string()).status == 0);
    REQUIRE(run_hearth("--db " + db.string() + " --import-json " + backup.string()).status == 0);

    DatabaseLock window(db, DatabaseLock::Purpose::window);
    auto second = run_hearth("--db " + db.string() + " --screenshot " + (dir / "x.png").string());
    CHECK(second.status == 1);
    CHECK_THAT(second.output, Catch::Contains("already open on " + db.string()));
    CHECK_FALSE(fs::exists(dir / "x.png"));

    auto import = run_hearth("--db " + db.string() + " --import-json " + backup.string());
    CHECK(import.status == 1);
    CHECK_THAT(import.output, Catch::Contains("Cannot import into " + db.string()));

    auto exported = run_hearth("--db " + db.string() + " --export-json " + (dir / "again.json").string());
    CHECK(exported.status == 0);
    CHECK(fs::exists(dir / "again.json"));
}
