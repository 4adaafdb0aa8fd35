#pragma once
// What an encrypted Hearth may show of a running break before it is unlocked:
// the break's end time (running) or the seconds left (paused), kept in a small
// plain file beside the database, "<db>.break-time", owner-only, written
// atomically whenever that changes and removed when no break runs. Never the
// topic, nor who called the break: only what the lock screen shows to anyone
// at the laptop anyway (docs/encryption.md, threat model). A plain database
// starts unlocked and keeps no such file.
#include "breaks.h"
#include "clock.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

// A break running (ends_at) or paused (the seconds it has left).
struct ShownBreakTime {
    std::optional<WallTime> ends_at;
    int64_t paused_seconds_left = 0;
    bool operator==(const ShownBreakTime&) const = default;
};

// Of the active breaks: a running one's end (the first running), else a
// paused one's seconds left; nullopt when none runs or is paused.
std::optional<ShownBreakTime> shown_break_time(const std::vector<BreakView>& active, WallTime now);

std::filesystem::path break_time_file_for(const std::filesystem::path& couple_db);
// The file's whole content for `t` (two lines of digits), and back; nullopt for
// anything else (a damaged file shows nothing rather than a wrong time).
std::string format_break_time(const ShownBreakTime& t);
std::optional<ShownBreakTime> parse_break_time(std::string_view text);
// Reads the file; nullopt when it is absent or not ours.
std::optional<ShownBreakTime> read_break_time(const std::filesystem::path& couple_db);

// Keeps the file in step with the breaks of an encrypted database; does
// nothing for a plain or in-memory one. sync() asks the breaks only when their
// revision moved (the app calls it every frame) and writes only on a change.
class BreakTimeFile {
public:
    BreakTimeFile(const std::string& db_name, bool encrypted, Breaks& breaks, const Clock& clock);
    // "" or why the file could not be written or removed (naming it); the
    // break itself is saved either way.
    std::string sync();

private:
    std::filesystem::path file_;
    Breaks& breaks_;
    const Clock& clock_;
    std::optional<uint64_t> synced_revision_;
    std::optional<ShownBreakTime> written_;
    bool synced_once_ = false;  // the first sync removes a file left from before
};

} // namespace hearth
