#pragma once
// How costly a passphrase is to try: Argon2id's passes and memory. Stored with
// every key wrap (key_file.h) and in every encrypted backup's header
// (backup_crypto.h), so each is read with the cost it was written with.
#include <cstddef>

namespace hearth {

struct KdfCost {
    unsigned long long ops = 0;
    std::size_t mem = 0;  // bytes
};

} // namespace hearth
