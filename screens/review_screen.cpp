#include "review_screen.h"

#include "time_text.h"
#include "week_markdown.h"

namespace hearth {

namespace {
SaveResult no_review() { return SaveResult::refused("id", "There is no review under way."); }
} // namespace

ReviewScreen::ReviewScreen(Model& model, const Clock& clock)
    : schedule_time(format_hh_mm(kIssueScheduleMinute)), model_(model), clock_(clock) {}

uint64_t ReviewScreen::revision() const {
    const Model& m = model_;
    return m.gratitude.revision() + m.planner.revision() + m.reviews.revision() + m.breaks.revision() +
           m.sessions.revision() + m.ideas.revision();
}

bool ReviewScreen::sync() {
    const uint64_t rev = revision();
    const Date today = local_date(clock_.now());
    if (rev == revision_ && today == today_) return false;
    revision_ = rev;
    today_ = today;
    WeeklyReviews& reviews = model_.reviews;
    unfinished_ = reviews.unfinished();
    this_week_ = reviews.for_week(iso_week(today));
    history_ = reviews.history(0, kHistoryRows);
    appreciations_.clear();
    quality_time_ = {};
    week_ = {};
    next_week_ = {};
    topics_.clear();
    scheduled_talk_.clear();
    schedule_clash_.clear();
    if (!schedule_day.ok()) schedule_day = add_days(today, 1);
    if (const WeeklyReview* r = under_way()) {
        GratitudeFilter f;
        f.week = r->monday;
        appreciations_ = model_.gratitude.page(f, 0, 500);
        quality_time_ = model_.planner.week_figures(r->monday);
        week_ = model_.planner.week(r->monday);
        next_week_ = model_.planner.week(add_days(r->monday, 7));
        topics_ = reviews.open_topics(kTopicsShown);
        if (r->issue.outcome == IssueOutcome::scheduled && r->issue.plan_id)
            if (auto plan = model_.planner.get(*r->issue.plan_id)) {
                scheduled_talk_ = format_day_human(plan->day) + " at " + format_hh_mm(plan->start_minute);
                auto others = model_.planner.sharing_time_with(plan->id, plan->day);
                for (std::size_t i = 0; i < others.size(); ++i) {
                    const Occurrence& o = others[i];
                    schedule_clash_ += (i == 0 ? "It shares time with \xE2\x80\x9C" : ", and with \xE2\x80\x9C") + o.title +
                                       "\xE2\x80\x9D (" + format_hh_mm(o.start_minute) + "\xE2\x80\x93" +
                                       format_hh_mm((o.start_minute + o.length_minutes) % (24 * 60)) + ")";
                }
                if (!schedule_clash_.empty()) schedule_clash_ += ". Move one of them in Time together, or choose another time here.";
            }
        if (!plan_day.ok()) plan_day = add_days(r->monday, 7 + kReviewIdeaWeekday);
    }
    if (!viewing_id_.empty()) {
        const std::string shown = viewing_ ? viewing_->id + viewing_->updated_at : std::string();
        viewing_ = reviews.get(viewing_id_);
        if (!viewing_) viewing_id_.clear();
        else if (viewing_->id + viewing_->updated_at != shown) markdown_ = week_markdown(model_, viewing_->week);
    }
    if (suggestion_) {
        suggestion_ = model_.ideas.get(suggestion_->id);
        if (!suggestion_) suggestion_picked_ = false;
    } else {
        suggestion_picked_ = false;  // the bank may have an idea now
    }
    return true;
}

bool ReviewScreen::is_chosen(const OpenTopic& t) const {
    const WeeklyReview* r = under_way();
    return r && r->issue.source == t.source && (r->issue.break_id == t.id || r->issue.from_session_id == t.id);
}

void ReviewScreen::view(const std::string& review_id) {
    viewing_id_ = review_id;
    viewing_ = model_.reviews.get(review_id);
    if (!viewing_) {
        viewing_id_.clear();
        return;
    }
    markdown_ = week_markdown(model_, viewing_->week);
}

void ReviewScreen::stop_viewing() {
    viewing_id_.clear();
    viewing_.reset();
    markdown_.clear();
}

const Idea* ReviewScreen::suggestion() {
    if (!suggestion_picked_) suggest_another();
    return suggestion_ ? &*suggestion_ : nullptr;
}

void ReviewScreen::suggest_another() {
    suggestion_ = model_.planner.suggest_idea(suggest_seed_++);
    suggestion_picked_ = true;
}

Date ReviewScreen::plan_last_day() const {
    const WeeklyReview* r = under_way();
    return r ? add_days(r->monday, 7 + kReviewIdeaDaysAhead) : today_;
}

const SaveResult& ReviewScreen::report(SaveResult r) {
    error_ = std::move(r);
    return error_;
}

SaveResult ReviewScreen::start() { return report(model_.reviews.start(iso_week(local_date(clock_.now())))); }

SaveResult ReviewScreen::back() {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.back(r->id) : no_review());
}

SaveResult ReviewScreen::next() {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.next(r->id) : no_review());
}

SaveResult ReviewScreen::finish() {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.finish(r->id) : no_review());
}

SaveResult ReviewScreen::set_shared(const std::string& gratitude_id, bool shared) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.set_shared(r->id, gratitude_id, shared) : no_review());
}

SaveResult ReviewScreen::add_appreciation(const std::string& text) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.add_appreciation(r->id, add_from, text) : no_review());
}

SaveResult ReviewScreen::set_went_well(const std::string& text) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.set_went_well_note(r->id, text) : no_review());
}

SaveResult ReviewScreen::choose_topic(const OpenTopic& t) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.choose_issue(r->id, {t.source, t.id, {}}) : no_review());
}

SaveResult ReviewScreen::choose_new_topic(const std::string& text) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.choose_issue(r->id, {IssueSource::new_topic, {}, text}) : no_review());
}

SaveResult ReviewScreen::listen_now() {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.listen_to_issue(r->id, model_.sessions, model_.exercises) : no_review());
}

SaveResult ReviewScreen::schedule_issue() {
    const WeeklyReview* r = under_way();
    if (!r) return report(no_review());
    auto minute = parse_hh_mm(schedule_time);
    if (!minute) return report(SaveResult::refused("time", "Type the time as hours and minutes, like 19:30."));
    return report(model_.reviews.schedule_issue_talk(r->id, model_.planner, schedule_day, *minute));
}

SaveResult ReviewScreen::leave_issue() {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.issue_left(r->id) : no_review());
}

SaveResult ReviewScreen::toggle_connection(int slot, int rating) {
    const WeeklyReview* r = under_way();
    if (!r) return report(no_review());
    const bool shown = (slot == 0 || slot == 1) && r->checkin[std::size_t(slot)].connection == rating;
    return report(model_.reviews.set_connection(r->id, slot, shown ? std::nullopt : std::optional<int>(rating)));
}

SaveResult ReviewScreen::set_loved_answer(int slot, const std::string& text) {
    const WeeklyReview* r = under_way();
    return report(r ? model_.reviews.set_loved_answer(r->id, slot, text) : no_review());
}

SaveResult ReviewScreen::plan_suggestion() {
    const WeeklyReview* r = under_way();
    if (!r) return report(no_review());
    if (!suggestion_) return report(SaveResult::refused("idea", "There is no idea to plan."));
    const auto& res = report(model_.reviews.plan_idea(r->id, model_.planner, model_.ideas, suggestion_->id, plan_day, kReviewIdeaMinute));
    if (res.ok()) {
        suggestion_.reset();
        suggestion_picked_ = false;
    }
    return res;
}

SaveResult ReviewScreen::reopen_viewed() {
    if (!viewing_) return report(SaveResult::refused("id", "That review no longer exists."));
    const auto& res = report(model_.reviews.reopen(viewing_->id));
    stop_viewing();
    return res;
}

} // namespace hearth
