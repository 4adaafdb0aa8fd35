#include "listening_screen.h"

#include <algorithm>
#include <cmath>

namespace hearth {

namespace {
SaveResult no_session() { return SaveResult::refused("session", "There is no session under way."); }
} // namespace

ListeningScreen::ListeningScreen(Model& model, const Clock& clock) : model_(model), clock_(clock) {}

bool ListeningScreen::sync() {
    ExerciseSessions& sessions = model_.sessions;
    const bool live_due = live_until_ && clock_.now() >= *live_until_;
    const bool sessions_changed = sessions.revision() != sessions_rev_;
    const bool breaks_changed = model_.breaks.revision() != breaks_rev_;
    if (!live_due && !sessions_changed && !breaks_changed) return false;
    if (breaks_changed) {
        breaks_rev_ = model_.breaks.revision();
        open_topics_ = model_.breaks.open_topics();
    }
    if (sessions_changed) history_ = sessions.history(0, kHistoryRows);
    read_session();
    return true;
}

void ListeningScreen::read_session() {
    ExerciseSessions& sessions = model_.sessions;
    current_ = sessions.current();
    ended_.reset();
    if (!rating_ended_.empty()) {
        ended_ = sessions.get(rating_ended_);
        if (!ended_) rating_ended_.clear();
    }
    // As read (reading ticks the timer); the step reaching its length from here on is a change.
    sessions_rev_ = sessions.revision();
    live_until_.reset();
    if (current_ && current_->state == SessionState::running) {
        const WallTime now = clock_.now();
        if (current_->overtime && current_->overtime_ms < kCueGrowMs) live_until_ = now;  // every frame while it grows
        else if (auto wake = sessions.next_wake()) live_until_ = now + *wake;
    }
}

ListeningScreen::Showing ListeningScreen::showing() const {
    if (current_ && current_->state == SessionState::closing) return Showing::closing;
    if (current_ && current_->active()) return Showing::running;
    if (!rating_ended_.empty() && ended_) return Showing::closing;
    return Showing::setup;
}

const SessionView* ListeningScreen::session() const {
    switch (showing()) {
    case Showing::running: return &*current_;
    case Showing::closing: return current_ && current_->state == SessionState::closing ? &*current_ : &*ended_;
    case Showing::setup: break;
    }
    return nullptr;
}

double ListeningScreen::cue_growth() const {
    const SessionView* s = session();
    if (!s || !s->overtime) return 0.0;
    return std::min(1.0, double(s->overtime_ms) / double(kCueGrowMs));
}

std::string ListeningScreen::timer_text(int64_t ms) {
    const int64_t s = std::max<int64_t>(0, (ms + 999) / 1000);
    const int64_t sec = s % 60;
    return std::to_string(s / 60) + (sec < 10 ? ":0" : ":") + std::to_string(sec);
}

const ExerciseDefinition* ListeningScreen::exercise() const {
    const Exercises& exercises = model_.exercises;
    if (const auto* chosen = exercises.find(exercise_id_)) return chosen;
    return exercises.find(exercises.default_id());
}

void ListeningScreen::choose_exercise(const std::string& id) {
    exercise_id_ = id;
    step_seconds_.clear();
    rounds_ = 0;
}

int ListeningScreen::rounds() const {
    if (rounds_ > 0) return rounds_;
    const ExerciseDefinition* def = exercise();
    return def ? def->default_rounds : 1;
}

void ListeningScreen::set_rounds(int n) { rounds_ = std::clamp(n, 1, kMaxRounds); }

int ListeningScreen::step_seconds(const ExerciseStep& step) const {
    auto it = step_seconds_.find(step.id);
    return it != step_seconds_.end() ? it->second : step.duration_seconds;
}

void ListeningScreen::set_step_minutes(const ExerciseStep& step, float minutes) {
    step_seconds_[step.id] = std::clamp(int(std::lround(minutes * 2)) * 30, kMinStepSeconds, kMaxStepSeconds);
}

std::optional<std::string> ListeningScreen::choose_break_topic(const std::string& break_id) {
    auto b = model_.breaks.get(break_id);
    if (!b) return std::nullopt;
    from_break = b->follow_up_of.value_or(b->id);
    setup_error_ = {};
    return b->topic;
}

std::string ListeningScreen::field_error(const std::string& field) const {
    return setup_error_.field == field ? setup_error_.error : std::string();
}

std::string ListeningScreen::begin_error() const {
    const std::string& f = setup_error_.field;
    return f == "exercise" || f == "couple" || f == "state" ? setup_error_.error : std::string();
}

bool ListeningScreen::closing_is_new() {
    const SessionView* s = session();
    if (!s || showing() != Showing::closing || closing_for_ == s->id) return false;
    closing_for_ = s->id;
    closing = {};
    return true;
}

const SaveResult& ListeningScreen::report(SaveResult r) {
    error_ = std::move(r);
    return error_;
}

SaveResult ListeningScreen::begin(const std::string& topic) {
    const ExerciseDefinition* def = exercise();
    SessionSetup s;
    s.exercise_id = def ? def->id : model_.exercises.default_id();
    s.topic = topic;
    s.from_break = from_break;
    s.first_speaker_slot = first_speaker;
    s.step_seconds = step_seconds_;
    s.rounds = rounds();
    setup_error_ = model_.sessions.start(s);
    if (setup_error_.ok()) from_break.reset();
    return setup_error_;
}

SaveResult ListeningScreen::next() {
    if (!current_) return report(no_session());
    // A step that asks "did I get it?" is answered, not skipped: moving on
    // would record "got it" nobody said.
    if (current_->step && current_->step->check)
        return report(SaveResult::refused("answer", "Answer the question first: " + current_->step->check->yes_label +
                                                        " (Y) or " + current_->step->check->no_label + " (N)."));
    return report(model_.sessions.next(current_->id));
}

SaveResult ListeningScreen::back() {
    return report(current_ ? model_.sessions.back(current_->id) : no_session());
}

SaveResult ListeningScreen::answer(bool got_it) {
    return report(current_ ? model_.sessions.answer(current_->id, got_it) : no_session());
}

SaveResult ListeningScreen::toggle_pause() {
    if (!current_) return report(no_session());
    return report(current_->state == SessionState::paused ? model_.sessions.resume(current_->id)
                                                          : model_.sessions.pause(current_->id));
}

SaveResult ListeningScreen::end_early() {
    if (!current_) return report(no_session());
    rating_ended_ = current_->id;
    return report(model_.sessions.end_early(current_->id));
}

SaveResult ListeningScreen::resume_interrupted() {
    return report(current_ ? model_.sessions.resume(current_->id) : no_session());
}

SaveResult ListeningScreen::close_interrupted() {
    if (!current_) return report(no_session());
    rating_ended_ = current_->id;
    return report(model_.sessions.close_interrupted(current_->id));
}

SaveResult ListeningScreen::finish(const std::array<std::string, 2>& notes) {
    const SessionView* s = session();
    if (!s) return setup_error_ = no_session();
    for (int slot = 0; slot < 2; ++slot) closing.ratings[std::size_t(slot)].note = notes[std::size_t(slot)];
    setup_error_ = model_.sessions.finish(s->id, closing);
    if (setup_error_.ok()) rating_ended_.clear();
    return setup_error_;
}

void ListeningScreen::skip_rating() {
    rating_ended_.clear();
    ended_.reset();
}

} // namespace hearth
