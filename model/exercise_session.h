#pragma once
// A guided exercise in progress and its history (docs/practices.md, "Reflect-and-clarify
// listening"). One engine runs any valid ExerciseDefinition; nothing here knows
// about "share" or "reflect".
//
// A state machine with an injected clock, saved on every change:
//
//   start ──> running <──> paused              (pause / resume)
//               │   next / back / answer       (steps of each turn; turns swap roles)
//               │
//               ├──> closing ──> finished      (after the last step: ratings, talked through)
//               └──> ended_early               (from running, paused or closing-less: end_early)
//
// Where the session is: turn t (0 .. rounds * turns_per_round - 1; the speaker
// of turn t alternates from the first speaker when the roles swap) and a step
// index into the definition's steps. A step with a "check" is answered by the
// speaker: yes (got_it, or next()) moves on; no (not_quite) returns to the
// check's loop_back_to step of the same turn and counts a loop.
//
// Step timer: runs on the steady clock while Hearth runs (pause excluded), like
// a break's countdown, and NEVER ends a step: past the planned length the view
// says overtime and by how much; only next() (or answer()) moves on. tick()
// returns 1 once when the running step reaches its planned length, so the UI
// can signal gently.
//
// Records: the session row holds the topic, source break, exercise id and
// version, first speaker, rounds, planned lengths, loop count, ratings (their
// own table) and how it ended; a row per step run (loop repetitions and steps
// re-run after back included) holds who spoke and listened, planned and actual
// duration and how it ended. Every command writes at once, and the running
// step's elapsed time is saved quietly every kExerciseAnchorRefresh, so a crash
// keeps everything but those last seconds.
//
// Restart: a session found running or paused when Hearth starts was
// interrupted. It is loaded paused (view.interrupted), at the same turn and
// step; the interrupted step's elapsed time CONTINUES from what was last saved
// (the time Hearth was closed does not count). The couple resumes it (resume())
// or closes it (close_interrupted(): recorded as ended early, at the moment it
// was last seen running).
#include "breaks.h"
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "exercise_definition.h"
#include "save_result.h"
#include "time_util.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

inline constexpr std::chrono::milliseconds kExerciseAnchorRefresh{10'000};
inline constexpr int kMinFeltHeard = 1;
inline constexpr int kMaxFeltHeard = 5;
inline constexpr std::size_t kMaxExerciseNoteChars = 2000;

enum class SessionState { running, paused, closing, finished, ended_early };
enum class StepOutcome { running, next, got_it, not_quite, back, ended_early };
std::string_view to_string(SessionState s);
std::string_view to_string(StepOutcome o);

struct SessionSetup {
    std::string exercise_id = std::string(kDefaultExerciseId);
    // The topic: free text (UTF-8, at most kMaxTopicChars, kept byte for byte),
    // or the open topic of a break (its id; a follow-up's chain topic). When
    // from_break is given, topic is ignored.
    std::string topic;
    std::optional<std::string> from_break;
    int first_speaker_slot = 0;
    // Per-step lengths in seconds by step id; a step not named keeps the
    // definition's default. kMinStepSeconds..kMaxStepSeconds.
    std::map<std::string, int> step_seconds;
    std::optional<int> rounds;             // 1..kMaxRounds; default: the definition's
};

struct StepRun {
    std::string id;
    int seq = 0;                           // 0, 1, 2 ... in the order run
    int turn = 0;
    int round = 0;
    std::string step_id;
    int speaker_slot = 0;
    int listener_slot = 1;
    int64_t planned_ms = 0;
    std::optional<int64_t> actual_ms;      // set when the run ended
    StepOutcome outcome = StepOutcome::running;
    WallTime started_at;
    std::optional<WallTime> ended_at;
};

struct SessionRating {
    int slot = 0;
    int felt_heard = 0;                    // 1..5
    std::string note;
};

// What the panel, the history and the dashboard show about one session.
struct SessionView {
    std::string id;
    std::string exercise_id;
    int exercise_version = 0;
    std::string exercise_title;            // from the definition; the id when it is gone
    bool definition_available = false;    // same id and version loaded: can be resumed
    std::string topic;
    std::optional<std::string> source_break;
    int first_speaker_slot = 0;
    int rounds = 1;
    std::map<std::string, int64_t> planned_ms;  // per step id, as set up
    SessionState state = SessionState::running;
    bool interrupted = false;              // found under way when Hearth started

    // Where: turn, round and step (while running or paused).
    int turn = 0;
    int turns_total = 0;
    int round = 0;                         // turn / turns_per_round
    int step_index = 0;
    int steps_per_turn = 0;
    std::string step_id;
    std::optional<ExerciseStep> step;      // the current step's definition, when available
    int speaker_slot = 0;
    int listener_slot = 1;
    int floor_slot = 0;                    // who holds the floor in this step
    bool is_first_step = true;             // back() is refused here

    // The current step's timer (never cuts off).
    int64_t step_planned_ms = 0;
    int64_t step_elapsed_ms = 0;
    int64_t step_remaining_ms = 0;         // 0 once overtime
    int64_t step_remaining_seconds = 0;    // rounded up
    bool overtime = false;
    int64_t overtime_ms = 0;

    int clarify_loops = 0;                 // whole session
    int turn_clarify_loops = 0;            // this turn
    bool topic_talked_through = false;
    std::vector<SessionRating> ratings;
    WallTime started_at;
    std::optional<WallTime> ended_at;
    std::optional<WallTime> paused_at;
    Date day;                              // local day it started
    std::string created_at;
    std::string updated_at;

    bool active() const { return state == SessionState::running || state == SessionState::paused; }
    bool over() const { return state == SessionState::finished || state == SessionState::ended_early; }
    std::optional<int> felt_heard(int slot) const {
        for (const auto& r : ratings)
            if (r.slot == slot) return r.felt_heard;
        return std::nullopt;
    }
};

struct ClosingRating {
    std::optional<int> felt_heard;         // 1..5; nullopt = this partner did not rate
    std::string note;                      // optional; needs a rating
};

struct SessionClosing {
    std::array<ClosingRating, 2> ratings;  // by slot
    bool topic_talked_through = false;     // also marks the source break's topic talked through
};

struct ExerciseWeek {
    Date monday;
    int sessions = 0;                      // started this ISO week (local days)
    int finished = 0;
    int ended_early = 0;
    std::array<int, 2> ratings{};          // how many "felt heard" ratings each partner gave
    std::array<std::optional<double>, 2> felt_heard_avg;  // average rating per partner
};

class ExerciseSessions {
public:
    // Loads saved sessions; one found running becomes paused and interrupted.
    ExerciseSessions(Database& db, const Clock& clock, const Couple& couple, const Exercises& exercises,
                     Breaks& breaks);

    SaveResult start(const SessionSetup& setup);   // refused while another session is active or closing
    SaveResult next(const std::string& id);        // ends the step; on a check step = answer(true)
    SaveResult back(const std::string& id);        // one step back (into the previous turn if needed)
    SaveResult answer(const std::string& id, bool got_it);  // only on a step with a check
    SaveResult pause(const std::string& id);
    SaveResult resume(const std::string& id);      // also resumes an interrupted session
    SaveResult end_early(const std::string& id);   // running, paused or closing
    SaveResult close_interrupted(const std::string& id);  // ended early, at the last time seen running
    // Closing: from closing -> finished; on an ended-early session the ratings
    // and the topic are recorded and it stays ended early. Once only.
    SaveResult finish(const std::string& id, const SessionClosing& closing);

    // Advances the running step's timer; returns 1 when it just reached its
    // planned length (the gentle signal), else 0.
    int tick();
    std::optional<SessionView> get(const std::string& id);
    // The session running, paused or closing (at most one), if any.
    std::optional<SessionView> current();
    // A session found under way at start-up that has not been resumed or closed.
    std::optional<SessionView> interrupted();
    std::vector<StepRun> steps(const std::string& id);
    // Newest first.
    std::vector<SessionView> history(int offset, int limit);
    int history_count();
    // Sessions started in the ISO week of any_day (local days); exercise_id
    // limits it to one exercise (empty: all of them; each rates its own question).
    ExerciseWeek week(Date any_day, const std::string& exercise_id = {});
    // `count` weeks ending with the week of last_day, oldest first (for charts).
    std::vector<ExerciseWeek> weeks(Date last_day, int count, const std::string& exercise_id = {});

    // When the shown second of the running step next changes.
    std::optional<std::chrono::milliseconds> next_wake();

    // Re-reads the database (after an import).
    void reload();
    uint64_t revision() const { return revision_; }

private:
    struct Live {
        std::string id;
        SteadyTime steady;
        WallTime wall;
        int64_t elapsed_ms = 0;
        WallTime anchor_at;
        int64_t anchor_elapsed_ms = 0;
        int64_t planned_ms = 0;
        bool signalled = false;
    };
    struct Row;
    std::optional<Row> row(const std::string& id);
    std::vector<SessionView> query(const std::string& where_order, const std::vector<std::string>& args = {},
                                   std::optional<std::pair<int, int>> limit_offset = std::nullopt);
    SessionView view_of(const Row& r) const;
    void observe(WallTime now, SteadyTime steady);
    int64_t elapsed_of(const Row& r) const;
    // Closes the open step run and opens the one at (turn, step_index), or
    // moves to closing when turn == turns_total.
    void move(const Row& r, StepOutcome outcome, int turn, int step_index, int loops_added);
    void open_step(const std::string& session, int seq, int turn, const std::string& step_id, int speaker_slot,
                   int64_t planned_ms, const std::string& t);
    void close_step(const std::string& session, int seq, int64_t actual_ms, StepOutcome outcome, const std::string& t);
    SaveResult can_drive(const std::optional<Row>& r, const std::string& what) const;

    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    const Exercises& exercises_;
    Breaks& breaks_;
    std::optional<Live> live_;
    std::vector<std::string> interrupted_;
    uint64_t revision_ = 1;
};

} // namespace hearth
