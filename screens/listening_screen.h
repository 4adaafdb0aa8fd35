#pragma once
// The listening exercise's screen state: the setup form (which exercise, the
// topic's source, who speaks first, rounds, step lengths), the session under
// way, the closing ratings, the history, and the commands the panel sends.
// The session is read again only when the model changed, or, while a step's
// timer runs, when the second it shows changes. Drawn by
// ui/panels/listening_panel.cpp.
#include "hearth_model.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

class ListeningScreen {
public:
    static constexpr int kHistoryRows = 20;
    // The overtime cue grows over this long, then holds still (no more frames).
    static constexpr int64_t kCueGrowMs = 8'000;
    // Step lengths are set in half minutes, up to this many minutes.
    static constexpr int kStepSliderMaxMinutes = 20;

    ListeningScreen(Model& model, const Clock& clock);

    // Re-reads the session, open topics and history when something changed;
    // returns whether it read anything.
    bool sync();

    // ---- what is shown ----------------------------------------------------
    enum class Showing { setup, running, closing };
    Showing showing() const;
    // The session under way (running, paused or closing), or the one ended
    // early being rated.
    const SessionView* session() const;
    // How far the overtime cue has grown, 0..1.
    double cue_growth() const;
    // The step timer's time, rounded up to the second as the model counts:
    // "2:00", "0:05", "75:00" (minutes, never hours: a step is at most an hour).
    static std::string timer_text(int64_t ms);
    const std::vector<BreakView>& open_topics() const { return open_topics_; }
    const std::vector<SessionView>& history() const { return history_; }

    // ---- setup form ---------------------------------------------------------
    // The exercise chosen (the model's default until the couple picks one);
    // nullptr when none is loaded.
    const ExerciseDefinition* exercise() const;
    void choose_exercise(const std::string& id);
    std::optional<std::string> from_break;     // the topic comes from this break (the chain's first)
    void topic_typed() { from_break.reset(); } // the couple's own words: no longer the break's topic
    int first_speaker = 0;
    int rounds() const;
    void set_rounds(int n);
    int step_seconds(const ExerciseStep& step) const;
    // From a slider in minutes: rounded to half a minute, within the limits.
    void set_step_minutes(const ExerciseStep& step, float minutes);
    // A break's open topic for the setup form; returns its topic text to show
    // in the topic field, or nullopt when the break is gone.
    std::optional<std::string> choose_break_topic(const std::string& break_id);
    // The setup refusal for a field ("topic", "rounds", "step_seconds.<id>"),
    // and the one shown under the Begin button.
    std::string field_error(const std::string& field) const;
    std::string begin_error() const;

    // ---- closing form -------------------------------------------------------
    SessionClosing closing;                    // notes are filled in by finish()
    // When the closing shown is for a new session, its form starts empty;
    // returns true then (the panel reloads its note boxes).
    bool closing_is_new();

    // ---- commands -----------------------------------------------------------
    SaveResult begin(const std::string& topic);
    SaveResult next();
    SaveResult back();
    SaveResult answer(bool got_it);
    SaveResult toggle_pause();
    SaveResult end_early();
    SaveResult resume_interrupted();
    SaveResult close_interrupted();
    SaveResult finish(const std::array<std::string, 2>& notes);
    void skip_rating();

    const SaveResult& error() const { return error_; }

private:
    const SaveResult& report(SaveResult r);
    void read_session();

    Model& model_;
    const Clock& clock_;
    uint64_t sessions_rev_ = 0, breaks_rev_ = 0;
    std::optional<WallTime> live_until_;       // re-read then: the step timer's shown second changes
    std::optional<SessionView> current_;
    std::string rating_ended_;                 // an ended-early session whose ratings are asked
    std::optional<SessionView> ended_;
    std::vector<BreakView> open_topics_;
    std::vector<SessionView> history_;
    std::string exercise_id_;
    int rounds_ = 0;                           // 0: the exercise's default
    std::map<std::string, int> step_seconds_;
    std::string closing_for_;
    SaveResult setup_error_;
    SaveResult error_;
};

} // namespace hearth
