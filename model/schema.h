#pragma once
// Every table Hearth keeps, as an ordered list of migrations (schema.cpp).
#include "database.h"

#include <span>
#include <string_view>

namespace hearth {

struct Migration {
    int version;             // PRAGMA user_version after this migration
    std::string_view name;
    std::string_view sql;
};

std::span<const Migration> migrations();
int latest_schema_version();

// Brings db to `target` (default: latest), each migration in its own
// transaction. Throws DbError, leaving the file untouched, when the database was
// written by a newer Hearth.
void migrate(Database& db, int target = -1);

} // namespace hearth
