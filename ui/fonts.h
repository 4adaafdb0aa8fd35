#pragma once
// Fonts that cover Hearth's own words and the Latin alphabets: Latin with
// accents, curly quotes, dashes, the ellipsis, hearts and stars are built into
// the atlas at start; everything else a couple types (emoji, Greek, Cyrillic,
// Vietnamese, every other script) is drawn on demand into rects each font
// reserves (text/glyphs.h), so the atlas stays small. A character no font
// covers is the box U+25A1, never U+FFFD.
#include <imgui.h>

#include <string>

namespace hearth::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;   // panel titles, card headings
    ImFont* display = nullptr;   // large countdowns and names across the room
    bool full_coverage = false;  // false when only ImGui's built-in font was found
};

// The current set; valid after load_fonts().
const Fonts& fonts();

// Rebuilds the atlas at `body_px` pixels (already multiplied by the window's
// content scale) from a TrueType file. An empty or unreadable path falls back
// to ImGui's built-in font, which shows ASCII only.
void load_fonts(const std::string& ttf_path, float body_px);

// The glyph ranges used for body text (exposed for tests).
const ImWchar* text_glyph_ranges();

// Frees the atlas's copies of the font file (one per font, kept by ImGui for
// a rebuild). Called once the atlas is on the GPU: a rebuild (load_fonts)
// reads the file again.
void release_font_files();

} // namespace hearth::ui
