#pragma once
// Small widgets every panel shares: partner names in their colours, the
// "who is this from" picker, cards, inline errors, a day picker.
#include "couple.h"
#include "time_util.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth::ui {

// A filled dot and the name, in the partner's colour.
void partner_label(const Partner& p);
// Two toggle buttons, one per partner, each in its colour. Returns true on change.
bool partner_picker(const char* id, const Couple& couple, int& slot);
// Refusal text right below the field it is about.
void inline_error(const std::string& message);
void muted(const char* fmt, ...) IM_FMTARGS(1);
// Text wrapped at spaces only, a run of punctuation (the "..." of a sentence
// stem, a closing quote, a full stop after a quote) kept with the word before
// it: ImGui's own wrapping may start a line with "...â" or a lone ".".
// Lines after the first start where the first did (after SameLine, too).
void text_wrapped_whole(std::string_view text);
void heading(const char* text);

// A rounded card as tall as its content, `width` wide (0: the rest of the row),
// with an optional heading; always pair with end_card(). Cards do not nest.
void begin_card(const char* title, float width = 0.0f);
void end_card();
// Inside a card: the width available to content.
float card_content_width();
// Keeps the next item of `width` on this row when it fits (inside the current
// card, or the window), else starts a new row: rows reflow on small windows.
void same_line_or_wrap(float width, float spacing = -1.0f);

// A control changed something already drawn earlier in this frame (a day
// field's text left of the arrow clicked): the loop draws one more frame at
// once rather than showing the stale words until the next input.
void draw_again();
bool take_draw_again();
// `text` as it fits in `width` in the current font: cut at a character with
// "…" when too long (a one-line preview in a list).
std::string fit_with_ellipsis(std::string_view text, float width);
// The width ImGui::Button(label) takes: for same_line_or_wrap.
float button_width(const char* label);

// "◀ Sun 22 Nov 2026 ▶  Go to today" (kit::date_field, stepped). Never moves past
// `latest`, where "Go to today" goes. Returns true on change.
bool day_picker(const char* id, Date& day, Date latest);

// Horizontal bar of `value / max` in a colour, with a label inside.
void meter(float fraction, ImU32 color, const char* label, float width);

// Search matches, [begin, end) in bytes of the text they are in.
using TextRanges = std::vector<std::pair<std::size_t, std::size_t>>;
// Draws the couple's `text` on one line at `pos` (through shown()), with a
// rounded mark behind each matched range; clipped to `clip` when given.
// Returns the width drawn.
float draw_highlighted(ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view text, const TextRanges& matches,
                       const ImVec4* clip = nullptr);
// The same as an item where the cursor is (one line).
void highlighted_text(std::string_view text, const TextRanges& matches);
// For tests: the marks drawn behind matches in the current frame.
const std::vector<ImVec4>& highlights_drawn();

} // namespace hearth::ui
