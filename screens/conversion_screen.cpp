#include "conversion_screen.h"

#include <chrono>
#include <exception>

namespace hearth::screens {

ConversionOutcome convert(const Converter& c, ConversionRequest& r) {
    ConversionOutcome out;
    const bool encrypt = r.kind == ConversionRequest::Kind::encrypt;
    try {
        if (encrypt) {
            auto done = c.encrypt(r.passphrases);
            out.recovery_code = wiped_on_release(std::move(done.recovery_code));
            out.key = std::move(done.key);
            out.encrypted = true;
            out.message = "Encrypted " + c.database + ". Write the recovery code down now: it is shown only once.";
        } else {
            c.decrypt(r.key);
            out.encrypted = false;
            out.message = "Encryption is off: " + c.database +
                          " can be read again by anyone who can open it. An encrypted copy was kept as " +
                          snapshot_before_decryption(c.database).string() + " (it opens with the old passphrase).";
        }
        out.ok = true;
    } catch (const std::exception& e) {
        out.message = std::string(encrypt ? "Could not encrypt: " : "Could not turn encryption off: ") + e.what();
        // Crash-safe steps leave either the old or the new file whole: reopen whichever it is.
        out.encrypted = is_encrypted_file(c.database);
        if (out.encrypted && !encrypt) out.key = r.key;
        if (out.encrypted && encrypt) {
            try {
                out.key = c.unlock(r.passphrases.per_partner ? r.passphrases.partner1 : r.passphrases.shared);
            } catch (const std::exception&) {
            }
        }
    }
    wipe(r.passphrases);
    r.key.reset();
    return out;
}

ConversionScreen::ConversionScreen(Converter converter, ConversionRequest request)
    : kind_(request.kind), database_(converter.database) {
    pending_ = std::async(std::launch::async, [c = std::move(converter), r = std::move(request)]() mutable {
        return convert(c, r);
    });
}

ConversionScreen::~ConversionScreen() {
    if (pending_.valid()) pending_.wait();
}

std::optional<ConversionOutcome> ConversionScreen::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    try {
        return pending_.get();
    } catch (const std::exception& e) {  // convert() reports what it meets; this is out of memory and the like
        ConversionOutcome out;
        out.message = std::string("Could not convert ") + database_ + ": " + e.what();
        out.encrypted = is_encrypted_file(database_);
        return out;
    }
}

} // namespace hearth::screens
