// Turning encryption on and off converts the automatic snapshots already in
// backups/ with the database (issue 14: nothing of the couple's text readable
// in any file Hearth writes), crash-safely, and they keep restoring.
#include "encryption.h"
#include "hearth_model.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hearth;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::slurp;

namespace {

const test::CheapKdf cheap_kdf;

const std::string kWords = "Thank you for carrying the groceries, saffron-gondola";
const std::string kForeign = "not Hearth's file, pelican-orchard";

// Every file under `dir` (backups/ included) that holds `needle`.
std::vector<std::string> files_holding(const fs::path& dir, const std::string& needle) {
    std::vector<std::string> out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && slurp(e.path()).find(needle) != std::string::npos) out.push_back(e.path().string());
    return out;
}

struct Home : test::Home {
    using test::Home::Home;
    int holding_words() {
        GratitudeFilter f;
        f.search = "saffron-gondola";
        return m->gratitude.count(f);
    }
    // Restores `snapshot` (through the model's opener: keyed when encrypted),
    // says whether it held the words, then restores what was there before.
    bool restores_with_words(const fs::path& snapshot) {
        const auto r = m->snapshots.restore(m->db, snapshot);
        INFO(r.message);
        REQUIRE(r.ok);
        m->reload();
        return holding_words() == 1;
    }
};

Passphrases shared(std::string p) {
    Passphrases out;
    out.shared = std::move(p);
    return out;
}

// A plain database holding kWords with three snapshots of it (two days' and
// one a restore made), and a file in backups/ that is not one of them.
void make_plain_with_snapshots(FakeClock& clock, const fs::path& db) {
    Home c(clock, db);
    REQUIRE(c.m->couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    GratitudeDraft d;
    d.from_slot = 0;
    d.text = kWords;
    d.day = local_date(clock.now());
    REQUIRE(c.m->gratitude.add(d).ok());
    REQUIRE(c.m->snapshots.take_daily(c.m->db).ok);
    clock.advance(24h);
    const auto second = c.m->snapshots.take_daily(c.m->db);
    REQUIRE(second.ok);
    REQUIRE(c.m->snapshots.restore(c.m->db, second.file).ok);
    REQUIRE(c.m->snapshots.list().size() == 3);
    std::ofstream(c.m->snapshots.folder() / "notes.txt") << kForeign;
}

} // namespace

TEST_CASE("Turning encryption on encrypts the snapshots already in backups/, off makes them plain, and each restores",
          "[encryption][snapshots]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    const auto db = dir / "hearth.db";
    make_plain_with_snapshots(clock, db);
    const auto backups = snapshot_folder_for(db);
    REQUIRE(files_holding(backups, "saffron-gondola").size() == 3);

    encrypt_database(db, shared("correct horse"));
    CHECK(files_holding(dir.path(), "saffron-gondola").empty());
    CHECK(files_holding(dir.path(), "Maya").empty());
    // Not one of its snapshots: left as it was.
    CHECK(slurp(backups / "notes.txt") == kForeign);
    const auto snapshots = snapshot_files_of(db);
    REQUIRE(snapshots.size() == 3);
    for (const auto& s : snapshots) {
        INFO(s);
        CHECK(is_encrypted_file(s));
        CHECK_THROWS(Database::open_file(s));
    }
    auto key = unlock_database(db, "correct horse");
    REQUIRE(key);
    {
        Home c(clock, db, key);
        for (const auto& s : snapshots) {
            INFO(s);
            CHECK(c.restores_with_words(s));
        }
        // The restores' own snapshots of what was there are encrypted too.
        CHECK(c.m->snapshots.list().size() == 6);
    }
    CHECK(files_holding(dir.path(), "saffron-gondola").empty());

    decrypt_database(db, key);
    const auto plain = snapshot_files_of(db);
    CHECK(plain.size() == 6);
    Home c(clock, db);
    for (const auto& s : plain) {
        INFO(s);
        CHECK_FALSE(is_encrypted_file(s));
        CHECK_FALSE(fs::exists(s.string() + "-wal"));  // one self-contained file, as Snapshots writes them
        CHECK(c.restores_with_words(s));
    }
    CHECK(slurp(backups / "notes.txt") == kForeign);
}

TEST_CASE("A conversion of the snapshots cut short by a crash is finished by the next open", "[encryption][snapshots]") {
    test::TempDir dir, aside;
    FakeClock clock{test::fixed_start()};
    const auto db = dir / "hearth.db";
    make_plain_with_snapshots(clock, db);
    const auto plain_snapshot = snapshot_files_of(db).front();
    fs::copy_file(plain_snapshot, aside / "plain.db");

    encrypt_database(db, shared("correct horse"));
    auto key = unlock_database(db, "correct horse");
    REQUIRE(key);
    // As a crash between two snapshots' conversions would leave it: one still
    // plain beside the encrypted database, a plain temporary of a decryption
    // of another, the plain copy of the database being decrypted, and the
    // plain snapshot taken before encryption.
    fs::copy_file(aside / "plain.db", plain_snapshot, fs::copy_options::overwrite_existing);
    fs::copy_file(aside / "plain.db", snapshot_files_of(db).back().string() + ".decrypting");
    fs::copy_file(aside / "plain.db", db.string() + ".decrypting");
    fs::copy_file(aside / "plain.db", snapshot_before_encryption(db));
    REQUIRE(files_holding(dir.path(), "saffron-gondola").size() == 4);

    Home c(clock, db, key);
    CHECK(files_holding(dir.path(), "saffron-gondola").empty());
    CHECK_FALSE(fs::exists(snapshot_before_encryption(db)));
    CHECK(snapshot_files_of(db).size() == 3);
    CHECK(is_encrypted_file(plain_snapshot));
    CHECK(c.restores_with_words(plain_snapshot));
    CHECK(slurp(snapshot_folder_for(db) / "notes.txt") == kForeign);
}

TEST_CASE("A damaged plain snapshot beside an encrypted database is removed rather than left readable",
          "[encryption][snapshots]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    const auto db = dir / "hearth.db";
    make_plain_with_snapshots(clock, db);
    encrypt_database(db, shared("correct horse"));
    auto key = unlock_database(db, "correct horse");
    const auto damaged = snapshot_files_of(db).front();
    {
        std::ofstream out(damaged, std::ios::binary | std::ios::trunc);
        out << "SQLite format 3" << '\0' << "garbage " << kWords;
    }
    Home c(clock, db, key);  // opens all the same
    CHECK_FALSE(fs::exists(damaged));
    CHECK(files_holding(dir.path(), "saffron-gondola").empty());
    CHECK(c.holding_words() == 1);
}
