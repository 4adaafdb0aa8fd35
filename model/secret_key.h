#pragma once
// A 32-byte key in libsodium's secure memory: locked out of swap, guarded by
// inaccessible pages, read-only once filled, and wiped when the last holder
// lets go (closing the database, locking Hearth). Shared by the open database
// files that use it, so no copy of the bytes is ever made elsewhere.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace hearth {

class SecretKey {
public:
    static constexpr std::size_t kSize = 32;

    // Fresh random bytes.
    static std::shared_ptr<const SecretKey> random();
    // Filled by `fill` (called once with writable secure memory of kSize bytes).
    template <class F>
    static std::shared_ptr<const SecretKey> make(F&& fill) {
        auto k = std::shared_ptr<SecretKey>(new SecretKey());
        fill(k->bytes_);
        k->seal();
        return k;
    }
    // A key for one file derived from this one (libsodium's crypto_kdf), so
    // that a page of one file does not authenticate in another.
    std::shared_ptr<const SecretKey> derive(std::uint64_t purpose) const;

    ~SecretKey();
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;

    const unsigned char* data() const { return bytes_; }

private:
    SecretKey();
    void seal();
    unsigned char* bytes_ = nullptr;
};

// Overwrites a passphrase held in a string (its whole buffer) before it is let go.
void wipe(std::string& s);
// A secret shown for a while (the recovery code): wiped when the last holder lets go.
std::shared_ptr<std::string> wiped_on_release(std::string secret);

// libsodium's sodium_init, once; throws when the library cannot start.
void sodium_ready();

} // namespace hearth
