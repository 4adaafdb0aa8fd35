#pragma once
// Reads back the text of the last rendered frame from ImGui's draw lists, the
// way a person reads the screen: each glyph quad's texture coordinates name its
// character in the font atlas. Tests find a button by the words on it and
// click there, and check that what should be on screen is, unclipped.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::test {

struct TextRun {
    std::string text;   // UTF-8, words separated by single spaces
    ImVec2 min, max;    // on screen
    ImVec4 clip;        // the draw command's clip rectangle
    // Every glyph lies inside its clip rectangle and the display.
    bool fully_visible = true;
    // A glyph was cut on its left or right side (a label too long for its
    // frame), not only at its top or bottom (a line scrolled half out of view).
    bool cut_across = false;
};

// The text runs of the last frame (after ImGui::Render), in drawing order.
std::vector<TextRun> screen_text();
// The `nth` run containing `needle` (whole run text, case-sensitive), or nullopt.
std::optional<TextRun> find_text(std::string_view needle, int nth = 0);
// Everything on screen, one run a line: for failure messages.
std::string screen_dump();
// Whether `needle` is on screen, spaces ignored and wrapped lines joined: the
// reader spaces some glyph pairs ("14: 13") and long messages wrap.
bool shown(std::string needle);

// The middle of a run, where a person clicks it.
inline ImVec2 centre(const TextRun& r) { return ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2); }

} // namespace hearth::test
