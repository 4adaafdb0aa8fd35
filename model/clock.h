#pragma once
// The one source of time for the model. Production code uses SystemClock; tests
// drive whole sessions with FakeClock, including wall-clock jumps.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
    // Which boot boot() counts from (Linux: /proc/sys/kernel/random/boot_id).
    // Two readings of boot() compare only under the same id; empty = unknown,
    // which matches nothing, so callers fall back to the wall clock.
    virtual std::string boot_id() const { return {}; }
};

// A reading of the boot clock that can be saved and compared after a restart:
// within one boot, boot() measures real time across Hearth being closed; after
// a reboot (another id) it means nothing and the wall clock is the fallback.
struct BootMark {
    std::string boot_id;
    int64_t boot_ms = 0;
};
BootMark boot_mark(const Clock& clock);
// Real time since `mark` (never negative), or nullopt after a reboot.
std::optional<int64_t> ms_since(const Clock& clock, const BootMark& mark);

class SystemClock final : public Clock {
public:
    WallTime now() const override { return std::chrono::system_clock::now(); }
    SteadyTime steady() const override { return std::chrono::steady_clock::now(); }
    SteadyTime boot() const override;
    std::string boot_id() const override;
};

class FakeClock final : public Clock {
public:
    explicit FakeClock(WallTime start) : wall_(start) {}
    WallTime now() const override { return wall_; }
    SteadyTime steady() const override { return steady_; }
    SteadyTime boot() const override { return boot_; }
    std::string boot_id() const override { return "fake-boot-" + std::to_string(boots_); }
    // Time passes normally: every clock moves.
    void advance(std::chrono::milliseconds d) { wall_ += d; steady_ += d; boot_ += d; }
    // The wall clock is changed (NTP, user, time zone fix): nothing else moves.
    void jump_wall(std::chrono::milliseconds d) { wall_ += d; }
    // A suspend: the steady clock stands still, the wall and boot clocks move.
    void suspend(std::chrono::milliseconds d) { wall_ += d; boot_ += d; }
    // The machine restarts, off for `down`: a new boot id, and the monotonic
    // clocks start again from zero.
    void reboot(std::chrono::milliseconds down = std::chrono::milliseconds{0}) {
        wall_ += down;
        steady_ = {};
        boot_ = {};
        ++boots_;
    }

private:
    WallTime wall_;
    SteadyTime steady_{};
    SteadyTime boot_{};
    int boots_ = 1;
};

} // namespace hearth
