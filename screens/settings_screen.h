#pragma once
// The settings panel's state: the partners' names and colours as a form
// saved in one go, and the couple's choices (theme, text size, the shortest
// break) as commands. The rules (what a name may be, the break's floor) are
// the model's; this only holds what is being edited.
#include "backup_crypto.h"
#include "couple_form.h"
#include "hearth_model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hearth {

class SettingsScreen {
public:
    explicit SettingsScreen(Model& m) : m_(m) {}

    // Fills the partner form from the couple the first time; later calls
    // keep what is being edited.
    void sync();
    // True once after sync() (re)filled the form: the ui reloads its fields.
    bool take_form_loaded() { return std::exchange(form_loaded_, false); }

    CoupleForm couple;
    // Both partners at once, or neither. The notice to show, or nullopt
    // (couple.errors says why, beside the partner to fix).
    std::optional<std::string> save_partners();

    bool dark_theme() const;
    void set_dark_theme(bool dark);
    int text_size() const;
    void set_text_size(int px);

    int break_floor_minutes() const { return m_.breaks.floor_minutes(); }
    void set_break_floor_minutes(int minutes);
    std::string floor_error;

    bool demonstration() const { return m_.db.in_memory(); }
    // Encryption at rest (docs/encryption.md): on or off, and the idle lock.
    bool encrypted() const { return m_.db.encrypted(); }
    int lock_after_minutes() const { return m_.settings.get(setting::lock_after_minutes); }
    void set_lock_after_minutes(int minutes) { m_.settings.set(setting::lock_after_minutes, minutes); }
    const std::string& database_file() const { return m_.db.name(); }

    // ---- backups (model/backup.h) -------------------------------------------
    // The file "Back up now" offers: hearth-backup-YYYY-MM-DD.json in the home folder.
    std::string backup_file_offered() const;
    // Writes a full backup to `path` (atomically); throws with a message naming the problem.
    void back_up(const std::string& path);
    // The same sealed with `passphrase` (model/backup_crypto.h); "" writes it plain.
    void back_up(const std::string& path, const std::string& passphrase);
    KdfCost backup_kdf = kBackupKdf;  // tests make it cheap
    // Merges the backup at `path` into the data, all or nothing. The outcome
    // in words: what was merged, or why nothing was (the file is bad).
    struct RestoreOutcome {
        bool ok = false;
        std::string message;
    };
    RestoreOutcome restore(const std::string& path);
    // The same for a backup that may be encrypted: a plain one ignores
    // `passphrase`; an encrypted one without it says a passphrase is needed.
    RestoreOutcome restore(const std::string& path, const std::string& passphrase);

    // ---- automatic snapshots (model/snapshots.h) ------------------------------
    bool snapshots_enabled() const { return m_.snapshots.enabled(); }
    // "Last backup: today at 09:05", or that there is none yet.
    const std::string& last_backup_text();
    // Why the last automatic backup failed (a full disk, a read-only folder), or "".
    const std::string& snapshot_problem() const { return m_.snapshots.problem(); }
    const std::string& snapshot_folder() const;
    struct SnapshotRow {
        std::string file;   // the snapshot's path
        std::string label;  // "Wed 2 Dec 2026, today at 09:05"
    };
    // Newest first; read from the folder only after a backup or restore (or a new day).
    const std::vector<SnapshotRow>& snapshot_rows();
    // Replaces everything with the snapshot `file` (what is here now is kept
    // as a snapshot first); the outcome names the file.
    RestoreOutcome restore_snapshot(const std::string& file);

private:
    std::string when(WallTime t) const;

    Model& m_;
    std::vector<SnapshotRow> rows_;
    std::optional<std::pair<uint64_t, int>> rows_for_;  // (snapshots' revision, day) the rows were read at
    std::string last_text_;
    bool loaded_ = false;
    bool form_loaded_ = false;
};

} // namespace hearth
