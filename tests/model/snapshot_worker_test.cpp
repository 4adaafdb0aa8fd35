// The day's snapshot taken on a worker thread with its own connection, while
// the couple goes on saving on theirs; and closing (locking) Hearth while it runs.
#include "encryption.h"
#include "snapshots.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>

using namespace hearth;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::slurp;

namespace {

const test::CheapKdf cheap_kdf;

const std::string kWords = "Thank you for walking the dog in the rain, copper-heron";

// A couple's database on a fake clock, made big enough (about 8 MiB) that a
// copy takes many steps.
struct Home {
    FakeClock clock{test::fixed_start()};
    fs::path db;
    std::shared_ptr<const SecretKey> key;
    std::optional<Model> m;
    Home(fs::path file, std::shared_ptr<const SecretKey> k = nullptr, OpenDatabase open = {})
        : db(std::move(file)), key(std::move(k)) {
        m.emplace(open_couple_database(db, key), clock, HEARTH_TEST_ASSETS_DIR, DeviceStore::in_memory(), std::move(open));
        if (!m->couple.is_set_up()) REQUIRE(m->couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    }
    void fill() {
        m->db.exec("CREATE TABLE IF NOT EXISTS ballast(x BLOB)");
        m->db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) "
                   "INSERT INTO ballast SELECT randomblob(200) FROM n");
    }
    void thank(const std::string& text) {
        GratitudeDraft d;
        d.text = text;
        d.day = local_date(clock.now());
        REQUIRE(m->gratitude.add(d).ok());
    }
    std::set<std::string> words() {
        std::set<std::string> out;
        auto& st = m->db.prepare("SELECT text FROM gratitude");
        while (st.step()) out.insert(st.text(0));
        st.reset();
        return out;
    }
};

std::set<std::string> words_in(const OpenDatabase& open, const fs::path& file) {
    Database db = open(file);
    std::set<std::string> out;
    auto& st = db.prepare("SELECT text FROM gratitude");
    while (st.step()) out.insert(st.text(0));
    st.reset();
    return out;
}

// Saves appreciations "n" until the background snapshot has finished; returns
// how many were saved while it ran.
int save_while_running(Home& h, std::set<std::string>& saved, std::optional<SnapshotResult>& result) {
    int during = 0;
    for (int n = 0; !result; ++n) {
        const bool was_running = h.m->snapshots.running();
        h.thank("saved during the snapshot " + std::to_string(n));
        saved.insert("saved during the snapshot " + std::to_string(n));
        result = h.m->snapshots.poll();
        if (was_running && !result) ++during;
        REQUIRE(n < 1'000'000);
    }
    return during;
}

// The snapshot holds the appreciations saved before some moment and none after
// it: saves 0..k-1 for some k (one consistent state, never a mixture).
void check_consistent_prefix(const std::set<std::string>& in_snapshot, int saved) {
    int k = 0;
    while (in_snapshot.count("saved during the snapshot " + std::to_string(k))) ++k;
    for (int n = k; n < saved; ++n) CHECK_FALSE(in_snapshot.count("saved during the snapshot " + std::to_string(n)));
}

std::shared_ptr<const SecretKey> encrypted_home(const fs::path& db) {
    {
        Home h(db);
        h.thank(kWords);
        h.fill();
    }
    Passphrases p;
    p.shared = "correct horse";
    encrypt_database(db, p);
    return unlock_database(db, "correct horse");
}

} // namespace

TEST_CASE("The day's snapshot runs beside the couple's saves: every save lands, the snapshot is whole and consistent",
          "[snapshots][worker]") {
    test::TempDir dir;
    Home h(dir / "hearth.db");
    h.thank(kWords);
    h.fill();
    bool woken = false;
    std::mutex mu;
    REQUIRE(h.m->snapshots.due());
    REQUIRE(h.m->snapshots.start_daily([&] {
        std::lock_guard lock(mu);
        woken = true;
    }));
    CHECK_FALSE(h.m->snapshots.due());                     // not started twice
    CHECK_FALSE(h.m->snapshots.start_daily());
    std::set<std::string> saved{kWords};
    std::optional<SnapshotResult> r;
    const int during = save_while_running(h, saved, r);
    INFO(r->message);
    REQUIRE(r->ok);
    CHECK(during > 0);  // the couple saved while it ran: nothing waited for it
    {
        std::lock_guard lock(mu);
        CHECK(woken);  // the window's loop is woken to show it
    }
    CHECK_FALSE(h.m->snapshots.running());
    CHECK(h.m->snapshots.problem().empty());
    CHECK(h.m->snapshots.list().size() == 1);
    CHECK(h.words() == saved);  // every save landed
    const OpenDatabase plain = [](const fs::path& p) { return Database::open_file(p); };
    CHECK(check_snapshot(plain, r->file).empty());
    const auto in_snapshot = words_in(plain, r->file);
    CHECK(in_snapshot.count(kWords));
    check_consistent_prefix(in_snapshot, int(saved.size()) - 1);
    // One file, no temporaries left in the folder.
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir / "backups")) names.insert(e.path().filename().string());
    CHECK(names == std::set<std::string>{r->file.filename().string()});
    // The next day, again.
    h.clock.advance(24h);
    CHECK(h.m->snapshots.due());
}

TEST_CASE("An encrypted database's background snapshot is encrypted, whole, and holds no readable word",
          "[snapshots][worker][encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    auto key = encrypted_home(db);
    REQUIRE(key);
    Home h(db, key);
    REQUIRE(h.m->snapshots.start_daily());
    std::set<std::string> saved{kWords};
    std::optional<SnapshotResult> r;
    save_while_running(h, saved, r);
    INFO(r->message);
    REQUIRE(r->ok);
    CHECK(h.words() == saved);
    CHECK(is_encrypted_file(r->file));
    for (const auto& e : fs::directory_iterator(dir / "backups")) {
        INFO(e.path());
        const std::string bytes = slurp(e.path());
        for (auto word : {"copper-heron", "saved during the snapshot", "Maya", "SQLite format 3"})
            CHECK(bytes.find(word) == std::string::npos);
    }
    CHECK_THROWS(Database::open_file(r->file));
    const OpenDatabase keyed = [&](const fs::path& p) { return Database::open_file(p, key->derive(kCoupleFileKey)); };
    CHECK(check_snapshot(keyed, r->file).empty());
    check_consistent_prefix(words_in(keyed, r->file), int(saved.size()) - 1);
}

TEST_CASE("Locking (closing the model) during a background snapshot stops it: no crash, no half file counted, the key "
          "goes",
          "[snapshots][worker][encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    auto key = encrypted_home(db);
    REQUIRE(key);
    // The worker's copy waits, once it has opened its files, until the lock
    // comes: it is then surely in the middle of its copy.
    std::mutex mu;
    std::condition_variable cv;
    bool locking = false;
    int opened = 0;
    std::vector<std::weak_ptr<const SecretKey>> keys_used;  // every file key the snapshot's files were opened with
    OpenDatabase open = [&](const fs::path& p) {
        std::shared_ptr<const SecretKey> file_key = key->derive(kCoupleFileKey);
        {
            std::lock_guard lock(mu);
            keys_used.push_back(file_key);
        }
        Database d = Database::open_file(p, std::move(file_key));
        if (p.parent_path() == dir / "backups") {
            std::unique_lock lock(mu);
            ++opened;
            cv.notify_all();
            cv.wait_for(lock, 10s, [&] { return locking; });
        }
        return d;
    };
    {
        Home h(db, key, open);
        keys_used.push_back(h.m->db.file_key());
        REQUIRE(h.m->snapshots.start_daily());
        {
            std::unique_lock lock(mu);
            REQUIRE(cv.wait_for(lock, 10s, [&] { return opened > 0; }));
            locking = true;
            cv.notify_all();
        }
        h.m.reset();  // what locking does: the model and its files close
    }
    // No connection outlives the lock: every file key is gone (wiped).
    CHECK(keys_used.size() == 3);  // the live file, the worker's own connection to it, the copy
    for (const auto& k : keys_used) CHECK(k.expired());
    CHECK(opened == 1);  // stopped in the copy, never checked
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir / "backups")) names.insert(e.path().filename().string());
    CHECK(names.empty());
    // Unlocked again: nothing counts as a snapshot, today's is due, and it works.
    Home again(db, key);
    CHECK(again.m->snapshots.list().empty());
    CHECK(again.m->snapshots.due());
    REQUIRE(again.m->snapshots.start_daily());
    auto r = again.m->snapshots.wait();
    REQUIRE(r);
    INFO(r->message);
    CHECK(r->ok);
    CHECK(again.m->snapshots.list().size() == 1);
}

TEST_CASE("A restore waits for the running background snapshot, then both are kept", "[snapshots][worker]") {
    test::TempDir dir;
    Home h(dir / "hearth.db");
    h.thank(kWords);
    auto first = h.m->snapshots.take_daily(h.m->db);
    REQUIRE(first.ok);
    h.fill();
    h.thank("after the first snapshot");
    h.clock.advance(24h);
    REQUIRE(h.m->snapshots.start_daily());
    auto back = h.m->snapshots.restore(h.m->db, first.file);
    INFO(back.message);
    REQUIRE(back.ok);
    CHECK_FALSE(h.m->snapshots.running());
    h.m->reload();
    CHECK(h.words() == std::set<std::string>{kWords});
    // Yesterday's, today's (from the worker) and what was there before the restore.
    const auto list = h.m->snapshots.list();
    CHECK(list.size() == 3);
    const OpenDatabase plain = [](const fs::path& p) { return Database::open_file(p); };
    for (const auto& s : list) CHECK(check_snapshot(plain, s.file).empty());
}
