#pragma once
// Light and dark themes in warm tones, and partner colours as ImGui colours.
#include "couple.h"

#include <imgui.h>

namespace hearth::ui {

enum class Theme { Light, Dark };

// Applies colours and font-relative spacing; `scale` is the window's content scale.
void apply_theme(Theme theme, float scale);
Theme current_theme();

ImVec4 to_imvec4(Rgb c, float alpha = 1.0f);
// The partner colour, adjusted so text in it stays readable on the current theme.
ImVec4 partner_text_color(Rgb c);
ImU32 partner_fill(Rgb c, float alpha = 1.0f);

// Theme-aware accents.
ImVec4 muted_text();
ImVec4 error_text();
ImVec4 success_text();
ImU32 card_background();

} // namespace hearth::ui
