#pragma once
// A text field that never changes what was typed, even in a build whose
// ImWchar is 16 bits: characters above U+FFFF (emoji) travel through the field
// as private-use placeholders (see AstralGuard in model/utf8.h), including when
// typed or pasted, and come back as the original bytes. The placeholders are
// the code points text/glyphs.h draws each cluster with (one per emoji
// sequence), so the box shows the emoji, not a stand-in.
#include "device_store.h"
#include "utf8.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

namespace hearth::ui {

class GuardedText {
public:
    // Never loaded, the field still edits the glyphs shown() draws: the guard
    // shares their placeholders from the start.
    GuardedText();
    GuardedText(const GuardedText&) = delete;
    GuardedText& operator=(const GuardedText&) = delete;
    ~GuardedText();
    // Starts editing `original`. False (and the field read-only) when the text
    // cannot be edited safely by this build.
    bool load(const std::string& original);
    // Empties the field (and forgets its draft, once what it held was saved).
    void clear();

    // Keeps what is typed as a draft in this machine's store under `key` as it
    // is typed, so text not yet saved survives closing Hearth or a crash;
    // restores a kept draft now. Call once, for fields that start something new
    // (not for editing a row).
    void keep_draft(DeviceStore& device, std::string key);
    // What the user sees typed, restored to the original characters.
    std::string value() const;
    bool editable() const { return editable_; }
    bool empty() const { return buffer_.empty(); }
    // What the editor holds (placeholders included), for tests.
    const std::string& edited() const { return buffer_; }

    // Multi-line input. Returns true when Enter was pressed (Ctrl+Enter makes a
    // new line); `changed` is set when the text changed this frame.
    //
    // Every box where the couple writes treats Enter the same way: Enter does
    // the box's saving (the button beside it: "Save appreciation", "Save the
    // memory", "Save the plan", "Add to the bank"; where the text is kept as
    // it is typed, as in the weekly review, Enter says it is saved and the
    // cursor stays in the box, so what is typed next is not lost), Ctrl+Enter
    // starts a new line, and enter_hint() says so under the box.
    bool multiline(const char* label, ImVec2 size, bool* changed = nullptr);
    // The cursor comes back into the field the next time it is drawn.
    void refocus() { refocus_ = true; }
    bool single_line(const char* label, const char* hint, bool* changed = nullptr);

    // Queues a typed character (past ASCII, or after one in the same frame); it
    // is inserted at the cursor by the field's callback, as a placeholder when
    // the atlas cannot draw it or it joins the character before it (ImGui
    // drops private-use characters typed on the keyboard, but not ones a
    // callback inserts).
    void queue_typed(char32_t cp);
    bool has_pending() const { return !pending_.empty(); }
    // The field is being edited (it has the keyboard) this frame or the last.
    bool active() const;

    // Inserts `utf8` (an emoji from the picker) where the cursor last was in
    // this field (its end when it was never edited); the cursor lands after it
    // when the field is next active. False when the field is read-only.
    bool insert_at_cursor(std::string_view utf8);

private:
    friend int guarded_callback(ImGuiInputTextCallbackData* data);
    void track_focus();
    void after_input(const std::string& before, bool* changed);
    void insert_pending(ImGuiInputTextCallbackData* data);
    void write_draft();
    AstralGuard guard_;
    std::string pending_;
    std::string buffer_;
    bool editable_ = true;
    bool cursor_to_end_ = false;  // on the next activation that is not a click
    bool refocus_ = false;
    int cursor_ = -1;             // byte offset in buffer_ while last active
    int place_cursor_ = -1;       // where the next activation puts the cursor
    DeviceStore* drafts_ = nullptr;
    std::string draft_key_;
    bool draft_unsaved_ = false;  // the last draft write failed; retried as the field draws
};

// The last draft write that failed (the device store on a full disk, say), or
// none when every field's draft is written: the window shows it, and the text
// stays in its field. Never thrown out of a frame.
std::optional<DbError> draft_failure();

// Under a multi-line box: what Enter does there (see multiline()).
// `kept_as_typed`: the box has no save button; its text is kept as typed.
void enter_hint(bool kept_as_typed = false);

// Called by the platform layer for each typed code point. Returns the code point
// to hand to ImGui, or 0 when a focused guarded field took it (above U+FFFF).
unsigned int route_typed_codepoint(unsigned int cp);
// What was typed since the last frame outside any guarded field, as UTF-8,
// emoji included (ImGui's own input queue holds U+FFFD for them): for a panel
// that reads keys itself, as Talk's hidden answer does.
std::string_view typed_outside_fields();
// Forgets it (a new ImGui context: tests).
void forget_typed_outside_fields();
// Wraps io's clipboard functions (call after the platform backend set them) so
// text crossing the clipboard is translated for the focused guarded field.
void wrap_clipboard(ImGuiIO& io);

} // namespace hearth::ui
