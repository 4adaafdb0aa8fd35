#pragma once
// The demo couple's words, read from assets/demo/*.json: appreciations,
// break and listening topics, dates and their memories, review answers. The
// code in model/demo/ decides when things happen; these files say what.
#include "couple.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth::demo {

// An appreciation (or a part of one) and the category it suggests: a built-in
// category id, "own" for the couple's own category, or none.
struct Line {
    std::optional<std::string> category;
    std::string text;
};

struct PastBreak {
    int weeks_ago = 0;
    int caller = 0;
    std::string topic;                 // empty: no topic
    std::string topic_status;          // none, open, talked_through, dismissed
    int planned_minutes = 20;
    int taken_minutes = 20;            // countdown time that ran
    std::string ending;                // returned, ended_early, continued
    int back_late_minutes = 0;         // after the return time (returned only)
};

struct RunningBreak {
    int caller = 1;
    std::string topic;
    int minutes = 20;
    int started_minutes_ago = 7;
};

struct SessionScript {
    int weeks_ago = 0;
    int break_index = -1;              // into past_breaks; -1: a topic of their own
    std::string topic;
    std::string exercise;
    int first_speaker = 0;
    std::array<int, 4> not_quite{};    // "not quite" answers per turn
    int end_after_steps = -1;          // steps run before it was ended early; -1 = finished
    std::array<int, 2> felt_heard{};   // 0: not rated
    std::array<std::string, 2> notes;
    bool talked_through = false;
    bool in_review = false;            // started in that week's review, when there was one
    int share_seconds = 0;             // the first step's length when set up otherwise; 0 = default
};

struct DateIdea {
    std::string idea;                  // an idea-bank id (used when the bank has it), or empty
    std::string title;
    std::string place;
    int minutes = 120;
    int saturday_start = 0;            // > 0: a Saturday daytime date at this minute of the day (0: an evening)
    std::string memory;
};

struct Activity {
    std::string idea;
    std::string title;
    int weeks_ago = 0;                 // 0: this week, -1: next week
    int weekday = 0;                   // 0 Monday .. 6 Sunday
    int start = 0;                     // minute of the day
    std::string memory;
};

struct Ritual {
    std::string title, kind, place, notes;
    int start = 0;                     // minute of the day
    int minutes = 0;
    int suggested_by = 0;
};

struct DemoTexts {
    std::array<std::string, 2> names;
    std::array<Rgb, 2> colors;
    std::string own_category;

    std::array<std::vector<Line>, 2> hand_written;   // by the writer's slot: Maya's to Sam, Sam's to Maya
    std::vector<std::string> openers;                // composed: opener + act + why
    std::vector<Line> acts;
    std::vector<std::string> whys;
    std::vector<Line> short_notes;
    std::vector<std::string> extras;                 // sentences that lengthen a note

    std::vector<PastBreak> past_breaks;
    RunningBreak running_break;
    std::vector<SessionScript> sessions;
    std::vector<std::string> long_topics;

    std::vector<DateIdea> dates;
    std::vector<Activity> activities;
    std::vector<std::string> walk_memories, coffee_memories, checkin_memories;
    Ritual walk, coffee, check_in, long_walk;
    std::string moved_walk_memory;

    std::vector<std::string> went_well;
    std::array<std::vector<std::string>, 2> loved;   // "what would make you feel loved", by slot
    std::vector<std::string> new_issues;

    // Throws std::runtime_error naming the file when one is missing or malformed.
    static DemoTexts load(const std::filesystem::path& dir);
};

} // namespace hearth::demo
