// Turning encryption on or off when a step fails: the work says what happened
// and which key reopens the file as it now is (crash-safe steps leave the old
// file or the new one whole). No window.
#include "conversion_screen.h"
#include "hearth_model.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

using namespace hearth;
using namespace hearth::screens;
namespace fs = std::filesystem;

namespace {

fs::path plain_database(const test::TempDir& dir) {
    const auto db = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    Model m(open_couple_database(db, nullptr), clock, HEARTH_TEST_ASSETS_DIR, open_device_store(db, nullptr));
    REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    return db;
}

Converter converter_for(const fs::path& db) {
    Converter c;
    c.database = db.string();
    c.unlock = [db](const std::string& s) { return unlock_database(db, s); };
    c.encrypt = [db](const Passphrases& p) { return encrypt_database_keyed(db, p); };
    c.decrypt = [db](const std::shared_ptr<const SecretKey>& k) { decrypt_database(db, k); };
    return c;
}

ConversionRequest encrypt_with(std::string pass) {
    ConversionRequest r;
    r.passphrases.shared = std::move(pass);
    return r;
}

} // namespace

TEST_CASE("A conversion that fails before the swap reopens the old plain file and says why", "[screens][encryption]") {
    use_cheap_kdf_for_tests();
    test::TempDir dir;
    const auto db = plain_database(dir);
    Converter c = converter_for(db);
    c.encrypt = [](const Passphrases&) -> EncryptedDatabase { throw std::runtime_error("the disk is full"); };
    auto r = encrypt_with("our walk by the river");
    auto out = convert(c, r);
    CHECK_FALSE(out.ok);
    CHECK(out.message == "Could not encrypt: the disk is full");
    CHECK_FALSE(out.encrypted);
    CHECK_FALSE(out.recovery_code);
    CHECK(r.passphrases.shared.empty());  // wiped once used
}

TEST_CASE("A conversion that fails after the swap reopens the encrypted file with the passphrase", "[screens][encryption]") {
    use_cheap_kdf_for_tests();
    test::TempDir dir;
    const auto db = plain_database(dir);
    Converter c = converter_for(db);
    c.encrypt = [db](const Passphrases& p) -> EncryptedDatabase {
        encrypt_database_keyed(db, p);
        throw std::runtime_error("cannot flush the folder");
    };
    auto r = encrypt_with("our walk by the river");
    auto out = convert(c, r);
    CHECK_FALSE(out.ok);
    CHECK(out.encrypted);
    REQUIRE(out.key);
    CHECK_NOTHROW(open_couple_database(db, out.key));
}

TEST_CASE("ConversionScreen runs the work on its own thread and hands the outcome once", "[screens][encryption]") {
    use_cheap_kdf_for_tests();
    test::TempDir dir;
    const auto db = plain_database(dir);
    ConversionScreen s(converter_for(db), encrypt_with("our walk by the river"));
    CHECK(s.encrypting());
    std::optional<ConversionOutcome> out;
    for (int i = 0; i < 2000 && !out; ++i) {
        out = s.poll();
        if (!out) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(out);
    CHECK(out->ok);
    CHECK(out->encrypted);
    REQUIRE(out->recovery_code);
    CHECK(unlock_database(db, *out->recovery_code));
    CHECK_FALSE(s.poll());
    CHECK(is_encrypted_file(db));
}
