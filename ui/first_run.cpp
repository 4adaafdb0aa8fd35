#include "first_run.h"

#include "fonts.h"
#include "keys.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace hearth::ui {

void PartnerNameField::draw(int slot, Rgb& color, const std::string& error) {
    ImGui::PushID(slot);
    ImGui::SetNextItemWidth(std::min(em(14), ImGui::GetContentRegionAvail().x));
    name.single_line("##name", slot == 0 ? "First partner's name" : "Second partner's name");
    const float d = ImGui::GetFrameHeight();
    for (std::size_t i = 0; i < std::size(kPartnerPalette); ++i) {
        const Rgb& c = kPartnerPalette[i];
        // The swatches wrap onto the next row in a narrow window.
        same_line_or_wrap(d, i == 0 ? -1.0f : em(0.2f));
        ImGui::PushID(int(i));
        bool on = c == color;
        ImVec2 pos = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("swatch", ImVec2(d, d))) color = c;
        // An invisible button draws no keyboard focus of its own.
        ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Use this colour");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 mid(pos.x + d / 2, pos.y + d / 2);
        dl->AddCircleFilled(mid, d * 0.38f, partner_fill(c));
        if (on) dl->AddCircle(mid, d * 0.48f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
        ImGui::PopID();
    }
    same_line_or_wrap(d, em(0.2f));
    float col[3] = {color.r / 255.f, color.g / 255.f, color.b / 255.f};
    if (ImGui::ColorEdit3("##custom", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
        color = Rgb{uint8_t(col[0] * 255 + 0.5f), uint8_t(col[1] * 255 + 0.5f), uint8_t(col[2] * 255 + 0.5f)};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick any colour");
    inline_error(error);
    ImGui::PopID();
}

void FirstRun::draw(AppContext& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float width = std::min(vp->WorkSize.x - em(2), em(36));
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, std::max(em(1), vp->WorkSize.y * 0.12f)));
    begin_card(nullptr, width);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Welcome to Hearth");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted("A shared place for the two of you: appreciations, time together, calmer breaks "
                           "when things run hot, and listening that helps each of you feel heard.");
    ImGui::PopTextWrapPos();
    muted("Tab moves to the next name; Enter starts.");
    muted("Hearth has no logins. You both use it here, and every screen shows whose turn it is "
          "by name and colour. You can change these later in Settings.");
    ImGui::Spacing();
    for (int slot = 0; slot < 2; ++slot) {
        ImGui::Spacing();
        ImGui::TextUnformatted(slot == 0 ? "One of you" : "The other");
        if (slot == focus_slot_) {
            ImGui::SetKeyboardFocusHere();
            focus_slot_ = -1;
        }
        names_[slot].draw(slot, form_.partners[std::size_t(slot)].color, form_.errors[std::size_t(slot)]);
    }
    ImGui::Spacing();
    if (ImGui::Button("Start using Hearth", ImVec2(em(12), 0)) || named_key_pressed(ImGuiKey_Enter)) {
        for (int slot = 0; slot < 2; ++slot) form_.partners[std::size_t(slot)].name = names_[slot].name.value();
        if (!form_.set_up(ctx.model.couple).ok()) focus_slot_ = form_.slot_to_fix();  // back to the field that needs attention
    }
    end_card();
}

} // namespace hearth::ui
