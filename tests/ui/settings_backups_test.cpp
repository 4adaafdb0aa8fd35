// Settings' backups, pressed as the couple presses them: the automatic
// snapshots with "Restore this snapshot", and a backup sealed with a passphrase.
#include "app_ui.h"
#include "backup.h"
#include "screen_text.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace hearth;
using test::centre;
using test::shown;
using namespace std::chrono_literals;

namespace {

// The whole UI over a model kept in a file, on Settings.
struct FileUi : test::FileUi {
    using test::FileUi::FileUi;
    void appreciate(const std::string& text) {
        GratitudeDraft d;
        d.text = text;
        d.day = local_date(clock.now());
        REQUIRE(model.gratitude.add(d).ok());
    }
    std::set<std::string> words() {
        std::set<std::string> out;
        for (const auto& e : model.gratitude.page({}, 0, 50)) out.insert(e.text);
        return out;
    }
};

} // namespace

TEST_CASE("Settings: the last backup in words, and \"Restore this snapshot\" brings a day back and can be undone",
          "[ui][settings][backup][snapshots]") {
    test::TempDir dir;
    FileUi u(dir / "hearth.db");
    CHECK(shown("No automatic backup yet"));
    // Two days of the app running: the loop takes each day's snapshot.
    u.appreciate("Monday's words");
    REQUIRE(u.model.snapshots.take_daily(u.model.db).ok);
    u.clock.advance(24h);
    u.appreciate("Tuesday's words");
    REQUIRE(u.model.snapshots.take_daily(u.model.db).ok);
    u.appreciate("Typed after the backup");
    u.frames(2);
    {
        INFO(test::screen_dump());
        CHECK(shown("Last backup: today at " + local_clock_time(u.clock.now())));
        CHECK(shown("Mon 21 Sep 2026, yesterday at"));
        CHECK(shown("Tue 22 Sep 2026, today at"));
    }

    // A few minutes later, yesterday's, the second in the list (newest first). Asked twice.
    u.clock.advance(5min);
    u.click("Restore this snapshot", 1);
    CHECK(u.words().size() == 3);  // nothing yet: it asks first
    CHECK(shown("can be undone"));
    u.click("Really replace everything with it");
    {
        INFO(test::screen_dump());
        CHECK(shown("Restored everything from " + (dir / "backups" / "hearth-2026-09-21.db").string()));
        CHECK(u.words() == std::set<std::string>{"Monday's words"});
        // The panels show the restored data: the list now starts with what was there before.
        CHECK(shown("what was here before a restore"));
    }
    // Undo: restore the snapshot the restore made, now the first in the list.
    REQUIRE(u.model.snapshots.list().front().before_restore);
    u.click("Restore this snapshot", 0);
    u.click("Really replace everything with it");
    INFO(test::screen_dump());
    CHECK(shown("Restored everything from"));
    CHECK(u.words() == std::set<std::string>{"Monday's words", "Tuesday's words", "Typed after the backup"});
    // "Keep what is here" leaves everything as it is.
    u.click("Restore this snapshot", 2);
    u.click("Keep what is here");
    CHECK_FALSE(test::find_text("Really replace everything with it"));
    CHECK(u.words().size() == 3);
}

TEST_CASE("Settings: a failed automatic backup is shown, and the app goes on", "[ui][settings][backup][snapshots]") {
    test::TempDir dir;
    { std::ofstream(dir / "backups") << "a file where the folder should be"; }
    FileUi u(dir / "hearth.db");
    CHECK_FALSE(u.model.snapshots.take_daily(u.model.db).ok);
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(shown("The last automatic backup failed"));
    CHECK(shown("No automatic backup yet"));
}

TEST_CASE("Settings: a backup sealed with a passphrase restores only with it; a wrong one changes nothing",
          "[ui][settings][backup][crypto]") {
    test::TempDir dir;
    const std::string file = (dir / "sealed.hearth").string();
    const std::string pass = "our long walk in 2019";
    { FileUi first(dir / "one.db"); }
    std::filesystem::copy_file(dir / "one.db", dir / "two.db");
    {
        FileUi u(dir / "one.db");
        u.appreciate("Thank you for the soup");
        u.retype("hearth-backup-2026-09-21.json", file);
        u.retype("Passphrase (optional)", pass);
        u.retype("The same passphrase again", pass);
        u.click("Back up now");
        INFO(test::screen_dump());
        CHECK(shown("Wrote"));
        CHECK_FALSE(shown(pass));  // never shown
    }
    REQUIRE(backup_is_encrypted(file));
    FileUi u(dir / "two.db");
    u.retype("Backup file", file);
    u.click("Restore from a backup");
    {
        INFO(test::screen_dump());
        CHECK(shown("it needs its passphrase"));
        CHECK(u.words().empty());
    }
    u.retype("Passphrase, if the backup has one", "not our walk at all");
    u.click("Restore from a backup");
    {
        INFO(test::screen_dump());
        CHECK(shown("wrong passphrase"));
        CHECK(u.words().empty());
    }
    u.retype("*******", pass);  // the box shows stars, never the passphrase
    u.click("Restore from a backup");
    INFO(test::screen_dump());
    CHECK(shown("Restored from"));
    CHECK(u.words() == std::set<std::string>{"Thank you for the soup"});
}
