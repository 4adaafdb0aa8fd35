#pragma once
// The settings panel's state: the partners' names and colours as a form
// saved in one go, and the couple's choices (theme, text size, the shortest
// break) as commands. The rules (what a name may be, the break's floor) are
// the model's; this only holds what is being edited.
#include "couple_form.h"
#include "hearth_model.h"

#include <optional>
#include <string>
#include <utility>

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
    // Merges the backup at `path` into the data, all or nothing. The outcome
    // in words: what was merged, or why nothing was (the file is bad).
    struct RestoreOutcome {
        bool ok = false;
        std::string message;
    };
    RestoreOutcome restore(const std::string& path);

private:
    Model& m_;
    bool loaded_ = false;
    bool form_loaded_ = false;
};

} // namespace hearth
