#pragma once
// The breathing pacer's rhythm: breathe in, hold, breathe out, rest, repeat.
// Slow breathing (around six breaths a minute) is a common way to calm down
// during a break; every phase length is adjustable.
#include <string_view>

namespace hearth {

struct BreathingRhythm {
    double in_seconds = 4.0;
    double hold_seconds = 2.0;
    double out_seconds = 6.0;
    double rest_seconds = 0.0;
    double cycle() const { return in_seconds + hold_seconds + out_seconds + rest_seconds; }
    double breaths_per_minute() const { return cycle() > 0 ? 60.0 / cycle() : 0.0; }
};

enum class BreathPhase { In, Hold, Out, Rest };
std::string_view breath_phase_word(BreathPhase p);  // "Breathe in", ...

struct BreathMoment {
    BreathPhase phase = BreathPhase::In;
    double phase_progress = 0.0;  // 0..1 through the current phase
    double seconds_left = 0.0;    // in the current phase
    double lungs = 0.0;           // 0 empty .. 1 full: the size the pacer draws
};

// Where in the rhythm we are `t` seconds after the pacer started.
BreathMoment breath_at(double t, const BreathingRhythm& r);

// Phases are clamped to 1..12 s (0..12 s for hold and rest).
BreathingRhythm clamp_rhythm(BreathingRhythm r);

} // namespace hearth
