#include "exercise_session.h"

#include "time_text.h"
#include "utf8.h"
#include "uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace hearth {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {
int64_t ms_between(WallTime from, WallTime to) { return duration_cast<milliseconds>(to - from).count(); }
int64_t ceil_seconds(int64_t ms) { return ms <= 0 ? 0 : (ms + 999) / 1000; }

SessionState parse_state(const std::string& s) {
    if (s == "paused") return SessionState::paused;
    if (s == "closing") return SessionState::closing;
    if (s == "finished") return SessionState::finished;
    if (s == "ended_early") return SessionState::ended_early;
    return SessionState::running;
}

StepOutcome parse_outcome(const std::optional<std::string>& s) {
    if (!s) return StepOutcome::running;
    if (*s == "next") return StepOutcome::next;
    if (*s == "got_it") return StepOutcome::got_it;
    if (*s == "not_quite") return StepOutcome::not_quite;
    if (*s == "back") return StepOutcome::back;
    return StepOutcome::ended_early;
}

std::string number(int64_t n) { return std::to_string(n); }

constexpr const char* kSelect =
    "SELECT id, exercise_id, exercise_version, topic, source_break, first_speaker, rounds, durations_json, state,"
    " turn, step_index, step_seq, anchor_at, anchor_elapsed_ms, paused_at, clarify_loops, topic_talked_through,"
    " started_at, ended_at, created_at, updated_at FROM exercise_session ";

SaveResult gone() { return SaveResult::refused("id", "That session no longer exists."); }
} // namespace

std::string_view to_string(SessionState s) {
    switch (s) {
    case SessionState::running: return "running";
    case SessionState::paused: return "paused";
    case SessionState::closing: return "closing";
    case SessionState::finished: return "finished";
    case SessionState::ended_early: return "ended_early";
    }
    return "running";
}

std::string_view to_string(StepOutcome o) {
    switch (o) {
    case StepOutcome::running: return "running";
    case StepOutcome::next: return "next";
    case StepOutcome::got_it: return "got_it";
    case StepOutcome::not_quite: return "not_quite";
    case StepOutcome::back: return "back";
    case StepOutcome::ended_early: return "ended_early";
    }
    return "running";
}

struct ExerciseSessions::Row {
    std::string id;
    std::string exercise_id;
    int version = 0;
    std::string topic;
    std::optional<std::string> source_break;
    int first_slot = 0;
    int rounds = 1;
    std::map<std::string, int64_t> planned;
    SessionState state = SessionState::running;
    int turn = 0;
    int step_index = 0;
    int step_seq = 0;
    WallTime anchor_at;
    int64_t anchor_elapsed = 0;
    std::optional<WallTime> paused_at;
    int loops = 0;
    bool talked_through = false;
    WallTime started_at;
    std::optional<WallTime> ended_at;
    std::string created_at;
    std::string updated_at;
    const ExerciseDefinition* def = nullptr;  // loaded with the same id and version

    int turns_total() const { return rounds * (def ? def->turns_per_round() : 2); }
    int speaker_of(int t) const { return def && !def->swap_roles ? first_slot : (first_slot + t) % 2; }
    int64_t planned_of(const ExerciseStep& s) const {
        auto it = planned.find(s.id);
        return it != planned.end() ? it->second : int64_t(s.duration_seconds) * 1000;
    }
};

ExerciseSessions::ExerciseSessions(Database& db, const Clock& clock, const Couple& couple, const Exercises& exercises,
                                   Breaks& breaks)
    : db_(db), clock_(clock), couple_(couple), exercises_(exercises), breaks_(breaks) {
    reload();
    // At start-up, every session under way was interrupted.
    auto& st = db_.prepare("SELECT id FROM exercise_session WHERE state IN ('running', 'paused') ORDER BY started_at");
    while (st.step())
        if (auto id = st.text(0); std::find(interrupted_.begin(), interrupted_.end(), id) == interrupted_.end())
            interrupted_.push_back(id);
}

// ---- loading and the step timer -------------------------------------------

void ExerciseSessions::reload() {
    const WallTime now = clock_.now();
    // Save where the live step is, then pick it up again from the database.
    std::optional<std::string> live_id;
    if (live_) {
        observe(now, clock_.boot());
        db_.prepare("UPDATE exercise_session SET anchor_at = ?2, anchor_elapsed_ms = ?3 WHERE id = ?1 AND state = 'running'")
            .bind(1, live_->id).bind(2, format_utc(now)).bind(3, live_->elapsed_ms).run();
        live_id = live_->id;
        live_.reset();
    }
    std::vector<std::string> running;
    {
        auto& st = db_.prepare("SELECT id FROM exercise_session WHERE state = 'running'");
        while (st.step()) running.push_back(st.text(0));
    }
    for (const auto& id : running) {
        auto r = row(id);
        if (!r) continue;
        if (live_id && *live_id == id && r->def && !live_) {
            const int64_t elapsed = r->anchor_elapsed + std::max<int64_t>(0, ms_between(r->anchor_at, now));
            live_ = Live{id, clock_.boot(), now, elapsed, r->anchor_at, r->anchor_elapsed, 0, false};
            if (r->step_index < int(r->def->steps.size()))
                live_->planned_ms = r->planned_of(r->def->steps[std::size_t(r->step_index)]);
            live_->signalled = elapsed >= live_->planned_ms;
            continue;
        }
        // Found running without this process driving it: Hearth stopped (or
        // crashed) mid-step. It waits, paused, at the time last saved.
        db_.prepare("UPDATE exercise_session SET state = 'paused', paused_at = anchor_at, updated_at = ?2 WHERE id = ?1")
            .bind(1, id).bind(2, format_utc(now)).run();
        if (std::find(interrupted_.begin(), interrupted_.end(), id) == interrupted_.end()) interrupted_.push_back(id);
    }
    ++revision_;
}

void ExerciseSessions::observe(WallTime now, SteadyTime steady) {
    if (!live_) return;
    Live& l = *live_;
    // As for breaks: Clock::boot() measures, counting a suspend but not a
    // change of the wall clock.
    l.elapsed_ms += std::max<int64_t>(0, duration_cast<milliseconds>(steady - l.steady).count());
    l.steady = steady;
    l.wall = now;
    const int64_t by_anchor = l.anchor_elapsed_ms + std::max<int64_t>(0, ms_between(l.anchor_at, now));
    if (std::abs(by_anchor - l.elapsed_ms) > kJumpTolerance.count() ||
        l.elapsed_ms - l.anchor_elapsed_ms >= kExerciseAnchorRefresh.count()) {
        // Quietly: a crash loses at most this much of the step's time.
        l.anchor_at = now;
        l.anchor_elapsed_ms = l.elapsed_ms;
        db_.prepare("UPDATE exercise_session SET anchor_at = ?2, anchor_elapsed_ms = ?3 WHERE id = ?1")
            .bind(1, l.id).bind(2, format_utc(now)).bind(3, l.elapsed_ms).run();
    }
}

int ExerciseSessions::tick() {
    observe(clock_.now(), clock_.boot());
    if (live_ && !live_->signalled && live_->elapsed_ms >= live_->planned_ms) {
        live_->signalled = true;
        ++revision_;
        return 1;
    }
    return 0;
}

int64_t ExerciseSessions::elapsed_of(const Row& r) const {
    if (live_ && live_->id == r.id && r.state == SessionState::running) return live_->elapsed_ms;
    return r.anchor_elapsed;
}

std::optional<milliseconds> ExerciseSessions::next_wake() {
    tick();
    if (!live_) return std::nullopt;
    const int64_t rem = live_->planned_ms - live_->elapsed_ms;
    if (rem > 0) return milliseconds(rem - (ceil_seconds(rem) - 1) * 1000);
    return milliseconds(1000 - (-rem) % 1000);
}

// ---- reading ----------------------------------------------------------------

std::optional<ExerciseSessions::Row> ExerciseSessions::row(const std::string& id) {
    auto& st = db_.prepare(std::string(kSelect) + "WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    const WallTime now = clock_.now();
    Row r;
    r.id = st.text(0);
    r.exercise_id = st.text(1);
    r.version = int(st.integer(2));
    r.topic = st.text(3);
    r.source_break = st.text_or_null(4);
    r.first_slot = couple_.slot_of(st.text(5)).value_or(0);
    r.rounds = std::max(1, int(st.integer(6)));
    try {
        auto j = nlohmann::json::parse(st.text(7));
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it->is_number_integer()) r.planned[it.key()] = it->get<int64_t>();
    } catch (const nlohmann::json::exception&) {
        // Unreadable lengths fall back to the definition's defaults.
    }
    r.state = parse_state(st.text(8));
    r.turn = int(st.integer(9));
    r.step_index = int(st.integer(10));
    r.step_seq = int(st.integer(11));
    r.anchor_at = parse_utc(st.text(12)).value_or(now);
    r.anchor_elapsed = std::max<int64_t>(0, st.integer(13));
    if (auto s = st.text_or_null(14)) r.paused_at = parse_utc(*s);
    r.loops = int(st.integer(15));
    r.talked_through = st.integer(16) != 0;
    r.started_at = parse_utc(st.text(17)).value_or(now);
    if (auto s = st.text_or_null(18)) r.ended_at = parse_utc(*s);
    r.created_at = st.text(19);
    r.updated_at = st.text(20);
    st.reset();
    if (const auto* d = exercises_.find(r.exercise_id); d && d->version == r.version) r.def = d;
    return r;
}

SessionView ExerciseSessions::view_of(const Row& r) const {
    SessionView v;
    v.id = r.id;
    v.exercise_id = r.exercise_id;
    v.exercise_version = r.version;
    const auto* any_def = exercises_.find(r.exercise_id);
    v.exercise_title = any_def ? any_def->title : r.exercise_id;
    v.definition_available = r.def != nullptr;
    v.topic = r.topic;
    v.source_break = r.source_break;
    v.first_speaker_slot = r.first_slot;
    v.rounds = r.rounds;
    v.planned_ms = r.planned;
    v.state = r.state;
    v.interrupted = std::find(interrupted_.begin(), interrupted_.end(), r.id) != interrupted_.end() && v.active();
    v.turn = r.turn;
    v.turns_total = r.turns_total();
    v.round = r.turn / (r.def ? r.def->turns_per_round() : 2);
    v.step_index = r.step_index;
    v.steps_per_turn = r.def ? int(r.def->steps.size()) : 0;
    v.speaker_slot = r.speaker_of(r.turn);
    v.listener_slot = 1 - v.speaker_slot;
    v.floor_slot = v.speaker_slot;
    v.is_first_step = r.turn == 0 && r.step_index == 0;
    if (v.active() && r.def && r.step_index >= 0 && r.step_index < int(r.def->steps.size())) {
        const auto& s = r.def->steps[std::size_t(r.step_index)];
        v.step = s;
        v.step_id = s.id;
        v.floor_slot = s.floor == Role::speaker ? v.speaker_slot : v.listener_slot;
        v.step_planned_ms = r.planned_of(s);
        v.step_elapsed_ms = elapsed_of(r);
        v.step_remaining_ms = std::max<int64_t>(0, v.step_planned_ms - v.step_elapsed_ms);
        v.step_remaining_seconds = ceil_seconds(v.step_remaining_ms);
        v.overtime = v.step_elapsed_ms >= v.step_planned_ms;
        v.overtime_ms = std::max<int64_t>(0, v.step_elapsed_ms - v.step_planned_ms);
    } else if (v.active()) {
        v.step_elapsed_ms = r.anchor_elapsed;
    }
    v.clarify_loops = r.loops;
    v.topic_talked_through = r.talked_through;
    v.started_at = r.started_at;
    v.ended_at = r.ended_at;
    v.paused_at = r.paused_at;
    v.day = local_date(r.started_at);
    v.created_at = r.created_at;
    v.updated_at = r.updated_at;
    {
        auto& st = db_.prepare("SELECT count(*) FROM exercise_step WHERE session_id = ?1 AND turn = ?2 AND outcome = 'not_quite'");
        st.bind(1, r.id).bind(2, r.turn);
        st.step();
        v.turn_clarify_loops = int(st.integer(0));
        st.reset();
    }
    {
        auto& st = db_.prepare("SELECT partner, felt_heard, note FROM exercise_rating WHERE session_id = ?1");
        st.bind(1, r.id);
        while (st.step())
            if (auto slot = couple_.slot_of(st.text(0))) v.ratings.push_back({*slot, int(st.integer(1)), st.text(2)});
        std::sort(v.ratings.begin(), v.ratings.end(), [](const auto& a, const auto& b) { return a.slot < b.slot; });
    }
    return v;
}

std::vector<SessionView> ExerciseSessions::query(const std::string& where_order, const std::vector<std::string>& args,
                                                 std::optional<std::pair<int, int>> limit_offset) {
    std::string sql = "SELECT id FROM exercise_session " + where_order;
    const int n = int(args.size());
    if (limit_offset) sql += " LIMIT ?" + number(n + 1) + " OFFSET ?" + number(n + 2);
    std::vector<std::string> ids;
    {
        auto& st = db_.prepare(sql);
        for (int i = 0; i < n; ++i) st.bind(i + 1, args[std::size_t(i)]);
        if (limit_offset) st.bind(n + 1, limit_offset->first).bind(n + 2, limit_offset->second);
        while (st.step()) ids.push_back(st.text(0));
    }
    std::vector<SessionView> out;
    for (const auto& id : ids)
        if (auto r = row(id)) out.push_back(view_of(*r));
    return out;
}

std::optional<SessionView> ExerciseSessions::get(const std::string& id) {
    tick();
    auto r = row(id);
    if (!r) return std::nullopt;
    return view_of(*r);
}

std::optional<SessionView> ExerciseSessions::current() {
    tick();
    auto v = query("WHERE state IN ('running', 'paused', 'closing') ORDER BY started_at DESC, rowid DESC LIMIT 1");
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<SessionView> ExerciseSessions::interrupted() {
    for (const auto& id : interrupted_)
        if (auto v = get(id); v && v->active()) return v;
    return std::nullopt;
}

std::vector<StepRun> ExerciseSessions::steps(const std::string& id) {
    tick();
    auto r = row(id);
    if (!r) return {};
    std::vector<StepRun> out;
    auto& st = db_.prepare("SELECT id, seq, turn, step_id, speaker, listener, planned_ms, actual_ms, outcome, started_at,"
                           " ended_at FROM exercise_step WHERE session_id = ?1 ORDER BY seq");
    st.bind(1, id);
    const WallTime now = clock_.now();
    while (st.step()) {
        StepRun s;
        s.id = st.text(0);
        s.seq = int(st.integer(1));
        s.turn = int(st.integer(2));
        s.round = s.turn / (r->def ? r->def->turns_per_round() : 2);
        s.step_id = st.text(3);
        s.speaker_slot = couple_.slot_of(st.text(4)).value_or(0);
        s.listener_slot = couple_.slot_of(st.text(5)).value_or(1);
        s.planned_ms = st.integer(6);
        if (!st.is_null(7)) s.actual_ms = st.integer(7);
        s.outcome = parse_outcome(st.text_or_null(8));
        s.started_at = parse_utc(st.text(9)).value_or(now);
        if (auto e = st.text_or_null(10)) s.ended_at = parse_utc(*e);
        out.push_back(std::move(s));
    }
    // The running step's time so far.
    if (!out.empty() && out.back().outcome == StepOutcome::running) out.back().actual_ms = elapsed_of(*r);
    return out;
}

std::vector<SessionView> ExerciseSessions::history(int offset, int limit) {
    tick();
    return query("ORDER BY started_at DESC, rowid DESC", {}, std::pair{limit, offset});
}

int ExerciseSessions::history_count() {
    auto& st = db_.prepare("SELECT count(*) FROM exercise_session");
    st.step();
    int n = int(st.integer(0));
    st.reset();
    return n;
}

ExerciseWeek ExerciseSessions::week(Date any_day, const std::string& exercise_id) {
    ExerciseWeek w;
    w.monday = week_start(any_day);
    const auto from = format_utc(local_midnight(w.monday));
    const auto to = format_utc(local_midnight(add_days(w.monday, 7)));
    {
        auto& st = db_.prepare("SELECT count(*), coalesce(sum(state = 'finished'), 0), coalesce(sum(state = 'ended_early'), 0)"
                               " FROM exercise_session WHERE started_at >= ?1 AND started_at < ?2"
                               " AND (?3 = '' OR exercise_id = ?3)");
        st.bind(1, from).bind(2, to).bind(3, exercise_id);
        st.step();
        w.sessions = int(st.integer(0));
        w.finished = int(st.integer(1));
        w.ended_early = int(st.integer(2));
        st.reset();
    }
    auto& st = db_.prepare("SELECT p.slot, count(*), avg(r.felt_heard) FROM exercise_rating r"
                           " JOIN exercise_session s ON s.id = r.session_id JOIN partner p ON p.id = r.partner"
                           " WHERE s.started_at >= ?1 AND s.started_at < ?2 AND (?3 = '' OR s.exercise_id = ?3)"
                           " GROUP BY p.slot");
    st.bind(1, from).bind(2, to).bind(3, exercise_id);
    while (st.step()) {
        const int slot = int(st.integer(0));
        if (slot != 0 && slot != 1) continue;
        w.ratings[std::size_t(slot)] = int(st.integer(1));
        w.felt_heard_avg[std::size_t(slot)] = st.real(2);
    }
    return w;
}

std::vector<ExerciseWeek> ExerciseSessions::weeks(Date last_day, int count, const std::string& exercise_id) {
    std::vector<ExerciseWeek> out;
    const Date last = week_start(last_day);
    for (int i = count - 1; i >= 0; --i) out.push_back(week(add_days(last, -7 * i), exercise_id));
    return out;
}

// ---- commands ---------------------------------------------------------------

void ExerciseSessions::open_step(const std::string& session, int seq, int turn, const std::string& step_id,
                                 int speaker_slot, int64_t planned_ms, const std::string& t) {
    db_.prepare("INSERT INTO exercise_step(id, session_id, seq, turn, step_id, speaker, listener, planned_ms, started_at,"
                " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)")
        .bind(1, new_uuid()).bind(2, session).bind(3, seq).bind(4, turn).bind(5, step_id)
        .bind(6, couple_.partner(speaker_slot).id).bind(7, couple_.other(speaker_slot).id).bind(8, planned_ms)
        .bind(9, t).run();
}

void ExerciseSessions::close_step(const std::string& session, int seq, int64_t actual_ms, StepOutcome outcome,
                                  const std::string& t) {
    db_.prepare("UPDATE exercise_step SET actual_ms = ?3, outcome = ?4, ended_at = ?5, updated_at = ?5"
                " WHERE session_id = ?1 AND seq = ?2 AND outcome IS NULL")
        .bind(1, session).bind(2, seq).bind(3, actual_ms).bind(4, to_string(outcome)).bind(5, t).run();
}

SaveResult ExerciseSessions::start(const SessionSetup& s) {
    if (!couple_.is_set_up()) return SaveResult::refused("couple", "Set up both partners first.");
    const ExerciseDefinition* def = exercises_.find(s.exercise_id);
    if (!def) return SaveResult::refused("exercise", "No exercise called \"" + s.exercise_id + "\" is loaded.");
    if (s.first_speaker_slot != 0 && s.first_speaker_slot != 1)
        return SaveResult::refused("first_speaker", "Choose who speaks first.");
    tick();
    {
        auto& st = db_.prepare("SELECT EXISTS(SELECT 1 FROM exercise_session WHERE state IN ('running', 'paused', 'closing'))");
        st.step();
        const bool busy = st.integer(0) != 0;
        st.reset();
        if (busy) return SaveResult::refused("session", "Another session is under way; finish or close it first.");
    }
    std::string topic = s.topic;
    std::optional<std::string> source;
    if (s.from_break) {
        auto b = breaks_.get(*s.from_break);
        if (!b) return SaveResult::refused("topic", "That break no longer exists.");
        if (b->topic_status != TopicStatus::open)
            return SaveResult::refused("topic", "That break has no open topic to talk through.");
        topic = b->topic;
        source = b->follow_up_of.value_or(b->id);
    } else {
        if (!is_valid_utf8(topic)) return SaveResult::refused("topic", "The topic is not valid UTF-8 and was not saved.");
        if (auto n = codepoint_count(topic); n > kMaxTopicChars)
            return SaveResult::refused("topic", "That is " + number(int64_t(n)) + " characters; the limit is " +
                                                    number(int64_t(kMaxTopicChars)) + ".");
        if (def->topic_required && trim(topic).empty())
            return SaveResult::refused("topic", "Write a few words about what you want to talk about.");
    }
    std::map<std::string, int64_t> planned;
    for (const auto& step : def->steps) planned[step.id] = int64_t(step.duration_seconds) * 1000;
    for (const auto& [step_id, secs] : s.step_seconds) {
        const int i = def->step_index(step_id);
        if (i < 0) return SaveResult::refused("step_seconds", "This exercise has no step \"" + step_id + "\".");
        if (secs < kMinStepSeconds || secs > kMaxStepSeconds)
            return SaveResult::refused("step_seconds." + step_id,
                                       def->steps[std::size_t(i)].title + ": choose from " + format_seconds_prose(kMinStepSeconds) +
                                           " to " + format_seconds_prose(kMaxStepSeconds) + ".");
        planned[step_id] = int64_t(secs) * 1000;
    }
    const int rounds = s.rounds.value_or(def->default_rounds);
    if (rounds < 1 || rounds > kMaxRounds)
        return SaveResult::refused("rounds", "Choose from 1 to " + number(kMaxRounds) + " rounds.");

    const WallTime now = clock_.now();
    const auto t = format_utc(now);
    const std::string id = new_uuid();
    nlohmann::json durations(planned);
    Transaction tx(db_);
    db_.prepare("INSERT INTO exercise_session(id, exercise_id, exercise_version, topic, source_break, first_speaker, rounds,"
                " durations_json, state, turn, step_index, step_seq, anchor_at, anchor_elapsed_ms, started_at,"
                " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'running', 0, 0, 0, ?9, 0, ?9, ?9, ?9)")
        .bind(1, id).bind(2, def->id).bind(3, def->version).bind(4, topic).bind(5, source)
        .bind(6, couple_.partner(s.first_speaker_slot).id).bind(7, rounds).bind(8, durations.dump()).bind(9, t).run();
    open_step(id, 0, 0, def->steps[0].id, s.first_speaker_slot, planned[def->steps[0].id], t);
    tx.commit();
    live_ = Live{id, clock_.boot(), now, 0, now, 0, planned[def->steps[0].id], false};
    ++revision_;
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::can_drive(const std::optional<Row>& r, const std::string& what) const {
    if (!r) return gone();
    switch (r->state) {
    case SessionState::paused: return SaveResult::refused("state", "The session is paused; resume it to " + what + ".");
    case SessionState::closing:
        return SaveResult::refused("state", "All the steps are done; the ratings come next.");
    case SessionState::finished:
    case SessionState::ended_early: return SaveResult::refused("state", "That session is over.");
    case SessionState::running: break;
    }
    if (!r->def || r->step_index < 0 || r->step_index >= int(r->def->steps.size()))
        return SaveResult::refused("exercise", "The exercise \"" + r->exercise_id + "\" (version " + number(r->version) +
                                                   ") is not loaded any more; end the session instead.");
    return SaveResult::success(r->id);
}

void ExerciseSessions::move(const Row& r, StepOutcome outcome, int turn, int step_index, int loops_added) {
    const WallTime now = clock_.now();
    const auto t = format_utc(now);
    const int64_t elapsed = elapsed_of(r);
    Transaction tx(db_);
    close_step(r.id, r.step_seq, elapsed, outcome, t);
    if (turn >= r.turns_total()) {
        db_.prepare("UPDATE exercise_session SET state = 'closing', turn = ?2, step_index = 0, anchor_at = ?3,"
                    " anchor_elapsed_ms = 0, clarify_loops = clarify_loops + ?4, updated_at = ?3 WHERE id = ?1")
            .bind(1, r.id).bind(2, turn).bind(3, t).bind(4, loops_added).run();
        tx.commit();
        live_.reset();
    } else {
        const auto& step = r.def->steps[std::size_t(step_index)];
        const int seq = r.step_seq + 1;
        const int64_t planned = r.planned_of(step);
        open_step(r.id, seq, turn, step.id, r.speaker_of(turn), planned, t);
        db_.prepare("UPDATE exercise_session SET turn = ?2, step_index = ?3, step_seq = ?4, anchor_at = ?5,"
                    " anchor_elapsed_ms = 0, clarify_loops = clarify_loops + ?6, updated_at = ?5 WHERE id = ?1")
            .bind(1, r.id).bind(2, turn).bind(3, step_index).bind(4, seq).bind(5, t).bind(6, loops_added).run();
        tx.commit();
        live_ = Live{r.id, clock_.boot(), now, 0, now, 0, planned, false};
    }
    ++revision_;
}

SaveResult ExerciseSessions::next(const std::string& id) {
    tick();
    auto r = row(id);
    if (auto c = can_drive(r, "move on"); !c.ok()) return c;
    const auto& step = r->def->steps[std::size_t(r->step_index)];
    const bool last = r->step_index + 1 == int(r->def->steps.size());
    move(*r, step.check ? StepOutcome::got_it : StepOutcome::next, last ? r->turn + 1 : r->turn,
         last ? 0 : r->step_index + 1, 0);
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::answer(const std::string& id, bool got_it) {
    tick();
    auto r = row(id);
    if (auto c = can_drive(r, "answer"); !c.ok()) return c;
    const auto& step = r->def->steps[std::size_t(r->step_index)];
    if (!step.check) return SaveResult::refused("answer", "This step asks no question; move on with next.");
    if (got_it) return next(id);
    move(*r, StepOutcome::not_quite, r->turn, step.check->loop_back_index, 1);
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::back(const std::string& id) {
    tick();
    auto r = row(id);
    if (auto c = can_drive(r, "go back"); !c.ok()) return c;
    if (r->step_index > 0) {
        move(*r, StepOutcome::back, r->turn, r->step_index - 1, 0);
    } else if (r->turn > 0) {
        move(*r, StepOutcome::back, r->turn - 1, int(r->def->steps.size()) - 1, 0);
    } else {
        return SaveResult::refused("back", "This is the first step; there is nothing before it.");
    }
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::pause(const std::string& id) {
    tick();
    auto r = row(id);
    if (!r) return gone();
    if (r->state != SessionState::running)
        return SaveResult::refused("state", r->state == SessionState::paused ? "The session is already paused."
                                                                             : "Only a running session can be paused.");
    const auto t = format_utc(clock_.now());
    db_.prepare("UPDATE exercise_session SET state = 'paused', paused_at = ?2, anchor_at = ?2, anchor_elapsed_ms = ?3,"
                " updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, elapsed_of(*r)).run();
    if (live_ && live_->id == id) live_.reset();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::resume(const std::string& id) {
    tick();
    auto r = row(id);
    if (!r) return gone();
    if (r->state != SessionState::paused)
        return SaveResult::refused("state", r->state == SessionState::running ? "The session is already running."
                                                                              : "Only a paused session can be resumed.");
    if (!r->def || r->step_index < 0 || r->step_index >= int(r->def->steps.size()))
        return SaveResult::refused("exercise", "The exercise \"" + r->exercise_id + "\" (version " + number(r->version) +
                                                   ") is not loaded any more; end the session instead.");
    if (live_) {
        // Another session cannot be running; stop its timer where it is.
        auto other = live_->id;
        pause(other);
    }
    const WallTime now = clock_.now();
    const auto t = format_utc(now);
    db_.prepare("UPDATE exercise_session SET state = 'running', paused_at = NULL, anchor_at = ?2, updated_at = ?2"
                " WHERE id = ?1")
        .bind(1, id).bind(2, t).run();
    const int64_t planned = r->planned_of(r->def->steps[std::size_t(r->step_index)]);
    live_ = Live{id, clock_.boot(), now, r->anchor_elapsed, now, r->anchor_elapsed, planned,
                 r->anchor_elapsed >= planned};
    std::erase(interrupted_, id);
    ++revision_;
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::end_early(const std::string& id) {
    tick();
    auto r = row(id);
    if (!r) return gone();
    if (r->state == SessionState::finished || r->state == SessionState::ended_early)
        return SaveResult::refused("state", "That session is already over.");
    const auto t = format_utc(clock_.now());
    Transaction tx(db_);
    if (r->state != SessionState::closing) close_step(id, r->step_seq, elapsed_of(*r), StepOutcome::ended_early, t);
    db_.prepare("UPDATE exercise_session SET state = 'ended_early', ended_at = ?2, paused_at = NULL, anchor_at = ?2,"
                " anchor_elapsed_ms = ?3, updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, r->state == SessionState::closing ? 0 : elapsed_of(*r)).run();
    tx.commit();
    if (live_ && live_->id == id) live_.reset();
    std::erase(interrupted_, id);
    ++revision_;
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::close_interrupted(const std::string& id) {
    auto r = row(id);
    if (!r) return gone();
    if (std::find(interrupted_.begin(), interrupted_.end(), id) == interrupted_.end() || !(r->state == SessionState::paused))
        return SaveResult::refused("state", "That session was not interrupted.");
    // It ended when it was last seen under way, not now.
    const WallTime when = r->paused_at.value_or(r->anchor_at);
    const auto t = format_utc(when);
    const auto now = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare("UPDATE exercise_step SET actual_ms = ?3, outcome = 'ended_early', ended_at = ?4, updated_at = ?5"
                " WHERE session_id = ?1 AND seq = ?2 AND outcome IS NULL")
        .bind(1, id).bind(2, r->step_seq).bind(3, r->anchor_elapsed).bind(4, t).bind(5, now).run();
    db_.prepare("UPDATE exercise_session SET state = 'ended_early', ended_at = ?2, paused_at = NULL, updated_at = ?3"
                " WHERE id = ?1")
        .bind(1, id).bind(2, t).bind(3, now).run();
    tx.commit();
    std::erase(interrupted_, id);
    ++revision_;
    return SaveResult::success(id);
}

SaveResult ExerciseSessions::finish(const std::string& id, const SessionClosing& c) {
    tick();
    auto r = row(id);
    if (!r) return gone();
    if (r->state == SessionState::running || r->state == SessionState::paused)
        return SaveResult::refused("state", "The exercise is still under way; finish its steps or end it early first.");
    if (r->state == SessionState::finished) return SaveResult::refused("state", "That session is already closed.");
    if (r->state == SessionState::ended_early) {
        auto& st = db_.prepare("SELECT count(*) FROM exercise_rating WHERE session_id = ?1");
        st.bind(1, id);
        st.step();
        const bool rated = st.integer(0) > 0;
        st.reset();
        if (rated || r->talked_through) return SaveResult::refused("state", "That session is already closed.");
    }
    for (int slot = 0; slot < 2; ++slot) {
        const auto& cr = c.ratings[std::size_t(slot)];
        const std::string who = couple_.partner(slot).name;
        if (cr.felt_heard && (*cr.felt_heard < kMinFeltHeard || *cr.felt_heard > kMaxFeltHeard))
            return SaveResult::refused("felt_heard." + number(slot),
                                       who + ": choose from " + number(kMinFeltHeard) + " to " + number(kMaxFeltHeard) + ".");
        if (!is_valid_utf8(cr.note))
            return SaveResult::refused("note." + number(slot), who + "'s note is not valid UTF-8 and was not saved.");
        if (auto n = codepoint_count(cr.note); n > kMaxExerciseNoteChars)
            return SaveResult::refused("note." + number(slot), who + "'s note is " + number(int64_t(n)) +
                                                                   " characters; the limit is " +
                                                                   number(int64_t(kMaxExerciseNoteChars)) + ".");
        if (!cr.felt_heard && !trim(cr.note).empty())
            return SaveResult::refused("felt_heard." + number(slot),
                                       who + ": choose how heard you felt to go with the note.");
    }
    const auto t = format_utc(clock_.now());
    Transaction tx(db_);
    for (int slot = 0; slot < 2; ++slot) {
        const auto& cr = c.ratings[std::size_t(slot)];
        if (!cr.felt_heard) continue;
        db_.prepare("INSERT INTO exercise_rating(id, session_id, partner, felt_heard, note, created_at, updated_at)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)")
            .bind(1, new_uuid()).bind(2, id).bind(3, couple_.partner(slot).id).bind(4, *cr.felt_heard)
            .bind(5, trim(cr.note).empty() ? std::string() : cr.note).bind(6, t).run();
    }
    db_.prepare("UPDATE exercise_session SET state = ?2, ended_at = COALESCE(ended_at, ?3), topic_talked_through = ?4,"
                " updated_at = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, r->state == SessionState::closing ? "finished" : "ended_early").bind(3, t)
        .bind(4, c.topic_talked_through).run();
    // The break's topic closes with it; one already closed stays as it is.
    if (c.topic_talked_through && r->source_break) (void)breaks_.mark_topic_talked_through(*r->source_break);
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

} // namespace hearth
