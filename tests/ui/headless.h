#pragma once
// A Dear ImGui context with no window: fonts built, display size set, frames
// run by hand, input injected as a backend would.
#include "hearth_model.h"

#include <imgui.h>

#include <functional>

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
    void type(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }
    void type_codepoint(unsigned int cp);
    // Press and release `glfw_key` over two frames, with modifiers.
    void press(int glfw_key, const std::function<void()>& draw, bool ctrl = false);

    static constexpr int kEnter = 257;
    static constexpr int kEscape = 256;
    static constexpr int kTab = 258;
};

} // namespace hearth::test
