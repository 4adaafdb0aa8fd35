#include "preferences.h"

#include "fonts.h"
#include "theme.h"

#include <algorithm>

namespace hearth::ui {

void apply_preferences(const Settings& settings, float content_scale, const std::string& font_path) {
    int size = std::clamp(settings.get_int(kTextSizeKey, kDefaultTextSize), kMinTextSize, kMaxTextSize);
    float scale = std::max(1.0f, content_scale);
    load_fonts(font_path, float(size) * scale);
    apply_theme(settings.get(kThemeKey, "light") == "dark" ? Theme::Dark : Theme::Light, scale * float(size) / kDefaultTextSize);
}

} // namespace hearth::ui
