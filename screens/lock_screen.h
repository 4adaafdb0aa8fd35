#pragma once
// The lock: what the unlock screen remembers between frames. Holds nothing of
// the couple's data: a passphrase being typed (wiped once used), whether the
// key is being derived, why the last try failed, and the end time of a break
// that was running when Hearth locked (time only, never its topic).
#include "break_time_file.h"
#include "clock.h"
#include "secret_key.h"

#include <array>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace hearth::screens {

// A break running (or paused) when Hearth locked, or when it started locked
// (read from the break-time file beside the database).
using LockedBreak = ShownBreakTime;

class LockScreen {
public:
    // `unlock`: the database key for a passphrase or recovery code, nullptr
    // when it is neither (run off the UI thread: Argon2id takes ~0.5 s).
    using Unlock = std::function<std::shared_ptr<const SecretKey>(const std::string&)>;
    explicit LockScreen(Unlock unlock);
    ~LockScreen();
    LockScreen(const LockScreen&) = delete;
    LockScreen& operator=(const LockScreen&) = delete;

    char* passphrase() { return typed_.data(); }
    std::size_t capacity() const { return typed_.size(); }
    // Starts unlocking with what was typed, and wipes it from the field.
    void submit();
    bool unlocking() const { return pending_.valid(); }
    // Once unlocking has finished: the key (once); nullptr while it runs or
    // when it failed (error() says why).
    std::shared_ptr<const SecretKey> poll();
    const std::string& error() const { return error_; }
    void set_error(std::string why) { error_ = std::move(why); }

    std::optional<LockedBreak> running_break;
    // Seconds left of that break at `now` (0 once it is over).
    int64_t break_seconds_left(WallTime now) const;

private:
    Unlock unlock_;
    std::array<char, 256> typed_{};
    std::future<std::shared_ptr<const SecretKey>> pending_;
    std::string error_;
};

} // namespace hearth::screens
