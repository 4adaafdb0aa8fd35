#include "settings_screen.h"

#include "backup.h"
#include "time_util.h"

#include <utility>

namespace hearth {

void SettingsScreen::sync() {
    if (loaded_ || !m_.couple.is_set_up()) return;
    couple.load(m_.couple);
    loaded_ = true;
    form_loaded_ = true;
}

std::optional<std::string> SettingsScreen::save_partners() {
    if (!couple.save(m_.couple).ok()) return std::nullopt;
    return "Names and colours saved.";
}

bool SettingsScreen::dark_theme() const { return m_.settings.get(setting::theme) == "dark"; }

void SettingsScreen::set_dark_theme(bool dark) { m_.settings.set(setting::theme, dark ? "dark" : "light"); }

int SettingsScreen::text_size() const { return m_.settings.get(setting::text_size); }

void SettingsScreen::set_text_size(int px) { m_.settings.set(setting::text_size, px); }

std::string SettingsScreen::backup_file_offered() const {
    return "~/hearth-backup-" + format_date(local_date(m_.clock.now())) + ".json";
}

void SettingsScreen::back_up(const std::string& path) { export_backup(m_.db, m_.clock, path); }

SettingsScreen::RestoreOutcome SettingsScreen::restore(const std::string& path) {
    if (path.empty()) return {false, "Type the name of the backup file to restore from."};
    ImportReport r;
    try {
        r = import_backup(m_.db, path);
    } catch (const std::exception& e) {  // BackupError: the file; DbError: the disk
        return {false, std::string("Nothing was restored: ") + e.what()};
    }
    m_.reload();
    loaded_ = false;  // the names and colours may have come with the backup
    return {true, "Restored from " + path + ": " + std::to_string(r.inserted) + " new, " + std::to_string(r.updated) +
                      " updated, " + std::to_string(r.deleted) + " deleted, " + std::to_string(r.unchanged) +
                      " already up to date."};
}

void SettingsScreen::set_break_floor_minutes(int minutes) {
    auto r = m_.breaks.set_floor_minutes(minutes);
    floor_error = r.ok() ? "" : r.error;
}

} // namespace hearth
