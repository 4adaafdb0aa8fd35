#pragma once
// Conflict breaks (docs/practices.md, "Conflict breaks"): either partner calls a break
// when a disagreement runs hot; Hearth holds the time for both of them.
//
// A state machine with an injected clock, saved on every change:
//
//   start ──> running <──> paused          (pause / resume; paused time does not count)
//               │  │
//               │  └──> ended_early        (end_early: the UI asks first)
//               └──> expired               (time is up: needs attention)
//                      ├──> returned       (come_back: "we're back", on time or late)
//                      └──> continued      (more_time: a follow-up break carries on)
//
// Time: while Hearth runs the countdown is measured on Clock::boot(), a
// monotonic clock that keeps running through a suspend (CLOCK_BOOTTIME on
// Linux): a suspend counts as time passed, a change of the wall clock in either
// direction does not. Remaining time is clamped to 0..total.
// The database keeps a wall-clock anchor ("at anchor_at, the break had run
// anchor_elapsed_ms"), re-based whenever the steady measure and the anchor
// disagree by more than kJumpTolerance (and quietly about once a minute), so a
// restart derives the same remaining time; a wall clock set before the anchor
// counts as no time passed (so a clock set back while Hearth was closed loses
// at most the minute since the last anchor, never adds time).
//
// Across a restart within one boot the boot clock still measures: each
// running stretch, pause, expiry and chain start leaves a BootMark (clock.h)
// in this machine's DeviceStore, so a wall clock moved while Hearth was closed
// changes nothing. Only after a reboot (another boot id) is the wall clock the
// fallback. The 24-hour limit of a "more time" chain also never counts less
// than the countdown and paused time its breaks have run.
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "device_store.h"
#include "save_result.h"
#include "settings.h"
#include "time_util.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxTopicChars = 2000;
inline constexpr int kDefaultBreakMinutes = 20;
inline constexpr int kDefaultFloorMinutes = setting::break_floor_minutes.fallback;  // the couple may lower it ...
inline constexpr int kLowestFloorMinutes = setting::break_floor_minutes.min;       // ... to as little as this
inline constexpr int kMaxBreakMinutes = 24 * 60;  // also the limit for a whole chain
inline constexpr int kMinMoreTimeMinutes = 5;     // "more time" is not held to the floor
inline constexpr std::chrono::minutes kOnTimeGrace{10};
inline constexpr std::chrono::milliseconds kJumpTolerance{2000};

enum class BreakState { running, paused, expired, ended_early, returned, continued };
enum class TopicStatus { none, open, talked_through, dismissed };
std::string_view to_string(BreakState s);
std::string_view to_string(TopicStatus s);

struct BreakRequest {
    int caller_slot = 0;
    std::string topic;                     // optional; kept byte for byte; blank = no topic
    // Either a length or a return time; neither = kDefaultBreakMinutes.
    std::optional<int> minutes;
    std::optional<WallTime> return_at;
};

// Everything the panel, the history and the dashboard show about one break.
struct BreakView {
    std::string id;
    int caller_slot = 0;
    std::string topic;                     // a follow-up shows its first break's topic
    TopicStatus topic_status = TopicStatus::none;  // of the chain's topic
    BreakState state = BreakState::running;
    std::optional<std::string> follow_up_of;       // the first break of a "more time" chain
    WallTime started_at;
    WallTime chain_started_at;             // the first break's start (24-hour limit)
    Date day;                              // local day the break started
    int64_t planned_ms = 0;                // length asked for at the start
    int64_t extended_ms = 0;               // added by extend()
    int64_t total_ms() const { return planned_ms + extended_ms; }
    int64_t remaining_ms = 0;              // 0 ..total_ms(); live while running
    int64_t remaining_seconds = 0;         // rounded up, as a countdown shows it
    WallTime return_at;                    // agreed return (moves while paused)
    std::string return_clock;              // "21:40", local
    std::optional<int64_t> actual_ms;      // countdown time that ran, once ended
    std::optional<WallTime> ended_at;      // time up, or ended early
    std::optional<WallTime> returned_at;
    std::optional<bool> back_on_time;      // returned: within kOnTimeGrace; ended early: true
    bool ended_while_closed = false;       // expired while Hearth was not running
    std::optional<WallTime> paused_at;
    int64_t paused_total_ms = 0;
    int max_extend_minutes = 0;            // how much extend() still allows (0 when ended)
    std::string created_at;
    std::string updated_at;
    bool active() const {
        return state == BreakState::running || state == BreakState::paused || state == BreakState::expired;
    }
};

struct BreaksWeek {
    Date monday;
    std::array<int, 2> taken{};            // breaks called by each partner (follow-ups not counted)
    int back_on_time = 0;
    int back_late = 0;
    int open_topics = 0;                   // all open topics, not only this week's
};

class Breaks {
public:
    // Reads the saved breaks: running ones continue; one whose time ran out
    // while Hearth was closed becomes expired with ended_while_closed.
    // `marks`: where the boot-clock marks go (the machine's DeviceStore); when
    // null, a store of this object's own (then a restart falls back to wall time).
    Breaks(Database& db, const Clock& clock, const Couple& couple, Settings& settings, DeviceStore* marks = nullptr);
    Breaks(const Breaks&) = delete;
    Breaks& operator=(const Breaks&) = delete;

    // The floor (minutes) for a new break: kLowestFloorMinutes..kDefaultFloorMinutes.
    int floor_minutes() const;
    SaveResult set_floor_minutes(int minutes);

    SaveResult start(const BreakRequest& r);
    // What start(r) would refuse now, and why (ok when it would start): for a
    // form that warns while it is filled in.
    SaveResult check(const BreakRequest& r) const;
    SaveResult pause(const std::string& id);
    SaveResult resume(const std::string& id);
    SaveResult extend(const std::string& id, int minutes);  // running or paused
    SaveResult end_early(const std::string& id);
    SaveResult come_back(const std::string& id);            // expired -> returned
    // Expired -> continued, and a new running break chained to the chain's first
    // break; returns the new break's id. caller_slot defaults to the same caller.
    SaveResult more_time(const std::string& id, int minutes, std::optional<int> caller_slot = std::nullopt);

    // Writes (or clears, when blank) the topic of a break's chain; a new topic is open.
    SaveResult set_topic(const std::string& id, const std::string& topic);
    SaveResult mark_topic_talked_through(const std::string& id);
    SaveResult dismiss_topic(const std::string& id);
    SaveResult reopen_topic(const std::string& id);

    // Advances running countdowns; saves expiries. Returns how many breaks ran
    // out in this call (the UI asks for the window's attention when > 0).
    int tick();
    std::optional<BreakView> get(const std::string& id);
    // Running, paused and expired (unacknowledged) breaks, oldest first.
    std::vector<BreakView> active();
    bool needs_attention();                                   // any expired
    // Every break, newest first.
    std::vector<BreakView> history(int offset, int limit);
    int history_count();
    // Breaks whose topic is open, newest first.
    std::vector<BreakView> open_topics();
    BreaksWeek week(Date any_day);

    // When the shown second of this break next changes (nullopt unless running);
    // next_wake() is the soonest over all running breaks.
    std::optional<std::chrono::milliseconds> next_change_in(const std::string& id);
    std::optional<std::chrono::milliseconds> next_wake();

    // Re-reads the database (after an import); running countdowns re-anchor.
    void reload();
    uint64_t revision() const { return revision_; }

private:
    SaveResult validate(const BreakRequest& r, int64_t* length_ms) const;
    // A running break's countdown, measured on the steady clock.
    struct Live {
        SteadyTime steady;           // Clock::boot() when last observed
        WallTime wall;
        int64_t elapsed_ms = 0;      // countdown time run, as of `steady`
        WallTime anchor_at;          // persisted anchor
        int64_t anchor_elapsed_ms = 0;
        int64_t total_ms = 0;
    };
    void observe(const std::string& id, Live& l, WallTime now, SteadyTime steady);
    void save_anchor(const std::string& id, Live& l, WallTime now);
    void expire(const std::string& id, const Live& l, WallTime now, bool while_closed);
    std::vector<BreakView> query(const std::string& where_order, const std::vector<std::string>& args = {},
                                 std::optional<std::pair<int, int>> limit_offset = std::nullopt);
    BreakView finish_view(BreakView v, int64_t anchor_elapsed_ms, WallTime now) const;
    SaveResult set_topic_status(const std::string& id, TopicStatus to);
    std::optional<BreakView> current(const std::string& id);
    // Real time since the chain of `v` began: the boot clock within one boot,
    // else the wall clock, never less than `counted_ms` (time its breaks ran).
    int64_t chain_elapsed_ms(const BreakView& v, int64_t counted_ms, WallTime now) const;
    void mark(const std::string& key, const std::string& id, BootMark m, std::initializer_list<int64_t> extra = {});
    std::optional<std::pair<BootMark, std::vector<int64_t>>> read_mark(const std::string& key, const std::string& id) const;
    void forget_marks(const std::string& id);
    // How long a paused break has been paused (see resume()).
    int64_t paused_for(const BreakView& v, WallTime now) const;

    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    Settings& settings_;
    std::optional<DeviceStore> own_marks_;
    DeviceStore* marks_ = nullptr;
    std::map<std::string, Live> live_;
    uint64_t revision_ = 1;
};

} // namespace hearth
