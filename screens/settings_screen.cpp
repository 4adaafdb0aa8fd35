#include "settings_screen.h"

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

void SettingsScreen::set_break_floor_minutes(int minutes) {
    auto r = m_.breaks.set_floor_minutes(minutes);
    floor_error = r.ok() ? "" : r.error;
}

} // namespace hearth
