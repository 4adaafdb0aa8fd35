#include "lockable_app.h"

#include "fonts.h"
#include "keys.h"
#include "time_text.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>

namespace hearth::ui {

LockableApp::LockableApp(const Clock& clock, std::unique_ptr<Model> model, std::optional<Vault> vault)
    : clock_(clock), vault_(std::move(vault)) {
    if (model) adopt(std::move(model));
    else {
        lock_ = std::make_unique<screens::LockScreen>(vault_->unlock);
        lock_->running_break = read_break_time(vault_->database);  // time only (model/break_time_file.h)
    }
}

LockableApp::~LockableApp() {
    if (model_) (void)model_->looks_file.sync();
    shell_.reset();
    ctx_.reset();
}

void LockableApp::adopt(std::unique_ptr<Model> model) {
    model_ = std::move(model);
    ctx_ = std::make_unique<AppContext>(*model_, clock_);
    ctx_->can_lock = vault_ && model_->db.encrypted();
    ctx_->can_convert = vault_ && vault_->convert.encrypt;
    shell_ = std::make_unique<Shell>(*ctx_);
    lock_.reset();
    last_input_ = clock_.steady();
    // The unlock screen's looks (model/looks_file.h), kept again at close: a
    // convenience, so failing to write it is not worth a word.
    (void)model_->looks_file.sync();
}

// Closes both files (the last reference to the key goes with them).
void LockableApp::close() {
    if (model_) (void)model_->break_time.sync();
    if (model_) (void)model_->looks_file.sync();
    shell_.reset();
    ctx_.reset();
    model_.reset();  // closes both files; the last reference to the key goes with them
    // ImGui keeps a copy of the text box being edited: drop it.
    if (ImGui::GetCurrentContext()) {
        ImGui::ClearActiveID();
        GImGui->InputTextState.ClearFreeMemory();
    }
}

void LockableApp::lock() {
    if (!vault_ || !encrypted()) return;
    // Only the end time of a running break survives the lock; never its topic.
    std::optional<screens::LockedBreak> running;
    try {
        running = shown_break_time(model_->breaks.active(), clock_.now());
    } catch (const DbError&) {
    }
    close();
    lock_ = std::make_unique<screens::LockScreen>(vault_->unlock);
    lock_->running_break = running;
}

void LockableApp::watch_idle() {
    if (!vault_ || !encrypted()) return;
    const ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || ImGui::IsAnyMouseDown() ||
                 io.InputQueueCharacters.Size > 0;
    for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown) && !input; ++k) input = io.KeysDown[k];
    const auto now = clock_.steady();
    if (input) last_input_ = now;
    int minutes = 0;
    try {
        minutes = model_->settings.get(setting::lock_after_minutes);
    } catch (const DbError&) {
    }
    if (minutes <= 0) return;
    const auto idle = now - last_input_;
    const auto limit = std::chrono::minutes(minutes);
    if (idle >= limit) ctx_->lock_requested = true;
    else ctx_->wake_in(std::chrono::duration<double>(limit - idle).count());
}

void LockableApp::draw() {
    if (ImGui::GetIO().KeyCtrl && key_pressed('Q')) quit_requested_ = true;
    if (converting_) return draw_converting();
    if (model_) {
        watch_idle();
        shell_->draw();
        // A convenience: failing to write it loses nothing typed; a restart
        // then shows no countdown on the unlock screen.
        (void)model_->break_time.sync();
        if (ctx_->conversion_requested && ctx_->can_convert) {
            auto request = std::move(*ctx_->conversion_requested);
            close();
            converting_ = std::make_unique<screens::ConversionScreen>(vault_->convert, std::move(request));
            wake_ = 0;  // "Encrypting..." on the next frame, while the work runs
        } else if (ctx_->lock_requested) {
            lock();
        }
        return;
    }
    if (auto key = lock_->poll()) {
        try {
            auto model = vault_->open(std::move(key));
            adopt(std::move(model));
            if (on_open) on_open(*this);
            shell_->draw();
            return;
        } catch (const std::exception& e) {
            lock_->set_error(e.what());
        }
    }
    draw_lock_view(*lock_, vault_->database, clock_.now());
    if (lock_->unlocking()) {
        wake_ = 0.05;  // "Unlocking..." until the key is derived
    } else if (lock_->break_seconds_left(clock_.now()) > 0 && lock_->running_break->ends_at) {
        auto left = *lock_->running_break->ends_at - clock_.now();
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count() % 1000;
        wake_ = double(ms == 0 ? 1000 : ms) / 1000.0;
    }
}

void LockableApp::draw_converting() {
    auto outcome = converting_->poll();
    if (!outcome) {
        draw_conversion_view(*converting_);
        wake_ = 0.05;  // until the work is done
        return;
    }
    converting_.reset();
    std::unique_ptr<Model> model;
    std::string problem;
    if (!outcome->encrypted || outcome->key) {
        try {
            model = vault_->open(outcome->encrypted ? std::move(outcome->key) : nullptr);
        } catch (const std::exception& e) {
            problem = e.what();
        }
    }
    outcome->key.reset();
    if (!model) {
        // Encrypted but its key is not at hand, or the files would not open: the unlock screen says why.
        lock_ = std::make_unique<screens::LockScreen>(vault_->unlock);
        lock_->set_error(outcome->message + (problem.empty() ? "" : " " + problem));
        draw_lock_view(*lock_, vault_->database, clock_.now());
        return;
    }
    adopt(std::move(model));
    if (on_open) on_open(*this);
    ctx_->go_to(PanelId::settings, EncryptionChanged{outcome->ok, std::move(outcome->message),
                                                     std::move(outcome->recovery_code)});
    shell_->draw();
}

void draw_conversion_view(const screens::ConversionScreen& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("Converting", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float width = std::min(em(30), ImGui::GetContentRegionAvail().x);
    const float left = std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(3));
    auto column = [&] { ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left); };
    ImGui::PushTextWrapPos(left + width + ImGui::GetStyle().WindowPadding.x);
    column();
    heading(s.encrypting() ? "Encrypting..." : "Turning encryption off...");
    column();
    ImGui::TextWrapped(s.encrypting()
                           ? "Hearth is copying every page of the database into an encrypted copy and protecting "
                             "the key with your passphrases. This takes a few seconds."
                           : "Hearth is copying every page of the database into a plain copy. This takes a few "
                             "seconds.");
    column();
    ImGui::TextDisabled("%s", s.database().c_str());
    ImGui::Dummy(em2(0, 0.5f));
    column();
    ImGui::TextWrapped("If the computer stops meanwhile, nothing is lost: the database is either the old file or "
                       "the new one, whole.");
    ImGui::PopTextWrapPos();
    ImGui::End();
}

std::optional<double> LockableApp::take_wake() {
    if (ctx_) return ctx_->take_wake();
    auto w = wake_;
    wake_.reset();
    return w;
}

void draw_lock_view(screens::LockScreen& s, const std::string& database, WallTime now) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("Locked", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float width = std::min(em(30), ImGui::GetContentRegionAvail().x);
    const float left = std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    // A little above the middle of a big window (the column is about 16 lines high).
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(em(3), (ImGui::GetContentRegionAvail().y - em(16)) * 0.4f));
    auto column = [&] { ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left); };
    ImGui::PushTextWrapPos(left + width + ImGui::GetStyle().WindowPadding.x);
    column();
    heading("Hearth is locked");
    column();
    ImGui::TextWrapped("Everything is hidden and the database is closed. Type your passphrase or the recovery "
                       "code to open it again.");
    column();
    ImGui::TextDisabled("%s", database.c_str());
    if (s.running_break) {
        ImGui::Dummy(em2(0, 0.5f));
        const auto left_s = s.break_seconds_left(now);
        column();
        if (!s.running_break->ends_at)
            ImGui::Text("A break is paused: %s left", format_countdown(left_s).c_str());
        else if (left_s > 0)
            ImGui::Text("A break is running: %s left", format_countdown(left_s).c_str());
        else
            ImGui::Text("The break's time is up.");
    }
    ImGui::Dummy(em2(0, 0.5f));
    const bool busy = s.unlocking();
    column();
    ImGui::BeginDisabled(busy);
    ImGui::SetNextItemWidth(width - em(7));
    if (!busy && !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputTextWithHint("##passphrase", "Passphrase or recovery code", s.passphrase(), s.capacity(),
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    bool pressed = ImGui::Button("Unlock", ImVec2(em(6), 0));
    ImGui::EndDisabled();
    if ((enter || pressed) && !busy) s.submit();
    if (s.unlocking()) {
        column();
        ImGui::TextUnformatted("Unlocking...");
    } else if (!s.error().empty()) {
        column();
        ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.15f, 1), "%s", s.error().c_str());
    }
    ImGui::Dummy(em2(0, 1));
    column();
    ImGui::TextDisabled("Without a passphrase or the recovery code the data cannot be recovered.");
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace hearth::ui
