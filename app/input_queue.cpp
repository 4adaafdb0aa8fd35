#include "input_queue.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

namespace hearth::app {

bool is_modifier_key(int k) { return k >= GLFW_KEY_LEFT_SHIFT && k <= GLFW_KEY_RIGHT_SUPER; }

bool is_typing_key(const InputEvent& e) {
    if (e.kind != InputEvent::Kind::key) return false;
    if (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) return false;
    const int k = e.code;
    return (k >= GLFW_KEY_SPACE && k <= GLFW_KEY_GRAVE_ACCENT) || k == GLFW_KEY_WORLD_1 || k == GLFW_KEY_WORLD_2 ||
           (k >= GLFW_KEY_KP_0 && k <= GLFW_KEY_KP_ADD) || k == GLFW_KEY_KP_EQUAL;
}

void InputQueue::push(const InputEvent& e) { events_.push_back(e); }

void InputQueue::moved(double x, double y) {
    if (events_.empty()) return;  // nothing waits: the frame reads the pointer where it is
    if (events_.back().kind == InputEvent::Kind::motion) {
        events_.back().x = x;
        events_.back().y = y;
        return;
    }
    InputEvent e;
    e.kind = InputEvent::Kind::motion;
    e.x = x;
    e.y = y;
    events_.push_back(e);
}

std::vector<InputEvent> InputQueue::take_frame(bool typing) {
    std::vector<InputEvent> frame;
    if (events_.size() > kMaxWaiting) {
        frame.assign(events_.begin(), events_.end());
        events_.clear();
        return frame;
    }
    std::vector<int> keys_changed;
    bool pointer_used = false;
    bool text_typed = false;   // a character, or a key that types one, this frame
    bool key_pressed = false;  // a key other than Shift, Ctrl, Alt, Super: it sees them as they are
    while (!events_.empty()) {
        const InputEvent& e = events_.front();
        if (typing && is_typing_key(e)) {
            frame.push_back(e);
            events_.pop_front();
            continue;
        }
        const bool may_move_focus = e.kind == InputEvent::Kind::button ||
                                    (e.kind == InputEvent::Kind::key && e.down && !is_modifier_key(e.code));
        if (may_move_focus) typing = false;
        bool fits = true;
        switch (e.kind) {
        case InputEvent::Kind::motion:
        case InputEvent::Kind::button: fits = !pointer_used; break;
        case InputEvent::Kind::character: break;
        case InputEvent::Kind::key:
            fits = std::find(keys_changed.begin(), keys_changed.end(), e.code) == keys_changed.end() &&
                   !(e.down && text_typed && !is_modifier_key(e.code)) &&
                   !(is_modifier_key(e.code) && key_pressed);
            break;
        }
        if (!fits && !frame.empty()) break;
        switch (e.kind) {
        case InputEvent::Kind::motion:
        case InputEvent::Kind::button: pointer_used = true; break;
        case InputEvent::Kind::character: text_typed = true; break;
        case InputEvent::Kind::key:
            keys_changed.push_back(e.code);
            if (e.down && !is_modifier_key(e.code)) text_typed = key_pressed = true;
            break;
        }
        frame.push_back(e);
        events_.pop_front();
    }
    return frame;
}

} // namespace hearth::app
