#include "couple_form.h"

namespace hearth {

void CoupleForm::load(const Couple& couple) {
    for (int slot = 0; slot < 2; ++slot)
        partners[std::size_t(slot)] = PartnerDraft{couple.partner(slot).name, couple.partner(slot).color};
    errors = {};
}

std::string CoupleForm::colour_note() const {
    if (!(partners[0].color == partners[1].color)) return {};
    return "You both have the same colour. Every screen shows whose turn it is by colour, so two colours tell you apart at a glance.";
}

SaveResult CoupleForm::route(SaveResult r) {
    errors = {};
    if (!r.ok()) {
        slot_to_fix_ = refused_slot(r).value_or(0);
        errors[std::size_t(slot_to_fix_)] = r.error;
    }
    return r;
}

SaveResult CoupleForm::set_up(Couple& couple) {
    return route(couple.set_up(partners[0].name, partners[0].color, partners[1].name, partners[1].color));
}

SaveResult CoupleForm::save(Couple& couple) {
    return route(couple.update_both(partners[0].name, partners[0].color, partners[1].name, partners[1].color));
}

} // namespace hearth
