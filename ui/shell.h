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
    void expire_notice();
    void recover_from(const DbError& e);
    void draw_db_problem();
    // The sidebar when the window is wide and tall enough for it, else a top bar.
    bool navigation_fits_beside() const;
    void draw_navigation();
    void draw_top_bar();
    // The panels as a list that opens from one row (the top bar's narrow form).
    void draw_screens_list();
    void handle_shortcuts();
    void lock_button();
    static constexpr float kSidebarEm = 12.0f;
    static constexpr float kContentMinEm = 34.0f;
    AppContext& ctx_;
    std::vector<std::unique_ptr<Panel>> panels_;
    std::size_t current_ = 0;
    FirstRun first_run_;
    // The control whose action met the error: Try again presses it again.
    unsigned int failed_item_ = 0;
    bool failed_item_is_text_ = false;
};

// After a frame: true while ImGui still has to show something it laid out but
// did not draw yet (a popup or tooltip opening is hidden on its first frame
// while it measures itself; a window fitting its size; the set of open popups
// changed; a control asked to draw_again()). The loop draws another frame
// then, rather than waiting for input.
bool frame_still_settling();

} // namespace hearth::ui
