#include "snapshots.h"

#include "atomic_file.h"
#include "schema.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <system_error>
#include <thread>

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

// A snapshot reads and writes each page once, so a cache gains it nothing;
// SQLite's default (2 MiB a connection, three connections: the source, the
// copy and its check) would stay with the process as a worker thread's malloc
// arena long after the copy ends.
void with_small_cache(Database& db) { db.exec("PRAGMA cache_size=-128"); }

// Thrown out of a copy or a check that cancel() stopped.
struct Cancelled {};

// Pages per step of a background copy: about a megabyte, so that cancel()
// is seen within milliseconds and never waits for the whole file.
constexpr int kPagesPerStep = 256;

// Copies the whole of `from` into `to` in steps, checking `cancel` between
// them, all inside one read transaction on `from`. In WAL mode that
// transaction sees one state of the file however long the copy takes, while
// other connections go on saving (a backup between whose steps the source
// changes starts over; one inside a read transaction sees no change).
// Throws Cancelled, or DbError as copy_database.
void copy_in_steps(Database& from, Database& to, const std::string& what, const std::atomic<bool>& cancel) {
    from.exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() {
            try {
                db.exec("COMMIT");
            } catch (const DbError&) {
            }
        }
    } end_read{from};
    from.exec("SELECT count(*) FROM sqlite_master");  // the read transaction starts here
    sqlite3_backup* b = sqlite3_backup_init(to.raw(), "main", from.raw(), "main");
    if (!b) {
        int rc = sqlite3_extended_errcode(to.raw());
        throw DbError(what + ": " + describe_sqlite_error(to.raw(), rc, {}), rc);
    }
    for (;;) {
        if (cancel.load()) {
            sqlite3_backup_finish(b);
            throw Cancelled{};
        }
        const int rc = sqlite3_backup_step(b, kPagesPerStep);
        if (rc == SQLITE_OK) continue;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        sqlite3_backup_finish(b);
        if (rc == SQLITE_DONE) return;
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

std::filesystem::path snapshot_folder_for(const std::filesystem::path& db) { return db.parent_path() / "backups"; }

std::vector<std::filesystem::path> snapshot_files_of(const std::filesystem::path& db) {
    std::vector<std::filesystem::path> out;
    const std::string stem = db.stem().string();
    std::error_code ec;
    std::filesystem::directory_iterator it(snapshot_folder_for(db), ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (parse_snapshot_name(stem, it->path().filename().string()) && it->is_regular_file(type_ec))
            out.push_back(it->path());
    }
    return out;
}

std::string check_snapshot(const OpenDatabase& open, const std::filesystem::path& file, const std::atomic<bool>* cancel) {
    try {
        Database db = open(file);
        with_small_cache(db);
        if (cancel)
            sqlite3_progress_handler(
                db.raw(), 1000, [](void* flag) { return int(static_cast<const std::atomic<bool>*>(flag)->load()); },
                const_cast<std::atomic<bool>*>(cancel));
        auto& st = db.prepare("PRAGMA integrity_check");
        std::string first;
        if (st.step()) first = st.text(0);
        st.reset();
        if (cancel && cancel->load()) return "cancelled";
        if (first != "ok") return "it is damaged (integrity check: " + first + ")";
        if (db.user_version() < 1) return "it is not a Hearth database";
        return {};
    } catch (const std::exception& e) {
        if (cancel && cancel->load()) return "cancelled";
        return e.what();
    }
}

Snapshots::Snapshots(const Database& live, const Clock& clock, OpenDatabase open)
    : clock_(clock), open_(std::move(open)) {
    if (!open_) open_ = [key = live.file_key()](const std::filesystem::path& p) { return Database::open_file(p, key); };
    if (live.in_memory() || live.name().empty()) return;
    const std::filesystem::path file(live.name());
    folder_ = snapshot_folder_for(file);
    stem_ = file.stem().string();
    live_file_ = file;
}

Snapshots::~Snapshots() { cancel(); }

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

SnapshotResult Snapshots::take(Database& live, const std::filesystem::path& file, WallTime now,
                               const std::atomic<bool>* cancel) const {
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
            with_small_cache(copy);
            if (cancel) copy_in_steps(live, copy, "Could not make the backup " + name, *cancel);
            else copy_database(live, copy, "Could not make the backup " + name);
            // One self-contained file: no -wal beside it once closed. (The page
            // cipher keeps no rollback journal; closing an encrypted copy
            // checkpoints and removes its -wal all the same.)
            if (!copy.encrypted()) copy.exec("PRAGMA journal_mode=DELETE");
        }
        if (auto bad = check_snapshot(open_, tmp, cancel); !bad.empty()) {
            remove_with_sidecars(tmp);
            if (cancel && cancel->load()) return {false, "The backup " + name + " was stopped.", file};
            return {false, "The backup " + name + " was not kept: " + bad, file};
        }
#ifndef _WIN32
        ::chmod(tmp.c_str(), 0600);
#endif
        std::filesystem::rename(tmp, file);
        sync_folder(folder_);
        set_taken_time(file, now);
    } catch (const Cancelled&) {
        remove_with_sidecars(tmp);
        return {false, "The backup " + name + " was stopped.", file};
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

void Snapshots::prune(Date today) const {
    for (const auto& s : snapshots_to_prune(list(), today)) remove_with_sidecars(s.file);
}

void Snapshots::record(const SnapshotResult& r) {
    problem_ = r.ok ? "" : r.message;
    ++revision_;  // a failure is news too
}

SnapshotResult Snapshots::take_daily(Database& live) {
    if (!enabled()) return {false, "A demonstration keeps no backups.", {}};
    wait();  // one at a time: each removes the temporaries of failed attempts
    const WallTime now = clock_.now();
    const Date today = local_date(now);
    tried_day_ = today;
    const auto file = folder_ / snapshot_name(stem_, today);
    std::error_code ec;
    SnapshotResult r{true, "Already backed up today to " + file.string(), file};
    if (!std::filesystem::exists(file, ec)) r = take(live, file, now);
    record(r);
    if (r.ok) prune(today);
    return r;
}

bool Snapshots::start_daily(std::function<void()> finished) {
    if (!due() || running()) return false;
    // The clock is read here: the worker touches nothing of this object but
    // what is fixed since construction, the flag and the hand-off.
    const WallTime now = clock_.now();
    const Date today = local_date(now);
    tried_day_ = today;
    cancel_.store(false);
    worker_ = std::thread([this, now, today, finished = std::move(finished)] {
        const auto file = folder_ / snapshot_name(stem_, today);
        SnapshotResult r{true, "Already backed up today to " + file.string(), file};
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            try {
                Database source = open_(live_file_);
                with_small_cache(source);
                r = take(source, file, now, &cancel_);
            } catch (const std::exception& e) {
                r = {false, "Could not make the backup " + file.string() + ": " + e.what(), file};
            }
        }
        const bool stopped = !r.ok && cancel_.load();
        if (r.ok && !cancel_.load()) prune(today);
        {
            std::lock_guard lock(finished_mutex_);
            finished_ = r;
            cancelled_ = stopped;
        }
        if (finished) finished();
    });
    return true;
}

std::optional<SnapshotResult> Snapshots::poll() {
    std::optional<SnapshotResult> r;
    bool stopped = false;
    {
        std::lock_guard lock(finished_mutex_);
        if (!finished_) return std::nullopt;
        r.swap(finished_);
        stopped = cancelled_;
    }
    worker_.join();  // it has handed over: only its return is left
    if (stopped) {
        tried_day_.reset();  // not a failure to show: tried again when next due
        return std::nullopt;
    }
    record(*r);
    return r;
}

std::optional<SnapshotResult> Snapshots::wait() {
    if (!running()) return std::nullopt;
    worker_.join();
    std::optional<SnapshotResult> r;
    bool stopped = false;
    {
        std::lock_guard lock(finished_mutex_);
        r.swap(finished_);
        stopped = cancelled_;
    }
    if (!r) return std::nullopt;
    if (stopped) {
        tried_day_.reset();
        return std::nullopt;
    }
    record(*r);
    return r;
}

void Snapshots::cancel() {
    if (!running()) return;
    cancel_.store(true);
    wait();
}

SnapshotResult Snapshots::restore(Database& live, const std::filesystem::path& snapshot) {
    const std::string name = snapshot.string();
    if (!enabled()) return {false, "A demonstration keeps no backups.", snapshot};
    wait();  // never beside a background snapshot (each removes the other's temporaries)
    if (auto bad = check_snapshot(open_, snapshot); !bad.empty())
        return {false, "Nothing was restored from " + name + ": " + bad, snapshot};
    // What is here now, so that the restore can be undone.
    const WallTime now = clock_.now();
    const std::string base = stem_ + "-" + format_date(local_date(now)) + std::string(kBeforeRestore) + hhmmss(now);
    auto before = folder_ / (base + std::string(kExt));
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(before, ec); ++n) before = folder_ / (base + "-" + std::to_string(n) + std::string(kExt));
    auto kept = take(live, before, now);
    ++revision_;
    if (!kept.ok) return {false, "Nothing was restored from " + name + ": what is here now could not be saved first. " + kept.message, snapshot};
    try {
        Database from = open_(snapshot);
        copy_database(from, live, "Could not restore " + name);
        migrate(live);  // a snapshot from before an upgrade
    } catch (const std::exception& e) {
        return {false, std::string("Nothing was restored: ") + e.what(), snapshot};
    }
    prune(local_date(now));
    ++revision_;
    return {true, "Restored everything from " + name + ". What was here before is kept as " + before.filename().string() +
                      " in the list below, to undo this.",
            snapshot};
}

} // namespace hearth
