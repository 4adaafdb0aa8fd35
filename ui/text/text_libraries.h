#pragma once
// FreeType, HarfBuzz and fontconfig for glyphs drawn on demand (rasterizer.h).
//
// On Linux they are opened with dlopen the first time a glyph is drawn on
// demand, not linked: a start whose screen the atlas covers never maps them,
// nor GLib, which HarfBuzz pulls in (about 1.3 MiB resident and nine libraries
// for the dynamic linker; issue 15). Elsewhere (or with
// -DHEARTH_TEXT_LIBRARIES_AT_FIRST_USE=OFF) they are linked and this only
// hands out their functions. The .deb's Depends names them either way.
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

namespace hearth::ui::text {

#define HEARTH_FREETYPE_FUNCTIONS(X) \
    X(FT_Init_FreeType) X(FT_Done_FreeType) X(FT_New_Face) X(FT_Done_Face) X(FT_Load_Glyph) \
    X(FT_Select_Size) X(FT_Set_Pixel_Sizes) X(FT_Set_Char_Size)
#define HEARTH_HARFBUZZ_FUNCTIONS(X) \
    X(hb_ft_font_create_referenced) X(hb_ft_font_changed) X(hb_font_destroy) X(hb_buffer_create) \
    X(hb_buffer_add_utf8) X(hb_buffer_guess_segment_properties) X(hb_shape) X(hb_buffer_get_glyph_infos) \
    X(hb_buffer_get_glyph_positions) X(hb_buffer_destroy)
#define HEARTH_FONTCONFIG_FUNCTIONS(X) \
    X(FcInit) X(FcNameParse) X(FcConfigSubstitute) X(FcDefaultSubstitute) X(FcFontMatch) X(FcFontSort) \
    X(FcFontSetDestroy) X(FcPatternDestroy) X(FcPatternGetBool) X(FcPatternGetString) X(FcPatternGetInteger) \
    X(FcPatternGetCharSet) X(FcCharSetHasChar)

struct TextLibraries {
#define HEARTH_TEXT_FUNCTION(name) decltype(&::name) name = nullptr;
    HEARTH_FREETYPE_FUNCTIONS(HEARTH_TEXT_FUNCTION)
    HEARTH_HARFBUZZ_FUNCTIONS(HEARTH_TEXT_FUNCTION)
    HEARTH_FONTCONFIG_FUNCTIONS(HEARTH_TEXT_FUNCTION)
#undef HEARTH_TEXT_FUNCTION
};

// Opens the three libraries once (any thread); nullptr when one of them or a
// function is missing: glyphs on demand are then drawn as boxes, and what is
// missing is printed once on stderr.
const TextLibraries* text_libraries();

} // namespace hearth::ui::text
