#include "settings_screen.h"

#include "backup.h"
#include "time_text.h"
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

void SettingsScreen::back_up(const std::string& path, const std::string& passphrase) {
    if (passphrase.empty()) export_backup(m_.db, m_.clock, path);
    else export_backup(m_.db, m_.clock, path, passphrase, backup_kdf);
}

SettingsScreen::RestoreOutcome SettingsScreen::restore(const std::string& path) { return restore(path, {}); }

SettingsScreen::RestoreOutcome SettingsScreen::restore(const std::string& path, const std::string& passphrase) {
    if (path.empty()) return {false, "Type the name of the backup file to restore from."};
    ImportReport r;
    try {
        r = import_backup(m_.db, path, passphrase);
    } catch (const BackupNeedsPassphrase& e) {
        return {false, std::string(e.what()) + ": type it in the passphrase box and press Restore again. Nothing was restored."};
    } catch (const std::exception& e) {  // BackupError: the file; DbError: the disk
        return {false, std::string("Nothing was restored: ") + e.what()};
    }
    m_.reload();
    loaded_ = false;  // the names and colours may have come with the backup
    return {true, "Restored from " + path + ": " + std::to_string(r.inserted) + " new, " + std::to_string(r.updated) +
                      " updated, " + std::to_string(r.deleted) + " deleted, " + std::to_string(r.unchanged) +
                      " already up to date."};
}

std::string SettingsScreen::when(WallTime t) const {
    const int days = days_between(local_date(t), local_date(m_.clock.now()));
    return format_days_ago(days) + " at " + local_clock_time(t);
}

const std::string& SettingsScreen::last_backup_text() {
    snapshot_rows();
    return last_text_;
}

const std::string& SettingsScreen::snapshot_folder() const {
    static const std::string none;
    return m_.snapshots.enabled() ? m_.snapshots.folder().native() : none;
}

const std::vector<SettingsScreen::SnapshotRow>& SettingsScreen::snapshot_rows() {
    const Date today = local_date(m_.clock.now());
    const std::pair<uint64_t, int> key{m_.snapshots.revision(), int(std::chrono::sys_days(today).time_since_epoch().count())};
    if (rows_for_ == key) return rows_;
    rows_for_ = key;
    rows_.clear();
    std::optional<WallTime> last;
    for (const auto& snap : m_.snapshots.list()) {
        if (!last || snap.taken > *last) last = snap.taken;
        std::string label = format_day_human(snap.day) + ", " + when(snap.taken);
        if (snap.before_restore) label += " (what was here before a restore)";
        rows_.push_back({snap.file.string(), std::move(label)});
    }
    last_text_ = last ? "Last backup: " + when(*last) : "No automatic backup yet.";
    return rows_;
}

SettingsScreen::RestoreOutcome SettingsScreen::restore_snapshot(const std::string& file) {
    auto r = m_.snapshots.restore(m_.db, file);
    if (r.ok) {
        m_.reload();
        loaded_ = false;  // the names and colours come with the snapshot
    }
    return {r.ok, r.message};
}

void SettingsScreen::set_break_floor_minutes(int minutes) {
    auto r = m_.breaks.set_floor_minutes(minutes);
    floor_error = r.ok() ? "" : r.error;
}

} // namespace hearth
