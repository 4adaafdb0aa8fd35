#include "queued_input.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace hearth::app {

QueuedInput::QueuedInput(GLFWwindow* window, CharRoute on_char) : window_(window), on_char_(on_char) {
    glfwSetWindowUserPointer(window, this);
    glfwGetCursorPos(window, &pointer_x_, &pointer_y_);
    glfwSetKeyCallback(window, on_key);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetCharCallback(window, on_character);
    glfwSetCursorPosCallback(window, on_motion);
}

QueuedInput::~QueuedInput() {
    glfwSetKeyCallback(window_, ImGui_ImplGlfw_KeyCallback);
    glfwSetMouseButtonCallback(window_, ImGui_ImplGlfw_MouseButtonCallback);
    glfwSetCharCallback(window_, ImGui_ImplGlfw_CharCallback);
    glfwSetCursorPosCallback(window_, nullptr);
    glfwSetWindowUserPointer(window_, nullptr);
}

QueuedInput* QueuedInput::of(GLFWwindow* w) { return static_cast<QueuedInput*>(glfwGetWindowUserPointer(w)); }

void QueuedInput::on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    if (action == GLFW_REPEAT) return;
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.code = key;
    e.scancode = scancode;
    e.down = action == GLFW_PRESS;
    e.mods = mods;
    of(w)->queue_.push(e);
}

void QueuedInput::on_button(GLFWwindow* w, int button, int action, int mods) {
    QueuedInput* q = of(w);
    InputEvent e;
    e.kind = InputEvent::Kind::button;
    e.code = button;
    e.down = action == GLFW_PRESS;
    e.mods = mods;
    // GLFW reports the pointer of the last move it handled: where this press was.
    e.x = q->pointer_x_;
    e.y = q->pointer_y_;
    q->queue_.push(e);
}

void QueuedInput::on_character(GLFWwindow* w, unsigned int codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::character;
    e.codepoint = codepoint;
    of(w)->queue_.push(e);
}

void QueuedInput::on_motion(GLFWwindow* w, double x, double y) {
    QueuedInput* q = of(w);
    q->pointer_x_ = x;
    q->pointer_y_ = y;
    q->queue_.moved(x, y);
}

bool QueuedInput::feed_frame() {
    // WantTextInput is as the last frame left it: whether a text box had the keyboard.
    const std::vector<InputEvent> frame = queue_.take_frame(ImGui::GetIO().WantTextInput);
    bool pointer_event = false;
    for (const InputEvent& e : frame) {
        switch (e.kind) {
        case InputEvent::Kind::key:
            ImGui_ImplGlfw_KeyCallback(window_, e.code, e.scancode, e.down ? GLFW_PRESS : GLFW_RELEASE, e.mods);
            break;
        case InputEvent::Kind::character: on_char_(window_, e.codepoint); break;
        case InputEvent::Kind::button:
            if (e.code >= 0 && e.code < kButtons) buttons_[e.code] = e.down;
            [[fallthrough]];
        case InputEvent::Kind::motion:
            replay_at_ = std::make_pair(float(e.x), float(e.y));
            pointer_event = true;
            break;
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    // Nothing waits: GLFW's buttons are the queue's, unless the window system
    // dropped a release (the window hidden mid-press); GLFW's word wins then.
    if (!pointer_event && queue_.empty())
        for (int i = 0; i < kButtons; ++i) buttons_[i] = glfwGetMouseButton(window_, i) == GLFW_PRESS;
    for (int i = 0; i < kButtons; ++i) io.MouseDown[i] = buttons_[i];
    if (pointer_event || !queue_.empty()) {
        if (replay_at_) io.MousePos = ImVec2(replay_at_->first, replay_at_->second);
    } else {
        replay_at_.reset();
    }
    return !frame.empty();
}

} // namespace hearth::app
