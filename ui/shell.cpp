#include "shell.h"

#include "break_widgets.h"
#include "fonts.h"
#include "keys.h"
#include "panel_registry.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>
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
    bool settling = g.OpenPopupStack.Size != last_popups;
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
    for (std::size_t i = 0; i < panels_.size() && i < 9; ++i)
        if (key_pressed(char('1' + i))) select(panels_[i]->id());
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
    const Couple& couple = ctx_.model.couple;
    partner_label(couple.partner(0));
    ImGui::SameLine(0, em(0.3f));
    ImGui::TextDisabled("&");
    ImGui::SameLine(0, em(0.3f));
    partner_label(couple.partner(1));
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        const Panel& p = *panels_[i];
        std::string label = std::string(p.title()) + "##" + std::string(p.id());
        if (ImGui::Selectable(label.c_str(), i == current_, 0, ImVec2(0, ImGui::GetFrameHeight())))
            select(p.id());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.*s\n(Ctrl+%d)", int(p.summary().size()), p.summary().data(), int(i + 1));
    }
    ImGui::PopStyleVar();
    // Calling a break is two clicks (or Ctrl+B and one) from every screen.
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + em(1), ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() - em(0.5f)));
    quick_break_button(ctx_);
    ImGui::EndChild();
}

// Narrow or short windows: the panels as one row of names across the top,
// wrapping onto a second row if need be, "I need a break" first so it is
// never pushed out of sight.
void Shell::draw_top_bar() {
    const ImGuiStyle& st = ImGui::GetStyle();
    quick_break_button(ctx_, ImGui::CalcTextSize("I need a break").x + 2 * st.FramePadding.x);
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        const Panel& p = *panels_[i];
        std::string label = std::string(p.title()) + "##" + std::string(p.id());
        float w = ImGui::CalcTextSize(p.title().data(), p.title().data() + p.title().size()).x + 2 * st.FramePadding.x;
        same_line_or_wrap(w, st.ItemSpacing.x * 0.5f);
        // Buttons that look like the sidebar's entries, on the break button's line.
        ImGui::PushStyleColor(ImGuiCol_Button, i == current_ ? st.Colors[ImGuiCol_Header] : ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, st.Colors[ImGuiCol_HeaderHovered]);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, st.Colors[ImGuiCol_HeaderActive]);
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_Text]);
        if (ImGui::Button(label.c_str(), ImVec2(w, 0))) select(p.id());
        ImGui::PopStyleColor(4);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.*s\n(Ctrl+%d)", int(p.summary().size()), p.summary().data(), int(i + 1));
    }
    ImGui::Separator();
}

void Shell::draw() {
    handle_shortcuts();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
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
        ImGui::TextUnformatted(ctx_.notice.c_str());
    }
    ImGui::EndGroup();
    ImGui::End();
    if (auto to = ctx_.nav.take_request()) select(panel_key(*to));
}

} // namespace hearth::ui
