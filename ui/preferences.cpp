#include "preferences.h"

#include "fonts.h"
#include "theme.h"

#include <algorithm>

namespace hearth::ui {

void apply_preferences(const Settings& settings, float content_scale, const std::string& font_path) {
    int size = settings.get(setting::text_size);
    float scale = std::max(1.0f, content_scale);
    load_fonts(font_path, float(size) * scale);
    apply_theme(settings.get(setting::theme) == "dark" ? Theme::Dark : Theme::Light, scale * float(size) / kDefaultTextSize);
}

} // namespace hearth::ui
