#include "theme.h"

#include <algorithm>

namespace hearth::ui {
namespace {
Theme g_theme = Theme::Light;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

float luminance(ImVec4 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }
} // namespace

Theme current_theme() { return g_theme; }

void apply_theme(Theme theme, float scale) {
    g_theme = theme;
    ImGuiStyle style;
    if (theme == Theme::Dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);

    style.WindowRounding = 6;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.ScrollbarRounding = 8;
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(16, 14);
    style.ScrollbarSize = 14;

    ImVec4* c = style.Colors;
    if (theme == Theme::Dark) {
        c[ImGuiCol_WindowBg] = rgb(34, 30, 33);
        c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
        c[ImGuiCol_PopupBg] = rgb(48, 42, 46);
        c[ImGuiCol_Text] = rgb(240, 232, 228);
        c[ImGuiCol_TextDisabled] = rgb(165, 152, 150);
        c[ImGuiCol_FrameBg] = rgb(60, 53, 58);
        c[ImGuiCol_FrameBgHovered] = rgb(76, 67, 72);
        c[ImGuiCol_FrameBgActive] = rgb(88, 76, 82);
        c[ImGuiCol_Button] = rgb(168, 84, 74, 0.75f);
        c[ImGuiCol_ButtonHovered] = rgb(190, 98, 86);
        c[ImGuiCol_ButtonActive] = rgb(205, 110, 96);
        c[ImGuiCol_Header] = rgb(168, 84, 74, 0.45f);
        c[ImGuiCol_HeaderHovered] = rgb(168, 84, 74, 0.65f);
        c[ImGuiCol_HeaderActive] = rgb(168, 84, 74, 0.85f);
        c[ImGuiCol_CheckMark] = rgb(240, 160, 140);
        c[ImGuiCol_SliderGrab] = rgb(220, 130, 112, 0.55f);  // see-through: the value's digits drawn on it stay legible
        c[ImGuiCol_SliderGrabActive] = rgb(240, 150, 130);
        c[ImGuiCol_Separator] = rgb(80, 70, 74);
        c[ImGuiCol_PlotHistogram] = rgb(220, 130, 112);
        c[ImGuiCol_MenuBarBg] = rgb(40, 35, 39);
        c[ImGuiCol_TableHeaderBg] = rgb(60, 53, 58);
        c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.03f);
        c[ImGuiCol_Tab] = rgb(60, 53, 58);
        c[ImGuiCol_TabHovered] = rgb(190, 98, 86);
        c[ImGuiCol_TabActive] = rgb(168, 84, 74);
    } else {
        c[ImGuiCol_WindowBg] = rgb(246, 239, 233);
        c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
        c[ImGuiCol_PopupBg] = rgb(255, 252, 249);
        c[ImGuiCol_Text] = rgb(52, 40, 38);
        c[ImGuiCol_TextDisabled] = rgb(128, 112, 108);
        c[ImGuiCol_Border] = rgb(225, 212, 204);
        c[ImGuiCol_FrameBg] = rgb(240, 231, 224);
        c[ImGuiCol_FrameBgHovered] = rgb(233, 220, 211);
        c[ImGuiCol_FrameBgActive] = rgb(226, 210, 199);
        c[ImGuiCol_Button] = rgb(196, 98, 82, 0.88f);
        c[ImGuiCol_ButtonHovered] = rgb(210, 112, 94);
        c[ImGuiCol_ButtonActive] = rgb(180, 86, 72);
        c[ImGuiCol_Header] = rgb(196, 98, 82, 0.22f);
        c[ImGuiCol_HeaderHovered] = rgb(196, 98, 82, 0.32f);
        c[ImGuiCol_HeaderActive] = rgb(196, 98, 82, 0.45f);
        c[ImGuiCol_CheckMark] = rgb(176, 76, 62);
        c[ImGuiCol_SliderGrab] = rgb(196, 98, 82, 0.55f);  // see-through: the value's digits drawn on it stay legible
        c[ImGuiCol_SliderGrabActive] = rgb(176, 76, 62);
        c[ImGuiCol_Separator] = rgb(225, 212, 204);
        c[ImGuiCol_PlotHistogram] = rgb(196, 98, 82);
        c[ImGuiCol_MenuBarBg] = rgb(244, 236, 229);
        c[ImGuiCol_TableHeaderBg] = rgb(238, 226, 218);
        c[ImGuiCol_TableBorderLight] = rgb(230, 218, 210);
        c[ImGuiCol_TableRowBgAlt] = rgb(120, 80, 60, 0.04f);
        c[ImGuiCol_Tab] = rgb(238, 226, 218);
        c[ImGuiCol_TabHovered] = rgb(210, 112, 94);
        c[ImGuiCol_TabActive] = rgb(196, 98, 82);
        c[ImGuiCol_ScrollbarBg] = rgb(246, 239, 233);
    }
    // Title bars of popups and modals (the "End early" confirm): the card's
    // colour with a line of the accent, never ImGui's blue; the dim behind a
    // modal in the palette's dark.
    if (theme == Theme::Dark) {
        c[ImGuiCol_TitleBg] = rgb(54, 47, 52);
        c[ImGuiCol_TitleBgActive] = rgb(108, 58, 54);
        c[ImGuiCol_TitleBgCollapsed] = rgb(40, 35, 39, 0.75f);
        c[ImGuiCol_Border] = rgb(90, 78, 84, 0.6f);
        c[ImGuiCol_ModalWindowDimBg] = rgb(20, 16, 18, 0.55f);
    } else {
        c[ImGuiCol_TitleBg] = rgb(238, 226, 218);
        c[ImGuiCol_TitleBgActive] = rgb(226, 196, 184);
        c[ImGuiCol_TitleBgCollapsed] = rgb(244, 236, 229, 0.75f);
        c[ImGuiCol_ModalWindowDimBg] = rgb(60, 40, 34, 0.3f);
    }
    // Keyboard focus: a calm ring in the theme's accent, never ImGui's blue.
    c[ImGuiCol_NavHighlight] = theme == Theme::Dark ? rgb(240, 160, 140, 0.9f) : rgb(176, 76, 62, 0.85f);
    c[ImGuiCol_NavWindowingHighlight] = c[ImGuiCol_NavHighlight];
    c[ImGuiCol_NavWindowingDimBg] = rgb(0, 0, 0, 0.15f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImVec4 to_imvec4(Rgb c, float alpha) { return rgb(c.r, c.g, c.b, alpha); }

ImVec4 partner_text_color(Rgb c) {
    ImVec4 v = to_imvec4(c);
    float l = luminance(v);
    // Darken light colours on the light theme, lighten dark ones on the dark theme.
    if (g_theme == Theme::Light && l > 0.55f) {
        float k = 0.55f / l;
        v = ImVec4(v.x * k, v.y * k, v.z * k, 1);
    } else if (g_theme == Theme::Dark && l < 0.45f) {
        float k = 0.45f - l;
        v = ImVec4(std::min(1.0f, v.x + k), std::min(1.0f, v.y + k), std::min(1.0f, v.z + k), 1);
    }
    return v;
}

ImU32 partner_fill(Rgb c, float alpha) { return ImGui::GetColorU32(to_imvec4(c, alpha)); }

ImVec4 muted_text() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }
ImVec4 error_text() { return g_theme == Theme::Dark ? rgb(255, 150, 130) : rgb(170, 45, 30); }
ImVec4 success_text() { return g_theme == Theme::Dark ? rgb(150, 210, 160) : rgb(40, 120, 60); }
ImU32 card_background() {
    return ImGui::GetColorU32(g_theme == Theme::Dark ? rgb(54, 47, 52) : rgb(255, 253, 251));
}

} // namespace hearth::ui
