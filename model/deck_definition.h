#pragma once
// Conversation card decks described as data (docs/adding-a-deck.md): one JSON
// file in assets/decks/ per deck, each card a question with an optional
// follow-up, a depth (light or deep) and tags. Read like exercise definitions:
// a file that is not valid is reported by name with where in the JSON the
// problem is, what was expected and what was found
// ("cards[3].depth: expected \"light\" or \"deep\", found \"medium\""), and
// skipped; the others still load. The couple's own decks and cards, and what
// was asked when, live in the database (model/decks.h).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr int kDeckFormat = 1;            // the "format" every deck file names
inline constexpr std::size_t kMaxDeckCards = 1000;
inline constexpr std::size_t kMaxQuestionChars = 300;
inline constexpr std::size_t kMaxFollowUpChars = 300;
inline constexpr std::size_t kMaxDeckTitleChars = 80;
inline constexpr std::size_t kMaxDeckDescriptionChars = 500;
inline constexpr std::size_t kMaxCardTags = 8;

enum class Depth { light, deep };
std::string_view to_string(Depth d);
std::optional<Depth> parse_depth(std::string_view s);

struct DeckCard {
    std::string id;                    // [a-z0-9_-], unique in the deck, never reused for another question
    std::string question;
    std::string follow_up;             // may be empty
    Depth depth = Depth::light;
    std::vector<std::string> tags;     // [a-z0-9_-] each
};

struct DeckDefinition {
    int format = kDeckFormat;
    std::string id;
    int version = 1;
    std::string title;
    std::string description;
    std::vector<DeckCard> cards;
    std::filesystem::path source;      // the file it came from
};

// The question reduced to what makes it the same question: lower-case ASCII
// letters and digits, other characters dropped, words separated by one space.
// "What's a good day?" and "whats a GOOD day" are the same question.
std::string question_identity(std::string_view question);

struct DeckParse {
    std::optional<DeckDefinition> definition;
    std::string error;
    bool ok() const { return definition.has_value(); }
};
DeckParse parse_deck(std::string_view json_text);

// One file (or folder) looked at while loading, for `hearth --list-decks`.
struct DeckFileStatus {
    std::filesystem::path file;
    bool ok = false;
    std::string id;
    std::string title;
    std::size_t cards = 0;
    std::string message;               // what is wrong, when not ok
    // "ok       play  \"Play\"  48 cards  .../play.json" or "invalid  file: message"
    std::string describe() const;
};

struct DeckProblem {
    std::filesystem::path file;
    std::string message;
    std::string describe() const { return file.string() + ": " + message; }
};

// Loads every *.json in each folder (not recursive; by file name within a
// folder; folders in order). Invalid files and duplicate ids (the later file
// loses) are reported and skipped; a missing folder is a problem too.
struct DeckLoad {
    std::vector<DeckDefinition> decks;
    std::vector<DeckProblem> problems;
    std::vector<DeckFileStatus> files;
};
DeckLoad load_decks(const std::vector<std::filesystem::path>& dirs);

// The listing `hearth --list-decks` prints: one line per file.
std::string deck_listing(const DeckLoad& load);

} // namespace hearth
