#pragma once
// What the last frame showed as text, read back from its draw data: each
// glyph quad is matched to its font's glyph by texture coordinates. Spaces
// draw nothing, so the text comes without them; a run of text that starts
// left of where the previous one ended begins a new line. Use it to assert
// what the couple sees, not what a panel object holds.
#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace hearth::test {

// `text` without spaces, to compare with what visible_text() reads back.
inline std::string without_spaces(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

// The text drawn last frame by windows whose name starts with `window` (the
// whole window when empty; child windows are "Parent/child_ID"), in `font`
// only when given.
inline std::string visible_text(std::string_view window = {}, const ImFont* font = nullptr) {
    using Key = std::tuple<float, float, float, float>;
    std::map<Key, unsigned int> glyphs;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (const ImFont* f : atlas->Fonts) {
        if (font && f != font) continue;
        for (const ImFontGlyph& g : f->Glyphs)
            if (g.Visible) glyphs.emplace(Key{g.U0, g.V0, g.U1, g.V1}, g.Codepoint);
    }
    auto utf8 = [](std::string& out, unsigned int c) {
        if (c < 0x80) out += char(c);
        else if (c < 0x800) out += {char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F))};
        else out += {char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
    };
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        if (!window.empty() && (!list->_OwnerName || !std::string_view(list->_OwnerName).starts_with(window))) continue;
        float last_x = -1e9f;
        const ImDrawVert* v = list->VtxBuffer.Data;
        for (int i = 0; i + 3 < list->VtxBuffer.Size;) {
            auto it = glyphs.find(Key{v[i].uv.x, v[i].uv.y, v[i + 2].uv.x, v[i + 2].uv.y});
            if (it == glyphs.end() || v[i + 1].uv.x != v[i + 2].uv.x || v[i + 3].uv.x != v[i].uv.x) {
                ++i;
                continue;
            }
            if (v[i].pos.x < last_x && !out.empty() && out.back() != '\n') out += '\n';
            utf8(out, it->second);
            last_x = v[i].pos.x;
            i += 4;
        }
        if (!out.empty() && out.back() != '\n') out += '\n';
    }
    return out;
}

// The first line of text drawn in `font` in windows starting with `window`.
inline std::string first_line(std::string_view window, const ImFont* font) {
    std::string text = visible_text(window, font);
    return text.substr(0, text.find('\n'));
}

} // namespace hearth::test
