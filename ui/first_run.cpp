#include "first_run.h"

#include "fonts.h"
#include "keys.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

namespace hearth::ui {

void PartnerForm::draw(int slot, const std::string& error) {
    ImGui::PushID(slot);
    ImGui::SetNextItemWidth(em(14));
    name.single_line("##name", slot == 0 ? "First partner's name" : "Second partner's name");
    ImGui::SameLine();
    for (std::size_t i = 0; i < std::size(kPartnerPalette); ++i) {
        const Rgb& c = kPartnerPalette[i];
        ImGui::PushID(int(i));
        bool on = c == color;
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float d = ImGui::GetFrameHeight();
        if (ImGui::InvisibleButton("swatch", ImVec2(d, d))) color = c;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Use this colour");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 mid(pos.x + d / 2, pos.y + d / 2);
        dl->AddCircleFilled(mid, d * 0.38f, partner_fill(c));
        if (on) dl->AddCircle(mid, d * 0.48f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
        ImGui::PopID();
        ImGui::SameLine(0, em(0.2f));
    }
    float col[3] = {color.r / 255.f, color.g / 255.f, color.b / 255.f};
    if (ImGui::ColorEdit3("##custom", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
        color = Rgb{uint8_t(col[0] * 255 + 0.5f), uint8_t(col[1] * 255 + 0.5f), uint8_t(col[2] * 255 + 0.5f)};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick any colour");
    inline_error(error);
    ImGui::PopID();
}

FirstRun::FirstRun() {
    forms_[0].color = kPartnerPalette[0];
    forms_[1].color = kPartnerPalette[1];
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
        forms_[slot].draw(slot, error_[slot]);
    }
    ImGui::Spacing();
    if (ImGui::Button("Start using Hearth", ImVec2(em(12), 0)) || named_key_pressed(ImGuiKey_Enter)) {
        error_[0].clear();
        error_[1].clear();
        auto r = ctx.model.couple.set_up(forms_[0].name.value(), forms_[0].color, forms_[1].name.value(), forms_[1].color);
        if (!r.ok()) {
            focus_slot_ = r.field == "name1" ? 1 : 0;  // back to the field that needs attention
            error_[focus_slot_] = r.error;
        }
    }
    end_card();
}

} // namespace hearth::ui
