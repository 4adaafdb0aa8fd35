#pragma once
// A SQLite VFS shim ("hearth-cipher") over the platform's default VFS that
// encrypts and authenticates every database page on its way to and from the
// disk, after SQLite's own ext/misc/cksumvfs.c: SQLite keeps caching, locking,
// WAL and durability; this only transforms bytes in xRead and xWrite.
//
// Each 4096-byte page keeps its last 40 bytes reserved (SQLite's reserve-bytes
// mechanism): a fresh random 24-byte nonce and the 16-byte tag of
// XChaCha20-Poly1305 (libsodium's crypto_aead_xchacha20poly1305_ietf) over the
// rest of the page, with the file's role and the page number as associated
// data. The main file is encrypted page by page by offset; in the -wal file
// the page image of every frame is encrypted the same way while the 32-byte
// WAL header and the 24-byte frame headers (page numbers, salts, checksums)
// stay as SQLite wrote them. Rollback journals and temporary files are refused
// (Hearth runs WAL with temp_store=MEMORY), except the journal of a file that
// is still empty (VACUUM INTO writes one holding no page). docs/encryption.md.
#include "secret_key.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace hearth::cipher {

inline constexpr const char* kVfsName = "hearth-cipher";
inline constexpr int kPageSize = 4096;
inline constexpr int kReserve = 40;  // nonce (24) + tag (16)

// Registers the VFS with SQLite (not as the default); safe to call again.
void register_vfs();

// "file:<absolute path>", escaped for an SQLite URI (no query yet).
std::string file_uri(const std::filesystem::path& file);

// While a loan lives, a file opened through uri() is encrypted with `key`.
// The open file keeps its own reference to the key, so the loan can end once
// the database is open; the key is wiped when the last file using it closes.
class KeyLoan {
public:
    explicit KeyLoan(std::shared_ptr<const SecretKey> key);
    ~KeyLoan();
    KeyLoan(const KeyLoan&) = delete;
    KeyLoan& operator=(const KeyLoan&) = delete;
    // "file:<path>?vfs=hearth-cipher&hearth_key=<id>", for sqlite3_open_v2
    // with SQLITE_OPEN_URI, ATTACH or VACUUM INTO.
    std::string uri(const std::filesystem::path& file) const;

private:
    std::uint64_t id_;
};

// The page that last failed authentication on this thread, once: the file
// (main database or its -wal) and the page number. Taken by
// describe_sqlite_error when SQLite reports an I/O error.
struct Refusal {
    std::string file;
    std::int64_t page = 0;
};
std::optional<Refusal> take_refusal();

} // namespace hearth::cipher
