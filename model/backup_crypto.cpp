#include "backup_crypto.h"

#include "utf8.h"

#include <sodium.h>

#include <cstring>
#include <vector>

namespace hearth {

namespace {

constexpr uint8_t kVersion = 1;
constexpr uint8_t kKdfArgon2id13 = 1;
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;  // 16
constexpr std::size_t kChunk = 64 * 1024;                    // plaintext bytes per chunk
constexpr std::size_t kSealedChunk = kChunk + crypto_secretstream_xchacha20poly1305_ABYTES;
// magic, version, kdf id, ops (u64 LE), mem (u64 LE), salt, secretstream header
constexpr std::size_t kHeaderBytes = kEncryptedBackupMagic.size() + 1 + 1 + 8 + 8 + kSaltBytes +
                                     crypto_secretstream_xchacha20poly1305_HEADERBYTES;
// The part of the header every chunk authenticates (all of it but the stream header).
constexpr std::size_t kAuthenticated = kHeaderBytes - crypto_secretstream_xchacha20poly1305_HEADERBYTES;

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("the cryptography library (libsodium) could not start");
}

void put_u64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out += char((v >> (8 * i)) & 0xff);
}
uint64_t get_u64(const unsigned char* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// The key, wiped when it goes.
struct Key {
    unsigned char k[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    ~Key() { sodium_memzero(k, sizeof k); }
};

bool derive(Key& key, std::string_view passphrase, const unsigned char* salt, uint64_t ops, std::size_t mem) {
    return crypto_pwhash(key.k, sizeof key.k, passphrase.data(), passphrase.size(), salt, ops, mem,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

} // namespace

std::string passphrase_problem(std::string_view passphrase) {
    if (!is_valid_utf8(passphrase)) return "the passphrase is not valid text";
    if (codepoint_count(passphrase) < 8) return "a passphrase needs at least 8 characters";
    if (passphrase.size() > 1024) return "a passphrase may have at most 1024 bytes";
    return {};
}

void wipe_secret(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

bool is_encrypted_backup(std::string_view bytes) { return bytes.starts_with(kEncryptedBackupMagic); }

std::string seal_backup(std::string_view plain, std::string_view passphrase, KdfCost cost) {
    ensure_sodium();
    std::string out(kEncryptedBackupMagic);
    out += char(kVersion);
    out += char(kKdfArgon2id13);
    put_u64(out, cost.ops);
    put_u64(out, cost.mem);
    unsigned char salt[kSaltBytes];
    randombytes_buf(salt, sizeof salt);
    out.append(reinterpret_cast<const char*>(salt), sizeof salt);
    Key key;
    if (!derive(key, passphrase, salt, cost.ops, cost.mem))
        throw std::runtime_error("not enough memory to protect the backup with its passphrase");
    crypto_secretstream_xchacha20poly1305_state st;
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key.k);
    const std::string authenticated = out;  // magic..salt
    out.append(reinterpret_cast<const char*>(header), sizeof header);
    out.reserve(out.size() + plain.size() + (plain.size() / kChunk + 1) * crypto_secretstream_xchacha20poly1305_ABYTES);
    std::vector<unsigned char> sealed(kSealedChunk);
    size_t at = 0;
    do {
        const size_t n = std::min(kChunk, plain.size() - at);
        const bool last = at + n == plain.size();
        unsigned long long len = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &st, sealed.data(), &len, bytes_of(plain) + at, n, bytes_of(authenticated), authenticated.size(),
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        out.append(reinterpret_cast<const char*>(sealed.data()), size_t(len));
        at += n;
    } while (at < plain.size());
    sodium_memzero(&st, sizeof st);
    return out;
}

std::string open_backup(std::string_view sealed, std::string_view passphrase) {
    ensure_sodium();
    if (!is_encrypted_backup(sealed)) throw SealError("it is not an encrypted Hearth backup");
    if (sealed.size() < kHeaderBytes) throw SealError("it is cut off: the header is incomplete");
    const unsigned char* p = bytes_of(sealed) + kEncryptedBackupMagic.size();
    if (p[0] != kVersion)
        throw SealError("it is an encrypted backup of version " + std::to_string(p[0]) +
                        ", which this Hearth cannot read (it reads version 1); use a newer Hearth");
    if (p[1] != kKdfArgon2id13) throw SealError("its key derivation (" + std::to_string(p[1]) + ") is unknown");
    const uint64_t ops = get_u64(p + 2);
    const uint64_t mem = get_u64(p + 10);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxKdfOps || mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxKdfMem)
        throw SealError("wrong passphrase or the file was changed (its key derivation settings are out of range)");
    const unsigned char* salt = p + 18;
    const unsigned char* header = salt + kSaltBytes;
    Key key;
    if (!derive(key, passphrase, salt, ops, std::size_t(mem)))
        throw SealError("not enough memory to check the passphrase");
    crypto_secretstream_xchacha20poly1305_state st;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key.k) != 0)
        throw SealError("wrong passphrase or the file was changed");
    std::string plain;
    plain.reserve(sealed.size());
    std::vector<unsigned char> chunk(kChunk);
    size_t at = kHeaderBytes;
    bool final = false;
    while (at < sealed.size()) {
        if (final) {
            sodium_memzero(plain.data(), plain.size());
            throw SealError("wrong passphrase or the file was changed (bytes follow its end)");
        }
        const size_t n = std::min(kSealedChunk, sealed.size() - at);
        unsigned long long len = 0;
        unsigned char tag = 0;
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES ||
            crypto_secretstream_xchacha20poly1305_pull(&st, chunk.data(), &len, &tag, bytes_of(sealed) + at, n,
                                                       bytes_of(sealed), kAuthenticated) != 0) {
            sodium_memzero(plain.data(), plain.size());
            throw SealError("wrong passphrase or the file was changed");
        }
        plain.append(reinterpret_cast<const char*>(chunk.data()), size_t(len));
        sodium_memzero(chunk.data(), size_t(len));
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        at += n;
    }
    sodium_memzero(&st, sizeof st);
    if (!final) {
        sodium_memzero(plain.data(), plain.size());
        throw SealError("wrong passphrase or the file was changed (it is cut off before its last part)");
    }
    return plain;
}

} // namespace hearth
