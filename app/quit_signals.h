#pragma once
// SIGTERM (a logout, a shutdown, `kill`), SIGINT (Ctrl+C in the terminal that
// started Hearth) and SIGHUP close the window as its close button does: the
// loop ends, the day's snapshot is let finish, the unlock screen's looks are
// kept and the files are closed. Without this they ended Hearth mid-frame.
// The signals are blocked in every thread made after the constructor (make it
// before the window, whose GL driver may start threads) and taken by one thread
// waiting in sigwait, which wakes the loop: no polling, no wake-ups. A second
// signal while Hearth is still closing ends it at once, as before.
#include <atomic>
#include <functional>
#include <thread>

#include <signal.h>

namespace hearth::app {

class QuitSignals {
public:
    // `wake` is called on the waiting thread after a signal (glfwPostEmptyEvent).
    explicit QuitSignals(std::function<void()> wake);
    ~QuitSignals();
    QuitSignals(const QuitSignals&) = delete;
    QuitSignals& operator=(const QuitSignals&) = delete;

    bool requested() const { return requested_.load(); }

private:
    sigset_t signals_{};
    sigset_t old_mask_{};
    std::atomic<bool> requested_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

} // namespace hearth::app
