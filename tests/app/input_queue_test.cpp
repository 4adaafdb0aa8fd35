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

InputEvent key(int k, bool down) {
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.code = k;
    e.down = down;
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
std::vector<std::string> frames_of(InputQueue& q) {
    std::vector<std::string> out;
    while (!q.empty()) {
        std::string f;
        for (const InputEvent& e : q.take_frame()) {
            if (!f.empty()) f += ' ';
            switch (e.kind) {
            case InputEvent::Kind::key:
                f += e.code == GLFW_KEY_LEFT_CONTROL ? std::string("ctrl") : std::string(1, char(e.code));
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
