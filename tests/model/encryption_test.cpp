// Encryption at rest: the page cipher, the keys file, turning it on and off.
#include "backup_crypto.h"
#include "encryption.h"
#include "hearth_model.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>

using namespace hearth;
namespace fs = std::filesystem;
using test::Home;
using test::slurp;

namespace {

const test::CheapKdf cheap_kdf;

const std::string kSecretWords = "Thank you for the quiet morning coffee, zebra-lantern";
const std::string kDraftWords = "half a sentence about the marmalade-sunrise";

std::string hash_of(const fs::path& p) {
    std::string bytes = slurp(p);
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
    return std::string(reinterpret_cast<char*>(h), sizeof h);
}

// Every file in the folder, by name, with its hash.
std::map<std::string, std::string> folder_hashes(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = hash_of(e.path());
    return out;
}

Passphrases shared(std::string p) {
    Passphrases out;
    out.shared = std::move(p);
    return out;
}

// A plain database with the couple, an appreciation and a draft, closed.
void make_plain(const fs::path& db) {
    Home c(db);
    REQUIRE(c.m->couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    c.thank(kSecretWords);
    c.m->device.set_draft("gratitude", kDraftWords);
}

bool contains(const std::string& bytes, const std::string& needle) { return bytes.find(needle) != std::string::npos; }

} // namespace

TEST_CASE("An encrypted database keeps the couple's words and shows none of them in any file", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    REQUIRE(contains(slurp(db) + slurp(DeviceStore::path_for(db)), "zebra-lantern"));

    const std::string code = encrypt_database(db, shared("correct horse"));
    CHECK(code.size() == 29);  // 24 characters in six groups
    CHECK(is_encrypted_file(db));
    CHECK(is_encrypted_file(DeviceStore::path_for(db)));
    CHECK_FALSE(fs::exists(snapshot_before_encryption(db)));  // the plain snapshot goes once both files are whole
    CHECK((fs::status(KeyFile::path_for(db)).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    auto key = unlock_database(db, "correct horse");
    REQUIRE(key);
    {
        Home c(db, key);
        CHECK(c.m->gratitude.count({}) == 1);
        CHECK(c.m->device.draft("gratitude") == kDraftWords);
        // Saves while open: the WAL and the store's WAL are on the disk now.
        c.thank("the second note, velvet-harbour");
        c.m->device.set_draft("gratitude", "another draft, copper-meadow");
        bool saw_wal = false;
        for (auto& e : fs::directory_iterator(dir.path())) {
            std::string bytes = slurp(e.path());
            saw_wal = saw_wal || e.path().string().ends_with("-wal");
            INFO(e.path());
            for (auto word : {"zebra-lantern", "marmalade-sunrise", "velvet-harbour", "copper-meadow", "Maya"})
                CHECK_FALSE(contains(bytes, word));
        }
        CHECK(saw_wal);
    }
    for (auto& e : fs::directory_iterator(dir.path())) {
        std::string bytes = slurp(e.path());
        INFO(e.path());
        for (auto word : {"zebra-lantern", "marmalade-sunrise", "velvet-harbour", "copper-meadow", "Maya"})
            CHECK_FALSE(contains(bytes, word));
    }
    // And the words come back after closing and opening again.
    Home again(db, unlock_database(db, "correct horse"));
    CHECK(again.m->gratitude.count({}) == 2);
    CHECK(again.m->device.draft("gratitude") == "another draft, copper-meadow");
}

TEST_CASE("A wrong passphrase opens nothing and changes no file", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    encrypt_database(db, shared("correct horse"));
    const auto before = folder_hashes(dir.path());
    CHECK_FALSE(unlock_database(db, "correct hose"));
    CHECK_FALSE(unlock_database(db, ""));
    CHECK(folder_hashes(dir.path()) == before);
    // A key that is not this database's cannot read a page either.
    CHECK_THROWS_WITH(Database::open_file(db, SecretKey::random()), Catch::Contains("was changed outside Hearth at page 1"));
    CHECK(folder_hashes(dir.path()) == before);
}

TEST_CASE("A byte changed outside Hearth is refused, naming the file and the page", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    encrypt_database(db, shared("passphrase"));
    const auto size = fs::file_size(db);
    REQUIRE(size >= 3 * 4096);
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(size - 4096 + 100));  // inside the last page
        char c;
        f.seekg(std::streamoff(size - 4096 + 100));
        f.get(c);
        f.seekp(std::streamoff(size - 4096 + 100));
        f.put(char(c ^ 1));
    }
    auto key = unlock_database(db, "passphrase");
    REQUIRE(key);
    const std::string page = std::to_string(size / 4096);
    try {
        auto d = Database::open_file(db, key->derive(kCoupleFileKey));
        d.exec("PRAGMA integrity_check");
        FAIL("the changed page was read");
    } catch (const DbError& e) {
        CHECK_THAT(e.what(), Catch::Contains(db.string() + " was changed outside Hearth at page " + page));
    }
}

TEST_CASE("Changing the passphrase rewraps the key and leaves the database's bytes as they were", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    const std::string code = encrypt_database(db, shared("old words"));
    const auto db_hash = hash_of(db);
    auto key = unlock_database(db, "old words");
    REQUIRE(key);
    Passphrases each;
    each.per_partner = true;
    each.partner1 = "maya's words";
    each.partner2 = "sam's words";
    change_passphrases(db, *key, each);
    CHECK(hash_of(db) == db_hash);
    CHECK_FALSE(unlock_database(db, "old words"));
    for (auto p : {"maya's words", "sam's words"}) {
        auto k = unlock_database(db, p);
        REQUIRE(k);
        Home c(db, k);
        CHECK(c.m->gratitude.count({}) == 1);
    }
    CHECK(KeyFile::read(KeyFile::path_for(db))->per_partner());
    // The recovery code still opens it, typed loosely.
    std::string loose = code;
    for (auto& ch : loose) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    std::replace(loose.begin(), loose.end(), '-', ' ');
    auto by_code = unlock_database(db, loose);
    REQUIRE(by_code);
    Home c(db, by_code);
    CHECK(c.m->gratitude.count({}) == 1);
}

TEST_CASE("Turning encryption off gives back a plain database and keeps an encrypted snapshot", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    encrypt_database(db, shared("passphrase"));
    auto key = unlock_database(db, "passphrase");
    decrypt_database(db, key);
    CHECK_FALSE(is_encrypted_file(db));
    CHECK_FALSE(is_encrypted_file(DeviceStore::path_for(db)));
    CHECK_FALSE(fs::exists(KeyFile::path_for(db)));
    CHECK(is_encrypted_file(snapshot_before_decryption(db)));
    CHECK(fs::exists(KeyFile::path_for(snapshot_before_decryption(db))));
    Home c(db);
    CHECK(c.m->gratitude.count({}) == 1);
    CHECK(c.m->device.draft("gratitude") == kDraftWords);
    // The snapshot opens with the same passphrase.
    auto snap_key = unlock_database(snapshot_before_decryption(db), "passphrase");
    REQUIRE(snap_key);
    auto snap = Database::open_file(snapshot_before_decryption(db), snap_key->derive(kCoupleFileKey));
    auto& st = snap.prepare("SELECT count(*) FROM gratitude");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);
}

TEST_CASE("A conversion cut short leaves a database that opens whole", "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    encrypt_database(db, shared("passphrase"));
    auto key = unlock_database(db, "passphrase");
    // As a crash between the database's swap and the store's would leave it:
    // a plain store and the plain snapshot beside the encrypted database.
    {
        Home plain(dir / "other.db");
        plain.m->device.set_draft("gratitude", "plain draft, walnut-thunder");
    }
    fs::copy_file(DeviceStore::path_for(dir / "other.db"), DeviceStore::path_for(db), fs::copy_options::overwrite_existing);
    fs::copy_file(dir / "other.db", snapshot_before_encryption(db));
    fs::remove(dir / "other.db");
    fs::remove(DeviceStore::path_for(dir / "other.db"));
    {
        Home c(db, key);
        CHECK(c.m->device.draft("gratitude") == "plain draft, walnut-thunder");
    }
    CHECK(is_encrypted_file(DeviceStore::path_for(db)));
    CHECK_FALSE(fs::exists(snapshot_before_encryption(db)));
    for (auto& e : fs::directory_iterator(dir.path())) CHECK_FALSE(contains(slurp(e.path()), "walnut-thunder"));
}

TEST_CASE("The key lives in locked memory; the shipping KDF costs 64 MiB and passes Hearth's own reading limits",
          "[encryption]") {
    auto k = SecretKey::random();
    auto a = k->derive(kCoupleFileKey), b = k->derive(kDeviceFileKey);
    CHECK(std::memcmp(a->data(), b->data(), SecretKey::kSize) != 0);
    const KdfCost shipping = shipping_kdf_cost();
    CHECK(shipping.mem == std::size_t(64) << 20);
    CHECK(shipping.ops > crypto_pwhash_OPSLIMIT_INTERACTIVE);  // tuned up to about half a second
    CHECK(shipping.ops <= kMaxKdfOps);                        // what Hearth writes, Hearth reads
    CHECK(shipping.mem <= kMaxKdfMem);
}

TEST_CASE("Only what has a recovery code's shape is tried as one (each try costs a derivation)", "[encryption]") {
    for (int i = 0; i < 20; ++i) {
        const std::string code = new_recovery_code();
        CHECK(could_be_recovery_code(code));
        std::string loose;  // lower case, spaces for dashes, o for 0
        for (char c : code) loose += c == '-' ? ' ' : c == '0' ? 'o' : char(std::tolower(static_cast<unsigned char>(c)));
        CHECK(could_be_recovery_code(loose));
    }
    for (auto passphrase : {"", "correct horse", "correct horse battery staple", "a long walk by the river",
                            "0123456789ABCDEFGHJKMNPQRSTUVW", "7KQ2-7KQ2-7KQ2-7KQ2-7KQ2-7KQ"})
        CHECK_FALSE(could_be_recovery_code(passphrase));
}

TEST_CASE("An encrypted database's daily snapshots are encrypted with it and restore", "[encryption][snapshots]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    encrypt_database(db, shared("correct horse"));
    auto key = unlock_database(db, "correct horse");
    REQUIRE(key);
    Home c(db, key);
    const auto taken = c.m->snapshots.take_daily(c.m->db);
    INFO(taken.message);
    REQUIRE(taken.ok);
    CHECK(is_encrypted_file(taken.file));
    for (auto& e : fs::directory_iterator(taken.file.parent_path())) {
        INFO(e.path());
        const std::string bytes = slurp(e.path());
        for (auto word : {"zebra-lantern", "Maya", "SQLite format 3"}) CHECK_FALSE(contains(bytes, word));
    }
    // Not readable without the key; whole with it, and it restores.
    CHECK_THROWS(Database::open_file(taken.file));
    c.thank("written after the snapshot, amber-kettle");
    REQUIRE(c.m->gratitude.count({}) == 2);
    const auto restored = c.m->snapshots.restore(c.m->db, taken.file);
    INFO(restored.message);
    REQUIRE(restored.ok);
    c.m->reload();
    CHECK(c.m->gratitude.count({}) == 1);
    for (const auto& s : c.m->snapshots.list()) CHECK(is_encrypted_file(s.file));
}

TEST_CASE("A passphrase shorter than 8 characters is refused with the reason, naming whose, and nothing changes",
          "[encryption]") {
    test::TempDir dir;
    const auto db = dir / "hearth.db";
    make_plain(db);
    const auto before = folder_hashes(dir.path());
    CHECK_THROWS_WITH(encrypt_database(db, shared("1234567")), Catch::Contains("at least 8 characters"));
    Passphrases each;
    each.per_partner = true;
    each.partner1 = "long enough words";
    each.partner2 = "short";
    CHECK(passphrases_problem(each, "Maya's", "Sam's") ==
          "Sam's passphrase is too weak: a passphrase needs at least 8 characters");
    CHECK_THROWS(encrypt_database(db, each));
    CHECK(folder_hashes(dir.path()) == before);
    CHECK(passphrases_problem(shared("12345678")).empty());  // 8 is enough
    CHECK(passphrases_problem(shared("日本語のパスワード")).empty());  // characters, not bytes
}
