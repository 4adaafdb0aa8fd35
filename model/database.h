#pragma once
// One SQLite connection, prepared statements only, RAII transactions.
// Opening never writes to a file it cannot read as a Hearth database.
#include "secret_key.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hearth {

// Every error names what failed and, for a file, the file; a full disk says the
// disk is full, a read-only folder says so.
class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    DbError(const std::string& what, int sqlite_code) : std::runtime_error(what), code_(sqlite_code) {}
    // SQLite's extended result code (SQLITE_FULL, SQLITE_BUSY, ...); 0 when
    // the error did not come from SQLite.
    int code() const { return code_; }
    bool disk_full() const { return (code_ & 0xff) == SQLITE_FULL; }
    bool busy() const { return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED; }

private:
    int code_ = 0;
};

// What went wrong, in the user's words, for SQLite's (extended) result code rc
// on db: "the disk is full; ...", "its folder X is read-only; ...", else
// sqlite_message (or SQLite's own message when empty).
std::string describe_sqlite_error(sqlite3* db, int rc, std::string_view sqlite_message);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding is 1-based, as in SQLite. Returns *this for chaining.
    Statement& bind(int i, std::string_view text);
    Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, int64_t v);
    Statement& bind(int i, int v) { return bind(i, int64_t(v)); }
    Statement& bind(int i, bool v) { return bind(i, int64_t(v)); }
    Statement& bind(int i, double v);
    Statement& bind_null(int i);
    Statement& bind(int i, const std::optional<std::string>& v) {
        return v ? bind(i, *v) : bind_null(i);
    }

    // True while a row is available; false when done. Throws on error.
    bool step();
    // Runs to completion (for writes).
    void run();
    void reset();

    int column_count() const;
    std::string_view column_name(int i) const;
    int column_type(int i) const;  // SQLITE_INTEGER, SQLITE_TEXT, ...
    bool is_null(int i) const;
    std::string text(int i) const;
    std::optional<std::string> text_or_null(int i) const;
    int64_t integer(int i) const;
    double real(int i) const;

    sqlite3_stmt* raw() { return stmt_; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (creating with owner-only permissions if absent) a database file.
    // Throws DbError naming the file when it is unreadable, not a database,
    // corrupt, read-only, or in a folder Hearth cannot write to. Reads only: an
    // existing file keeps its journal mode until use_wal() (migrate() calls it
    // once the file is known to be a Hearth database it may change); a new or
    // empty file is switched to write-ahead logging at once.
    // With `file_key`, the file is read and written through the page cipher
    // (cipher_vfs.h): temp_store=MEMORY, and a new file gets the reserved
    // bytes the cipher needs before its first page is written.
    static Database open_file(const std::filesystem::path& path, std::shared_ptr<const SecretKey> file_key = nullptr);
    static Database open_memory();

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    void exec(std::string_view sql);
    // A cached prepared statement, reset and with bindings cleared.
    Statement& prepare(std::string_view sql);
    int64_t changes() const;
    int user_version();
    // Write-ahead logging (kept in the file's header); nothing for in-memory.
    void use_wal();
    const std::string& name() const { return name_; }  // file path or ":memory:"
    bool in_memory() const { return name_ == ":memory:"; }
    bool encrypted() const { return file_key_ != nullptr; }
    // The page cipher's key this file was opened with (null when plain): a
    // copy of the database (a snapshot) is opened with it too.
    const std::shared_ptr<const SecretKey>& file_key() const { return file_key_; }
    sqlite3* raw() { return db_; }
    // How many statements were prepared (every query and write goes through
    // prepare): tests count the queries a frame makes with it.
    uint64_t queries() const { return queries_; }

private:
    Database(sqlite3* db, std::string name);
    void close();
    sqlite3* db_ = nullptr;
    std::string name_;
    std::shared_ptr<const SecretKey> file_key_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
    uint64_t queries_ = 0;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless commit() was called. Nests by
// savepoints, so a model call that is a transaction can run inside an import.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_;
    bool done_ = false;
};

} // namespace hearth
