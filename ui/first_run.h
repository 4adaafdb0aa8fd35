#pragma once
// The welcome screen: two names and a colour each, once.
#include "app_context.h"
#include "guarded_text.h"
#include "kit/emoji_picker.h"
#include "couple.h"
#include "couple_form.h"

#include <string>

namespace hearth::ui {

// The name field of one partner's form (the colour is plain data in the
// form, screens/couple_form.h); shared by first run and Settings.
struct PartnerNameField {
    GuardedText name;
    kit::EmojiPicker emoji;
    // Draws the name field, its emoji picker and colour swatches for partner
    // `slot`, and `error` under them; the error goes once the name is edited.
    void draw(int slot, Rgb& color, std::string& error, Model& model);
};

class FirstRun {
public:
    void draw(AppContext& ctx);

private:
    void draw_colour_note(const std::string& note);
    CoupleForm form_;
    PartnerNameField names_[2];
    int focus_slot_ = 0;  // the name field to focus next frame, -1 for none
    int colour_changed_slot_ = 1;     // whose colours the same-colour word sits under
    bool note_shown_ = false;         // the same-colour word was on the last frame
    bool same_colour_asked_ = false;  // Start was pressed once with one colour
    bool scroll_to_note_ = false;
};

} // namespace hearth::ui
