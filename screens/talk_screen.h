#pragma once
// The talk panel's state: what to draw from (one deck or a mix), the card on
// the table, a guess-and-reveal round, the history with its search, and the
// forms for the couple's own cards and decks. No ImGui: tested in
// tests/screens/talk_screen_test.cpp.
//
// Guess and reveal on one laptop: one partner types an answer while the other
// looks away. The screen holds that answer and gives the panel only its length
// (to draw dots) until both answer and guess are in; revealed_answer() is the
// one way to read it, and it is empty before the reveal.
#include "hearth_model.h"
#include "save_result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

class TalkScreen {
public:
    // Puts back on the table a card drawn today and still open.
    explicit TalkScreen(Model& model);

    // What to draw from.
    const DrawChoice& choice() const { return choice_; }
    void choose_all();                               // a mix of every visible deck
    void choose_deck(const std::string& deck_id);    // one deck
    void toggle_in_mix(const std::string& deck_id);  // add to / take out of the mix
    void set_depth(std::optional<Depth> depth);
    void set_favourites_only(bool on);
    // "12 of 48 this time through", kept until the choice or the data change.
    const Decks::Progress& progress();

    // The card on the table.
    const std::optional<Talk>& current() const { return current_; }
    const Card* current_card() const;
    SaveResult draw();                       // the next card of the choice
    SaveResult skip();                       // the current card is skipped and the next drawn
    SaveResult mark_talked();                // with note_draft; the note field empties
    SaveResult toggle_favourite();
    // Puts a card that came up elsewhere (the question of the day, the review's
    // deeper card) on the table.
    void open_talk(const std::string& talk_id);
    std::string note_draft;

    // Guess and reveal.
    enum class Phase { none, choosing, answering, guessing, revealed };
    Phase phase() const { return phase_; }
    int answerer() const { return answerer_; }
    int guesser() const { return 1 - answerer_; }
    SaveResult start_round();                // needs a card on the table
    void choose_answerer(int slot);          // choosing -> answering
    void type_answer(std::string_view utf8); // answering only; anything else is ignored
    void erase_answer_char();                // the last character typed
    std::size_t answer_length() const;       // characters typed, for the dots
    SaveResult finish_answer();              // answering -> guessing (refused when empty)
    std::string guess_draft;
    SaveResult reveal();                     // guessing -> revealed; saves the round
    // The answer, only once revealed.
    std::optional<std::string> revealed_answer() const;
    const std::string& revealed_guess() const { return round_guess_; }
    SaveResult say_closeness(Closeness c);   // by the answerer, after the reveal
    std::optional<Closeness> closeness() const { return closeness_; }
    void end_round();                        // back to the card; a round not revealed is forgotten

    // History and search (newest first), re-read only when something changed.
    std::string search_text;
    const std::vector<Talk>& history();

    // The couple's own decks and cards.
    CardDraft card_draft;
    std::string editing_card;                // empty: a new card
    void edit_card(const std::string& card_key);
    void new_card(const std::string& deck_id);
    SaveResult save_card();
    DeckDraft deck_draft;
    std::string editing_deck;                // empty: a new deck
    void edit_deck(const std::string& deck_id);
    SaveResult save_deck();
    SaveResult toggle_card_favourite(const std::string& card_key);
    SaveResult toggle_card_hidden(const std::string& card_key);
    SaveResult toggle_deck_hidden(const std::string& deck_id);

    const Decks& decks() const { return model_.decks; }

private:
    void refresh_current();
    Model& model_;
    DrawChoice choice_;
    std::optional<Decks::Progress> progress_;
    uint64_t progress_revision_ = 0;
    std::optional<Talk> current_;

    Phase phase_ = Phase::none;
    int answerer_ = 0;
    std::string hidden_answer_;
    std::string round_guess_;
    std::string round_id_;
    std::optional<Closeness> closeness_;

    std::vector<Talk> history_;
    uint64_t history_revision_ = 0;
    std::string history_search_;
};

// The dashboard's question of the day, read once a day (or after a change):
// `today` is asked each frame and costs nothing when nothing changed.
class DayQuestion {
public:
    explicit DayQuestion(Model& model) : model_(model) {}
    const std::optional<Talk>& today(Date day);
private:
    Model& model_;
    std::optional<Date> day_;
    uint64_t revision_ = 0;
    std::optional<Talk> talk_;
};

// The weekly review's "draw a deeper card": one deep card at a time, another
// on request, and "we talked about it" with a note.
class DeeperCard {
public:
    explicit DeeperCard(Model& model) : model_(model) {}
    const std::optional<Talk>& card() const { return card_; }
    SaveResult draw();
    SaveResult talked(const std::string& note);
private:
    Model& model_;
    std::optional<Talk> card_;
};

} // namespace hearth
