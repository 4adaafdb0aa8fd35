#include "shell.h"

#include "break_widgets.h"
#include "guarded_text.h"
#include "fonts.h"
#include "keys.h"
#include "panel_registry.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace hearth::ui {

namespace {

// Once per frame, whatever panel shows: advances the model's timers, asks for
// the window's attention when one runs out (a break, a listening turn), and
// schedules the next wake-up.
void tick_timers(AppContext& ctx) {
    Model& m = ctx.model;
    if (m.breaks.tick() > 0) ctx.request_attention();
    if (m.sessions.tick() > 0) ctx.request_attention();
    for (auto w : {m.breaks.next_wake(), m.sessions.next_wake()})
        if (w) ctx.wake_in(double(w->count()) / 1000.0);
}
} // namespace

bool frame_still_settling() {
    ImGuiContext& g = *GImGui;
    static int last_popups = 0;
    bool settling = g.OpenPopupStack.Size != last_popups || take_draw_again();
    last_popups = g.OpenPopupStack.Size;
    for (ImGuiWindow* w : g.Windows) {
        if (!w->Active) continue;
        if (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesForRenderOnly > 0 ||
            w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0)
            settling = true;
    }
    return settling;
}

Shell::Shell(AppContext& ctx) : ctx_(ctx), panels_(make_panels()) {
    select(ctx_.model.settings.get(setting::last_panel));
}

bool Shell::select(std::string_view id) {
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        if (panels_[i]->id() == id) {
            if (current_ != i) ctx_.notice.clear();
            current_ = i;
            ctx_.model.settings.set(setting::last_panel, id);
            return true;
        }
    }
    return false;
}

void Shell::handle_shortcuts() {
    // Ctrl+1 .. Ctrl+8 jump to the panels in navigation order, also from a text
    // box (Ctrl+digit types nothing there).
    if (!ImGui::GetIO().KeyCtrl) return;
    if (ctx_.can_lock && key_pressed('L')) ctx_.lock_requested = true;
    for (std::size_t i = 0; i < panels_.size() && i < 9; ++i)
        if (key_pressed(char('1' + i))) select(panels_[i]->id());
    // Ctrl+F: the search over everything written (its box takes the keys).
    if (key_pressed('F')) select(panel_key(PanelId::search));
}

bool Shell::navigation_fits_beside() const {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImVec2 size = ImGui::GetMainViewport()->WorkSize;
    // Content beside the sidebar needs room for a card and a row of buttons.
    if (size.x < em(kSidebarEm) + em(kContentMinEm) + 3 * st.WindowPadding.x) return false;
    float rows = float(panels_.size() + 2);  // panels, the couple, the break button
    float needed = fonts().heading->FontSize + st.ItemSpacing.y + rows * (ImGui::GetFrameHeight() + st.ItemSpacing.y) +
                   em(2) + 2 * st.WindowPadding.y;
    return size.y >= needed;
}

void Shell::draw_navigation() {
    ImGui::BeginChild("nav", ImVec2(em(kSidebarEm), 0), false);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Hearth");
    ImGui::PopFont();
    if (ctx_.can_lock) {
        // At the top, far from "I need a break": in a heated moment the wrong
        // one of two stacked buttons would lock the app instead.
        ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionMax().x - button_width("Lock")));
        lock_button();
    }
    const Couple& couple = ctx_.model.couple;
    partner_label(couple.partner(0));
    ImGui::SameLine(0, em(0.3f));
    ImGui::TextDisabled("&");
    ImGui::SameLine(0, em(0.3f));
    partner_label(couple.partner(1));
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    const Panel* hovered = nullptr;
    std::size_t hovered_i = 0;
    float hovered_y = 0;
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        const Panel& p = *panels_[i];
        std::string label = std::string(p.title()) + "##" + std::string(p.id());
        if (ImGui::Selectable(shown(label), i == current_, 0, ImVec2(0, ImGui::GetFrameHeight())))
            select(p.id());
        if (ImGui::IsItemHovered()) hovered = &p, hovered_i = i, hovered_y = ImGui::GetItemRectMin().y;
    }
    ImGui::PopStyleVar();
    // Calling a break is two clicks (or Ctrl+B and one) from every screen.
    const float bottom_rows_y = ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() - em(0.5f);
    if (hovered) {
        // What the panel is for, in the sidebar's own free space under the
        // list: a tooltip by the pointer would sit on the panel's form.
        char hint[256];
        std::snprintf(hint, sizeof hint, "%.*s (Ctrl+%d)", int(hovered->summary().size()), hovered->summary().data(),
                      int(hovered_i + 1));
        const float wrap = ImGui::GetContentRegionAvail().x;
        const float hint_h = ImGui::CalcTextSize(hint, nullptr, false, wrap).y;
        const float top = ImGui::GetCursorPosY() + em(0.5f);
        if (top + hint_h + em(0.5f) <= bottom_rows_y) {
            ImGui::SetCursorPosY(top);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::TextDisabled("%s", hint);
            ImGui::PopTextWrapPos();
            ImGui::SetCursorPosY(top - em(0.5f));  // the button below stays where it was
        } else {
            ImGui::SetNextWindowPos(ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), hovered_y));
            ImGui::SetTooltip("%s", hint);
        }
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + em(1), bottom_rows_y));
    quick_break_button(ctx_);
    ImGui::EndChild();
}

// Narrow or short windows: one row across the top, "I need a break" first so
// it is never pushed out of sight, then the panels' names when they all fit
// on that row, else a "Screens" list (a combo: Tab reaches it, Enter or Space
// opens it, arrows choose) showing the current panel.
void Shell::draw_top_bar() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float break_w = button_width("I need a break");
    const float gap = st.ItemSpacing.x * 0.5f;
    float row = break_w;
    for (const auto& p : panels_) {
        const std::string_view t = shown(p->title());
        row += gap + ImGui::CalcTextSize(t.data(), t.data() + t.size()).x + 2 * st.FramePadding.x;
    }
    if (ctx_.can_lock) row += st.ItemSpacing.x + button_width("Lock");
    const bool names_fit = row <= ImGui::GetContentRegionAvail().x;
    quick_break_button(ctx_, break_w);
    if (names_fit) {
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            const Panel& p = *panels_[i];
            std::string label = std::string(p.title()) + "##" + std::string(p.id());
            ImGui::SameLine(0, gap);
            // Buttons that look like the sidebar's entries, on the break button's line.
            ImGui::PushStyleColor(ImGuiCol_Button, i == current_ ? st.Colors[ImGuiCol_Header] : ImVec4(0, 0, 0, 0));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, st.Colors[ImGuiCol_HeaderHovered]);
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, st.Colors[ImGuiCol_HeaderActive]);
            ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_Text]);
            if (ImGui::Button(shown(label))) select(p.id());
            ImGui::PopStyleColor(4);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%.*s\n(Ctrl+%d)", int(p.summary().size()), p.summary().data(), int(i + 1));
        }
    } else {
        draw_screens_list();
    }
    if (ctx_.can_lock) {
        same_line_or_wrap(button_width("Lock"), st.ItemSpacing.x);
        lock_button();
    }
    ImGui::Separator();
}

// Encrypted databases only: closes the database and wipes its key (ctx.lock_requested).
void Shell::lock_button() {
    // Quiet, not the accent "I need a break" wears: the two must not be mistaken.
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushStyleColor(ImGuiCol_Button, st.Colors[ImGuiCol_FrameBg]);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, st.Colors[ImGuiCol_FrameBgHovered]);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, st.Colors[ImGuiCol_FrameBgActive]);
    ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_Text]);
    const bool pressed = ImGui::Button("Lock");
    ImGui::PopStyleColor(4);
    if (pressed) ctx_.lock_requested = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide everything and close the database until a passphrase is typed\n(Ctrl+L)");
}

void Shell::draw_screens_list() {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Screen");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(16)));
    const Panel& shown = *panels_[current_];
    const std::string preview(shown.title());
    if (ImGui::BeginCombo("##screens", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            const Panel& p = *panels_[i];
            std::string label = std::string(p.title()) + "##" + std::string(p.id());
            bool chosen = ImGui::Selectable(label.c_str(), i == current_);
            // Enter chooses too, as Space does (ImGui 1.86 gives Enter to text boxes only).
            if (ImGui::IsItemFocused() && named_key_pressed(ImGuiKey_Enter)) {
                chosen = true;
                ImGui::CloseCurrentPopup();
            }
            if (chosen) select(p.id());
            if (i == current_) ImGui::SetItemDefaultFocus();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%.*s\n(Ctrl+%d)", int(p.summary().size()), p.summary().data(), int(i + 1));
        }
        ImGui::EndCombo();
    } else if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Every screen of Hearth (Ctrl+1 to Ctrl+%d; Ctrl+Q quits)", int(std::min<std::size_t>(panels_.size(), 9)));
    }
}

// ImGui has already turned this frame's arrows and Space into a navigation
// move and an activation (in NewFrame); both are dropped before any control
// is drawn, so only the panel's shortcuts see those keys.
static void keep_navigation_off_panel_keys() {
    ImGuiContext& g = *GImGui;
    if (g.IO.WantTextInput) return;
    ImGui::NavMoveRequestCancel();
    g.NavInitRequest = false;
    g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = g.NavActivateInputId = 0;
    g.NavDisableHighlight = true;
}

void Shell::draw_frame() {
    handle_shortcuts();
    if (ctx_.model.couple.is_set_up() && panels_[current_]->owns_arrows_and_space()) keep_navigation_off_panel_keys();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // The welcome card can be taller than a small window with large text: it
    // scrolls, and says so with a scrollbar.
    if (!ctx_.model.couple.is_set_up()) flags &= ~ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin("Hearth", nullptr, flags);
    if (!ctx_.model.couple.is_set_up()) {
        first_run_.draw(ctx_);
        ImGui::End();
        return;
    }
    tick_timers(ctx_);
    if (navigation_fits_beside()) {
        draw_navigation();
        ImGui::SameLine();
    } else {
        draw_top_bar();
    }
    expire_notice();
    float notice_h = ctx_.notice.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginGroup();
    ImGui::BeginChild("content", ImVec2(0, -notice_h), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(panels_[current_]->title().data(),
                           panels_[current_]->title().data() + panels_[current_]->title().size());
    ImGui::PopFont();
    if (current_id() != "breaks") break_banner(ctx_);
    panels_[current_]->draw(ctx_);
    ImGui::EndChild();
    if (!ctx_.notice.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(shown(ctx_.notice));
    }
    ImGui::EndGroup();
    ImGui::End();
    if (auto to = ctx_.nav.take_request()) select(panel_key(*to));
}

// A notice goes stale: cleared kNoticeSeconds after it was given, the loop
// woken for that one frame (it sleeps otherwise).
void Shell::expire_notice() {
    if (ctx_.notice.empty()) return;
    const double age = std::chrono::duration<double>(ctx_.clock.steady() - ctx_.notice_at).count();
    if (age >= AppContext::kNoticeSeconds) ctx_.notice.clear();
    else ctx_.wake_in(AppContext::kNoticeSeconds - age);
}

// A database error (a full disk, a lock held by another program) thrown by a
// model call while a panel draws must not end the window: ImGui's stacks are
// unwound here, the panels keep their state (what was typed stays in its box
// and its draft), and the problem shows until Try again or dismissed.
void Shell::draw() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const int fonts_at_start = g.FontStack.Size;
    try {
        draw_frame();
    } catch (const DbError& e) {
        // ImGui's own recovery leaves fonts pushed, and End() asserts on them.
        while (g.FontStack.Size > fonts_at_start) ImGui::PopFont();
        recover_from(e);
    }
    if (!ctx_.db_problem) {
        if (auto draft = draft_failure()) {
            ctx_.db_problem = classify(*draft, ctx_.model.device.name());
            failed_item_ = 0;
        }
    }
    draw_db_problem();
}

void Shell::recover_from(const DbError& e) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    std::string file = ctx_.model.db.name();
    const std::string& device_file = ctx_.model.device.name();
    if (std::string_view(e.what()).find(device_file) != std::string_view::npos && device_file != ":memory:")
        file = device_file;
    ctx_.db_problem = classify(e, file);
    // The control pressed this frame: a button, or a text field submitted
    // with Enter. A field gets the keys back at once, as after a save.
    failed_item_ = g.ActiveId ? g.ActiveId : g.LastActiveId;
    failed_item_is_text_ = failed_item_ && g.InputTextState.ID == failed_item_;
    if (failed_item_is_text_) {
        g.NavNextActivateId = failed_item_;
        g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    ctx_.wake_in(0);
}

// A calm bar along the bottom of the window, above everything, that never
// takes the keyboard from the field being typed in.
void Shell::draw_db_problem() {
    if (!ctx_.db_problem) return;
    const DbProblem& p = *ctx_.db_problem;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y), 0, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    ImGui::Begin("##db-problem", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - em(16));
    const bool draft_only = failed_item_ == 0 && draft_failure();
    if (draft_only) {
        ImGui::TextUnformatted(p.kind == DbProblemKind::disk_full
                                   ? "The disk is full: what you are typing cannot be kept as a draft. It is still here; keep Hearth open until it is saved."
                                   : "What you are typing cannot be kept as a draft. It is still here; keep Hearth open until it is saved.");
    } else {
        ImGui::TextUnformatted(shown(p.headline()));
    }
    ImGui::TextDisabled("%s", shown(p.what_to_do()));
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - em(15));
    if (ImGui::Button("Try again")) {
        ctx_.db_problem.reset();
        // Presses the control that failed again (the same command with the
        // same form); a text field gets the keys back, and Enter saves.
        if (failed_item_) {
            ImGuiContext& g = *ImGui::GetCurrentContext();
            g.NavNextActivateId = failed_item_;
            g.NavNextActivateFlags = failed_item_is_text_ ? ImGuiActivateFlags_PreferInput : ImGuiActivateFlags_None;
        }
        ctx_.wake_in(0);
    }
    ImGui::SameLine();
    if (ImGui::Button("Dismiss")) ctx_.db_problem.reset();
    ImGui::End();
    ImGui::PopStyleColor();
}

} // namespace hearth::ui
