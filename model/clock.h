#pragma once
// The one source of time for the model. Production code uses SystemClock; tests
// drive whole sessions with FakeClock, including wall-clock jumps.
#include <chrono>

namespace hearth {

using WallTime = std::chrono::system_clock::time_point;
using SteadyTime = std::chrono::steady_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    // Calendar time (UTC). May jump when the user or NTP changes the clock.
    virtual WallTime now() const = 0;
    // Monotonic time: never jumps, but may or may not advance during suspend.
    virtual SteadyTime steady() const = 0;
};

class SystemClock final : public Clock {
public:
    WallTime now() const override { return std::chrono::system_clock::now(); }
    SteadyTime steady() const override { return std::chrono::steady_clock::now(); }
};

class FakeClock final : public Clock {
public:
    explicit FakeClock(WallTime start) : wall_(start) {}
    WallTime now() const override { return wall_; }
    SteadyTime steady() const override { return steady_; }
    // Time passes normally: both clocks move.
    void advance(std::chrono::milliseconds d) { wall_ += d; steady_ += d; }
    // The wall clock is changed (NTP, user, time zone fix): steady time does not move.
    void jump_wall(std::chrono::milliseconds d) { wall_ += d; }
    // A suspend during which the monotonic clock stood still.
    void suspend(std::chrono::milliseconds d) { wall_ += d; }

private:
    WallTime wall_;
    SteadyTime steady_{};
};

} // namespace hearth
