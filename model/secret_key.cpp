#include "secret_key.h"

#include <sodium.h>

#include <new>
#include <stdexcept>

namespace hearth {

void sodium_ready() {
    static const int status = sodium_init();
    if (status < 0) throw std::runtime_error("the encryption library (libsodium) could not start");
}

void wipe(std::string& s) {
    // The whole buffer: a text box that was shortened keeps the old tail past size().
    if (s.capacity() > 0) sodium_memzero(s.data(), s.capacity());
    s.clear();
}

std::shared_ptr<std::string> wiped_on_release(std::string secret) {
    return std::shared_ptr<std::string>(new std::string(std::move(secret)), [](std::string* s) {
        wipe(*s);
        delete s;
    });
}

SecretKey::SecretKey() {
    sodium_ready();
    bytes_ = static_cast<unsigned char*>(sodium_malloc(kSize));
    if (!bytes_) throw std::bad_alloc();
}

SecretKey::~SecretKey() {
    // sodium_free wipes the bytes before it unmaps them.
    sodium_free(bytes_);
}

void SecretKey::seal() { sodium_mprotect_readonly(bytes_); }

std::shared_ptr<const SecretKey> SecretKey::random() {
    return make([](unsigned char* b) { randombytes_buf(b, kSize); });
}

std::shared_ptr<const SecretKey> SecretKey::derive(std::uint64_t purpose) const {
    return make([&](unsigned char* b) { crypto_kdf_derive_from_key(b, kSize, purpose, "hearthdb", bytes_); });
}

} // namespace hearth
