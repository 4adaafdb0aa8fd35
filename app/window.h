#pragma once
// The GLFW window, the OpenGL renderer and the loop that sleeps when nothing
// moves.
#include "hearth_model.h"
#include "lockable_app.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace hearth::app {

struct WindowOptions {
    std::optional<std::string> screenshot;      // write a PNG after a few frames, then close
    std::pair<int, int> screenshot_size{1280, 800};
    std::optional<std::string> panel;           // start on this panel
    bool measure_startup = false;               // print the first frame's time, then close
    bool remember_window = true;                // save size and imgui.ini (not for --demo)
    std::string ini_path;                       // imgui.ini, in the data folder
    std::string font_path;
    // The database could not be opened: the window explains why (the file, the
    // problem, what to do) with a Quit button instead of showing the panels,
    // and run_window returns 1. `model` is then an empty in-memory one.
    struct CannotOpen {
        std::string file;
        std::string message;
    };
    std::optional<CannotOpen> cannot_open;
    bool lock_at_start = false;                 // --locked: lock once the first frame is drawn
};

// Returns the process exit code. `look` gives the theme, text and window size
// while the app is locked (its own model is closed then); it is called only
// then, so an unlocked run never builds it (a whole in-memory model: schema,
// catalogs).
int run_window(ui::LockableApp& app, const std::function<Model&()>& look, const WindowOptions& options);

} // namespace hearth::app
