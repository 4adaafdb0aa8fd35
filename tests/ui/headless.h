#pragma once
// A Dear ImGui context with no window: fonts built, display size set, frames
// run by hand, input injected as a backend would.
#include "hearth_model.h"

#include <imgui.h>

#include <functional>
#include <string_view>

namespace hearth::test {

class Headless {
public:
    explicit Headless(const Settings& settings, ImVec2 size = ImVec2(1280, 800));
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One frame: NewFrame, draw(), Render. Input queued before is consumed.
    void frame(const std::function<void()>& draw);
    void resize(ImVec2 size) { ImGui::GetIO().DisplaySize = size; }

    // Input as the GLFW backend delivers it (key indices are GLFW key codes).
    // Each code point goes the way the window's character callback sends it
    // (through ui::route_typed_codepoint), so emoji typed reach a guarded
    // field, or the panel reading typed_outside_fields(), as in the app.
    void type(const char* utf8);
    void type_codepoint(unsigned int cp);
    // Press and release `glfw_key` over two frames, with modifiers.
    void press(int glfw_key, const std::function<void()>& draw, bool ctrl = false);

    // The mouse, as a person moves it: every call runs frames, so ImGui sees
    // the pointer arrive before the button goes down, as with a real mouse.
    void mouse_move(ImVec2 to, const std::function<void()>& draw, int frames = 1);
    void mouse_down(const std::function<void()>& draw);
    void mouse_up(const std::function<void()>& draw);
    // Move there, press, release (three frames or more).
    void click(ImVec2 at, const std::function<void()>& draw);
    // Press at `from`, move to `to` over `steps` frames, release there.
    void drag(ImVec2 from, ImVec2 to, const std::function<void()>& draw, int steps = 8);
    // Clicks the middle of the words `label` as drawn on the last frame; false
    // (and nothing pressed) when they are not on screen.
    bool click_text(std::string_view label, const std::function<void()>& draw, int nth = 0);
    void scroll(float wheel_y, const std::function<void()>& draw);

    static constexpr int kEnter = 257;
    static constexpr int kEscape = 256;
    static constexpr int kTab = 258;
};

// Draws `widget` in a window of its own with the keyboard focus on it from the
// window's first frame, as a field a person has clicked into.
inline std::function<void()> in_focused_window(std::function<void()> widget) {
    return [widget = std::move(widget)] {
        ImGui::Begin("w");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        widget();
        ImGui::End();
    };
}

} // namespace hearth::test
