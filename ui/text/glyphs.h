#pragma once
// Every character a couple types, drawn by a Dear ImGui 1.86 whose ImWchar is
// 16 bits and whose atlas holds only the ranges loaded at start.
//
// Decision: text is never changed, only what is handed to ImGui for drawing.
// `shown(text)` cuts the text into clusters (model/utf8.h cluster_end: emoji
// ZWJ sequences, skin tones, flags, keycaps, VS16, combining marks) and
// replaces each cluster the base atlas cannot draw as it is with a private-use
// code point (U+E000..U+F8FF), assigned on first sight for the whole run. At
// every atlas build, each font (body, heading, display) reserves a custom glyph
// rect per private-use code point (ImFontAtlas::AddCustomRectFontGlyph), so a
// new cluster costs no rebuild: it is drawn (text/rasterizer.h) into the CPU
// rect's pixels, which are uploaded through the hook the app installs (ui/ has no OpenGL; headless tests install none). Emoji glyphs
// are marked Colored so the text colour does not tint them. When the reserved
// rects run out, `atlas_needs_rebuild()` asks the app for a rebuild with twice
// as many on the next frame; until then the extra clusters show the font's
// fallback box (U+25A1), never U+FFFD.
//
// Text boxes use the same code points: GuardedText's AstralGuard is given
// `placeholder_pool()`, so the placeholder a box edits is the glyph drawn, and
// what is saved is the original bytes.
#include "utf8.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::ui {

// What to hand ImGui for drawing `utf8`. Plain text the atlas covers comes back
// as the same pointer (no copy, no allocation); other text as a cached mapped
// copy that stays valid for at least the next few hundred frames. Wrap every
// piece of the couple's text: ImGui::TextUnformatted(shown(s)),
// ImGui::Text("%s", shown(s)), draw_list->AddText(..., shown(s)),
// ImGui::Selectable(shown(s)), BeginCombo(label, shown(s)), ...
const char* shown(const std::string& utf8);
const char* shown(const char* utf8);
// For a piece of a string (not NUL-terminated): draw [data, data + size).
std::string_view shown(std::string_view utf8);

// The code points GuardedText's placeholders come from (shared with shown()).
PlaceholderPool& placeholder_pool();

// Makes sure every private-use glyph in already-mapped text (a text box's
// buffer) is drawn into the atlas.
void ensure_glyphs(std::string_view mapped);

// True when the base atlas draws `cp` itself (no placeholder needed).
bool atlas_covers(char32_t cp);

// Called by the app with a newly drawn rect of the atlas, `rgba` holding its
// w * h pixels row by row, to copy to the GPU texture (glTexSubImage2D). Empty:
// nothing uploaded (headless). The atlas's CPU copy (TexPixelsRGBA32) is
// written too while it exists; the app frees it once the texture is on the GPU
// (ImFontAtlas::ClearTexData), so the atlas is not kept in memory twice.
void set_atlas_upload(std::function<void(int x, int y, int w, int h, const std::uint32_t* rgba)> upload);

// Opens the fonts for glyphs on demand on a background thread, once: a text
// box calls it when it takes focus, so the first emoji typed or picked does
// not wait for them, and a Hearth that is only looked at never loads them.
void warm_up_glyphs();

// Limits the time spent drawing new glyphs in one frame (the app: half a
// frame); the rest are drawn on the next frames. 0 (the default): no limit.
void set_glyph_time_budget(double ms_per_frame);
// True (once) when glyphs were left for a later frame: draw another frame.
bool glyphs_waiting();

// True when more clusters were seen than the atlas has rects for: rebuild the
// fonts (load_fonts) and the texture before the next frame.
bool atlas_needs_rebuild();

// For load_fonts(): reserve rects before ImFontAtlas::Build(), then take note
// of them after. A large font (the display font: a partner's name, the
// countdown) has rects for the first kLargeFontSlots clusters seen only.
inline constexpr int kLargeFontSlots = 32;
void reserve_glyph_slots(ImFontAtlas& atlas, const std::vector<ImFont*>& fonts, const std::string& base_ttf);
void glyph_slots_built(ImFontAtlas& atlas);

// For tests and the benchmark.
struct GlyphStats {
    int clusters = 0;     // distinct clusters given a code point
    int slots = 0;        // code points with reserved rects per font
    int drawn = 0;        // clusters drawn into the current atlas
    int emoji = 0;        // of those, from the colour emoji font
    int fallback = 0;     // from another installed font
    int boxes = 0;        // covered by no font
    double last_draw_ms = 0;  // time to draw the last new cluster (all font sizes)
};
GlyphStats glyph_stats();
// The cluster a private-use code point stands for.
std::optional<std::string> cluster_of(char32_t placeholder);

} // namespace hearth::ui
