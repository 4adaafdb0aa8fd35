#pragma once
// The conflict breaks' screen state: the breaks under way, the "call a break"
// form and what it would start, the topic being edited, the breathing pacer's
// rhythm, the history, and the commands the panel sends. Breaks are read
// again only when the model changed or, while one is counting down, when a
// countdown's shown second changes. Drawn by ui/panels/breaks_panel.cpp.
#include "breathing.h"
#include "hearth_model.h"
#include "navigation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hearth {

// What the "call a break" form would start right now.
struct BreakFormPlan {
    BreakRequest request;
    std::string preview;            // "Back at 21:40 today"; empty when there is nothing to show
    bool time_unreadable = false;   // "until" was typed but is not hh:mm
    std::string problem;            // why that length or return time cannot start now (then no preview)
    bool can_start = false;
};

class BreaksScreen {
public:
    static constexpr int kHistoryPage = 30;
    static constexpr int kExtendChoices[] = {5, 10};     // while it runs
    static constexpr int kMoreTimeChoices[] = {10, 20};  // once it is over

    BreaksScreen(Model& model, const Clock& clock);

    // Re-reads the breaks when something changed; returns whether it did.
    bool sync();

    // ---- what is shown ----------------------------------------------------
    const std::vector<BreakView>& active() const { return active_; }
    bool any_counting_down() const;          // running or paused: the guidance shows
    bool form_shown() const { return active_.empty() || show_form_; }
    bool form_offered() const { return show_form_; }  // asked for beside breaks under way: "Not now" closes it
    void offer_form(bool shown) { show_form_ = shown; }
    bool can_extend(const BreakView& b, int minutes) const { return b.max_extend_minutes >= minutes; }
    const std::vector<BreakView>& history() const { return history_; }
    // A length of break time to the nearest minute: "20 min", "1 h 5 min";
    // "under a minute" below one.
    static std::string length_text(int64_t ms);
    // The line under a countdown: its length, "20 min break", "25 min break
    // (5 min added)". The time left is the countdown's alone: one number for it.
    static std::string length_line(const BreakView& b);  // no full stop
    // When the break under way ends: "Back at 14:13" while it runs; a paused
    // break has no return time yet: "Paused \u2014 12:30 left".
    static std::string when_back_text(const BreakView& b);
    static constexpr const char* kPausedNote = "The return time is set when you resume.";
    // The strip other screens show for an active break, ending in "Open".
    static std::string banner_text(const BreakView& b, const std::string& caller_name);
    // How a break in the history came back, under "Came back": "on time", "later",
    // "early" (ended early); empty while it runs or was continued.
    static std::string came_back_text(const BreakView& b);
    bool has_more_history() const { return int(history_.size()) < history_total_; }
    void show_more_history();

    // ---- the "call a break" form ------------------------------------------
    int caller_slot = 0;
    bool by_clock = false;                   // until a time, or for a number of minutes
    int minutes = kDefaultBreakMinutes;
    std::string until;                       // hh:mm
    bool tomorrow = false;
    BreakFormPlan plan(const std::string& topic) const;
    // "For" or "Until". Choosing "Until" with no time typed fills in now plus
    // the chosen length, rounded up to 5 minutes (see suggested_until()).
    void choose_by_clock(bool by_clock);
    // Now plus the minutes chosen, rounded up to the next 5 minutes: "14:15" at
    // 13:51 for 20 minutes; the form's hint and first "until".
    std::string suggested_until() const;
    // The form's refusal for a field ("topic", "minutes", "return_at"); the
    // unreadable time shows under "until".
    std::string form_error(const std::string& field) const;
    std::string when_error() const;

    // ---- the topic of a break under way, being edited ---------------------
    bool editing_topic(const BreakView& b) const { return editing_topic_ == b.id; }
    // Starts editing; returns the text to put in the edit box.
    std::string edit_topic(const BreakView& b);
    void cancel_topic_edit() { editing_topic_.clear(); }
    SaveResult save_topic(const BreakView& b, const std::string& text);

    // ---- the breathing pacer ------------------------------------------------
    bool pacer_shown() const { return show_pacer_; }
    void show_pacer(bool shown);
    const BreathingRhythm& rhythm() const { return rhythm_; }
    // Whole seconds for each phase, saved for the couple.
    void set_rhythm(double in_seconds, double hold_seconds, double out_seconds);

    // ---- commands ---------------------------------------------------------
    SaveResult start(const std::string& topic);
    SaveResult toggle_pause(const BreakView& b);
    SaveResult extend(const BreakView& b, int minutes);
    SaveResult end_early(const BreakView& b);
    SaveResult come_back(const BreakView& b);
    // "We're back: listen to each other about it": the break is over and the
    // listening exercise takes its topic next. nullopt when refused.
    std::optional<ListenAboutBreak> come_back_to_listen(const BreakView& b);
    SaveResult more_time(const BreakView& b, int minutes);
    SaveResult talked_through(const BreakView& b);
    SaveResult let_go(const BreakView& b);
    SaveResult reopen_topic(const BreakView& b);

    // What the last command did, for the window's message line ("Maya's break
    // ended early, after 7 of 20 min."); empty after it is taken.
    std::string take_notice() { return std::exchange(notice_, {}); }

    // A refused command's reason, shown under the break it was about.
    std::string error_for(const BreakView& b) const { return b.id == error_id_ ? error_.error : std::string(); }

private:
    std::optional<WallTime> return_at() const;
    WallTime suggested_at() const;  // by the clock: the time typed, on today or tomorrow
    const SaveResult& report(const std::string& id, SaveResult r);

    Model& model_;
    const Clock& clock_;
    uint64_t revision_ = 0;
    int history_shown_ = kHistoryPage;
    int history_read_ = 0;
    std::optional<WallTime> live_until_;
    std::vector<BreakView> active_;
    std::vector<BreakView> history_;
    int history_total_ = 0;
    bool show_form_ = false;
    SaveResult form_result_;
    std::string editing_topic_;
    bool show_pacer_ = true;
    BreathingRhythm rhythm_;
    SaveResult error_;
    std::string error_id_;
    std::string notice_;
};

} // namespace hearth
