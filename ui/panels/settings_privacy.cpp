#include "panels/settings_privacy.h"

#include "fonts.h"
#include "kit/confirm_button.h"
#include "text/glyphs.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstring>

namespace hearth::ui {

namespace {

using Form = screens::PrivacyScreen::Form;

float box_width() { return std::min(em(16), std::max(em(8), (ImGui::GetContentRegionAvail().x - em(1)) / 2)); }

bool password(const char* id, const char* hint, std::string& text, float width = box_width()) {
    ImGui::SetNextItemWidth(width);
    return ImGui::InputTextWithHint(id, hint, &text, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
}

// A passphrase and its repetition, side by side when they fit.
bool password_twice(const char* id, const std::string& label, std::string& text, std::string& again) {
    ImGui::PushID(id);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown(label));  // a partner's name: any script, emoji
    const float width = box_width();
    bool enter = password("##new", "New passphrase", text, width);
    same_line_or_wrap(width);
    enter |= password("##again", "The same again", again, width);
    ImGui::PopID();
    return enter;
}

// ImGui keeps its own copy of the text box being edited: drop it once a
// passphrase has been used.
void forget_typed() {
    ImGui::ClearActiveID();
    GImGui->InputTextState.ClearFreeMemory();
}

} // namespace

void PrivacySettings::draw(AppContext& ctx) {
    if (!screen_) screen_.emplace(ctx.model);
    screens::PrivacyScreen& s = *screen_;
    bool scroll_here = false;
    if (auto changed = ctx.nav.take_handoff<EncryptionChanged>(PanelId::settings)) {
        s.show(changed->ok, std::move(changed->message), std::move(changed->recovery_code));
        scroll_here = true;
        copied_ = false;
    }
    if (auto request = s.poll()) ctx.conversion_requested = std::move(*request);
    if (s.checking()) ctx.wake_in(0.05);  // "Checking the passphrase..." until it is done

    heading("Privacy");
    if (scroll_here) ImGui::SetScrollHereY(0.0f);
    if (s.demonstration()) {
        // One line: the demonstration writes no file, so there is nothing to encrypt.
        ImGui::SameLine();
        muted("This demonstration writes no file: encryption is turned on here for your own database.");
        return;
    }
    if (s.recovery_code()) {
        draw_recovery_code(s);
        return;
    }
    if (s.encrypted()) draw_encrypted(ctx, s);
    else draw_plain(ctx, s);
}

void PrivacySettings::draw_messages(const screens::PrivacyScreen& s) {
    if (s.checking()) ImGui::TextUnformatted("Checking the passphrase... (this takes a moment)");
    if (!s.error().empty()) inline_error(s.error());
    if (!s.notice().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, success_text());
        ImGui::TextWrapped("%s", shown(s.notice()));
        ImGui::PopStyleColor();
    }
}

bool PrivacySettings::draw_new_passphrases(screens::PrivacyScreen& s) {
    int each = s.per_partner ? 1 : 0;
    ImGui::RadioButton("One passphrase we share", &each, 0);
    same_line_or_wrap(button_width("One passphrase each") + em(1.5f));
    ImGui::RadioButton("One passphrase each", &each, 1);
    s.per_partner = each == 1;
    bool enter = false;
    if (s.per_partner) {
        enter |= password_twice("first", s.whose(0) + " passphrase", s.first, s.first_again);
        enter |= password_twice("second", s.whose(1) + " passphrase", s.second, s.second_again);
    } else {
        enter |= password_twice("shared", "Your passphrase", s.shared, s.shared_again);
    }
    muted("At least 8 characters. A few words that belong together only for you are easier to remember and "
          "harder to guess than one word with symbols.");
    return enter;
}

void PrivacySettings::draw_plain(AppContext& ctx, screens::PrivacyScreen& s) {
    if (s.demonstration()) return;  // said beside the heading
    ImGui::TextWrapped("Not encrypted: anyone who can open files on this computer can read the database and "
                       "the drafts beside it. Encrypted, they open only with a passphrase, and Hearth can be locked.");
    if (s.form() != Form::turn_on) {
        if (ImGui::Button("Turn encryption on...")) s.open(Form::turn_on);
        draw_messages(s);
        return;
    }
    ImGui::Spacing();
    const bool enter = draw_new_passphrases(s);
    ImGui::BeginDisabled(!ctx.can_convert);
    const bool go = ImGui::Button("Encrypt the database") || (enter && ctx.can_convert);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) s.close();
    if (go) {
        auto request = s.turn_on();
        forget_typed();
        if (request) ctx.conversion_requested = std::move(*request);
    }
    draw_messages(s);  // right under the button that was pressed (the two boxes differ, ...)
    muted("After that you are shown a recovery code, once: without a passphrase or that code nobody, Hearth "
          "included, can recover the data.");
}

void PrivacySettings::draw_encrypted(AppContext& ctx, screens::PrivacyScreen& s) {
    ImGui::TextWrapped("Encrypted: the database and this computer's drafts cannot be read without a passphrase "
                       "or the recovery code. Lock Hearth with the Lock button or Ctrl+L.");
    int& after = lock_after_ ? *lock_after_ : lock_after_.emplace(ctx.model.settings.get(setting::lock_after_minutes));
    ImGui::SetNextItemWidth(em(12));
    ImGui::SliderInt("Lock after", &after, 0, 60, after == 0 ? "never by itself" : "%d min without input");
    if (ImGui::IsItemDeactivatedAfterEdit()) ctx.model.settings.set(setting::lock_after_minutes, after);
    if (!ImGui::IsItemActive()) lock_after_.reset();

    const bool busy = s.checking();
    if (s.form() == Form::none) {
        muted(s.per_partner_now() ? "Each of you has a passphrase of your own." : "You share one passphrase.");
        if (ImGui::Button("Change passphrases...")) s.open(Form::change);
        ImGui::SameLine();
        if (ImGui::Button("Turn encryption off...")) {
            s.open(Form::turn_off);
            asking_off_ = false;
        }
        draw_messages(s);
        return;
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(busy);
    ImGui::TextWrapped(s.form() == Form::change ? "To change the passphrases, type the one you use now (or the recovery code):"
                                                : "To turn encryption off, type the passphrase you use now (or the recovery code):");
    bool enter = password("##current", "Passphrase or recovery code now", s.current);
    if (s.form() == Form::change) {
        enter |= draw_new_passphrases(s);
        if (ImGui::Button("Change passphrases") || enter) {
            s.change();
            forget_typed();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) s.close();
        muted("Only the keys file changes; the recovery code keeps working.");
    } else {
        const bool off = kit::confirm_button(
            {"Turn encryption off", "Really turn encryption off", "Keep it encrypted",
             "Then anyone who can open the files on this computer can read everything in Hearth: appreciations, "
             "break topics, drafts. An encrypted copy of today's database is kept beside it."},
            asking_off_);
        if (!asking_off_) {
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) s.close();
        }
        if (off) {
            s.turn_off();
            forget_typed();
        }
    }
    ImGui::EndDisabled();
    draw_messages(s);
}

void PrivacySettings::draw_recovery_code(screens::PrivacyScreen& s) {
    const std::string& code = *s.recovery_code();
    if (!s.notice().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, success_text());
        ImGui::TextWrapped("%s", shown(s.notice()));
        ImGui::PopStyleColor();
    }
    ImGui::TextUnformatted("Your recovery code:");
    // Large, on one line when it fits, else in two halves (never cut off).
    if (ImFont* big = fonts().heading) ImGui::PushFont(big);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float wide = ImGui::CalcTextSize(code.c_str()).x;
    const float scale = std::min(1.4f, avail / std::max(1.0f, wide));
    if (scale >= 0.9f) {
        ImGui::SetWindowFontScale(scale);
        ImGui::TextUnformatted(code.c_str());
    } else {
        const std::size_t half = code.find('-', code.size() / 2 - 2);
        ImGui::SetWindowFontScale(std::min(1.4f, 2 * scale));
        ImGui::TextUnformatted(code.c_str(), code.c_str() + (half == std::string::npos ? code.size() : half + 1));
        if (half != std::string::npos) ImGui::TextUnformatted(code.c_str() + half + 1);
    }
    ImGui::SetWindowFontScale(1.0f);
    if (fonts().heading) ImGui::PopFont();
    if (ImGui::Button("Copy")) {
        ImGui::SetClipboardText(code.c_str());
        copied_ = true;
    }
    if (copied_) {
        ImGui::SameLine();
        muted("Copied. Paste it where you keep it safe; it leaves the clipboard when you press the button below.");
    }
    ImGui::TextWrapped("Write it down or print it, and keep it somewhere safe away from this computer. It opens "
                       "Hearth when a passphrase is forgotten, and it is shown only now.");
    ImGui::PushStyleColor(ImGuiCol_Text, error_text());
    ImGui::TextWrapped("Without a passphrase or this code the data cannot be recovered by anyone, Hearth included.");
    ImGui::PopStyleColor();
    if (ImGui::Button("I have written it down")) {
        if (copied_) {
            const char* held = ImGui::GetClipboardText();
            if (held && code == held) ImGui::SetClipboardText("");
        }
        copied_ = false;
        s.written_down();  // wipes it
    }
}

} // namespace hearth::ui
