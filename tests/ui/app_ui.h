#pragma once
// The whole UI over a test model, headless: what most UI tests start from.
// AppUi borrows the model (so a test can close the UI and open it again on the
// same data, as after a restart); OwnedAppUi owns one.
#include "app_context.h"
#include "headless.h"
#include "shell.h"
#include "../model/test_support.h"

#include <optional>

namespace hearth::test {

class AppUi {
public:
    explicit AppUi(TestModel& t) : h(t.model.settings), ctx(t.model, t.clock), shell(ctx) {}

    Headless h;
    ui::AppContext ctx;
    ui::Shell shell;

    // One frame of the whole window; returns the wake-up the app was asked for.
    std::optional<double> frame() {
        h.frame([this] { shell.draw(); });
        return ctx.take_wake();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Press and release a key (GLFW key code) over two frames.
    void press(int glfw_key, bool ctrl = false) { h.press(glfw_key, [this] { shell.draw(); }, ctrl); }
    void type(const char* utf8) { h.type(utf8); }
    // The mouse, by what is written on screen (see headless.h).
    bool click_text(std::string_view label, int nth = 0) { return h.click_text(label, [this] { shell.draw(); }, nth); }
    void click(ImVec2 at) { h.click(at, [this] { shell.draw(); }); }
    void drag(ImVec2 from, ImVec2 to, int steps = 8) { h.drag(from, to, [this] { shell.draw(); }, steps); }
    void type_codepoint(unsigned int cp) { h.type_codepoint(cp); }
};

struct ModelHolder {
    explicit ModelHolder(bool with_couple) : t(with_couple) {}
    TestModel t;
};

class OwnedAppUi : public ModelHolder, public AppUi {
public:
    explicit OwnedAppUi(bool with_couple = true) : ModelHolder(with_couple), AppUi(ModelHolder::t) {}
};

} // namespace hearth::test
