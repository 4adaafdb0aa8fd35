#pragma once
// A backup sealed with a passphrase: Argon2id (libsodium's crypto_pwhash) turns
// the passphrase into a key, and libsodium's secretstream (XChaCha20-Poly1305)
// seals the JSON in chunks, the last one marked final, so a wrong passphrase,
// a changed byte and a cut-off file are all refused. The layout is in
// docs/backup-format.md ("Encrypted backups").
#include "kdf_cost.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth {

// What password managers use: 64 MiB; two passes take about half a second on
// a laptop (docs/backup-format.md has the figures).
inline constexpr KdfCost kBackupKdf{2, std::size_t(64) << 20};
// What a file may ask for: anything beyond is refused unread (a crafted
// header cannot make Hearth allocate gigabytes or spin for minutes).
inline constexpr uint64_t kMaxKdfOps = 16;
inline constexpr std::size_t kMaxKdfMem = std::size_t(1) << 30;

// The first bytes of every encrypted backup.
inline constexpr std::string_view kEncryptedBackupMagic = "hearth-encrypted-backup\n";

// A passphrase Hearth accepts for a new encrypted backup: "" or why not.
std::string passphrase_problem(std::string_view passphrase);

bool is_encrypted_backup(std::string_view bytes);

// Overwrites a passphrase (or plaintext) in memory, then empties it.
void wipe_secret(std::string& secret);

// Seals `plain` with `passphrase`. Throws std::runtime_error only when
// libsodium cannot run (out of memory for the KDF).
std::string seal_backup(std::string_view plain, std::string_view passphrase, KdfCost cost = kBackupKdf);

// Why an encrypted backup could not be opened.
class SealError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// The JSON inside `sealed`. Throws SealError: "wrong passphrase or the file
// was changed" when any chunk fails to open, "it is cut off" when the final
// chunk is missing, or what is wrong with the header.
std::string open_backup(std::string_view sealed, std::string_view passphrase);

} // namespace hearth
