#pragma once
// Draws one cluster (an emoji sequence, a character of any script) into pixels
// for the glyph atlas, from the fonts installed on the system:
//   - emoji: the colour emoji font (Debian: fonts-noto-color-emoji), whose
//     bitmap strike FreeType reads with FT_LOAD_COLOR; HarfBuzz shapes the
//     whole sequence (ZWJ, skin tone, flag, keycap, VS16) into the font's one
//     glyph; the strike (109 px) is scaled to the text's size with an area filter;
//   - other characters: the first font fontconfig lists that covers them,
//     rendered in grey levels (tinted by the text colour like the base font);
//   - nothing covers it: a neutral box, never U+FFFD.
// No ImGui here: the caller places the pixels.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::ui::text {

// One font size of the atlas.
struct GlyphTarget {
    float line_px = 0;   // ImFont::FontSize: the line's height
    float ascent_px = 0; // ImFont::Ascent: the baseline, from the line's top
    int max_w = 0;       // the atlas slot
    int max_h = 0;
};

struct GlyphImage {
    int w = 0, h = 0;
    std::vector<std::uint32_t> rgba;  // ImGui's IM_COL32 layout, straight (not premultiplied) alpha
    float x0 = 0, y0 = 0;             // offset of the image from the pen, y0 from the line's top
    float advance = 0;
    bool colored = false;             // keeps its colours (emoji); otherwise white, tinted when drawn
};

enum class GlyphSource { EmojiFont, FallbackFont, Box };

class Rasterizer {
public:
    static Rasterizer& instance();
    // The base font drawn by ImGui, to size fallback glyphs like its letters.
    void set_base_font(const std::string& ttf_path);
    // One image per target. `source`, when given, says which font drew it.
    std::vector<GlyphImage> render(std::string_view cluster, const std::vector<GlyphTarget>& targets,
                                   GlyphSource* source = nullptr);
    bool has_emoji_font();
    // Opens FreeType, fontconfig and the emoji font on a thread of its own, so
    // the first emoji drawn costs no more than the next (call once the first
    // frame is up; render() waits for it if it is still running).
    void warm_up_in_background();
    ~Rasterizer();

private:
    Rasterizer();
    struct Impl;
    Impl* impl_;
};

// True when a cluster asks for emoji presentation (pictographs, VS16, ZWJ
// sequences, skin tones, flags, keycaps).
bool wants_emoji(std::string_view cluster);

} // namespace hearth::ui::text
