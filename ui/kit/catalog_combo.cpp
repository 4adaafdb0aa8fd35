#include "kit/catalog_combo.h"

#include "text/glyphs.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>

namespace hearth::ui::kit {

bool catalog_combo(const char* id, Catalog& catalog, std::optional<std::string>& value, CatalogComboState& state,
                   const CatalogComboText& text) {
    bool changed = false;
    bool open_new = false;
    ImGui::PushID(id);
    std::string preview = value ? catalog.label_of(*value).value_or(text.preview_none)
                                : std::string(text.none_item ? text.none_item : text.preview_none);
    if (ImGui::BeginCombo("##catalog", shown(preview))) {
        if (text.none_item && ImGui::Selectable(text.none_item, !value)) {
            value.reset();
            changed = true;
        }
        for (const CatalogEntry& e : catalog.all())
            if (ImGui::Selectable(shown(e.label), value && *value == e.id)) {
                value = e.id;
                changed = true;
            }
        if (text.new_item) {
            ImGui::Separator();
            if (ImGui::Selectable(text.new_item)) open_new = true;
        }
        ImGui::EndCombo();
    }
    if (open_new) {
        state.name.clear();
        state.error.clear();
        ImGui::OpenPopup("new entry");
    }
    if (ImGui::BeginPopup("new entry")) {
        ImGui::TextUnformatted(text.popup_title);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(em(14));
        bool enter = state.name.single_line("##name", text.hint);
        ImGui::SameLine();
        if (ImGui::Button("Add") || enter) {
            auto r = catalog.add(state.name.value());
            if (r.ok()) {
                value = r.id;
                changed = true;
                ImGui::CloseCurrentPopup();
            } else {
                state.error = r.error;
            }
        }
        inline_error(state.error);
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

bool catalog_combo(const char* id, Catalog& catalog, std::string& value, CatalogComboState& state,
                   const CatalogComboText& text) {
    std::optional<std::string> v = value;
    bool changed = catalog_combo(id, catalog, v, state, text);
    if (changed) value = v.value_or(std::string());
    return changed;
}

} // namespace hearth::ui::kit
