#include "fonts.h"

#include "text/glyphs.h"

#include <cstdio>
#include <fstream>

namespace hearth::ui {
namespace {
Fonts g_fonts;
// Drawn for a character no font covers (and, in text not passed through
// shown(), for characters above U+FFFF): a neutral box, never U+FFFD's diamond.
constexpr ImWchar kBox = 0x25A1;

bool readable(const std::string& path) {
    if (path.empty()) return false;
    std::ifstream f(path, std::ios::binary);
    return bool(f);
}
} // namespace

const Fonts& fonts() { return g_fonts; }

const ImWchar* text_glyph_ranges() {
    // Latin letters are built into the atlas at start (so Hearth's own words
    // and the Latin alphabets need no mapping); of the symbol blocks only
    // what Hearth's own words use and hearts and stars. Every other character
    // a couple types (Greek, Cyrillic, Vietnamese, any script, emoji) is drawn
    // on demand (text/glyphs.h): each glyph built here costs texture memory
    // and start-up time whether or not it is ever shown.
    static ImVector<ImWchar> ranges = [] {
        static const ImWchar extra[] = {
            0x0100, 0x017F,  // Latin Extended-A (Extended-B, Romanian's ș and ț among it, on demand)
            0x2000, 0x203A,  // spaces, dashes, curly quotes, bullets, ellipsis, angle quotes
            0x20A0, 0x20CF,  // currency
            0x2116, 0x2116,  // numero
            0x2122, 0x2122,  // trade mark
            0x2190, 0x2199,  // arrows
            0x21BB, 0x21BB,  // the recurring mark
            0x2212, 0x2212,  // minus
            0x221E, 0x221E,  // infinity
            0x2248, 0x2248,  // almost equal
            0x2260, 0x2260,  // not equal
            0x2264, 0x2265,  // less and greater or equal
            0x23F5, 0x23F5,  // play
            0x23F8, 0x23F8,  // pause
            0x25A0, 0x25A1,  // squares: the box drawn for what no font has
            0x25B2, 0x25C5,  // triangles
            0x25CB, 0x25CF,  // circles
            0x2600, 0x2606,  // sun, cloud, stars
            0x2610, 0x2612,  // ballot boxes
            0x2639, 0x263A,  // faces
            0x2660, 0x2667,  // card suits, hearts
            0x266A, 0x266B,  // notes
            0x26A0, 0x26A0,  // warning
            0x2713, 0x2718,  // check and cross marks
            0x2764, 0x2765,  // heavy hearts
            0};
        ImFontGlyphRangesBuilder b;
        b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        b.AddRanges(extra);
        ImVector<ImWchar> out;
        b.BuildRanges(&out);
        return out;
    }();
    return ranges.Data;
}

void load_fonts(const std::string& ttf_path, float body_px) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The texture as tall as its glyphs, not the next power of two (which
    // would double it once the rects for glyphs on demand tip it over).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    g_fonts = {};
    // No oversampling: it would double each font's share of the atlas (an
    // RGBA texture, for colour emoji) to sharpen text at fractional positions,
    // and ImGui places text on whole pixels; side by side the screenshots
    // could not be told apart (issue 15).
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    if (readable(ttf_path)) {
        g_fonts.body = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), body_px, &cfg, text_glyph_ranges());
        g_fonts.heading = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), body_px * 1.35f, &cfg, text_glyph_ranges());
        // Countdown digits and names: ASCII at start, any other letter of a
        // name on demand (a glyph this size is a lot of texture).
        static const ImWchar display_ranges[] = {0x0020, 0x007E, 0x2010, 0x2027, kBox, kBox, 0};
        g_fonts.display = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), body_px * 3.2f, &cfg, display_ranges);
    }
    g_fonts.full_coverage = g_fonts.body && g_fonts.heading && g_fonts.display;
    if (!g_fonts.full_coverage) {
        if (!ttf_path.empty()) std::fprintf(stderr, "hearth: cannot load font %s; using the built-in font\n", ttf_path.c_str());
        io.Fonts->Clear();
        ImFontConfig def;
        def.SizePixels = body_px;
        g_fonts.body = io.Fonts->AddFontDefault(&def);
        def.SizePixels = body_px * 1.35f;
        g_fonts.heading = io.Fonts->AddFontDefault(&def);
        def.SizePixels = body_px * 3.2f;
        g_fonts.display = io.Fonts->AddFontDefault(&def);
    }
    io.FontDefault = g_fonts.body;
    for (ImFont* f : {g_fonts.body, g_fonts.heading, g_fonts.display}) f->FallbackChar = kBox;
    // Rects for glyphs drawn on demand (emoji, other scripts): see text/glyphs.h.
    reserve_glyph_slots(*io.Fonts, {g_fonts.body, g_fonts.heading, g_fonts.display},
                        g_fonts.full_coverage ? ttf_path : std::string());
    io.Fonts->Build();
    glyph_slots_built(*io.Fonts);
}

void release_font_files() {
    for (ImFontConfig& c : ImGui::GetIO().Fonts->ConfigData)
        if (c.FontData && c.FontDataOwnedByAtlas) {
            IM_FREE(c.FontData);
            c.FontData = nullptr;
            c.FontDataSize = 0;
        }
}

} // namespace hearth::ui
