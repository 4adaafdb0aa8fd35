#pragma once
// The window's keys, mouse buttons, typed characters and pointer moves go
// through an InputQueue (input_queue.h) on their way to Dear ImGui, so that a
// press and release between two frames is seen as both, in order.
#include "input_queue.h"

#include <optional>

struct GLFWwindow;

namespace hearth::app {

class QueuedInput {
public:
    using CharRoute = void (*)(GLFWwindow*, unsigned int);
    // After ImGui_ImplGlfw_InitForOpenGL (whose key, button and character
    // callbacks these replace); typed characters go on to `on_char`.
    QueuedInput(GLFWwindow* window, CharRoute on_char);
    ~QueuedInput();
    QueuedInput(const QueuedInput&) = delete;
    QueuedInput& operator=(const QueuedInput&) = delete;

    // After ImGui_ImplGlfw_NewFrame, before ImGui::NewFrame: hands ImGui this
    // frame's events and the mouse buttons (and, while replaying, the pointer)
    // as they were then. Returns whether any event was handed over.
    bool feed_frame();
    // Events still wait: the loop must draw another frame rather than sleep.
    bool waiting() const { return !queue_.empty(); }

private:
    static QueuedInput* of(GLFWwindow* w);
    static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void on_button(GLFWwindow* w, int button, int action, int mods);
    static void on_character(GLFWwindow* w, unsigned int codepoint);
    static void on_motion(GLFWwindow* w, double x, double y);

    GLFWwindow* window_;
    CharRoute on_char_;
    InputQueue queue_;
    static constexpr int kButtons = 5;
    bool buttons_[kButtons] = {};
    double pointer_x_ = 0, pointer_y_ = 0;     // as of the last event handled by GLFW
    std::optional<std::pair<float, float>> replay_at_;  // where ImGui sees the pointer while events wait
};

} // namespace hearth::app
