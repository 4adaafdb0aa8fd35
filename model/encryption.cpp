#include "encryption.h"

#include "backup_crypto.h"
#include "break_time_file.h"
#include "cipher_vfs.h"
#include "looks_file.h"
#include "snapshots.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace hearth {
namespace fs = std::filesystem;

namespace {

constexpr char kPlainHeader[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

fs::path with_suffix(const fs::path& p, std::string_view suffix) {
    auto out = p;
    out += std::string(suffix);
    return out;
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

void remove_with_sidecars(const fs::path& p) {
    for (auto s : {"", "-wal", "-shm", "-journal"}) remove_quietly(with_suffix(p, s));
}

void sync_path(const fs::path& p, bool folder) {
    int fd = ::open(p.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("Cannot open " + p.string() + " to flush it: " + std::strerror(errno));
    int rc = ::fsync(fd);
    int e = errno;
    ::close(fd);
    if (rc != 0) throw std::runtime_error("Cannot flush " + p.string() + " to the disk: " + std::strerror(e));
}

fs::path folder_of(const fs::path& p) {
    auto d = p.parent_path();
    return d.empty() ? fs::path(".") : d;
}

void rename_over(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) throw std::runtime_error("Cannot replace " + to.string() + " with " + from.string() + ": " + ec.message());
    sync_path(folder_of(to), true);
}

struct RawDb {
    sqlite3* db = nullptr;
    ~RawDb() { sqlite3_close_v2(db); }
    void exec(const std::string& sql, const fs::path& file) {
        char* err = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            int rc = sqlite3_extended_errcode(db);
            std::string msg = describe_sqlite_error(db, rc, err ? err : "");
            sqlite3_free(err);
            throw DbError("Cannot convert the database " + file.string() + ": " + msg, rc);
        }
    }
};

std::string plain_uri(const fs::path& file) {
    // The default VFS by name, so that ATTACH from an encrypted connection
    // does not inherit the cipher.
    return cipher::file_uri(file) + "?vfs=" + sqlite3_vfs_find(nullptr)->zName;
}

// Opens `file` (through the cipher when `key`), for a conversion step.
void open_raw(RawDb& r, const fs::path& file, const std::shared_ptr<const SecretKey>& key,
              std::optional<cipher::KeyLoan>& loan) {
    std::string target = file.string();
    if (key) {
        loan.emplace(key);
        target = loan->uri(file);
    }
    int rc = sqlite3_open_v2(target.c_str(), &r.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK)
        throw DbError("Cannot open the database " + file.string() + ": " + describe_sqlite_error(r.db, rc, {}), rc);
    r.exec("PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=2000", file);
}

// A whole copy of `from` at `to` (absent or left over from a crash), each
// through its own key or plain, checked with integrity_check, in WAL mode,
// flushed to the disk.
void copy_database(const fs::path& from, const std::shared_ptr<const SecretKey>& from_key, const fs::path& to,
                   const std::shared_ptr<const SecretKey>& to_key) {
    remove_with_sidecars(to);
    {
        RawDb src;
        std::optional<cipher::KeyLoan> src_loan, dst_loan;
        open_raw(src, from, from_key, src_loan);
        if (to_key) {
            int reserve = cipher::kReserve;
            sqlite3_file_control(src.db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(src.db, "PRAGMA page_size", -1, &st, nullptr);
            int size = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
            sqlite3_finalize(st);
            if (size != cipher::kPageSize)
                throw std::runtime_error("Cannot encrypt the database " + from.string() + ": its pages are " +
                                         std::to_string(size) + " bytes; Hearth encrypts 4096-byte pages");
            dst_loan.emplace(to_key);
        }
        const std::string target = to_key ? dst_loan->uri(to) : plain_uri(to);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(src.db, "VACUUM INTO ?1", -1, &st, nullptr) != SQLITE_OK)
            src.exec("VACUUM INTO ''", from);  // reports the error
        sqlite3_bind_text(st, 1, target.c_str(), -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            rc = sqlite3_extended_errcode(src.db);
            throw DbError("Cannot copy the database " + from.string() + " to " + to.string() + ": " +
                              describe_sqlite_error(src.db, rc, {}),
                          rc);
        }
    }
    ::chmod(to.c_str(), 0600);
    {
        RawDb out;
        std::optional<cipher::KeyLoan> loan;
        open_raw(out, to, to_key, loan);
        // VACUUM INTO writes a rollback-journal file; switching to WAL writes
        // page 1 once, journalled in memory (no plain journal on the disk).
        out.exec("PRAGMA journal_mode=MEMORY; PRAGMA journal_mode=WAL", to);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(out.db, "PRAGMA integrity_check", -1, &st, nullptr);
        std::string verdict = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
                                  ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0))
                                  : "unreadable";
        sqlite3_finalize(st);
        if (verdict != "ok")
            throw std::runtime_error("The converted copy " + to.string() + " failed its check (" + verdict +
                                     "); nothing was changed");
    }
    sync_path(to, false);
}

// Writes everything in `file`'s WAL into the file itself and closes it, so
// that the file alone is the whole database.
void checkpoint(const fs::path& file, const std::shared_ptr<const SecretKey>& key) {
    RawDb r;
    std::optional<cipher::KeyLoan> loan;
    open_raw(r, file, key, loan);
    r.exec("PRAGMA wal_checkpoint(TRUNCATE)", file);
}

// Replaces `file` by its converted copy `tmp`. The caller holds the lock and
// checkpointed `file`: its -wal and -shm hold nothing the copy lacks, and must
// not be applied to the new file.
void swap_in(const fs::path& tmp, const fs::path& file) {
    remove_quietly(with_suffix(file, "-wal"));
    remove_quietly(with_suffix(file, "-shm"));
    rename_over(tmp, file);
}

// The temporaries a snapshot's conversion writes beside it; a crash can leave
// one (".decrypting" is plain).
constexpr std::string_view kSnapshotTemps[] = {".encrypting", ".decrypting"};

// Removes the conversion temporaries of `db`'s snapshots (of ones since
// pruned too) left by a crash.
void remove_snapshot_leftovers(const fs::path& db) {
    const std::string stem = db.stem().string();
    std::error_code ec;
    std::vector<fs::path> leftovers;
    for (fs::directory_iterator it(snapshot_folder_for(db), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        for (auto suffix : kSnapshotTemps)
            if (name.ends_with(suffix) &&
                parse_snapshot_name(stem, name.substr(0, name.size() - suffix.size())))
                leftovers.push_back(it->path());
    }
    for (const auto& p : leftovers) remove_with_sidecars(p);
}

// Encrypts every one of `db`'s snapshots still plain with the database's page
// key, each through a checked copy renamed over it. One that cannot be copied
// whole (damaged, or the disk is full) is removed: its words must not stay
// readable, and a restore would refuse it anyway. Opening calls this, so it
// costs a header read per snapshot when there is nothing to do.
void encrypt_snapshots(const fs::path& db, const std::shared_ptr<const SecretKey>& couple_key) {
    remove_snapshot_leftovers(db);
    for (const auto& snap : snapshot_files_of(db)) {
        if (is_encrypted_file(snap)) continue;
        const auto tmp = with_suffix(snap, ".encrypting");
        try {
            checkpoint(snap, nullptr);
            copy_database(snap, nullptr, tmp, couple_key);
            swap_in(tmp, snap);
        } catch (const std::exception&) {
            remove_with_sidecars(tmp);
            remove_with_sidecars(snap);
            sync_path(folder_of(snap), true);
        }
    }
}

// Turning encryption off: every encrypted snapshot of `db` back to plain (in
// rollback-journal mode, one self-contained file, as Snapshots writes them).
// One that cannot be decrypted (damaged) is left encrypted, which is safe, with
// a copy of the keys file beside it so that the passphrase still opens it.
void decrypt_snapshots(const fs::path& db, const std::shared_ptr<const SecretKey>& couple_key) {
    remove_snapshot_leftovers(db);
    for (const auto& snap : snapshot_files_of(db)) {
        if (!is_encrypted_file(snap)) continue;
        const auto tmp = with_suffix(snap, ".decrypting");
        try {
            checkpoint(snap, couple_key);
            copy_database(snap, couple_key, tmp, nullptr);
            {
                RawDb r;
                std::optional<cipher::KeyLoan> none;
                open_raw(r, tmp, nullptr, none);
                r.exec("PRAGMA journal_mode=DELETE", tmp);
            }
            sync_path(tmp, false);
            swap_in(tmp, snap);
        } catch (const std::exception&) {
            remove_with_sidecars(tmp);
            if (auto kf = KeyFile::read(KeyFile::path_for(db))) kf->write(KeyFile::path_for(snap));
        }
    }
}

std::vector<KeyWrap> passphrase_wraps(const SecretKey& key, const Passphrases& p) {
    std::vector<KeyWrap> out;
    if (p.per_partner) {
        out.push_back(wrap_key(key, kPartner1, p.partner1));
        out.push_back(wrap_key(key, kPartner2, p.partner2));
    } else {
        out.push_back(wrap_key(key, kShared, p.shared));
    }
    return out;
}

void check_passphrases(const Passphrases& p) {
    if (auto why = passphrases_problem(p); !why.empty()) throw std::invalid_argument(why + "; nothing was changed");
}

} // namespace

std::string passphrases_problem(const Passphrases& p, std::string_view partner1, std::string_view partner2) {
    auto check = [](const std::string& s, std::string_view whose) -> std::string {
        if (s.empty()) return std::string(whose) + " passphrase is empty";
        if (auto why = passphrase_problem(s); !why.empty()) return std::string(whose) + " passphrase is too weak: " + why;
        return {};
    };
    if (!p.per_partner) return check(p.shared, "The shared");
    if (auto why = check(p.partner1, partner1); !why.empty()) return why;
    return check(p.partner2, partner2);
}

void wipe(Passphrases& p) {
    wipe(p.shared);
    wipe(p.partner1);
    wipe(p.partner2);
}

bool has_per_partner_passphrases(const fs::path& db) {
    auto kf = KeyFile::read(KeyFile::path_for(db));
    return kf && kf->per_partner();
}

bool is_encrypted_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[16] = {};
    if (!in.read(head, sizeof head)) return false;  // empty or shorter than a header: a new file
    return std::memcmp(head, kPlainHeader, sizeof head) != 0;
}

fs::path snapshot_before_encryption(const fs::path& db) { return with_suffix(db, ".before-encryption"); }
fs::path snapshot_before_decryption(const fs::path& db) { return with_suffix(db, ".before-decryption"); }

std::shared_ptr<const SecretKey> unlock_database(const fs::path& db, std::string_view secret) {
    auto kf = KeyFile::read(KeyFile::path_for(db));
    if (!kf)
        throw std::runtime_error("The database " + db.string() + " is encrypted but its keys file " +
                                 KeyFile::path_for(db).string() +
                                 " is missing; put it back beside the database (without it the data cannot be read)");
    return kf->unlock(secret);
}

void finish_interrupted_conversion(const fs::path& db, const std::shared_ptr<const SecretKey>& key) {
    if (!key) return;
    // Temporaries of a conversion a crash cut short; the plain ones
    // (".decrypting", the plain snapshot's ".tmp") must not stay readable.
    remove_with_sidecars(with_suffix(db, ".encrypting"));
    remove_with_sidecars(with_suffix(db, ".decrypting"));
    remove_with_sidecars(with_suffix(DeviceStore::path_for(db), ".decrypting"));
    remove_with_sidecars(with_suffix(snapshot_before_encryption(db), ".tmp"));
    const auto device = DeviceStore::path_for(db);
    std::error_code ec;
    if (fs::exists(device, ec) && fs::file_size(device, ec) > 0 && !is_encrypted_file(device)) {
        const auto tmp = with_suffix(device, ".encrypting");
        checkpoint(device, nullptr);
        copy_database(device, nullptr, tmp, key->derive(kDeviceFileKey));
        swap_in(tmp, device);
    }
    // The automatic snapshots, then the plain copy: it goes last, once
    // every other file is encrypted.
    encrypt_snapshots(db, key->derive(kCoupleFileKey));
    const auto snapshot = snapshot_before_encryption(db);
    if (fs::exists(snapshot, ec)) {
        remove_with_sidecars(snapshot);
        sync_path(folder_of(db), true);
    }
}

Database open_couple_database(const fs::path& db, const std::shared_ptr<const SecretKey>& key) {
    if (!key) return Database::open_file(db);
    finish_interrupted_conversion(db, key);
    return Database::open_file(db, key->derive(kCoupleFileKey));
}

DeviceStore open_device_store(const fs::path& db, const std::shared_ptr<const SecretKey>& key) {
    finish_interrupted_conversion(db, key);
    return DeviceStore::open_file(DeviceStore::path_for(db), key ? key->derive(kDeviceFileKey) : nullptr);
}

std::string encrypt_database(const fs::path& db, const Passphrases& passphrases) {
    return encrypt_database_keyed(db, passphrases).recovery_code;
}

EncryptedDatabase encrypt_database_keyed(const fs::path& db, const Passphrases& passphrases) {
    check_passphrases(passphrases);
    if (is_encrypted_file(db)) throw std::runtime_error("The database " + db.string() + " is already encrypted");
    std::error_code ec;
    if (!fs::exists(db, ec)) throw std::runtime_error("There is no database at " + db.string() + " to encrypt");
    checkpoint(db, nullptr);

    // 1. A whole plain copy first; it goes once both encrypted files are in place.
    const auto snapshot = snapshot_before_encryption(db);
    const auto snapshot_tmp = with_suffix(snapshot, ".tmp");
    copy_database(db, nullptr, snapshot_tmp, nullptr);
    remove_with_sidecars(snapshot);
    rename_over(snapshot_tmp, snapshot);

    // 2. The encrypted copy, then its keys, then the swap.
    auto key = SecretKey::random();
    const auto tmp = with_suffix(db, ".encrypting");
    copy_database(db, nullptr, tmp, key->derive(kCoupleFileKey));
    KeyFile kf;
    kf.wraps = passphrase_wraps(*key, passphrases);
    std::string code = new_recovery_code();
    kf.wraps.push_back(wrap_key(*key, kRecovery, recovery_code_secret(code)));
    kf.write(KeyFile::path_for(db));
    swap_in(tmp, db);

    // 3. This machine's store (drafts are the couple's words), the automatic
    //    snapshots in backups/, and the plain snapshot goes.
    finish_interrupted_conversion(db, key);
    return {std::move(code), key};
}

void decrypt_database(const fs::path& db, const std::shared_ptr<const SecretKey>& key) {
    if (!is_encrypted_file(db)) throw std::runtime_error("The database " + db.string() + " is not encrypted");
    const auto couple_key = key->derive(kCoupleFileKey);
    checkpoint(db, couple_key);

    // 1. An encrypted snapshot with its keys, kept.
    const auto snapshot = snapshot_before_decryption(db);
    const auto snapshot_tmp = with_suffix(snapshot, ".tmp");
    copy_database(db, couple_key, snapshot_tmp, couple_key);
    const auto keys_copy = KeyFile::path_for(snapshot);
    if (auto kf = KeyFile::read(KeyFile::path_for(db))) kf->write(keys_copy);
    remove_with_sidecars(snapshot);
    rename_over(snapshot_tmp, snapshot);

    // 2. The automatic snapshots, then the store beside the database: a crash
    //    after either leaves plain files beside an encrypted database, which
    //    opening encrypts again; the database is turned last.
    decrypt_snapshots(db, couple_key);
    const auto device = DeviceStore::path_for(db);
    std::error_code ec;
    if (fs::exists(device, ec) && is_encrypted_file(device)) {
        const auto device_key = key->derive(kDeviceFileKey);
        checkpoint(device, device_key);
        const auto tmp = with_suffix(device, ".decrypting");
        copy_database(device, device_key, tmp, nullptr);
        swap_in(tmp, device);
    }
    // 3. The database, then the keys file.
    const auto tmp = with_suffix(db, ".decrypting");
    copy_database(db, couple_key, tmp, nullptr);
    swap_in(tmp, db);
    remove_quietly(KeyFile::path_for(db));
    remove_quietly(break_time_file_for(db));  // a plain database starts unlocked: it keeps none
    remove_quietly(looks_file_for(db));
    sync_path(folder_of(db), true);
}

void change_passphrases(const fs::path& db, const SecretKey& key, const Passphrases& passphrases) {
    check_passphrases(passphrases);
    auto kf = KeyFile::read(KeyFile::path_for(db));
    if (!kf) throw std::runtime_error("The keys file " + KeyFile::path_for(db).string() + " is missing");
    KeyFile next;
    next.wraps = passphrase_wraps(key, passphrases);
    for (auto& w : kf->wraps)
        if (w.who == kRecovery) next.wraps.push_back(w);
    next.write(KeyFile::path_for(db));
}

} // namespace hearth
