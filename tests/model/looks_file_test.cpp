// The looks file beside an encrypted database: the theme, text size and window
// size the unlock screen shows after a restart, kept when Hearth closes,
// owner-only, holding none of the couple's words; none for a plain database.
#include "encryption.h"
#include "atomic_file.h"
#include "looks_file.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace hearth;
namespace fs = std::filesystem;
using test::Home;

TEST_CASE("An encrypted database's looks file follows the couple's theme and sizes, 0600 under umask 0", "[lock][encryption]") {
    test::TempDir dir;
    const auto db = test::encrypted_couple(dir / "hearth.db", "open sesame");
    const auto file = looks_file_for(db);
    const mode_t old_mask = ::umask(0);
    Home h(db, unlock_database(db, "open sesame"));
    REQUIRE(h.key);
    CHECK_FALSE(read_looks(db));

    h.m->settings.set(setting::theme, "dark");
    h.m->settings.set(setting::text_size, 24);
    h.m->settings.set(setting::window_width, 1000);
    h.m->settings.set(setting::window_height, 640);
    CHECK(h.m->looks_file.sync().empty());
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(read_looks(db) == Looks{"dark", 24, 1000, 640});
    const std::string bytes = test::slurp(file);
    for (auto word : {"Maya", "Sam"}) CHECK(bytes.find(word) == std::string::npos);

    // Unchanged: not written again (a frame's sync costs nothing).
    fs::remove(file);
    CHECK(h.m->looks_file.sync().empty());
    CHECK_FALSE(fs::exists(file));
    h.m->settings.set(setting::theme, "light");
    CHECK(h.m->looks_file.sync().empty());
    CHECK(read_looks(db) == Looks{"light", 24, 1000, 640});

    // The unlock screen's model takes them (clamped as any setting is).
    test::TestModel look(false);
    apply_looks(look.model.settings, *read_looks(db));
    CHECK(looks_of(look.model.settings) == Looks{"light", 24, 1000, 640});
    ::umask(old_mask);

    // Decrypted, the database starts unlocked: the file goes.
    h.close();
    decrypt_database(db, h.key);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("A plain database keeps no looks file (its settings are readable at start)", "[lock]") {
    test::TempDir dir;
    test::FileModel f(dir / "hearth.db");
    f.model.settings.set(setting::theme, "dark");
    CHECK(f.model.looks_file.sync().empty());
    CHECK_FALSE(fs::exists(looks_file_for(dir / "hearth.db")));
}

TEST_CASE("The looks file's text: what is written reads back; anything else gives the default looks", "[lock]") {
    const Looks dark{"dark", 28, 1920, 1080};
    CHECK(parse_looks(format_looks(dark)) == dark);
    CHECK(format_looks(dark) == "theme dark\ntext-size 28\nwindow 1920 1080\n");
    for (auto bad : {"", "theme dark\n", "theme purple\ntext-size 17\nwindow 800 600\n",
                     "theme dark\ntext-size 17x\nwindow 800 600\n", "theme dark\ntext-size 17\nwindow 800\n",
                     "theme dark\ntext-size 17\nwindow 800 600\nextra\n", "theme dark\ntext-size 17\nwindow 800 600"})
        CHECK_FALSE(parse_looks(bad));
}

TEST_CASE("A looks file that is not ours (a FIFO, a large file) gives the default looks, never a hang", "[lock]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    REQUIRE(::mkfifo(looks_file_for(db).c_str(), 0600) == 0);
    CHECK_FALSE(read_looks(db));  // a FIFO with no writer would block a plain read
    fs::remove(looks_file_for(db));
    std::string big = format_looks(Looks{"dark", 17, 800, 600});
    big.resize(4096, '\n');
    REQUIRE(write_file_atomically(looks_file_for(db), big).empty());
    CHECK_FALSE(read_looks(db));
}
