#pragma once
// The frame around every panel: navigation, the couple in their colours, the
// notice line, and the first-run welcome until the couple is set up.
#include "app_context.h"
#include "first_run.h"
#include "panel.h"

#include <memory>
#include <string_view>
#include <vector>

namespace hearth::ui {

class Shell {
public:
    explicit Shell(AppContext& ctx);
    // Draws one frame of the whole UI (between ImGui::NewFrame and Render). A
    // database error during the frame does not leave it: it is shown in the
    // window (ctx.db_problem) and the panels keep what was typed.
    void draw();
    const std::vector<std::unique_ptr<Panel>>& panels() const { return panels_; }
    // Switches panel; false for an unknown id.
    bool select(std::string_view id);
    std::string_view current_id() const { return panels_[current_]->id(); }
    Panel& current() { return *panels_[current_]; }

private:
    void draw_frame();
    void recover_from(const DbError& e);
    void draw_db_problem();
    void draw_navigation();
    void handle_shortcuts();
    AppContext& ctx_;
    std::vector<std::unique_ptr<Panel>> panels_;
    std::size_t current_ = 0;
    FirstRun first_run_;
    // The control whose action met the error: Try again presses it again.
    unsigned int failed_item_ = 0;
    bool failed_item_is_text_ = false;
};

} // namespace hearth::ui
