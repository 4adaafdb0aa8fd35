#include "planner_screen.h"

#include "ics_export.h"
#include "time_text.h"

#include <algorithm>
#include <utility>

namespace hearth {

namespace {
const char* const kTimeHelp = "Type the time as hours and minutes, like 19:30.";
const char* const kFormFields[] = {"title", "kind", "day", "time", "length", "place", "notes", "suggested_by", "weekdays", "interval"};
} // namespace

std::optional<int> PlanForm::start_minute() const { return parse_hh_mm(time_text); }

std::string PlanForm::error(const char* field) const { return result.field == field ? result.error : std::string(); }

std::string PlanForm::other_error() const {
    for (const char* k : kFormFields)
        if (result.field == k) return {};
    return result.error;
}

PlannerScreen::PlannerScreen(Model& model, const Clock& clock) : model_(model), clock_(clock) {}

void PlannerScreen::sync() {
    today_ = local_date(clock_.now());
    if (!monday_.ok()) monday_ = week_start(today_);
    if (uint64_t r = model_.ideas.revision(); r != ideas_rev_) {
        ideas_rev_ = r;
        if (suggestion_)
            if (auto fresh = model_.ideas.get(suggestion_->id)) suggestion_ = fresh;
    }
    Planner& planner = model_.planner;
    const uint64_t rev = planner.revision();
    if (rev == rev_ && monday_ == cached_monday_ && today_ == cached_today_ && selected_ == cached_selected_ &&
        chosen_day_ == cached_chosen_day_)
        return;
    week_ = planner.week(monday_);
    agenda_ = planner.agenda(agenda_from(), kAgendaDays);
    figures_ = count_figures(week_.monday, week_.all());
    sel_occ_.reset();
    if (!selected_.empty()) {
        sel_occ_ = planner.occurrence(selected_.plan_id, selected_.original_day);
        if (!sel_occ_) {
            selected_ = {};
        } else {
            sel_plan_ = planner.get(selected_.plan_id);
            if (!(card.loaded_for == selected_)) load_card(*sel_occ_);
            else if (card.move_for != std::pair{sel_occ_->day, sel_occ_->start_minute}) {
                // Moved (dragged, moved here, undone): the move fields show where it is now.
                card.move_day.set(sel_occ_->day);
                card.move_time = format_hh_mm(sel_occ_->start_minute);
                card.move_for = {sel_occ_->day, sel_occ_->start_minute};
            }
        }
    }
    slot_ = planner.next_free_evening(monday_, chosen_day_);
    rev_ = rev;
    cached_monday_ = monday_;
    cached_today_ = today_;
    cached_selected_ = selected_;
    cached_chosen_day_ = chosen_day_;
}

bool PlannerScreen::take(Navigator& nav) {
    bool taken = false;
    if (nav.take_handoff<PlanNew>(PanelId::planner)) {
        open_new_form(std::nullopt);
        taken = true;
    }
    if (auto t = nav.take_handoff<ShowPlannerTab>(PanelId::planner)) {
        tab_request_ = t->tab;
        taken = true;
    }
    if (auto s = nav.take_handoff<ShowOccurrence>(PanelId::planner)) {
        if (auto o = model_.planner.occurrence(s->plan_id, s->original_day)) {
            select(*o);
            monday_ = week_start(o->day);
            tab_request_ = PlannerTab::week;
        }
        taken = true;
    }
    return taken;
}

void PlannerScreen::show_week(Date monday) {
    monday_ = week_start(monday);
    chosen_day_.reset();
}

void PlannerScreen::toggle_day(Date d) {
    if (chosen_day_ == d) chosen_day_.reset();
    else chosen_day_ = d;
}

void PlannerScreen::export_calendar(const std::string& path) {
    export_ics(model_.planner, clock_, path);
    notice_ = "Calendar file written: " + path;
}

SaveResult PlannerScreen::drop_on_day(Date day) {
    const Occurrence& o = dragged_;
    auto res = model_.planner.drop_on_day(o, day);
    if (res.ok()) {
        if (selected_.is(o)) invalidate();
        notice_ = (o.recurring ? "Moved this time of \xE2\x80\x9C" : "Moved \xE2\x80\x9C") + o.title + "\xE2\x80\x9D to " +
                  format_day_human(day) + ".";
    } else {
        notice_ = res.error;
    }
    return res;
}

// ---------------------------------------------------------------------------
// The selection

void PlannerScreen::select(const Occurrence& o) {
    selected_ = {o.plan_id, o.original_day};
    form.open = false;
    load_card(o);
    scroll_to_detail_ = true;
}

void PlannerScreen::load_card(const Occurrence& o) {
    card.memory = o.memory;
    card.title = o.title;
    card.place = o.place;
    card.length_minutes = o.length_minutes;
    card.move_day.set(o.day);
    card.move_time = format_hh_mm(o.start_minute);
    card.move_for = {o.day, o.start_minute};
    card.end_day.set(today_);
    card.result = {};
    card.confirm_delete = false;
    card.show_change = false;
    card.loaded_for = {o.plan_id, o.original_day};
    ++card.generation;
}

void PlannerScreen::set_state(PlanState s) {
    if (!sel_occ_) return;
    card.result = model_.planner.set_state(sel_occ_->plan_id, sel_occ_->original_day, s);
}

void PlannerScreen::rate(int slot, int stars) {
    if (!sel_occ_) return;
    const auto& current = sel_occ_->rating[std::size_t(slot & 1)];
    card.result = model_.planner.rate(sel_occ_->plan_id, sel_occ_->original_day, slot,
                                      current && *current == stars ? std::nullopt : std::optional<int>(stars));
}

void PlannerScreen::save_memory() {
    if (!sel_occ_) return;
    card.result = model_.planner.set_memory(sel_occ_->plan_id, sel_occ_->original_day, card.memory);
    if (card.result.ok()) notice_ = "Memory saved.";
}

void PlannerScreen::move_selected() {
    if (!sel_occ_) return;
    const Occurrence& o = *sel_occ_;
    auto t = parse_hh_mm(card.move_time);
    if (!card.move_day.error.empty()) card.result = SaveResult::refused("day", card.move_day.error);
    else if (!t) card.result = SaveResult::refused("time", kTimeHelp);
    else {
        card.result = model_.planner.move_occurrence(o.plan_id, o.original_day, card.move_day.day, *t);
        if (card.result.ok()) {
            monday_ = week_start(card.move_day.day);
            if (!o.recurring) {
                selected_.original_day = card.move_day.day;
                card.loaded_for = selected_;
            }
        }
    }
}

void PlannerScreen::toggle_change(bool on) {
    card.show_change = on;
    if (on && sel_occ_) {
        card.title = sel_occ_->title;
        card.place = sel_occ_->place;
        card.length_minutes = sel_occ_->length_minutes;
        ++card.generation;
    }
}

void PlannerScreen::save_change() {
    if (!sel_occ_) return;
    const Occurrence& o = *sel_occ_;
    OccurrenceChange c;
    if (card.title != o.title) c.title = card.title;
    if (card.place != o.place) c.place = card.place;
    if (card.length_minutes != o.length_minutes) c.length_minutes = card.length_minutes;
    card.result = model_.planner.change_occurrence(o.plan_id, o.original_day, c);
    if (card.result.ok()) card.show_change = false;
}

void PlannerScreen::undo_changes() {
    if (!sel_occ_) return;
    const Occurrence o = *sel_occ_;
    card.result = model_.planner.reset_occurrence(o.plan_id, o.original_day);
    if (card.result.ok()) {
        // Replaces "Moved ..." from the move being undone.
        notice_ = "\xE2\x80\x9C" + (sel_plan_ ? sel_plan_->title : o.title) + "\xE2\x80\x9D is back to " +
                  format_day_human(o.original_day) + (sel_plan_ ? " at " + format_hh_mm(sel_plan_->start_minute) : "") +
                  ", as the ritual has it.";
        monday_ = week_start(o.original_day);
    }
}

void PlannerScreen::end_ritual() {
    if (!sel_occ_) return;
    card.result = model_.planner.end_ritual(sel_occ_->plan_id, card.end_day.day);
    if (card.result.ok()) notice_ = "The ritual ends after " + format_day_human(card.end_day.day) + "; its past stays.";
}

void PlannerScreen::edit_selected_plan() {
    if (!sel_occ_) return;
    if (auto p = model_.planner.get(sel_occ_->plan_id)) open_form(p->id, p->draft());
}

void PlannerScreen::delete_plan(const std::string& plan_id) {
    model_.planner.remove(plan_id);
    notice_ = "Deleted the plan and its history.";
    card.confirm_delete = false;
    form.open = false;
    selected_ = {};
    invalidate();
}

// ---------------------------------------------------------------------------
// The plan form

void PlannerScreen::open_new_form(std::optional<Date> day) {
    PlanDraft d;
    d.day = day ? *day : slot_.day.ok() ? slot_.day : today_;
    if (d.day < today_ && !day) d.day = today_;
    open_form({}, d);
}

void PlannerScreen::open_form(const std::string& plan_id, const PlanDraft& d) {
    form.open = true;
    form.editing_id = plan_id;
    form.draft = d;
    form.title = d.title;
    form.place = d.place;
    form.notes = d.notes;
    form.day.set(d.day);
    form.time_text = format_hh_mm(d.start_minute);
    form.suggested_by = d.suggested_by.value_or(-1);
    switch (d.recurrence.repeat) {
    case Repeat::none: form.repeat = RepeatMode::none; break;
    case Repeat::daily: form.repeat = RepeatMode::daily; break;
    case Repeat::weekly:
        form.repeat = d.recurrence.interval_weeks > 1 ? RepeatMode::every_few_weeks : RepeatMode::weekdays;
        break;
    }
    if (form.draft.recurrence.weekdays == 0) form.draft.recurrence.weekdays = weekday_bit(d.day);
    form.interval_weeks = form.draft.recurrence.interval_weeks < 2 ? 2 : form.draft.recurrence.interval_weeks;
    form.result = {};
    form.focus_title = true;
    ++form.generation;
    scroll_to_detail_ = true;
}

SaveResult PlannerScreen::save_form() {
    PlanDraft d = form.draft;
    d.title = form.title;
    d.place = form.place;
    d.notes = form.notes;
    auto start = form.start_minute();
    if (!start) return form.result = SaveResult::refused("time", kTimeHelp);
    if (!form.day.error.empty()) return form.result = SaveResult::refused("day", form.day.error);
    d.day = form.day.day;
    d.start_minute = *start;
    d.suggested_by = form.suggested_by >= 0 ? std::optional<int>(form.suggested_by) : std::nullopt;
    switch (form.repeat) {
    case RepeatMode::none: d.recurrence = Recurrence{}; break;
    case RepeatMode::daily: d.recurrence.repeat = Repeat::daily; break;
    case RepeatMode::weekdays: d.recurrence.repeat = Repeat::weekly; d.recurrence.interval_weeks = 1; break;
    case RepeatMode::every_few_weeks:
        d.recurrence.repeat = Repeat::weekly;
        d.recurrence.interval_weeks = form.interval_weeks;
        break;
    }
    Planner& planner = model_.planner;
    const bool editing = !form.editing_id.empty();
    SaveResult r = editing ? planner.update(form.editing_id, d) : planner.add(d);
    form.result = r;
    if (!r.ok()) {
        if (r.field == "title") form.focus_title = true;
        return r;
    }
    form.open = false;
    // A ritual is named by its first time, which need not be on the form's day
    // (a Sunday ritual started on a Tuesday begins that Sunday).
    Date first_day = d.day;
    int first_start = d.start_minute;
    if (d.recurrence.recurring()) {
        const std::string id = editing ? form.editing_id : r.id;
        Date from = std::max(d.day, today_);
        for (const Occurrence& o : planner.occurrences(from, add_days(from, 400)))
            if (o.plan_id == id) {
                first_day = o.day;
                first_start = o.start_minute;
                break;
            }
    }
    const char* when = !d.recurrence.recurring() ? ", " : editing ? ", next on " : ", first on ";
    notice_ = (editing ? "Saved: " : "Planned: ") + d.title + when + format_day_human(first_day) + " at " +
              format_hh_mm(first_start) + ".";
    monday_ = week_start(first_day);
    if (editing && selected_.plan_id == form.editing_id && !d.recurrence.recurring()) {
        selected_.original_day = d.day;   // a one-off's only occurrence follows its day
        card.loaded_for = selected_;
    }
    invalidate();
    return r;
}

// ---------------------------------------------------------------------------
// Ideas

void PlannerScreen::suggest_another() {
    if (suggestion_) ++seed_;
    auto next = model_.planner.suggest_idea(seed_, suggestion_ ? suggestion_->id : std::string());
    if (!next) next = model_.planner.suggest_idea(seed_);
    suggestion_ = next;
}

SaveResult PlannerScreen::plan_idea(const std::string& idea_id) {
    auto idea = model_.ideas.get(idea_id);
    std::optional<int> by = idea_by >= 0 ? std::optional<int>(idea_by) : std::nullopt;
    const PlanSlot slot = slot_;
    auto r = model_.planner.plan_from_idea(idea_id, slot, by);
    if (!r.ok()) {
        idea_plan_error_ = r.error;
        return r;
    }
    idea_plan_error_.clear();
    monday_ = week_start(slot.day);
    tab_request_ = PlannerTab::week;
    selected_ = {r.id, slot.day};
    scroll_to_detail_ = true;
    notice_ = "Planned: " + (idea ? idea->title : std::string()) + ", " + format_day_human(slot.day) + " at " +
              format_hh_mm(slot.minute) + ".";
    invalidate();
    return r;
}

SaveResult PlannerScreen::add_idea(const std::string& title, const std::string& description) {
    IdeaDraft d = idea_form.draft;
    d.title = title;
    d.description = description;
    idea_form.result = model_.ideas.add(d);
    if (idea_form.result.ok()) {
        ++idea_form.generation;
        notice_ = "Added \xE2\x80\x9C" + d.title + "\xE2\x80\x9D to your ideas.";
    }
    return idea_form.result;
}

} // namespace hearth
