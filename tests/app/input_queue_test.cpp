// The window's input queue: what each frame hands Dear ImGui when events come
// faster than frames (xdotool, a quick hand, a click while the app slept).
#include "input_queue.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hearth::app;

namespace {

InputEvent key(int k, bool down, int mods = 0) {
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.code = k;
    e.down = down;
    e.mods = mods;
    return e;
}
InputEvent button(bool down, double x, double y) {
    InputEvent e;
    e.kind = InputEvent::Kind::button;
    e.code = GLFW_MOUSE_BUTTON_LEFT;
    e.down = down;
    e.x = x;
    e.y = y;
    return e;
}
InputEvent character(char c) {
    InputEvent e;
    e.kind = InputEvent::Kind::character;
    e.codepoint = unsigned(c);
    return e;
}

// Each frame as words: "ctrl+ 2+" is Ctrl and 2 pressed in one frame.
std::vector<std::string> frames_of(InputQueue& q, bool typing = false) {
    std::vector<std::string> out;
    while (!q.empty()) {
        std::string f;
        for (const InputEvent& e : q.take_frame(typing)) {
            if (!f.empty()) f += ' ';
            switch (e.kind) {
            case InputEvent::Kind::key:
                f += e.code == GLFW_KEY_LEFT_CONTROL ? std::string("ctrl")
                     : e.code == GLFW_KEY_ESCAPE    ? std::string("esc")
                     : e.code == GLFW_KEY_BACKSPACE ? std::string("bs")
                                                    : std::string(1, char(e.code));
                f += e.down ? '+' : '-';
                break;
            case InputEvent::Kind::character: f += '\'' + std::string(1, char(e.codepoint)) + '\''; break;
            case InputEvent::Kind::button:
                f += std::string(e.down ? "press@" : "release@") + std::to_string(int(e.x));
                break;
            case InputEvent::Kind::motion: f += "move@" + std::to_string(int(e.x)); break;
            }
        }
        out.push_back(f);
    }
    return out;
}

} // namespace

TEST_CASE("Ctrl+2 as xdotool sends it (Ctrl let go as 2 goes down) is one frame with both held") {
    InputQueue q;
    q.push(key(GLFW_KEY_LEFT_CONTROL, true));
    q.push(key('2', true));
    q.push(key(GLFW_KEY_LEFT_CONTROL, false));
    q.push(key('2', false));
    CHECK(frames_of(q) == std::vector<std::string>{"ctrl+ 2+", "ctrl- 2-"});
}

TEST_CASE("a click between two frames is a press frame then a release frame, and two clicks are four") {
    InputQueue q;
    q.push(button(true, 10, 0));
    q.push(button(false, 10, 0));
    q.push(button(true, 10, 0));
    q.push(button(false, 10, 0));
    CHECK(frames_of(q) == std::vector<std::string>{"press@10", "release@10", "press@10", "release@10"});
}

TEST_CASE("a quick drag keeps its move between the press and the release") {
    InputQueue q;
    q.moved(5, 0);  // nothing waits: not queued, the frame reads the pointer itself
    CHECK(q.empty());
    q.push(button(true, 5, 0));
    q.moved(40, 0);
    q.moved(90, 0);  // one position per run of moves
    q.push(button(false, 90, 0));
    CHECK(frames_of(q) == std::vector<std::string>{"press@5", "move@90", "release@90"});
}

TEST_CASE("typed text and keys keep their order: a key pressed after text waits a frame") {
    InputQueue q;
    for (char c : std::string("AB")) {
        q.push(key(c, true));
        q.push(character(char(c - 'A' + 'a')));
        q.push(key(c, false));
    }
    q.push(key('\x08', true));  // a key that types nothing (Backspace, say)
    q.push(key('\x08', false));
    CHECK(frames_of(q) == std::vector<std::string>{"A+ 'a'", "A- B+ 'b'", "B- \x08+", "\x08-"});
}

TEST_CASE("a flood of input is handed over at once rather than lagging behind") {
    InputQueue q;
    for (std::size_t i = 0; i <= InputQueue::kMaxWaiting; ++i) q.push(key('A', i % 2 == 0));
    CHECK(q.take_frame().size() == InputQueue::kMaxWaiting + 1);
    CHECK(q.empty());
}

// Typing into a text box: "Hello" as xdotool types it at 100 keys a second.
void type_into(InputQueue& q, const std::string& text) {
    for (char c : text) {
        const int k = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
        q.push(key(k, true));
        q.push(character(c));
        q.push(key(k, false));
    }
}

TEST_CASE("quick typing into a text box goes in one frame, not one key per frame") {
    InputQueue q;
    type_into(q, "hello you");
    const std::vector<std::string> frames = frames_of(q, /*typing=*/true);
    REQUIRE(frames.size() == 1);
    CHECK(frames[0] == "H+ 'h' H- E+ 'e' E- L+ 'l' L- L+ 'l' L- O+ 'o' O-  + ' '  - Y+ 'y' Y- O+ 'o' O- U+ 'u' U-");
}

TEST_CASE("outside a text box the same keys still come one change per frame (Y, N and digits answer there)") {
    InputQueue q;
    type_into(q, "yy");
    CHECK(frames_of(q) == std::vector<std::string>{"Y+ 'y'", "Y-", "Y+ 'y'", "Y-"});
}

TEST_CASE("while typing, Backspace waits for the text before it, and a key after Escape waits for Escape") {
    InputQueue q;
    type_into(q, "ab");
    q.push(key(GLFW_KEY_BACKSPACE, true));
    q.push(key(GLFW_KEY_BACKSPACE, false));
    type_into(q, "c");
    q.push(key(GLFW_KEY_ESCAPE, true));
    q.push(key(GLFW_KEY_ESCAPE, false));
    q.push(key('Y', true));
    q.push(key('Y', false));
    std::vector<std::string> frames;
    bool typing = true;  // as ImGui's WantTextInput would say: the box lets go once Escape is handled
    while (!q.empty()) {
        const std::vector<InputEvent> frame = q.take_frame(typing);
        std::string f;
        for (const InputEvent& e : frame) {
            if (!f.empty()) f += ' ';
            f += e.kind == InputEvent::Kind::character ? '\'' + std::string(1, char(e.codepoint)) + '\''
                 : e.code == GLFW_KEY_ESCAPE          ? std::string("esc")
                 : e.code == GLFW_KEY_BACKSPACE       ? std::string("bs")
                                                      : std::string(1, char(e.code));
            if (e.kind == InputEvent::Kind::key) f += e.down ? '+' : '-';
            if (e.kind == InputEvent::Kind::key && e.code == GLFW_KEY_ESCAPE && e.down) typing = false;
        }
        frames.push_back(f);
    }
    CHECK(frames == std::vector<std::string>{"A+ 'a' A- B+ 'b' B-", "bs+", "bs- C+ 'c' C-", "esc+", "esc- Y+", "Y-"});
}

TEST_CASE("while typing, Ctrl+V is a shortcut, not typing: V waits for the text before it") {
    InputQueue q;
    type_into(q, "a");
    q.push(key(GLFW_KEY_LEFT_CONTROL, true));
    q.push(key('V', true, GLFW_MOD_CONTROL));
    q.push(key('V', false, GLFW_MOD_CONTROL));
    q.push(key(GLFW_KEY_LEFT_CONTROL, false));
    CHECK(frames_of(q, true) == std::vector<std::string>{"A+ 'a' A- ctrl+", "V+", "V- ctrl-"});
}
