// Settings: the couple's names and colours, theme and text size, the couple's
// own appreciation categories, and where the data lives.
#include "app_context.h"
#include "first_run.h"
#include "panel.h"
#include "preferences.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <memory>

namespace hearth::ui {

namespace {

class SettingsPanel final : public Panel {
public:
    std::string_view id() const override { return "settings"; }
    std::string_view title() const override { return "Settings"; }
    std::string_view summary() const override { return "Names and colours, theme, text size, categories, data"; }

    void draw(AppContext& ctx) override {
        Model& m = ctx.model;
        if (!loaded_) load(m);

        heading("The two of you");
        for (int slot = 0; slot < 2; ++slot) forms_[slot].draw(slot, errors_[slot]);
        if (ImGui::Button("Save names and colours")) {
            errors_[0].clear();
            errors_[1].clear();
            for (int slot = 0; slot < 2; ++slot) {
                auto r = m.couple.update(slot, forms_[slot].name.value(), forms_[slot].color);
                if (!r.ok()) errors_[slot] = r.error;
            }
            if (errors_[0].empty() && errors_[1].empty()) ctx.notify("Names and colours saved.");
        }
        ImGui::Spacing();
        ImGui::Separator();

        heading("Appearance");
        int theme = m.settings.get(setting::theme) == "dark" ? 1 : 0;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Theme");
        ImGui::SameLine();
        bool theme_changed = ImGui::RadioButton("Light", &theme, 0);
        ImGui::SameLine();
        theme_changed |= ImGui::RadioButton("Dark", &theme, 1);
        if (theme_changed) {
            m.settings.set(setting::theme, theme ? "dark" : "light");
            ctx.fonts_dirty = true;  // the app re-applies theme and fonts together
        }
        int size = m.settings.get(setting::text_size);
        ImGui::SetNextItemWidth(em(12));
        ImGui::SliderInt("Text size", &size, kMinTextSize, kMaxTextSize, "%d px");
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            m.settings.set(setting::text_size, size);
            ctx.fonts_dirty = true;
        }
        ImGui::Spacing();
        ImGui::Separator();

        heading("Conflict breaks");
        int floor = m.breaks.floor_minutes();
        ImGui::SetNextItemWidth(em(12));
        ImGui::SliderInt("Shortest break", &floor, kLowestFloorMinutes, kDefaultFloorMinutes, "%d minutes");
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            auto r = m.breaks.set_floor_minutes(floor);
            floor_error_ = r.ok() ? "" : r.error;
        }
        inline_error(floor_error_);
        muted("Calming down takes about twenty minutes for most people; some couples agree on ten to fifteen.");
        ImGui::Spacing();
        ImGui::Separator();

        heading("Appreciation categories");
        for (const auto& c : m.categories.all()) {
            ImGui::BulletText("%s%s", c.label.c_str(), c.builtin ? "" : "  (yours)");
        }
        ImGui::SetNextItemWidth(em(14));
        bool enter = ImGui::InputTextWithHint("##newcat", "Add one of your own", &new_category_, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (ImGui::Button("Add category") || enter) {
            auto r = m.categories.add(new_category_);
            category_error_ = r.ok() ? "" : r.error;
            if (r.ok()) new_category_.clear();
        }
        inline_error(category_error_);
        ImGui::Spacing();
        ImGui::Separator();

        heading("Your data");
        if (m.db.in_memory()) {
            muted("This is a demonstration with made-up data; nothing here is saved.");
        } else {
            ImGui::TextWrapped("Everything is kept on this computer in %s", m.db.name().c_str());
            muted("Back it up with: hearth --export-json FILE   \xC2\xB7   restore or merge with: hearth --import-json FILE");
        }
    }

private:
    void load(Model& m) {
        for (int slot = 0; slot < 2; ++slot) {
            forms_[slot].name.load(m.couple.partner(slot).name);
            forms_[slot].color = m.couple.partner(slot).color;
        }
        loaded_ = true;
    }

    bool loaded_ = false;
    PartnerForm forms_[2];
    std::string errors_[2];
    std::string new_category_;
    std::string category_error_;
    std::string floor_error_;
};

} // namespace

std::unique_ptr<Panel> make_settings_panel() { return std::make_unique<SettingsPanel>(); }

} // namespace hearth::ui
