#include "privacy_screen.h"

#include <chrono>
#include <exception>
#include <utility>

namespace hearth::screens {

namespace {
std::string box() {
    std::string s;
    s.reserve(PrivacyScreen::kBoxCapacity);
    return s;
}
} // namespace

PrivacyScreen::PrivacyScreen(Model& m)
    : m_(m), current(box()), shared(box()), shared_again(box()), first(box()), first_again(box()), second(box()),
      second_again(box()) {}

PrivacyScreen::~PrivacyScreen() {
    if (pending_.valid()) pending_.wait();
    wipe_boxes();
}

void PrivacyScreen::wipe_boxes() {
    for (std::string* s : {&current, &shared, &shared_again, &first, &first_again, &second, &second_again}) wipe(*s);
}

void PrivacyScreen::open(Form f) {
    if (checking()) return;
    wipe_boxes();
    form_ = f;
    error_.clear();
    notice_.clear();
    per_partner = f == Form::change && per_partner_now();
}

void PrivacyScreen::close() { open(Form::none); }

std::string PrivacyScreen::whose(int slot) const {
    if (m_.couple.is_set_up()) {
        const std::string& name = m_.couple.partner(slot).name;
        if (!name.empty()) return name + "'s";
    }
    return slot == 0 ? "Partner 1's" : "Partner 2's";
}

bool PrivacyScreen::per_partner_now() const {
    if (!encrypted()) return false;
    try {
        return has_per_partner_passphrases(m_.db.name());
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<Passphrases> PrivacyScreen::new_passphrases() {
    Passphrases p;
    p.per_partner = per_partner;
    if (per_partner) {
        p.partner1 = first;
        p.partner2 = second;
    } else {
        p.shared = shared;
    }
    error_ = passphrases_problem(p, whose(0), whose(1));
    auto differ = [](const std::string& a, const std::string& b, const std::string& whose_) {
        return a == b ? std::string() : whose_ + " passphrase and its repetition differ: type the same in both boxes";
    };
    if (error_.empty()) {
        if (per_partner) {
            error_ = differ(first, first_again, whose(0));
            if (error_.empty()) error_ = differ(second, second_again, whose(1));
        } else {
            error_ = differ(shared, shared_again, "The");
        }
    }
    if (!error_.empty()) {
        error_ += "; nothing was changed. Type them again.";
        wipe(p);
        wipe_boxes();
        return std::nullopt;
    }
    return p;
}

std::optional<ConversionRequest> PrivacyScreen::turn_on() {
    notice_.clear();
    if (encrypted() || demonstration() || checking()) return std::nullopt;
    auto p = new_passphrases();
    if (!p) return std::nullopt;
    ConversionRequest r;
    r.kind = ConversionRequest::Kind::encrypt;
    r.passphrases = std::move(*p);
    wipe_boxes();
    form_ = Form::none;
    return r;
}

void PrivacyScreen::change() {
    notice_.clear();
    if (!encrypted() || checking()) return;
    if (current.empty()) {
        error_ = "Type the passphrase you use now (or the recovery code) first; nothing was changed.";
        return;
    }
    auto p = new_passphrases();
    if (!p) return;
    running_ = Form::change;
    pending_ = std::async(std::launch::async, [db = m_.db.name(), now = current, p = std::move(*p)]() mutable {
        Checked out;
        try {
            out.key = unlock_database(db, now);
            if (out.key) change_passphrases(db, *out.key, p);
        } catch (const std::exception& e) {
            out.key.reset();
            out.error = e.what();
        }
        wipe(now);
        wipe(p);
        return out;
    });
    wipe_boxes();
}

void PrivacyScreen::turn_off() {
    notice_.clear();
    if (!encrypted() || checking()) return;
    if (current.empty()) {
        error_ = "Type the passphrase you use now (or the recovery code) first; nothing was changed.";
        return;
    }
    running_ = Form::turn_off;
    pending_ = std::async(std::launch::async, [db = m_.db.name(), now = current]() mutable {
        Checked out;
        try {
            out.key = unlock_database(db, now);
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        wipe(now);
        return out;
    });
    wipe_boxes();
}

std::optional<ConversionRequest> PrivacyScreen::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    Checked c = pending_.get();
    const Form ran = std::exchange(running_, Form::none);
    error_.clear();
    if (!c.error.empty()) {
        error_ = c.error + "; nothing was changed.";
        return std::nullopt;
    }
    if (!c.key) {
        error_ = "That is not the passphrase or the recovery code of " + m_.db.name() + "; nothing was changed.";
        return std::nullopt;
    }
    form_ = Form::none;
    if (ran == Form::change) {
        notice_ = "Changed the passphrase" + std::string(per_partner ? "s" : "") + " of " + m_.db.name() +
                  (per_partner ? ": each of you now has your own" : ": one passphrase you share") +
                  ". The recovery code still works.";
        return std::nullopt;
    }
    ConversionRequest r;
    r.kind = ConversionRequest::Kind::decrypt;
    r.key = std::move(c.key);
    return r;
}

void PrivacyScreen::show(bool ok, std::string message, std::shared_ptr<std::string> recovery_code) {
    form_ = Form::none;
    (ok ? notice_ : error_) = std::move(message);
    (ok ? error_ : notice_).clear();
    code_ = std::move(recovery_code);
}

void PrivacyScreen::written_down() {
    code_.reset();  // the last holder: wiped_on_release overwrites it
    notice_.clear();
}

} // namespace hearth::screens
