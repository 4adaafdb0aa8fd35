#include "database.h"

#include <fcntl.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include <system_error>

namespace hearth {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw DbError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
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
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw DbError(msg);
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
    : db_(o.db_), name_(std::move(o.name_)), cache_(std::move(o.cache_)), queries_(o.queries_) {
    o.db_ = nullptr;
}
Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        close();
        db_ = o.db_;
        name_ = std::move(o.name_);
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

static void apply_connection_settings(Database& db, bool file) {
    if (file) {
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=FULL");
    }
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA busy_timeout=2000");
}

Database Database::open_file(const std::filesystem::path& path) {
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
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0) throw file_error(std::generic_category().message(errno));
        ::close(fd);
    } else if (::access(name.c_str(), R_OK) != 0) {
        throw file_error("it cannot be read (" + std::generic_category().message(errno) + ")");
    } else if (::access(name.c_str(), W_OK) != 0) {
        throw file_error("it is read-only; Hearth needs to save to it");
    }
#endif
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
        sqlite3_close_v2(raw);
        throw file_error(msg);
    }
    Database db(raw, name);
    if (sqlite3_db_readonly(raw, "main") == 1) throw file_error("it is read-only; Hearth needs to save to it");
    // Read before anything writes: a file that is not a database, or whose
    // header is damaged, fails here and stays exactly as it was.
    try {
        db.exec("SELECT count(*) FROM sqlite_master");
    } catch (const DbError& e) {
        throw file_error(e.what());
    }
    try {
        apply_connection_settings(db, true);
    } catch (const DbError& e) {
        throw file_error(e.what());
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
    apply_connection_settings(db, false);
    return db;
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw DbError(msg);
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
