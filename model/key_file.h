#pragma once
// The keys file beside an encrypted database (`<db>.keys`): the database key
// wrapped once for every way in (one shared passphrase, or one per partner,
// and the recovery code). Each wrap is Argon2id (libsodium's crypto_pwhash,
// its cost and salt stored with it) then XChaCha20-Poly1305 over the key.
// Changing a passphrase rewrites this file only. docs/encryption.md.
#include "kdf_cost.h"
#include "secret_key.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

// What new wraps use: shipping_kdf_cost() (64 MiB and 12 passes, about half a
// second here). Tests switch to libsodium's minimum so the suite stays fast;
// the cost is stored with every wrap, so either unlocks.
KdfCost kdf_cost();
KdfCost shipping_kdf_cost();
void use_cheap_kdf_for_tests();

// Who a wrap lets in, as shown and stored (never a name: the keys file is plain).
inline constexpr std::string_view kShared = "shared passphrase";
inline constexpr std::string_view kPartner1 = "partner 1";
inline constexpr std::string_view kPartner2 = "partner 2";
inline constexpr std::string_view kRecovery = "recovery code";

struct KeyWrap {
    std::string who;
    KdfCost cost;
    std::string salt, nonce, wrapped;  // raw bytes
};

KeyWrap wrap_key(const SecretKey& key, std::string_view who, std::string_view secret);
// The key, or nothing when `secret` is not the one this wrap was made with.
std::shared_ptr<const SecretKey> unwrap_key(const KeyWrap& wrap, std::string_view secret);

// 15 random bytes as 24 letters and digits in groups of four
// ("7KQ2-...-M9XD"); what the couple types is read by recovery_code_secret.
std::string new_recovery_code();
// The typed code without spaces or dashes, upper case, O read as 0 and I, L as 1.
std::string recovery_code_secret(std::string_view typed);
// Whether `typed`, read that way, has a recovery code's shape (24 of its
// letters and digits): only then is it tried against the recovery wrap.
bool could_be_recovery_code(std::string_view typed);

struct KeyFile {
    std::vector<KeyWrap> wraps;

    static std::filesystem::path path_for(const std::filesystem::path& db);
    // Nothing when the file is absent; throws naming the file when unreadable.
    static std::optional<KeyFile> read(const std::filesystem::path& file);
    // Atomically and owner-only; throws naming the file.
    void write(const std::filesystem::path& file) const;

    // Tries every wrap (and the recovery code) with `secret`.
    std::shared_ptr<const SecretKey> unlock(std::string_view secret) const;
    bool per_partner() const;
};

} // namespace hearth
