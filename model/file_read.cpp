#include "file_read.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {

namespace {

std::string size_text(std::size_t bytes) {
    if (bytes >= kMiB) return std::to_string(bytes / kMiB) + " MiB";
    if (bytes >= 1024) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& why) {
    throw FileReadError(file.string() + ": " + why);
}

[[noreturn]] void too_large(const std::filesystem::path& file, std::size_t max_bytes) {
    refuse(file, "the file is larger than " + size_text(max_bytes) + "; it is not one Hearth would write");
}

#ifndef _WIN32
const char* what_it_is(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}
#endif

} // namespace

std::string read_regular_file(const std::filesystem::path& file, std::size_t max_bytes) {
#ifndef _WIN32
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) refuse(file, std::strerror(errno));
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) refuse(file, std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        refuse(file, std::string("it is ") + what_it_is(st.st_mode) + ", not a regular file; Hearth only reads regular files");
    if (st.st_size < 0 || std::uintmax_t(st.st_size) > max_bytes) too_large(file, max_bytes);
    std::string bytes;
    bytes.reserve(std::size_t(st.st_size));
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            refuse(file, std::strerror(errno));
        }
        if (n == 0) break;
        if (bytes.size() + std::size_t(n) > max_bytes) too_large(file, max_bytes);  // it grew while read
        bytes.append(buf, std::size_t(n));
    }
    return bytes;
#else
    std::error_code ec;
    auto status = std::filesystem::status(file, ec);
    if (ec) refuse(file, ec.message());
    if (std::filesystem::is_directory(status)) refuse(file, "it is a folder, not a regular file");
    if (!std::filesystem::is_regular_file(status)) refuse(file, "it is not a regular file; Hearth only reads regular files");
    auto size = std::filesystem::file_size(file, ec);
    if (ec) refuse(file, ec.message());
    if (size > max_bytes) too_large(file, max_bytes);
    std::ifstream in(file, std::ios::binary);
    if (!in) refuse(file, std::strerror(errno));
    std::string bytes;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        if (bytes.size() + std::size_t(in.gcount()) > max_bytes) too_large(file, max_bytes);
        bytes.append(buf, std::size_t(in.gcount()));
    }
    if (in.bad()) refuse(file, "reading failed");
    return bytes;
#endif
}

std::optional<std::string> read_side_file(const std::filesystem::path& file, std::size_t max_bytes) {
    try {
        return read_regular_file(file, max_bytes);
    } catch (const FileReadError&) {
        return std::nullopt;
    }
}

} // namespace hearth
