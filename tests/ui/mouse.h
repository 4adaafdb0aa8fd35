#pragma once
// The mouse in the headless harness, as the GLFW backend delivers it. Items
// are found by their ImGui ID, built as the code builds it: the window's ID,
// then each PushID and the label.
#include "app_ui.h"

#include <imgui_internal.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <string_view>

namespace hearth::test {

// A window drawn in the last frame whose name holds `name_part` (a child
// window is named "Parent/child_XXXXXXXX", a popup "##Popup_XXXXXXXX").
inline ImGuiWindow* drawn_window(std::string_view name_part) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && std::string_view(w->Name).find(name_part) != std::string_view::npos) return w;
    return nullptr;
}
inline ImGuiID id_in(ImGuiID seed, std::string_view label) { return ImHashStr(label.data(), label.size(), seed); }
inline ImGuiID id_in(ImGuiID seed, int n) { return ImHashData(&n, sizeof n, seed); }

// Moves the mouse over `window` until the item is under it, then clicks it:
// the button down for one frame, up the next. False if it was never hovered.
inline bool click(AppUi& u, ImGuiWindow* window, ImGuiID item) {
    REQUIRE(window);
    u.frame();  // a window that just appeared is sized on its first frame
    ImGuiIO& io = ImGui::GetIO();
    const float dy = ImGui::GetFrameHeight() * 0.8f, dx = ImGui::GetFontSize() * 1.5f;
    const ImRect r = window->Rect();
    bool found = false;
    for (float y = r.Min.y + 1; !found && y < std::min(r.Max.y, io.DisplaySize.y); y += dy)
        for (float x = r.Min.x + 1; !found && x < std::min(r.Max.x, io.DisplaySize.x); x += dx) {
            io.MousePos = ImVec2(x, y);
            u.frame();
            found = ImGui::GetCurrentContext()->HoveredId == item;
        }
    if (found) {
        io.MouseDown[0] = true;
        u.frame();
        io.MouseDown[0] = false;
        u.frame();
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    return found;
}

} // namespace hearth::test
