#include "raster_png.h"

#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hearth::test {

namespace {

struct Rgba {
    float r, g, b, a;
};

Rgba unpack(ImU32 c) {
    return {float((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.f, float((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.f,
            float((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.f, float((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.f};
}

} // namespace

bool write_frame_png(const std::string& file) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return false;
    const int w = int(dd->DisplaySize.x), h = int(dd->DisplaySize.y);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    std::vector<float> px(std::size_t(w) * std::size_t(h) * 3);
    for (std::size_t i = 0; i < px.size(); i += 3) {
        px[i] = bg.x;
        px[i + 1] = bg.y;
        px[i + 2] = bg.z;
    }
    unsigned char* tex = nullptr;
    int tw = 0, th = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&tex, &tw, &th);
    const ImVec2 off = dd->DisplayPos;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const int cx0 = std::max(0, int(std::floor(cmd.ClipRect.x - off.x)));
            const int cy0 = std::max(0, int(std::floor(cmd.ClipRect.y - off.y)));
            const int cx1 = std::min(w, int(std::ceil(cmd.ClipRect.z - off.x)));
            const int cy1 = std::min(h, int(std::ceil(cmd.ClipRect.w - off.y)));
            for (unsigned int e = 0; e + 2 < cmd.ElemCount + 0u; e += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k)
                    v[k] = &list->VtxBuffer[int(cmd.VtxOffset + list->IdxBuffer[int(cmd.IdxOffset + e + unsigned(k))])];
                const float x0 = v[0]->pos.x - off.x, y0 = v[0]->pos.y - off.y;
                const float x1 = v[1]->pos.x - off.x, y1 = v[1]->pos.y - off.y;
                const float x2 = v[2]->pos.x - off.x, y2 = v[2]->pos.y - off.y;
                const float area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
                if (std::fabs(area) < 1e-6f) continue;
                const int bx0 = std::max(cx0, int(std::floor(std::min({x0, x1, x2}))));
                const int by0 = std::max(cy0, int(std::floor(std::min({y0, y1, y2}))));
                const int bx1 = std::min(cx1, int(std::ceil(std::max({x0, x1, x2}))));
                const int by1 = std::min(cy1, int(std::ceil(std::max({y0, y1, y2}))));
                const Rgba c0 = unpack(v[0]->col), c1 = unpack(v[1]->col), c2 = unpack(v[2]->col);
                for (int y = by0; y < by1; ++y) {
                    for (int x = bx0; x < bx1; ++x) {
                        const float px_ = float(x) + 0.5f, py_ = float(y) + 0.5f;
                        const float w0 = ((x1 - px_) * (y2 - py_) - (x2 - px_) * (y1 - py_)) / area;
                        const float w1 = ((x2 - px_) * (y0 - py_) - (x0 - px_) * (y2 - py_)) / area;
                        const float w2 = 1.0f - w0 - w1;
                        if (w0 < -1e-4f || w1 < -1e-4f || w2 < -1e-4f) continue;
                        const float u = w0 * v[0]->uv.x + w1 * v[1]->uv.x + w2 * v[2]->uv.x;
                        const float t = w0 * v[0]->uv.y + w1 * v[1]->uv.y + w2 * v[2]->uv.y;
                        const int tx = std::clamp(int(u * float(tw)), 0, tw - 1);
                        const int ty = std::clamp(int(t * float(th)), 0, th - 1);
                        const unsigned char* s = tex + (std::size_t(ty) * std::size_t(tw) + std::size_t(tx)) * 4;
                        const float a = (w0 * c0.a + w1 * c1.a + w2 * c2.a) * float(s[3]) / 255.f;
                        if (a <= 0) continue;
                        const float r = (w0 * c0.r + w1 * c1.r + w2 * c2.r) * float(s[0]) / 255.f;
                        const float g = (w0 * c0.g + w1 * c1.g + w2 * c2.g) * float(s[1]) / 255.f;
                        const float b = (w0 * c0.b + w1 * c1.b + w2 * c2.b) * float(s[2]) / 255.f;
                        float* d = &px[(std::size_t(y) * std::size_t(w) + std::size_t(x)) * 3];
                        d[0] = r * a + d[0] * (1 - a);
                        d[1] = g * a + d[1] * (1 - a);
                        d[2] = b * a + d[2] * (1 - a);
                    }
                }
            }
        }
    }
    std::vector<unsigned char> out(std::size_t(w) * std::size_t(h) * 3);
    for (std::size_t i = 0; i < px.size(); ++i) out[i] = (unsigned char)std::clamp(int(px[i] * 255.f + 0.5f), 0, 255);
    return stbi_write_png(file.c_str(), w, h, 3, out.data(), w * 3) != 0;
}

} // namespace hearth::test
