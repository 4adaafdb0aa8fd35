#pragma once
// The window's input, one frame's worth at a time. Dear ImGui 1.86 has no
// input queue: it reads the keys and buttons as they are when a frame starts,
// so a key pressed and released between two frames (xdotool's Ctrl+2, a quick
// typist, a click while the app slept) is never seen, and two clicks in one
// frame count as one. Events wait here and each frame takes them in order up to
// the first one that would change again something this frame already changed.
#include <cstddef>
#include <deque>
#include <vector>

namespace hearth::app {

struct InputEvent {
    enum class Kind { key, button, character, motion };
    Kind kind = Kind::key;
    int code = 0;          // the GLFW key or mouse button
    int scancode = 0;
    bool down = false;     // key or button: pressed (true) or released
    int mods = 0;
    unsigned codepoint = 0;
    double x = 0, y = 0;   // button and motion: where the pointer was
};

class InputQueue {
public:
    // Key repeats are not queued (ImGui makes its own from the time held).
    void push(const InputEvent& e);
    // The pointer moved: queued only while other events wait (so the frame that
    // replays them sees the pointer where it was), one position per run of moves.
    void moved(double x, double y);

    // The events of the next frame, oldest first. A frame takes at most one
    // pointer event (a move or a button), each key changes at most once, a
    // character key pressed after typed text waits for the next frame (ImGui
    // applies a frame's text before its keys), and Shift, Ctrl, Alt and Super
    // do not change in the frame a key is pressed (xdotool lets go of Ctrl as
    // it presses 2).
    // `typing`: a text box had the keyboard last frame. Then the keys that
    // only type (letters, digits, space, punctuation, without Ctrl, Alt or
    // Super) mean nothing to ImGui beyond their characters, and a whole run of
    // quick typing goes in one frame rather than one key per frame (which
    // lagged seconds behind fast typing). The run ends at the first other key
    // pressed or mouse button: it may move the keyboard out of the box.
    std::vector<InputEvent> take_frame(bool typing = false);
    bool empty() const { return events_.empty(); }
    std::size_t size() const { return events_.size(); }

    // Beyond this many waiting events, a frame takes everything (input from a
    // runaway source must not lag behind for seconds).
    static constexpr std::size_t kMaxWaiting = 512;

private:
    std::deque<InputEvent> events_;
};

bool is_modifier_key(int glfw_key);
// A key whose only meaning in a text box is the character it types.
bool is_typing_key(const InputEvent& e);

} // namespace hearth::app
