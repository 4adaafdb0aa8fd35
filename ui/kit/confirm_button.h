#pragma once
// A button that asks before doing something that cannot be undone: the first
// click turns it into "Really ...", with a way back and a warning beside it.

namespace hearth::ui::kit {

struct ConfirmText {
    const char* ask;                   // "Delete plan"
    const char* really;                // "Really delete"
    const char* keep = "Keep it";
    const char* warning = nullptr;     // shown while asking
};

// `asking` is the caller's (so it can be reset when the subject changes).
// True on the frame the second click confirms; `asking` is then false again.
bool confirm_button(const ConfirmText& text, bool& asking);

} // namespace hearth::ui::kit
