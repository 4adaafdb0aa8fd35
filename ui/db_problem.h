#pragma once
// A database error met while the window is open (a save, a draft, a setting),
// in words for the couple: what happened to what file, that what they typed is
// kept, and what to do. Also the start-up explanation when the database cannot
// be opened at all.
#include "database.h"

#include <string>
#include <string_view>

namespace hearth::ui {

enum class DbProblemKind {
    disk_full,   // SQLITE_FULL, or an I/O error from ENOSPC / EDQUOT
    locked,      // SQLITE_BUSY / SQLITE_LOCKED: another program holds the write lock
    read_only,   // SQLITE_READONLY / CANTOPEN / permission errors
    io_error,    // SQLITE_IOERR: the disk could not be read or written
    other,
};

struct DbProblem {
    DbProblemKind kind = DbProblemKind::other;
    std::string file;    // the database concerned
    std::string detail;  // the error's own message (names the file)

    // "The disk is full, so this was not saved." and so on.
    std::string headline() const;
    // What to do about it, naming the file.
    std::string what_to_do() const;
};

// Sorts an error by SQLite's result code when it carries one, else by its
// message ("database or disk is full", "database is locked", ...).
DbProblem classify(const DbError& e, std::string file);

// The screen shown instead of the panels when the database cannot be opened.
// Returns true when Quit was pressed.
bool draw_cannot_open(std::string_view file, std::string_view message);

} // namespace hearth::ui
