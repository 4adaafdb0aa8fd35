#pragma once
// Keyboard shortcuts. With Dear ImGui 1.86 and its GLFW backend, io.KeysDown is
// indexed by GLFW key codes, which equal ASCII for digits and capital letters.
#include <imgui.h>

namespace hearth::ui {

inline bool key_pressed(char ascii_key, bool repeat = false) { return ImGui::IsKeyPressed(int(ascii_key), repeat); }
inline bool named_key_pressed(ImGuiKey key, bool repeat = false) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}
// Marks this frame's press of `key` as handled: later checks in the frame see
// none (1.86 has no key ownership). For a popup that acts on Enter drawn
// inside a form that also would.
inline void consume_key_press(ImGuiKey key) {
    float& held = ImGui::GetIO().KeysDownDuration[ImGui::GetKeyIndex(key)];
    if (held == 0.0f) held = 1e-6f;
}
// A shortcut is live when no text field is taking the keys.
inline bool shortcuts_allowed() { return !ImGui::GetIO().WantTextInput; }

} // namespace hearth::ui
