#pragma once
// The planner's state ("Time together"), without ImGui: the week shown, the
// day chosen for new plans, the selected occurrence and its editors, the plan
// form, the idea bank's suggestion and form, and what the views draw from (the
// week, the agenda, the week's figures, where "Plan it" goes), read again only
// when the planner's revision, the week, the day or the selection changed.
// ui/panels/planner/ draws it and turns clicks into the commands below.
#include "date_draft.h"
#include "hearth_model.h"
#include "navigation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

struct OccurrenceKey {
    std::string plan_id;
    Date original_day{};
    bool empty() const { return plan_id.empty(); }
    bool is(const Occurrence& o) const { return plan_id == o.plan_id && original_day == o.original_day; }
    bool operator==(const OccurrenceKey&) const = default;
};

enum class RepeatMode { none, daily, weekdays, every_few_weeks };

// The form for a new plan, or for the whole plan / ritual.
struct PlanForm {
    bool open = false;
    std::string editing_id;          // empty: a new plan
    PlanDraft draft;                 // kind, length, phones away, weekdays, end day
    std::string title, place, notes; // as typed (the view's text fields write them before saving)
    DateDraft day;
    std::string time_text;           // "19:00"
    int suggested_by = -1;           // partner slot, -1 for neither
    RepeatMode repeat = RepeatMode::none;
    int interval_weeks = 2;          // for RepeatMode::every_few_weeks
    SaveResult result;
    bool focus_title = false;
    uint64_t generation = 0;         // bumped when opened: the view reloads its text fields

    bool editing_ritual() const { return !editing_id.empty() && draft.recurrence.recurring(); }
    std::optional<int> start_minute() const;
    // The refusal for one field, or empty; other_error() is for refusals of no field shown.
    std::string error(const char* field) const;
    std::string other_error() const;
};

// The selected occurrence's editors.
struct OccurrenceCard {
    std::string memory;
    std::string title, place;        // "Change just this time"
    int length_minutes = 60;
    bool show_change = false;
    DateDraft move_day;
    std::string move_time;
    std::pair<Date, int> move_for;   // the day and time the move fields were filled from
    DateDraft end_day;               // "End the ritual…"
    SaveResult result;
    bool confirm_delete = false;
    OccurrenceKey loaded_for;
    uint64_t generation = 0;         // bumped when loaded: the view reloads its text fields

    std::string error(const char* field) const { return result.field == field ? result.error : std::string(); }
};

struct IdeaForm {
    IdeaDraft draft;                 // kind and length; title and description as typed
    SaveResult result;
    uint64_t generation = 0;         // bumped when emptied after adding
};

class PlannerScreen {
public:
    static constexpr int kAgendaDays = 28;

    PlannerScreen(Model& model, const Clock& clock);

    // Reads the model again when its revision, the shown week, today or the
    // selection changed; otherwise makes no query.
    void sync();
    // A hand-off from another panel; true when one was taken.
    bool take(Navigator& nav);

    // ---- The week
    Date today() const { return today_; }
    Date monday() const { return monday_; }
    const PlannerWeek& week() const { return week_; }
    const std::vector<Occurrence>& agenda() const { return agenda_; }
    Date agenda_from() const { return today_ < monday_ ? monday_ : today_; }
    const WeekFigures& figures() const { return figures_; }
    void show_week(Date monday);           // forgets the chosen day
    // A day chosen for new plans and ideas (click its name again to unchoose).
    std::optional<Date> chosen_day() const { return chosen_day_; }
    void toggle_day(Date d);

    // ---- Tabs, export, scrolling
    std::optional<PlannerTab> take_tab_request() { return std::exchange(tab_request_, std::nullopt); }
    bool take_scroll_to_detail() { return std::exchange(scroll_to_detail_, false); }
    bool show_export = false;
    void export_calendar(const std::string& path);
    // What the couple should be told (a status line), once.
    std::string take_notice() { return std::exchange(notice_, {}); }

    // ---- Drag and drop
    void start_drag(const Occurrence& o) { dragged_ = o; }
    const Occurrence& dragged() const { return dragged_; }
    SaveResult drop_on_day(Date day);   // the dragged occurrence

    // ---- The selection
    void select(const Occurrence& o);
    void close_selection() { selected_ = {}; }
    const OccurrenceKey& selected() const { return selected_; }
    const std::optional<Occurrence>& selected_occurrence() const { return sel_occ_; }
    const std::optional<Plan>& selected_plan() const { return sel_plan_; }
    OccurrenceCard card;
    void set_state(PlanState s);
    void rate(int slot, int stars);              // the same stars again clears
    void save_memory();
    void move_selected();
    void toggle_change(bool on);                 // "Change just this time": reloads title, place, length
    void save_change();
    void undo_changes();
    void end_ritual();
    void edit_selected_plan();
    void delete_plan(const std::string& plan_id);

    // ---- The plan form
    PlanForm form;
    void open_new_form(std::optional<Date> day);
    void open_form(const std::string& plan_id, const PlanDraft& d);
    void close_form() { form.open = false; }
    SaveResult save_form();

    // ---- Ideas
    PlanSlot idea_slot() const { return slot_; }
    const std::optional<Idea>& suggestion() const { return suggestion_; }
    void suggest_another();
    int idea_by = -1;                            // who plans it, -1 for neither
    const std::string& idea_plan_error() const { return idea_plan_error_; }
    SaveResult plan_idea(const std::string& idea_id);   // one model command, on idea_slot()
    IdeaForm idea_form;
    SaveResult add_idea(const std::string& title, const std::string& description);

private:
    void load_card(const Occurrence& o);
    void invalidate() { rev_ = 0; }

    Model& model_;
    const Clock& clock_;

    Date today_{};
    Date monday_{};
    std::optional<Date> chosen_day_;
    PlannerWeek week_;
    std::vector<Occurrence> agenda_;
    WeekFigures figures_;
    PlanSlot slot_;
    std::optional<PlannerTab> tab_request_;
    bool scroll_to_detail_ = false;
    std::string notice_;

    // What the caches were read for.
    uint64_t rev_ = 0;
    Date cached_monday_{}, cached_today_{};
    OccurrenceKey cached_selected_;
    std::optional<Date> cached_chosen_day_;
    uint64_t ideas_rev_ = 0;

    Occurrence dragged_;
    OccurrenceKey selected_;
    std::optional<Occurrence> sel_occ_;
    std::optional<Plan> sel_plan_;

    std::optional<Idea> suggestion_;
    uint64_t seed_ = 0;
    std::string idea_plan_error_;
};

} // namespace hearth
