#pragma once
// The weekly review (docs/practices.md, "The weekly review"): a guided meeting of about
// an hour in five steps, saved as it goes and resumable when interrupted.
//
//   1 appreciations   this week's entries read aloud and marked shared
//                     (GratitudeLog::set_shared); each partner adds more
//                     (add_appreciation), about five each (a target, not a cap)
//   2 went well       the quality time that happened (from the planner) and a
//                     free note
//   3 one issue       an open topic (a break's, or a listening session's not
//                     talked through) or a new one; then what was done: the
//                     listening exercise was started (session id), it was
//                     scheduled (a day and time, or a plan), or it was left
//   4 check-in        each partner rates how connected they felt (1..10) and
//                     answers "what can I do to make you feel loved this
//                     coming week?"
//   5 plan            next week's quality time: the plans made during the
//                     review (their ids), or none
//
// One review per ISO week (the week it is about, Monday start, local days).
// start(week) creates it, or returns the unfinished one of that week, so an
// interrupted review resumes where it was (its step and everything said).
// A past week may be reviewed late: the review is about that week (its
// appreciations, its quality time) and `late` tells it was started after the
// week had ended; appreciations added in a late review are dated the week's
// Sunday. Future weeks are refused.
//
// Every command is one transaction and writes at once. A finished review is
// read-only until reopen(); finished reviews are browsed with history().
#include "breaks.h"
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "exercise_session.h"
#include "gratitude.h"
#include "planner.h"
#include "save_result.h"
#include "time_util.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxReviewTextChars = 2000;   // notes and answers, in characters
inline constexpr int kMinConnection = 1;
inline constexpr int kMaxConnection = 10;
inline constexpr int kReviewAppreciationTarget = 5;        // "about five" each: a target, never a limit
inline constexpr int kReviewSteps = 5;
// Step 3, "schedule it": offered for tomorrow at this time unless changed.
inline constexpr int kIssueScheduleMinute = 19 * 60 + 30;
// A talk scheduled from the review is a plan of this length, of this kind.
inline constexpr int kIssueTalkMinutes = 45;
inline constexpr const char* kIssueTalkKind = "check-in";
// Step 5: an idea from the bank is planned for this time, by default on the
// Friday of the week after the reviewed one (an evening to look forward to).
inline constexpr int kReviewIdeaMinute = 19 * 60;
inline constexpr int kReviewIdeaWeekday = 4;               // days after Monday
inline constexpr int kReviewIdeaDaysAhead = 13;            // the last day offered, after next Monday

enum class ReviewStep { appreciations = 0, went_well = 1, issue = 2, checkin = 3, plan = 4 };

// The guidance the flow shows for a step: a title and a time hint. The hints
// follow the State of the Union template (10-15, 10-15, 20-25 and 5-10
// minutes); its closing 5-10 is split over check-in and plan. About an hour.
struct ReviewStepInfo {
    ReviewStep step;
    std::string_view title;
    std::string_view prompt;
    int min_minutes;
    int max_minutes;
};
const ReviewStepInfo& review_step_info(ReviewStep s);
const std::array<ReviewStepInfo, kReviewSteps>& review_steps();

enum class IssueSource { none, break_topic, session_topic, new_topic };
enum class IssueOutcome { none, listened, scheduled, left };
std::string_view to_string(IssueSource s);
std::string_view to_string(IssueOutcome o);

// An open topic the couple may pick in step 3.
struct OpenTopic {
    IssueSource source = IssueSource::break_topic;  // break_topic or session_topic
    std::string id;                                 // the break's or the session's id
    std::string topic;
    Date day;                                       // when it came up (local)
    int raised_by_slot = 0;                         // who called the break / spoke first
};

struct ReviewIssue {
    IssueSource source = IssueSource::none;
    std::optional<std::string> break_id;            // source == break_topic
    std::optional<std::string> from_session_id;     // source == session_topic
    std::string topic;                              // copied when chosen, byte for byte
    IssueOutcome outcome = IssueOutcome::none;
    std::optional<std::string> session_id;          // listened: the session started on it
    std::optional<Date> scheduled_day;              // scheduled for a day and time ...
    std::optional<int> scheduled_minute;            // ... local minutes after midnight
    std::optional<std::string> plan_id;             // ... or as a plan (NULL if the plan was removed)
};

struct ReviewCheckin {
    std::optional<int> connection;                  // 1..10; nullopt = not rated yet
    std::string loved_answer;                       // "what can I do to make you feel loved ..."
};

struct WeeklyReview {
    std::string id;
    IsoWeek week;
    Date monday;
    ReviewStep step = ReviewStep::appreciations;    // where the flow is
    bool late = false;                              // started after the week had ended
    WallTime started_at;
    std::optional<WallTime> finished_at;
    bool finished() const { return finished_at.has_value(); }
    std::string went_well_note;
    ReviewIssue issue;
    std::array<ReviewCheckin, 2> checkin;           // by partner slot
    std::vector<std::string> plan_ids;              // plans made in step 5, in the order added
    std::string created_at;
    std::string updated_at;
};

struct ReviewIssueChoice {
    IssueSource source = IssueSource::none;         // none clears the choice
    std::string id;                                 // break or session id for those sources
    std::string topic;                              // new_topic: the text typed in
};

class WeeklyReviews {
public:
    WeeklyReviews(Database& db, const Clock& clock, const Couple& couple, GratitudeLog& gratitude, Breaks& breaks);

    // The review of `week`: a new one, or the unfinished one (resumed as it
    // was). Refused: no couple, an ISO week that does not exist, a week in the
    // future, a week whose review is finished (reopen() it to change it).
    SaveResult start(IsoWeek week);
    SaveResult start_this_week() { return start(iso_week(local_date(clock_.now()))); }

    // Moving through the flow (saved, so a resumed review opens there).
    SaveResult set_step(const std::string& id, ReviewStep step);
    SaveResult next(const std::string& id);          // refused on the last step: finish() instead
    SaveResult back(const std::string& id);          // refused on the first step

    // 1. An appreciation from `from_slot` to the other partner, straight into
    // the gratitude log, already marked shared; dated today (a late review:
    // the reviewed week's Sunday). Refused like GratitudeLog::add.
    SaveResult add_appreciation(const std::string& id, int from_slot, const std::string& text,
                                std::optional<std::string> category_id = std::nullopt);
    // Marks an entry of the reviewed week as read aloud (or not).
    SaveResult set_shared(const std::string& id, const std::string& gratitude_id, bool shared);

    // 2. The free note (blank allowed).
    SaveResult set_went_well_note(const std::string& id, const std::string& text);

    // 3. The issue: the topic chosen, then what was done about it. Choosing
    // another topic clears the outcome.
    // Open topics, newest first: breaks whose topic is open, then listening
    // sessions that are over without the topic talked through (the newest
    // session of each topic text only; not those started from a break, whose
    // topic is the break's).
    std::vector<OpenTopic> open_topics(int limit = 20);
    SaveResult choose_issue(const std::string& id, const ReviewIssueChoice& c);
    SaveResult issue_listened(const std::string& id, const std::string& session_id);
    SaveResult issue_scheduled(const std::string& id, Date day, int start_minute);
    SaveResult issue_scheduled_plan(const std::string& id, const std::string& plan_id);
    // "Schedule it": a plan like any other ("Talk: <topic>", a check-in, phones
    // away), so it is in Time together, the calendar export and the dashboard,
    // recorded as the issue's outcome, in one transaction: refused or failed,
    // neither the plan nor the outcome is left. Returns the plan's id.
    SaveResult schedule_issue_talk(const std::string& id, Planner& planner, Date day, int start_minute);
    SaveResult issue_left(const std::string& id);
    SaveResult clear_issue_outcome(const std::string& id);
    // "Listen to each other now": starts the default listening exercise on the
    // chosen topic (the break's own, when the topic came from a break) and
    // records it as the issue's outcome, in one transaction: refused or failed,
    // neither the session nor the outcome is left. Returns the session's id.
    SaveResult listen_to_issue(const std::string& id, ExerciseSessions& sessions, const Exercises& exercises);

    // 4. Check-in, per partner: the rating (1..10, nullopt clears) and the answer.
    SaveResult set_connection(const std::string& id, int slot, std::optional<int> rating);
    SaveResult set_loved_answer(const std::string& id, int slot, const std::string& text);

    // 5. Plans made during the review (an existing plan; adding twice is a no-op).
    SaveResult add_plan(const std::string& id, const std::string& plan_id);
    SaveResult remove_plan(const std::string& id, const std::string& plan_id);
    // Plans an idea from the bank (Planner::plan_from_idea) and adds the plan
    // to the review, in one transaction: refused or failed, no plan is left and
    // the idea does not count as used. Returns the plan's id.
    SaveResult plan_idea(const std::string& id, Planner& planner, IdeaBank& ideas, const std::string& idea_id,
                         Date day, int start_minute);

    // Records the review as held (finished_at = now). Nothing is required:
    // a step left empty is simply not in the summary.
    SaveResult finish(const std::string& id);
    SaveResult reopen(const std::string& id);

    std::optional<WeeklyReview> get(const std::string& id);
    std::optional<WeeklyReview> for_week(IsoWeek week);
    // Unfinished reviews, newest week first (the first is what "resume" offers).
    std::vector<WeeklyReview> unfinished();
    // Finished reviews, newest week first.
    std::vector<WeeklyReview> history(int offset, int limit);
    int history_count();
    // The most recently finished review (by finished_at).
    std::optional<WeeklyReview> last_finished();
    // Connection ratings per week in [first, last] (ISO week order), for trends.
    struct WeekConnection {
        IsoWeek week;
        std::array<std::optional<int>, 2> connection;
    };
    std::vector<WeekConnection> connections(IsoWeek first, IsoWeek last);

    void reload() { ++revision_; }
    uint64_t revision() const { return revision_; }

    // 1. Several entries of the reviewed week marked read aloud at once, in one
    // transaction; refused with nothing marked when one is gone or of another week.
    SaveResult mark_read_aloud(const std::string& id, const std::vector<std::string>& gratitude_ids);

private:
    // Refusals shared by every edit: unknown id, finished review.
    SaveResult editable(const std::string& id, std::optional<WeeklyReview>* out = nullptr);
    SaveResult check_text(const std::string& field, const std::string& text) const;
    void touch(const std::string& id, const std::string& t);
    // What the week's issue came to ("none", "listened", "scheduled", "left")
    // and the one thing it points at; the others are cleared in the same write.
    struct IssueWrite {
        const char* outcome = "none";
        std::optional<std::string> session = {}, day = {}, time = {}, plan = {};
    };
    SaveResult set_issue_outcome(const std::string& id, const IssueWrite& o);
    std::vector<WeeklyReview> query(const std::string& where_order, const std::vector<std::string>& args,
                                    std::optional<std::pair<int, int>> limit_offset = std::nullopt);
    void fill_details(WeeklyReview& r);

    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    GratitudeLog& gratitude_;
    Breaks& breaks_;
    uint64_t revision_ = 1;
};

// How many of these appreciations each partner (by slot) has read aloud.
std::array<int, 2> read_aloud_by_partner(const std::vector<GratitudeEntry>& entries);

// True when `w` names a real ISO week (2020-W53 does, 2021-W53 does not).
bool is_valid_iso_week(IsoWeek w);

} // namespace hearth
