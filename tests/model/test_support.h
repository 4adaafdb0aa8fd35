#pragma once
// Shared by the model tests: a fake clock at a fixed moment, an in-memory model
// with a couple set up, temporary files that clean up after themselves, and a
// couple's database in a file (encrypted or not) opened as Hearth opens it.
#include "encryption.h"
#include "hearth_model.h"
#include "key_file.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <string>

namespace hearth::test {

// Monday 2026-09-21 14:13:20 UTC: the first day of ISO week 2026-W39.
inline WallTime fixed_start() { return WallTime{std::chrono::seconds{1'790'000'000}}; }

inline Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

// A one-off date on `day` from `start_minute` (minutes after midnight).
inline PlanDraft one_off(const std::string& title, Date day, int start_minute, int length = 60) {
    PlanDraft d;
    d.title = title;
    d.day = day;
    d.start_minute = start_minute;
    d.length_minutes = length;
    return d;
}

// Every byte of a file ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Key derivation cheap enough for a test, from before the first test runs:
// `const test::CheapKdf cheap_kdf;` at namespace scope.
struct CheapKdf {
    CheapKdf() { use_cheap_kdf_for_tests(); }
};

// Sets the process time zone for one test; back to UTC afterwards.
struct LocalZone {
    explicit LocalZone(const char* tz) {
        setenv("TZ", tz, 1);
        tzset();
    }
    ~LocalZone() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

struct TestModel {
    FakeClock clock{fixed_start()};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    explicit TestModel(bool with_couple = true) {
        if (with_couple) model.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
    }
};

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("hearth-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// How many statements `db` ran during `run()`: a screen's sync that re-reads
// nothing when nothing changed runs none.
template <class Run>
uint64_t queries_during(const Database& db, Run&& run) {
    const uint64_t before = db.queries();
    run();
    return db.queries() - before;
}

// A couple's Hearth in a plain database file, on a fake clock; the couple is
// set up unless `with_couple` is false (and the file had none).
struct FileModel {
    explicit FileModel(const std::filesystem::path& db, bool with_couple = true, OpenDatabase open = {})
        : model(Database::open_file(db), clock, HEARTH_TEST_ASSETS_DIR, DeviceStore::in_memory(), std::move(open)) {
        if (with_couple && !model.couple.is_set_up())
            REQUIRE(model.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    }
    FakeClock clock{fixed_start()};
    Model model;

    void appreciate(const std::string& text) {
        GratitudeDraft d;
        d.text = text;
        d.day = local_date(clock.now());
        REQUIRE(model.gratitude.add(d).ok());
    }
};

// A couple's database in a file opened as Hearth opens it: with `key` when it
// is encrypted, and the device store beside it; closed and opened again at will.
// On a fake clock of its own, or on one it shares with other homes.
struct Home {
    FakeClock own_clock{fixed_start()};
    FakeClock& clock;
    std::filesystem::path db;
    std::shared_ptr<const SecretKey> key;
    std::optional<Model> m;
    explicit Home(std::filesystem::path file, std::shared_ptr<const SecretKey> k = nullptr)
        : Home(own_clock, std::move(file), std::move(k)) {}
    Home(FakeClock& shared, std::filesystem::path file, std::shared_ptr<const SecretKey> k = nullptr)
        : clock(shared), db(std::move(file)), key(std::move(k)) {
        open();
    }
    void open() { m.emplace(open_couple_database(db, key), clock, HEARTH_TEST_ASSETS_DIR, open_device_store(db, key)); }
    void close() { m.reset(); }
    std::string thank(const std::string& text) {
        GratitudeDraft d;
        d.from_slot = 0;
        d.text = text;
        d.day = local_date(clock.now());
        auto r = m->gratitude.add(d);
        REQUIRE(r.ok());
        return r.id;
    }
};

// A couple (Maya and Sam) set up in a database file, then encrypted with one
// shared passphrase (the test KDF).
inline std::filesystem::path encrypted_couple(const std::filesystem::path& db, const std::string& passphrase) {
    use_cheap_kdf_for_tests();
    {
        FakeClock clock{fixed_start()};
        Model m(open_couple_database(db, nullptr), clock, HEARTH_TEST_ASSETS_DIR);
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    }
    Passphrases p;
    p.shared = passphrase;
    encrypt_database(db, p);
    return db;
}

} // namespace hearth::test
