#pragma once
// Pieces of the conflict-break screens shared by the breaks panel, the banner
// every screen shows while a break runs, and the quick "I need a break" popup.
#include "app_context.h"
#include "breathing.h"
#include "breaks.h"

#include <string>

namespace hearth::ui {

// The ring and the time left, readable across the room: `radius` in pixels.
void countdown_ring(const BreakView& b, const Partner& caller, float radius);

// A circle that grows as you breathe in and shrinks as you breathe out, with
// the phase in words. Asks for frames only while it is drawn.
void breathing_pacer(AppContext& ctx, const BreathingRhythm& rhythm, float radius);

// The "I need a break" button and its popup: two clicks from any screen, or
// Ctrl+B then 1 or 2 (the partner). Starts a break of the default length.
void quick_break_button(AppContext& ctx, float width = -1.0f);

// A strip with every active break, for panels other than the breaks panel.
void break_banner(AppContext& ctx);

// The plain note where the conflict tools start.
void safety_note();

} // namespace hearth::ui
