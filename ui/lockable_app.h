#pragma once
// The whole UI of a Hearth that may be locked. A plain database never locks.
// An encrypted one starts on the unlock screen; locking (the
// Lock button, Ctrl+L, or lock_after_minutes without input) destroys the
// panels, the context and the model, which closes both database files and
// wipes the key; only a running break's end time is kept, to count down.
// Turning encryption on or off from Settings closes them the same way, runs
// the conversion on its own thread (the window says so) and reopens them.
#include "app_context.h"
#include "conversion_screen.h"
#include "lock_screen.h"
#include "shell.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace hearth::ui {

struct Vault {
    std::string database;  // the file, named on the unlock screen
    screens::LockScreen::Unlock unlock;
    // Opens the couple's files with the key; throws as opening does.
    std::function<std::unique_ptr<Model>(std::shared_ptr<const SecretKey>)> open;
    // Turning encryption on and off with the files closed (empty: not offered).
    screens::Converter convert;
};

class LockableApp {
public:
    // `model` null with a vault: start locked. A vault for a plain database
    // lets Settings turn encryption on.
    LockableApp(const Clock& clock, std::unique_ptr<Model> model, std::optional<Vault> vault = std::nullopt);
    ~LockableApp();

    // One frame of the whole window (between ImGui::NewFrame and Render).
    void draw();
    void lock();
    bool locked() const { return !model_ && !converting_; }
    bool converting() const { return bool(converting_); }
    Model* model() { return model_.get(); }
    AppContext* context() { return ctx_.get(); }
    Shell* shell() { return shell_.get(); }
    screens::LockScreen* lock_screen() { return lock_.get(); }
    // The loop's questions, whichever is showing.
    std::optional<double> take_wake();
    bool take_attention_request() { return ctx_ && ctx_->take_attention_request(); }
    // Ctrl+Q, on every screen: the loop closes the window as its close button does.
    bool take_quit_request() { return std::exchange(quit_requested_, false); }
    // Called when the model is (re)opened: the app applies its preferences, selects a panel.
    std::function<void(LockableApp&)> on_open;

private:
    void adopt(std::unique_ptr<Model> model);
    void close();
    bool encrypted() const { return model_ && model_->db.encrypted(); }
    void draw_converting();
    void watch_idle();
    const Clock& clock_;
    std::optional<Vault> vault_;
    std::unique_ptr<Model> model_;
    std::unique_ptr<AppContext> ctx_;
    std::unique_ptr<Shell> shell_;
    std::unique_ptr<screens::LockScreen> lock_;
    std::unique_ptr<screens::ConversionScreen> converting_;
    SteadyTime last_input_{};
    std::optional<double> wake_;
    bool quit_requested_ = false;
};

// The unlock screen; true when the couple pressed Unlock or Enter.
void draw_lock_view(screens::LockScreen& s, const std::string& database, WallTime now);
// While the files are being converted: what is happening, that it takes a few seconds.
void draw_conversion_view(const screens::ConversionScreen& s);

} // namespace hearth::ui
