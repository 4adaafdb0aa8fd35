#pragma once
// Conversation cards (docs/practices.md, "Conversation cards"): the
// shipped decks (assets/decks/, model/deck_definition.h) together with the
// couple's own decks and cards, favourites and hidden cards, and what was asked
// when (migration 6 in model/schema.cpp).
//
// Drawing never repeats: each way a card can come up (drawn to talk about, the
// question of the day, the weekly review's deeper card) counts how often every
// card came up that way, and a draw picks only among the cards of the choice
// that came up least. So no card of a choice comes up again before every card
// of it has, and the count lives in the history, so it holds across restarts
// and merges with backups.
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "deck_definition.h"
#include "save_result.h"
#include "time_util.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxTalkNoteChars = 4000;
inline constexpr std::size_t kMaxRoundAnswerChars = 2000;

struct Card {
    // "deck-id/card-id" for a shipped card; the row id for one of the couple's own.
    std::string key;
    std::string deck_id;
    std::string question;
    std::string follow_up;
    Depth depth = Depth::light;
    std::vector<std::string> tags;
    bool own = false;
    bool favourite = false;
    bool hidden = false;
};

struct Deck {
    std::string id;
    std::string title;
    std::string description;
    bool own = false;                  // made by the couple in the app
    bool hidden = false;               // own decks only
    std::vector<Card> cards;           // hidden cards included (Card::hidden)
    int visible_cards() const;
};

// What to draw from.
struct DrawChoice {
    std::vector<std::string> deck_ids; // empty: a mix of every visible deck
    std::optional<Depth> depth;        // only light or only deep cards
    bool favourites_only = false;
    // Recorded with each draw: "play+dreams", "all", "all:deep", "favourites".
    std::string describe() const;
    bool operator==(const DrawChoice&) const = default;
};

// How a card came up.
enum class TalkKind { draw, day, review };
enum class TalkOutcome { open, skipped, talked };
// Said by the one who answered, after both answers are shown. Not a score.
enum class Closeness { spot_on, close, partly, not_really };
std::string_view closeness_label(Closeness c);   // "Spot on", "Close", "Partly", "Not this time"
inline constexpr Closeness kClosenesses[] = {Closeness::spot_on, Closeness::close, Closeness::partly,
                                             Closeness::not_really};

// One guess-and-reveal round: one partner answered privately, the other guessed.
struct GuessRound {
    std::string id;
    int answerer_slot = 0;
    std::string answer;
    std::string guess;
    std::optional<Closeness> closeness;
    WallTime at{};
};

// One time a card came up, with what came of it.
struct Talk {
    std::string id;
    std::string card_key;
    std::string deck_id;
    std::string question;              // as it read then
    std::string follow_up;             // as it reads now (empty when the card is gone)
    TalkKind kind = TalkKind::draw;
    std::string choice;                // DrawChoice::describe() of the draw
    Date day{};
    WallTime asked_at{};
    TalkOutcome outcome = TalkOutcome::open;
    std::string note;
    std::vector<GuessRound> rounds;
};

struct CardDraft {
    std::string deck_id;
    std::string question;
    std::string follow_up;
    Depth depth = Depth::light;
    std::string tags;                  // "work, family": split on commas, spaces, made lowercase
};

struct DeckDraft {
    std::string title;
    std::string description;
};

class Decks {
public:
    // Reads the decks in `dirs` (assets/decks first) and the couple's own from db.
    Decks(Database& db, const Clock& clock, const Couple& couple, std::vector<std::filesystem::path> dirs);

    // `--decks DIR`: adds a folder and reloads; a duplicate id there is reported, not used.
    void add_dir(const std::filesystem::path& dir);
    const DeckLoad& files() const { return load_; }
    const std::vector<DeckProblem>& problems() const { return load_.problems; }
    std::string listing() const { return deck_listing(load_); }

    // Shipped decks (by file) then the couple's own (by creation); hidden ones included.
    const std::vector<Deck>& all() const { return decks_; }
    const Deck* find_deck(std::string_view id) const;
    const Card* find_card(std::string_view key) const;

    // The visible cards a choice draws from, in deck order.
    std::vector<const Card*> cards_of(const DrawChoice& choice) const;
    // Of the cards of `choice`, how many came up already in this pass through
    // them (drawn to talk about) and how many there are.
    struct Progress {
        int seen = 0;
        int total = 0;
    };
    Progress progress(const DrawChoice& choice) const;

    // Draws a card to talk about (recorded). nullopt when the choice has no card.
    std::optional<Talk> draw(const DrawChoice& choice);
    // The question of the day: the same all day (recorded the first time it is
    // asked for), a new one each day, none again until every visible card has
    // been one. Cached: asking again the same day reads nothing.
    std::optional<Talk> question_of_the_day(Date day);
    // A deep card for the weekly review's check-in (recorded; its own pass
    // through every visible deep card, so it does not repeat either).
    std::optional<Talk> draw_for_review();

    SaveResult skip(const std::string& talk_id);
    // "We talked about it", with an optional note (editable later the same way).
    SaveResult talked(const std::string& talk_id, const std::string& note);
    // A guess-and-reveal round on a card that came up, saved when both are
    // shown (never before: nothing hidden is ever in the database). Both the
    // answer and the guess need a few words; the card counts as talked about.
    SaveResult add_round(const std::string& talk_id, int answerer_slot, const std::string& answer,
                         const std::string& guess);
    SaveResult set_closeness(const std::string& round_id, Closeness c);

    SaveResult set_favourite(const std::string& card_key, bool favourite);
    SaveResult set_hidden(const std::string& card_key, bool hidden);

    // The couple's own cards, in a shipped deck or one of their own.
    SaveResult add_card(const CardDraft& d);
    SaveResult update_card(const std::string& card_key, const CardDraft& d);   // own cards only
    SaveResult add_deck(const DeckDraft& d);
    SaveResult update_deck(const std::string& deck_id, const DeckDraft& d);     // own decks only
    SaveResult set_deck_hidden(const std::string& deck_id, bool hidden);        // own decks only

    std::optional<Talk> talk(const std::string& talk_id) const;
    // Newest first; skipped cards and questions of the day not talked about left out.
    std::vector<Talk> history(int limit = 100, int offset = 0) const;
    // Of the history, the talks whose question, note, answers or guesses
    // contain `text` (case-insensitive for ASCII), newest first.
    std::vector<Talk> search(const std::string& text, int limit = 100) const;
    // Talked about, or with a round, on local days from..to (inclusive), oldest first.
    std::vector<Talk> talked_between(Date from, Date to) const;

    void reload();
    uint64_t revision() const { return revision_; }
    // Draws pick at random among the cards that came up least; tests fix the seed.
    void seed(uint64_t s) { rng_.seed(s); }

private:
    std::map<std::string, int> counts(TalkKind kind) const;
    std::vector<const Card*> least_seen(const std::vector<const Card*>& cards, TalkKind kind) const;
    Talk record(const Card& card, TalkKind kind, const std::string& choice, std::optional<Date> day = std::nullopt);
    std::vector<Talk> read_talks(Statement& st) const;
    SaveResult check_card(const CardDraft& d) const;
    void set_mark(const std::string& card_key, const char* column, bool value);
    void changed();

    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    std::vector<std::filesystem::path> dirs_;
    DeckLoad load_;
    std::vector<Deck> decks_;
    std::mt19937_64 rng_{std::random_device{}()};
    std::optional<std::pair<Date, Talk>> day_question_;
    uint64_t revision_ = 1;
};

} // namespace hearth
