#pragma once
// Full JSON backups of every table, and an all-or-nothing merge by id.
// The format is described in docs/backup-format.md.
#include "clock.h"
#include "database.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace hearth {

// A refused backup: the message names the file and the problem (where in the
// JSON, what was expected, what was found).
class BackupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Every row of every table, with the schema version and the time of export.
nlohmann::json backup_json(Database& db, const Clock& clock);

// Writes backup_json() to `file` atomically (a temporary file renamed into
// place), so a full disk or a crash never leaves a half-written backup.
// Throws BackupError naming the file.
void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file);

struct ImportReport {
    int inserted = 0;   // rows that were new
    int updated = 0;    // rows whose backup copy was newer (updated_at)
    int unchanged = 0;  // rows already present and as new or newer here
};

// Merges a backup by id inside one transaction: new rows are added, rows the
// backup holds in a newer version replace ours, everything else is kept.
// Importing the same file twice adds nothing. Any problem (malformed,
// truncated, foreign, wrong version, wrong types, rows that break the schema)
// throws BackupError and changes nothing.
ImportReport import_backup(Database& db, const std::filesystem::path& file);
ImportReport import_backup_json(Database& db, const nlohmann::json& backup, const std::string& source_name);

} // namespace hearth
