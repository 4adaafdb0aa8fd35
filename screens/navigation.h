#pragma once
// Sending the couple from one screen to another, with what the next screen
// should work on. Hand-offs are types, not composed strings: a new one is a
// struct here and a case in the receiving screen's take().
#include "panel_list.h"
#include "time_util.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace hearth {

// Listening: start on this break's topic (the first break of a "more time" chain).
struct ListenAboutBreak {
    std::string break_id;
};
// Planner: open the plan form for a new plan.
struct PlanNew {};
// Planner: show this occurrence of a plan, selected, in its week.
struct ShowOccurrence {
    std::string plan_id;
    Date original_day;
};
// Planner: show one of its tabs.
enum class PlannerTab { week, agenda, ideas };
struct ShowPlannerTab {
    PlannerTab tab;
};

// Talk: put this card that came up (the question of the day, the review's deeper card) on the table.
struct TalkAbout {
    std::string talk_id;
};

// Appreciations: open this one in the editor (a search result).
struct ShowAppreciation {
    std::string id;
};
// Weekly review: show this past review (a search result).
struct ShowReview {
    std::string review_id;
};

// Settings: encryption was turned on or off (the app reopened the files): what
// happened, and the recovery code to show once (wiped when let go).
struct EncryptionChanged {
    bool ok = false;
    std::string message;
    std::shared_ptr<std::string> recovery_code;
};

using Handoff = std::variant<std::monostate, ListenAboutBreak, PlanNew, ShowOccurrence, ShowPlannerTab, TalkAbout,
                             ShowAppreciation, ShowReview, EncryptionChanged>;

struct Navigation {
    PanelId to;
    Handoff with;
};

// Set by a screen during a frame, taken by the shell at its end (one request
// per frame; the last one wins). The receiving screen takes its hand-off once.
class Navigator {
public:
    void go_to(PanelId to, Handoff with = {}) {
        request_ = to;
        if (!std::holds_alternative<std::monostate>(with)) pending_ = Navigation{to, std::move(with)};
    }
    std::optional<PanelId> take_request() { return std::exchange(request_, std::nullopt); }
    // The hand-off waiting for `panel`, as type T, once.
    template <class T>
    std::optional<T> take_handoff(PanelId panel) {
        if (!pending_ || pending_->to != panel || !std::holds_alternative<T>(pending_->with)) return std::nullopt;
        T value = std::get<T>(std::move(pending_->with));
        pending_.reset();
        return value;
    }

private:
    std::optional<PanelId> request_;
    std::optional<Navigation> pending_;
};

} // namespace hearth
