#pragma once
// The look the couple chose (theme, text size), applied to ImGui. Called at
// start, when the window's content scale changes and after Settings changes.
#include "settings.h"

#include <string>

namespace hearth::ui {

inline constexpr const char* kThemeKey = "ui.theme";          // "light" | "dark"
inline constexpr const char* kTextSizeKey = "ui.text_size";   // pixels at scale 1
inline constexpr int kDefaultTextSize = 17;
inline constexpr int kMinTextSize = 13;
inline constexpr int kMaxTextSize = 28;

// Rebuilds fonts and style. The caller re-uploads the font texture if a
// renderer is running.
void apply_preferences(const Settings& settings, float content_scale, const std::string& font_path);

} // namespace hearth::ui
