#include "break_time_file.h"

#include "atomic_file.h"
#include "file_read.h"

#include <charconv>
#include <chrono>
#include <system_error>

namespace hearth {

namespace {

constexpr std::string_view kRunning = "running-until-unix-ms ";
constexpr std::string_view kPaused = "paused-seconds-left ";

std::optional<int64_t> number_after(std::string_view text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return std::nullopt;
    text.remove_prefix(prefix.size());
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0) return std::nullopt;
    return v;
}

} // namespace

std::optional<ShownBreakTime> shown_break_time(const std::vector<BreakView>& active, WallTime now) {
    std::optional<ShownBreakTime> shown;
    for (const auto& b : active) {
        if (b.state == BreakState::running)
            return ShownBreakTime{now + std::chrono::milliseconds(b.remaining_ms), 0};
        if (b.state == BreakState::paused && !shown) shown = ShownBreakTime{std::nullopt, b.remaining_seconds};
    }
    return shown;
}

std::filesystem::path break_time_file_for(const std::filesystem::path& couple_db) {
    return couple_db.string() + ".break-time";
}

std::string format_break_time(const ShownBreakTime& t) {
    if (t.ends_at)
        return std::string(kRunning) +
               std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(t.ends_at->time_since_epoch()).count()) +
               "\n";
    return std::string(kPaused) + std::to_string(t.paused_seconds_left) + "\n";
}

std::optional<ShownBreakTime> parse_break_time(std::string_view text) {
    if (auto ms = number_after(text, kRunning))
        return ShownBreakTime{WallTime{std::chrono::duration_cast<WallTime::duration>(std::chrono::milliseconds(*ms))}, 0};
    if (auto s = number_after(text, kPaused)) return ShownBreakTime{std::nullopt, *s};
    return std::nullopt;
}

std::optional<ShownBreakTime> read_break_time(const std::filesystem::path& couple_db) {
    auto text = read_side_file(break_time_file_for(couple_db), 128);  // ours is one short line
    return text ? parse_break_time(*text) : std::nullopt;
}

BreakTimeFile::BreakTimeFile(const std::string& db_name, bool encrypted, Breaks& breaks, const Clock& clock)
    : breaks_(breaks), clock_(clock) {
    if (encrypted && !db_name.empty() && db_name != ":memory:") file_ = break_time_file_for(db_name);
}

std::string BreakTimeFile::sync() {
    if (file_.empty() || synced_revision_ == breaks_.revision()) return {};
    std::optional<ShownBreakTime> now_shown;
    try {
        now_shown = shown_break_time(breaks_.active(), clock_.now());
    } catch (const std::exception& e) {
        return e.what();  // the revision stays unsynced: tried again next time
    }
    synced_revision_ = breaks_.revision();  // active() may have moved it (a break ran out)
    // A running break's end only moves when it is paused, extended or ended,
    // each a change of state the file must follow; reading it again a moment
    // later gives the same end to within rounding, not worth a write.
    const bool same = now_shown && written_ && now_shown->ends_at.has_value() == written_->ends_at.has_value() &&
                      (now_shown->ends_at ? std::chrono::abs(*now_shown->ends_at - *written_->ends_at) < std::chrono::seconds(1)
                                          : now_shown->paused_seconds_left == written_->paused_seconds_left);
    if (same || (!now_shown && !written_ && synced_once_)) return {};
    synced_once_ = true;
    if (!now_shown) {
        std::error_code ec;
        std::filesystem::remove(file_, ec);
        written_.reset();
        if (ec) return "Could not remove " + file_.string() + ": " + ec.message();
        return {};
    }
    if (auto why = write_file_atomically(file_, format_break_time(*now_shown)); !why.empty())
        return "Could not write " + file_.string() + ": " + why;
    written_ = now_shown;
    return {};
}

} // namespace hearth
