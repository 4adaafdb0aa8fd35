#include "database_lock.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth::app {

std::filesystem::path DatabaseLock::path_for(const std::filesystem::path& db_file) {
    std::error_code ec;
    auto real = std::filesystem::weakly_canonical(db_file, ec);
    if (ec) real = std::filesystem::absolute(db_file, ec);
    if (ec) real = db_file;
    real += ".lock";
    return real;
}

DatabaseLock::DatabaseLock(const std::filesystem::path& db_file, Purpose purpose) {
#ifndef _WIN32
    const auto lock = path_for(db_file);
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0) {
        int e = errno;
        std::string why = std::strerror(e);
        if (e == EACCES || e == EROFS) why = "its folder is read-only (" + why + ")";
        throw std::runtime_error("Cannot open the database " + db_file.string() + ": cannot create the lock file " +
                                 lock.string() + " that keeps a second Hearth off it: " + why);
    }
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077)) ::fchmod(fd_, 0600);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        ::close(fd_);
        fd_ = -1;
        if (e != EWOULDBLOCK)
            throw std::runtime_error("Cannot lock the database " + db_file.string() + " (" + lock.string() +
                                     "): " + std::strerror(e));
        if (purpose == Purpose::import)
            throw DatabaseInUse("Cannot import into " + db_file.string() +
                                ": Hearth is open on it in a window. Close that window, then import again; nothing was changed.");
        throw DatabaseInUse("Hearth is already open on " + db_file.string() +
                            " in another window; use that window. This one does not start, so that two windows never "
                            "save to the same file.");
    }
    // Who holds it, for a person looking at the file.
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
#else
    (void)db_file;
    (void)purpose;
#endif
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

DatabaseLock::~DatabaseLock() {
#ifndef _WIN32
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
#endif
}

} // namespace hearth::app
