#pragma once
// The quality-time planner (docs/practices.md, "Quality time and rituals"): one-off
// plans (a date, a shared activity, a check-in) and rituals that recur.
//
// Times are local: a plan keeps its local day and clock time ("19:00"), and a
// ritual stays at 19:00 on every day it occurs, whatever daylight saving does.
//
// Every plan has occurrences: a one-off plan exactly one (on its day), a ritual
// one per day its rule produces (model/recurrence.h). What happens to one
// occurrence lives in an occurrence row keyed by plan id + original day:
//  - moved (another day and/or time), changed (title, place, notes, length);
//  - state: planned (default), done, skipped;
//  - afterwards: each partner's rating (1..5) and one shared memory note.
// Moving, skipping or changing one occurrence never touches the others.
// Ending a ritual (end_ritual) sets its last day; the occurrences before it,
// their states, ratings and memories remain. An occurrence row whose original
// day the rule no longer produces (the ritual was edited or ended) stays
// visible when it holds history (done, a rating or a memory).
//
// Moving a one-off plan's only occurrence moves the plan itself.
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "idea_bank.h"
#include "recurrence.h"
#include "save_result.h"
#include "time_util.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxPlanTitleChars = 120;
inline constexpr std::size_t kMaxPlanPlaceChars = 200;
inline constexpr std::size_t kMaxPlanNotesChars = 2000;
inline constexpr std::size_t kMaxMemoryChars = 2000;
inline constexpr int kMaxPlanMinutes = 7 * 24 * 60;      // a one-off: up to a week away together
inline constexpr int kMaxRitualMinutes = 24 * 60;        // a ritual occurrence: up to a day

enum class PlanState { planned, done, skipped };
std::string_view to_string(PlanState s);
std::optional<PlanState> parse_plan_state(std::string_view s);

struct PlanDraft {
    std::string title;
    std::string kind_id = "date";
    Date day;                               // local start day (a ritual: the day it begins)
    int start_minute = 19 * 60;             // local time of day, minutes after midnight
    int length_minutes = 60;
    std::string place;
    std::string notes;
    std::optional<int> suggested_by;        // partner slot
    bool phones_away = true;
    Recurrence recurrence;                  // Repeat::none = a one-off plan
};

struct Plan {
    std::string id;
    std::string title;
    std::string kind_id;
    Date day;
    int start_minute = 0;
    int length_minutes = 0;
    std::string place;
    std::string notes;
    std::optional<int> suggested_by;
    bool phones_away = false;
    Recurrence recurrence;
    std::optional<std::string> idea_id;     // the idea it was made from
    int sequence = 0;                       // bumped by every change (iCalendar SEQUENCE)
    std::string created_at;
    std::string updated_at;
    bool recurring() const { return recurrence.recurring(); }
    PlanDraft draft() const;                // for editing
};

// One occurrence row: what differs from the plan on one original day.
struct OccurrenceException {
    std::string id;
    std::string plan_id;
    Date original_day;
    std::optional<Date> moved_day;
    std::optional<int> moved_minute;
    std::optional<std::string> title, place, notes;
    std::optional<int> length_minutes;
    PlanState state = PlanState::planned;
    std::array<std::optional<int>, 2> rating;   // by partner slot
    std::string memory;
    std::string created_at;
    std::string updated_at;
    bool moved() const { return moved_day.has_value() || moved_minute.has_value(); }
    bool changed() const { return title || place || notes || length_minutes; }
    bool has_history() const { return state == PlanState::done || rating[0] || rating[1] || !memory.empty(); }
};

// One occurrence as the week view, the agenda and the dashboard show it.
struct Occurrence {
    std::string plan_id;
    Date original_day;                       // with plan_id, the occurrence's key
    Date day;                                // where it is now (after a move)
    int start_minute = 0;
    int length_minutes = 0;
    WallTime start;                          // local day + time, as an instant
    WallTime end;
    std::string title;
    std::string kind_id;
    std::string place;
    std::string notes;
    std::optional<int> suggested_by;
    bool phones_away = false;
    bool recurring = false;
    bool moved = false;
    bool changed = false;
    PlanState state = PlanState::planned;
    std::array<std::optional<int>, 2> rating;
    std::string memory;
    bool overlaps = false;                   // shares time with another (not skipped) occurrence
    int plan_sequence = 0;
};

// Two occurrences share some time (half-open [start, end)). Skipped ones never overlap.
bool overlaps(const Occurrence& a, const Occurrence& b);
// Sets each occurrence's `overlaps` flag against the others in the list.
void mark_overlaps(std::vector<Occurrence>& list);

struct PlannerWeek {
    Date monday;
    std::array<std::vector<Occurrence>, 7> days;   // Monday..Sunday, each by start time
    std::vector<Occurrence> all() const;           // the seven days in order
};

struct OccurrenceChange {
    std::optional<std::string> title;
    std::optional<std::string> place;
    std::optional<std::string> notes;
    std::optional<int> length_minutes;
};

struct WeekFigures {
    Date monday;
    int planned = 0;            // occurrences this week that are not skipped (done ones included)
    int done = 0;
    int skipped = 0;
    int minutes_planned = 0;    // length of the not-skipped ones
    int minutes_done = 0;
    double hours_planned() const { return minutes_planned / 60.0; }
    double hours_done() const { return minutes_done / 60.0; }
    std::optional<Occurrence> next_up;            // the next planned occurrence not yet over
    std::vector<Occurrence> recent_ratings;       // last done ones both partners rated, newest first
};

// The counts and hours of a list of occurrences (a week's): skipped ones
// count as skipped only. next_up and recent_ratings stay empty.
WeekFigures count_figures(Date monday, const std::vector<Occurrence>& list);

// A day and a time of day, where "Plan it" puts an idea.
struct PlanSlot {
    Date day;
    int minute = 19 * 60;
};

struct WeekHours {
    Date monday;
    int minutes_planned = 0;
    int minutes_done = 0;
    int done = 0;
    double hours_done() const { return minutes_done / 60.0; }
};

class Planner {
public:
    Planner(Database& db, const Clock& clock, const Couple& couple, const PlanKinds& kinds, IdeaBank& ideas);

    // Plans. Refused with {field, reason}: an empty title, text that is not
    // UTF-8 or too long (title 120, place 200, notes 2000 characters), a
    // length of zero or less (or more than a week; a day for rituals), a time
    // outside 00:00..23:59, an unknown kind or partner, and a recurrence with
    // no days, N < 1 or an end before its start.
    SaveResult add(const PlanDraft& d);
    // Occurrence rows stay with their original days; a one-off plan's row follows its day.
    SaveResult update(const std::string& id, const PlanDraft& d);
    bool remove(const std::string& id);           // the plan and all its occurrence rows
    std::optional<Plan> get(const std::string& id);
    std::vector<Plan> plans();                    // all, by start day and time

    // One click from the idea bank: a one-off plan with the idea's title, kind,
    // length and description as notes; marks the idea used on `day`.
    // "Suggest one" for this couple: an idea not done lately that is not
    // already in their plans around now (a ritual still going, or a plan from
    // four weeks ago to two weeks ahead with the same title).
    std::optional<Idea> suggest_idea(uint64_t seed, const std::string& exclude_id = {});
    // The plan and the idea's use (times used, last used) are saved in one
    // transaction: a refused plan or a failed write leaves the idea as it was.
    SaveResult plan_from_idea(const std::string& idea_id, Date day, int start_minute,
                              std::optional<int> suggested_by = std::nullopt);
    SaveResult plan_from_idea(const std::string& idea_id, PlanSlot slot, std::optional<int> suggested_by = std::nullopt) {
        return plan_from_idea(idea_id, slot.day, slot.minute, suggested_by);
    }
    // Where "Plan it" puts an idea in one click: the chosen day at 19:00 when
    // there is one, else the first evening from today (from `shown_monday`
    // when that week is ahead) with nothing planned around 19:00..21:00,
    // skipping today once 19:00 has passed; the first candidate day when no
    // evening in the next two weeks is free.
    PlanSlot next_free_evening(Date shown_monday, std::optional<Date> chosen_day);

    // Ends a ritual after `last_day` (inclusive): its past stays. Refused when
    // the end is before the ritual's start or the plan is not a ritual.
    SaveResult end_ritual(const std::string& id, Date last_day);

    // One occurrence, by plan id and original day (Occurrence::original_day).
    SaveResult move_occurrence(const std::string& plan_id, Date original_day, Date new_day, int new_start_minute);
    // Dragging an occurrence onto a day: moves only that occurrence (a
    // ritual's others stay; a one-off plan moves with it), keeping its time.
    // Dropping it on the day it is on already changes nothing.
    SaveResult drop_on_day(const Occurrence& o, Date day);
    SaveResult change_occurrence(const std::string& plan_id, Date original_day, const OccurrenceChange& c);
    SaveResult set_state(const std::string& plan_id, Date original_day, PlanState s);
    SaveResult skip(const std::string& plan_id, Date original_day) { return set_state(plan_id, original_day, PlanState::skipped); }
    SaveResult mark_done(const std::string& plan_id, Date original_day) { return set_state(plan_id, original_day, PlanState::done); }
    // stars 1..5, or nullopt to clear; only for an occurrence marked done.
    SaveResult rate(const std::string& plan_id, Date original_day, int slot, std::optional<int> stars);
    SaveResult set_memory(const std::string& plan_id, Date original_day, const std::string& text);
    // Undoes a move and changes (state, ratings and memory stay).
    SaveResult reset_occurrence(const std::string& plan_id, Date original_day);

    std::optional<Occurrence> occurrence(const std::string& plan_id, Date original_day);
    std::vector<OccurrenceException> exceptions(const std::string& plan_id);

    // Occurrences whose (current) day is in [from, to], by start; overlaps marked.
    std::vector<Occurrence> occurrences(Date from, Date to);
    // The ISO week (Monday start, local days) holding any_day.
    PlannerWeek week(Date any_day);
    // From `from` for `days` days (the agenda list).
    std::vector<Occurrence> agenda(Date from, int days) { return occurrences(from, add_days(from, days - 1)); }
    // The next planned occurrence that is not over at `now` (within a year).
    std::optional<Occurrence> next_up(WallTime now);
    // The last `n` done occurrences both partners rated, newest first.
    std::vector<Occurrence> recent_ratings(int n);
    WeekFigures week_figures(Date any_day, int recent = 3);
    // `weeks` ISO weeks ending with the week holding last_day, oldest first.
    std::vector<WeekHours> hours_series(Date last_day, int weeks);

    void reload() { ++revision_; }
    uint64_t revision() const { return revision_; }
    const Couple& couple() const { return couple_; }
    const PlanKinds& kinds() const { return kinds_; }

private:
    SaveResult validate(const PlanDraft& d) const;
    SaveResult check_text(const std::string& field, const std::string& text, std::size_t max, bool required) const;
    std::optional<OccurrenceException> exception_row(const std::string& plan_id, Date original_day);
    // The occurrence row's id, created when missing; refused when the plan has
    // no occurrence on that day.
    SaveResult ensure_row(const std::string& plan_id, Date original_day, Plan* plan_out = nullptr);
    void touch(const std::string& plan_id);   // bumps sequence and updated_at
    Occurrence make(const Plan& p, Date original_day, const OccurrenceException* ex) const;
    std::vector<Plan> query_plans(const std::string& where, const std::vector<std::string>& args);
    std::vector<OccurrenceException> query_rows(const std::string& where, const std::vector<std::string>& args);

    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    const PlanKinds& kinds_;
    IdeaBank& ideas_;
    uint64_t revision_ = 1;
};

} // namespace hearth
