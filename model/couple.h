#pragma once
// The two partners at the keyboard: set up once (names and colours), editable
// later. Slot 0 and slot 1 are fixed positions; everything else refers to a
// partner by id.
#include "clock.h"
#include "database.h"
#include "save_result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace hearth {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};
std::string format_rgb(Rgb c);                       // "#c0563f"
std::optional<Rgb> parse_rgb(std::string_view s);

struct Partner {
    std::string id;
    int slot = 0;
    std::string name;
    Rgb color;
};

inline constexpr std::size_t kMaxNameChars = 40;

// Colours offered for partners: distinct, readable on both themes. A new
// couple starts with the first two.
inline constexpr Rgb kPartnerPalette[] = {
    {196, 88, 72}, {58, 122, 180}, {64, 146, 104}, {156, 96, 184},
    {214, 140, 36}, {28, 150, 160}, {200, 80, 140}, {110, 110, 120},
};

// The partner whose name a refused set_up/update/update_both points at, so a
// form shows the reason beside that partner's field; nullopt for anything else.
std::optional<int> refused_slot(const SaveResult& r);

class Couple {
public:
    Couple(Database& db, const Clock& clock);
    bool is_set_up() const { return partners_[0].has_value() && partners_[1].has_value(); }
    // Precondition: is_set_up().
    const Partner& partner(int slot) const { return *partners_[slot]; }
    const Partner& other(int slot) const { return *partners_[1 - slot]; }
    std::optional<int> slot_of(const std::string& partner_id) const;

    // First run: both partners in one transaction. Names are trimmed; empty,
    // too long or identical names are refused.
    SaveResult set_up(const std::string& name0, Rgb color0, const std::string& name1, Rgb color1);
    SaveResult update(int slot, const std::string& name, Rgb color);
    // Settings: both partners' names and colours in one transaction, all or
    // nothing. Each name is checked against the other's new name, so the two
    // may swap names; a refusal names the partner's field (see refused_slot).
    SaveResult update_both(const std::string& name0, Rgb color0, const std::string& name1, Rgb color1);
    void reload();

private:
    SaveResult check_name(int slot, const std::string& name, const std::string& other_name) const;
    Database& db_;
    const Clock& clock_;
    std::array<std::optional<Partner>, 2> partners_;
};

} // namespace hearth
