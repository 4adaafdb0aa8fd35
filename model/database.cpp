#include "database.h"

#include "cipher_vfs.h"

#include <fcntl.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include <cerrno>
#include <cstring>
#include <system_error>

namespace hearth {

namespace {
std::string file_of(sqlite3* db) {
    const char* f = db ? sqlite3_db_filename(db, "main") : nullptr;
    return f && *f ? std::string(f) : std::string();
}

std::string the_database(sqlite3* db) {
    auto f = file_of(db);
    return f.empty() ? "the in-memory database" : "the database " + f;
}

bool folder_writable(const std::filesystem::path& file) {
#ifndef _WIN32
    auto dir = file.parent_path();
    return ::access(dir.empty() ? "." : dir.c_str(), W_OK | X_OK) == 0;
#else
    (void)file;
    return true;
#endif
}

std::string read_only_folder(const std::string& file) {
    auto dir = std::filesystem::path(file).parent_path();
    return "its folder " + (dir.empty() ? std::string(".") : dir.string()) +
           " is read-only; Hearth needs to create files beside the database (" + file + "-wal, " + file +
           "-journal) to save, so the folder must be writable";
}
} // namespace

// What went wrong, in the user's words, for SQLite's result `rc` on db.
std::string describe_sqlite_error(sqlite3* db, int rc, std::string_view sqlite_message) {
    const int primary = rc & 0xff;
    const int sys = db ? sqlite3_system_errno(db) : 0;
    if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && sys == ENOSPC))
        return "the disk is full; free some space and try again";
#ifdef EDQUOT
    if (primary == SQLITE_IOERR && sys == EDQUOT) return "the disk quota is used up; free some space and try again";
#endif
    const std::string file = file_of(db);
    if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ||
        (primary == SQLITE_IOERR && (sys == EACCES || sys == EROFS || sys == EPERM))) {
        if (!file.empty() && !folder_writable(file)) return read_only_folder(file);
#ifndef _WIN32
        if (!file.empty() && ::access(file.c_str(), W_OK) != 0) return "the file is read-only; Hearth needs to save to it";
#endif
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return "another program is writing to it and kept it locked for more than 2 seconds; try again";
    if (primary == SQLITE_NOMEM) return "out of memory";
    std::string msg(sqlite_message.empty() && db ? std::string_view(sqlite3_errmsg(db)) : sqlite_message);
    if (primary == SQLITE_IOERR) {
        // The page cipher refused a page (cipher_vfs.h). SQLite reports it as
        // SQLITE_IOERR_DATA, or as a plain SQLITE_IOERR while reading the schema.
        if (auto r = cipher::take_refusal())
            return "the file " + r->file + " was changed outside Hearth at page " + std::to_string(r->page) +
                   "; Hearth will not read it. Restore it from a backup";
        if (rc == SQLITE_IOERR_DATA) return "a page was changed outside Hearth; restore the file from a backup";
    }
    if (primary == SQLITE_IOERR)
        return "the disk could not be read or written (" + msg + (sys ? std::string(": ") + std::strerror(sys) : "") + ")";
    if (primary == SQLITE_CORRUPT) return msg + "; the file is damaged, restore it from a backup";
    return msg;
}

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    if (!db) throw DbError(std::string(what) + ": out of memory", SQLITE_NOMEM);
    int rc = sqlite3_extended_errcode(db);
    throw DbError(std::string(what) + " in " + the_database(db) + ": " + describe_sqlite_error(db, rc, {}), rc);
}
} // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK)
        fail(db, "preparing \"" + std::string(sql.substr(0, 60)) + "\"");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::string_view text) {
    if (sqlite3_bind_text(stmt_, i, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "binding text");
    return *this;
}
Statement& Statement::bind(int i, int64_t v) {
    if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) fail(db_, "binding integer");
    return *this;
}
Statement& Statement::bind(int i, double v) {
    if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) fail(db_, "binding real");
    return *this;
}
Statement& Statement::bind_null(int i) {
    if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) fail(db_, "binding null");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    rc = sqlite3_extended_errcode(db_);
    std::string msg = (sqlite3_stmt_readonly(stmt_) ? "Could not read " : "Could not save to ") + the_database(db_) +
                      ": " + describe_sqlite_error(db_, rc, {});
    sqlite3_reset(stmt_);
    throw DbError(msg, rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }
std::string_view Statement::column_name(int i) const { return sqlite3_column_name(stmt_, i); }
int Statement::column_type(int i) const { return sqlite3_column_type(stmt_, i); }
bool Statement::is_null(int i) const { return column_type(i) == SQLITE_NULL; }
std::string Statement::text(int i) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    return p ? std::string(p, size_t(sqlite3_column_bytes(stmt_, i))) : std::string();
}
std::optional<std::string> Statement::text_or_null(int i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
}
int64_t Statement::integer(int i) const { return sqlite3_column_int64(stmt_, i); }
double Statement::real(int i) const { return sqlite3_column_double(stmt_, i); }

Database::Database(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}
Database::Database(Database&& o) noexcept
    : db_(o.db_), name_(std::move(o.name_)), file_key_(std::move(o.file_key_)), cache_(std::move(o.cache_)), queries_(o.queries_) {
    o.db_ = nullptr;
}
Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        close();
        db_ = o.db_;
        name_ = std::move(o.name_);
        file_key_ = std::move(o.file_key_);
        cache_ = std::move(o.cache_);
        queries_ = o.queries_;
        o.db_ = nullptr;
    }
    return *this;
}
Database::~Database() { close(); }

void Database::close() {
    cache_.clear();
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}


void Database::use_wal() {
    if (in_memory()) return;
    auto& st = prepare("PRAGMA journal_mode");
    bool wal = st.step() && st.text(0) == "wal";
    st.reset();
    if (!wal) exec("PRAGMA journal_mode=WAL");
}

Database Database::open_file(const std::filesystem::path& path, std::shared_ptr<const SecretKey> file_key) {
    const std::string name = path.string();
    auto file_error = [&](std::string_view problem) {
        return DbError("Cannot open the database " + name + ": " + std::string(problem));
    };
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (exists && std::filesystem::is_directory(path, ec)) throw file_error("it is a folder, not a file");
#ifndef _WIN32
    if (!exists) {
        // Create it ourselves so it is owner-only from the first byte; SQLite
        // gives its -wal and -shm files the same permissions.
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            int e = errno;
            if ((e == EACCES || e == EROFS) && !folder_writable(path)) throw file_error(read_only_folder(name));
            throw file_error(std::generic_category().message(e));
        }
        ::close(fd);
    } else if (::access(name.c_str(), R_OK) != 0) {
        throw file_error("it cannot be read (" + std::generic_category().message(errno) + ")");
    } else if (::access(name.c_str(), W_OK) != 0) {
        throw file_error("it is read-only; Hearth needs to save to it");
    } else if (!folder_writable(path)) {
        throw file_error(read_only_folder(name));
    }
#endif
    sqlite3* raw = nullptr;
    std::optional<cipher::KeyLoan> loan;
    if (file_key) loan.emplace(file_key);
    int rc = loan ? sqlite3_open_v2(loan->uri(path).c_str(), &raw,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr)
                  : sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? describe_sqlite_error(raw, sqlite3_extended_errcode(raw), {}) : "out of memory";
        sqlite3_close_v2(raw);
        throw file_error(msg);
    }
    Database db(raw, name);
    db.file_key_ = file_key;
    if (sqlite3_db_readonly(raw, "main") == 1) throw file_error("it is read-only; Hearth needs to save to it");
    // Read before anything writes: a file that is not a database, or whose
    // header is damaged, fails here and stays exactly as it was.
    auto sqlite_error = [&](int rc) {
        rc = sqlite3_extended_errcode(raw) ? sqlite3_extended_errcode(raw) : rc;
        return DbError("Cannot open the database " + name + ": " + describe_sqlite_error(raw, rc, {}), rc);
    };
    // An encrypted file never spills to a temporary file SQLite would write plain.
    if (file_key)
        if (int rc = sqlite3_exec(raw, "PRAGMA temp_store=MEMORY", nullptr, nullptr, nullptr); rc != SQLITE_OK)
            throw sqlite_error(rc);
    if (int rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        throw sqlite_error(rc);
    for (const char* setting : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=2000"})
        if (int rc = sqlite3_exec(raw, setting, nullptr, nullptr, nullptr); rc != SQLITE_OK) throw sqlite_error(rc);
    // A new (empty) file has nothing to keep as it was: write-ahead logging at once.
    if (std::filesystem::file_size(path, ec) == 0 && !ec) {
        if (file_key) {
            int reserve = cipher::kReserve;
            sqlite3_file_control(raw, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
            sqlite3_exec(raw, "PRAGMA page_size=4096", nullptr, nullptr, nullptr);
        }
        try {
            db.use_wal();
        } catch (const DbError& e) {
            throw DbError("Cannot open the database " + name + ": " + describe_sqlite_error(raw, e.code(), {}), e.code());
        }
    }
    return db;
}

Database Database::open_memory() {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(raw);
        throw DbError("Cannot open an in-memory database");
    }
    Database db(raw, ":memory:");
    db.exec("PRAGMA foreign_keys=ON");
    return db;
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string detail = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        int rc = sqlite3_extended_errcode(db_);
        throw DbError("Could not update " + the_database(db_) + ": " + describe_sqlite_error(db_, rc, detail), rc);
    }
}

Statement& Database::prepare(std::string_view sql) {
    ++queries_;
    auto key = std::string(sql);
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, std::make_unique<Statement>(db_, sql)).first;
    it->second->reset();
    return *it->second;
}

int64_t Database::changes() const { return sqlite3_changes64(db_); }

int Database::user_version() {
    auto& st = prepare("PRAGMA user_version");
    st.step();
    int v = int(st.integer(0));
    st.reset();
    return v;
}

Transaction::Transaction(Database& db) : db_(db), nested_(!sqlite3_get_autocommit(db.raw())) {
    db_.exec(nested_ ? "SAVEPOINT hearth_tx" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        if (nested_) db_.exec("ROLLBACK TO hearth_tx; RELEASE hearth_tx");
        else db_.exec("ROLLBACK");
    } catch (...) {
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE hearth_tx" : "COMMIT");
    done_ = true;
}

} // namespace hearth
