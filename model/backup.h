#pragma once
// Full JSON backups of every table, and an all-or-nothing merge by id and
// natural key, deletions included.
// The format is described in docs/backup-format.md.
#include "backup_crypto.h"
#include "clock.h"
#include "database.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth {

// A refused backup: the message names the file and the problem (where in the
// JSON, what was expected, what was found).
class BackupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// No backup Hearth writes comes near this; a larger file is refused unread.
inline constexpr std::size_t kMaxBackupBytes = std::size_t(64) << 20;

// Every row of every table, with the schema version and the time of export.
nlohmann::json backup_json(Database& db, const Clock& clock);

// Writes backup_json() to `file` atomically (a temporary file renamed into
// place), so a full disk or a crash never leaves a half-written backup.
// Throws BackupError naming the file.
void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file);
// The same, sealed with `passphrase` (model/backup_crypto.h); refuses a
// passphrase passphrase_problem() refuses. Tests pass a cheap `cost`.
void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file, std::string_view passphrase,
                   KdfCost cost = kBackupKdf);

// An encrypted backup imported without its passphrase: the caller asks for it.
class BackupNeedsPassphrase : public BackupError {
public:
    using BackupError::BackupError;
};
// True when `file` starts as an encrypted backup does (reads its first bytes only).
bool backup_is_encrypted(const std::filesystem::path& file);

struct ImportReport {
    int inserted = 0;   // rows that were new
    int updated = 0;    // rows whose backup copy was newer (updated_at)
    int unchanged = 0;  // rows already present and as new or newer here (or deleted here)
    int deleted = 0;    // rows removed here because the backup holds their deletion
};

// Merges a backup inside one transaction: a row is matched to ours by id or by
// a natural key (any UNIQUE constraint); new rows are added, the winning copy
// of a matched row is kept (docs/backup-format.md), deletions the backup
// records are applied. Reads only a regular file of at most kMaxBackupBytes.
// Importing the same file twice adds nothing. Any problem (malformed,
// truncated, foreign, wrong version, wrong types, rows that break the schema)
// throws BackupError and changes nothing.
ImportReport import_backup(Database& db, const std::filesystem::path& file);
// The same for a backup that may be encrypted: `passphrase` opens it (and is
// ignored for a plain one). An encrypted file with no passphrase throws
// BackupNeedsPassphrase; a wrong passphrase, a changed byte or a cut-off file
// throws BackupError "...: wrong passphrase or the file was changed" and
// nothing is imported.
ImportReport import_backup(Database& db, const std::filesystem::path& file, std::string_view passphrase);
// The same for bytes already in memory (`name` is used in messages); what
// import_backup does after reading the file, and what the fuzz target calls.
ImportReport import_backup_bytes(Database& db, std::string_view bytes, const std::string& name);
ImportReport import_backup_json(Database& db, const nlohmann::json& backup, const std::string& source_name);

} // namespace hearth
