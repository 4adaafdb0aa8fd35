#include "quit_signals.h"

#include <pthread.h>
#include <unistd.h>

namespace hearth::app {

QuitSignals::QuitSignals(std::function<void()> wake) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals_, &old_mask_);
    thread_ = std::thread([this, wake = std::move(wake)] {
        for (;;) {
            int sig = 0;
            if (sigwait(&signals_, &sig) != 0) continue;
            if (stopping_.load()) return;
            if (requested_.exchange(true)) _exit(128 + sig);  // asked twice: closing takes too long
            wake();
        }
    });
}

QuitSignals::~QuitSignals() {
    stopping_.store(true);
    pthread_kill(thread_.native_handle(), SIGHUP);  // taken by its sigwait, which then returns
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

} // namespace hearth::app
