#include "widgets.h"

#include "fonts.h"
#include "kit/date_field.h"
#include "theme.h"
#include "units.h"

#include <algorithm>
#include <cstdarg>

namespace hearth::ui {

void partner_label(const Partner& p) {
    // A text glyph (U+25CF) rather than a drawn circle, so the dot sits on the
    // text's line wherever the row is aligned.
    ImGui::TextColored(to_imvec4(p.color), "\xE2\x97\x8F");
    ImGui::SameLine(0, em(0.25f));
    ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopStyleColor();
}

bool partner_picker(const char* id, const Couple& couple, int& slot) {
    bool changed = false;
    ImGui::PushID(id);
    for (int s = 0; s < 2; ++s) {
        const Partner& p = couple.partner(s);
        bool on = slot == s;
        ImVec4 col = to_imvec4(p.color, on ? 1.0f : 0.18f);
        ImGui::PushStyleColor(ImGuiCol_Button, col);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imvec4(p.color, on ? 0.9f : 0.35f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_imvec4(p.color, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : partner_text_color(p.color));
        ImGui::PushID(s);
        std::string label = (on ? "\xE2\x9C\x93 " : "") + p.name;  // ✓
        if (ImGui::Button(label.c_str())) {
            changed = slot != s;
            slot = s;
        }
        ImGui::PopID();
        ImGui::PopStyleColor(4);
        if (s == 0) ImGui::SameLine();
    }
    ImGui::PopID();
    return changed;
}

void inline_error(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, error_text());
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void muted(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text());
    ImGui::TextWrappedV(fmt, args);
    ImGui::PopStyleColor();
    va_end(args);
}

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

namespace {
struct CardFrame {
    ImVec2 min;
    float width;
};
ImVector<CardFrame> g_cards;
} // namespace

void begin_card(const char* title, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImVec2 pad = em2(1.0f, 0.8f);
    ImVec2 min = ImGui::GetCursorScreenPos();
    g_cards.push_back({min, width});
    // Content goes on channel 1; end_card() paints the background on channel 0
    // once the height is known.
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad.x, min.y + pad.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad.x);
    ImGui::PushItemWidth(width - 2 * pad.x);
    if (title && *title) heading(title);
}

void same_line_or_wrap(float width, float spacing) {
    ImGui::SameLine(0, spacing);
    float right = g_cards.empty() ? ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x
                                  : g_cards.back().min.x + g_cards.back().width - em(1.0f);
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

std::string fit_with_ellipsis(std::string_view text, float width) {
    const char* b = text.data();
    const char* e = b + text.size();
    if (ImGui::CalcTextSize(b, e).x <= width) return std::string(text);
    const char* ellipsis = "\xE2\x80\xA6";
    float room = width - ImGui::CalcTextSize(ellipsis).x;
    const char* end = nullptr;
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), std::max(0.0f, room), 0.0f, b, e, &end);
    // Back to the start of a UTF-8 character.
    while (end > b && (static_cast<unsigned char>(*end) & 0xC0) == 0x80) --end;
    return std::string(b, end) + ellipsis;
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float card_content_width() {
    if (g_cards.empty()) return ImGui::GetContentRegionAvail().x;
    return g_cards.back().width - 2 * em(1.0f);
}

void end_card() {
    CardFrame card = g_cards.back();
    g_cards.pop_back();
    ImVec2 pad = em2(1.0f, 0.8f);
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + pad.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(card.min, ImVec2(card.min.x + card.width, bottom), card_background(), ImGui::GetStyle().ChildRounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(card.min);
    ImGui::Dummy(ImVec2(card.width, bottom - card.min.y));
}

bool day_picker(const char* id, Date& day, Date latest) { return kit::date_field(id, day, latest, latest); }

void meter(float fraction, ImU32 color, const char* label, float width) {
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), h * 0.3f);
    if (fraction > 0)
        dl->AddRectFilled(pos, ImVec2(pos.x + std::max(h * 0.6f, width * fraction), pos.y + h), color, h * 0.3f);
    ImVec2 ts = ImGui::CalcTextSize(label);
    dl->AddText(ImVec2(pos.x + em(0.5f), pos.y + (h - ts.y) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), label);
    ImGui::Dummy(ImVec2(width, h));
}

} // namespace hearth::ui
