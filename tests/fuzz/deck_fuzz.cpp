// libFuzzer target for the deck reader: any bytes given to parse_deck either
// make a deck or an error message; nothing may throw, crash, hang, leak or trip
// ASan/UBSan. Seeded from tests/corpus/decks and the shipped assets/decks
// (scripts/fuzz.sh).
#include "deck_definition.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto r = hearth::parse_deck(std::string_view(reinterpret_cast<const char*>(data), size));
    if (r.ok() == !r.error.empty()) __builtin_trap();
    if (r.ok() && (r.definition->id.empty() || r.definition->cards.empty())) __builtin_trap();
    return 0;
}
