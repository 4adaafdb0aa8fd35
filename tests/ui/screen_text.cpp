#include "screen_text.h"

#include "text/glyphs.h"

#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace hearth::test {
namespace {

void append_utf8(std::string& out, unsigned int cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
    else { out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
}

struct GlyphKey {
    float u0, v0, u1, v1;
    bool operator<(const GlyphKey& o) const {
        return std::tie(u0, v0, u1, v1) < std::tie(o.u0, o.v0, o.u1, o.v1);
    }
};

// A glyph as its font placed it: where its drawn shape sits from the pen, how
// far the pen moves on, and how far a space would have moved it.
struct GlyphInfo {
    unsigned int codepoint;
    float x0, y0, y1, advance, space;
};

std::map<GlyphKey, GlyphInfo> glyph_table() {
    std::map<GlyphKey, GlyphInfo> table;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
        const ImFontGlyph* space = font->FindGlyphNoFallback(' ');
        const float space_advance = space ? space->AdvanceX : font->FontSize / 3;
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible)
                table.emplace(GlyphKey{g.U0, g.V0, g.U1, g.V1}, GlyphInfo{g.Codepoint, g.X0, g.Y0, g.Y1, g.AdvanceX, space_advance});
    }
    return table;
}

bool inside(const ImVec2& a, const ImVec2& b, const ImVec4& clip, const ImVec2& display) {
    const float slack = 0.5f;
    return a.x >= std::max(clip.x, 0.0f) - slack && a.y >= std::max(clip.y, 0.0f) - slack &&
           b.x <= std::min(clip.z, display.x) + slack && b.y <= std::min(clip.w, display.y) + slack;
}

// Glyphs by their texture's rows: a glyph cut only at its sides keeps them.
std::set<std::tuple<float, float, float>> glyph_rows() {
    std::set<std::tuple<float, float, float>> rows;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) rows.emplace(g.U0, g.V0, g.V1);
    return rows;
}

} // namespace

std::vector<TextRun> screen_text() {
    std::vector<TextRun> runs;
    ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return runs;
    const auto table = glyph_table();
    const auto rows = glyph_rows();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            TextRun run;
            bool open = false;
            float last_pen = 0, last_y0 = 0, last_y1 = 0, height = 0;
            auto close = [&] {
                if (open && !run.text.empty()) runs.push_back(run);
                run = TextRun{};
                open = false;
            };
            // ImFont::RenderText writes each glyph as 4 vertices and 6 indices
            // (0,1,2, 0,2,3) with the glyph's corners' UVs at vertices 0 and 2.
            // Other shapes (a combo's arrow, a radio button's circle) are made
            // of triangles in other numbers: step over them three indices at a
            // time so the glyphs after them are still read.
            for (unsigned int i = cmd.IdxOffset, step = 6; i + 5 < cmd.IdxOffset + cmd.ElemCount; i += step) {
                const ImDrawIdx* idx = list->IdxBuffer.Data + i;
                const bool quad = idx[1] == idx[0] + 1 && idx[2] == idx[0] + 2 && idx[3] == idx[0] &&
                                  idx[4] == idx[0] + 2 && idx[5] == idx[0] + 3;
                step = quad ? 6 : 3;
                if (!quad) {
                    close();
                    continue;
                }
                const ImDrawVert& a = list->VtxBuffer[int(cmd.VtxOffset + idx[0])];
                const ImDrawVert& c = list->VtxBuffer[int(cmd.VtxOffset + idx[2])];
                auto it = table.find(GlyphKey{a.uv.x, a.uv.y, c.uv.x, c.uv.y});
                if (it == table.end()) {
                    // A textured quad whose UVs were cut down is a glyph that
                    // ImGui clipped on the CPU (a label too long for its frame).
                    const bool cut_glyph = open && a.uv.x != c.uv.x && a.uv.y != c.uv.y &&
                                           std::fabs(a.pos.y - last_y0) < height;
                    if (cut_glyph) {
                        run.fully_visible = false;
                        if (rows.count({a.uv.x, a.uv.y, c.uv.y})) run.cut_across = true;
                    }
                    else close();
                    continue;
                }
                const GlyphInfo& g = it->second;
                const float h = c.pos.y - a.pos.y;
                // Drawn scaled (AddText with another size) or at the font's own.
                const float scale = g.y1 > g.y0 ? h / (g.y1 - g.y0) : 1.0f;
                // The pen's gap from where the glyph before left it: about 0
                // between letters (ImGui 1.86 does not kern), a space's width
                // where a space was (spaces draw nothing).
                const float pen = a.pos.x - g.x0 * scale;
                const float gap = pen - last_pen;
                // On the line of the glyph before when their tops are close, or
                // their bottoms (a full stop after a tall letter sits low).
                const bool same_line = open &&
                                       (std::fabs(a.pos.y - last_y0) < height * 0.75f + 1 ||
                                        std::fabs(c.pos.y - last_y1) < height * 0.2f + 1) &&
                                       gap >= -1 && gap < height * 1.2f;
                if (open && !same_line) close();
                if (!open) {
                    run.min = a.pos;
                    run.max = c.pos;
                    run.clip = cmd.ClipRect;
                    open = true;
                    height = std::max(h, 1.0f);
                } else if (gap > g.space * scale * 0.5f) {
                    run.text += ' ';
                }
                height = std::max(height, h);  // the tallest so far: a run may start with a quote
                // A private-use glyph stands for the cluster shown() mapped
                // to it: read it as the person sees it (the emoji itself).
                if (auto cluster = ui::cluster_of(g.codepoint)) run.text += *cluster;
                else append_utf8(run.text, g.codepoint);
                run.min = ImVec2(std::min(run.min.x, a.pos.x), std::min(run.min.y, a.pos.y));
                run.max = ImVec2(std::max(run.max.x, c.pos.x), std::max(run.max.y, c.pos.y));
                if (!inside(a.pos, c.pos, cmd.ClipRect, display)) run.fully_visible = false;
                last_pen = pen + g.advance * scale;
                last_y0 = a.pos.y;
                last_y1 = c.pos.y;
            }
            close();
        }
    }
    return runs;
}

std::optional<TextRun> find_text(std::string_view needle, int nth) {
    for (const auto& r : screen_text())
        if (r.text.find(needle) != std::string::npos && nth-- == 0) return r;
    return std::nullopt;
}

std::string screen_dump() {
    std::string out;
    for (const auto& r : screen_text()) {
        out += r.text;
        if (!r.fully_visible) out += "   [clipped]";
        out += '\n';
    }
    return out;
}

bool shown(std::string needle) {
    std::string all;
    for (const auto& run : screen_text()) all += run.text;
    std::erase(all, ' ');
    std::erase(needle, ' ');
    return all.find(needle) != std::string::npos;
}

} // namespace hearth::test
