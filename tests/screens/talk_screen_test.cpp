// The talk panel's state without ImGui: what a draw, a skip and a note do; the
// guess-and-reveal phases and the hidden answer; what a sync costs; and the
// calls the dashboard and the weekly review make.
#include "talk_screen.h"

#include "../model/test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace hearth;

TEST_CASE("Talk screen: draw, skip, favourite and talked with a note", "[talk]") {
    test::TestModel t;
    TalkScreen s(t.model);
    s.choose_deck("play");
    CHECK(s.progress().total == 48);
    REQUIRE(s.draw().ok());
    const auto first = *s.current();
    CHECK(s.progress().seen == 1);
    REQUIRE(s.skip().ok());
    CHECK(s.current()->card_key != first.card_key);
    CHECK(t.model.decks.talk(first.id)->outcome == TalkOutcome::skipped);
    REQUIRE(s.toggle_favourite().ok());
    CHECK(s.current_card()->favourite);
    s.note_draft = "Breakfast in bed, apparently";
    REQUIRE(s.mark_talked().ok());
    CHECK(s.note_draft.empty());
    CHECK(s.current()->outcome == TalkOutcome::talked);
    CHECK(s.current()->note == "Breakfast in bed, apparently");

    s.set_favourites_only(true);
    REQUIRE(s.draw().ok());
    CHECK(s.current()->card_key == s.current_card()->key);
    CHECK(s.current_card()->favourite);
}

TEST_CASE("Talk screen: the hidden answer cannot be read before the reveal", "[talk]") {
    test::TestModel t;
    TalkScreen s(t.model);
    CHECK_FALSE(s.start_round().ok());  // no card yet
    REQUIRE(s.draw().ok());
    REQUIRE(s.start_round().ok());
    CHECK(s.phase() == TalkScreen::Phase::choosing);
    s.type_answer("ignored");  // not answering yet
    s.choose_answerer(1);
    CHECK(s.phase() == TalkScreen::Phase::answering);
    CHECK(s.answer_length() == 0);
    CHECK(s.finish_answer().field == "answer");  // empty
    s.type_answer("Kyōto");
    s.type_answer("!");
    for (int i = 0; i < 4; ++i) s.erase_answer_char();  // "!", "o", "t", then the ō as a whole
    CHECK(s.answer_length() == 2);
    s.type_answer("ōto in spring");
    CHECK(s.answer_length() == 15);
    CHECK_FALSE(s.revealed_answer());
    REQUIRE(s.finish_answer().ok());
    CHECK(s.phase() == TalkScreen::Phase::guessing);
    CHECK_FALSE(s.revealed_answer());
    s.type_answer("more");  // the answer is closed now
    s.guess_draft = "   ";
    CHECK(s.reveal().field == "guess");
    CHECK_FALSE(s.revealed_answer());
    s.guess_draft = "Lisbon";
    REQUIRE(s.reveal().ok());
    CHECK(s.phase() == TalkScreen::Phase::revealed);
    CHECK(s.revealed_answer() == "Kyōto in spring");
    CHECK(s.revealed_guess() == "Lisbon");
    CHECK(s.answerer() == 1);
    REQUIRE(s.say_closeness(Closeness::partly).ok());
    REQUIRE(s.current()->rounds.size() == 1);
    CHECK(s.current()->rounds[0].closeness == Closeness::partly);
    s.end_round();
    CHECK_FALSE(s.revealed_answer());
    CHECK(s.say_closeness(Closeness::close).field == "closeness");

    // A round cancelled before the reveal leaves nothing behind.
    REQUIRE(s.start_round().ok());
    s.choose_answerer(0);
    s.type_answer("secret");
    s.end_round();
    CHECK(s.answer_length() == 0);
    CHECK(t.model.decks.talk(s.current()->id)->rounds.size() == 1);
}

TEST_CASE("Talk screen: a sync reads nothing when nothing changed", "[talk]") {
    test::TestModel t;
    TalkScreen s(t.model);
    s.choose_deck("knowing-now");
    s.history();
    s.progress();
    const auto before = t.model.db.queries();
    for (int i = 0; i < 5; ++i) {
        s.history();
        s.progress();
    }
    CHECK(t.model.db.queries() == before);
    REQUIRE(s.draw().ok());
    const auto after_draw = t.model.db.queries();
    CHECK(s.history().size() == 1);
    CHECK(s.progress().seen == 1);
    CHECK(t.model.db.queries() > after_draw);  // re-read once after a change
    const auto settled = t.model.db.queries();
    s.history();
    s.progress();
    CHECK(t.model.db.queries() == settled);
    s.search_text = "nothing like this";
    CHECK(s.history().empty());
}

TEST_CASE("Talk screen: own cards and decks through the forms", "[talk]") {
    test::TestModel t;
    TalkScreen s(t.model);
    s.deck_draft = {"Road trips", ""};
    auto deck = s.save_deck();
    REQUIRE(deck.ok());
    CHECK(s.deck_draft.title.empty());
    s.new_card(deck.id);
    s.card_draft.question = "Which song goes on first when we leave town?";
    s.card_draft.tags = "music";
    auto card = s.save_card();
    REQUIRE(card.ok());
    CHECK(s.card_draft.question.empty());
    s.edit_card(card.id);
    CHECK(s.card_draft.question == "Which song goes on first when we leave town?");
    s.card_draft.question = "Which song goes on first when we leave home?";
    REQUIRE(s.save_card().ok());
    CHECK(t.model.decks.find_card(card.id)->question == "Which song goes on first when we leave home?");
    REQUIRE(s.toggle_card_hidden(card.id).ok());
    CHECK(t.model.decks.find_card(card.id)->hidden);
    REQUIRE(s.toggle_deck_hidden(deck.id).ok());
    CHECK(t.model.decks.find_deck(deck.id)->hidden);
    s.choose_deck(deck.id);
    CHECK(s.draw().field == "choice");  // its one card is hidden
}

TEST_CASE("Dashboard and review: the question of the day and a deeper card", "[talk]") {
    test::TestModel t;
    DayQuestion q(t.model);
    const Date today = local_date(t.clock.now());
    const auto& first = q.today(today);
    REQUIRE(first);
    const std::string key = first->card_key;
    const auto before = t.model.db.queries();
    for (int i = 0; i < 10; ++i) CHECK(q.today(today)->card_key == key);  // every frame
    CHECK(t.model.db.queries() == before);
    CHECK(q.today(add_days(today, 1))->card_key != key);

    // "Talk about it": the talk panel opens that very card.
    TalkScreen s(t.model);
    s.open_talk(q.today(today)->id);
    CHECK(s.current()->card_key == key);
    CHECK(s.current()->kind == TalkKind::day);

    DeeperCard review(t.model);
    CHECK_FALSE(review.talked("too soon").ok());
    REQUIRE(review.draw().ok());
    CHECK(t.model.decks.find_card(review.card()->card_key)->depth == Depth::deep);
    const auto one = review.card()->card_key;
    REQUIRE(review.draw().ok());
    CHECK(review.card()->card_key != one);
    REQUIRE(review.talked("We both want more quiet Sundays.").ok());
    CHECK(review.card()->outcome == TalkOutcome::talked);
    CHECK(review.card()->note == "We both want more quiet Sundays.");
}

TEST_CASE("Talk screen: a card drawn today and still open is on the table after a restart", "[talk]") {
    test::TestModel t;
    std::string drawn;
    {
        TalkScreen s(t.model);
        REQUIRE(s.draw().ok());
        drawn = s.current()->id;
    }
    CHECK(TalkScreen(t.model).current()->id == drawn);
    t.clock.advance(std::chrono::hours(24));
    CHECK_FALSE(TalkScreen(t.model).current());  // a new day starts with an empty table
    t.model.decks.talked(drawn, "");
    t.clock.advance(std::chrono::hours(-24));
    CHECK_FALSE(TalkScreen(t.model).current());  // talked about: done
}
