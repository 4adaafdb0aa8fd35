// Automatic snapshots: retention over simulated days, integrity, permissions,
// failures that keep the app going, and restore.
#include "snapshots.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#ifndef _WIN32
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace hearth;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::FileModel;
using test::ymd;

namespace {

const OpenDatabase plain_open = [](const fs::path& p) { return Database::open_file(p); };

std::set<std::string> words_in(const fs::path& snapshot) {
    Database db = Database::open_file(snapshot);
    std::set<std::string> out;
    auto& st = db.prepare("SELECT text FROM gratitude");
    while (st.step()) out.insert(st.text(0));
    st.reset();
    return out;
}

std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec)) out.insert(e.path().filename().string());
    return out;
}

} // namespace

TEST_CASE("Retention rule: two weeks of days, then the newest of each ISO week for nine weeks, older pruned",
          "[snapshots]") {
    const Date today = ymd(2026, 12, 2);  // a Wednesday
    std::vector<Snapshot> all;
    for (int age = 0; age < 120; ++age) {
        Date d = add_days(today, -age);
        all.push_back({fs::path(format_date(d)), d, local_midnight(d) + 9h, false});
    }
    // Two on one day (a restore's snapshot of what was there): both kept while recent.
    all.push_back({"restore-today", today, local_midnight(today) + 10h, true});
    // A restore's snapshot three weeks ago, taken after that day's own one: the newer of its week is kept.
    const Date old_sunday = add_days(week_start(add_days(today, -21)), 6);
    all.push_back({"restore-old", old_sunday, local_midnight(old_sunday) + 23h, true});

    std::set<std::string> pruned;
    for (const auto& s : snapshots_to_prune(all, today)) pruned.insert(s.file.string());
    std::set<std::string> kept;
    for (const auto& s : all)
        if (!pruned.count(s.file.string())) kept.insert(s.file.string());

    for (int age = 0; age < kDailyDays; ++age) CHECK(kept.count(format_date(add_days(today, -age))));
    CHECK(kept.count("restore-today"));
    CHECK(kept.count("restore-old"));
    CHECK_FALSE(kept.count(format_date(old_sunday)));  // the same week's older one
    for (const auto& name : kept) {
        if (name.starts_with("restore")) continue;
        CHECK(days_between(*parse_date(name), today) < kDailyDays + 7 * kWeeklyWeeks);
    }
    // Past the daily window, one per ISO week.
    std::set<std::pair<int, int>> weeks;
    int older = 0;
    for (const auto& s : all) {
        if (pruned.count(s.file.string()) || days_between(s.day, today) < kDailyDays) continue;
        ++older;
        auto w = iso_week(s.day);
        CHECK(weeks.insert({w.year, w.week}).second);
    }
    CHECK(older >= kWeeklyWeeks);
    CHECK(older <= kWeeklyWeeks + 1);
    // A snapshot from the future (the clock went back) is left alone.
    std::vector<Snapshot> future{{"later", add_days(today, 3), local_midnight(add_days(today, 3)), false}};
    CHECK(snapshots_to_prune(future, today).empty());
}

TEST_CASE("Snapshots over 100 simulated days: one a day, at most one per ISO week after two weeks, none past eleven weeks",
          "[snapshots][files]") {
    test::TempDir dir;
    FileModel f(dir / "hearth.db");
    auto& snaps = f.model.snapshots;
    REQUIRE(snaps.enabled());
    CHECK(snaps.folder() == dir / "backups");
    std::set<std::string> ever_pruned;
    for (int day = 0; day < 100; ++day) {
        const Date today = local_date(f.clock.now());
        f.appreciate("Day " + std::to_string(day) + " thanks");
        REQUIRE(snaps.due());
        auto r = snaps.take_daily(f.model.db);
        INFO("day " << day << ": " << r.message);
        REQUIRE(r.ok);
        CHECK_FALSE(snaps.due());
        // A second start the same day makes none.
        CHECK(snaps.take_daily(f.model.db).message.starts_with("Already backed up today"));

        const auto list = snaps.list();
        REQUIRE(!list.empty());
        CHECK(list.front().day == today);
        std::set<std::pair<int, int>> weeks;
        int daily = 0;
        for (const auto& s : list) {
            const int age = days_between(s.day, today);
            CHECK(age >= 0);
            CHECK(age < kDailyDays + 7 * kWeeklyWeeks);
            if (age < kDailyDays) {
                ++daily;
                continue;
            }
            auto w = iso_week(s.day);
            CHECK(weeks.insert({w.year, w.week}).second);
            // The survivor of a week is its Sunday, or the newest day past the daily window.
            CHECK((s.day == add_days(week_start(s.day), 6) || age == kDailyDays));
        }
        CHECK(daily == std::min(day + 1, kDailyDays));
        if (day >= kDailyDays + 7 * kWeeklyWeeks) CHECK(list.size() <= std::size_t(kDailyDays + kWeeklyWeeks + 1));
        f.clock.advance(24h);
    }
    // The newest holds the last day's words; the oldest kept still opens and holds its own.
    const auto list = snaps.list();
    CHECK(words_in(list.front().file).count("Day 99 thanks"));
    const auto oldest = words_in(list.back().file);
    CHECK_FALSE(oldest.count("Day 99 thanks"));
    CHECK(oldest.count("Day 0 thanks"));
    CHECK(list.size() <= std::size_t(kDailyDays + kWeeklyWeeks + 1));
}

TEST_CASE("A snapshot holds the data, passes integrity_check and is a self-contained file", "[snapshots][files]") {
    test::TempDir dir;
    FileModel f(dir / "hearth.db");
    f.appreciate("Thank you for the soup");
    auto r = f.model.snapshots.take_daily(f.model.db);
    REQUIRE(r.ok);
    CHECK(r.file == dir / "backups" / "hearth-2026-09-21.db");
    CHECK(check_snapshot(plain_open, r.file).empty());
    CHECK(words_in(r.file) == std::set<std::string>{"Thank you for the soup"});
    // Not in write-ahead mode: one file holds it all, no -wal beside it.
    CHECK(names_in(dir / "backups") == std::set<std::string>{"hearth-2026-09-21.db"});
    {
        Database db = Database::open_file(r.file);
        auto& st = db.prepare("PRAGMA journal_mode");
        REQUIRE(st.step());
        CHECK(st.text(0) == "delete");
        st.reset();
    }
    auto last = f.model.snapshots.last_backup();
    REQUIRE(last);
    CHECK(std::chrono::abs(*last - f.clock.now()) < 2s);
}

#ifndef _WIN32
TEST_CASE("Snapshots are owner-only whatever the umask: folder 0700, files 0600", "[snapshots][files]") {
    test::TempDir dir;
    const mode_t old = ::umask(022);
    {
        FileModel f(dir / "hearth.db");
        f.appreciate("Private words");
        REQUIRE(f.model.snapshots.take_daily(f.model.db).ok);
        f.clock.advance(24h);
        REQUIRE(f.model.snapshots.take_daily(f.model.db).ok);
        auto list = f.model.snapshots.list();
        REQUIRE(f.model.snapshots.restore(f.model.db, list.back().file).ok);
    }
    ::umask(old);
    struct stat st {};
    REQUIRE(::stat((dir / "backups").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir / "backups")) {
        REQUIRE(::stat(e.path().c_str(), &st) == 0);
        INFO(e.path());
        CHECK((st.st_mode & 07777) == 0600);
        ++files;
    }
    CHECK(files == 3);  // two days and what was there before the restore
}

TEST_CASE("A snapshot that fails its integrity check is deleted and the failure is kept for Settings", "[snapshots][files]") {
    test::TempDir dir;
    // Every snapshot connection goes through the opener; this one damages the
    // copy before it is checked (as a failing disk would).
    int opened = 0;
    OpenDatabase damaging = [&](const fs::path& p) {
        ++opened;
        CHECK(p.parent_path() == dir / "backups");
        if (opened == 2) {
            std::fstream file(p, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(4096 + 8);  // inside page 2
            std::string junk(3000, '\xA5');
            file.write(junk.data(), std::streamsize(junk.size()));
        }
        return Database::open_file(p);
    };
    FileModel f(dir / "hearth.db", true, damaging);
    f.appreciate("Thank you");
    auto r = f.model.snapshots.take_daily(f.model.db);
    CHECK_FALSE(r.ok);
    CHECK(opened == 2);  // written, then checked
    CHECK_THAT(r.message, Catch::Contains("hearth-2026-09-21.db") && Catch::Contains("not kept"));
    CHECK(f.model.snapshots.problem() == r.message);
    CHECK(names_in(dir / "backups").empty());  // neither the bad copy nor its temporary
    CHECK(f.model.snapshots.list().empty());
    // The app goes on: the data is untouched and saving still works.
    f.appreciate("Still saving");
    CHECK(f.model.gratitude.page({}, 0, 10).size() == 2);
}

TEST_CASE("A backups folder that cannot be made: the failure is kept, the app goes on", "[snapshots][files]") {
    test::TempDir dir;
    FileModel f(dir / "hearth.db");
    { std::ofstream(dir / "backups") << "a file where the folder should be"; }
    auto r = f.model.snapshots.take_daily(f.model.db);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.message, Catch::Contains((dir / "backups").string()));
    CHECK_FALSE(f.model.snapshots.problem().empty());
    CHECK_FALSE(f.model.snapshots.due());  // not retried every frame
    f.appreciate("Still saving");
    // The next day tries again, and once the folder can be made it works.
    fs::remove(dir / "backups");
    f.clock.advance(24h);
    CHECK(f.model.snapshots.due());
    CHECK(f.model.snapshots.take_daily(f.model.db).ok);
    CHECK(f.model.snapshots.problem().empty());
}

TEST_CASE("Temporaries a killed snapshot left behind are removed by the next one", "[snapshots][files]") {
    test::TempDir dir;
    fs::create_directory(dir / "backups");
    long gone = 4'000'000;
    while (::kill(pid_t(gone), 0) == 0 || errno != ESRCH) ++gone;
    const std::string tmp = ".hearth-2026-09-20.db.hearth-tmp-" + std::to_string(gone);
    for (const char* suffix : {"", "-wal", "-journal"}) std::ofstream(dir / "backups" / (tmp + suffix)) << "half";
    std::ofstream(dir / "backups" / "notes.txt") << "not ours";
    FileModel f(dir / "hearth.db");
    REQUIRE(f.model.snapshots.take_daily(f.model.db).ok);
    CHECK(names_in(dir / "backups") == std::set<std::string>{"hearth-2026-09-21.db", "notes.txt"});
}
#endif

TEST_CASE("Restoring a snapshot replaces everything, after keeping what was there; that one restores it back",
          "[snapshots][files]") {
    test::TempDir dir;
    FileModel f(dir / "hearth.db");
    f.appreciate("Monday's words");
    REQUIRE(f.model.snapshots.take_daily(f.model.db).ok);
    f.clock.advance(24h);
    f.appreciate("Tuesday's words");
    const auto monday = f.model.snapshots.list().front().file;

    auto r = f.model.snapshots.restore(f.model.db, monday);
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK_THAT(r.message, Catch::Contains(monday.string()));
    f.model.reload();
    auto texts = [&] {
        std::set<std::string> out;
        for (const auto& e : f.model.gratitude.page({}, 0, 10)) out.insert(e.text);
        return out;
    };
    CHECK(texts() == std::set<std::string>{"Monday's words"});
    // Still the couple's live database: write-ahead logging, and saving works.
    {
        auto& st = f.model.db.prepare("PRAGMA journal_mode");
        REQUIRE(st.step());
        CHECK(st.text(0) == "wal");
        st.reset();
    }
    // What was there before is a snapshot of its own: restoring it undoes the restore.
    const auto list = f.model.snapshots.list();
    REQUIRE(list.size() == 2);
    CHECK(list.front().before_restore);
    CHECK(words_in(list.front().file) == std::set<std::string>{"Monday's words", "Tuesday's words"});
    REQUIRE(f.model.snapshots.restore(f.model.db, list.front().file).ok);
    f.model.reload();
    CHECK(texts() == std::set<std::string>{"Monday's words", "Tuesday's words"});
    f.appreciate("Wednesday's words");
    CHECK(texts().size() == 3);
}

TEST_CASE("A damaged snapshot is not restored: nothing changes and the message names it", "[snapshots][files]") {
    test::TempDir dir;
    FileModel f(dir / "hearth.db");
    f.appreciate("Kept words");
    REQUIRE(f.model.snapshots.take_daily(f.model.db).ok);
    const auto file = f.model.snapshots.list().front().file;
    {
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(0);
        out.write("garbage garbage!", 16);  // not a database header any more
    }
    f.appreciate("Newer words");
    auto r = f.model.snapshots.restore(f.model.db, file);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.message, Catch::Contains("Nothing was restored") && Catch::Contains(file.string()));
    CHECK(f.model.gratitude.page({}, 0, 10).size() == 2);
    CHECK(f.model.snapshots.list().size() == 1);  // no "before restore" copy either
}

TEST_CASE("An in-memory database keeps no snapshots", "[snapshots]") {
    test::TestModel t;
    CHECK_FALSE(t.model.snapshots.enabled());
    CHECK_FALSE(t.model.snapshots.due());
    CHECK_FALSE(t.model.snapshots.take_daily(t.model.db).ok);
    CHECK(t.model.snapshots.list().empty());
}

TEST_CASE("Snapshot names: the day's, a restore's, and nothing else", "[snapshots]") {
    auto s = parse_snapshot_name("hearth", "hearth-2026-12-02.db");
    REQUIRE(s);
    CHECK(s->day == ymd(2026, 12, 2));
    CHECK_FALSE(s->before_restore);
    CHECK(snapshot_name("hearth", ymd(2026, 12, 2)) == "hearth-2026-12-02.db");
    auto r = parse_snapshot_name("hearth", "hearth-2026-12-02-before-restore-093015.db");
    REQUIRE(r);
    CHECK(r->before_restore);
    CHECK(parse_snapshot_name("hearth", "hearth-2026-12-02-before-restore-093015-2.db"));
    for (const char* bad : {"hearth-2026-12-02.db-wal", "other-2026-12-02.db", "hearth-2026-13-02.db", "hearth-2026-12-02x.db",
                            ".hearth-2026-12-02.db.hearth-tmp-12", "hearth-2026-12-02-before-restore-9.db"})
        CHECK_FALSE(parse_snapshot_name("hearth", bad));
}
