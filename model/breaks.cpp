#include "breaks.h"

#include "utf8.h"
#include "uuid.h"

#include <algorithm>

namespace hearth {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {
constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = int64_t(kMaxBreakMinutes) * kMinuteMs;
constexpr milliseconds kAnchorRefresh{60'000};

int64_t ms_between(WallTime from, WallTime to) { return duration_cast<milliseconds>(to - from).count(); }
WallTime plus_ms(WallTime t, int64_t ms) { return t + milliseconds(ms); }
int64_t ceil_seconds(int64_t ms) { return ms <= 0 ? 0 : (ms + 999) / 1000; }
std::string minutes_text(int64_t n) { return std::to_string(n) + (n == 1 ? " minute" : " minutes"); }

BreakState parse_state(const std::string& s) {
    if (s == "paused") return BreakState::paused;
    if (s == "expired") return BreakState::expired;
    if (s == "ended_early") return BreakState::ended_early;
    if (s == "returned") return BreakState::returned;
    if (s == "continued") return BreakState::continued;
    return BreakState::running;
}

TopicStatus parse_topic_status(const std::string& s) {
    if (s == "open") return TopicStatus::open;
    if (s == "talked_through") return TopicStatus::talked_through;
    if (s == "dismissed") return TopicStatus::dismissed;
    return TopicStatus::none;
}

WallTime utc_or(const std::optional<std::string>& s, WallTime fallback) {
    if (!s) return fallback;
    return parse_utc(*s).value_or(fallback);
}

// A follow-up ("more time") shows the topic of the chain's first break.
constexpr const char* kSelect =
    "SELECT b.id, p.slot, COALESCE(r.topic, b.topic, ''),"
    " CASE WHEN r.id IS NULL THEN b.topic_status ELSE r.topic_status END,"
    " b.state, b.follow_up_of, b.started_at, COALESCE(r.started_at, b.started_at), b.planned_ms, b.extended_ms,"
    " b.return_at, b.anchor_elapsed_ms, b.actual_ms, b.ended_at, b.returned_at, b.returned_on_time,"
    " b.ended_while_closed, b.paused_at, b.paused_total_ms, b.created_at, b.updated_at"
    " FROM conflict_break b JOIN partner p ON p.id = b.caller_partner"
    " LEFT JOIN conflict_break r ON r.id = b.follow_up_of ";
} // namespace

std::string_view to_string(BreakState s) {
    switch (s) {
    case BreakState::running: return "running";
    case BreakState::paused: return "paused";
    case BreakState::expired: return "expired";
    case BreakState::ended_early: return "ended_early";
    case BreakState::returned: return "returned";
    case BreakState::continued: return "continued";
    }
    return "running";
}

std::string_view to_string(TopicStatus s) {
    switch (s) {
    case TopicStatus::none: return "none";
    case TopicStatus::open: return "open";
    case TopicStatus::talked_through: return "talked_through";
    case TopicStatus::dismissed: return "dismissed";
    }
    return "none";
}

Breaks::Breaks(Database& db, const Clock& clock, const Couple& couple, Settings& settings, DeviceStore* marks)
    : db_(db), clock_(clock), couple_(couple), settings_(settings), marks_(marks) {
    if (!marks_) marks_ = &own_marks_.emplace(DeviceStore::in_memory());
    reload();
}

// ---- boot-clock marks (this machine only) ----------------------------------
//
// "break.<kind>.<id>" = "<boot id> <boot ms> [numbers...]", kinds:
//   run    a running stretch began: elapsed_ms, paused_total_ms at that moment
//   pause  the break was paused
//   end    its time ran out
//   chain  the chain's first break started (kept under the first break's id)

void Breaks::mark(const std::string& key, const std::string& id, BootMark m, std::initializer_list<int64_t> extra) {
    if (m.boot_id.empty()) return;  // no boot clock to compare with later
    std::string v = m.boot_id + " " + std::to_string(m.boot_ms);
    for (int64_t x : extra) v += " " + std::to_string(x);
    marks_->set("break." + key + "." + id, v);
}

std::optional<std::pair<BootMark, std::vector<int64_t>>> Breaks::read_mark(const std::string& key,
                                                                         const std::string& id) const {
    auto v = marks_->get("break." + key + "." + id);
    if (!v) return std::nullopt;
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= v->size()) {
        auto to = v->find(' ', from);
        if (to == std::string::npos) to = v->size();
        parts.push_back(v->substr(from, to - from));
        from = to + 1;
    }
    if (parts.size() < 2 || parts[0].empty()) return std::nullopt;
    std::vector<int64_t> numbers;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        try {
            std::size_t used = 0;
            numbers.push_back(std::stoll(parts[i], &used));
            if (used != parts[i].size()) return std::nullopt;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    BootMark m{parts[0], numbers.front()};
    numbers.erase(numbers.begin());
    return std::pair{m, numbers};
}

void Breaks::forget_marks(const std::string& id) {
    for (const char* key : {"run", "pause", "end", "chain"}) marks_->remove(std::string("break.") + key + "." + id);
}

int64_t Breaks::paused_for(const BreakView& v, WallTime now) const {
    if (auto m = read_mark("pause", v.id))
        if (auto since = ms_since(clock_, m->first)) return *since;
    return std::max<int64_t>(0, ms_between(v.paused_at.value_or(now), now));
}

int64_t Breaks::chain_elapsed_ms(const BreakView& v, int64_t counted_ms, WallTime now) const {
    const std::string root = v.follow_up_of.value_or(v.id);
    if (auto m = read_mark("chain", root))
        if (auto since = ms_since(clock_, m->first)) return std::max(*since, counted_ms);
    return std::max(ms_between(v.chain_started_at, now), counted_ms);
}

// ---- floor ---------------------------------------------------------------

int Breaks::floor_minutes() const {
    // Out of range (hand-edited, or from a future Hearth): the default, never a
    // shorter break.
    return settings_.get(setting::break_floor_minutes);
}

SaveResult Breaks::set_floor_minutes(int minutes) {
    if (minutes < kLowestFloorMinutes || minutes > kDefaultFloorMinutes)
        return SaveResult::refused("floor", "The shortest break can be set between " + std::to_string(kLowestFloorMinutes) +
                                                " and " + std::to_string(kDefaultFloorMinutes) +
                                                " minutes; calming down takes about 20.");
    settings_.set(setting::break_floor_minutes, minutes);
    ++revision_;
    return SaveResult::success(std::string(setting::break_floor_minutes.key));
}

// ---- loading and the running countdown -----------------------------------

void Breaks::reload() {
    live_.clear();
    const WallTime now = clock_.now();
    const SteadyTime steady = clock_.boot();
    struct Row {
        std::string id;
        std::optional<WallTime> anchor;
        int64_t anchor_elapsed, total, paused_total;
    };
    std::vector<Row> rows;
    auto& st = db_.prepare("SELECT id, anchor_at, anchor_elapsed_ms, planned_ms + extended_ms, paused_total_ms"
                           " FROM conflict_break WHERE state = 'running'");
    while (st.step())
        rows.push_back({st.text(0), parse_utc(st.text(1)), st.integer(2), st.integer(3), st.integer(4)});
    for (auto& r : rows) {
        Live l;
        l.steady = steady;
        l.wall = now;
        l.total_ms = r.total;
        // An unreadable anchor counts as "now": the countdown continues from
        // what was saved rather than guessing.
        l.anchor_at = r.anchor.value_or(now);
        l.anchor_elapsed_ms = std::clamp<int64_t>(r.anchor_elapsed, 0, r.total);
        // A wall clock now before the anchor (set back while Hearth was
        // closed) counts as no time passed, never as negative time.
        l.elapsed_ms = l.anchor_elapsed_ms + std::max<int64_t>(0, ms_between(l.anchor_at, now));
        // Within the same boot, the boot clock measured the time Hearth was
        // closed: a wall clock moved meanwhile changes nothing. The mark must
        // be of this same running stretch (an import may have brought another).
        bool by_boot = false;
        if (auto m = read_mark("run", r.id); m && m->second.size() == 2 && m->second[1] == r.paused_total)
            if (auto since = ms_since(clock_, m->first)) {
                l.elapsed_ms = std::max(l.anchor_elapsed_ms, m->second[0] + *since);
                by_boot = true;
            }
        if (l.elapsed_ms >= l.total_ms) {
            expire(r.id, l, now, true);
            continue;
        }
        if (!by_boot) mark("run", r.id, boot_mark(clock_), {l.elapsed_ms, r.paused_total});
        if (now < l.anchor_at || !r.anchor ||
            std::abs(l.anchor_elapsed_ms + ms_between(l.anchor_at, now) - l.elapsed_ms) > kJumpTolerance.count())
            save_anchor(r.id, l, now);
        live_[r.id] = l;
    }
    ++revision_;
}

void Breaks::observe(const std::string& id, Live& l, WallTime now, SteadyTime steady) {
    // The boot clock is the measure: it runs on through a suspend (time the
    // couple spent apart all the same) and ignores changes to the wall clock.
    l.elapsed_ms += std::max<int64_t>(0, duration_cast<milliseconds>(steady - l.steady).count());
    l.steady = steady;
    l.wall = now;
    // Keep the saved anchor close enough that a restart derives the same time.
    const int64_t by_anchor = l.anchor_elapsed_ms + std::max<int64_t>(0, ms_between(l.anchor_at, now));
    if (l.elapsed_ms >= l.total_ms) return;
    if (std::abs(by_anchor - l.elapsed_ms) > kJumpTolerance.count()) {
        save_anchor(id, l, now);
    } else if (l.elapsed_ms - l.anchor_elapsed_ms >= kAnchorRefresh.count()) {
        // Quietly, about once a minute: should the clock be set back while
        // Hearth is closed, a restart loses at most this much countdown time.
        l.anchor_at = now;
        l.anchor_elapsed_ms = l.elapsed_ms;
        db_.prepare("UPDATE conflict_break SET anchor_at = ?2, anchor_elapsed_ms = ?3 WHERE id = ?1")
            .bind(1, id).bind(2, format_utc(now)).bind(3, l.elapsed_ms).run();
    }
}

// The anchor moves with a jump: the return time moves, and so does updated_at.
void Breaks::save_anchor(const std::string& id, Live& l, WallTime now) {
    l.anchor_at = now;
    l.anchor_elapsed_ms = std::clamp<int64_t>(l.elapsed_ms, 0, l.total_ms);
    const auto t = format_utc(now);
    db_.prepare("UPDATE conflict_break SET anchor_at = ?2, anchor_elapsed_ms = ?3, return_at = ?4, updated_at = ?2"
                " WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, l.anchor_elapsed_ms)
        .bind(4, format_utc(plus_ms(now, l.total_ms - l.anchor_elapsed_ms))).run();
    ++revision_;
}

void Breaks::expire(const std::string& id, const Live& l, WallTime now, bool while_closed) {
    // When the time ran out, in wall-clock terms: now less the overshoot.
    const int64_t over = l.elapsed_ms - l.total_ms;
    const WallTime ended = plus_ms(now, -over);
    BootMark end = boot_mark(clock_);
    end.boot_ms -= over;
    mark("end", id, end);
    db_.prepare("UPDATE conflict_break SET state = 'expired', ended_at = ?2, actual_ms = ?3, anchor_at = ?4,"
                " anchor_elapsed_ms = ?3, ended_while_closed = ?5, updated_at = ?4 WHERE id = ?1 AND state = 'running'")
        .bind(1, id).bind(2, format_utc(ended)).bind(3, l.total_ms).bind(4, format_utc(now)).bind(5, while_closed).run();
    ++revision_;
}

int Breaks::tick() {
    const WallTime now = clock_.now();
    const SteadyTime steady = clock_.boot();
    int expired = 0;
    for (auto it = live_.begin(); it != live_.end();) {
        observe(it->first, it->second, now, steady);
        if (it->second.elapsed_ms >= it->second.total_ms) {
            expire(it->first, it->second, now, false);
            it = live_.erase(it);
            ++expired;
        } else {
            ++it;
        }
    }
    return expired;
}

// ---- views ----------------------------------------------------------------

std::vector<BreakView> Breaks::query(const std::string& where_order, const std::vector<std::string>& args,
                                     std::optional<std::pair<int, int>> limit_offset) {
    std::string sql = kSelect + where_order;
    const int n = int(args.size());
    if (limit_offset) sql += " LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2);
    auto& st = db_.prepare(sql);
    for (int i = 0; i < n; ++i) st.bind(i + 1, args[std::size_t(i)]);
    if (limit_offset) st.bind(n + 1, limit_offset->first).bind(n + 2, limit_offset->second);
    const WallTime now = clock_.now();
    std::vector<BreakView> out;
    while (st.step()) {
        BreakView v;
        v.id = st.text(0);
        v.caller_slot = int(st.integer(1));
        v.topic = st.text(2);
        v.topic_status = parse_topic_status(st.text(3));
        v.state = parse_state(st.text(4));
        v.follow_up_of = st.text_or_null(5);
        v.started_at = utc_or(st.text(6), now);
        v.chain_started_at = utc_or(st.text(7), v.started_at);
        v.day = local_date(v.started_at);
        v.planned_ms = st.integer(8);
        v.extended_ms = st.integer(9);
        v.return_at = utc_or(st.text(10), now);
        const int64_t anchor_elapsed = st.integer(11);
        if (!st.is_null(12)) v.actual_ms = st.integer(12);
        if (auto s = st.text_or_null(13)) v.ended_at = parse_utc(*s);
        if (auto s = st.text_or_null(14)) v.returned_at = parse_utc(*s);
        if (!st.is_null(15)) v.back_on_time = st.integer(15) != 0;
        v.ended_while_closed = st.integer(16) != 0;
        if (auto s = st.text_or_null(17)) v.paused_at = parse_utc(*s);
        v.paused_total_ms = st.integer(18);
        v.created_at = st.text(19);
        v.updated_at = st.text(20);
        out.push_back(finish_view(std::move(v), anchor_elapsed, now));
    }
    return out;
}

BreakView Breaks::finish_view(BreakView v, int64_t anchor_elapsed_ms, WallTime now) const {
    const int64_t total = v.total_ms();
    if (v.state == BreakState::running) {
        auto it = live_.find(v.id);
        const int64_t elapsed = it != live_.end() ? it->second.elapsed_ms : anchor_elapsed_ms;
        v.remaining_ms = std::clamp<int64_t>(total - elapsed, 0, total);
    } else if (v.state == BreakState::paused) {
        v.remaining_ms = std::clamp<int64_t>(total - anchor_elapsed_ms, 0, total);
        v.return_at = plus_ms(now, v.remaining_ms);  // moves on while paused
    }
    v.remaining_seconds = ceil_seconds(v.remaining_ms);
    // "back at 21:40": the nearest minute, so a return at 21:39:59.6 reads 21:40.
    v.return_clock = local_clock_time(v.return_at + std::chrono::seconds(30));
    if (v.state == BreakState::running || v.state == BreakState::paused) {
        const int64_t by_length = kDayMs - total;
        const int64_t counted = total - v.remaining_ms + v.paused_total_ms;
        const int64_t by_chain = kDayMs - chain_elapsed_ms(v, counted, now) - v.remaining_ms;
        v.max_extend_minutes = int(std::max<int64_t>(0, std::min(by_length, by_chain)) / kMinuteMs);
    }
    return v;
}

std::optional<BreakView> Breaks::current(const std::string& id) {
    auto v = query("WHERE b.id = ?1", {id});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<BreakView> Breaks::get(const std::string& id) {
    tick();
    return current(id);
}

std::vector<BreakView> Breaks::active() {
    tick();
    return query("WHERE b.state IN ('running', 'paused', 'expired') ORDER BY b.started_at, b.rowid");
}

bool Breaks::needs_attention() {
    tick();
    auto& st = db_.prepare("SELECT EXISTS(SELECT 1 FROM conflict_break WHERE state = 'expired')");
    st.step();
    bool any = st.integer(0) != 0;
    st.reset();
    return any;
}

std::vector<BreakView> Breaks::history(int offset, int limit) {
    tick();
    return query("ORDER BY b.started_at DESC, b.rowid DESC", {}, std::pair{limit, offset});
}

int Breaks::history_count() {
    auto& st = db_.prepare("SELECT count(*) FROM conflict_break");
    st.step();
    int n = int(st.integer(0));
    st.reset();
    return n;
}

std::vector<BreakView> Breaks::open_topics() {
    tick();
    return query("WHERE b.topic_status = 'open' ORDER BY b.started_at DESC, b.rowid DESC");
}

BreaksWeek Breaks::week(Date any_day) {
    tick();
    BreaksWeek w;
    w.monday = week_start(any_day);
    const auto from = format_utc(local_midnight(w.monday));
    const auto to = format_utc(local_midnight(add_days(w.monday, 7)));
    auto& st = db_.prepare(
        "SELECT p.slot, sum(b.follow_up_of IS NULL), sum(b.returned_on_time = 1), sum(b.returned_on_time = 0)"
        " FROM conflict_break b JOIN partner p ON p.id = b.caller_partner"
        " WHERE b.started_at >= ?1 AND b.started_at < ?2 GROUP BY p.slot");
    st.bind(1, from).bind(2, to);
    while (st.step()) {
        int slot = int(st.integer(0));
        if (slot == 0 || slot == 1) w.taken[std::size_t(slot)] = int(st.integer(1));
        w.back_on_time += int(st.integer(2));
        w.back_late += int(st.integer(3));
    }
    auto& open = db_.prepare("SELECT count(*) FROM conflict_break WHERE topic_status = 'open'");
    open.step();
    w.open_topics = int(open.integer(0));
    open.reset();
    return w;
}

std::optional<milliseconds> Breaks::next_change_in(const std::string& id) {
    tick();
    auto it = live_.find(id);
    if (it == live_.end()) return std::nullopt;
    const int64_t rem = it->second.total_ms - it->second.elapsed_ms;
    // The shown second (rounded up) drops when rem reaches (shown - 1) * 1000.
    return milliseconds(rem - (ceil_seconds(rem) - 1) * 1000);
}

std::optional<milliseconds> Breaks::next_wake() {
    tick();
    std::optional<milliseconds> soonest;
    for (const auto& [id, l] : live_) {
        const int64_t rem = l.total_ms - l.elapsed_ms;
        milliseconds d(rem - (ceil_seconds(rem) - 1) * 1000);
        if (!soonest || d < *soonest) soonest = d;
    }
    return soonest;
}

// ---- commands ---------------------------------------------------------------

namespace {
SaveResult gone() { return SaveResult::refused("id", "That break no longer exists."); }

SaveResult wrong_state(const BreakView& v, const std::string& what) {
    switch (v.state) {
    case BreakState::running: return SaveResult::refused("state", "The break is still running; " + what);
    case BreakState::paused: return SaveResult::refused("state", "The break is paused; " + what);
    case BreakState::expired: return SaveResult::refused("state", "The break's time is already up; " + what);
    default: return SaveResult::refused("state", "That break is over; " + what);
    }
}
} // namespace

namespace {
// A topic has the gratitude text's guarantees: valid UTF-8, a length limit,
// kept byte for byte. Blank means no topic.
std::optional<SaveResult> check_topic(const std::string& topic) {
    if (trim(topic).empty()) return std::nullopt;
    if (!is_valid_utf8(topic)) return SaveResult::refused("topic", "The topic is not valid UTF-8 and was not saved.");
    if (auto n = codepoint_count(topic); n > kMaxTopicChars)
        return SaveResult::refused("topic", "That is " + std::to_string(n) + " characters; the limit is " +
                                                std::to_string(kMaxTopicChars) + ".");
    return std::nullopt;
}
} // namespace

SaveResult Breaks::check(const BreakRequest& r) const { return validate(r, nullptr); }

SaveResult Breaks::validate(const BreakRequest& r, int64_t* length) const {
    if (!couple_.is_set_up()) return SaveResult::refused("caller", "Set up both partners first.");
    if (r.caller_slot != 0 && r.caller_slot != 1) return SaveResult::refused("caller", "Choose who needs the break.");
    if (auto refused = check_topic(r.topic)) return *refused;
    const WallTime now = clock_.now();
    const int floor = floor_minutes();
    const std::string floor_why = "a break lasts at least " + minutes_text(floor) +
                                  ", about how long it takes to calm down.";
    int64_t length_ms = 0;
    if (r.minutes && r.return_at)
        return SaveResult::refused("minutes", "Give either a length or a return time, not both.");
    if (r.return_at) {
        length_ms = ms_between(now, *r.return_at);
        if (length_ms <= 0)
            return SaveResult::refused("return_at", "That time has already passed; choose a return time later than now.");
        if (length_ms > kDayMs)
            return SaveResult::refused("return_at", "That is more than 24 hours away; agree to come back within a day, "
                                                    "as longer starts to feel like punishment.");
        if (length_ms < floor * kMinuteMs)
            return SaveResult::refused("return_at", "That is only " + minutes_text(length_ms / kMinuteMs) +
                                                        " from now; " + floor_why);
    } else {
        const int minutes = r.minutes.value_or(kDefaultBreakMinutes);
        if (minutes < floor) return SaveResult::refused("minutes", minutes_text(minutes) + " is too short; " + floor_why);
        if (minutes > kMaxBreakMinutes)
            return SaveResult::refused("minutes", "A break lasts at most 24 hours; longer starts to feel like punishment.");
        length_ms = minutes * kMinuteMs;
    }
    if (length) *length = length_ms;
    return SaveResult::success({});
}

SaveResult Breaks::start(const BreakRequest& r) {
    tick();
    int64_t length_ms = 0;
    if (SaveResult refused = validate(r, &length_ms); !refused.ok()) return refused;
    const WallTime now = clock_.now();
    const bool has_topic = !trim(r.topic).empty();
    const std::string id = new_uuid();
    const auto t = format_utc(now);
    db_.prepare("INSERT INTO conflict_break(id, caller_partner, topic, topic_status, planned_ms, extended_ms, started_at,"
                " return_at, state, anchor_at, anchor_elapsed_ms, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, 'running', ?6, 0, ?6, ?6)")
        .bind(1, id).bind(2, couple_.partner(r.caller_slot).id)
        .bind(3, has_topic ? std::optional<std::string>(r.topic) : std::nullopt)
        .bind(4, has_topic ? "open" : "none").bind(5, length_ms).bind(6, t)
        .bind(7, format_utc(plus_ms(now, length_ms))).run();
    live_[id] = Live{clock_.boot(), now, 0, now, 0, length_ms};
    mark("run", id, boot_mark(clock_), {0, 0});
    mark("chain", id, boot_mark(clock_));
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::pause(const std::string& id) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::running) return wrong_state(*v, "only a running break can be paused.");
    const WallTime now = clock_.now();
    const int64_t elapsed = v->total_ms() - v->remaining_ms;
    const auto t = format_utc(now);
    db_.prepare("UPDATE conflict_break SET state = 'paused', paused_at = ?2, anchor_at = ?2, anchor_elapsed_ms = ?3,"
                " updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, elapsed).run();
    live_.erase(id);
    mark("pause", id, boot_mark(clock_));
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::resume(const std::string& id) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::paused) return wrong_state(*v, "only a paused break can be resumed.");
    const WallTime now = clock_.now();
    const int64_t elapsed = v->total_ms() - v->remaining_ms;
    // Paused time is kept for the history only: measured on the boot clock
    // (a jump of the wall clock during the pause is no pause); after a reboot
    // the wall clock, where a clock set back counts as none.
    const int64_t paused = v->paused_total_ms + paused_for(*v, now);
    const auto t = format_utc(now);
    db_.prepare("UPDATE conflict_break SET state = 'running', paused_at = NULL, paused_total_ms = ?3, anchor_at = ?2,"
                " anchor_elapsed_ms = ?4, return_at = ?5, updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, paused).bind(4, elapsed).bind(5, format_utc(plus_ms(now, v->remaining_ms)))
        .run();
    live_[id] = Live{clock_.boot(), now, elapsed, now, elapsed, v->total_ms()};
    marks_->remove("break.pause." + id);
    mark("run", id, boot_mark(clock_), {elapsed, paused});
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::extend(const std::string& id, int minutes) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::running && v->state != BreakState::paused)
        return wrong_state(*v, v->state == BreakState::expired ? "ask for more time instead." : "it cannot be extended.");
    if (minutes <= 0) return SaveResult::refused("minutes", "Choose how many minutes to add.");
    if (minutes > v->max_extend_minutes)
        return SaveResult::refused(
            "minutes", v->max_extend_minutes == 0
                           ? std::string("The break already reaches 24 hours from when it began; come back together then.")
                           : "That would run past 24 hours from when the break began; at most " +
                                 minutes_text(v->max_extend_minutes) + " more fit.");
    const WallTime now = clock_.now();
    const int64_t add = minutes * kMinuteMs;
    db_.prepare("UPDATE conflict_break SET extended_ms = extended_ms + ?2, return_at = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(1, id).bind(2, add).bind(3, format_utc(plus_ms(v->return_at, add))).bind(4, format_utc(now)).run();
    if (auto it = live_.find(id); it != live_.end()) it->second.total_ms += add;
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::end_early(const std::string& id) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::running && v->state != BreakState::paused)
        return wrong_state(*v, "only a running or paused break can end early.");
    const WallTime now = clock_.now();
    const int64_t elapsed = v->total_ms() - v->remaining_ms;
    const int64_t paused = v->paused_total_ms + (v->state == BreakState::paused ? paused_for(*v, now) : 0);
    const auto t = format_utc(now);
    // Coming back before the agreed time counts as back on time.
    db_.prepare("UPDATE conflict_break SET state = 'ended_early', ended_at = ?2, returned_at = ?2, returned_on_time = 1,"
                " actual_ms = ?3, anchor_at = ?2, anchor_elapsed_ms = ?3, paused_at = NULL, paused_total_ms = ?4,"
                " updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, elapsed).bind(4, paused).run();
    live_.erase(id);
    forget_marks(id);
    forget_marks(v->follow_up_of.value_or(id));
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::come_back(const std::string& id) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::expired) return wrong_state(*v, "\"we're back\" is for when the time is up.");
    const WallTime now = clock_.now();
    // On time: within kOnTimeGrace after the time ran out, measured on the
    // boot clock (a wall clock moved since then changes nothing); after a
    // reboot on the wall clock, where a clock set back counts as on time.
    std::optional<int64_t> since_end;
    if (auto m = read_mark("end", id)) since_end = ms_since(clock_, m->first);
    if (!since_end) since_end = ms_between(v->ended_at.value_or(now), now);
    const bool on_time = *since_end <= duration_cast<milliseconds>(kOnTimeGrace).count();
    const auto t = format_utc(now);
    db_.prepare("UPDATE conflict_break SET state = 'returned', returned_at = ?2, returned_on_time = ?3, updated_at = ?2"
                " WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, on_time).run();
    forget_marks(id);
    forget_marks(v->follow_up_of.value_or(id));
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Breaks::more_time(const std::string& id, int minutes, std::optional<int> caller_slot) {
    auto v = get(id);
    if (!v) return gone();
    if (v->state != BreakState::expired)
        return wrong_state(*v, v->active() ? "add minutes with extend instead." : "start a new break instead.");
    const int caller = caller_slot.value_or(v->caller_slot);
    if (caller != 0 && caller != 1) return SaveResult::refused("caller", "Choose who needs more time.");
    if (minutes < kMinMoreTimeMinutes)
        return SaveResult::refused("minutes", "Ask for at least " + minutes_text(kMinMoreTimeMinutes) + " more.");
    const WallTime now = clock_.now();
    const std::string root = v->follow_up_of.value_or(v->id);
    // The chain's real time: never less than the countdown and paused time of
    // its breaks, so a clock set back cannot stretch it past 24 hours.
    int64_t counted = v->total_ms() + v->paused_total_ms;
    {
        auto& st = db_.prepare("SELECT COALESCE(sum(planned_ms + extended_ms + paused_total_ms), 0) FROM conflict_break"
                               " WHERE (id = ?1 OR follow_up_of = ?1) AND state = 'continued'");
        st.bind(1, root);
        if (st.step()) counted += st.integer(0);
        st.reset();
    }
    const int64_t fits = (kDayMs - chain_elapsed_ms(*v, counted, now)) / kMinuteMs;
    if (minutes > fits)
        return SaveResult::refused(
            "minutes", fits < kMinMoreTimeMinutes
                           ? std::string("It is nearly 24 hours since the first break began; time to come back together.")
                           : "That would run past 24 hours since the first break began; at most " + minutes_text(fits) +
                                 " more fit.");
    const std::string new_id = new_uuid();
    const int64_t length_ms = minutes * kMinuteMs;
    const auto t = format_utc(now);
    Transaction tx(db_);
    db_.prepare("UPDATE conflict_break SET state = 'continued', updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, t).run();
    db_.prepare("INSERT INTO conflict_break(id, caller_partner, topic, topic_status, follow_up_of, planned_ms, extended_ms,"
                " started_at, return_at, state, anchor_at, anchor_elapsed_ms, created_at, updated_at)"
                " VALUES(?1, ?2, NULL, 'none', ?3, ?4, 0, ?5, ?6, 'running', ?5, 0, ?5, ?5)")
        .bind(1, new_id).bind(2, couple_.partner(caller).id).bind(3, root).bind(4, length_ms).bind(5, t)
        .bind(6, format_utc(plus_ms(now, length_ms))).run();
    tx.commit();
    live_[new_id] = Live{clock_.boot(), now, 0, now, 0, length_ms};
    for (const char* key : {"run", "pause", "end"}) marks_->remove(std::string("break.") + key + "." + id);
    mark("run", new_id, boot_mark(clock_), {0, 0});
    ++revision_;
    return SaveResult::success(new_id);
}

// ---- topics ---------------------------------------------------------------

SaveResult Breaks::set_topic_status(const std::string& id, TopicStatus to) {
    // A follow-up's topic is its first break's.
    auto& st = db_.prepare("SELECT COALESCE(follow_up_of, id) FROM conflict_break WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return gone();
    const std::string root = st.text(0);
    st.reset();
    auto v = current(root);
    if (!v) return gone();
    if (v->topic_status == TopicStatus::none) return SaveResult::refused("topic", "That break has no topic.");
    const bool reopening = to == TopicStatus::open;
    if (reopening == (v->topic_status == TopicStatus::open))
        return SaveResult::refused("topic", reopening ? "That topic is already open." : "That topic is already closed.");
    const auto t = format_utc(clock_.now());
    db_.prepare("UPDATE conflict_break SET topic_status = ?2, topic_resolved_at = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(1, root).bind(2, to_string(to))
        .bind(3, reopening ? std::optional<std::string>() : std::optional<std::string>(t)).bind(4, t).run();
    ++revision_;
    return SaveResult::success(root);
}

SaveResult Breaks::set_topic(const std::string& id, const std::string& topic) {
    if (auto refused = check_topic(topic)) return *refused;
    auto& st = db_.prepare("SELECT COALESCE(follow_up_of, id) FROM conflict_break WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return gone();
    const std::string root = st.text(0);
    st.reset();
    const bool has_topic = !trim(topic).empty();
    // Writing a topic opens it; clearing it leaves nothing to come back to.
    db_.prepare("UPDATE conflict_break SET topic = ?2, topic_status = CASE WHEN ?2 IS NULL THEN 'none'"
                " WHEN topic_status = 'none' THEN 'open' ELSE topic_status END, updated_at = ?3 WHERE id = ?1")
        .bind(1, root).bind(2, has_topic ? std::optional<std::string>(topic) : std::nullopt)
        .bind(3, format_utc(clock_.now())).run();
    ++revision_;
    return SaveResult::success(root);
}

SaveResult Breaks::mark_topic_talked_through(const std::string& id) { return set_topic_status(id, TopicStatus::talked_through); }
SaveResult Breaks::dismiss_topic(const std::string& id) { return set_topic_status(id, TopicStatus::dismissed); }
SaveResult Breaks::reopen_topic(const std::string& id) { return set_topic_status(id, TopicStatus::open); }

} // namespace hearth
