// Settings: the couple's names and colours, theme and text size, the couple's
// own appreciation categories and plan kinds (settings_catalogs.h), privacy
// (settings_privacy.h: encryption and the lock), and where the data lives.
#include "app_context.h"
#include "export_box.h"
#include "first_run.h"
#include "guarded_text.h"
#include "kit/emoji_picker.h"
#include "kit/confirm_button.h"
#include "panel.h"
#include "panels/settings_catalogs.h"
#include "panels/settings_privacy.h"
#include "preferences.h"
#include "settings_screen.h"
#include "theme.h"
#include "units.h"
#include "user_paths.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace hearth::ui {

namespace {

class SettingsPanel final : public Panel {
public:
    std::string_view id() const override { return "settings"; }
    std::string_view title() const override { return "Settings"; }
    std::string_view summary() const override { return "Names and colours, theme, text size, categories, data"; }

    void draw(AppContext& ctx) override {
        Model& m = ctx.model;
        if (!screen_) screen_.emplace(m);
        SettingsScreen& s = *screen_;
        s.sync();
        if (s.take_form_loaded())
            for (int slot = 0; slot < 2; ++slot) names_[slot].name.load(s.couple.partners[std::size_t(slot)].name);

        heading("The two of you");
        for (int slot = 0; slot < 2; ++slot)
            names_[slot].draw(slot, s.couple.partners[std::size_t(slot)].color, s.couple.errors[std::size_t(slot)], m);
        if (std::string word = s.couple.colour_note(); !word.empty()) muted("%s", shown(word));
        if (ImGui::Button("Save names and colours")) {
            for (int slot = 0; slot < 2; ++slot) s.couple.partners[std::size_t(slot)].name = names_[slot].name.value();
            if (auto notice = s.save_partners()) ctx.notify(*notice);
        }
        ImGui::Spacing();
        ImGui::Separator();

        heading("Appearance");
        int theme = s.dark_theme() ? 1 : 0;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Theme");
        ImGui::SameLine();
        bool theme_changed = ImGui::RadioButton("Light", &theme, 0);
        ImGui::SameLine();
        theme_changed |= ImGui::RadioButton("Dark", &theme, 1);
        if (theme_changed) {
            s.set_dark_theme(theme == 1);
            ctx.fonts_dirty = true;  // the app re-applies theme and fonts together
        }
        // A slider's value is held here while it is dragged: the frame the
        // mouse is released on does not write it, so re-reading the setting
        // then would save the old value back.
        int& size = held(text_size_, s.text_size());
        ImGui::SetNextItemWidth(em(12));
        ImGui::SliderInt("Text size", &size, kMinTextSize, kMaxTextSize, "%d px");
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            s.set_text_size(size);
            ctx.fonts_dirty = true;
        }
        if (!ImGui::IsItemActive()) text_size_.reset();
        ImGui::Spacing();
        ImGui::Separator();

        heading("Conflict breaks");
        int& floor = held(floor_, s.break_floor_minutes());
        ImGui::SetNextItemWidth(em(12));
        ImGui::SliderInt("Shortest break", &floor, kLowestFloorMinutes, kDefaultFloorMinutes, "%d minutes");
        if (ImGui::IsItemDeactivatedAfterEdit()) s.set_break_floor_minutes(floor);
        if (!ImGui::IsItemActive()) floor_.reset();
        inline_error(s.floor_error);
        muted("Calming down takes about twenty minutes for most people; some couples agree on ten to fifteen.");
        ImGui::Spacing();
        ImGui::Separator();

        privacy_.draw(ctx);
        ImGui::Spacing();
        ImGui::Separator();

        catalogs_.draw(ctx);
        ImGui::Spacing();
        ImGui::Separator();

        heading("Your data");
        if (s.demonstration()) {
            muted("This is a demonstration with made-up data; nothing here is saved.");
        } else {
            ImGui::TextWrapped("Everything is kept on this computer in %s", s.database_file().c_str());
            if (s.snapshots_enabled()) draw_snapshots(ctx, s);
            draw_backups(s);
        }
    }

private:
    // The automatic daily backups: when the last one was made (or why it
    // failed), and each one with "Restore this snapshot", asked twice.
    void draw_snapshots(AppContext& ctx, SettingsScreen& s) {
        ImGui::Spacing();
        heading("Automatic backups");
        ImGui::TextUnformatted(s.last_backup_text().c_str());
        if (const auto& problem = s.snapshot_problem(); !problem.empty())
            inline_error("The last automatic backup failed: " + problem +
                         ". Hearth goes on as usual and tries again at the next start or tomorrow.");
        muted("Once a day Hearth copies everything to %s: each day's copy is kept for two weeks, then one a week for two months.",
              s.snapshot_folder().c_str());
        const auto& rows = s.snapshot_rows();
        if (rows.empty()) muted("No snapshot yet.");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            ImGui::PushID(row.file.c_str());
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(row.label.c_str());
            ImGui::SameLine();
            bool asking = asking_snapshot_ == row.file;
            const bool confirmed = kit::confirm_button(
                {"Restore this snapshot", "Really replace everything with it", "Keep what is here",
                 "Everything here is replaced by this snapshot. What is here now is first kept as a snapshot of its own, so this can be undone."},
                asking);
            if (asking) asking_snapshot_ = row.file;
            else if (asking_snapshot_ == row.file) asking_snapshot_.clear();
            ImGui::PopID();
            if (confirmed) {
                const std::string file = row.file;  // rows change with the restore
                snapshot_outcome_ = s.restore_snapshot(file);
                if (snapshot_outcome_.ok) ctx.notify("Restored the snapshot " + file);
                break;
            }
        }
        if (!snapshot_outcome_.message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, snapshot_outcome_.ok ? success_text() : error_text());
            ImGui::TextWrapped("%s", snapshot_outcome_.message.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
    }

    // "Back up now" writes the whole database to a file (asking before it
    // replaces one); "Restore from a backup" merges one in, all or nothing,
    // and says what it merged or why it would not.
    void draw_backups(SettingsScreen& s) {
        ImGui::Spacing();
        ImGui::TextUnformatted("A backup of everything, to keep somewhere safe");
        backup_box_.offer(s.backup_file_offered());
        const float pass_width = std::min(em(18), std::max(em(10), ImGui::GetContentRegionAvail().x - em(12)));
        ImGui::SetNextItemWidth(pass_width);
        ImGui::InputTextWithHint("##exportpass", "Passphrase (optional)", &export_pass_, ImGuiInputTextFlags_Password);
        if (!export_pass_.empty()) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(pass_width);
            ImGui::InputTextWithHint("##exportpass2", "The same passphrase again", &export_pass_again_, ImGuiInputTextFlags_Password);
        }
        muted("With a passphrase the file is encrypted and only opens with it; nobody, Hearth included, can recover a forgotten passphrase. Without one, anyone who gets the file can read it.");
        backup_box_.draw("Back up now", [&](const std::string& path) {
            if (export_pass_ != export_pass_again_ && !export_pass_.empty())
                throw std::runtime_error("Cannot write the backup " + path + ": the two passphrases differ; type the same one in both boxes");
            s.back_up(path, export_pass_);
            wipe_secret(export_pass_);
            wipe_secret(export_pass_again_);
        });
        ImGui::Spacing();
        ImGui::TextUnformatted("Restore");
        muted("Merges the backup into what is here, all or nothing: entries new to this computer are added, the newer copy of each entry wins, and what was deleted in the backup is deleted here.");
        ImGui::SetNextItemWidth(std::min(em(26), std::max(em(10), ImGui::GetContentRegionAvail().x - em(10))));
        bool enter = restore_path_.single_line("##restore", "Backup file, e.g. ~/hearth-backup.json");
        ImGui::SetNextItemWidth(std::min(em(18), std::max(em(10), ImGui::GetContentRegionAvail().x - em(12))));
        enter |= ImGui::InputTextWithHint("##restorepass", "Passphrase, if the backup has one", &restore_pass_,
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (ImGui::Button("Restore from a backup") || enter) {
            restored_ = s.restore(expand_home(restore_path_.value()), restore_pass_);
            if (restored_.ok) wipe_secret(restore_pass_);
        }
        if (!restored_.message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, restored_.ok ? success_text() : error_text());
            ImGui::TextWrapped("%s", shown(restored_.message));
            ImGui::PopStyleColor();
        }
    }

    static int& held(std::optional<int>& value, int saved) {
        if (!value) value = saved;
        return *value;
    }

    std::optional<SettingsScreen> screen_;
    std::optional<int> text_size_, floor_;  // while their slider is held
    ExportBox backup_box_;
    GuardedText restore_path_;
    SettingsScreen::RestoreOutcome restored_;
    SettingsScreen::RestoreOutcome snapshot_outcome_;
    std::string asking_snapshot_;  // the snapshot whose restore waits for "Really ..."
    std::string export_pass_, export_pass_again_, restore_pass_;
    PartnerNameField names_[2];
    PrivacySettings privacy_;
    CatalogSettings catalogs_;

public:
    ~SettingsPanel() override {
        wipe_secret(export_pass_);
        wipe_secret(export_pass_again_);
        wipe_secret(restore_pass_);
    }
};

} // namespace

std::unique_ptr<Panel> make_settings_panel() { return std::make_unique<SettingsPanel>(); }

} // namespace hearth::ui
