#pragma once
// The look the couple chose (theme, text size), applied to ImGui. Called at
// start, when the window's content scale changes and after Settings changes.
#include "settings.h"

#include <string>

namespace hearth::ui {

inline constexpr int kDefaultTextSize = setting::text_size.fallback;
inline constexpr int kMinTextSize = setting::text_size.min;
inline constexpr int kMaxTextSize = setting::text_size.max;

// Rebuilds fonts and style. The caller re-uploads the font texture if a
// renderer is running.
void apply_preferences(const Settings& settings, float content_scale, const std::string& font_path);

} // namespace hearth::ui
