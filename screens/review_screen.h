#pragma once
// The weekly review's screen state: the review under way (or this week's
// invitation, or a past review being read), what each step shows, the drafts
// of the step forms, and the commands the panel sends. Everything shown is
// read again only when a feature's revision or the day changed: a busy week
// holds hundreds of rows. Drawn by ui/panels/review_panel.cpp.
#include "hearth_model.h"
#include "talk_screen.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

class ReviewScreen {
public:
    static constexpr int kHistoryRows = 12;
    static constexpr int kTopicsShown = 8;

    ReviewScreen(Model& model, const Clock& clock);

    // Re-reads what the screen shows when anything changed since the last
    // sync (any feature's revision, or the day); returns whether it did.
    bool sync();

    // ---- what is shown ----------------------------------------------------
    IsoWeek this_week() const { return iso_week(today_); }
    Date today() const { return today_; }
    // The unfinished review the flow shows (the newest), if any.
    const WeeklyReview* under_way() const { return unfinished_.empty() ? nullptr : &unfinished_.front(); }
    const std::optional<WeeklyReview>& this_weeks_review() const { return this_week_; }
    bool this_week_held() const { return this_week_ && this_week_->finished(); }
    const std::vector<WeeklyReview>& history() const { return history_; }

    // For the review under way:
    const std::vector<GratitudeEntry>& appreciations() const { return appreciations_; }
    std::array<int, 2> read_aloud() const { return read_aloud_by_partner(appreciations_); }
    const WeekFigures& quality_time() const { return quality_time_; }
    const PlannerWeek& week() const { return week_; }
    const PlannerWeek& next_week() const { return next_week_; }
    const std::vector<OpenTopic>& topics() const { return topics_; }
    bool is_chosen(const OpenTopic& t) const;

    // A finished review being read again (nullptr: the flow or the invitation).
    const WeeklyReview* viewing() const { return viewing_ ? &*viewing_ : nullptr; }
    const std::string& viewing_markdown() const { return markdown_; }
    void view(const std::string& review_id);
    void stop_viewing();

    // Step 5's idea from the bank (nullptr: the bank has none).
    const Idea* suggestion();
    void suggest_another();

    // ---- form drafts --------------------------------------------------------
    int add_from = 0;                          // step 1: who the appreciation is from
    Date schedule_day{};                       // step 3: "schedule it" (tomorrow unless changed)
    std::string schedule_time;                 // typed as hh:mm
    Date plan_day{};                           // step 5: the day the idea is planned on
    Date schedule_last_day() const { return add_days(today_, 60); }
    Date plan_last_day() const;

    // ---- commands: each returns the model's answer, also kept in error() ----
    SaveResult start();
    SaveResult back();
    SaveResult next();
    SaveResult finish();
    SaveResult set_shared(const std::string& gratitude_id, bool shared);
    SaveResult add_appreciation(const std::string& text);
    SaveResult set_went_well(const std::string& text);
    SaveResult choose_topic(const OpenTopic& t);
    SaveResult choose_new_topic(const std::string& text);
    // Starts the listening exercise on the topic and records it, in one
    // transaction; on success the listening panel comes next.
    SaveResult listen_now();
    SaveResult schedule_issue();               // schedule_day at schedule_time
    SaveResult leave_issue();
    // A rating button: choosing the rating shown clears it.
    SaveResult toggle_connection(int slot, int rating);
    SaveResult set_loved_answer(int slot, const std::string& text);
    SaveResult plan_suggestion();              // at kReviewIdeaMinute on plan_day
    SaveResult reopen_viewed();
    // Step 4's "draw a deeper card" (docs/practices.md, "Conversation cards").
    const std::optional<Talk>& deeper_card() const { return deeper_.card(); }
    SaveResult draw_deeper_card() { return report(deeper_.draw()); }
    SaveResult talked_about_deeper_card() { return report(deeper_.talked("")); }

    const SaveResult& error() const { return error_; }

private:
    uint64_t revision() const;
    const SaveResult& report(SaveResult r);

    Model& model_;
    const Clock& clock_;
    uint64_t revision_ = 0;
    Date today_{};
    std::vector<WeeklyReview> unfinished_;
    std::optional<WeeklyReview> this_week_;
    std::vector<WeeklyReview> history_;
    std::vector<GratitudeEntry> appreciations_;
    WeekFigures quality_time_;
    PlannerWeek week_, next_week_;
    std::vector<OpenTopic> topics_;
    std::string viewing_id_;
    std::optional<WeeklyReview> viewing_;
    std::string markdown_;
    std::optional<Idea> suggestion_;
    bool suggestion_picked_ = false;
    unsigned suggest_seed_ = 1;
    SaveResult error_;
    DeeperCard deeper_{model_};
};

} // namespace hearth
