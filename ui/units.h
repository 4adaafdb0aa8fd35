#pragma once
// Sizes in font units: everything scales with the text size and the monitor.
#include <imgui.h>

namespace hearth::ui {
inline float em(float n = 1.0f) { return n * ImGui::GetFontSize(); }
inline ImVec2 em2(float x, float y) { return ImVec2(em(x), em(y)); }
} // namespace hearth::ui
