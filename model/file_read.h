#pragma once
// Reading a whole file Hearth did not write itself (a backup, an exercise, a
// deck): only a regular file is read, and only up to a size bound, so a FIFO
// cannot hang Hearth and a link to /dev/zero cannot fill the memory.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace hearth {

// Why a file could not be read; the message names the file and says what it
// is (missing, a folder, a FIFO, a device, too large, unreadable).
class FileReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMiB = std::size_t(1) << 20;

// The bytes of `file`. Refuses at once (never blocks, never reads past
// `max_bytes`) anything that is not a regular file; a symbolic link is
// followed, and judged by what it points at. The message is
// "<file>: <reason>", for callers to prefix with what they were doing.
std::string read_regular_file(const std::filesystem::path& file, std::size_t max_bytes);

// The same for Hearth's own small files beside the database (<db>.break-time,
// <db>.looks): nullopt wherever read_regular_file would refuse (absent, too
// large, a FIFO, ...), since anything unexpected there means "none".
std::optional<std::string> read_side_file(const std::filesystem::path& file, std::size_t max_bytes);

} // namespace hearth
