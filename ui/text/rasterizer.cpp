#include "text/rasterizer.h"

#include "utf8.h"

#include "text/text_libraries.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace hearth::ui::text {
namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Characters that draw nothing by themselves (joiners, selectors, tags).
bool ignorable(char32_t c) {
    return in(c, 0x200B, 0x200F) || in(c, 0x2060, 0x206F) || in(c, 0xFE00, 0xFE0F) || in(c, 0xE0000, 0xE0FFF) || c == 0x20E3;
}

std::vector<char32_t> codepoints(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0xFFFD;
        std::size_t n = decode_utf8(s, i, cp);
        out.push_back(cp);
        i += n ? n : 1;
    }
    return out;
}

// Premultiplied RGBA in floats, the working canvas before scaling.
struct Canvas {
    int w = 0, h = 0;
    std::vector<float> px;  // 4 per pixel
    void resize(int ww, int hh) { w = ww; h = hh; px.assign(std::size_t(w) * std::size_t(h) * 4, 0.f); }
    // Source-over of one premultiplied pixel.
    void over(int x, int y, float r, float g, float b, float a) {
        if (x < 0 || y < 0 || x >= w || y >= h || a <= 0.f) return;
        float* p = &px[(std::size_t(y) * std::size_t(w) + std::size_t(x)) * 4];
        float k = 1.f - a;
        p[0] = r + p[0] * k; p[1] = g + p[1] * k; p[2] = b + p[2] * k; p[3] = a + p[3] * k;
    }
};

// Area-average weights of destination samples over source pixels, for a
// scale s (dst = src * s): each destination pixel averages the source span it
// covers, so a 109 px strike shrinks to 18 px without aliasing.
struct Taps { std::vector<int> first; std::vector<std::vector<float>> w; };
Taps taps(int src, int dst, float s) {
    Taps t;
    t.first.resize(std::size_t(dst));
    t.w.resize(std::size_t(dst));
    for (int d = 0; d < dst; ++d) {
        float a = float(d) / s, b = float(d + 1) / s;
        int i0 = std::max(0, int(std::floor(a))), i1 = std::min(src - 1, int(std::ceil(b)) - 1);
        t.first[std::size_t(d)] = i0;
        float total = 0;
        for (int i = i0; i <= i1; ++i) {
            float wgt = std::min(b, float(i + 1)) - std::max(a, float(i));
            t.w[std::size_t(d)].push_back(std::max(0.f, wgt));
            total += std::max(0.f, wgt);
        }
        if (total > 0)
            for (float& x : t.w[std::size_t(d)]) x /= total;
    }
    return t;
}

Canvas resample(const Canvas& src, int dw, int dh, float s) {
    Canvas mid, out;
    mid.resize(dw, src.h);
    Taps tx = taps(src.w, dw, s);
    for (int y = 0; y < src.h; ++y)
        for (int x = 0; x < dw; ++x)
            for (std::size_t k = 0; k < tx.w[std::size_t(x)].size(); ++k) {
                const float* p = &src.px[(std::size_t(y) * std::size_t(src.w) + std::size_t(tx.first[std::size_t(x)]) + k) * 4];
                float* q = &mid.px[(std::size_t(y) * std::size_t(dw) + std::size_t(x)) * 4];
                for (int c = 0; c < 4; ++c) q[c] += p[c] * tx.w[std::size_t(x)][k];
            }
    out.resize(dw, dh);
    Taps ty = taps(src.h, dh, s);
    for (int y = 0; y < dh; ++y)
        for (std::size_t k = 0; k < ty.w[std::size_t(y)].size(); ++k) {
            const float* row = &mid.px[(std::size_t(ty.first[std::size_t(y)]) + k) * std::size_t(dw) * 4];
            float* q = &out.px[std::size_t(y) * std::size_t(dw) * 4];
            float wgt = ty.w[std::size_t(y)][k];
            for (int i = 0; i < dw * 4; ++i) q[i] += row[i] * wgt;
        }
    return out;
}

// ImGui blends straight alpha (SRC_ALPHA, ONE_MINUS_SRC_ALPHA): undo the
// premultiplication FreeType's colour bitmaps come with.
std::vector<std::uint32_t> to_straight(const Canvas& c, bool colored) {
    std::vector<std::uint32_t> out(std::size_t(c.w) * std::size_t(c.h));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const float* p = &c.px[i * 4];
        float a = std::clamp(p[3], 0.f, 1.f);
        auto byte = [](float v) { return std::uint32_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
        std::uint32_t r = 255, g = 255, b = 255;
        if (colored) {
            if (a > 0) { r = byte(p[0] / a); g = byte(p[1] / a); b = byte(p[2] / a); }
            else r = g = b = 0;
        }
        out[i] = (byte(a) << 24) | (b << 16) | (g << 8) | r;
    }
    return out;
}

struct Face {
    FT_Face ft = nullptr;
    hb_font_t* hb = nullptr;
};

struct Piece { int x, y; FT_Bitmap bmp; std::vector<unsigned char> copy; };

} // namespace

struct Rasterizer::Impl {
    const TextLibraries* api = nullptr;  // set by start_freetype(); nullptr: every glyph on demand is a box
    FT_Library lib = nullptr;
    bool fc_ready = false;
    std::string emoji_path;
    bool emoji_looked = false;
    std::map<std::string, Face> faces;
    FcFontSet* fallbacks = nullptr;
    float em_per_line = 1.f / 1.164f;  // DejaVu Sans; set_base_font measures the real one

    bool fc_tried = false;

    std::string base_font;
    bool base_measured = false;
    void measure_base();

    std::mutex busy;      // the warm-up thread and render() take turns
    std::thread warm_up;
    bool lib_tried = false;
    void start_freetype() {
        if (lib_tried) return;
        lib_tried = true;
        api = text_libraries();
        if (!api || api->FT_Init_FreeType(&lib)) lib = nullptr;
    }
    // fontconfig reads its configuration and font caches (megabytes): only
    // once a character needs it, not at start.
    bool fontconfig() {
        if (!fc_tried) {
            fc_tried = true;
            start_freetype();
            fc_ready = api && api->FcInit();
        }
        return fc_ready;
    }
    ~Impl() {
        if (warm_up.joinable()) warm_up.join();
        for (auto& [k, f] : faces) {
            if (f.hb) api->hb_font_destroy(f.hb);
            else if (f.ft) api->FT_Done_Face(f.ft);
        }
        if (fallbacks) api->FcFontSetDestroy(fallbacks);
        if (lib) api->FT_Done_FreeType(lib);
    }

    Face* face(const std::string& path, int index) {
        std::string key = path + "#" + std::to_string(index);
        auto it = faces.find(key);
        if (it != faces.end()) return it->second.ft ? &it->second : nullptr;
        Face& f = faces[key];
        if (!lib || api->FT_New_Face(lib, path.c_str(), index, &f.ft)) {
            f.ft = nullptr;
            return nullptr;
        }
        f.hb = api->hb_ft_font_create_referenced(f.ft);  // owns the FT_Face from here
        api->FT_Done_Face(f.ft);  // drop our reference; HarfBuzz's keeps it alive
        return &f;
    }

    const std::string& emoji_font() {
        if (emoji_looked) return emoji_path;
        emoji_looked = true;
        if (fontconfig()) {
            FcPattern* pat = api->FcNameParse(reinterpret_cast<const FcChar8*>("emoji:color=true"));
            api->FcConfigSubstitute(nullptr, pat, FcMatchPattern);
            api->FcDefaultSubstitute(pat);
            FcResult res;
            if (FcPattern* m = api->FcFontMatch(nullptr, pat, &res)) {
                FcChar8* file = nullptr;
                FcBool color = FcFalse;
                api->FcPatternGetBool(m, FC_COLOR, 0, &color);
                if (color && api->FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) emoji_path = reinterpret_cast<char*>(file);
                api->FcPatternDestroy(m);
            }
            api->FcPatternDestroy(pat);
        }
        if (emoji_path.empty()) {
            const char* known = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
            if (std::ifstream(known)) emoji_path = known;
        }
        return emoji_path;
    }

    // Fonts in fontconfig's order of preference for sans-serif text.
    FcFontSet* fallback_list() {
        if (fallbacks || !fontconfig()) return fallbacks;
        FcPattern* pat = api->FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
        api->FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        api->FcDefaultSubstitute(pat);
        FcResult res;
        fallbacks = api->FcFontSort(nullptr, pat, FcFalse, nullptr, &res);
        api->FcPatternDestroy(pat);
        return fallbacks;
    }

    // The first non-colour font covering every visible code point.
    Face* covering_font(const std::vector<char32_t>& cps) {
        FcFontSet* set = fallback_list();
        if (!set) return nullptr;
        for (int i = 0; i < set->nfont; ++i) {
            FcPattern* p = set->fonts[i];
            FcBool color = FcFalse;
            api->FcPatternGetBool(p, FC_COLOR, 0, &color);
            FcCharSet* cs = nullptr;
            if (color || api->FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch) continue;
            bool all = true;
            for (char32_t c : cps)
                if (!ignorable(c) && !api->FcCharSetHasChar(cs, c)) { all = false; break; }
            if (!all) continue;
            FcChar8* file = nullptr;
            int index = 0;
            if (api->FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
            api->FcPatternGetInteger(p, FC_INDEX, 0, &index);
            if (Face* f = face(reinterpret_cast<char*>(file), index)) return f;
        }
        return nullptr;
    }

    // Shapes `cluster` with `f` at its current size and draws every glyph into
    // a canvas in the font's pixels. False when the font lacks a glyph.
    bool draw(Face& f, std::string_view cluster, bool color, Canvas& out, float& left, float& top, float& advance) {
        api->hb_ft_font_changed(f.hb);
        hb_buffer_t* buf = api->hb_buffer_create();
        api->hb_buffer_add_utf8(buf, cluster.data(), int(cluster.size()), 0, int(cluster.size()));
        api->hb_buffer_guess_segment_properties(buf);
        api->hb_shape(f.hb, buf, nullptr, 0);
        unsigned n = 0;
        hb_glyph_info_t* info = api->hb_buffer_get_glyph_infos(buf, &n);
        hb_glyph_position_t* pos = api->hb_buffer_get_glyph_positions(buf, &n);
        std::vector<Piece> pieces;
        bool ok = n > 0;
        float pen = 0;
        int x_min = 1 << 30, y_min = 1 << 30, x_max = -(1 << 30), y_max = -(1 << 30);
        for (unsigned i = 0; ok && i < n; ++i) {
            if (info[i].codepoint == 0) { ok = false; break; }
            FT_Int32 flags = color ? FT_LOAD_COLOR | FT_LOAD_RENDER : FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT;
            if (api->FT_Load_Glyph(f.ft, info[i].codepoint, flags)) { ok = false; break; }
            FT_GlyphSlot g = f.ft->glyph;
            Piece p{};
            p.x = int(std::lround(pen + float(pos[i].x_offset) / 64.f)) + g->bitmap_left;
            p.y = -int(std::lround(float(pos[i].y_offset) / 64.f)) - g->bitmap_top;
            p.bmp = g->bitmap;
            std::size_t bytes = std::size_t(std::abs(g->bitmap.pitch)) * g->bitmap.rows;
            p.copy.assign(g->bitmap.buffer, g->bitmap.buffer + bytes);
            pen += float(pos[i].x_advance) / 64.f;
            if (g->bitmap.width > 0 && g->bitmap.rows > 0) {
                x_min = std::min(x_min, p.x); y_min = std::min(y_min, p.y);
                x_max = std::max(x_max, p.x + int(g->bitmap.width)); y_max = std::max(y_max, p.y + int(g->bitmap.rows));
            }
            pieces.push_back(std::move(p));
        }
        api->hb_buffer_destroy(buf);
        if (!ok) return false;
        advance = pen;
        if (x_max <= x_min) {  // nothing visible (a space of another script)
            out.resize(0, 0);
            left = top = 0;
            return true;
        }
        out.resize(x_max - x_min, y_max - y_min);
        left = float(x_min);
        top = float(-y_min);
        for (const Piece& p : pieces) {
            const FT_Bitmap& b = p.bmp;
            for (unsigned y = 0; y < b.rows; ++y) {
                const unsigned char* row = p.copy.data() + std::size_t(y) * std::size_t(std::abs(b.pitch));
                for (unsigned x = 0; x < b.width; ++x) {
                    int cx = p.x - x_min + int(x), cy = p.y - y_min + int(y);
                    if (b.pixel_mode == FT_PIXEL_MODE_BGRA) {
                        const unsigned char* q = row + x * 4;  // premultiplied B, G, R, A
                        out.over(cx, cy, q[2] / 255.f, q[1] / 255.f, q[0] / 255.f, q[3] / 255.f);
                    } else if (b.pixel_mode == FT_PIXEL_MODE_GRAY) {
                        float a = row[x] / 255.f;
                        out.over(cx, cy, a, a, a, a);
                    } else if (b.pixel_mode == FT_PIXEL_MODE_MONO) {
                        float a = (row[x / 8] >> (7 - x % 8)) & 1 ? 1.f : 0.f;
                        out.over(cx, cy, a, a, a, a);
                    }
                }
            }
        }
        return true;
    }

    // Scales a drawn canvas to one target and places it on the line.
    GlyphImage place(const Canvas& c, float left, float top, float advance, float scale, const GlyphTarget& t, bool colored) {
        GlyphImage img;
        img.colored = colored;
        if (c.w == 0) {
            img.advance = std::round(advance * scale);
            return img;
        }
        float fit = std::min({1.f, float(t.max_w) / (float(c.w) * scale), float(t.max_h) / (float(c.h) * scale)});
        scale *= fit;
        int w = std::clamp(int(std::lround(float(c.w) * scale)), 1, t.max_w);
        int h = std::clamp(int(std::lround(float(c.h) * scale)), 1, t.max_h);
        Canvas scaled = resample(c, w, h, scale);
        img.w = w;
        img.h = h;
        img.rgba = to_straight(scaled, colored);
        img.x0 = std::round(left * scale);
        img.y0 = std::round(t.ascent_px - top * scale);
        // The line holds it whole: a tall glyph moves down rather than past the top.
        img.y0 = std::clamp(img.y0, 0.f, std::max(0.f, t.line_px - float(h)));
        img.advance = std::max(std::round(advance * scale), img.x0 + float(w));
        return img;
    }

    GlyphImage box(const GlyphTarget& t) {
        float em = t.line_px * em_per_line;
        GlyphImage img;
        img.w = std::min(t.max_w, std::max(3, int(std::lround(em * 0.55f))));
        img.h = std::min(t.max_h, std::max(4, int(std::lround(em * 0.72f))));
        int stroke = std::max(1, int(std::lround(em / 14.f)));
        img.rgba.assign(std::size_t(img.w) * std::size_t(img.h), 0x00FFFFFFu);
        for (int y = 0; y < img.h; ++y)
            for (int x = 0; x < img.w; ++x)
                if (x < stroke || y < stroke || x >= img.w - stroke || y >= img.h - stroke)
                    img.rgba[std::size_t(y) * std::size_t(img.w) + std::size_t(x)] = 0xB0FFFFFFu;
        img.x0 = std::round(em * 0.08f);
        img.y0 = std::max(0.f, std::round(t.ascent_px - float(img.h)));
        img.advance = img.x0 + float(img.w) + std::round(em * 0.08f);
        return img;
    }
};

Rasterizer& Rasterizer::instance() {
    static Rasterizer r;  // FreeType starts when the first glyph is drawn
    return r;
}

Rasterizer::Rasterizer() : impl_(new Impl) {}
Rasterizer::~Rasterizer() { delete impl_; }

void Rasterizer::set_base_font(const std::string& ttf_path) {
    std::lock_guard lock(impl_->busy);
    impl_->base_font = ttf_path;  // measured when a glyph is first drawn: nothing at start
    impl_->base_measured = false;
    impl_->em_per_line = 1.f / 1.164f;
}

void Rasterizer::Impl::measure_base() {
    if (base_measured) return;
    base_measured = true;
    if (base_font.empty() || !lib) return;
    FT_Face f = nullptr;
    if (api->FT_New_Face(lib, base_font.c_str(), 0, &f)) return;
    // stb_truetype sizes a font so that hhea ascent - descent is the pixel size.
    float line_units = float(f->ascender - f->descender);
    if (line_units > 0 && f->units_per_EM > 0) em_per_line = float(f->units_per_EM) / line_units;
    api->FT_Done_Face(f);
}

bool Rasterizer::has_emoji_font() {
    std::lock_guard lock(impl_->busy);
    impl_->start_freetype();
    return !impl_->emoji_font().empty();
}

void Rasterizer::warm_up_in_background() {
    Impl& m = *impl_;
    if (m.warm_up.joinable()) return;
    m.warm_up = std::thread([&m] {
        std::lock_guard lock(m.busy);
        m.start_freetype();
        m.measure_base();
        // Shaping and drawing one emoji loads what the first real one would
        // wait for: HarfBuzz's tables for the font (its ZWJ ligatures), the
        // bitmap index, the PNG decoder.
        if (!m.emoji_font().empty())
            if (Face* f = m.face(m.emoji_font(), 0)) {
                if (FT_HAS_FIXED_SIZES(f->ft)) m.api->FT_Select_Size(f->ft, 0);
                Canvas c;
                float left, top, advance;
                m.draw(*f, "\xF0\x9F\x98\x8A", true, c, left, top, advance);
            }
        m.fallback_list();
    });
}

std::vector<GlyphImage> Rasterizer::render(std::string_view cluster, const std::vector<GlyphTarget>& targets, GlyphSource* source) {
    Impl& m = *impl_;
    std::lock_guard lock(m.busy);
    m.start_freetype();
    m.measure_base();
    std::vector<GlyphImage> out;
    std::vector<char32_t> cps = codepoints(cluster);
    if (std::all_of(cps.begin(), cps.end(), ignorable)) {  // a lone joiner or selector: draws nothing
        out.resize(targets.size());
        if (source) *source = GlyphSource::FallbackFont;
        return out;
    }
    Canvas canvas;
    float left = 0, top = 0, advance = 0;
    if (wants_emoji(cluster) && !m.emoji_font().empty()) {
        if (Face* f = m.face(m.emoji_font(), 0)) {
            float ppem = 0;
            if (FT_HAS_FIXED_SIZES(f->ft)) {
                int best = 0;  // the largest strike: crisp at any size once scaled down
                for (int i = 1; i < f->ft->num_fixed_sizes; ++i)
                    if (f->ft->available_sizes[i].y_ppem > f->ft->available_sizes[best].y_ppem) best = i;
                m.api->FT_Select_Size(f->ft, best);
                ppem = float(f->ft->size->metrics.y_ppem);
            } else {
                ppem = 128;
                m.api->FT_Set_Pixel_Sizes(f->ft, 0, FT_UInt(ppem));
            }
            if (ppem > 0 && m.draw(*f, cluster, true, canvas, left, top, advance)) {
                for (const GlyphTarget& t : targets)
                    out.push_back(m.place(canvas, left, top, advance, t.line_px * m.em_per_line / ppem, t, true));
                if (source) *source = GlyphSource::EmojiFont;
                return out;
            }
        }
    }
    if (Face* f = m.covering_font(cps)) {
        bool ok = true;
        for (const GlyphTarget& t : targets) {
            float em = t.line_px * m.em_per_line;
            m.api->FT_Set_Char_Size(f->ft, 0, FT_F26Dot6(std::lround(em * 64.f)), 72, 72);
            if (!m.draw(*f, cluster, false, canvas, left, top, advance)) { ok = false; break; }
            out.push_back(m.place(canvas, left, top, advance, 1.f, t, false));
        }
        if (ok) {
            if (source) *source = GlyphSource::FallbackFont;
            return out;
        }
        out.clear();
    }
    for (const GlyphTarget& t : targets) out.push_back(m.box(t));
    if (source) *source = GlyphSource::Box;
    return out;
}

bool wants_emoji(std::string_view cluster) {
    std::vector<char32_t> cps = codepoints(cluster);
    if (cps.empty()) return false;
    bool text_style = false;
    for (char32_t c : cps) {
        if (c == 0xFE0E) text_style = true;
        if (c == 0xFE0F || c == 0x20E3 || c == 0x200D || in(c, 0x1F3FB, 0x1F3FF) || in(c, 0x1F1E6, 0x1F1FF) ||
            in(c, 0xE0020, 0xE007F))
            return true;
    }
    char32_t base = cps.front();
    return !text_style && (in(base, 0x1F000, 0x1FAFF) || in(base, 0x2700, 0x27BF) || in(base, 0x2600, 0x26FF));
}

} // namespace hearth::ui::text
