#pragma once
// Guided exercises described as data (docs/adding-an-exercise.md). A JSON file
// in assets/exercises/ names the roles, the steps of one turn (who holds the
// floor, a default length, sentence stems, guidance for each partner, and an
// optional "did I get it?" check that loops back), whether the roles swap, the
// default number of rounds and the closing questions. One engine
// (exercise_session.h) runs any valid definition.
//
// Definitions are validated on load: a file that is not valid is reported by
// name with where in the JSON the problem is, what was expected and what was
// found ("steps[2].duration_seconds: expected a whole number of seconds from 10
// to 3600, found -5"), and skipped; the others still load.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr int kExerciseFormat = 1;        // the "format" every file names
inline constexpr int kMinStepSeconds = 10;
inline constexpr int kMaxStepSeconds = 3600;
inline constexpr int kMaxRounds = 10;
inline constexpr std::size_t kMaxExerciseSteps = 20;
// The heart of Hearth: what a new session runs unless the couple picks another.
inline constexpr std::string_view kDefaultExerciseId = "reflect-and-clarify";

enum class Role { speaker, listener };
std::string_view to_string(Role r);

struct ExerciseRole {
    std::string label;                 // "Speaker"
    std::string description;           // one line on what this role does
};

// A step where the speaker answers "did I get it?": yes moves on, no returns to
// an earlier step of the same turn (counted as a loop).
struct ExerciseCheck {
    std::string question;              // "Did I get it?"
    std::string yes_label;             // "You got it"
    std::string no_label;              // "Not quite"
    std::string loop_back_to;          // an earlier step's id
    int loop_back_index = 0;           // its index in steps
};

struct ExerciseStep {
    std::string id;                    // [a-z0-9_-], unique in the exercise
    std::string title;
    Role floor = Role::speaker;        // who holds the floor during this step
    int duration_seconds = 60;         // default; each session may change it
    std::vector<std::string> stems;    // sentence starters shown on screen
    std::string speaker_guidance;
    std::string listener_guidance;
    std::optional<ExerciseCheck> check;
};

struct ExerciseClosing {
    std::string rating_question;       // "I felt heard", rated 1 to 5 by each partner
    std::string rating_low_label;      // what 1 means
    std::string rating_high_label;     // what 5 means
    std::string note_prompt;
    bool offer_talked_through = true;  // ask whether the topic is talked through
};

struct ExerciseDefinition {
    int format = kExerciseFormat;
    std::string id;
    int version = 1;
    std::string title;
    std::string summary;
    std::string topic_prompt;
    bool topic_required = true;
    std::array<ExerciseRole, 2> roles; // indexed by Role
    bool swap_roles = true;            // after each turn the listener becomes the speaker
    int default_rounds = 1;            // a round: each partner speaks once (or one turn when not swapping)
    std::vector<ExerciseStep> steps;   // one turn
    ExerciseClosing closing;
    std::filesystem::path source;      // the file it came from

    const ExerciseRole& role(Role r) const { return roles[std::size_t(r)]; }
    // Index of the step with this id, or -1.
    int step_index(std::string_view step_id) const;
    int turns_per_round() const { return swap_roles ? 2 : 1; }
};

// Parses and validates one definition. On failure, the message says where
// (a JSON path), what was expected and what was found.
struct ExerciseParse {
    std::optional<ExerciseDefinition> definition;
    std::string error;
    bool ok() const { return definition.has_value(); }
};
ExerciseParse parse_exercise(std::string_view json_text);

// One file (or folder) looked at while loading, for `hearth --list-exercises`.
struct ExerciseFileStatus {
    std::filesystem::path file;
    bool ok = false;
    std::string id;                    // when ok (or at least readable)
    int version = 0;
    std::string title;
    std::string message;               // what is wrong, when not ok
    std::string describe() const;      // "ok       reflect-and-clarify v1 ..." or "invalid  file: message"
};

struct ExerciseProblem {
    std::filesystem::path file;
    std::string message;
    std::string describe() const { return file.string() + ": " + message; }
};

// Loads every *.json in each folder (not recursive; by file name within a
// folder; folders in order). Invalid files and duplicate ids (the later file
// loses) are reported and skipped; a missing folder is a problem too.
struct ExerciseLoad {
    std::vector<ExerciseDefinition> definitions;
    std::vector<ExerciseProblem> problems;
    std::vector<ExerciseFileStatus> files;
};
ExerciseLoad load_exercises(const std::vector<std::filesystem::path>& dirs);

// The definitions the app offers: assets/exercises plus any --exercises DIR.
class Exercises {
public:
    explicit Exercises(std::vector<std::filesystem::path> dirs);
    // Adds a folder (`--exercises DIR`) and reloads; its definitions come after
    // the shipped ones, so a duplicate id there is reported, not used.
    void add_dir(const std::filesystem::path& dir);
    void reload();

    const std::vector<ExerciseDefinition>& all() const { return load_.definitions; }
    const ExerciseDefinition* find(std::string_view id) const;
    // The exercise a new session runs unless the couple picks another:
    // kDefaultExerciseId when it is loaded, else the first one loaded (else
    // kDefaultExerciseId, which start() then refuses as not loaded).
    std::string default_id() const;
    const std::vector<ExerciseProblem>& problems() const { return load_.problems; }
    const std::vector<ExerciseFileStatus>& files() const { return load_.files; }
    const std::vector<std::filesystem::path>& dirs() const { return dirs_; }
    // Every file with its status, one per line, for `hearth --list-exercises`.
    std::string listing() const;

private:
    std::vector<std::filesystem::path> dirs_;
    ExerciseLoad load_;
};

} // namespace hearth
