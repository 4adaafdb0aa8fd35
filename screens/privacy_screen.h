#pragma once
// Settings -> Privacy: turning encryption on (one shared passphrase or one per
// partner, each typed twice), changing the passphrases (or switching between
// shared and per partner), turning it off, and the recovery code shown once.
// The rules are the model's (model/encryption.h: passphrases_problem); this
// holds the boxes being typed in (wiped once used), the one form open, the
// work running on its own thread (Argon2id takes about half a second per
// passphrase) and what happened, in words. docs/encryption.md.
#include "conversion_screen.h"
#include "hearth_model.h"

#include <future>
#include <memory>
#include <optional>
#include <string>

namespace hearth::screens {

class PrivacyScreen {
public:
    explicit PrivacyScreen(Model& m);
    ~PrivacyScreen();  // wipes every box; waits for work running
    PrivacyScreen(const PrivacyScreen&) = delete;
    PrivacyScreen& operator=(const PrivacyScreen&) = delete;

    enum class Form { none, turn_on, change, turn_off };
    Form form() const { return form_; }
    // Opens one form (closing another), boxes empty, messages cleared.
    void open(Form f);
    void close();

    bool encrypted() const { return m_.db.encrypted(); }
    bool demonstration() const { return m_.db.in_memory(); }
    const std::string& database_file() const { return m_.db.name(); }
    // "Maya's", "Sam's": how the per-partner boxes and messages name them.
    std::string whose(int slot) const;
    // How the database's passphrases are now (read from its keys file).
    bool per_partner_now() const;

    // The boxes (password fields in the window). Room is reserved so typing
    // never moves a passphrase to a new buffer, leaving a copy behind.
    static constexpr std::size_t kBoxCapacity = 1100;
    bool per_partner = false;  // the choice in the turn-on and change forms
    std::string current;       // change, turn off: the passphrase or recovery code now
    std::string shared, shared_again, first, first_again, second, second_again;

    // Turn on: the request the app carries out with the files closed, or
    // nothing and error() says why (too short, the two boxes differ).
    std::optional<ConversionRequest> turn_on();
    // Change: checks the current passphrase, then rewraps the key for the new
    // ones (the files of the database are not touched); on its own thread.
    void change();
    // Turn off: checks the current passphrase on its own thread; poll() then
    // hands the request for the app.
    void turn_off();
    bool checking() const { return pending_.valid(); }
    // Each frame: finishes the work that ran; a request for the app when the
    // passphrase to turn encryption off was right.
    std::optional<ConversionRequest> poll();

    const std::string& error() const { return error_; }
    const std::string& notice() const { return notice_; }

    // What the app did (after it reopened the files): the words, and the
    // recovery code to show until the couple has written it down.
    void show(bool ok, std::string message, std::shared_ptr<std::string> recovery_code);
    const std::string* recovery_code() const { return code_ ? code_.get() : nullptr; }
    // "I have written it down": the code leaves the screen and memory.
    void written_down();

private:
    struct Checked {
        std::shared_ptr<const SecretKey> key;  // null: not the passphrase or the code
        std::string error;                     // the keys file could not be read or written
    };
    std::optional<Passphrases> new_passphrases();  // nullopt: error_ says why
    void wipe_boxes();

    Model& m_;
    Form form_ = Form::none;
    Form running_ = Form::none;
    std::future<Checked> pending_;
    std::string error_, notice_;
    std::shared_ptr<std::string> code_;
};

} // namespace hearth::screens
