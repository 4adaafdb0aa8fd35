#include "breathing.h"

#include <algorithm>
#include <cmath>

namespace hearth {

std::string_view breath_phase_word(BreathPhase p) {
    switch (p) {
    case BreathPhase::In: return "Breathe in";
    case BreathPhase::Hold: return "Hold";
    case BreathPhase::Out: return "Breathe out";
    case BreathPhase::Rest: return "Rest";
    }
    return "";
}

BreathingRhythm clamp_rhythm(BreathingRhythm r) {
    r.in_seconds = std::clamp(r.in_seconds, 1.0, 12.0);
    r.out_seconds = std::clamp(r.out_seconds, 1.0, 12.0);
    r.hold_seconds = std::clamp(r.hold_seconds, 0.0, 12.0);
    r.rest_seconds = std::clamp(r.rest_seconds, 0.0, 12.0);
    return r;
}

BreathMoment breath_at(double t, const BreathingRhythm& raw) {
    const BreathingRhythm r = clamp_rhythm(raw);
    double x = std::fmod(std::max(0.0, t), r.cycle());
    // Ease in and out so the circle moves like a breath, not like a machine.
    auto ease = [](double p) { return 0.5 - 0.5 * std::cos(p * 3.14159265358979); };
    BreathMoment m;
    if (x < r.in_seconds) {
        m = {BreathPhase::In, x / r.in_seconds, r.in_seconds - x, 0};
        m.lungs = ease(m.phase_progress);
    } else if ((x -= r.in_seconds) < r.hold_seconds) {
        m = {BreathPhase::Hold, x / r.hold_seconds, r.hold_seconds - x, 1.0};
    } else if ((x -= r.hold_seconds) < r.out_seconds) {
        m = {BreathPhase::Out, x / r.out_seconds, r.out_seconds - x, 0};
        m.lungs = 1.0 - ease(m.phase_progress);
    } else {
        x -= r.out_seconds;
        m = {BreathPhase::Rest, r.rest_seconds > 0 ? x / r.rest_seconds : 1.0, r.rest_seconds - x, 0.0};
    }
    return m;
}

} // namespace hearth
