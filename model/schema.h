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

// Reads only. Throws DbError naming the file, which stays as it was, when the
// database was written by a newer Hearth, holds tables but no Hearth schema
// version, or lacks a table or column its schema version has (a damaged file).
void check_schema(Database& db);

// Checks the database (check_schema), switches a file to write-ahead logging,
// then brings it to `target` (default: latest), each migration in its own
// transaction.
void migrate(Database& db, int target = -1);

} // namespace hearth
