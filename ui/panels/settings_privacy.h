#pragma once
// Settings -> Privacy: encryption at rest turned on, changed and turned off
// from the window, the recovery code shown once, and the idle lock. Drawn by
// the settings panel; state in screens/privacy_screen.h; the conversion itself
// is carried out by the app with the files closed (ui/lockable_app.h).
#include "app_context.h"
#include "privacy_screen.h"

#include <optional>

namespace hearth::ui {

class PrivacySettings {
public:
    // The section under its heading. `scroll_here`: bring it into view (the
    // recovery code must not be missed below the fold).
    void draw(AppContext& ctx);

private:
    void draw_plain(AppContext& ctx, screens::PrivacyScreen& s);
    void draw_encrypted(AppContext& ctx, screens::PrivacyScreen& s);
    void draw_recovery_code(screens::PrivacyScreen& s);
    // Returns whether Enter was pressed in one of the boxes (submits the form).
    bool draw_new_passphrases(screens::PrivacyScreen& s);
    void draw_messages(const screens::PrivacyScreen& s);

    std::optional<screens::PrivacyScreen> screen_;
    std::optional<int> lock_after_;  // while its slider is held
    bool asking_off_ = false;        // "Really turn encryption off" showing
    bool copied_ = false;            // the code went to the clipboard
};

} // namespace hearth::ui
