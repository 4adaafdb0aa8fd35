// libFuzzer target for the exercise reader: any bytes given to parse_exercise
// either make a definition or an error message; nothing may throw, crash, hang,
// leak or trip ASan/UBSan. Seeded from tests/corpus/exercises and the shipped
// assets/exercises (scripts/fuzz.sh).
#include "exercise_definition.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto r = hearth::parse_exercise(std::string_view(reinterpret_cast<const char*>(data), size));
    // Exactly one of the two, and an error is something to show.
    if (r.ok() == !r.error.empty()) __builtin_trap();
    if (r.ok() && (r.definition->id.empty() || r.definition->steps.empty())) __builtin_trap();
    return 0;
}
