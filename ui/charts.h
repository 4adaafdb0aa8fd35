#pragma once
// Small weekly charts drawn with ImDrawList: one value per week for each of up
// to two series (the partners, in their colours), with the scale's top and
// floor written at the left. Hovering shows the week's values. Missing values
// (no check-in that week) leave a gap, never a zero.
#include <imgui.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace hearth::ui {

struct ChartSeries {
    std::string name;
    ImU32 color = 0;
    std::vector<std::optional<double>> values;  // one per week, oldest first
};

struct ChartSpec {
    const char* id = "chart";
    const char* title = "";
    std::vector<std::string> week_labels;        // one per week, e.g. "W39"
    double min = 0;                              // the axis floor
    std::optional<double> max;                   // the axis ceiling (default: the largest value)
    const char* format = "%.0f";                 // value format in the tooltip
    const char* axis_format = nullptr;           // the scale's top and floor (default: format)
    bool bars = true;                            // bars side by side, else lines with dots
    float height = 0;                            // 0: 6 em
};

void week_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series, float width);

} // namespace hearth::ui
