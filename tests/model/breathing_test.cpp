#include "breathing.h"
#include "time_util.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("The breathing pacer goes in, holds, out and rests, then repeats", "[breathing]") {
    BreathingRhythm r{4, 2, 6, 0};
    CHECK(r.breaths_per_minute() == Approx(5.0));
    CHECK(breath_at(0, r).phase == BreathPhase::In);
    CHECK(breath_at(0, r).lungs == Approx(0.0));
    CHECK(breath_at(2, r).lungs == Approx(0.5));
    CHECK(breath_at(4.5, r).phase == BreathPhase::Hold);
    CHECK(breath_at(4.5, r).lungs == Approx(1.0));
    CHECK(breath_at(4.5, r).seconds_left == Approx(1.5));
    CHECK(breath_at(9, r).phase == BreathPhase::Out);
    CHECK(breath_at(9, r).lungs == Approx(0.5));
    CHECK(breath_at(12.5, r).phase == BreathPhase::In);  // the next breath
    CHECK(breath_at(-3, r).phase == BreathPhase::In);    // never before the start
    BreathingRhythm with_rest{3, 0, 3, 2};
    CHECK(breath_at(7, with_rest).phase == BreathPhase::Rest);
    CHECK(breath_at(3.5, with_rest).phase == BreathPhase::Out);
}

TEST_CASE("Breathing phases stay within humane limits", "[breathing]") {
    auto r = clamp_rhythm({0, -1, 40, 99});
    CHECK(r.in_seconds == 1.0);
    CHECK(r.hold_seconds == 0.0);
    CHECK(r.out_seconds == 12.0);
    CHECK(r.rest_seconds == 12.0);
}

TEST_CASE("A return time typed as HH:MM is that local time on the given day", "[time]") {
    using namespace std::chrono;
    Date d = 2026y / November / 22;
    CHECK(local_time_on(d, "21:40") == sys_days{d} + 21h + 40min);  // TZ=UTC in tests
    CHECK(local_time_on(d, "9:05") == sys_days{d} + 9h + 5min);
    CHECK_FALSE(local_time_on(d, "24:00"));
    CHECK_FALSE(local_time_on(d, "21:4"));
    CHECK_FALSE(local_time_on(d, "soon"));
    CHECK_FALSE(local_time_on(d, ":40"));
}
