#include "snapshots.h"

#include "atomic_file.h"
#include "schema.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {

namespace {

constexpr std::string_view kBeforeRestore = "-before-restore-";
constexpr std::string_view kExt = ".db";

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string two(int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

// The local time of day as HHMMSS, for a name.
std::string hhmmss(WallTime t) {
    const auto since = t - local_midnight(local_date(t));
    auto s = std::chrono::duration_cast<std::chrono::seconds>(since).count();
    if (s < 0) s = 0;
    return two(int(s / 3600 % 24)) + two(int(s / 60 % 60)) + two(int(s % 60));
}

// A temporary of ours (".<snapshot>.hearth-tmp-<pid>" and its -wal, -shm,
// -journal) whose process is gone.
bool stale_temporary(const std::string& name) {
    std::string base = name;
    for (std::string_view suffix : {"-wal", "-shm", "-journal"})
        if (base.size() > suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
            base.resize(base.size() - suffix.size());
            break;
        }
    long pid = 0;
    if (!is_hearth_temporary(base, &pid)) return false;
#ifndef _WIN32
    if (pid == long(::getpid())) return true;  // ours from an attempt that failed
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    return false;
#endif
}

void remove_with_sidecars(const std::filesystem::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(file.string() + suffix, ec);
}

void sync_folder(const std::filesystem::path& dir) {
#ifndef _WIN32
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
#else
    (void)dir;
#endif
}

// The folder, owner-only whatever the umask. "" or why not.
std::string make_private_folder(const std::filesystem::path& dir) {
#ifndef _WIN32
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return std::strerror(errno);
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return std::strerror(errno);
    if (!S_ISDIR(st.st_mode)) return "it is not a folder";
    if ((st.st_mode & 07777) != 0700 && ::chmod(dir.c_str(), 0700) != 0) return std::strerror(errno);
#else
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return ec.message();
#endif
    return {};
}

// Copies the whole of `from` into `to` (SQLite's online backup API, in one
// step). Throws DbError naming `to` (where it fails) or `what`.
void copy_database(Database& from, Database& to, const std::string& what) {
    sqlite3_backup* b = sqlite3_backup_init(to.raw(), "main", from.raw(), "main");
    if (!b) {
        int rc = sqlite3_extended_errcode(to.raw());
        throw DbError(what + ": " + describe_sqlite_error(to.raw(), rc, {}), rc);
    }
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        // The error is the destination's or the source's; either names the disk problem.
        int code = sqlite3_extended_errcode(to.raw());
        if ((code & 0xff) == SQLITE_OK) code = rc;
        throw DbError(what + ": " + describe_sqlite_error(to.raw(), code, {}), code);
    }
}

void set_taken_time(const std::filesystem::path& file, WallTime t) {
    std::error_code ec;
    auto ft = std::chrono::file_clock::from_sys(std::chrono::time_point_cast<std::chrono::system_clock::duration>(t));
    std::filesystem::last_write_time(file, ft, ec);
}

WallTime taken_time(const std::filesystem::path& file, Date day) {
    std::error_code ec;
    auto ft = std::filesystem::last_write_time(file, ec);
    if (ec) return local_midnight(day);
    return std::chrono::time_point_cast<WallTime::duration>(std::chrono::file_clock::to_sys(ft));
}

} // namespace

bool snapshot_newer(const Snapshot& a, const Snapshot& b) {
    if (a.day != b.day) return a.day > b.day;
    if (a.taken != b.taken) return a.taken > b.taken;
    // Within the same second: the day's own is taken at start, a restore's later.
    if (a.before_restore != b.before_restore) return a.before_restore;
    return a.file.filename() > b.file.filename();  // "-2" after the first of the same second
}

std::vector<Snapshot> snapshots_to_prune(const std::vector<Snapshot>& all, Date today) {
    const int oldest_kept = kDailyDays + 7 * kWeeklyWeeks;  // days old
    std::vector<Snapshot> prune;
    // The newest snapshot of each ISO week among those past the daily window.
    std::map<std::pair<int, int>, const Snapshot*> weekly;
    auto newer = [](const Snapshot& a, const Snapshot& b) { return snapshot_newer(a, b); };
    for (const auto& s : all) {
        const int age = days_between(s.day, today);
        if (age < kDailyDays) continue;
        if (age >= oldest_kept) {
            prune.push_back(s);
            continue;
        }
        const IsoWeek w = iso_week(s.day);
        auto& best = weekly[{w.year, w.week}];
        if (!best) {
            best = &s;
        } else if (newer(s, *best)) {
            prune.push_back(*best);
            best = &s;
        } else {
            prune.push_back(s);
        }
    }
    return prune;
}

std::string snapshot_name(const std::string& stem, Date day) {
    return stem + "-" + format_date(day) + std::string(kExt);
}

std::optional<Snapshot> parse_snapshot_name(const std::string& stem, const std::string& name) {
    const size_t date_at = stem.size() + 1;
    if (name.size() < date_at + 10 + kExt.size() || name.compare(0, stem.size(), stem) != 0 || name[stem.size()] != '-')
        return std::nullopt;
    if (name.compare(name.size() - kExt.size(), kExt.size(), kExt) != 0) return std::nullopt;
    auto day = parse_date(std::string_view(name).substr(date_at, 10));
    if (!day) return std::nullopt;
    std::string_view rest = std::string_view(name).substr(date_at + 10, name.size() - kExt.size() - date_at - 10);
    Snapshot s{{}, *day, {}, false};
    if (rest.empty()) return s;
    if (!rest.starts_with(kBeforeRestore)) return std::nullopt;
    rest.remove_prefix(kBeforeRestore.size());
    // HHMMSS, or HHMMSS-N when two restores fell in the same second
    auto dash = rest.find('-');
    if (dash == std::string_view::npos ? rest.size() != 6 || !all_digits(rest)
                                       : dash != 6 || !all_digits(rest.substr(0, 6)) || !all_digits(rest.substr(7)))
        return std::nullopt;
    s.before_restore = true;
    return s;
}

std::string check_snapshot(const OpenDatabase& open, const std::filesystem::path& file) {
    try {
        Database db = open(file);
        auto& st = db.prepare("PRAGMA integrity_check");
        std::string first;
        if (st.step()) first = st.text(0);
        st.reset();
        if (first != "ok") return "it is damaged (integrity check: " + first + ")";
        if (db.user_version() < 1) return "it is not a Hearth database";
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

Snapshots::Snapshots(const Database& live, const Clock& clock, OpenDatabase open)
    : clock_(clock), open_(std::move(open)) {
    if (!open_) open_ = [key = live.file_key()](const std::filesystem::path& p) { return Database::open_file(p, key); };
    if (live.in_memory() || live.name().empty()) return;
    const std::filesystem::path file(live.name());
    folder_ = file.parent_path() / "backups";
    stem_ = file.stem().string();
}

std::vector<Snapshot> Snapshots::list() const {
    std::vector<Snapshot> out;
    if (!enabled()) return out;
    std::error_code ec;
    std::filesystem::directory_iterator it(folder_, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        auto s = parse_snapshot_name(stem_, it->path().filename().string());
        std::error_code type_ec;
        if (!s || !it->is_regular_file(type_ec)) continue;
        s->file = it->path();
        s->taken = taken_time(s->file, s->day);
        out.push_back(*s);
    }
    std::sort(out.begin(), out.end(), snapshot_newer);
    return out;
}

std::optional<WallTime> Snapshots::last_backup() const {
    std::optional<WallTime> last;
    for (const auto& s : list())
        if (!last || s.taken > *last) last = s.taken;
    return last;
}

bool Snapshots::due() const { return enabled() && tried_day_ != local_date(clock_.now()); }

double Snapshots::seconds_until_due() const {
    const WallTime now = clock_.now();
    const WallTime next = local_midnight(add_days(local_date(now), 1));
    return std::max(1.0, std::chrono::duration<double>(next - now).count());
}

SnapshotResult Snapshots::take(Database& live, const std::filesystem::path& file) {
    const std::string name = file.string();
    if (auto why = make_private_folder(folder_); !why.empty())
        return {false, "Could not make the backup " + name + ": its folder " + folder_.string() + " cannot be created (" + why + ")", file};
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec))
        if (stale_temporary(it->path().filename().string())) remove_with_sidecars(it->path());
#ifndef _WIN32
    const auto tmp = temporary_for(file, long(::getpid()));
#else
    const auto tmp = temporary_for(file, 1);
#endif
    remove_with_sidecars(tmp);
    try {
        {
            Database copy = open_(tmp);
            copy_database(live, copy, "Could not make the backup " + name);
            // One self-contained file: no -wal beside it once closed. (The page
            // cipher keeps no rollback journal; closing an encrypted copy
            // checkpoints and removes its -wal all the same.)
            if (!copy.encrypted()) copy.exec("PRAGMA journal_mode=DELETE");
        }
        if (auto bad = check_snapshot(open_, tmp); !bad.empty()) {
            remove_with_sidecars(tmp);
            return {false, "The backup " + name + " was not kept: " + bad, file};
        }
#ifndef _WIN32
        ::chmod(tmp.c_str(), 0600);
#endif
        std::filesystem::rename(tmp, file);
        sync_folder(folder_);
        set_taken_time(file, clock_.now());
    } catch (const std::filesystem::filesystem_error& e) {
        remove_with_sidecars(tmp);
        return {false, "Could not make the backup " + name + ": " + e.code().message(), file};
    } catch (const std::exception& e) {
        remove_with_sidecars(tmp);
        std::string why = e.what();
        // open_file names the temporary; the couple knows the snapshot.
        if (auto p = why.find(tmp.string()); p != std::string::npos) why.replace(p, tmp.string().size(), name);
        if (why.find(name) == std::string::npos) why = "Could not make the backup " + name + ": " + why;
        return {false, why, file};
    }
    return {true, "Backed up to " + name, file};
}

void Snapshots::prune() {
    const Date today = local_date(clock_.now());
    for (const auto& s : snapshots_to_prune(list(), today)) remove_with_sidecars(s.file);
}

SnapshotResult Snapshots::take_daily(Database& live) {
    if (!enabled()) return {false, "A demonstration keeps no backups.", {}};
    const Date today = local_date(clock_.now());
    tried_day_ = today;
    const auto file = folder_ / snapshot_name(stem_, today);
    std::error_code ec;
    SnapshotResult r{true, "Already backed up today to " + file.string(), file};
    if (!std::filesystem::exists(file, ec)) r = take(live, file);
    problem_ = r.ok ? "" : r.message;
    ++revision_;  // a failure is news too
    if (r.ok) prune();
    return r;
}

SnapshotResult Snapshots::restore(Database& live, const std::filesystem::path& snapshot) {
    const std::string name = snapshot.string();
    if (!enabled()) return {false, "A demonstration keeps no backups.", snapshot};
    if (auto bad = check_snapshot(open_, snapshot); !bad.empty())
        return {false, "Nothing was restored from " + name + ": " + bad, snapshot};
    // What is here now, so that the restore can be undone.
    const WallTime now = clock_.now();
    const std::string base = stem_ + "-" + format_date(local_date(now)) + std::string(kBeforeRestore) + hhmmss(now);
    auto before = folder_ / (base + std::string(kExt));
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(before, ec); ++n) before = folder_ / (base + "-" + std::to_string(n) + std::string(kExt));
    auto kept = take(live, before);
    ++revision_;
    if (!kept.ok) return {false, "Nothing was restored from " + name + ": what is here now could not be saved first. " + kept.message, snapshot};
    try {
        Database from = open_(snapshot);
        copy_database(from, live, "Could not restore " + name);
        migrate(live);  // a snapshot from before an upgrade
    } catch (const std::exception& e) {
        return {false, std::string("Nothing was restored: ") + e.what(), snapshot};
    }
    prune();
    ++revision_;
    return {true, "Restored everything from " + name + ". What was here before is kept as " + before.filename().string() +
                      " in the list below, to undo this.",
            snapshot};
}

} // namespace hearth
