#include "first_run.h"

#include "fonts.h"
#include "keys.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace hearth::ui {

namespace {

// The palette as one stop in the Tab order: Tab (or a click) reaches it,
// Left and Right choose a colour, Tab goes on to what follows. A click on a
// colour chooses it.
void palette_row(Rgb& color) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("palette");
    const int n = int(std::size(kPartnerPalette));
    const float d = ImGui::GetFrameHeight();
    const float gap = em(0.2f);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + float(n) * d + float(n - 1) * gap, pos.y + d));
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable)) return;
    // Reached by Tab (or by keyboard navigation and Space/Enter).
    const bool tabbed = (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0 ||
                        g.NavActivateInputId == id || g.NavActivateId == id;
    const bool hovered = ImGui::ItemHoverable(bb, id);
    const int under_mouse = hovered ? std::clamp(int((g.IO.MousePos.x - pos.x) / (d + gap)), 0, n - 1) : -1;
    const bool clicked = hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    if (tabbed || clicked) {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
    }
    if (clicked) color = kPartnerPalette[std::size_t(under_mouse)];
    if (g.ActiveId == id) {
        ImGui::KeepAliveID(id);
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
        int current = -1;
        for (int i = 0; i < n; ++i)
            if (kPartnerPalette[std::size_t(i)] == color) current = i;
        if (named_key_pressed(ImGuiKey_RightArrow, true)) color = kPartnerPalette[std::size_t((current + 1) % n)];
        if (named_key_pressed(ImGuiKey_LeftArrow, true)) color = kPartnerPalette[std::size_t((current + n - 1) % n)];
        if ((ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !hovered) || named_key_pressed(ImGuiKey_Escape)) ImGui::ClearActiveID();
    }
    ImDrawList* dl = window->DrawList;
    for (int i = 0; i < n; ++i) {
        const Rgb& c = kPartnerPalette[std::size_t(i)];
        ImVec2 mid(pos.x + float(i) * (d + gap) + d / 2, pos.y + d / 2);
        dl->AddCircleFilled(mid, d * 0.38f, partner_fill(c));
        if (c == color) dl->AddCircle(mid, d * 0.48f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
    }
    if (g.ActiveId == id) dl->AddRect(ImVec2(bb.Min.x - 2, bb.Min.y - 2), ImVec2(bb.Max.x + 2, bb.Max.y + 2),
                                      ImGui::GetColorU32(ImGuiCol_NavHighlight), em(0.3f), 0, 1.5f);
    if (hovered) ImGui::SetTooltip(g.ActiveId == id ? "Use this colour (\xE2\x86\x90 \xE2\x86\x92 to choose)" : "Use this colour");
}

} // namespace

void PartnerNameField::draw(int slot, Rgb& color, std::string& error, Model& model) {
    ImGui::PushID(slot);
    // The colours beside the name (and its emoji button) when the card has room, else below it.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float emoji_w = ImGui::GetFrameHeight() + spacing;
    const float colours_w = float(std::size(kPartnerPalette) + 1) * (ImGui::GetFrameHeight() + em(0.2f));
    const float room = card_content_width();
    const bool beside = room >= em(10) + emoji_w + colours_w + spacing;
    ImGui::SetNextItemWidth(beside ? std::min(em(14), room - emoji_w - colours_w - spacing) : std::min(em(14), room - emoji_w));
    const std::string before = error.empty() ? std::string() : name.value();
    name.single_line("##name", slot == 0 ? "First partner's name" : "Second partner's name");
    ImGui::SameLine();
    emoji.button("name-emoji", name, model.device, model.assets_dir);
    if (!error.empty() && name.value() != before) error.clear();  // answered: the next Start checks again
    if (beside) ImGui::SameLine();
    palette_row(color);
    ImGui::SameLine(0, em(0.2f));
    float col[3] = {color.r / 255.f, color.g / 255.f, color.b / 255.f};
    if (ImGui::ColorEdit3("##custom", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel | ImGuiColorEditFlags_NoTooltip))
        color = Rgb{uint8_t(col[0] * 255 + 0.5f), uint8_t(col[1] * 255 + 0.5f), uint8_t(col[2] * 255 + 0.5f)};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick any colour");
    inline_error(error);
    ImGui::PopID();
}

void FirstRun::draw_colour_note(const std::string& note) {
    if (same_colour_asked_) {
        inline_error(note + " Choose another colour, or press Start again to keep the same one.");
    } else {
        muted("%s", note.c_str());
    }
    // Appearing below the window's edge (a small window, large text): brought into view.
    const float bottom = ImGui::GetItemRectMax().y;
    if ((!note_shown_ || scroll_to_note_) && bottom > ImGui::GetWindowPos().y + ImGui::GetWindowHeight())
        ImGui::SetScrollHereY(1.0f);
    scroll_to_note_ = false;
}

void FirstRun::draw(AppContext& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float width = std::min(vp->WorkSize.x - em(2), em(36));
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, std::max(em(1), vp->WorkSize.y * 0.12f)));
    begin_card(nullptr, width);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Welcome to Hearth");
    ImGui::PopFont();
    // Wrapped at the card's edge (begin_card set it), not the window's.
    ImGui::TextUnformatted("A shared place for the two of you: appreciations, time together, calmer breaks "
                           "when things run hot, and listening that helps each of you feel heard.");
    muted("Tab moves on, from a name to its colours (\xE2\x86\x90 \xE2\x86\x92 choose one) and to the next name; Enter starts.");
    muted("Hearth has no logins. You both use it here, and every screen shows whose turn it is "
          "by name and colour. You can change these later in Settings.");
    ImGui::Spacing();
    const std::string note = form_.colour_note();
    if (note.empty()) same_colour_asked_ = false;
    for (int slot = 0; slot < 2; ++slot) {
        ImGui::Spacing();
        ImGui::TextUnformatted(slot == 0 ? "One of you" : "The other");
        if (slot == focus_slot_) {
            ImGui::SetKeyboardFocusHere();
            focus_slot_ = -1;
        }
        Rgb& color = form_.partners[std::size_t(slot)].color;
        const Rgb before = color;
        names_[slot].draw(slot, color, form_.errors[std::size_t(slot)], ctx.model);
        if (!(color == before)) colour_changed_slot_ = slot;
        // The word goes right under the colours just chosen, where the eyes
        // (and, by keyboard, the focus) are, however the colour was chosen.
        if (!note.empty() && slot == colour_changed_slot_) draw_colour_note(note);
    }
    note_shown_ = !note.empty();
    ImGui::Spacing();
    // Allowed, but not by accident: with one colour the first Start asks.
    const char* start = same_colour_asked_ ? "Start with the same colour" : "Start using Hearth";
    if (ImGui::Button(start, ImVec2(std::max(em(12), button_width(start)), 0)) || named_key_pressed(ImGuiKey_Enter)) {
        if (!note.empty() && !same_colour_asked_) {
            same_colour_asked_ = true;
            scroll_to_note_ = true;
        } else {
            for (int slot = 0; slot < 2; ++slot) form_.partners[std::size_t(slot)].name = names_[slot].name.value();
            if (!form_.set_up(ctx.model.couple).ok()) focus_slot_ = form_.slot_to_fix();  // back to the field that needs attention
        }
    }
    end_card();
}

} // namespace hearth::ui
