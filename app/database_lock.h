#pragma once
// One Hearth at a time on a database: an advisory lock (flock) on "<db>.lock",
// an owner-only file beside it, held for the life of a window or an import. The
// kernel releases it when the process ends, a crash or kill -9 included, so a
// stale lock never blocks. Exports only read and take no lock.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hearth::app {

// Another Hearth holds the lock; the message names the file and what to do.
class DatabaseInUse : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DatabaseLock {
public:
    enum class Purpose { window, import };

    // Takes the lock for db_file (which need not exist yet). Throws
    // DatabaseInUse when another Hearth holds it, std::runtime_error naming the
    // lock file when it cannot be created.
    DatabaseLock(const std::filesystem::path& db_file, Purpose purpose);
    ~DatabaseLock();
    DatabaseLock(DatabaseLock&& other) noexcept;
    DatabaseLock& operator=(DatabaseLock&&) = delete;
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    // "<db>.lock" beside the database's real file (symbolic links followed).
    static std::filesystem::path path_for(const std::filesystem::path& db_file);

private:
    int fd_ = -1;
};

} // namespace hearth::app
