#include "cipher_vfs.h"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <vector>

namespace hearth::cipher {
namespace {

constexpr int kContent = kPageSize - kReserve;
constexpr int kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kNonce + kTag == kReserve);
constexpr sqlite3_int64 kWalHeader = 32;
constexpr sqlite3_int64 kFrameHeader = 24;
constexpr sqlite3_int64 kFrame = kFrameHeader + kPageSize;

enum class Role : unsigned char { main = 'D', wal = 'W', plain = 'P' };

struct CipherFile {
    sqlite3_file base;
    Role role;
    const char* name;                              // valid until xClose (SQLite's promise)
    std::shared_ptr<const SecretKey>* key;         // null for plain
    std::vector<unsigned char>* scratch;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

sqlite3_vfs* g_real = nullptr;

std::mutex g_loans_mutex;
std::map<std::uint64_t, std::shared_ptr<const SecretKey>> g_loans;
std::uint64_t g_next_loan = 1;

thread_local std::optional<Refusal> t_refusal;

void associated(unsigned char (&ad)[9], Role role, std::int64_t page) {
    ad[0] = static_cast<unsigned char>(role);
    for (int i = 0; i < 8; ++i) ad[1 + i] = static_cast<unsigned char>(std::uint64_t(page) >> (8 * i));
}

void seal_page(const SecretKey& key, Role role, std::int64_t page, unsigned char* out, const unsigned char* in) {
    unsigned char ad[9];
    associated(ad, role, page);
    unsigned char* nonce = out + kContent;
    randombytes_buf(nonce, kNonce);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out, out + kContent + kNonce, nullptr, in, kContent, ad,
                                                        sizeof ad, nullptr, nonce, key.data());
}

// In place; false when the page was not written by Hearth with this key.
bool open_page(const SecretKey& key, Role role, std::int64_t page, unsigned char* buf) {
    unsigned char ad[9];
    associated(ad, role, page);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(buf, nullptr, buf, kContent, buf + kContent + kNonce, ad,
                                                            sizeof ad, buf + kContent, key.data()) != 0)
        return false;
    // SQLite sees zeros in the reserved bytes, as in a page it creates: the WAL
    // frame checksum it computes before a write covers them, and recovery
    // must read back the same bytes it summed.
    std::memset(buf + kContent, 0, kReserve);
    return true;
}

int refuse(CipherFile* f, std::int64_t page) {
    t_refusal = Refusal{f->name ? f->name : "", page};
    return SQLITE_IOERR_DATA;
}

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// ---- main database file: whole pages by offset -------------------------

int main_read(CipherFile* f, void* out, int amt, sqlite3_int64 ofs) {
    sqlite3_file* r = f->real();
    const SecretKey& key = **f->key;
    if (ofs % kPageSize == 0 && amt % kPageSize == 0) {
        int rc = r->pMethods->xRead(r, out, amt, ofs);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
        sqlite3_int64 size = 0;
        if (rc == SQLITE_IOERR_SHORT_READ && r->pMethods->xFileSize(r, &size) != SQLITE_OK) return SQLITE_IOERR_READ;
        auto* b = static_cast<unsigned char*>(out);
        for (int i = 0; i < amt / kPageSize; ++i) {
            sqlite3_int64 at = ofs + sqlite3_int64(i) * kPageSize;
            if (rc == SQLITE_IOERR_SHORT_READ && at + kPageSize > size) break;  // past the end: zeros, as SQLite expects
            std::int64_t page = at / kPageSize + 1;
            if (!open_page(key, Role::main, page, b + i * kPageSize)) return refuse(f, page);
        }
        return rc;
    }
    // Part of one page (the 100-byte header, the change counter): read the
    // whole page, open it, copy the part.
    auto& s = *f->scratch;
    auto* b = static_cast<unsigned char*>(out);
    while (amt > 0) {
        sqlite3_int64 start = ofs - ofs % kPageSize;
        int within = int(ofs - start);
        int n = std::min(amt, kPageSize - within);
        int rc = r->pMethods->xRead(r, s.data(), kPageSize, start);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            std::memset(b, 0, size_t(amt));
            return rc;
        }
        if (rc != SQLITE_OK) return rc;
        std::int64_t page = start / kPageSize + 1;
        if (!open_page(key, Role::main, page, s.data())) return refuse(f, page);
        std::memcpy(b, s.data() + within, size_t(n));
        b += n;
        ofs += n;
        amt -= n;
    }
    return SQLITE_OK;
}

int main_write(CipherFile* f, const void* in, int amt, sqlite3_int64 ofs) {
    if (ofs % kPageSize != 0 || amt % kPageSize != 0) return SQLITE_IOERR_WRITE;
    const auto* b = static_cast<const unsigned char*>(in);
    if (ofs == 0) {
        // Page 1's header: the page size and the reserved bytes the nonce and
        // tag live in. Writing without them would overwrite the couple's data.
        if (b[16] != (kPageSize >> 8) || b[17] != (kPageSize & 0xff) || b[20] < kReserve) return SQLITE_IOERR_WRITE;
    }
    auto& s = *f->scratch;
    if (s.size() < size_t(amt)) s.resize(size_t(amt));
    for (int i = 0; i < amt / kPageSize; ++i) {
        std::int64_t page = (ofs + sqlite3_int64(i) * kPageSize) / kPageSize + 1;
        seal_page(**f->key, Role::main, page, s.data() + i * kPageSize, b + i * kPageSize);
    }
    sqlite3_file* r = f->real();
    return r->pMethods->xWrite(r, s.data(), amt, ofs);
}

// ---- write-ahead log: the page image of each frame ----------------------

// The frames whose page image overlaps [ofs, ofs+amt).
template <class F>
int each_image(sqlite3_int64 ofs, sqlite3_int64 amt, F&& f) {
    if (ofs + amt <= kWalHeader + kFrameHeader) return SQLITE_OK;
    sqlite3_int64 first = ofs <= kWalHeader ? 0 : (ofs - kWalHeader) / kFrame;
    for (sqlite3_int64 k = first;; ++k) {
        sqlite3_int64 image = kWalHeader + k * kFrame + kFrameHeader;
        if (image >= ofs + amt) break;
        if (image + kPageSize <= ofs) continue;
        if (int rc = f(image); rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

int frame_page(CipherFile* f, const unsigned char* buf, sqlite3_int64 ofs, int amt, sqlite3_int64 image,
               std::int64_t* page) {
    sqlite3_int64 header = image - kFrameHeader;
    if (header >= ofs && image <= ofs + amt) {
        *page = be32(buf + (header - ofs));
        return SQLITE_OK;
    }
    unsigned char h[4];
    sqlite3_file* r = f->real();
    int rc = r->pMethods->xRead(r, h, 4, header);
    if (rc != SQLITE_OK) return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_READ : rc;
    *page = be32(h);
    return SQLITE_OK;
}

int wal_write(CipherFile* f, const void* in, int amt, sqlite3_int64 ofs) {
    sqlite3_file* r = f->real();
    auto& s = *f->scratch;
    bool copied = false;
    int rc = each_image(ofs, amt, [&](sqlite3_int64 image) {
        if (image < ofs || image + kPageSize > ofs + amt) return SQLITE_IOERR_WRITE;  // SQLite writes whole images
        if (!copied) {
            if (s.size() < size_t(amt)) s.resize(size_t(amt));
            std::memcpy(s.data(), in, size_t(amt));
            copied = true;
        }
        std::int64_t page = 0;
        if (int rc2 = frame_page(f, s.data(), ofs, amt, image, &page); rc2 != SQLITE_OK) return rc2;
        unsigned char* at = s.data() + (image - ofs);
        std::vector<unsigned char> plain(at, at + kPageSize);
        seal_page(**f->key, Role::wal, page, at, plain.data());
        return SQLITE_OK;
    });
    if (rc != SQLITE_OK) return rc;
    return r->pMethods->xWrite(r, copied ? s.data() : in, amt, ofs);
}

int wal_read(CipherFile* f, void* out, int amt, sqlite3_int64 ofs) {
    sqlite3_file* r = f->real();
    int rc = r->pMethods->xRead(r, out, amt, ofs);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    auto* b = static_cast<unsigned char*>(out);
    int rc2 = each_image(ofs, amt, [&](sqlite3_int64 image) {
        std::int64_t page = 0;
        if (int e = frame_page(f, b, ofs, amt, image, &page); e != SQLITE_OK) return e;
        const bool whole = image >= ofs && image + kPageSize <= ofs + amt;
        // Recovery reads whole frames, header included, to find where the log
        // ends: a frame that does not open (torn by a crash) is zeroed so that
        // SQLite's own frame checksum rejects it and the log ends before it.
        const bool recovering = whole && image - kFrameHeader >= ofs;
        unsigned char* at;
        auto& s = *f->scratch;
        if (whole) {
            at = b + (image - ofs);
        } else {
            int e = r->pMethods->xRead(r, s.data(), kPageSize, image);
            if (e != SQLITE_OK) return e == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_READ : e;
            at = s.data();
        }
        if (!open_page(**f->key, Role::wal, page, at)) {
            if (recovering) {
                std::memset(at, 0, kPageSize);
                return SQLITE_OK;
            }
            return refuse(f, page);
        }
        if (!whole) {
            sqlite3_int64 from = std::max(ofs, image), to = std::min(ofs + amt, image + kPageSize);
            std::memcpy(b + (from - ofs), at + (from - image), size_t(to - from));
        }
        return SQLITE_OK;
    });
    return rc2 != SQLITE_OK ? rc2 : rc;
}

// ---- io methods ------------------------------------------------------------

CipherFile* as(sqlite3_file* p) { return reinterpret_cast<CipherFile*>(p); }

int x_close(sqlite3_file* p) {
    CipherFile* f = as(p);
    sqlite3_file* r = f->real();
    int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    delete f->key;
    delete f->scratch;
    f->key = nullptr;
    f->scratch = nullptr;
    return rc;
}
int x_read(sqlite3_file* p, void* out, int amt, sqlite3_int64 ofs) {
    CipherFile* f = as(p);
    switch (f->role) {
    case Role::main: return main_read(f, out, amt, ofs);
    case Role::wal: return wal_read(f, out, amt, ofs);
    default: return f->real()->pMethods->xRead(f->real(), out, amt, ofs);
    }
}
int x_write(sqlite3_file* p, const void* in, int amt, sqlite3_int64 ofs) {
    CipherFile* f = as(p);
    switch (f->role) {
    case Role::main: return main_write(f, in, amt, ofs);
    case Role::wal: return wal_write(f, in, amt, ofs);
    default: return f->real()->pMethods->xWrite(f->real(), in, amt, ofs);
    }
}
#define FORWARD(method, ...) as(p)->real()->pMethods->method(as(p)->real(), ##__VA_ARGS__)
int x_truncate(sqlite3_file* p, sqlite3_int64 size) { return FORWARD(xTruncate, size); }
int x_sync(sqlite3_file* p, int flags) { return FORWARD(xSync, flags); }
int x_file_size(sqlite3_file* p, sqlite3_int64* size) { return FORWARD(xFileSize, size); }
int x_lock(sqlite3_file* p, int lock) { return FORWARD(xLock, lock); }
int x_unlock(sqlite3_file* p, int lock) { return FORWARD(xUnlock, lock); }
int x_check_reserved(sqlite3_file* p, int* out) { return FORWARD(xCheckReservedLock, out); }
int x_file_control(sqlite3_file* p, int op, void* arg) {
    // Memory-mapped reads would hand SQLite the encrypted bytes.
    if (op == SQLITE_FCNTL_MMAP_SIZE) {
        *static_cast<sqlite3_int64*>(arg) = 0;
        return SQLITE_OK;
    }
    return FORWARD(xFileControl, op, arg);
}
int x_sector_size(sqlite3_file* p) { return FORWARD(xSectorSize); }
int x_device(sqlite3_file* p) { return FORWARD(xDeviceCharacteristics); }
int x_shm_map(sqlite3_file* p, int pg, int sz, int extend, void volatile** out) { return FORWARD(xShmMap, pg, sz, extend, out); }
int x_shm_lock(sqlite3_file* p, int offset, int n, int flags) { return FORWARD(xShmLock, offset, n, flags); }
void x_shm_barrier(sqlite3_file* p) { FORWARD(xShmBarrier); }
int x_shm_unmap(sqlite3_file* p, int del) { return FORWARD(xShmUnmap, del); }
int x_fetch(sqlite3_file*, sqlite3_int64, int, void** pp) {
    *pp = nullptr;  // always through xRead, where pages are opened
    return SQLITE_OK;
}
int x_unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }
#undef FORWARD

const sqlite3_io_methods kIo = {3,          x_close,         x_read,       x_write,      x_truncate,       x_sync,
                                x_file_size, x_lock,         x_unlock,     x_check_reserved, x_file_control,
                                x_sector_size, x_device,     x_shm_map,    x_shm_lock,   x_shm_barrier,    x_shm_unmap,
                                x_fetch,    x_unfetch};

std::shared_ptr<const SecretKey> key_of_main(const char* name) {
    // sqlite3_database_file_object returns the main file's sqlite3_file,
    // which is ours: this VFS opened it.
    sqlite3_file* main = sqlite3_database_file_object(name);
    if (!main || main->pMethods != &kIo) return nullptr;
    CipherFile* m = as(main);
    return m->key ? *m->key : nullptr;
}

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* p, int flags, int* out_flags) {
    CipherFile* f = as(p);
    std::memset(f, 0, sizeof *f);
    std::shared_ptr<const SecretKey> key;
    Role role = Role::plain;
    if (flags & SQLITE_OPEN_MAIN_DB) {
        role = Role::main;
        sqlite3_int64 id = sqlite3_uri_int64(name, "hearth_key", 0);
        std::lock_guard lock(g_loans_mutex);
        if (auto it = g_loans.find(std::uint64_t(id)); it != g_loans.end()) key = it->second;
    } else if (flags & SQLITE_OPEN_WAL) {
        role = Role::wal;
        key = key_of_main(name);
    } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
        // Only the journal of a file that holds no page yet (VACUUM INTO's
        // output): it can hold no page image, so it needs no encryption.
        sqlite3_file* main = sqlite3_database_file_object(name);
        sqlite3_int64 size = -1;
        if (!main || main->pMethods->xFileSize(main, &size) != SQLITE_OK || size != 0) return SQLITE_CANTOPEN;
    } else {
        return SQLITE_CANTOPEN;  // temporary files: Hearth sets temp_store=MEMORY
    }
    if (role != Role::plain && !key) return SQLITE_CANTOPEN;
    int rc = g_real->xOpen(g_real, name, f->real(), flags, out_flags);
    if (rc != SQLITE_OK) {
        if (f->real()->pMethods) f->real()->pMethods->xClose(f->real());
        return rc;
    }
    f->role = role;
    f->name = name;
    f->key = role == Role::plain ? nullptr : new std::shared_ptr<const SecretKey>(std::move(key));
    f->scratch = new std::vector<unsigned char>(kPageSize);
    f->base.pMethods = &kIo;
    return SQLITE_OK;
}

#define REAL(method, ...) g_real->method(g_real, ##__VA_ARGS__)
int x_delete(sqlite3_vfs*, const char* name, int sync) { return REAL(xDelete, name, sync); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return REAL(xAccess, name, flags, out); }
int x_full(sqlite3_vfs*, const char* name, int n, char* out) { return REAL(xFullPathname, name, n, out); }
void* x_dlopen(sqlite3_vfs*, const char* name) { return REAL(xDlOpen, name); }
void x_dlerror(sqlite3_vfs*, int n, char* out) { REAL(xDlError, n, out); }
void (*x_dlsym(sqlite3_vfs*, void* h, const char* s))(void) { return REAL(xDlSym, h, s); }
void x_dlclose(sqlite3_vfs*, void* h) { REAL(xDlClose, h); }
int x_random(sqlite3_vfs*, int n, char* out) { return REAL(xRandomness, n, out); }
int x_sleep(sqlite3_vfs*, int us) { return REAL(xSleep, us); }
int x_time(sqlite3_vfs*, double* out) { return REAL(xCurrentTime, out); }
int x_last_error(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError ? REAL(xGetLastError, n, out) : 0; }
int x_time64(sqlite3_vfs*, sqlite3_int64* out) { return REAL(xCurrentTimeInt64, out); }
#undef REAL

sqlite3_vfs g_vfs;

} // namespace

void register_vfs() {
    static std::once_flag once;
    std::call_once(once, [] {
        sodium_ready();
        g_real = sqlite3_vfs_find(nullptr);
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = int(sizeof(CipherFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = kVfsName;
        g_vfs.xOpen = x_open;
        g_vfs.xDelete = x_delete;
        g_vfs.xAccess = x_access;
        g_vfs.xFullPathname = x_full;
        g_vfs.xDlOpen = x_dlopen;
        g_vfs.xDlError = x_dlerror;
        g_vfs.xDlSym = x_dlsym;
        g_vfs.xDlClose = x_dlclose;
        g_vfs.xRandomness = x_random;
        g_vfs.xSleep = x_sleep;
        g_vfs.xCurrentTime = x_time;
        g_vfs.xGetLastError = x_last_error;
        g_vfs.xCurrentTimeInt64 = x_time64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
}

KeyLoan::KeyLoan(std::shared_ptr<const SecretKey> key) {
    register_vfs();
    std::lock_guard lock(g_loans_mutex);
    id_ = g_next_loan++;
    g_loans.emplace(id_, std::move(key));
}

KeyLoan::~KeyLoan() {
    std::lock_guard lock(g_loans_mutex);
    g_loans.erase(id_);
}

std::string file_uri(const std::filesystem::path& file) {
    std::string out = "file:";
    for (unsigned char c : std::filesystem::absolute(file).string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += char(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string KeyLoan::uri(const std::filesystem::path& file) const {
    return file_uri(file) + "?vfs=" + kVfsName + "&hearth_key=" + std::to_string(id_);
}

std::optional<Refusal> take_refusal() {
    auto r = std::move(t_refusal);
    t_refusal.reset();
    return r;
}

} // namespace hearth::cipher
