#pragma once
// Sizes in font units: everything scales with the text size and the monitor.
#include <imgui.h>

namespace hearth::ui {
// The smallest window Hearth allows (app/window.cpp); every screen lays out
// at this size with the largest text size.
inline constexpr int kMinWindowWidth = 640;
inline constexpr int kMinWindowHeight = 480;

inline float em(float n = 1.0f) { return n * ImGui::GetFontSize(); }
inline ImVec2 em2(float x, float y) { return ImVec2(em(x), em(y)); }
} // namespace hearth::ui
