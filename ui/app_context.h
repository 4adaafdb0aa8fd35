#pragma once
// What a panel may read and ask for while it draws.
#include "conversion_screen.h"
#include "db_problem.h"
#include "hearth_model.h"
#include "navigation.h"

#include <optional>
#include <string>

namespace hearth::ui {

class AppContext {
public:
    AppContext(Model& model, const Clock& clock) : model(model), clock(clock) {}

    Model& model;
    const Clock& clock;

    // Ask for a redraw no later than `seconds` from now (a countdown's next
    // second, an animation's next step). The earliest request of a frame wins.
    void wake_in(double seconds) {
        if (seconds < 0) seconds = 0;
        if (!wake_ || seconds < *wake_) wake_ = seconds;
    }
    // Read and clear by the loop after each frame.
    std::optional<double> take_wake() { auto w = wake_; wake_.reset(); return w; }

    // Switch to another panel at the end of this frame, optionally handing it
    // something to work on (screens/navigation.h lists the hand-offs).
    void go_to(PanelId panel, Handoff with = {}) { nav.go_to(panel, std::move(with)); }
    Navigator nav;

    // A short message shown at the bottom of the window: one at a time, until
    // replaced or kNoticeSeconds have passed (the shell clears it, waking for that).
    void notify(std::string text) {
        notice = std::move(text);
        notice_at = clock.steady();
    }
    std::string notice;
    SteadyTime notice_at{};
    static constexpr double kNoticeSeconds = 8.0;

    // An encrypted database can be locked (the shell's Lock button, Ctrl+L);
    // the app closes it at the end of the frame (ui/lockable_app.h).
    bool can_lock = false;
    bool lock_requested = false;
    // Turning encryption on or off (Settings -> Privacy): the app closes the
    // files at the end of the frame, converts them and reopens them. Only when
    // the app can reopen them (a real database, not the demonstration).
    bool can_convert = false;
    std::optional<screens::ConversionRequest> conversion_requested;

    // Set by Settings when the text size changes; the app rebuilds the font atlas.
    bool fonts_dirty = false;

    // Ask the window system to draw the couple's attention (a break ran out):
    // the app calls glfwRequestWindowAttention, also when minimised.
    void request_attention() { attention_ = true; }
    bool take_attention_request() { bool a = attention_; attention_ = false; return a; }

    // A database error met during a frame (a full disk, a lock held by another
    // program): shown in the window until Try again or dismissed; the panel's
    // form keeps what was typed. Set by the Shell, which catches the error.
    std::optional<DbProblem> db_problem;

private:
    bool attention_ = false;
    std::optional<double> wake_;
};

} // namespace hearth::ui
