#include "headless.h"

#include "guarded_text.h"
#include "preferences.h"
#include "screen_text.h"

namespace hearth::test {

Headless::Headless(const Settings& settings, ImVec2 size) {
    ImGui::CreateContext();
    ui::forget_typed_outside_fields();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigInputTextCursorBlink = false;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The key map the GLFW backend installs.
    const int map[][2] = {{ImGuiKey_Tab, 258},       {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                          {ImGuiKey_UpArrow, 265},   {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                          {ImGuiKey_PageDown, 267},  {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                          {ImGuiKey_Insert, 260},    {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                          {ImGuiKey_Space, 32},      {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},
                          {ImGuiKey_KeyPadEnter, 335}, {ImGuiKey_A, 'A'},       {ImGuiKey_C, 'C'},
                          {ImGuiKey_V, 'V'},         {ImGuiKey_X, 'X'},         {ImGuiKey_Y, 'Y'},
                          {ImGuiKey_Z, 'Z'}};
    for (const auto& [k, v] : map) io.KeyMap[k] = v;
    ui::apply_preferences(settings, 1.0f, HEARTH_TEST_FONT);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

Headless::~Headless() {
    ui::forget_typed_outside_fields();
    ImGui::DestroyContext();
}

void Headless::frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    draw();
    ImGui::Render();
}

void Headless::type(const char* utf8) {
    std::string_view s(utf8);
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t n = decode_utf8(s, i, cp);
        if (!n) { type_codepoint(0xFFFD); ++i; continue; }
        type_codepoint(cp);
        i += n;
    }
}

void Headless::type_codepoint(unsigned int cp) {
    if (unsigned int routed = ui::route_typed_codepoint(cp)) ImGui::GetIO().AddInputCharacter(routed);
}

void Headless::press(int glfw_key, const std::function<void()>& draw, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[glfw_key] = true;
    frame(draw);
    io.KeysDown[glfw_key] = false;
    io.KeyCtrl = false;
    frame(draw);
}

void Headless::mouse_move(ImVec2 to, const std::function<void()>& draw, int frames) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 from = io.MousePos.x < -1e30f ? to : io.MousePos;
    for (int i = 1; i <= frames; ++i) {
        float t = float(i) / float(frames);
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame(draw);
    }
}

void Headless::mouse_down(const std::function<void()>& draw) {
    ImGui::GetIO().MouseDown[0] = true;
    frame(draw);
}

void Headless::mouse_up(const std::function<void()>& draw) {
    ImGui::GetIO().MouseDown[0] = false;
    frame(draw);
}

void Headless::click(ImVec2 at, const std::function<void()>& draw) {
    mouse_move(at, draw);
    mouse_down(draw);
    mouse_up(draw);
}

void Headless::drag(ImVec2 from, ImVec2 to, const std::function<void()>& draw, int steps) {
    mouse_move(from, draw);
    mouse_down(draw);
    mouse_move(to, draw, steps);
    mouse_up(draw);
}

bool Headless::click_text(std::string_view label, const std::function<void()>& draw, int nth) {
    auto run = find_text(label, nth);
    if (!run) return false;
    click(ImVec2((run->min.x + run->max.x) / 2, (run->min.y + run->max.y) / 2), draw);
    return true;
}

void Headless::scroll(float wheel_y, const std::function<void()>& draw) {
    ImGui::GetIO().MouseWheel = wheel_y;
    frame(draw);
}

} // namespace hearth::test
