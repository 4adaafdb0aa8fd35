#include "charts.h"
#include "text/glyphs.h"

#include "units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hearth::ui {

void week_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series, float width) {
    std::size_t weeks = spec.week_labels.size();
    ImGui::TextUnformatted(spec.title);
    float height = spec.height > 0 ? spec.height : em(6);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(spec.id, ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    if (weeks == 0) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    double max = spec.min + 1;
    if (spec.max) {
        max = *spec.max;
    } else {
        for (const auto& s : series)
            for (const auto& v : s.values)
                if (v) max = std::max(max, *v);
        max = std::ceil(max);  // a whole number at the top of the scale
    }
    const float label_h = ImGui::GetTextLineHeight();
    const float plot_h = height - label_h - em(0.3f);
    const float top = p.y + label_h * 0.5f;  // room for the top of the scale's label
    auto y_of = [&](double v) { return p.y + plot_h - float((v - spec.min) / (max - spec.min)) * (p.y + plot_h - top); };

    // The scale: its top and floor in a gutter at the left, a faint line at the top.
    char top_label[32], floor_label[32];
    const char* axis = spec.axis_format ? spec.axis_format : spec.format;
    std::snprintf(top_label, sizeof top_label, axis, max);
    std::snprintf(floor_label, sizeof floor_label, axis, spec.min);
    const float gutter = std::max(ImGui::CalcTextSize(top_label).x, ImGui::CalcTextSize(floor_label).x) + em(0.4f);
    const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(p.x + gutter - em(0.4f) - ImGui::CalcTextSize(top_label).x, top - label_h * 0.5f), faint, top_label);
    dl->AddText(ImVec2(p.x + gutter - em(0.4f) - ImGui::CalcTextSize(floor_label).x, p.y + plot_h - label_h * 0.5f), faint,
                floor_label);
    p.x += gutter;
    width = std::max(1.0f, width - gutter);
    const float slot = width / float(weeks);
    dl->AddLine(ImVec2(p.x, top), ImVec2(p.x + width, top), ImGui::GetColorU32(ImGuiCol_Separator, 0.5f));
    dl->AddLine(ImVec2(p.x, p.y + plot_h), ImVec2(p.x + width, p.y + plot_h), ImGui::GetColorU32(ImGuiCol_Separator));
    int hover = hovered ? std::clamp(int((ImGui::GetIO().MousePos.x - p.x) / slot), 0, int(weeks) - 1) : -1;
    if (hover >= 0)
        dl->AddRectFilled(ImVec2(p.x + slot * float(hover), p.y), ImVec2(p.x + slot * float(hover + 1), p.y + plot_h),
                          ImGui::GetColorU32(ImGuiCol_FrameBg));
    const std::size_t n = std::max<std::size_t>(1, series.size());
    for (std::size_t si = 0; si < series.size(); ++si) {
        const auto& s = series[si];
        std::optional<ImVec2> prev;
        for (std::size_t w = 0; w < weeks && w < s.values.size(); ++w) {
            if (!s.values[w]) {
                prev.reset();  // a gap, not a zero
                continue;
            }
            double v = std::clamp(*s.values[w], spec.min, max);
            float x0 = p.x + slot * float(w);
            if (spec.bars) {
                float bw = slot * 0.7f / float(n);
                float bx = x0 + slot * 0.15f + bw * float(si);
                dl->AddRectFilled(ImVec2(bx, y_of(v)), ImVec2(bx + bw - 1, p.y + plot_h), s.color, 2.0f);
            } else {
                // Series side by side within the week, so equal values do not hide each other.
                float offset = (float(si) - float(n - 1) / 2) * std::min(em(0.45f), slot * 0.2f);
                ImVec2 pt(x0 + slot * 0.5f + offset, y_of(v));
                if (prev) dl->AddLine(*prev, pt, s.color, 2.0f);
                dl->AddCircleFilled(pt, em(0.22f), s.color);
                prev = pt;
            }
        }
    }
    // Week labels: every other one when space is tight, counted back from
    // the latest week so that this week always has its label.
    const std::size_t every = slot < ImGui::CalcTextSize("W00 ").x ? 2 : 1;
    for (std::size_t w = (weeks - 1) % every; w < weeks; w += every) {
        const std::string& l = spec.week_labels[w];
        float tx = p.x + slot * (float(w) + 0.5f) - ImGui::CalcTextSize(l.c_str()).x / 2;
        dl->AddText(ImVec2(tx, p.y + plot_h + em(0.2f)), ImGui::GetColorU32(ImGuiCol_TextDisabled), l.c_str());
    }
    if (hover >= 0) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(spec.week_labels[std::size_t(hover)].c_str());
        for (const auto& s : series) {
            const auto& v = std::size_t(hover) < s.values.size() ? s.values[std::size_t(hover)] : std::nullopt;
            char buf[32];
            if (v) std::snprintf(buf, sizeof buf, spec.format, *v);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.color), "%s: %s", shown(s.name), v ? buf : "\xE2\x80\x94");
        }
        ImGui::EndTooltip();
    }
}

} // namespace hearth::ui
