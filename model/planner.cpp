#include "planner.h"

#include "utf8.h"
#include "uuid.h"

#include <algorithm>
#include <map>
#include <set>

namespace hearth {
using namespace std::chrono;

std::string_view to_string(PlanState s) {
    switch (s) {
    case PlanState::planned: return "planned";
    case PlanState::done: return "done";
    case PlanState::skipped: return "skipped";
    }
    return "planned";
}

std::optional<PlanState> parse_plan_state(std::string_view s) {
    if (s == "planned") return PlanState::planned;
    if (s == "done") return PlanState::done;
    if (s == "skipped") return PlanState::skipped;
    return std::nullopt;
}

PlanDraft Plan::draft() const {
    PlanDraft d;
    d.title = title;
    d.kind_id = kind_id;
    d.day = day;
    d.start_minute = start_minute;
    d.length_minutes = length_minutes;
    d.place = place;
    d.notes = notes;
    d.suggested_by = suggested_by;
    d.phones_away = phones_away;
    d.recurrence = recurrence;
    return d;
}

bool overlaps(const Occurrence& a, const Occurrence& b) {
    if (a.state == PlanState::skipped || b.state == PlanState::skipped) return false;
    return a.start < b.end && b.start < a.end;
}

void mark_overlaps(std::vector<Occurrence>& list) {
    std::vector<size_t> order(list.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return list[a].start < list[b].start; });
    for (auto& o : list) o.overlaps = false;
    // By start: once a later one starts at or after this one's end, none after it overlaps.
    for (size_t i = 0; i < order.size(); ++i) {
        auto& a = list[order[i]];
        for (size_t j = i + 1; j < order.size() && list[order[j]].start < a.end; ++j)
            if (overlaps(a, list[order[j]])) a.overlaps = list[order[j]].overlaps = true;
    }
}

std::vector<Occurrence> PlannerWeek::all() const {
    std::vector<Occurrence> out;
    for (const auto& d : days) out.insert(out.end(), d.begin(), d.end());
    return out;
}

namespace {

std::string too_long(const std::string& what, std::size_t n, std::size_t max) {
    return what + " is " + std::to_string(n) + " characters; the limit is " + std::to_string(max) + ".";
}

constexpr const char* kPlanColumns =
    "p.id, p.title, p.kind_id, p.day, p.start_time, p.length_minutes, p.place, p.notes, ps.slot, p.phones_away,"
    " p.repeat, p.weekdays, p.interval_weeks, p.until, p.idea_id, p.sequence, p.created_at, p.updated_at"
    " FROM plan p LEFT JOIN partner ps ON ps.id = p.suggested_by";

// A stored day that cannot be read (a hand-edited row) is the day the row was
// made, else 1970-01-01: always a day in range, so no time arithmetic on it
// can overflow (Date{} is year 0).
Date readable_day(const std::string& day, const std::string& created_at) {
    if (auto d = parse_date(day)) return *d;
    return local_date(parse_utc(created_at).value_or(WallTime{}));
}

// A stored length beyond anything the planner allows is held to the limit.
int stored_length(int64_t minutes) { return int(std::clamp<int64_t>(minutes, 1, kMaxPlanMinutes)); }

Plan read_plan(Statement& st) {
    Plan p;
    p.id = st.text(0);
    p.title = st.text(1);
    p.kind_id = st.text(2);
    p.day = readable_day(st.text(3), st.text(16));
    p.start_minute = parse_hhmm(st.text(4)).value_or(0);
    p.length_minutes = stored_length(st.integer(5));
    p.place = st.text(6);
    p.notes = st.text(7);
    if (!st.is_null(8)) p.suggested_by = int(st.integer(8));
    p.phones_away = st.integer(9) != 0;
    p.recurrence.repeat = parse_repeat(st.text(10)).value_or(Repeat::none);
    p.recurrence.weekdays = unsigned(st.integer(11));
    p.recurrence.interval_weeks = int(st.integer(12));
    if (auto u = st.text_or_null(13)) p.recurrence.until = parse_date(*u);
    p.idea_id = st.text_or_null(14);
    p.sequence = int(st.integer(15));
    p.created_at = st.text(16);
    p.updated_at = st.text(17);
    return p;
}

constexpr const char* kRowColumns =
    "o.id, o.plan_id, o.original_day, o.day, o.start_time, o.title, o.place, o.notes, o.length_minutes, o.state,"
    " o.memory, o.created_at, o.updated_at,"
    " (SELECT r.stars FROM plan_rating r JOIN partner pr ON pr.id = r.partner WHERE r.occurrence_id = o.id AND pr.slot = 0),"
    " (SELECT r.stars FROM plan_rating r JOIN partner pr ON pr.id = r.partner WHERE r.occurrence_id = o.id AND pr.slot = 1)"
    " FROM plan_occurrence o";

OccurrenceException read_row(Statement& st) {
    OccurrenceException e;
    e.id = st.text(0);
    e.plan_id = st.text(1);
    e.original_day = readable_day(st.text(2), st.text(11));
    if (auto d = st.text_or_null(3)) e.moved_day = parse_date(*d);
    if (auto t = st.text_or_null(4)) e.moved_minute = parse_hhmm(*t);
    e.title = st.text_or_null(5);
    e.place = st.text_or_null(6);
    e.notes = st.text_or_null(7);
    if (!st.is_null(8)) e.length_minutes = stored_length(st.integer(8));
    e.state = parse_plan_state(st.text(9)).value_or(PlanState::planned);
    e.memory = st.text(10);
    e.created_at = st.text(11);
    e.updated_at = st.text(12);
    if (!st.is_null(13)) e.rating[0] = int(st.integer(13));
    if (!st.is_null(14)) e.rating[1] = int(st.integer(14));
    return e;
}

bool by_start(const Occurrence& a, const Occurrence& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    if (a.plan_id != b.plan_id) return a.plan_id < b.plan_id;
    return sys_days{a.original_day} < sys_days{b.original_day};
}

bool in_range(Date d, Date from, Date to) { return sys_days{d} >= sys_days{from} && sys_days{d} <= sys_days{to}; }

} // namespace

Planner::Planner(Database& db, const Clock& clock, const Couple& couple, const PlanKinds& kinds, IdeaBank& ideas)
    : db_(db), clock_(clock), couple_(couple), kinds_(kinds), ideas_(ideas) {}

// ---------------------------------------------------------------------------
// Validation

SaveResult Planner::check_text(const std::string& field, const std::string& text, std::size_t max, bool required) const {
    std::string what = field == "title" ? "The title" : field == "place" ? "The place" : field == "memory" ? "The memory" : "The notes";
    if (required && trim(text).empty()) return SaveResult::refused(field, "Give the plan a title; it can't be empty.");
    if (!is_valid_utf8(text)) return SaveResult::refused(field, what + " is not valid UTF-8 text and was not saved.");
    if (auto n = codepoint_count(text); n > max) return SaveResult::refused(field, too_long(what, n, max));
    return SaveResult::success({});
}

SaveResult Planner::validate(const PlanDraft& d) const {
    if (auto r = check_text("title", d.title, kMaxPlanTitleChars, true); !r.ok()) return r;
    if (!kinds_.exists(d.kind_id)) return SaveResult::refused("kind", "Choose a kind of plan from the list.");
    if (!d.day.ok()) return SaveResult::refused("day", "Choose a real calendar day.");
    if (d.start_minute < 0 || d.start_minute >= 24 * 60)
        return SaveResult::refused("time", "Choose a time of day between 00:00 and 23:59.");
    if (d.length_minutes <= 0)
        return SaveResult::refused("length", "The length must be more than zero minutes (the end can't be before the start).");
    int max = d.recurrence.recurring() ? kMaxRitualMinutes : kMaxPlanMinutes;
    if (d.length_minutes > max)
        return SaveResult::refused("length", d.recurrence.recurring()
                                                 ? std::string("A ritual lasts at most a day (1440 minutes).")
                                                 : std::string("A plan lasts at most a week (10080 minutes)."));
    if (auto r = check_text("place", d.place, kMaxPlanPlaceChars, false); !r.ok()) return r;
    if (auto r = check_text("notes", d.notes, kMaxPlanNotesChars, false); !r.ok()) return r;
    if (d.suggested_by) {
        if (*d.suggested_by != 0 && *d.suggested_by != 1)
            return SaveResult::refused("suggested_by", "Choose which of you suggested it.");
        if (!couple_.is_set_up()) return SaveResult::refused("suggested_by", "Set up both partners first.");
    }
    if (auto p = recurrence_problem(d.recurrence, d.day)) return SaveResult::refused(p->field, p->why);
    return SaveResult::success({});
}

namespace {
// What is stored for a rule: only the parts its repeat uses.
Recurrence normalized(Recurrence r) {
    if (r.repeat != Repeat::weekly) {
        r.weekdays = 0;
        r.interval_weeks = 1;
    }
    if (r.repeat == Repeat::none) r.until.reset();
    return r;
}
} // namespace

// ---------------------------------------------------------------------------
// Plans

SaveResult Planner::add(const PlanDraft& d) {
    if (auto r = validate(d); !r.ok()) return r;
    auto rec = normalized(d.recurrence);
    auto id = new_uuid();
    auto now = format_utc(clock_.now());
    std::optional<std::string> suggested;
    if (d.suggested_by) suggested = couple_.partner(*d.suggested_by).id;
    std::optional<std::string> until;
    if (rec.until) until = format_date(*rec.until);
    db_.prepare("INSERT INTO plan(id, title, kind_id, day, start_time, length_minutes, place, notes, suggested_by,"
                " phones_away, repeat, weekdays, interval_weeks, until, sequence, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15, ?15)")
        .bind(1, id).bind(2, d.title).bind(3, d.kind_id).bind(4, format_date(d.day))
        .bind(5, format_hhmm(d.start_minute)).bind(6, d.length_minutes).bind(7, d.place).bind(8, d.notes)
        .bind(9, suggested).bind(10, d.phones_away).bind(11, to_string(rec.repeat)).bind(12, int64_t(rec.weekdays))
        .bind(13, rec.interval_weeks).bind(14, until).bind(15, now).run();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult Planner::update(const std::string& id, const PlanDraft& d) {
    auto old = get(id);
    if (!old) return SaveResult::refused("id", "That plan no longer exists.");
    if (auto r = validate(d); !r.ok()) return r;
    auto rec = normalized(d.recurrence);
    std::optional<std::string> suggested;
    if (d.suggested_by) suggested = couple_.partner(*d.suggested_by).id;
    std::optional<std::string> until;
    if (rec.until) until = format_date(*rec.until);
    Transaction tx(db_);
    db_.prepare("UPDATE plan SET title = ?2, kind_id = ?3, day = ?4, start_time = ?5, length_minutes = ?6, place = ?7,"
                " notes = ?8, suggested_by = ?9, phones_away = ?10, repeat = ?11, weekdays = ?12, interval_weeks = ?13,"
                " until = ?14, sequence = sequence + 1, updated_at = ?15 WHERE id = ?1")
        .bind(1, id).bind(2, d.title).bind(3, d.kind_id).bind(4, format_date(d.day))
        .bind(5, format_hhmm(d.start_minute)).bind(6, d.length_minutes).bind(7, d.place).bind(8, d.notes)
        .bind(9, suggested).bind(10, d.phones_away).bind(11, to_string(rec.repeat)).bind(12, int64_t(rec.weekdays))
        .bind(13, rec.interval_weeks).bind(14, until).bind(15, format_utc(clock_.now())).run();
    // A one-off plan's only occurrence row follows the plan's day.
    if (!old->recurring() && !rec.recurring() && old->day != d.day)
        db_.prepare("UPDATE plan_occurrence SET original_day = ?2 WHERE plan_id = ?1 AND original_day = ?3")
            .bind(1, id).bind(2, format_date(d.day)).bind(3, format_date(old->day)).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

bool Planner::remove(const std::string& id) {
    Transaction tx(db_);
    db_.prepare("DELETE FROM plan_rating WHERE occurrence_id IN (SELECT id FROM plan_occurrence WHERE plan_id = ?1)")
        .bind(1, id).run();
    db_.prepare("DELETE FROM plan_occurrence WHERE plan_id = ?1").bind(1, id).run();
    db_.prepare("DELETE FROM plan WHERE id = ?1").bind(1, id).run();
    bool gone = db_.changes() > 0;
    tx.commit();
    if (gone) ++revision_;
    return gone;
}

std::vector<Plan> Planner::query_plans(const std::string& where, const std::vector<std::string>& args) {
    auto& st = db_.prepare(std::string("SELECT ") + kPlanColumns + " " + where);
    for (size_t i = 0; i < args.size(); ++i) st.bind(int(i) + 1, args[i]);
    std::vector<Plan> out;
    while (st.step()) out.push_back(read_plan(st));
    return out;
}

std::vector<OccurrenceException> Planner::query_rows(const std::string& where, const std::vector<std::string>& args) {
    auto& st = db_.prepare(std::string("SELECT ") + kRowColumns + " " + where);
    for (size_t i = 0; i < args.size(); ++i) st.bind(int(i) + 1, args[i]);
    std::vector<OccurrenceException> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

std::optional<Plan> Planner::get(const std::string& id) {
    auto v = query_plans("WHERE p.id = ?1", {id});
    if (v.empty()) return std::nullopt;
    return v.front();
}

std::vector<Plan> Planner::plans() { return query_plans("ORDER BY p.day, p.start_time, p.id", {}); }

std::vector<OccurrenceException> Planner::exceptions(const std::string& plan_id) {
    return query_rows("WHERE o.plan_id = ?1 ORDER BY o.original_day", {plan_id});
}

std::optional<OccurrenceException> Planner::exception_row(const std::string& plan_id, Date original_day) {
    auto v = query_rows("WHERE o.plan_id = ?1 AND o.original_day = ?2", {plan_id, format_date(original_day)});
    if (v.empty()) return std::nullopt;
    return v.front();
}

SaveResult Planner::plan_from_idea(const std::string& idea_id, Date day, int start_minute, std::optional<int> suggested_by) {
    auto idea = ideas_.get(idea_id);
    if (!idea) return SaveResult::refused("idea", "That idea is no longer in the bank.");
    PlanDraft d;
    d.title = idea->title;
    d.kind_id = idea->kind_id;
    d.day = day;
    d.start_minute = start_minute;
    d.length_minutes = idea->length_minutes;
    d.notes = idea->description;
    d.suggested_by = suggested_by;
    d.phones_away = true;
    Transaction tx(db_);
    auto r = add(d);
    if (!r.ok()) return r;
    db_.prepare("UPDATE plan SET idea_id = ?2 WHERE id = ?1").bind(1, r.id).bind(2, idea_id).run();
    ideas_.mark_used(idea_id, day);
    tx.commit();
    return r;
}

PlanSlot Planner::next_free_evening(Date shown_monday, std::optional<Date> chosen_day) {
    constexpr int kEvening = 19 * 60;
    if (chosen_day && chosen_day->ok()) return {*chosen_day, kEvening};
    const WallTime now = clock_.now();
    const Date today = local_date(now);
    const bool evening_over = parse_hhmm(local_clock_time(now)).value_or(0) >= kEvening;
    const Date from = today < shown_monday ? shown_monday : today;
    const Date to = add_days(from, 13);
    auto list = occurrences(from, to);
    for (Date d = from; d <= to; d = add_days(d, 1)) {
        if (d == today && evening_over) continue;
        WallTime start = local_at(d, kEvening);
        WallTime end = start + hours(2);
        bool busy = std::any_of(list.begin(), list.end(), [&](const Occurrence& o) {
            return o.state != PlanState::skipped && o.start < end && start < o.end;
        });
        if (!busy) return {d, kEvening};
    }
    return {from == today && evening_over ? add_days(from, 1) : from, kEvening};
}

SaveResult Planner::end_ritual(const std::string& id, Date last_day) {
    auto p = get(id);
    if (!p) return SaveResult::refused("id", "That plan no longer exists.");
    if (!p->recurring()) return SaveResult::refused("until", "Only a ritual that repeats can be ended; this is a one-off plan.");
    if (!last_day.ok()) return SaveResult::refused("until", "Choose a real calendar day for the end.");
    Recurrence r = p->recurrence;
    r.until = last_day;
    if (auto problem = recurrence_problem(r, p->day)) return SaveResult::refused(problem->field, problem->why);
    db_.prepare("UPDATE plan SET until = ?2, sequence = sequence + 1, updated_at = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, format_date(last_day)).bind(3, format_utc(clock_.now())).run();
    ++revision_;
    return SaveResult::success(id);
}

// ---------------------------------------------------------------------------
// Occurrences

void Planner::touch(const std::string& plan_id) {
    db_.prepare("UPDATE plan SET sequence = sequence + 1, updated_at = ?2 WHERE id = ?1")
        .bind(1, plan_id).bind(2, format_utc(clock_.now())).run();
    ++revision_;
}

SaveResult Planner::ensure_row(const std::string& plan_id, Date original_day, Plan* plan_out) {
    auto p = get(plan_id);
    if (!p) return SaveResult::refused("id", "That plan no longer exists.");
    if (plan_out) *plan_out = *p;
    if (auto row = exception_row(plan_id, original_day)) return SaveResult::success(row->id);
    if (!occurs_on(p->recurrence, p->day, original_day))
        return SaveResult::refused("day", "The plan has no occurrence on " + format_date(original_day) + ".");
    auto id = new_uuid();
    db_.prepare("INSERT INTO plan_occurrence(id, plan_id, original_day, state, memory, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, 'planned', '', ?4, ?4)")
        .bind(1, id).bind(2, plan_id).bind(3, format_date(original_day)).bind(4, format_utc(clock_.now())).run();
    return SaveResult::success(id);
}

Occurrence Planner::make(const Plan& p, Date original_day, const OccurrenceException* ex) const {
    Occurrence o;
    o.plan_id = p.id;
    o.original_day = original_day;
    o.day = original_day;
    o.start_minute = p.start_minute;
    o.length_minutes = p.length_minutes;
    o.title = p.title;
    o.kind_id = p.kind_id;
    o.place = p.place;
    o.notes = p.notes;
    o.suggested_by = p.suggested_by;
    o.phones_away = p.phones_away;
    o.recurring = p.recurring();
    o.plan_sequence = p.sequence;
    if (ex) {
        if (ex->moved_day) o.day = *ex->moved_day;
        if (ex->moved_minute) o.start_minute = *ex->moved_minute;
        if (ex->title) o.title = *ex->title;
        if (ex->place) o.place = *ex->place;
        if (ex->notes) o.notes = *ex->notes;
        if (ex->length_minutes) o.length_minutes = *ex->length_minutes;
        o.moved = o.day != original_day || o.start_minute != p.start_minute;
        o.changed = ex->changed();
        o.state = ex->state;
        o.rating = ex->rating;
        o.memory = ex->memory;
    }
    o.length_minutes = std::clamp(o.length_minutes, 1, p.recurring() ? kMaxRitualMinutes : kMaxPlanMinutes);
    o.start = local_at(o.day, o.start_minute);
    o.end = o.start + minutes{o.length_minutes};
    return o;
}

std::optional<Occurrence> Planner::occurrence(const std::string& plan_id, Date original_day) {
    auto p = get(plan_id);
    if (!p) return std::nullopt;
    auto row = exception_row(plan_id, original_day);
    if (!row && !occurs_on(p->recurrence, p->day, original_day)) return std::nullopt;
    return make(*p, original_day, row ? &*row : nullptr);
}

SaveResult Planner::move_occurrence(const std::string& plan_id, Date original_day, Date new_day, int new_start_minute) {
    if (!new_day.ok()) return SaveResult::refused("day", "Choose a real calendar day.");
    if (new_start_minute < 0 || new_start_minute >= 24 * 60)
        return SaveResult::refused("time", "Choose a time of day between 00:00 and 23:59.");
    auto p = get(plan_id);
    if (!p) return SaveResult::refused("id", "That plan no longer exists.");
    Transaction tx(db_);
    if (!p->recurring()) {
        // The only occurrence of a one-off plan: the plan itself moves.
        if (original_day != p->day)
            return SaveResult::refused("day", "The plan has no occurrence on " + format_date(original_day) + ".");
        db_.prepare("UPDATE plan SET day = ?2, start_time = ?3 WHERE id = ?1")
            .bind(1, plan_id).bind(2, format_date(new_day)).bind(3, format_hhmm(new_start_minute)).run();
        db_.prepare("UPDATE plan_occurrence SET original_day = ?2, updated_at = ?4 WHERE plan_id = ?1 AND original_day = ?3")
            .bind(1, plan_id).bind(2, format_date(new_day)).bind(3, format_date(original_day))
            .bind(4, format_utc(clock_.now())).run();
    } else {
        auto r = ensure_row(plan_id, original_day);
        if (!r.ok()) return r;
        std::optional<std::string> day, time;
        if (new_day != original_day) day = format_date(new_day);
        if (new_start_minute != p->start_minute) time = format_hhmm(new_start_minute);
        db_.prepare("UPDATE plan_occurrence SET day = ?2, start_time = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(1, r.id).bind(2, day).bind(3, time).bind(4, format_utc(clock_.now())).run();
    }
    touch(plan_id);
    tx.commit();
    return SaveResult::success(plan_id);
}

SaveResult Planner::drop_on_day(const Occurrence& o, Date day) {
    if (day == o.day) return SaveResult::success(o.plan_id);
    return move_occurrence(o.plan_id, o.original_day, day, o.start_minute);
}

SaveResult Planner::change_occurrence(const std::string& plan_id, Date original_day, const OccurrenceChange& c) {
    if (c.title)
        if (auto r = check_text("title", *c.title, kMaxPlanTitleChars, true); !r.ok()) return r;
    if (c.place)
        if (auto r = check_text("place", *c.place, kMaxPlanPlaceChars, false); !r.ok()) return r;
    if (c.notes)
        if (auto r = check_text("notes", *c.notes, kMaxPlanNotesChars, false); !r.ok()) return r;
    Transaction tx(db_);
    Plan p;
    auto r = ensure_row(plan_id, original_day, &p);
    if (!r.ok()) return r;
    if (c.length_minutes) {
        if (*c.length_minutes <= 0)
            return SaveResult::refused("length", "The length must be more than zero minutes (the end can't be before the start).");
        if (*c.length_minutes > (p.recurring() ? kMaxRitualMinutes : kMaxPlanMinutes))
            return SaveResult::refused("length", p.recurring() ? std::string("A ritual lasts at most a day (1440 minutes).")
                                                               : std::string("A plan lasts at most a week (10080 minutes)."));
    }
    auto& st = db_.prepare("UPDATE plan_occurrence SET title = coalesce(?2, title), place = coalesce(?3, place),"
                           " notes = coalesce(?4, notes), length_minutes = coalesce(?5, length_minutes), updated_at = ?6"
                           " WHERE id = ?1");
    st.bind(1, r.id).bind(2, c.title).bind(3, c.place).bind(4, c.notes);
    if (c.length_minutes) st.bind(5, *c.length_minutes);
    st.bind(6, format_utc(clock_.now())).run();
    touch(plan_id);
    tx.commit();
    return SaveResult::success(plan_id);
}

SaveResult Planner::set_state(const std::string& plan_id, Date original_day, PlanState s) {
    Transaction tx(db_);
    auto r = ensure_row(plan_id, original_day);
    if (!r.ok()) return r;
    if (s == PlanState::done) {
        auto o = occurrence(plan_id, original_day);
        if (o && o->start > clock_.now())
            return SaveResult::refused("state", "That is still ahead; mark it done once it has happened.");
    }
    db_.prepare("UPDATE plan_occurrence SET state = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, r.id).bind(2, to_string(s)).bind(3, format_utc(clock_.now())).run();
    touch(plan_id);
    tx.commit();
    return SaveResult::success(plan_id);
}

SaveResult Planner::rate(const std::string& plan_id, Date original_day, int slot, std::optional<int> stars) {
    if (!couple_.is_set_up()) return SaveResult::refused("rating", "Set up both partners first.");
    if (slot != 0 && slot != 1) return SaveResult::refused("rating", "Choose whose rating this is.");
    if (stars && (*stars < 1 || *stars > 5)) return SaveResult::refused("rating", "A rating is 1 to 5 stars.");
    auto row = exception_row(plan_id, original_day);
    if (!row || row->state != PlanState::done)
        return SaveResult::refused("rating", "Mark it done first; ratings are for time you had together.");
    auto now = format_utc(clock_.now());
    const auto& partner = couple_.partner(slot).id;
    Transaction tx(db_);
    if (stars)
        db_.prepare("INSERT INTO plan_rating(id, occurrence_id, partner, stars, created_at, updated_at)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(occurrence_id, partner)"
                    " DO UPDATE SET stars = excluded.stars, updated_at = excluded.updated_at")
            .bind(1, new_uuid()).bind(2, row->id).bind(3, partner).bind(4, *stars).bind(5, now).run();
    else
        db_.prepare("DELETE FROM plan_rating WHERE occurrence_id = ?1 AND partner = ?2").bind(1, row->id).bind(2, partner).run();
    db_.prepare("UPDATE plan_occurrence SET updated_at = ?2 WHERE id = ?1").bind(1, row->id).bind(2, now).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(plan_id);
}

SaveResult Planner::set_memory(const std::string& plan_id, Date original_day, const std::string& text) {
    if (auto r = check_text("memory", text, kMaxMemoryChars, false); !r.ok()) return r;
    Transaction tx(db_);
    auto r = ensure_row(plan_id, original_day);
    if (!r.ok()) return r;
    db_.prepare("UPDATE plan_occurrence SET memory = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, r.id).bind(2, trim(text).empty() ? std::string() : text).bind(3, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(plan_id);
}

SaveResult Planner::reset_occurrence(const std::string& plan_id, Date original_day) {
    auto p = get(plan_id);
    if (!p) return SaveResult::refused("id", "That plan no longer exists.");
    auto row = exception_row(plan_id, original_day);
    if (!row) return SaveResult::success(plan_id);
    Transaction tx(db_);
    if (row->state == PlanState::planned && !row->has_history())
        db_.prepare("DELETE FROM plan_occurrence WHERE id = ?1").bind(1, row->id).run();
    else
        db_.prepare("UPDATE plan_occurrence SET day = NULL, start_time = NULL, title = NULL, place = NULL, notes = NULL,"
                    " length_minutes = NULL, updated_at = ?2 WHERE id = ?1")
            .bind(1, row->id).bind(2, format_utc(clock_.now())).run();
    touch(plan_id);
    tx.commit();
    return SaveResult::success(plan_id);
}

// ---------------------------------------------------------------------------
// Views

std::vector<Occurrence> Planner::sharing_time_with(const std::string& plan_id, Date original_day) {
    std::vector<Occurrence> out;
    auto mine = occurrence(plan_id, original_day);
    if (!mine) return out;
    for (const Occurrence& o : occurrences(add_days(mine->day, -1), add_days(mine->day, 1)))
        if (!(o.plan_id == plan_id && o.original_day == original_day) && overlaps(*mine, o)) out.push_back(o);
    return out;
}

std::vector<Occurrence> Planner::occurrences(Date from, Date to) {
    std::vector<Occurrence> out;
    if (!from.ok() || !to.ok() || sys_days{to} < sys_days{from}) return out;
    // A wider window, so plans running past midnight (or over days) into or out
    // of the range mark their overlaps; trimmed to the range at the end.
    const Date wide_from = add_days(from, -kMaxPlanMinutes / (24 * 60));
    const Date wide_to = add_days(to, 1);
    const std::string f = format_date(wide_from), t = format_date(wide_to);

    std::map<std::pair<std::string, std::string>, OccurrenceException> rows;  // (plan, original day)
    for (auto& r : query_rows("JOIN plan p ON p.id = o.plan_id WHERE (p.repeat = 'none' AND p.day BETWEEN ?1 AND ?2)"
                              " OR (p.repeat <> 'none' AND (o.original_day BETWEEN ?1 AND ?2 OR o.day BETWEEN ?1 AND ?2))",
                              {f, t}))
        rows.emplace(std::make_pair(r.plan_id, format_date(r.original_day)), std::move(r));

    auto take = [&](const Plan& p, Date original) -> const OccurrenceException* {
        auto it = rows.find({p.id, format_date(original)});
        if (it == rows.end()) return nullptr;
        return &it->second;
    };
    std::set<std::pair<std::string, std::string>> used;
    auto emit = [&](const Plan& p, Date original, const OccurrenceException* ex) {
        used.insert({p.id, format_date(original)});
        Occurrence o = make(p, original, ex);
        if (in_range(o.day, wide_from, wide_to)) out.push_back(std::move(o));
    };

    for (const auto& p : query_plans("WHERE p.repeat = 'none' AND p.day BETWEEN ?1 AND ?2", {f, t}))
        emit(p, p.day, take(p, p.day));

    std::map<std::string, Plan> rituals;
    for (auto& p : query_plans("WHERE p.repeat <> 'none'", {})) rituals.emplace(p.id, std::move(p));
    for (const auto& [id, p] : rituals)
        for (Date d : expand(p.recurrence, p.day, wide_from, wide_to)) emit(p, d, take(p, d));
    // Rows whose original day lies outside the range but that were moved into
    // it, and rows the rule no longer produces that hold history.
    for (const auto& [key, row] : rows) {
        if (used.count(key)) continue;
        auto it = rituals.find(row.plan_id);
        if (it == rituals.end()) continue;
        const Plan& p = it->second;
        if (occurs_on(p.recurrence, p.day, row.original_day) || row.has_history()) emit(p, row.original_day, &row);
    }
    std::sort(out.begin(), out.end(), by_start);
    mark_overlaps(out);
    std::erase_if(out, [&](const Occurrence& o) { return !in_range(o.day, from, to); });
    return out;
}

PlannerWeek Planner::week(Date any_day) {
    PlannerWeek w;
    w.monday = week_start(any_day);
    for (auto& o : occurrences(w.monday, add_days(w.monday, 6))) {
        int i = days_between(w.monday, o.day);
        if (i >= 0 && i < 7) w.days[size_t(i)].push_back(std::move(o));
    }
    return w;
}

std::optional<Occurrence> Planner::next_up(WallTime now) {
    Date d = add_days(local_date(now), -1);
    for (int chunk = 0; chunk < 27; ++chunk, d = add_days(d, 14)) {
        for (auto& o : occurrences(d, add_days(d, 13)))
            if (o.state == PlanState::planned && o.end > now) return o;
    }
    return std::nullopt;
}

namespace {
constexpr int kRecentRatingsWindowDays = 120;
} // namespace

std::vector<Occurrence> Planner::recent_ratings(int n) {
    std::vector<Occurrence> out;
    if (n <= 0) return out;
    // Look at the last few months first: on a long history sorting every done
    // occurrence ever is what costs; only when those hold too few, look at all.
    const std::string sql =
        "JOIN plan p ON p.id = o.plan_id WHERE o.state = 'done' AND o.original_day >= ?2"
        " AND (SELECT count(*) FROM plan_rating r WHERE r.occurrence_id = o.id) >= 2"
        " ORDER BY coalesce(o.day, o.original_day) DESC, coalesce(o.start_time, p.start_time) DESC, o.id LIMIT CAST(?1 AS INTEGER)";
    auto rows = query_rows(sql, {std::to_string(n), format_date(add_days(local_date(clock_.now()), -kRecentRatingsWindowDays))});
    if (int(rows.size()) < n) rows = query_rows(sql, {std::to_string(n), "0000-00-00"});
    for (const auto& r : rows)
        if (auto p = get(r.plan_id)) out.push_back(make(*p, r.original_day, &r));
    return out;
}

std::optional<Idea> Planner::suggest_idea(uint64_t seed, const std::string& exclude_id) {
    const Date today = local_date(clock_.now());
    std::vector<std::string> taken;
    auto& st = db_.prepare("SELECT title FROM plan WHERE (repeat <> 'none' AND (until IS NULL OR until >= ?1))"
                           " OR (repeat = 'none' AND day BETWEEN ?2 AND ?3)");
    st.bind(1, format_date(today)).bind(2, format_date(add_days(today, -28))).bind(3, format_date(add_days(today, 14)));
    while (st.step()) taken.push_back(st.text(0));
    if (auto idea = ideas_.suggest(seed, std::nullopt, exclude_id, taken)) return idea;
    return ideas_.suggest(seed, std::nullopt, exclude_id);  // everything is planned: any idea will do
}

WeekFigures count_figures(Date monday, const std::vector<Occurrence>& list) {
    WeekFigures f;
    f.monday = monday;
    for (const auto& o : list) {
        if (o.state == PlanState::skipped) {
            ++f.skipped;
            continue;
        }
        ++f.planned;
        f.minutes_planned += o.length_minutes;
        if (o.state == PlanState::done) {
            ++f.done;
            f.minutes_done += o.length_minutes;
        }
    }
    return f;
}

WeekFigures Planner::week_figures(Date any_day, int recent) {
    const Date monday = week_start(any_day);
    WeekFigures f = count_figures(monday, occurrences(monday, add_days(monday, 6)));
    f.next_up = next_up(clock_.now());
    f.recent_ratings = recent_ratings(recent);
    return f;
}

std::vector<WeekHours> Planner::hours_series(Date last_day, int weeks) {
    std::vector<WeekHours> out;
    if (weeks <= 0) return out;
    Date first = add_days(week_start(last_day), -7 * (weeks - 1));
    for (int i = 0; i < weeks; ++i) out.push_back(WeekHours{add_days(first, 7 * i)});
    for (const auto& o : occurrences(first, add_days(week_start(last_day), 6))) {
        int i = days_between(first, o.day) / 7;
        if (i < 0 || i >= weeks || o.state == PlanState::skipped) continue;
        out[size_t(i)].minutes_planned += o.length_minutes;
        if (o.state == PlanState::done) {
            out[size_t(i)].minutes_done += o.length_minutes;
            ++out[size_t(i)].done;
        }
    }
    return out;
}

} // namespace hearth
