#pragma once
// Automatic snapshots of the couple's database, kept beside it in
// <data folder>/backups/: at most one a day while Hearth runs, copied with
// SQLite's online backup API, checked with integrity_check before it counts,
// and pruned by one retention rule (daily for two weeks, then one per ISO week
// for nine weeks). Any snapshot can be restored: what is there now is
// snapshotted first, so a restore can be undone.
//
// Every connection to a snapshot file (writing it, checking it, restoring from
// it) is opened through one OpenDatabase, so an encrypted database passes its
// keyed opener and its snapshots are encrypted the same way.
//
// The window takes the day's snapshot on a worker thread (start_daily) with a
// connection of its own to the live file, opened through that same opener: in
// WAL mode its read transaction sees one consistent state while the window's
// connection goes on saving. Everything else here runs on the caller's thread.
#include "clock.h"
#include "database.h"
#include "time_util.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hearth {

using OpenDatabase = std::function<Database(const std::filesystem::path&)>;

struct Snapshot {
    std::filesystem::path file;
    Date day;                     // the local day it was taken, from its name
    WallTime taken;               // when: its file's modification time, set from the clock
    bool before_restore = false;  // made by a restore, of what was there before it
};

// Retention: every snapshot of the last kDailyDays days (today included) is
// kept; of the older ones, up to kDailyDays + 7 * kWeeklyWeeks days old, the
// newest of each ISO week; everything older goes. Snapshots dated after today
// (the clock was moved back) are kept. Returns the ones to delete.
// Newest first: by day, then time taken, then a restore's after the day's own.
bool snapshot_newer(const Snapshot& a, const Snapshot& b);

inline constexpr int kDailyDays = 14;
inline constexpr int kWeeklyWeeks = 9;
std::vector<Snapshot> snapshots_to_prune(const std::vector<Snapshot>& all, Date today);

// A snapshot's name: "<db stem>-YYYY-MM-DD.db" for the day's,
// "<db stem>-YYYY-MM-DD-before-restore-HHMMSS.db" for one a restore made.
// parse_snapshot_name gives the day and kind, or nullopt for any other name.
std::string snapshot_name(const std::string& stem, Date day);
std::optional<Snapshot> parse_snapshot_name(const std::string& stem, const std::string& file_name);

// The folder of `db`'s snapshots ("<its folder>/backups") and the snapshot
// files in it now (by name: other files there are not its snapshots), in no
// particular order. For converting them without a Snapshots object.
std::filesystem::path snapshot_folder_for(const std::filesystem::path& db);
std::vector<std::filesystem::path> snapshot_files_of(const std::filesystem::path& db);

struct SnapshotResult {
    bool ok = false;
    std::string message;         // for the couple: what was done, or why not, naming the file
    std::filesystem::path file;  // the snapshot made or restored
};

class Snapshots {
public:
    // For the database `live` (its file's folder + "/backups"); disabled, listing
    // nothing and doing nothing, for an in-memory one.
    // Snapshots are opened with `open`, by default as `live` is: with its page
    // cipher key, so an encrypted database's snapshots are encrypted too.
    Snapshots(const Database& live, const Clock& clock, OpenDatabase open = {});
    // Cancels a running background snapshot and waits for its thread (see cancel()).
    ~Snapshots();
    Snapshots(const Snapshots&) = delete;
    Snapshots& operator=(const Snapshots&) = delete;

    bool enabled() const { return !folder_.empty(); }
    const std::filesystem::path& folder() const { return folder_; }

    // Every snapshot of this database, newest first.
    std::vector<Snapshot> list() const;
    std::optional<WallTime> last_backup() const;

    // True when today's snapshot has not been tried yet since Hearth started
    // (no file access: the loop asks every frame).
    bool due() const;
    // Seconds until the local day changes, when the next one is due.
    double seconds_until_due() const;
    // Makes today's snapshot unless it exists, then prunes. Never throws: a
    // full disk or a read-only folder comes back as !ok and stays in problem().
    SnapshotResult take_daily(Database& live);

    // The same on a worker thread, from a connection of its own to the live
    // file (opened with `open`); false when it is not due or one is running.
    // `finished` is called on the worker once the result is ready (the window
    // wakes its loop with it); the result is collected with poll().
    bool start_daily(std::function<void()> finished = {});
    bool running() const { return worker_.joinable(); }
    // On the caller's thread: the background snapshot's result once it has
    // finished (then problem() and revision() say so), else nullopt.
    std::optional<SnapshotResult> poll();
    // Waits for a running background snapshot to finish, then polls it.
    std::optional<SnapshotResult> wait();
    // Stops a running background snapshot at its next step and waits for its
    // thread: its temporary file is removed, nothing counts as a snapshot, and
    // today's is tried again by the next due(). Locking calls it (through the
    // destructor) so that no connection outlives the key.
    void cancel();
    // Replaces everything in `live` with `snapshot`, in one step (the backup
    // API into the live connection), after snapshotting what is there now;
    // then brings it to the latest schema. The caller re-reads its model.
    SnapshotResult restore(Database& live, const std::filesystem::path& snapshot);

    // Why the last automatic snapshot failed, or "" when it did not.
    const std::string& problem() const { return problem_; }
    // Counts the changes to the folder this object made (a snapshot taken,
    // pruned, a restore): screens re-read list() when it moves.
    uint64_t revision() const { return revision_; }

private:
    // `cancel`: checked between steps of the copy and the check (null: never).
    SnapshotResult take(Database& live, const std::filesystem::path& file, WallTime now,
                        const std::atomic<bool>* cancel = nullptr) const;
    void prune(Date today) const;
    void record(const SnapshotResult& r);

    const Clock& clock_;
    OpenDatabase open_;
    std::filesystem::path folder_;
    std::string stem_;
    std::filesystem::path live_file_;
    std::optional<Date> tried_day_;
    std::string problem_;
    uint64_t revision_ = 0;

    // The background snapshot: its thread, a cancel flag it checks, and its
    // result handed back under the mutex.
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::mutex finished_mutex_;
    std::optional<SnapshotResult> finished_;
    bool cancelled_ = false;  // set with finished_: the worker stopped for cancel()
};

// PRAGMA integrity_check of a database file opened with `open`: "" when it is
// whole and a Hearth database, else what is wrong.
// `cancel` (optional) stops the check early; it then reports "cancelled".
std::string check_snapshot(const OpenDatabase& open, const std::filesystem::path& file,
                           const std::atomic<bool>* cancel = nullptr);

} // namespace hearth
