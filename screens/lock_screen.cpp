#include "lock_screen.h"

#include <chrono>
#include <cstring>
#include <exception>

namespace hearth::screens {

LockScreen::LockScreen(Unlock unlock) : unlock_(std::move(unlock)) {}

LockScreen::~LockScreen() {
    if (pending_.valid()) pending_.wait();
    std::string scratch(typed_.data(), typed_.size());
    wipe(scratch);
    typed_.fill('\0');
}

void LockScreen::submit() {
    if (pending_.valid()) return;
    std::string secret(typed_.data(), ::strnlen(typed_.data(), typed_.size()));
    typed_.fill('\0');
    error_.clear();
    if (secret.empty()) {
        error_ = "Type your passphrase or the recovery code.";
        return;
    }
    pending_ = std::async(std::launch::async, [unlock = unlock_, secret = std::move(secret)]() mutable {
        auto key = unlock(secret);
        wipe(secret);
        return key;
    });
}

std::shared_ptr<const SecretKey> LockScreen::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
    try {
        auto key = pending_.get();
        if (!key) error_ = "That is not the passphrase or the recovery code. Try again.";
        return key;
    } catch (const std::exception& e) {
        error_ = e.what();
        return nullptr;
    }
}

int64_t LockScreen::break_seconds_left(WallTime now) const {
    if (!running_break) return 0;
    if (!running_break->ends_at) return running_break->paused_seconds_left;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*running_break->ends_at - now).count();
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

} // namespace hearth::screens
