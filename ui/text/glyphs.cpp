#include "text/glyphs.h"

#include "text/rasterizer.h"

#include <algorithm>
#include <bitset>
#include <chrono>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace hearth::ui {
namespace {

constexpr char32_t kFirstPrivate = 0xE000;
constexpr char32_t kLastPrivate = 0xF8FF;
constexpr int kInitialSlots = 64;

bool is_private(char32_t c) { return c >= kFirstPrivate && c <= kLastPrivate; }

// Cluster <-> private-use code point, for the whole run (text boxes hold these
// code points across atlas rebuilds).
class Pool final : public PlaceholderPool {
public:
    std::optional<char32_t> placeholder_for(std::string_view cluster) override {
        auto it = by_cluster_.find(std::string(cluster));
        if (it != by_cluster_.end()) return it->second;
        if (clusters_.size() > std::size_t(kLastPrivate - kFirstPrivate)) return std::nullopt;
        char32_t cp = kFirstPrivate + char32_t(clusters_.size());
        clusters_.emplace_back(cluster);
        by_cluster_.emplace(std::string(cluster), cp);
        return cp;
    }
    const std::string* original(char32_t placeholder) const override {
        if (!is_private(placeholder)) return nullptr;
        std::size_t i = placeholder - kFirstPrivate;
        return i < clusters_.size() ? &clusters_[i] : nullptr;
    }
    bool needs_placeholder(std::string_view cluster) const override;
    int size() const { return int(clusters_.size()); }

private:
    std::vector<std::string> clusters_;
    std::unordered_map<std::string, char32_t> by_cluster_;
};

struct Slot {
    ImFont* font = nullptr;
    std::vector<int> rect;  // per private-use code point: custom rect index
    int w = 0, h = 0;
};

struct AtlasState {
    ImFontAtlas* atlas = nullptr;
    std::vector<Slot> fonts;
    int capacity = 0;            // private-use code points with rects
    std::vector<bool> drawn;     // per code point, in this atlas
    std::bitset<0x10000> covered;
    bool wants_rebuild = false;
};

struct CacheEntry {
    std::string mapped;
    std::vector<char32_t> placeholders;
    unsigned generation = 0;
    int last_frame = 0;
};

// Looks texts up by string_view, without copying them.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

Pool g_pool;
AtlasState g_atlas;
unsigned g_generation = 0;
std::function<void(int, int, int, int, const std::uint32_t*)> g_upload;
std::unordered_map<std::string, CacheEntry, TextHash, std::equal_to<>> g_cache;
int g_last_sweep = 0;
GlyphStats g_stats;

bool cluster_drawable(std::string_view cluster) {
    char32_t cp;
    std::size_t n = decode_utf8(cluster, 0, cp);
    if (n == 0 || n != cluster.size()) return false;  // several code points: a sequence
    return atlas_covers(cp);
}

bool Pool::needs_placeholder(std::string_view cluster) const { return !cluster_drawable(cluster); }

int current_frame() { return ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0; }

// Time allowed for drawing new glyphs in one frame (0: no limit).
double g_budget_ms = 0;
int g_budget_frame = -1;
double g_spent_ms = 0;
bool g_waiting = false;

// Draws the cluster behind `cp` into every font's rect and uploads them; false
// when this frame's budget is spent (drawn on a later frame).
bool draw_placeholder(char32_t cp) {
    AtlasState& a = g_atlas;
    std::size_t i = cp - kFirstPrivate;
    if (!a.atlas || !ImGui::GetCurrentContext() || ImGui::GetIO().Fonts != a.atlas) return true;
    if (i >= std::size_t(a.capacity)) {
        a.wants_rebuild = true;
        return true;
    }
    if (a.drawn[i]) return true;
    const std::string* cluster = g_pool.original(cp);
    if (!cluster) return true;
    int frame = ImGui::GetFrameCount();
    if (frame != g_budget_frame) {
        g_budget_frame = frame;
        g_spent_ms = 0;
    }
    if (g_budget_ms > 0 && g_spent_ms >= g_budget_ms) {
        g_waiting = true;
        return false;
    }
    a.drawn[i] = true;
    auto start = std::chrono::steady_clock::now();
    std::vector<text::GlyphTarget> targets;
    std::vector<const Slot*> slots;  // the fonts with a rect for this code point
    for (const Slot& s : a.fonts)
        if (i < s.rect.size()) {
            targets.push_back({s.font->FontSize, s.font->Ascent, s.w, s.h});
            slots.push_back(&s);
        }
    text::GlyphSource source;
    std::vector<text::GlyphImage> images = text::Rasterizer::instance().render(*cluster, targets, &source);

    // The CPU copy in RGBA while the atlas has one (headless tests read it);
    // none once the app has freed it (GetTexDataAsRGBA32 would then build the
    // whole atlas again and lose the reserved rects' glyphs).
    if (!a.atlas->TexPixelsRGBA32 && a.atlas->TexPixelsAlpha8) {
        unsigned char* pixels = nullptr;
        a.atlas->GetTexDataAsRGBA32(&pixels, nullptr, nullptr);
    }
    const int tex_w = a.atlas->TexWidth, tex_h = a.atlas->TexHeight;
    auto* texels = reinterpret_cast<std::uint32_t*>(a.atlas->TexPixelsRGBA32);
    std::vector<std::uint32_t> rect;
    for (std::size_t f = 0; f < slots.size() && f < images.size(); ++f) {
        const Slot& s = *slots[f];
        const text::GlyphImage& img = images[f];
        const ImFontAtlasCustomRect* r = a.atlas->GetCustomRectByIndex(s.rect[i]);
        rect.assign(std::size_t(r->Width) * std::size_t(r->Height), 0u);
        for (int y = 0; y < img.h && y < r->Height; ++y)
            std::memcpy(&rect[std::size_t(y) * std::size_t(r->Width)], img.rgba.data() + std::size_t(y) * std::size_t(img.w),
                        std::size_t(std::min(img.w, int(r->Width))) * 4);
        if (texels)
            for (int y = 0; y < r->Height; ++y)
                std::memcpy(texels + std::size_t(r->Y + y) * std::size_t(tex_w) + r->X, &rect[std::size_t(y) * std::size_t(r->Width)],
                            std::size_t(r->Width) * 4);
        auto* g = const_cast<ImFontGlyph*>(s.font->FindGlyphNoFallback(ImWchar(cp)));
        if (!g) continue;
        g->X0 = img.x0;
        g->Y0 = img.y0;
        g->X1 = img.x0 + float(img.w);
        g->Y1 = img.y0 + float(img.h);
        g->U0 = float(r->X) / float(tex_w);
        g->V0 = float(r->Y) / float(tex_h);
        g->U1 = float(r->X + img.w) / float(tex_w);
        g->V1 = float(r->Y + img.h) / float(tex_h);
        g->AdvanceX = img.advance;
        g->Colored = img.colored;
        g->Visible = img.w > 0 && img.h > 0;
        if (int(cp) < s.font->IndexAdvanceX.Size) s.font->IndexAdvanceX[int(cp)] = img.advance;
        if (g_upload) g_upload(r->X, r->Y, r->Width, r->Height, rect.data());
    }
    ++g_stats.drawn;
    if (source == text::GlyphSource::EmojiFont) ++g_stats.emoji;
    else if (source == text::GlyphSource::FallbackFont) ++g_stats.fallback;
    else ++g_stats.boxes;
    g_stats.last_draw_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    g_spent_ms += g_stats.last_draw_ms;
    return true;
}

// Every code point drawable by itself and nothing that joins: no copy needed.
bool plain_text(std::string_view s) {
    bool plain = true;
    for (std::size_t i = 0; i < s.size() && plain;) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        char32_t cp;
        std::size_t n = decode_utf8(s, i, cp);
        plain = n != 0 && cp != 0x200D && atlas_covers(cp);
        i += n;
    }
    return plain;
}

// Replaces each cluster the atlas cannot draw with its placeholder.
void map_text(std::string_view s, std::string& out, std::vector<char32_t>& placeholders) {
    out.clear();
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t end = cluster_end(s, i);
        std::string_view cluster = s.substr(i, end - i);
        std::optional<char32_t> ph;
        char32_t first;
        // Broken bytes stay as they are: ImGui draws them as the fallback box.
        if (decode_utf8(cluster, 0, first) != 0 && !cluster_drawable(cluster)) ph = g_pool.placeholder_for(cluster);
        if (ph) {
            append_utf8(out, *ph);
            placeholders.push_back(*ph);
        } else {
            out.append(cluster);
        }
        i = end;
    }
}

const std::string* mapped_text(std::string_view s) {
    auto it = g_cache.find(s);
    int frame = current_frame();
    if (it == g_cache.end()) {
        CacheEntry e;
        map_text(s, e.mapped, e.placeholders);
        e.generation = g_generation - 1;  // not yet drawn
        it = g_cache.emplace(std::string(s), std::move(e)).first;
    }
    CacheEntry& e = it->second;
    e.last_frame = frame;
    if (e.generation != g_generation) {
        bool all = true;
        for (char32_t cp : e.placeholders) all = draw_placeholder(cp) && all;
        if (all) e.generation = g_generation;
    }
    // Forget texts not drawn for a while (pointers handed out stay valid for
    // far longer than the frame that used them).
    if (frame - g_last_sweep > 600) {
        g_last_sweep = frame;
        for (auto j = g_cache.begin(); j != g_cache.end();)
            j = frame - j->second.last_frame > 300 ? g_cache.erase(j) : std::next(j);
    }
    return &e.mapped;
}

const char* shown_view(std::string_view s, const char* original) {
    return plain_text(s) ? original : mapped_text(s)->c_str();
}

} // namespace

bool atlas_covers(char32_t cp) {
    if (cp < 0x80) return cp >= 0x20 || cp == '\n' || cp == '\t' || cp == '\r';
    return cp < 0x10000 && !is_private(cp) && g_atlas.covered.test(cp);
}

const char* shown(const std::string& utf8) {
    bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? utf8.c_str() : shown_view(utf8, utf8.c_str());
}

const char* shown(const char* utf8) {
    if (!utf8) return utf8;
    const char* p = utf8;
    while (*p && static_cast<unsigned char>(*p) < 0x80) ++p;
    return *p ? shown_view(std::string_view(utf8), utf8) : utf8;
}

std::string_view shown(std::string_view utf8) {
    return plain_text(utf8) ? utf8 : std::string_view(*mapped_text(utf8));
}

PlaceholderPool& placeholder_pool() { return g_pool; }

void ensure_glyphs(std::string_view mapped) {
    for (std::size_t i = 0; i < mapped.size();) {
        unsigned char c = static_cast<unsigned char>(mapped[i]);
        if (c != 0xEE && c != 0xEF) { ++i; continue; }  // U+E000..U+FFFF lead bytes
        char32_t cp;
        std::size_t n = decode_utf8(mapped, i, cp);
        if (n && is_private(cp) && g_pool.original(cp)) draw_placeholder(cp);
        i += n ? n : 1;
    }
}

void set_atlas_upload(std::function<void(int, int, int, int, const std::uint32_t*)> upload) { g_upload = std::move(upload); }

void set_glyph_time_budget(double ms_per_frame) { g_budget_ms = ms_per_frame; }

bool glyphs_waiting() {
    bool w = g_waiting;
    g_waiting = false;
    return w;
}

void warm_up_glyphs() { text::Rasterizer::instance().warm_up_in_background(); }

bool atlas_needs_rebuild() { return g_atlas.wants_rebuild; }

void reserve_glyph_slots(ImFontAtlas& atlas, const std::vector<ImFont*>& fonts, const std::string& base_ttf) {
    text::Rasterizer::instance().set_base_font(base_ttf);
    g_atlas = AtlasState{};
    g_atlas.atlas = &atlas;
    int capacity = kInitialSlots;
    while (capacity < g_pool.size() * 2) capacity *= 2;
    capacity = std::min(capacity, int(kLastPrivate - kFirstPrivate + 1));
    g_atlas.capacity = capacity;
    g_atlas.drawn.assign(std::size_t(capacity), false);
    float body_line = 0;
    for (ImFont* f : fonts) {
        if (!f) continue;
        Slot s;
        s.font = f;
        float line = 0;  // the font's size, known before Build() from its config only
        for (const ImFontConfig& c : atlas.ConfigData)
            if (c.DstFont == f && !c.MergeMode) line = c.SizePixels;
        if (line <= 0) continue;
        s.w = int(std::ceil(line * 1.25f));
        s.h = int(std::ceil(line * 1.05f));
        // Large fonts (the display font, 3.2 times the text) hold the first
        // clusters seen only (names come early): a script drawn wholly on
        // demand, thousands of CJK characters, would otherwise need a huge
        // texture. Past them, large text shows the fallback box.
        if (body_line <= 0) body_line = line;
        int rects = line > 2.f * body_line ? std::min(capacity, kLargeFontSlots) : capacity;
        for (int i = 0; i < rects; ++i)
            s.rect.push_back(atlas.AddCustomRectFontGlyph(f, ImWchar(kFirstPrivate + char32_t(i)), s.w, s.h, float(s.w)));
        g_atlas.fonts.push_back(std::move(s));
    }
    ++g_generation;
    g_stats.drawn = g_stats.emoji = g_stats.fallback = g_stats.boxes = 0;
}

void glyph_slots_built(ImFontAtlas& atlas) {
    if (g_atlas.atlas != &atlas || g_atlas.fonts.empty()) return;
    ImFont* body = g_atlas.fonts.front().font;
    for (const ImFontGlyph& g : body->Glyphs)
        if (g.Codepoint < 0x10000 && !is_private(g.Codepoint)) g_atlas.covered.set(g.Codepoint);
    // Reserved rects stay invisible until drawn.
    for (const Slot& s : g_atlas.fonts)
        for (std::size_t i = 0; i < s.rect.size(); ++i)
            if (auto* g = const_cast<ImFontGlyph*>(s.font->FindGlyphNoFallback(ImWchar(kFirstPrivate + char32_t(i))))) {
                g->Visible = false;
                g->X1 = g->X0;
            }
}

GlyphStats glyph_stats() {
    GlyphStats s = g_stats;
    s.clusters = g_pool.size();
    s.slots = g_atlas.capacity;
    return s;
}

std::optional<std::string> cluster_of(char32_t placeholder) {
    const std::string* s = g_pool.original(placeholder);
    return s ? std::optional<std::string>(*s) : std::nullopt;
}

} // namespace hearth::ui
