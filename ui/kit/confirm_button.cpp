#include "kit/confirm_button.h"

#include "widgets.h"

#include <imgui.h>

namespace hearth::ui::kit {

bool confirm_button(const ConfirmText& text, bool& asking) {
    if (ImGui::Button(asking ? text.really : text.ask)) {
        if (!asking) {
            asking = true;
        } else {
            asking = false;
            return true;
        }
    }
    if (asking) {
        ImGui::SameLine();
        if (ImGui::Button(text.keep)) asking = false;
        if (text.warning) muted("%s", text.warning);
    }
    return false;
}

} // namespace hearth::ui::kit
