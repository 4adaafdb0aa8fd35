#include "break_widgets.h"

#include "breaks_screen.h"

#include "fonts.h"
#include "keys.h"
#include "theme.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hearth::ui {

namespace {
constexpr float kPi = 3.14159265f;
// Smooth enough for a slow breath (the circle moves a few pixels a frame), cheap
// enough to leave on: 20 frames a second.
constexpr double kPacerFrameSeconds = 1.0 / 20.0;
} // namespace

void countdown_ring(const BreakView& b, const Partner& caller, float radius) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 c(pos.x + radius, pos.y + radius);
    float thickness = radius * 0.14f;
    dl->AddCircle(c, radius - thickness / 2, ImGui::GetColorU32(ImGuiCol_FrameBg), 96, thickness);
    float frac = b.total_ms() > 0 ? float(b.remaining_ms) / float(b.total_ms()) : 0.0f;
    if (frac > 0) {
        float a0 = -kPi / 2, a1 = a0 + 2 * kPi * frac;
        dl->PathArcTo(c, radius - thickness / 2, a0, a1, 96);
        dl->PathStroke(partner_fill(caller.color, b.state == BreakState::paused ? 0.45f : 1.0f), 0, thickness);
    }
    std::string t = format_countdown(b.remaining_seconds);
    ImFont* f = fonts().display;
    float size = f->FontSize * std::min(1.0f, radius * 1.3f / std::max(1.0f, f->CalcTextSizeA(f->FontSize, 1e9f, 0, shown(t)).x));
    ImVec2 ts = f->CalcTextSizeA(size, 1e9f, 0, shown(t));
    dl->AddText(f, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), ImGui::GetColorU32(ImGuiCol_Text), shown(t));
    if (b.state == BreakState::paused) {
        const char* p = "paused";
        ImVec2 ps = ImGui::CalcTextSize(p);
        dl->AddText(ImVec2(c.x - ps.x / 2, c.y + ts.y / 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), p);
    }
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
}

void breathing_pacer(AppContext& ctx, const BreathingRhythm& rhythm, float radius) {
    BreathMoment m = breath_at(ImGui::GetTime(), rhythm);
    ImGui::BeginGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 c(pos.x + radius, pos.y + radius);
    float r = radius * (0.35f + 0.65f * float(m.lungs));
    ImVec4 accent = ImGui::GetStyle().Colors[ImGuiCol_SliderGrab];
    dl->AddCircle(c, radius, ImGui::GetColorU32(ImGuiCol_FrameBg), 96, 2.0f);
    dl->AddCircleFilled(c, r, ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.35f)), 96);
    dl->AddCircle(c, r, ImGui::GetColorU32(accent), 96, 2.0f);
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
    // The words sit under the circle, where a small breath cannot crowd them.
    std::string word(breath_phase_word(m.phase));
    char line[48];
    std::snprintf(line, sizeof line, "%s  %d", shown(word), int(std::ceil(m.seconds_left)));
    float tw = ImGui::CalcTextSize(line).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, radius - tw / 2));
    ImGui::TextUnformatted(line);
    ImGui::EndGroup();
    ctx.wake_in(kPacerFrameSeconds);
}

void quick_break_button(AppContext& ctx, float width) {
    const Couple& couple = ctx.model.couple;
    bool open = ImGui::Button("I need a break", ImVec2(width, 0));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Call a timed break (Ctrl+B)");
    const ImVec2 button_min = ImGui::GetItemRectMin(), button_max = ImGui::GetItemRectMax();
    ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && key_pressed('B')) open = true;
    if (open) ImGui::OpenPopup("quick break");
    // Beside its button (under it at the top of the window, over it at the
    // bottom), wherever the mouse is: Ctrl+B opens it too.
    const bool below = button_max.y < ImGui::GetMainViewport()->WorkPos.y + ImGui::GetMainViewport()->WorkSize.y * 0.5f;
    const float gap = em(0.25f);
    ImGui::SetNextWindowPos(below ? ImVec2(button_min.x, button_max.y + gap) : ImVec2(button_min.x, button_min.y - gap),
                            ImGuiCond_Appearing, below ? ImVec2(0, 0) : ImVec2(0, 1));
    if (ImGui::BeginPopup("quick break")) {
        // Words wrap at a fixed width: a popup sized by its own wrapped text
        // never settles on a size.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(18.5f));
        // A break under way comes first: open it, or start a second one only
        // by saying so (a digit key alone does not).
        bool* second = ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("second break"), false);
        if (ImGui::IsWindowAppearing()) *second = false;
        bool under_way = false;
        for (const BreakView& b : ctx.model.breaks.active()) {
            if (b.state != BreakState::running && b.state != BreakState::paused) continue;
            under_way = true;
            ImGui::PushID(b.id.c_str());
            if (b.state == BreakState::paused)
                ImGui::TextWrapped("%s's break is paused: %s left; the return time is set when it resumes.",
                                   shown(couple.partner(b.caller_slot).name), format_countdown(b.remaining_seconds).c_str());
            else
                ImGui::TextWrapped("%s's break is running: %s left, back at %s.", shown(couple.partner(b.caller_slot).name),
                                   format_countdown(b.remaining_seconds).c_str(), shown(b.return_clock));
            if (ImGui::Button("Open it") || (!*second && named_key_pressed(ImGuiKey_Enter))) {
                ctx.go_to(PanelId::breaks);
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        if (under_way && !*second) {
            ImGui::Spacing();
            if (ImGui::Button("Start a second break\xE2\x80\xA6")) *second = true;
            ImGui::PopTextWrapPos();
            ImGui::EndPopup();
            return;
        }
        ImGui::TextUnformatted(under_way ? "Who needs a second break?" : "Who needs a break?");
        muted("%d minutes; you can add a topic, pause or extend it next.", kDefaultBreakMinutes);
        for (int s = 0; s < 2; ++s) {
            const Partner& p = couple.partner(s);
            ImGui::PushStyleColor(ImGuiCol_Button, to_imvec4(p.color));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imvec4(p.color, 0.85f));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
            std::string label = p.name + "  (" + std::to_string(s + 1) + ")##quick";
            ImGui::PushID(s);
            bool chosen = ImGui::Button(shown(label), em2(9, 2.2f)) || key_pressed(char('1' + s));
            ImGui::PopID();
            if (chosen) {
                BreakRequest r;
                r.caller_slot = s;
                auto res = ctx.model.breaks.start(r);
                if (res.ok()) ctx.go_to(PanelId::breaks);
                else ctx.notify(res.error);
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopStyleColor(3);
            if (s == 0) ImGui::SameLine();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
}

namespace {
// A full-width button whose words wrap onto more lines in a narrow window.
bool wrapped_button(const char* text) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float width = ImGui::GetContentRegionAvail().x;
    float wrap = std::max(em(4), width - 2 * st.FramePadding.x);
    ImVec2 ts = ImGui::CalcTextSize(text, nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Button("##banner", ImVec2(width, ts.y + 2 * st.FramePadding.y));
    float x = pos.x + std::max(st.FramePadding.x, (width - ts.x) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, pos.y + st.FramePadding.y),
                                        ImGui::GetColorU32(ImGuiCol_Text), text, nullptr, wrap);
    return pressed;
}
} // namespace

void break_banner(AppContext& ctx) {
    const Couple& couple = ctx.model.couple;
    for (const BreakView& b : ctx.model.breaks.active()) {
        const Partner& p = couple.partner(b.caller_slot);
        ImGui::PushID(b.id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Button, to_imvec4(p.color, b.state == BreakState::expired ? 0.9f : 0.25f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imvec4(p.color, 0.6f));
        if (wrapped_button(shown(BreaksScreen::banner_text(b, p.name)))) ctx.go_to(PanelId::breaks);
        ImGui::PopStyleColor(2);
        ImGui::PopID();
    }
}

void safety_note() {
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text());
    ImGui::TextWrapped("These tools are for ordinary disagreements between partners who feel safe with each other. "
                       "If there is abuse, threats or violence in your relationship, couples exercises can raise the risk: "
                       "please talk to a counsellor or a domestic-abuse helpline, and in danger call your local emergency number.");
    ImGui::PopStyleColor();
}

} // namespace hearth::ui
