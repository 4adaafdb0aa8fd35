#include "weekly_review.h"

#include "time_text.h"
#include "utf8.h"
#include "uuid.h"

#include <cstdio>

namespace hearth {

namespace {

constexpr std::array<ReviewStepInfo, kReviewSteps> kSteps{{
    {ReviewStep::appreciations, "Appreciations",
     "Read this week's appreciations aloud, then each of you adds a few more: specific things from this week.", 10,
     15},
    {ReviewStep::went_well, "What went well", "The time you spent together and what was good about the week.", 10,
     15},
    {ReviewStep::issue, "One issue",
     "Pick one topic and listen first: each of you holds the floor in turn. Solutions come after.", 20, 25},
    {ReviewStep::checkin, "Check-in",
     "How connected did you feel this week? And: what can I do to make you feel loved this coming week?", 3, 5},
    {ReviewStep::plan, "Plan", "Plan next week's time together.", 5, 10},
}};

constexpr const char* kColumns =
    "r.id, r.week, r.step, r.started_at, r.finished_at, r.went_well_note, r.issue_source, r.issue_break,"
    " r.issue_from_session, r.issue_topic, r.issue_outcome, r.issue_session, r.issue_day, r.issue_time,"
    " r.issue_plan, r.created_at, r.updated_at";

std::string_view source_text(IssueSource s) {
    switch (s) {
    case IssueSource::none: return "none";
    case IssueSource::break_topic: return "break";
    case IssueSource::session_topic: return "session";
    case IssueSource::new_topic: return "new";
    }
    return "none";
}

IssueSource parse_source(std::string_view s) {
    if (s == "break") return IssueSource::break_topic;
    if (s == "session") return IssueSource::session_topic;
    if (s == "new") return IssueSource::new_topic;
    return IssueSource::none;
}

IssueOutcome parse_outcome(std::string_view s) {
    if (s == "listened") return IssueOutcome::listened;
    if (s == "scheduled") return IssueOutcome::scheduled;
    if (s == "left") return IssueOutcome::left;
    return IssueOutcome::none;
}

bool exists(Database& db, const char* sql, const std::string& id) {
    auto& st = db.prepare(sql);
    st.bind(1, id);
    bool found = st.step();
    st.reset();
    return found;
}

} // namespace

const std::array<ReviewStepInfo, kReviewSteps>& review_steps() { return kSteps; }
const ReviewStepInfo& review_step_info(ReviewStep s) { return kSteps[std::size_t(s)]; }

std::string_view to_string(IssueSource s) {
    switch (s) {
    case IssueSource::none: return "none";
    case IssueSource::break_topic: return "break_topic";
    case IssueSource::session_topic: return "session_topic";
    case IssueSource::new_topic: return "new_topic";
    }
    return "none";
}

std::string_view to_string(IssueOutcome o) {
    switch (o) {
    case IssueOutcome::none: return "none";
    case IssueOutcome::listened: return "listened";
    case IssueOutcome::scheduled: return "scheduled";
    case IssueOutcome::left: return "left";
    }
    return "none";
}

std::array<int, 2> read_aloud_by_partner(const std::vector<GratitudeEntry>& entries) {
    std::array<int, 2> n{};
    for (const auto& e : entries)
        if (e.shared_in_review && (e.from_slot == 0 || e.from_slot == 1)) ++n[std::size_t(e.from_slot)];
    return n;
}

bool is_valid_iso_week(IsoWeek w) {
    return w.year >= 1 && w.year <= 9999 && w.week >= 1 && w.week <= iso_weeks_in_year(w.year);
}

WeeklyReviews::WeeklyReviews(Database& db, const Clock& clock, const Couple& couple, GratitudeLog& gratitude,
                             Breaks& breaks)
    : db_(db), clock_(clock), couple_(couple), gratitude_(gratitude), breaks_(breaks) {}

// --- reading -----------------------------------------------------------------

std::vector<WeeklyReview> WeeklyReviews::query(const std::string& where_order, const std::vector<std::string>& args,
                                               std::optional<std::pair<int, int>> limit_offset) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM weekly_review r " + where_order;
    if (limit_offset) sql += " LIMIT ?" + std::to_string(args.size() + 1) + " OFFSET ?" + std::to_string(args.size() + 2);
    auto& st = db_.prepare(sql);
    int i = 1;
    for (const auto& a : args) st.bind(i++, a);
    if (limit_offset) {
        st.bind(i, limit_offset->first);
        st.bind(i + 1, limit_offset->second);
    }
    std::vector<WeeklyReview> out;
    while (st.step()) {
        WeeklyReview r;
        r.id = st.text(0);
        int step = int(st.integer(2));
        r.step = ReviewStep(step < 0 ? 0 : step >= kReviewSteps ? kReviewSteps - 1 : step);
        r.started_at = parse_utc(st.text(3)).value_or(WallTime{});
        // A week that cannot be read (a hand-edited row) is the week the review
        // started, never IsoWeek{} / Date{} (year 0), which overflow as times.
        r.week = parse_iso_week(st.text(1)).value_or(IsoWeek{});
        if (!is_valid_iso_week(r.week)) r.week = iso_week(local_date(r.started_at));
        r.monday = iso_week_monday(r.week);
        if (auto f = st.text_or_null(4)) r.finished_at = parse_utc(*f);
        r.went_well_note = st.text(5);
        r.issue.source = parse_source(st.text(6));
        r.issue.break_id = st.text_or_null(7);
        r.issue.from_session_id = st.text_or_null(8);
        r.issue.topic = st.text(9);
        r.issue.outcome = parse_outcome(st.text(10));
        r.issue.session_id = st.text_or_null(11);
        if (auto d = st.text_or_null(12)) r.issue.scheduled_day = parse_date(*d);
        if (auto t = st.text_or_null(13)) r.issue.scheduled_minute = parse_hh_mm(*t);
        r.issue.plan_id = st.text_or_null(14);
        r.created_at = st.text(15);
        r.updated_at = st.text(16);
        r.late = r.monday.ok() && r.started_at >= local_midnight(add_days(r.monday, 7));
        out.push_back(std::move(r));
    }
    st.reset();
    for (auto& r : out) fill_details(r);
    return out;
}

void WeeklyReviews::fill_details(WeeklyReview& r) {
    auto& c = db_.prepare("SELECT p.slot, c.connection, c.loved_answer FROM weekly_review_checkin c"
                          " JOIN partner p ON p.id = c.partner WHERE c.review_id = ?1");
    c.bind(1, r.id);
    while (c.step()) {
        int slot = int(c.integer(0));
        if (slot != 0 && slot != 1) continue;
        auto& ci = r.checkin[std::size_t(slot)];
        if (!c.is_null(1)) ci.connection = int(c.integer(1));
        ci.loved_answer = c.text(2);
    }
    c.reset();
    auto& p = db_.prepare("SELECT plan_id FROM weekly_review_plan WHERE review_id = ?1 ORDER BY position, created_at");
    p.bind(1, r.id);
    while (p.step()) r.plan_ids.push_back(p.text(0));
    p.reset();
}

std::optional<WeeklyReview> WeeklyReviews::get(const std::string& id) {
    auto v = query("WHERE r.id = ?1", {id});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<WeeklyReview> WeeklyReviews::for_week(IsoWeek week) {
    auto v = query("WHERE r.week = ?1", {format_iso_week(week)});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::vector<WeeklyReview> WeeklyReviews::unfinished() {
    return query("WHERE r.finished_at IS NULL ORDER BY r.week DESC", {});
}

std::vector<WeeklyReview> WeeklyReviews::history(int offset, int limit) {
    return query("WHERE r.finished_at IS NOT NULL ORDER BY r.week DESC", {}, std::pair{limit, offset});
}

int WeeklyReviews::history_count() {
    auto& st = db_.prepare("SELECT count(*) FROM weekly_review WHERE finished_at IS NOT NULL");
    st.step();
    int n = int(st.integer(0));
    st.reset();
    return n;
}

std::optional<WeeklyReview> WeeklyReviews::last_finished() {
    auto v = query("WHERE r.finished_at IS NOT NULL ORDER BY r.finished_at DESC, r.week DESC", {}, std::pair{1, 0});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::vector<WeeklyReviews::WeekConnection> WeeklyReviews::connections(IsoWeek first, IsoWeek last) {
    std::vector<WeekConnection> out;
    auto& st = db_.prepare("SELECT r.week, p.slot, c.connection FROM weekly_review r"
                           " JOIN weekly_review_checkin c ON c.review_id = r.id JOIN partner p ON p.id = c.partner"
                           " WHERE r.week BETWEEN ?1 AND ?2 AND c.connection IS NOT NULL ORDER BY r.week");
    st.bind(1, format_iso_week(first)).bind(2, format_iso_week(last));
    while (st.step()) {
        auto w = parse_iso_week(st.text(0));
        int slot = int(st.integer(1));
        if (!w || (slot != 0 && slot != 1)) continue;
        if (out.empty() || !(out.back().week == *w)) out.push_back({*w, {}});
        out.back().connection[std::size_t(slot)] = int(st.integer(2));
    }
    st.reset();
    return out;
}

std::vector<OpenTopic> WeeklyReviews::open_topics(int limit) {
    std::vector<OpenTopic> out;
    for (const auto& b : breaks_.open_topics()) {
        if (int(out.size()) >= limit) return out;
        out.push_back({IssueSource::break_topic, b.id, b.topic, b.day, b.caller_slot});
    }
    auto& st = db_.prepare(
        "SELECT s.id, s.topic, s.started_at, p.slot FROM exercise_session s JOIN partner p ON p.id = s.first_speaker"
        " WHERE s.state IN ('finished', 'ended_early') AND s.topic_talked_through = 0 AND s.source_break IS NULL"
        " AND trim(s.topic) <> ''"
        " AND NOT EXISTS (SELECT 1 FROM exercise_session s2 WHERE s2.topic = s.topic"
        "                 AND (s2.started_at > s.started_at OR (s2.started_at = s.started_at AND s2.rowid > s.rowid)))"
        " ORDER BY s.started_at DESC, s.rowid DESC LIMIT ?1");
    st.bind(1, limit - int(out.size()));
    while (st.step()) {
        OpenTopic t;
        t.source = IssueSource::session_topic;
        t.id = st.text(0);
        t.topic = st.text(1);
        t.day = local_date(parse_utc(st.text(2)).value_or(WallTime{}));
        t.raised_by_slot = int(st.integer(3));
        out.push_back(std::move(t));
    }
    st.reset();
    return out;
}

// --- writing -----------------------------------------------------------------

SaveResult WeeklyReviews::start(IsoWeek week) {
    if (!couple_.is_set_up()) return SaveResult::refused("week", "Set up both partners first.");
    if (!is_valid_iso_week(week)) {
        if (week.year >= 1 && week.year <= 9999 && week.week >= 1) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "%s does not exist: %04d has %d ISO weeks.", format_iso_week(week).c_str(),
                          week.year, iso_weeks_in_year(week.year));
            return SaveResult::refused("week", buf);
        }
        return SaveResult::refused("week", "That is not a week of the calendar.");
    }
    const Date today = local_date(clock_.now());
    if (iso_week_monday(week) > week_start(today))
        return SaveResult::refused("week", "The week " + format_iso_week(week) +
                                               " has not begun yet; a review looks back on a week that has.");
    if (auto r = for_week(week)) {
        if (r->finished())
            return SaveResult::refused("week", "The review of " + format_iso_week(week) +
                                                   " is finished; reopen it to change it.");
        return SaveResult::success(r->id);  // resume as it was
    }
    const std::string id = new_uuid();
    const std::string t = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare("INSERT INTO weekly_review(id, week, step, started_at, created_at, updated_at)"
                " VALUES(?1, ?2, 0, ?3, ?3, ?3)")
        .bind(1, id).bind(2, format_iso_week(week)).bind(3, t).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::editable(const std::string& id, std::optional<WeeklyReview>* out) {
    auto r = get(id);
    if (!r) return SaveResult::refused("id", "That review no longer exists.");
    if (r->finished()) return SaveResult::refused("id", "This review is finished; reopen it to change it.");
    if (out) *out = std::move(r);
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::check_text(const std::string& field, const std::string& text) const {
    if (!is_valid_utf8(text)) return SaveResult::refused(field, "The text is not valid UTF-8 and was not saved.");
    if (auto n = codepoint_count(text); n > kMaxReviewTextChars)
        return SaveResult::refused(field, "That is " + std::to_string(n) + " characters; the limit is " +
                                              std::to_string(kMaxReviewTextChars) + ".");
    return SaveResult::success({});
}

void WeeklyReviews::touch(const std::string& id, const std::string& t) {
    db_.prepare("UPDATE weekly_review SET updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, t).run();
    ++revision_;
}

SaveResult WeeklyReviews::set_step(const std::string& id, ReviewStep step) {
    if (int(step) < 0 || int(step) >= kReviewSteps) return SaveResult::refused("step", "There is no such step.");
    if (auto r = editable(id); !r.ok()) return r;
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET step = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, int(step)).bind(3, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::next(const std::string& id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (int(r->step) + 1 >= kReviewSteps) return SaveResult::refused("step", "This is the last step; finish the review.");
    return set_step(id, ReviewStep(int(r->step) + 1));
}

SaveResult WeeklyReviews::back(const std::string& id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (r->step == ReviewStep::appreciations) return SaveResult::refused("step", "This is the first step.");
    return set_step(id, ReviewStep(int(r->step) - 1));
}

SaveResult WeeklyReviews::add_appreciation(const std::string& id, int from_slot, const std::string& text,
                                           std::optional<std::string> category_id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    GratitudeDraft d;
    d.from_slot = from_slot;
    d.text = text;
    const Date today = local_date(clock_.now());
    const Date sunday = add_days(r->monday, 6);
    d.day = today > sunday ? sunday : today;
    d.category_id = std::move(category_id);
    d.shared_in_review = true;
    Transaction tx(db_);
    auto res = gratitude_.add(d);
    if (!res.ok()) return res;
    touch(id, format_utc(clock_.now()));
    tx.commit();
    return res;
}

SaveResult WeeklyReviews::set_shared(const std::string& id, const std::string& gratitude_id, bool shared) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    auto g = gratitude_.get(gratitude_id);
    if (!g) return SaveResult::refused("appreciation", "That appreciation no longer exists.");
    if (g->day < r->monday || g->day > add_days(r->monday, 6))
        return SaveResult::refused("appreciation", "That appreciation is from another week.");
    Transaction tx(db_);
    auto res = gratitude_.set_shared(gratitude_id, shared);
    if (!res.ok()) return res;
    touch(id, format_utc(clock_.now()));
    tx.commit();
    return res;
}

SaveResult WeeklyReviews::set_went_well_note(const std::string& id, const std::string& text) {
    if (auto e = editable(id); !e.ok()) return e;
    if (auto c = check_text("went_well_note", text); !c.ok()) return c;
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET went_well_note = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, text).bind(3, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::choose_issue(const std::string& id, const ReviewIssueChoice& c) {
    if (auto e = editable(id); !e.ok()) return e;
    std::optional<std::string> break_id, session_id;
    std::string topic;
    switch (c.source) {
    case IssueSource::none: break;
    case IssueSource::break_topic: {
        auto b = breaks_.get(c.id);
        if (!b) return SaveResult::refused("issue", "That break no longer exists.");
        if (b->follow_up_of) b = breaks_.get(*b->follow_up_of);  // the chain's topic lives on its first break
        if (!b || trim(b->topic).empty()) return SaveResult::refused("issue", "That break has no topic.");
        break_id = b->id;
        topic = b->topic;
        break;
    }
    case IssueSource::session_topic: {
        auto& st = db_.prepare("SELECT topic FROM exercise_session WHERE id = ?1");
        st.bind(1, c.id);
        if (!st.step()) {
            st.reset();
            return SaveResult::refused("issue", "That listening session no longer exists.");
        }
        topic = st.text(0);
        st.reset();
        session_id = c.id;
        break;
    }
    case IssueSource::new_topic:
        if (trim(c.topic).empty()) return SaveResult::refused("topic", "Write the topic, or pick an open one.");
        if (auto t = check_text("topic", c.topic); !t.ok()) return t;
        topic = c.topic;
        break;
    default: return SaveResult::refused("issue", "Pick a topic.");
    }
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET issue_source = ?2, issue_break = ?3, issue_from_session = ?4,"
                " issue_topic = ?5, issue_outcome = 'none', issue_session = NULL, issue_day = NULL,"
                " issue_time = NULL, issue_plan = NULL, updated_at = ?6 WHERE id = ?1")
        .bind(1, id).bind(2, source_text(c.source)).bind(3, break_id).bind(4, session_id).bind(5, topic)
        .bind(6, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

namespace {
// What every outcome needs: a topic chosen first.
SaveResult needs_topic(const WeeklyReview& r) {
    if (r.issue.source == IssueSource::none) return SaveResult::refused("issue", "Pick a topic first.");
    return SaveResult::success(r.id);
}
} // namespace

SaveResult WeeklyReviews::issue_listened(const std::string& id, const std::string& session_id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    if (!exists(db_, "SELECT 1 FROM exercise_session WHERE id = ?1", session_id))
        return SaveResult::refused("session", "That listening session does not exist.");
    return set_issue_outcome(id, {.outcome = "listened", .session = session_id});
}

SaveResult WeeklyReviews::issue_scheduled(const std::string& id, Date day, int start_minute) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    if (!day.ok()) return SaveResult::refused("day", "Choose a real calendar day.");
    if (start_minute < 0 || start_minute >= 24 * 60)
        return SaveResult::refused("time", "Choose a time between 00:00 and 23:59.");
    return set_issue_outcome(id, {.outcome = "scheduled", .day = format_date(day), .time = format_hh_mm(start_minute)});
}

SaveResult WeeklyReviews::issue_scheduled_plan(const std::string& id, const std::string& plan_id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    if (!exists(db_, "SELECT 1 FROM plan WHERE id = ?1", plan_id))
        return SaveResult::refused("plan", "That plan does not exist.");
    return set_issue_outcome(id, {.outcome = "scheduled", .plan = plan_id});
}

SaveResult WeeklyReviews::issue_left(const std::string& id) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    return set_issue_outcome(id, {.outcome = "left"});
}

SaveResult WeeklyReviews::listen_to_issue(const std::string& id, ExerciseSessions& sessions,
                                          const Exercises& exercises) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    SessionSetup setup;
    setup.exercise_id = exercises.default_id();
    setup.from_break = r->issue.break_id;
    setup.topic = r->issue.topic;
    SaveResult result;
    try {
        Transaction tx(db_);
        result = sessions.start(setup);
        if (result.ok()) {
            if (auto recorded = issue_listened(id, result.id); recorded.ok()) tx.commit();
            else result = recorded;
        }
    } catch (...) {
        sessions.reload();  // forget the session the rollback took back
        throw;
    }
    if (!result.ok()) sessions.reload();
    return result;
}

namespace {

// "Talk: <topic>", cut at a whole character (an emoji sequence kept whole) to fit a plan's title.
std::string talk_title(const std::string& topic) {
    std::string title = "Talk: ";
    for (std::size_t i = 0; i < topic.size();) {
        std::size_t end = cluster_end(topic, i);
        if (codepoint_count(title) + codepoint_count(std::string_view(topic).substr(i, end - i)) > kMaxPlanTitleChars) {
            title = trim(title) + "\xE2\x80\xA6";
            break;
        }
        title.append(topic, i, end - i);
        i = end;
    }
    return title;
}

} // namespace

SaveResult WeeklyReviews::schedule_issue_talk(const std::string& id, Planner& planner, Date day, int start_minute) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    if (auto n = needs_topic(*r); !n.ok()) return n;
    if (!day.ok()) return SaveResult::refused("day", "Choose a real calendar day.");
    if (start_minute < 0 || start_minute >= 24 * 60)
        return SaveResult::refused("time", "Choose a time between 00:00 and 23:59.");
    PlanDraft d;
    d.title = talk_title(r->issue.topic);
    d.kind_id = kIssueTalkKind;
    d.day = day;
    d.start_minute = start_minute;
    d.length_minutes = kIssueTalkMinutes;
    d.phones_away = true;
    d.notes = "From the weekly review: listen first; look for solutions only once you both feel understood.";
    // Scheduled again: the talk already planned moves; no second plan.
    std::optional<std::string> planned;
    if (r->issue.outcome == IssueOutcome::scheduled && r->issue.plan_id && planner.get(*r->issue.plan_id))
        planned = r->issue.plan_id;
    SaveResult result;
    try {
        Transaction tx(db_);
        result = planned ? planner.update(*planned, d) : planner.add(d);
        if (result.ok() && planned) result.id = *planned;
        if (result.ok()) {
            if (auto recorded = issue_scheduled_plan(id, result.id); recorded.ok()) tx.commit();
            else result = recorded;
        }
    } catch (...) {
        planner.reload();  // forget the plan the rollback took back
        throw;
    }
    if (!result.ok()) planner.reload();
    return result;
}

SaveResult WeeklyReviews::clear_issue_outcome(const std::string& id) {
    if (auto e = editable(id); !e.ok()) return e;
    return set_issue_outcome(id, {.outcome = "none"});
}

SaveResult WeeklyReviews::set_issue_outcome(const std::string& id, const IssueWrite& o) {
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET issue_outcome = ?2, issue_session = ?3, issue_day = ?4, issue_time = ?5,"
                " issue_plan = ?6, updated_at = ?7 WHERE id = ?1")
        .bind(1, id).bind(2, o.outcome).bind(3, o.session).bind(4, o.day).bind(5, o.time).bind(6, o.plan)
        .bind(7, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::set_connection(const std::string& id, int slot, std::optional<int> rating) {
    if (auto e = editable(id); !e.ok()) return e;
    if (slot != 0 && slot != 1) return SaveResult::refused("partner", "Choose whose check-in this is.");
    if (rating && (*rating < kMinConnection || *rating > kMaxConnection))
        return SaveResult::refused("connection", "Choose a number from 1 to 10.");
    const std::string t = format_utc(clock_.now());
    Transaction tx(db_);
    auto& st = db_.prepare("INSERT INTO weekly_review_checkin(id, review_id, partner, connection, created_at, updated_at)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(review_id, partner)"
                           " DO UPDATE SET connection = excluded.connection, updated_at = excluded.updated_at");
    st.bind(1, new_uuid()).bind(2, id).bind(3, couple_.partner(slot).id).bind(5, t);
    if (rating) st.bind(4, *rating);
    else st.bind_null(4);
    st.run();
    touch(id, t);
    tx.commit();
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::set_loved_answer(const std::string& id, int slot, const std::string& text) {
    if (auto e = editable(id); !e.ok()) return e;
    if (slot != 0 && slot != 1) return SaveResult::refused("partner", "Choose whose answer this is.");
    if (auto c = check_text("loved_answer", text); !c.ok()) return c;
    const std::string t = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare("INSERT INTO weekly_review_checkin(id, review_id, partner, loved_answer, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(review_id, partner)"
                " DO UPDATE SET loved_answer = excluded.loved_answer, updated_at = excluded.updated_at")
        .bind(1, new_uuid()).bind(2, id).bind(3, couple_.partner(slot).id).bind(4, text).bind(5, t).run();
    touch(id, t);
    tx.commit();
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::add_plan(const std::string& id, const std::string& plan_id) {
    if (auto e = editable(id); !e.ok()) return e;
    if (!exists(db_, "SELECT 1 FROM plan WHERE id = ?1", plan_id))
        return SaveResult::refused("plan", "That plan does not exist.");
    const std::string t = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare("INSERT INTO weekly_review_plan(id, review_id, plan_id, position, created_at, updated_at)"
                " SELECT ?1, ?2, ?3, coalesce(max(position), -1) + 1, ?4, ?4 FROM weekly_review_plan WHERE review_id = ?2"
                " ON CONFLICT(review_id, plan_id) DO NOTHING")
        .bind(1, new_uuid()).bind(2, id).bind(3, plan_id).bind(4, t).run();
    touch(id, t);
    tx.commit();
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::remove_plan(const std::string& id, const std::string& plan_id) {
    if (auto e = editable(id); !e.ok()) return e;
    Transaction tx(db_);
    db_.prepare("DELETE FROM weekly_review_plan WHERE review_id = ?1 AND plan_id = ?2").bind(1, id).bind(2, plan_id).run();
    touch(id, format_utc(clock_.now()));
    tx.commit();
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::plan_idea(const std::string& id, Planner& planner, IdeaBank& ideas,
                                    const std::string& idea_id, Date day, int start_minute) {
    if (auto e = editable(id); !e.ok()) return e;
    SaveResult result;
    try {
        Transaction tx(db_);
        result = planner.plan_from_idea(idea_id, day, start_minute);
        if (result.ok()) {
            if (auto added = add_plan(id, result.id); added.ok()) tx.commit();
            else result = added;
        }
    } catch (...) {
        ideas.reload();  // the bank re-read the idea as used before the rollback
        throw;
    }
    if (!result.ok()) ideas.reload();
    return result;
}

SaveResult WeeklyReviews::finish(const std::string& id) {
    if (auto e = editable(id); !e.ok()) return e;
    const std::string t = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET finished_at = ?2, updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, t).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::reopen(const std::string& id) {
    auto r = get(id);
    if (!r) return SaveResult::refused("id", "That review no longer exists.");
    if (!r->finished()) return SaveResult::success(id);
    Transaction tx(db_);
    db_.prepare("UPDATE weekly_review SET finished_at = NULL, updated_at = ?2 WHERE id = ?1")
        .bind(1, id).bind(2, format_utc(clock_.now())).run();
    tx.commit();
    ++revision_;
    return SaveResult::success(id);
}

SaveResult WeeklyReviews::mark_read_aloud(const std::string& id, const std::vector<std::string>& gratitude_ids) {
    std::optional<WeeklyReview> r;
    if (auto e = editable(id, &r); !e.ok()) return e;
    Transaction tx(db_);
    for (const auto& gratitude_id : gratitude_ids) {
        auto g = gratitude_.get(gratitude_id);
        if (!g) return SaveResult::refused("appreciation", "That appreciation no longer exists.");
        if (g->day < r->monday || g->day > add_days(r->monday, 6))
            return SaveResult::refused("appreciation", "That appreciation is from another week.");
        if (auto res = gratitude_.set_shared(gratitude_id, true); !res.ok()) return res;
    }
    touch(id, format_utc(clock_.now()));
    tx.commit();
    return SaveResult::success(id);
}

} // namespace hearth
