#pragma once
// Turning encryption on or off from Settings cannot happen with the database
// open (model/encryption.h: the conversion needs no connection to the files).
// Settings sends a ConversionRequest; the app closes the model, and this screen
// runs the conversion on its own thread (Argon2id and copying every page take
// seconds) while the window says "Encrypting...", then says what happened and
// with which key to reopen. Holds nothing of the couple's data.
#include "encryption.h"
#include "secret_key.h"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace hearth::screens {

struct ConversionRequest {
    enum class Kind { encrypt, decrypt };
    Kind kind = Kind::encrypt;
    Passphrases passphrases;               // encrypt: the new ones (wiped once used)
    std::shared_ptr<const SecretKey> key;  // decrypt: the database key, already checked
};

// What the app layer does with every connection closed and the database lock
// held; app/ binds the file (paths are the app's).
struct Converter {
    std::string database;  // the file, named in every message
    std::function<EncryptedDatabase(const Passphrases&)> encrypt;
    std::function<void(const std::shared_ptr<const SecretKey>&)> decrypt;
    // The database key for a passphrase or recovery code (nullptr: neither).
    std::function<std::shared_ptr<const SecretKey>(const std::string&)> unlock;
};

struct ConversionOutcome {
    bool ok = false;
    std::string message;                         // what happened, naming the file
    std::shared_ptr<std::string> recovery_code;  // encrypt: shown once, wiped when let go
    bool encrypted = false;                      // the file as it is now
    std::shared_ptr<const SecretKey> key;        // to reopen with when encrypted (null: ask at the unlock screen)
};

class ConversionScreen {
public:
    // Starts at once; the caller has closed every connection to the files.
    ConversionScreen(Converter converter, ConversionRequest request);
    ~ConversionScreen();  // waits for the work: the files must not be left half-converted by us
    ConversionScreen(const ConversionScreen&) = delete;
    ConversionScreen& operator=(const ConversionScreen&) = delete;

    bool encrypting() const { return kind_ == ConversionRequest::Kind::encrypt; }
    const std::string& database() const { return database_; }
    // The outcome once the work has finished (once); nothing while it runs.
    std::optional<ConversionOutcome> poll();
    bool running() const { return pending_.valid(); }

private:
    ConversionRequest::Kind kind_;
    std::string database_;
    std::future<ConversionOutcome> pending_;
};

// The work itself, on the calling thread (what the screen runs on its own).
ConversionOutcome convert(const Converter& converter, ConversionRequest& request);

} // namespace hearth::screens
