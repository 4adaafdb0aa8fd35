#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {

std::string write_file_atomically(const std::filesystem::path& file, std::string_view content, FileAccess access) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return "it is a folder";
#ifndef _WIN32
    const std::string name = file.string();
    std::string tmpl = name + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmpl.data());  // owner-only, in the same folder so the rename is atomic
    if (fd < 0) return std::strerror(errno);
    if (access == FileAccess::shareable) ::fchmod(fd, 0644);
    std::FILE* f = ::fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        ::close(fd);
        ::unlink(tmpl.c_str());
        return std::strerror(e);
    }
    bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    int e = ok ? 0 : errno;
    if (ok && std::fflush(f) != 0) ok = false, e = errno;
    if (ok && ::fsync(::fileno(f)) != 0) ok = false, e = errno;
    if (std::fclose(f) != 0 && ok) ok = false, e = errno;
    if (ok && std::rename(tmpl.c_str(), name.c_str()) != 0) ok = false, e = errno;
    if (!ok) {
        ::unlink(tmpl.c_str());
        return std::strerror(e ? e : EIO);
    }
    // Make the rename itself durable (best effort: not every file system allows it).
    auto dir = file.parent_path();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
#else
    (void)access;
    auto tmp = file;
    tmp += ".tmp-hearth";
    std::FILE* f = std::fopen(tmp.string().c_str(), "wb");
    if (!f) return std::strerror(errno);
    bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0;
    ok = std::fclose(f) == 0 && ok;
    if (ok) std::filesystem::rename(tmp, file, ec);
    if (!ok || ec) {
        std::filesystem::remove(tmp, ec);
        return ok ? ec.message() : "writing failed";
    }
    return {};
#endif
}

} // namespace hearth
