#include "guarded_text.h"

#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace hearth::ui {
namespace {
// The field that had keyboard focus when last drawn, and its guard.
GuardedText* g_focused = nullptr;
AstralGuard* g_focused_guard = nullptr;
int g_focused_frame = -1;
// Fields whose last draft write failed, and that failure.
int g_drafts_unsaved = 0;
std::optional<DbError> g_draft_failure;

bool focus_is_current() {
    return g_focused && ImGui::GetCurrentContext() && ImGui::GetFrameCount() - g_focused_frame <= 1;
}
} // namespace

GuardedText::~GuardedText() {
    if (draft_unsaved_ && --g_drafts_unsaved == 0) g_draft_failure.reset();
    if (g_focused == this) {
        g_focused = nullptr;
        g_focused_guard = nullptr;
    }
}

GuardedText::GuardedText() : guard_(&placeholder_pool()) {}

bool GuardedText::load(const std::string& original) {
    guard_ = AstralGuard{&placeholder_pool()};
    auto encoded = guard_.encode(original);
    editable_ = encoded.has_value();
    buffer_ = encoded ? *encoded : original;
    cursor_ = place_cursor_ = -1;
    return editable_;
}

std::string GuardedText::value() const { return guard_.restore(buffer_); }

void GuardedText::clear() {
    load({});
    write_draft();
}

std::optional<DbError> draft_failure() { return g_draft_failure; }

// A draft that cannot be written (the disk is full) must not take the window
// down: the text stays in the field, the window says the draft is not kept,
// and the write is tried again each time the field draws until it succeeds.
void GuardedText::write_draft() {
    if (!drafts_) return;
    try {
        drafts_->set_draft(draft_key_, value());
        if (draft_unsaved_) {
            draft_unsaved_ = false;
            if (--g_drafts_unsaved == 0) g_draft_failure.reset();
        }
    } catch (const DbError& e) {
        if (!draft_unsaved_) {
            draft_unsaved_ = true;
            ++g_drafts_unsaved;
        }
        g_draft_failure = e;
    }
}

void GuardedText::keep_draft(DeviceStore& device, std::string key) {
    drafts_ = &device;
    draft_key_ = std::move(key);
    if (buffer_.empty()) load(device.draft(draft_key_));
}

void GuardedText::after_input(const std::string& before, bool* changed) {
    bool differs = before != buffer_;
    if (changed) *changed = differs;
    if (differs || draft_unsaved_) write_draft();
}

bool GuardedText::active() const { return focus_is_current() && g_focused == this; }

void GuardedText::track_focus() {
    if (ImGui::IsItemActive()) {
        if (g_focused != this) warm_up_glyphs();
        g_focused = this;
        g_focused_guard = &guard_;
        g_focused_frame = ImGui::GetFrameCount();
    } else if (g_focused == this) {
        g_focused = nullptr;
        g_focused_guard = nullptr;
    }
}

void GuardedText::queue_typed(char32_t cp) { append_utf8(pending_, cp); }

// Inserts what was typed this frame at the cursor, as placeholders where
// needed. A typed character that attaches to the one before the cursor (a skin
// tone, VS16, a ZWJ and what it joins, the second half of a flag, a keycap, a
// combining accent) makes one cluster with it, drawn as one glyph.
void GuardedText::insert_pending(ImGuiInputTextCallbackData* data) {
    if (data->HasSelection()) {
        int a = std::min(data->SelectionStart, data->SelectionEnd), b = std::max(data->SelectionStart, data->SelectionEnd);
        data->DeleteChars(a, b - a);
    }
    std::string typed = pending_;
    pending_.clear();
    int at = data->CursorPos;
    if (at > 0) {
        int p = at - 1;
        while (p > 0 && (static_cast<unsigned char>(data->Buf[p]) & 0xC0) == 0x80) --p;
        std::string before = guard_.restore(std::string_view(data->Buf + p, std::size_t(at - p)));
        std::string joined = before + typed;
        if (cluster_end(joined, 0) > before.size()) {
            data->DeleteChars(p, at - p);
            typed = std::move(joined);
        }
    }
    if (auto encoded = guard_.encode(typed)) {
        ensure_glyphs(*encoded);
        data->InsertChars(data->CursorPos, encoded->c_str());
    }
}

bool GuardedText::insert_at_cursor(std::string_view utf8) {
    if (!editable_ || utf8.empty()) return false;
    if (focus_is_current() && g_focused == this) {
        // The field is being edited: its callback inserts at the live cursor.
        pending_.append(utf8);
        return true;
    }
    auto encoded = guard_.encode(utf8);
    if (!encoded) return false;
    ensure_glyphs(*encoded);
    std::size_t at = cursor_ < 0 || std::size_t(cursor_) > buffer_.size() ? buffer_.size() : std::size_t(cursor_);
    while (at > 0 && at < buffer_.size() && (static_cast<unsigned char>(buffer_[at]) & 0xC0) == 0x80) --at;
    std::string before = buffer_;
    buffer_.insert(at, *encoded);
    cursor_ = place_cursor_ = int(at + encoded->size());
    after_input(before, nullptr);
    return true;
}

int guarded_callback(ImGuiInputTextCallbackData* data) {
    auto* self = static_cast<GuardedText*>(data->UserData);
    // Text that was there before the field took the keys (a restored draft, a
    // row being edited) is continued, not typed in front of; a click still puts
    // the cursor where it lands.
    if (self->place_cursor_ >= 0) {
        self->cursor_to_end_ = false;
        int at = std::min(self->place_cursor_, data->BufTextLen);
        self->place_cursor_ = -1;
        if (!ImGui::GetIO().MouseDown[0]) data->CursorPos = data->SelectionStart = data->SelectionEnd = at;
    }
    if (self->cursor_to_end_) {
        self->cursor_to_end_ = false;
        if (!ImGui::GetIO().MouseDown[0]) data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    }
    if (!self->editable_) self->pending_.clear();
    if (!self->pending_.empty()) self->insert_pending(data);
    self->cursor_ = data->CursorPos;
    return 0;
}

bool GuardedText::multiline(const char* label, ImVec2 size, bool* changed) {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine |
                                ImGuiInputTextFlags_CallbackAlways;
    if (!editable_) flags |= ImGuiInputTextFlags_ReadOnly;
    std::string before = buffer_;
    ensure_glyphs(buffer_);
    if (refocus_) {
        ImGui::SetKeyboardFocusHere();
        refocus_ = false;
    }
    bool enter = ImGui::InputTextMultiline(label, &buffer_, size, flags, guarded_callback, this);
    if (!ImGui::IsItemActive()) cursor_to_end_ = !buffer_.empty();
    track_focus();
    after_input(before, changed);
    return enter;
}

bool GuardedText::single_line(const char* label, const char* hint, bool* changed) {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways;
    if (!editable_) flags |= ImGuiInputTextFlags_ReadOnly;
    std::string before = buffer_;
    ensure_glyphs(buffer_);
    if (refocus_) {
        ImGui::SetKeyboardFocusHere();
        refocus_ = false;
    }
    bool enter = ImGui::InputTextWithHint(label, shown(hint), &buffer_, flags, guarded_callback, this);
    if (!ImGui::IsItemActive()) cursor_to_end_ = !buffer_.empty();
    track_focus();
    after_input(before, changed);
    return enter;
}

void enter_hint(bool kept_as_typed) {
    ImGui::TextDisabled(kept_as_typed ? "Kept as you type \xC2\xB7 Enter saves \xC2\xB7 Ctrl+Enter starts a new line"
                                      : "Enter saves \xC2\xB7 Ctrl+Enter starts a new line");
}

namespace {
std::string g_typed_outside;
int g_typed_outside_frame = -1;  // the frame before which it was typed
ImGuiContext* g_typed_outside_context = nullptr;
} // namespace

std::string_view typed_outside_fields() {
    if (!ImGui::GetCurrentContext() || ImGui::GetCurrentContext() != g_typed_outside_context ||
        g_typed_outside_frame != ImGui::GetFrameCount() - 1)
        return {};
    return g_typed_outside;
}

void forget_typed_outside_fields() {
    g_typed_outside.clear();
    g_typed_outside_frame = -1;
    g_typed_outside_context = nullptr;
}

unsigned int route_typed_codepoint(unsigned int cp) {
    // Every character past ASCII goes through the focused field's guard (it may
    // need a placeholder, or join the character before it into one glyph), and
    // so does everything typed after it in the same frame, to keep the order.
    if (cp > 0x10FFFF) return cp;
    if (!focus_is_current()) {
        if (ImGui::GetCurrentContext()) {
            if (g_typed_outside_frame != ImGui::GetFrameCount() || g_typed_outside_context != ImGui::GetCurrentContext())
                g_typed_outside.clear();
            g_typed_outside_frame = ImGui::GetFrameCount();
            g_typed_outside_context = ImGui::GetCurrentContext();
            append_utf8(g_typed_outside, char32_t(cp));
        }
        return cp;
    }
    if (cp < 0x80 && !g_focused->has_pending()) return cp;
    g_focused->queue_typed(char32_t(cp));
    return 0;
}

namespace {
const char* (*g_platform_get)(void*) = nullptr;
void (*g_platform_set)(void*, const char*) = nullptr;
void* g_platform_user = nullptr;
std::string g_clipboard;

const char* get_clipboard(void*) {
    const char* raw = g_platform_get ? g_platform_get(g_platform_user) : nullptr;
    g_clipboard = raw ? raw : "";
    if (focus_is_current() && g_focused_guard)
        if (auto encoded = g_focused_guard->encode(g_clipboard)) g_clipboard = *encoded;
    return g_clipboard.c_str();
}

void set_clipboard(void*, const char* text) {
    std::string out = text ? text : "";
    if (focus_is_current() && g_focused_guard) out = g_focused_guard->restore(out);
    if (g_platform_set) g_platform_set(g_platform_user, out.c_str());
}
} // namespace

void wrap_clipboard(ImGuiIO& io) {
    if (io.GetClipboardTextFn == get_clipboard) return;
    g_platform_get = io.GetClipboardTextFn;
    g_platform_set = io.SetClipboardTextFn;
    g_platform_user = io.ClipboardUserData;
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
}

} // namespace hearth::ui
