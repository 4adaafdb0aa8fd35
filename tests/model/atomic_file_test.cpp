#include "atomic_file.h"
#include "backup.h"
#include "ics_export.h"
#include "test_support.h"
#include "week_markdown.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <fstream>

using namespace hearth;
namespace fs = std::filesystem;

namespace {
unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

void make_file(const fs::path& p, unsigned mode) {
    std::ofstream(p) << "old";
    ::chmod(p.c_str(), mode);
}

// A process that dies (SIGKILL) halfway through writing `file`: what a kill -9
// during an export leaves behind. Returns the dead process's pid.
pid_t die_while_writing(const fs::path& file) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int fd = ::open(temporary_for(file, ::getpid()).c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        (void)!::write(fd, "half of a summ", 14);
        ::raise(SIGKILL);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    return child;
}
} // namespace

TEST_CASE("A written file is owner-only whatever the umask", "[atomic_file]") {
    test::TempDir dir;
    Umask open_umask(0);
    auto file = dir / "summary.md";
    REQUIRE(write_file_atomically(file, "private words").empty());
    CHECK(mode_of(file) == 0600);
}

TEST_CASE("Replacing a file never widens its mode", "[atomic_file]") {
    test::TempDir dir;
    Umask open_umask(0);
    auto wide = dir / "wide.ics";
    make_file(wide, 0644);
    REQUIRE(write_file_atomically(wide, "new").empty());
    CHECK(mode_of(wide) == 0600);

    auto narrow = dir / "narrow.md";
    make_file(narrow, 0400);
    REQUIRE(write_file_atomically(narrow, "new").empty());
    CHECK(mode_of(narrow) == 0400);

    auto owner = dir / "owner.md";
    make_file(owner, 0600);
    REQUIRE(write_file_atomically(owner, "new").empty());
    CHECK(mode_of(owner) == 0600);
    std::ifstream in(owner);
    std::string text;
    std::getline(in, text);
    CHECK(text == "new");
}

TEST_CASE("Calendar, week summary and backup exports are owner-only, also over a 0644 file", "[atomic_file]") {
    test::TempDir dir;
    Umask usual_umask(022);
    test::TestModel t;
    auto& m = t.model;
    auto ics = dir / "plans.ics";
    auto md = dir / "week.md";
    auto json = dir / "backup.json";
    for (int round = 0; round < 2; ++round) {
        INFO((round == 0 ? "created" : "replacing a 0644 file"));
        export_ics(m.planner, t.clock, ics);
        export_week_markdown(m, iso_week(Date{std::chrono::year{2026}, std::chrono::month{9}, std::chrono::day{21}}), md);
        export_backup(m.db, t.clock, json);
        CHECK(mode_of(ics) == 0600);
        CHECK(mode_of(md) == 0600);
        CHECK(mode_of(json) == 0600);
        for (const auto& f : {ics, md, json}) ::chmod(f.c_str(), 0644);
    }
}

TEST_CASE("Temporaries are named recognisably, and only Hearth's are recognised", "[atomic_file]") {
    long pid = 0;
    auto tmp = temporary_for(fs::path("/x/week.md"), 4242);
    CHECK(tmp == fs::path("/x/.week.md.hearth-tmp-4242"));
    CHECK(is_hearth_temporary(tmp.filename().string(), &pid));
    CHECK(pid == 4242);
    CHECK_FALSE(is_hearth_temporary("week.md.hearth-tmp-4242"));
    CHECK_FALSE(is_hearth_temporary(".week.md.hearth-tmp-"));
    CHECK_FALSE(is_hearth_temporary(".week.md.hearth-tmp-12x"));
    CHECK_FALSE(is_hearth_temporary("week.md.tmp-a1b2c3"));
}

TEST_CASE("A kill -9 during an export leaves a temporary that the next write in that folder removes", "[atomic_file]") {
    test::TempDir dir;
    auto summary = dir / "week.md";
    const pid_t dead = die_while_writing(summary);
    const auto left = temporary_for(summary, dead);
    REQUIRE(fs::exists(left));
    // Someone else's file, and a temporary of a process still running, stay.
    std::ofstream(dir / "notes.txt") << "mine";
    std::ofstream(dir / "week.md.tmp-abc123") << "not Hearth's naming";
    const auto alive = temporary_for(dir / "other.md", long(::getppid()));
    std::ofstream(alive) << "still being written";

    REQUIRE(write_file_atomically(dir / "plans.ics", "BEGIN:VCALENDAR").empty());
    CHECK_FALSE(fs::exists(left));
    CHECK(fs::exists(dir / "notes.txt"));
    CHECK(fs::exists(dir / "week.md.tmp-abc123"));
    CHECK(fs::exists(alive));
    CHECK_FALSE(fs::exists(temporary_for(dir / "plans.ics", long(::getpid()))));
}
