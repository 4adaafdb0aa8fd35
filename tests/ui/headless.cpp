#include "headless.h"

#include "guarded_text.h"
#include "preferences.h"

namespace hearth::test {

Headless::Headless(const Settings& settings, ImVec2 size) {
    ImGui::CreateContext();
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

Headless::~Headless() { ImGui::DestroyContext(); }

void Headless::frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    draw();
    ImGui::Render();
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

} // namespace hearth::test
