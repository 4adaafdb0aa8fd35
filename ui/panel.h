#pragma once
// A panel is one screen of Hearth. It draws its content only: the shell owns
// the window, the navigation and the partner header. Register a new panel in
// panel_registry.cpp (one line); docs/adding-a-panel.md walks through it.
#include <string_view>

namespace hearth::ui {

class AppContext;

class Panel {
public:
    virtual ~Panel() = default;
    // Stable id: stored as the last panel, used by --panel and in tests.
    virtual std::string_view id() const = 0;
    // What the navigation shows.
    virtual std::string_view title() const = 0;
    // One line for --help and the navigation tooltip.
    virtual std::string_view summary() const = 0;
    // Draws the content for this frame. A panel that shows something moving
    // (a countdown) asks to be woken with ctx.wake_in(); otherwise Hearth sleeps
    // until the next input event.
    virtual void draw(AppContext& ctx) = 0;
    // True while the panel's own keys are the arrows and Space (a running
    // listening exercise): ImGui's keyboard navigation then leaves them alone,
    // so → does not also move the focus and Space does not also press a button.
    virtual bool owns_arrows_and_space() const { return false; }
};

} // namespace hearth::ui
