#include "atomic_file.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {

namespace {
constexpr std::string_view kTmpMark = ".hearth-tmp-";

bool process_gone(long pid) {
#ifndef _WIN32
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    (void)pid;
    return false;
#endif
}
} // namespace

std::filesystem::path temporary_for(const std::filesystem::path& file, long pid) {
    return file.parent_path() / ("." + file.filename().string() + std::string(kTmpMark) + std::to_string(pid));
}

bool is_hearth_temporary(std::string_view name, long* pid) {
    if (name.size() < 2 || name[0] != '.') return false;
    auto mark = name.rfind(kTmpMark);
    if (mark == std::string_view::npos || mark < 2) return false;
    auto digits = name.substr(mark + kTmpMark.size());
    long value = 0;
    auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (err != std::errc() || end != digits.data() + digits.size() || digits.empty() || value <= 0) return false;
    if (pid) *pid = value;
    return true;
}

int remove_stale_temporaries(const std::filesystem::path& folder) {
    int removed = 0;
    std::error_code ec;
    std::filesystem::directory_iterator it(folder.empty() ? "." : folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        long pid = 0;
        const std::string name = it->path().filename().string();
        if (!is_hearth_temporary(name, &pid) || !process_gone(pid)) continue;
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec)) continue;
        std::error_code rm_ec;
        if (std::filesystem::remove(it->path(), rm_ec)) ++removed;
    }
    return removed;
}

std::string write_file_atomically(const std::filesystem::path& file, std::string_view content) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return "it is a folder";
#ifndef _WIN32
    const std::string name = file.string();
    remove_stale_temporaries(file.parent_path());
    // Owner-only unless the file it replaces is narrower still.
    mode_t mode = 0600;
    struct stat old {};
    if (::stat(name.c_str(), &old) == 0 && S_ISREG(old.st_mode)) mode = old.st_mode & 0600;

    const std::string tmp = temporary_for(file, long(::getpid())).string();
    int fd = -1;
    for (int attempt = 0; attempt < 2 && fd < 0; ++attempt) {
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        // Our own pid's name, left by a process that had it before us.
        if (fd < 0 && errno == EEXIST && attempt == 0) ::unlink(tmp.c_str());
    }
    if (fd < 0) return std::strerror(errno);
    // The umask may only have narrowed 0600; fchmod sets exactly what we chose.
    if (::fchmod(fd, mode) != 0) {
        int e = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return std::strerror(e);
    }
    bool ok = true;
    int e = 0;
    for (size_t done = 0; ok && done < content.size();) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false, e = n < 0 ? errno : EIO;
        else done += size_t(n);
    }
    if (ok && ::fsync(fd) != 0) ok = false, e = errno;
    if (::close(fd) != 0 && ok) ok = false, e = errno;
    if (ok && std::rename(tmp.c_str(), name.c_str()) != 0) ok = false, e = errno;
    if (!ok) {
        ::unlink(tmp.c_str());
        return std::strerror(e ? e : EIO);
    }
    // Make the rename itself durable (best effort: not every file system allows it).
    auto dir = file.parent_path();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
#else
    auto tmp = temporary_for(file, 0);
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
