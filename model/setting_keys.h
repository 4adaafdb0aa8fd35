#pragma once
// Every setting Hearth keeps, declared once with its type, default and where it
// lives. Two homes:
//  - couple: the couple's own choices, in the `setting` table of their database,
//    so they travel in backups (the shortest break, the breathing rhythm);
//  - device: how this machine shows Hearth, in the DeviceStore beside the
//    database, never exported, imported or merged (window size, last panel, theme,
//    text size, what is shown on a screen). Drafts are device state too; they have
//    keys of their own (DraftKey below).
// A new setting is one line here; Settings::get/set take these objects only.
#include <string_view>

namespace hearth {

enum class SettingHome { couple, device };

struct IntSetting {
    std::string_view key;
    int fallback;
    int min;
    int max;
    SettingHome home;
};
struct BoolSetting {
    std::string_view key;
    bool fallback;
    SettingHome home;
};
struct TextSetting {
    std::string_view key;
    std::string_view fallback;
    SettingHome home;
};

namespace setting {
// The couple's choices (in backups).
inline constexpr IntSetting break_floor_minutes{"breaks.floor_minutes", 20, 10, 20, SettingHome::couple};
inline constexpr IntSetting pacer_in_seconds{"breaks.pacer_in", 4, 1, 12, SettingHome::couple};
inline constexpr IntSetting pacer_hold_seconds{"breaks.pacer_hold", 2, 0, 12, SettingHome::couple};
inline constexpr IntSetting pacer_out_seconds{"breaks.pacer_out", 6, 1, 12, SettingHome::couple};
inline constexpr IntSetting pacer_rest_seconds{"breaks.pacer_rest", 0, 0, 12, SettingHome::couple};
// An encrypted Hearth locks after this many minutes without input; 0 = never.
inline constexpr IntSetting lock_after_minutes{"privacy.lock_after_minutes", 10, 0, 240, SettingHome::couple};

// This machine's (never in backups).
inline constexpr TextSetting theme{"ui.theme", "light", SettingHome::device};  // "light" | "dark"
inline constexpr IntSetting text_size{"ui.text_size", 17, 13, 28, SettingHome::device};  // px at scale 1
inline constexpr TextSetting last_panel{"ui.last_panel", "dashboard", SettingHome::device};
inline constexpr IntSetting window_width{"window.width", 1180, 200, 16384, SettingHome::device};
inline constexpr IntSetting window_height{"window.height", 760, 200, 16384, SettingHome::device};
inline constexpr BoolSetting pacer_visible{"breaks.pacer_visible", true, SettingHome::device};
}  // namespace setting

// Every device-home key, for moving them out of databases written before the
// DeviceStore existed and for leaving them out of imports.
inline constexpr std::string_view kDeviceSettingKeys[] = {
    setting::theme.key, setting::text_size.key, setting::last_panel.key,
    setting::window_width.key, setting::window_height.key, setting::pacer_visible.key,
};
// Drafts were kept in `setting` under this prefix before the DeviceStore.
inline constexpr std::string_view kLegacyDraftPrefix = "draft.";

bool is_device_setting_key(std::string_view key);

}  // namespace hearth
