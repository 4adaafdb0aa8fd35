#include "breaks_screen.h"

#include "time_text.h"

#include <cmath>

namespace hearth {

namespace {
constexpr const IntSetting* kPacerSettings[] = {&setting::pacer_in_seconds, &setting::pacer_hold_seconds,
                                                &setting::pacer_out_seconds, &setting::pacer_rest_seconds};
// A paused break's limits (how much it may still be extended) move on with the
// clock: read again this often.
constexpr std::chrono::seconds kPausedRefresh{1};
} // namespace

BreaksScreen::BreaksScreen(Model& model, const Clock& clock) : model_(model), clock_(clock) {
    double* phase[] = {&rhythm_.in_seconds, &rhythm_.hold_seconds, &rhythm_.out_seconds, &rhythm_.rest_seconds};
    for (int i = 0; i < 4; ++i) *phase[i] = model.settings.get(*kPacerSettings[i]);
    rhythm_ = clamp_rhythm(rhythm_);
    show_pacer_ = model.settings.get(setting::pacer_visible);
}

bool BreaksScreen::sync() {
    Breaks& breaks = model_.breaks;
    const WallTime now = clock_.now();
    const bool live_due = live_until_ && now >= *live_until_;
    const bool changed = breaks.revision() != revision_ || history_read_ != history_shown_;
    if (!live_due && !changed) return false;
    active_ = breaks.active();
    // As read (reading saves expiries first); a break running out after this is a change.
    const uint64_t read = breaks.revision();
    if (changed || read != revision_) {
        history_ = breaks.history(0, history_shown_);
        history_total_ = breaks.history_count();
        history_read_ = history_shown_;
    }
    revision_ = read;
    live_until_.reset();
    if (auto wake = breaks.next_wake()) live_until_ = now + *wake;
    for (const BreakView& b : active_)
        if (b.state == BreakState::paused && (!live_until_ || *live_until_ > now + kPausedRefresh))
            live_until_ = now + kPausedRefresh;
    return true;
}

bool BreaksScreen::any_counting_down() const {
    for (const BreakView& b : active_)
        if (b.state == BreakState::running || b.state == BreakState::paused) return true;
    return false;
}

std::string BreaksScreen::length_text(int64_t ms) {
    if (ms < 60'000) return "under a minute";  // not "0 min" for a break ended at once
    const int64_t m = (ms + 30'000) / 60'000;
    if (m < 60) return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h " + std::to_string(m % 60) + " min";
}

namespace {
// "12 of 20 min": the unit once when both are plain minutes.
std::string part_of(int64_t part_ms, int64_t total_ms) {
    std::string part = BreaksScreen::length_text(part_ms);
    if (total_ms < 60 * 60'000 - 30'000) part = std::to_string((part_ms + 30'000) / 60'000);
    return part + " of " + BreaksScreen::length_text(total_ms);
}
} // namespace

std::string BreaksScreen::length_line(const BreakView& b) {
    std::string line = length_text(b.total_ms()) + " break";
    if (b.extended_ms > 0) line += " (" + length_text(b.extended_ms) + " added)";
    return line;
}

std::string BreaksScreen::when_back_text(const BreakView& b) {
    if (b.state == BreakState::paused) return "Paused \xE2\x80\x94 " + format_countdown(b.remaining_seconds) + " left";
    return "Back at " + b.return_clock;
}

std::string BreaksScreen::banner_text(const BreakView& b, const std::string& name) {
    if (b.state == BreakState::expired) return "Time to come back: " + name + "'s break is over. Open";
    if (b.state == BreakState::paused)
        return name + "'s break is paused \xE2\x80\x94 " + format_countdown(b.remaining_seconds) +
               " left; the return time is set when you resume. Open";
    return name + "'s break: " + format_countdown(b.remaining_seconds) + " left, back at " + b.return_clock + ". Open";
}

std::string BreaksScreen::came_back_text(const BreakView& b) {
    if (b.state == BreakState::ended_early) return "early";  // under "Came back": the break was ended before its time
    if (!b.back_on_time) return {};
    return *b.back_on_time ? "on time" : "later";
}

void BreaksScreen::show_more_history() { history_shown_ += kHistoryPage; }

std::optional<WallTime> BreaksScreen::return_at() const {
    Date day = local_date(clock_.now());
    if (tomorrow) day = add_days(day, 1);
    return local_time_on(day, until);
}

// A return time a person would pick: on a five-minute mark, never sooner than
// the length chosen (so never under the floor), rather than an example time
// that has nothing to do with now.
WallTime BreaksScreen::suggested_at() const {
    const auto at = clock_.now() + std::chrono::minutes(minutes);
    const auto five = std::chrono::ceil<std::chrono::minutes>(at.time_since_epoch()).count();
    return WallTime(std::chrono::minutes((five + 4) / 5 * 5));
}

std::string BreaksScreen::suggested_until() const { return local_clock_time(suggested_at()); }

void BreaksScreen::choose_by_clock(bool clock) {
    if (clock && !by_clock && until.empty()) {
        until = suggested_until();
        tomorrow = local_date(suggested_at()) != local_date(clock_.now());
    }
    by_clock = clock;
}

BreakFormPlan BreaksScreen::plan(const std::string& topic) const {
    BreakFormPlan p;
    p.request.caller_slot = caller_slot;
    p.request.topic = topic;
    if (!by_clock) {
        p.request.minutes = minutes;
        p.preview = "Back at " + local_clock_time(clock_.now() + std::chrono::minutes(minutes));
    } else if (auto t = return_at()) {
        p.request.return_at = *t;
        p.preview = "Back at " + until + (tomorrow ? " tomorrow" : " today");
    } else if (!until.empty()) {
        p.time_unreadable = true;
    }
    // Warned while the form is filled in, not only once Start is pressed; and
    // always about now, never a refusal left from an earlier try.
    if (p.request.minutes || p.request.return_at)
        if (SaveResult c = model_.breaks.check(p.request); !c.ok() && (c.field == "minutes" || c.field == "return_at")) {
            p.problem = c.error;
            p.preview.clear();
        }
    p.can_start = !p.time_unreadable && !(by_clock && until.empty()) && p.problem.empty();
    return p;
}

std::string BreaksScreen::form_error(const std::string& field) const {
    return form_result_.field == field ? form_result_.error : std::string();
}

std::string BreaksScreen::when_error() const {
    if (by_clock && !until.empty() && !return_at()) return "Type the return time as hours and minutes, like 21:40.";
    return {};  // a length or time that cannot start is plan().problem, checked each frame
}

std::string BreaksScreen::edit_topic(const BreakView& b) {
    editing_topic_ = b.id;
    return b.topic;
}

SaveResult BreaksScreen::save_topic(const BreakView& b, const std::string& text) {
    const auto& r = report(b.id, model_.breaks.set_topic(b.id, text));
    if (r.ok()) editing_topic_.clear();
    return r;
}

void BreaksScreen::show_pacer(bool shown) {
    show_pacer_ = shown;
    model_.settings.set(setting::pacer_visible, shown);
}

void BreaksScreen::set_rhythm(double in_seconds, double hold_seconds, double out_seconds) {
    rhythm_.in_seconds = std::round(in_seconds);
    rhythm_.hold_seconds = std::round(hold_seconds);
    rhythm_.out_seconds = std::round(out_seconds);
    const double phase[] = {rhythm_.in_seconds, rhythm_.hold_seconds, rhythm_.out_seconds, rhythm_.rest_seconds};
    for (int i = 0; i < 4; ++i) model_.settings.set(*kPacerSettings[i], int(std::lround(phase[i])));
}

const SaveResult& BreaksScreen::report(const std::string& id, SaveResult r) {
    error_id_ = id;
    error_ = std::move(r);
    return error_;
}

SaveResult BreaksScreen::start(const std::string& topic) {
    form_result_ = model_.breaks.start(plan(topic).request);
    if (!form_result_.ok()) return form_result_;
    show_form_ = false;
    SaveResult started = form_result_;
    form_result_ = {};
    return started;
}

SaveResult BreaksScreen::toggle_pause(const BreakView& b) {
    return report(b.id, b.state == BreakState::running ? model_.breaks.pause(b.id) : model_.breaks.resume(b.id));
}

SaveResult BreaksScreen::extend(const BreakView& b, int add) { return report(b.id, model_.breaks.extend(b.id, add)); }
SaveResult BreaksScreen::end_early(const BreakView& b) {
    SaveResult r = report(b.id, model_.breaks.end_early(b.id));
    if (!r.ok()) return r;
    const std::string& name = model_.couple.partner(b.caller_slot).name;
    const int64_t ran_ms = b.total_ms() - b.remaining_ms;
    const std::string ran = ran_ms < 60'000 ? "less than a minute of " + length_text(b.total_ms()) : part_of(ran_ms, b.total_ms());
    notice_ = name + "'s break ended early, after " + ran + ".";
    // The topic as it is now: a listening exercise may have settled it meanwhile.
    const auto now = model_.breaks.get(b.id);
    switch (now ? now->topic_status : TopicStatus::none) {
    case TopicStatus::none: break;
    case TopicStatus::open: notice_ += " The topic stays open under \xE2\x80\x9CHistory and open topics\xE2\x80\x9D."; break;
    case TopicStatus::talked_through: notice_ += " Its topic is marked as talked through."; break;
    case TopicStatus::dismissed: notice_ += " Its topic was let go."; break;
    }
    return r;
}
SaveResult BreaksScreen::come_back(const BreakView& b) { return report(b.id, model_.breaks.come_back(b.id)); }

std::optional<ListenAboutBreak> BreaksScreen::come_back_to_listen(const BreakView& b) {
    if (!come_back(b).ok()) return std::nullopt;
    return ListenAboutBreak{b.follow_up_of.value_or(b.id)};
}

SaveResult BreaksScreen::more_time(const BreakView& b, int add) { return report(b.id, model_.breaks.more_time(b.id, add)); }
SaveResult BreaksScreen::talked_through(const BreakView& b) {
    return report(b.id, model_.breaks.mark_topic_talked_through(b.id));
}
SaveResult BreaksScreen::let_go(const BreakView& b) { return report(b.id, model_.breaks.dismiss_topic(b.id)); }
SaveResult BreaksScreen::reopen_topic(const BreakView& b) { return report(b.id, model_.breaks.reopen_topic(b.id)); }

} // namespace hearth
