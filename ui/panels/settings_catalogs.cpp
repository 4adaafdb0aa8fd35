#include "panels/settings_catalogs.h"

#include "keys.h"
#include "kit/confirm_button.h"
#include "text/glyphs.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace hearth::ui {

namespace {
std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

// A box `want` wide, narrower when the row has less room.
void box_width(float want) { ImGui::SetNextItemWidth(std::max(em(6), std::min(want, ImGui::GetContentRegionAvail().x))); }

const kit::ConfirmText kDelete{"Delete", "Really delete", "Keep it", nullptr};
} // namespace

void CatalogSettings::draw(AppContext& ctx) {
    draw_section(ctx, categories_);
    ImGui::Spacing();
    ImGui::Separator();
    draw_section(ctx, kinds_);
}

void CatalogSettings::draw_section(AppContext& ctx, Section& s) {
    Model& m = ctx.model;
    if (!s.editor) s.editor.emplace(m, s.which);
    CatalogEditor& ed = *s.editor;
    ImGui::PushID(s.heading);
    heading(s.heading);

    // A copy: renaming or deleting re-reads the catalog's list mid-loop.
    const std::vector<CatalogEntry> entries = ed.catalog().all();
    std::string fixed;
    for (const auto& e : entries)
        if (e.builtin) fixed += (fixed.empty() ? "" : ", ") + e.label;
    if (!fixed.empty()) muted("Built in (these keep their names): %s", shown(fixed));
    bool any_own = false;
    for (const auto& e : entries)
        if (!e.builtin) {
            any_own = true;
            draw_own_entry(ctx, s, e);
        }
    if (!any_own) muted("None of your own yet.");

    box_width(em(14));
    bool enter = s.new_name.single_line("##new", s.add_hint);
    ImGui::SameLine();
    s.new_emoji.button(s.which == CatalogEditor::Which::categories ? "newcat-emoji" : "newkind-emoji", s.new_name,
                       m.device, m.assets_dir);
    same_line_or_wrap(button_width(s.add_button));
    if (ImGui::Button(s.add_button) || enter)
        if (ed.add(s.new_name.value())) s.new_name.clear();
    inline_error(ed.add_error);
    if (!ed.outcome().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, success_text());
        ImGui::TextWrapped("%s", shown(ed.outcome()));
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

void CatalogSettings::draw_own_entry(AppContext& ctx, Section& s, const CatalogEntry& e) {
    CatalogEditor& ed = *s.editor;
    ImGui::PushID(e.id.c_str());
    if (ed.renaming() == e.id) {
        draw_rename(ctx, s);
        ImGui::PopID();
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Bullet();
    ImGui::TextUnformatted(shown(e.label));
    same_line_or_wrap(button_width("Rename"));
    if (ImGui::Button("Rename")) {
        ed.start_rename(e.id);
        s.rename.load(e.label);
        s.rename.refocus();
    }
    bool asking = ed.deleting() == e.id;
    if (!asking) {
        same_line_or_wrap(button_width(kDelete.ask));
        if (kit::confirm_button(kDelete, asking)) asking = false;  // cannot confirm from here
        if (asking) ed.start_delete(e.id);
    } else {
        draw_delete(s, e);
    }
    ImGui::PopID();
}

void CatalogSettings::draw_rename(AppContext& ctx, Section& s) {
    CatalogEditor& ed = *s.editor;
    box_width(em(14));
    bool enter = s.rename.single_line("##rename", "A new name");
    // Escape in the box gives up (ImGui has already let go of the box).
    bool escape = (ImGui::IsItemActive() || ImGui::IsItemDeactivated()) && named_key_pressed(ImGuiKey_Escape);
    ImGui::SameLine();
    s.rename_emoji.button("rename-emoji", s.rename, ctx.model.device, ctx.model.assets_dir);
    same_line_or_wrap(button_width("Save name"));
    bool save = ImGui::Button("Save name") || enter;
    same_line_or_wrap(button_width("Cancel"));
    if (ImGui::Button("Cancel") || escape) {
        ed.cancel_rename();
        return;
    }
    if (save && !ed.save_rename(s.rename.value()) && !ed.rename_error.empty()) s.rename.refocus();
    inline_error(ed.rename_error);
}

void CatalogSettings::draw_delete(Section& s, const CatalogEntry& e) {
    CatalogEditor& ed = *s.editor;
    Catalog& cat = ed.catalog();
    const CatalogUsage& u = ed.usage();
    ImGui::Indent();
    if (u.total == 0) {
        muted("Nothing uses %s. Deleting it cannot be undone.", shown(quoted(e.label)));
    } else {
        ImGui::TextWrapped("%s", shown(quoted(e.label) + " is used by " + u.summary + ". Move them to:"));
        const std::string none = std::string("No ") + ed.noun();
        std::string preview = ed.move_to ? cat.label_of(*ed.move_to).value_or(none) : none;
        box_width(em(14));
        if (ImGui::BeginCombo("##move-to", shown(preview))) {
            if (u.can_leave_empty && ImGui::Selectable(shown(none), !ed.move_to)) ed.move_to.reset();
            for (const auto& other : cat.all())
                if (other.id != e.id && ImGui::Selectable(shown(other.label), ed.move_to == other.id))
                    ed.move_to = other.id;
            ImGui::EndCombo();
        }
    }
    bool asking = true;
    if (kit::confirm_button(kDelete, asking))
        ed.confirm_delete();
    else if (!asking)
        ed.cancel_delete();
    inline_error(ed.delete_error);
    ImGui::Unindent();
}

} // namespace hearth::ui
