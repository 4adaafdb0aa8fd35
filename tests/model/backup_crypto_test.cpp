// Backups sealed with a passphrase: round trip, nothing readable inside, and a
// wrong passphrase, a changed byte or a cut-off file refused with nothing imported.
#include "backup.h"
#include "backup_crypto.h"
#include "file_read.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace hearth;
namespace fs = std::filesystem;
using test::FileModel;
using test::slurp;

namespace {

// Cheap enough for a test; the default (64 MiB) is checked on its own below.
constexpr KdfCost kCheap{1, std::size_t(8) << 10};

int rows(test::FileModel& f) {
    auto& st = f.model.db.prepare("SELECT count(*) FROM gratitude");
    REQUIRE(st.step());
    int n = int(st.integer(0));
    st.reset();
    return n;
}

// Every file of the database, byte for byte (what a hash would compare).
std::string database_files(const fs::path& db) {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
        fs::path p = db.string() + suffix;
        std::error_code ec;
        if (fs::exists(p, ec)) all += p.string() + ":" + slurp(p) + "\n";
    }
    return all;
}

const std::string kSecret = "Thank you for holding me when the news came";
const std::string kPass = "correct horse battery staple";

} // namespace

TEST_CASE("An encrypted backup round trip: the words come back with the passphrase", "[backup][crypto][files]") {
    test::TempDir dir;
    const fs::path file = dir / "backup.hearth";
    {
        FileModel from(dir / "one.db");
        from.appreciate(kSecret);
        export_backup(from.model.db, from.clock, file, kPass, kCheap);
    }
    CHECK(backup_is_encrypted(file));
    FileModel to(dir / "two.db", false);
    CHECK(rows(to) == 0);
    auto r = import_backup(to.model.db, file, kPass);
    CHECK(r.inserted > 0);
    to.model.reload();
    auto page = to.model.gratitude.page({}, 0, 10);
    REQUIRE(page.size() == 1);
    CHECK(page[0].text == kSecret);
}

TEST_CASE("An encrypted backup's bytes hold none of the couple's words", "[backup][crypto][files]") {
    test::TempDir dir;
    const fs::path plain = dir / "plain.json", sealed = dir / "sealed.hearth";
    FileModel m(dir / "one.db");
    m.appreciate(kSecret);
    export_backup(m.model.db, m.clock, plain);
    export_backup(m.model.db, m.clock, sealed, kPass, kCheap);
    const std::string p = slurp(plain), s = slurp(sealed);
    REQUIRE(p.find(kSecret) != std::string::npos);  // the scan below would find it
    for (const std::string& known : {kSecret, std::string("Maya"), std::string("gratitude"), std::string("hearth-backup"),
                                     std::string("schema_version"), kPass})
        CHECK(s.find(known) == std::string::npos);
    CHECK(s.starts_with(kEncryptedBackupMagic));
}

TEST_CASE("An encrypted backup refuses a wrong passphrase, a flipped byte and a cut-off file; nothing is imported",
          "[backup][crypto][files]") {
    test::TempDir dir;
    const fs::path file = dir / "backup.hearth";
    { FileModel first(dir / "one.db"); }
    fs::copy_file(dir / "one.db", dir / "two.db");  // the same couple's other computer
    {
        FileModel from(dir / "one.db");
        for (int i = 0; i < 40; ++i) from.appreciate(kSecret + " " + std::to_string(i));
        export_backup(from.model.db, from.clock, file, kPass, kCheap);
    }
    const std::string good = slurp(file);

    FileModel to(dir / "two.db");
    to.appreciate("Ours, here already");
    const std::string before = database_files(dir / "two.db");
    auto refused = [&](const fs::path& f, const std::string& passphrase) {
        std::string message;
        try {
            import_backup(to.model.db, f, passphrase);
        } catch (const BackupError& e) {
            message = e.what();
        }
        INFO(message);
        CHECK_THAT(message, Catch::Contains(f.string()) && Catch::Contains("wrong passphrase or the file was changed") &&
                                Catch::Contains("nothing was imported"));
        CHECK(rows(to) == 1);
        CHECK(database_files(dir / "two.db") == before);
    };
    refused(file, "not the passphrase");
    // A byte flipped in the header, in the first chunk, in the last one.
    for (std::size_t at : {kEncryptedBackupMagic.size() + 20, good.size() / 3, good.size() - 5}) {
        std::string changed = good;
        changed[at] = char(changed[at] ^ 0x01);
        const fs::path f = dir / ("flipped-" + std::to_string(at) + ".hearth");
        std::ofstream(f, std::ios::binary) << changed;
        refused(f, kPass);
    }
    // Cut off at the end.
    {
        const fs::path f = dir / "cut.hearth";
        std::ofstream(f, std::ios::binary) << good.substr(0, good.size() - 100);
        refused(f, kPass);
    }
    // Bytes appended after the end.
    {
        const fs::path f = dir / "longer.hearth";
        std::ofstream(f, std::ios::binary) << good << "extra";
        refused(f, kPass);
    }
    // And the untouched file with its passphrase still works.
    CHECK(import_backup(to.model.db, file, kPass).inserted > 0);
    CHECK(rows(to) == 41);
}

TEST_CASE("A sealed backup of several chunks cut exactly after a whole chunk is refused as cut off", "[backup][crypto]") {
    std::string plain;
    while (plain.size() < 200 * 1024) plain += kSecret + "\n";
    const std::string sealed = seal_backup(plain, kPass, kCheap);
    CHECK(open_backup(sealed, kPass) == plain);
    // header: magic, version, kdf, ops, memory, salt (24 + 34 bytes), then the 24-byte stream header
    const std::size_t one_chunk = kEncryptedBackupMagic.size() + 34 + 24 + 64 * 1024 + 17;
    CHECK_THROWS_WITH(open_backup(sealed.substr(0, one_chunk), kPass), Catch::Contains("cut off"));
    CHECK_THROWS_WITH(open_backup(sealed.substr(0, one_chunk * 2 - 40), kPass),
                      Catch::Contains("wrong passphrase or the file was changed"));
    // Two chunks swapped: refused.
    std::string swapped = sealed;
    const std::size_t c = 64 * 1024 + 17, h = one_chunk - c;
    swapped.replace(h, c, sealed.substr(h + c, c));
    swapped.replace(h + c, c, sealed.substr(h, c));
    CHECK_THROWS_AS(open_backup(swapped, kPass), SealError);
}

TEST_CASE("An encrypted backup without its passphrase asks for it; a short passphrase is refused", "[backup][crypto][files]") {
    test::TempDir dir;
    FileModel m(dir / "one.db");
    const fs::path file = dir / "backup.hearth";
    export_backup(m.model.db, m.clock, file, kPass, kCheap);
    CHECK_THROWS_AS(import_backup(m.model.db, file), BackupNeedsPassphrase);
    CHECK_THROWS_AS(import_backup(m.model.db, file, ""), BackupNeedsPassphrase);
    CHECK_THROWS_WITH(export_backup(m.model.db, m.clock, dir / "short.hearth", "short", kCheap),
                      Catch::Contains("at least 8 characters") && Catch::Contains("short.hearth"));
    CHECK_FALSE(fs::exists(dir / "short.hearth"));
    // A plain backup imports whatever passphrase is given.
    export_backup(m.model.db, m.clock, dir / "plain.json");
    CHECK_FALSE(backup_is_encrypted(dir / "plain.json"));
    CHECK_NOTHROW(import_backup(m.model.db, dir / "plain.json", "ignored passphrase"));
}

TEST_CASE("The default key derivation is Argon2id with 64 MiB, and its cost is read from the file", "[backup][crypto]") {
    CHECK(kBackupKdf.mem == std::size_t(64) << 20);
    CHECK(kBackupKdf.ops >= 1);
    const std::string sealed = seal_backup("{}", kPass);  // the real cost, once
    const auto* p = reinterpret_cast<const unsigned char*>(sealed.data()) + kEncryptedBackupMagic.size();
    CHECK(p[0] == 1);  // format version
    CHECK(p[1] == 1);  // Argon2id
    uint64_t mem = 0;
    for (int i = 7; i >= 0; --i) mem = (mem << 8) | p[10 + i];
    CHECK(mem == kBackupKdf.mem);
    CHECK(open_backup(sealed, kPass) == "{}");
    // A header asking for absurd memory is refused before any is taken.
    std::string greedy = sealed;
    greedy[kEncryptedBackupMagic.size() + 10 + 7] = char(0x7f);
    CHECK_THROWS_AS(open_backup(greedy, kPass), SealError);
}
