#pragma once
// The welcome screen: two names and a colour each, once.
#include "app_context.h"
#include "guarded_text.h"
#include "couple.h"

#include <string>

namespace hearth::ui {

// Colours offered for partners: distinct, readable on both themes.
inline constexpr Rgb kPartnerPalette[] = {
    {196, 88, 72}, {58, 122, 180}, {64, 146, 104}, {156, 96, 184},
    {214, 140, 36}, {28, 150, 160}, {200, 80, 140}, {110, 110, 120},
};

// Editable name + colour for one partner; shared by first run and Settings.
struct PartnerForm {
    GuardedText name;
    Rgb color;
    // Draws the name field and colour swatches for partner `slot`.
    void draw(int slot, const std::string& error);
};

class FirstRun {
public:
    FirstRun();
    void draw(AppContext& ctx);

private:
    PartnerForm forms_[2];
    std::string error_[2];
    int focus_slot_ = 0;  // the name field to focus next frame, -1 for none
};

} // namespace hearth::ui
