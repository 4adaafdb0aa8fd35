#pragma once
// Encryption at rest for a couple's database and this machine's store beside
// it: telling an encrypted file from a plain one, unlocking, opening, and
// turning encryption on and off crash-safely. docs/encryption.md.
#include "database.h"
#include "device_store.h"
#include "key_file.h"
#include "secret_key.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hearth {

// What each file is encrypted with: a key derived from the database key.
inline constexpr std::uint64_t kCoupleFileKey = 1;
inline constexpr std::uint64_t kDeviceFileKey = 2;

// A file that is not empty and does not start with SQLite's plain header.
bool is_encrypted_file(const std::filesystem::path& file);

// The passphrases the couple chose: one shared, or one each.
struct Passphrases {
    bool per_partner = false;
    std::string shared;
    std::string partner1, partner2;
};

// Why these new passphrases are refused ("" when they are fine): each needs at
// least 8 characters (passphrase_problem, the same rule as encrypted backups).
// `who` names them in the message: "The shared passphrase", "Maya's passphrase".
std::string passphrases_problem(const Passphrases& p, std::string_view partner1 = "Partner 1's",
                                std::string_view partner2 = "Partner 2's");
// Overwrites every passphrase held, then empties them.
void wipe(Passphrases& p);

// Whether the keys file beside `db` has one passphrase per partner.
bool has_per_partner_passphrases(const std::filesystem::path& db);

// The database key from a passphrase or the recovery code; nullptr when it is
// neither. Throws naming the file when the keys file is missing or damaged.
std::shared_ptr<const SecretKey> unlock_database(const std::filesystem::path& db, std::string_view secret);

// Open the couple's database / this machine's store with the database key
// (plain when `key` is null). A conversion cut short by a crash is finished
// first (finish_interrupted_conversion).
Database open_couple_database(const std::filesystem::path& db, const std::shared_ptr<const SecretKey>& key);
DeviceStore open_device_store(const std::filesystem::path& db, const std::shared_ptr<const SecretKey>& key);

// The snapshots taken before a conversion, in the database's folder.
std::filesystem::path snapshot_before_encryption(const std::filesystem::path& db);
std::filesystem::path snapshot_before_decryption(const std::filesystem::path& db);

// Turning encryption on: a plain snapshot first (removed once the encrypted
// files are whole), then each file copied through SQLite's VACUUM INTO into a
// temporary beside it, checked, and renamed over the old one; the keys file
// is written before the rename. Returns the recovery code, shown once. The
// caller holds the database lock and has no connection open to either file.
std::string encrypt_database(const std::filesystem::path& db, const Passphrases& passphrases);
// The same, also handing back the new key, so the caller can reopen the files
// without deriving it again from a passphrase.
struct EncryptedDatabase {
    std::string recovery_code;
    std::shared_ptr<const SecretKey> key;
};
EncryptedDatabase encrypt_database_keyed(const std::filesystem::path& db, const Passphrases& passphrases);
// Turning it off: an encrypted snapshot (with its keys) is kept; the store
// beside the database first, then the database, then the keys file goes.
void decrypt_database(const std::filesystem::path& db, const std::shared_ptr<const SecretKey>& key);
// Rewraps the key for new passphrases (the recovery code's wrap is kept);
// the database files are not touched.
void change_passphrases(const std::filesystem::path& db, const SecretKey& key, const Passphrases& passphrases);

// A crash during encrypt_database can leave the plain snapshot and a plain
// store beside an encrypted database: removes the one, encrypts the other.
void finish_interrupted_conversion(const std::filesystem::path& db, const std::shared_ptr<const SecretKey>& key);

} // namespace hearth
