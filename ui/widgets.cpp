#include "widgets.h"

#include "fonts.h"
#include "kit/date_field.h"
#include "theme.h"
#include "units.h"
#include "text/glyphs.h"
#include "utf8.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdarg>
#include <utility>

namespace hearth::ui {

void partner_label(const Partner& p) {
    // A text glyph (U+25CF) rather than a drawn circle, so the dot sits on the
    // text's line wherever the row is aligned.
    ImGui::TextColored(to_imvec4(p.color), "\xE2\x97\x8F");
    ImGui::SameLine(0, em(0.25f));
    ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
    ImGui::TextUnformatted(shown(p.name));
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
        if (ImGui::Button(shown(label))) {
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
    // Wrapped as TextWrapped does: at the wrap a card set, else the window's edge.
    const bool no_wrap_set = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (no_wrap_set) ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(shown(message));
    if (no_wrap_set) ImGui::PopTextWrapPos();
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

namespace {
// Only marks that end or close something: nothing to start a line with.
bool only_closing_punctuation(std::string_view word) {
    static constexpr std::string_view kMarks[] = {".", ",", ";", ":", "!", "?", "\"", "'", ")",
                                                  "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6"};  // ” ’ …
    while (!word.empty()) {
        bool matched = false;
        for (std::string_view m : kMarks)
            if (word.starts_with(m)) {
                word.remove_prefix(m.size());
                matched = true;
                break;
            }
        if (!matched) return false;
    }
    return true;
}

void wrap_paragraph(std::string_view text, float width) {
    auto w = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    const char* line = text.data();
    const char* line_end = line;  // the end of what fits so far
    std::size_t pos = 0;
    while (pos < text.size()) {
        // The next unit: a word with any punctuation-only words after it.
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        while (end < text.size()) {
            std::size_t next = text.find(' ', end + 1);
            if (next == std::string_view::npos) next = text.size();
            if (!only_closing_punctuation(text.substr(end + 1, next - end - 1))) break;
            end = next;
        }
        const char* unit_end = text.data() + end;
        if (line_end != line && w(std::string_view(line, std::size_t(unit_end - line))) > width) {
            ImGui::TextUnformatted(line, line_end);
            line = text.data() + pos;
        }
        line_end = unit_end;
        pos = end + 1;
    }
    ImGui::TextUnformatted(line, line_end);  // a word wider than the line is wrapped by ImGui
}
} // namespace

void text_wrapped_whole(std::string_view text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrap_pos = window->DC.TextWrapPos >= 0.0f ? window->DC.TextWrapPos : 0.0f;
    // A pixel of room: ImGui adds glyph advances its own way.
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos) - 1.0f;
    ImGui::PushTextWrapPos(wrap_pos);
    ImGui::BeginGroup();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        wrap_paragraph(text.substr(start, end - start), width);
        start = end + 1;
    }
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
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

namespace {
bool g_draw_again = false;
}
void draw_again() { g_draw_again = true; }
bool take_draw_again() { return std::exchange(g_draw_again, false); }

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

namespace {
std::vector<ImVec4> g_highlights;
int g_highlights_frame = -1;
} // namespace

const std::vector<ImVec4>& highlights_drawn() {
    if (g_highlights_frame != ImGui::GetFrameCount()) g_highlights.clear();
    return g_highlights;
}

float draw_highlighted(ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view text, const TextRanges& matches,
                       const ImVec4* clip) {
    if (g_highlights_frame != ImGui::GetFrameCount()) {
        g_highlights.clear();
        g_highlights_frame = ImGui::GetFrameCount();
    }
    // Pieces between match edges are mapped one by one: a match never cuts a
    // character, and shown() changes byte lengths, so offsets are taken on
    // the stored text and widths on what is drawn.
    struct Piece {
        std::string_view drawn;
        float x, w;
        bool match;
    };
    std::vector<Piece> pieces;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    float x = pos.x;
    std::size_t at = 0;
    auto add = [&](std::size_t b, std::size_t e, bool match) {
        if (e <= b) return;
        std::string_view v = shown(text.substr(b, e - b));
        float w = font->CalcTextSizeA(size, 1e9f, 0.0f, v.data(), v.data() + v.size()).x;
        pieces.push_back({v, x, w, match});
        x += w;
    };
    // A match covers whole clusters: the index sees "1" in the keycap 1️⃣.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); i = std::max(cluster_end(text, i), i + 1)) starts.push_back(i);
    starts.push_back(text.size());
    auto snap_down = [&](std::size_t p) { return *(std::upper_bound(starts.begin(), starts.end(), p) - 1); };
    auto snap_up = [&](std::size_t p) { return *std::lower_bound(starts.begin(), starts.end(), p); };
    for (auto [b, e] : matches) {
        b = snap_down(std::min(std::max(b, at), text.size()));
        e = snap_up(std::min(e, text.size()));
        b = std::max(b, at);
        if (e <= b) continue;
        add(at, b, false);
        add(b, e, true);
        at = e;
    }
    add(at, text.size(), false);
    // Marks first, then the text over them, so the line reads as one run.
    const float pad = em(0.1f);
    const ImU32 mark = ImGui::GetColorU32(ImVec4(1.0f, 0.78f, 0.2f, 0.45f));
    if (clip) dl->PushClipRect(ImVec2(clip->x, clip->y), ImVec2(clip->z, clip->w), true);
    for (const Piece& p : pieces) {
        if (!p.match) continue;
        ImVec2 a(p.x - pad, pos.y), b(p.x + p.w + pad, pos.y + size);
        dl->AddRectFilled(a, b, mark, size * 0.25f);
        g_highlights.push_back(ImVec4(a.x, a.y, b.x, b.y));
    }
    for (const Piece& p : pieces)
        dl->AddText(font, size, ImVec2(p.x, pos.y), col, p.drawn.data(), p.drawn.data() + p.drawn.size());
    if (clip) dl->PopClipRect();
    return x - pos.x;
}

void highlighted_text(std::string_view text, const TextRanges& matches) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float w = draw_highlighted(ImGui::GetWindowDrawList(), pos, ImGui::GetColorU32(ImGuiCol_Text), text, matches);
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

} // namespace hearth::ui
