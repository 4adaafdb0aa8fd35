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
    // Monotonic time that also runs while the machine sleeps (Linux:
    // CLOCK_BOOTTIME): what a countdown measures, since a suspend is time
    // passed but a change to the wall clock is not. Where the platform has no
    // such clock it is steady().
    virtual SteadyTime boot() const { return steady(); }
};

class SystemClock final : public Clock {
public:
    WallTime now() const override { return std::chrono::system_clock::now(); }
    SteadyTime steady() const override { return std::chrono::steady_clock::now(); }
    SteadyTime boot() const override;
};

class FakeClock final : public Clock {
public:
    explicit FakeClock(WallTime start) : wall_(start) {}
    WallTime now() const override { return wall_; }
    SteadyTime steady() const override { return steady_; }
    SteadyTime boot() const override { return boot_; }
    // Time passes normally: every clock moves.
    void advance(std::chrono::milliseconds d) { wall_ += d; steady_ += d; boot_ += d; }
    // The wall clock is changed (NTP, user, time zone fix): nothing else moves.
    void jump_wall(std::chrono::milliseconds d) { wall_ += d; }
    // A suspend: the steady clock stands still, the wall and boot clocks move.
    void suspend(std::chrono::milliseconds d) { wall_ += d; boot_ += d; }

private:
    WallTime wall_;
    SteadyTime steady_{};
    SteadyTime boot_{};
};

} // namespace hearth
