#pragma once
// The two partners' names and colours as a form: first run fills it to set
// the couple up, Settings to change them. The name being typed lives in the
// ui's text field; the panel copies it here before submitting.
#include "couple.h"

#include <array>
#include <string>

namespace hearth {

struct PartnerDraft {
    std::string name;
    Rgb color;
};

class CoupleForm {
public:
    // A new couple starts with two different colours; load() replaces them.
    std::array<PartnerDraft, 2> partners{PartnerDraft{{}, kPartnerPalette[0]}, PartnerDraft{{}, kPartnerPalette[1]}};
    // Shown beside each partner's field; cleared on every submit.
    std::array<std::string, 2> errors;

    // The couple as saved.
    void load(const Couple& couple);
    // First run: both partners in one transaction.
    SaveResult set_up(Couple& couple);
    // Settings: both partners in one transaction, or neither.
    SaveResult save(Couple& couple);
    // A word when both chose the same colour (allowed, but every screen tells
    // whose turn it is by colour); empty otherwise.
    std::string colour_note() const;
    // The partner whose field needs attention after the last refusal.
    int slot_to_fix() const { return slot_to_fix_; }

private:
    SaveResult route(SaveResult r);
    int slot_to_fix_ = 0;
};

} // namespace hearth
