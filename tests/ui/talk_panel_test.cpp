// The talk panel driven from the keyboard: draw a card, play guess-and-reveal
// with the hidden answer never on screen before the reveal, and a note.
#include "app_ui.h"
#include "screen_text.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {
constexpr int kEnter = test::Headless::kEnter, kEscape = test::Headless::kEscape, kBackspace = 259;
}

TEST_CASE("Guess and reveal runs from the keyboard; the answer stays hidden until both are in", "[ui][talk]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("talk"));
    u.frame();
    CHECK(test::find_text("Draw a card when you are ready."));
    u.press('D');  // draw
    const auto history = u.t.model.decks.history();
    REQUIRE(history.size() == 1);
    const Talk card = history[0];
    u.frame();
    // The card's opening words (a long question wraps; cards are drawn at random).
    INFO(card.question << "\n" << test::screen_dump());
    CHECK(test::find_text(card.question.substr(0, 16)));

    u.press('G');  // guess and reveal
    CHECK(test::find_text("Who answers? The other one guesses."));
    u.press('2');  // Sam answers, Maya guesses
    CHECK(test::find_text("Maya, please look away for a moment. Sam, type your answer: it stays hidden."));
    u.type("Kyoto in the rain");
    u.frame();
    u.press(kBackspace);  // "rai"
    u.type("n, with umbrellas");
    u.frame();
    // Seventeen minus one plus seventeen characters, drawn as dots only.
    CHECK(test::find_text("33 characters typed"));
    CHECK_FALSE(test::find_text("Kyoto"));
    CHECK_FALSE(test::find_text("umbrellas"));
    u.press(kEnter);  // done: the guess
    CHECK(test::find_text("Sam has answered. Maya, what do you think Sam said?"));
    CHECK_FALSE(test::find_text("Kyoto"));
    u.frame();  // the guess field takes the keys
    u.type("Somewhere warm");
    u.frame();
    CHECK_FALSE(test::find_text("Kyoto"));
    CHECK(u.t.model.decks.talk(card.id)->rounds.empty());  // nothing saved before the reveal
    u.press(kEnter);  // show both
    u.frame();
    INFO(test::screen_dump());
    CHECK(test::find_text("Kyoto in the rain, with umbrellas"));
    CHECK(test::find_text("Somewhere warm"));
    CHECK(test::find_text("Sam, how close was it?"));
    u.press('4');  // not this time
    auto saved = u.t.model.decks.talk(card.id);
    REQUIRE(saved->rounds.size() == 1);
    CHECK(saved->rounds[0].answerer_slot == 1);
    CHECK(saved->rounds[0].answer == "Kyoto in the rain, with umbrellas");
    CHECK(saved->rounds[0].guess == "Somewhere warm");
    CHECK(saved->rounds[0].closeness == Closeness::not_really);
    u.press(kEscape);  // back to the card
    u.frame();
    CHECK(test::find_text("Guess and reveal (G)"));

    // A cancelled round: what was typed is gone, never shown.
    u.press('G');
    u.press('1');
    u.type("a secret");
    u.frame();
    u.press(kEscape);
    u.frame();
    CHECK_FALSE(test::find_text("a secret"));
    CHECK(u.t.model.decks.talk(card.id)->rounds.size() == 1);

    // S skips to the next card.
    u.press('S');
    CHECK(u.t.model.decks.talk(card.id)->outcome == TalkOutcome::talked);  // a round counts as talking
    CHECK(u.t.model.decks.history().size() == 2);
}

TEST_CASE("The dashboard asks the question of the day, and one click talks about it", "[ui][talk]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("dashboard"));
    u.frames(2);
    const auto q = u.t.model.decks.question_of_the_day(local_date(u.t.clock.now()));
    REQUIRE(q);
    INFO(test::screen_dump());
    REQUIRE(test::find_text("Question of the day"));
    REQUIRE(u.click_text("Talk about it"));
    u.frames(2);
    CHECK(u.t.model.settings.get(setting::last_panel) == "talk");
    // The same card is on the talk panel, and the same question all day.
    const auto again = u.t.model.decks.question_of_the_day(local_date(u.t.clock.now()));
    REQUIRE(again);
    CHECK(again->id == q->id);
    CHECK(test::find_text(q->question.substr(0, 20)));
}

TEST_CASE("The weekly review's check-in draws a deeper card on request", "[ui][talk][review]") {
    test::OwnedAppUi u;
    const auto review = u.t.model.reviews.start_this_week();
    REQUIRE(review.ok());
    while (u.t.model.reviews.get(review.id)->step != ReviewStep::checkin) REQUIRE(u.t.model.reviews.next(review.id).ok());
    REQUIRE(u.shell.select("review"));
    u.frames(3);
    INFO(test::screen_dump());
    REQUIRE(u.click_text("Draw a deeper card"));
    u.frames(2);
    const auto history = u.t.model.decks.history();
    REQUIRE_FALSE(history.empty());
    CHECK(history.front().kind == TalkKind::review);
    CHECK(test::find_text(history.front().question.substr(0, 20)));
    REQUIRE(u.click_text("We talked about it"));
    u.frames(1);
    CHECK(test::find_text("You talked about this one."));
}

TEST_CASE("The talk note box treats Enter as every couple box does: Ctrl+Enter a new line, Enter saves, the hint says so",
          "[ui][talk]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("talk"));
    u.frame();
    u.press('D');  // draw a card
    u.frame();
    INFO(test::screen_dump());
    CHECK(test::find_text("Enter saves"));
    u.press('N');  // into the note
    u.frames(2);
    REQUIRE(ImGui::GetIO().WantTextInput);
    u.type("We agreed on Sundays");
    u.frame();
    u.press(kEnter, true);  // Ctrl+Enter: a new line, nothing saved
    u.type("and no phones");
    u.frame();
    REQUIRE(u.t.model.decks.history().front().outcome != TalkOutcome::talked);
    u.press(kEnter);
    u.frame();
    const Talk t = u.t.model.decks.history().front();
    CHECK(t.outcome == TalkOutcome::talked);
    CHECK(t.note == "We agreed on Sundays\nand no phones");
    CHECK(test::find_text("You talked about this one."));
}

TEST_CASE("With every deck chosen the talk panel does not ask for a deck; Any, Light and Deep stay on one line",
          "[ui][talk]") {
    for (int text_size : {13, 28}) {
        for (ImVec2 size : {ImVec2(640, 480), ImVec2(800, 600), ImVec2(1280, 800)}) {
            INFO("at " << size.x << "x" << size.y << ", text " << text_size);
            test::TestModel t;
            t.model.settings.set(setting::text_size, text_size);
            test::AppUi u(t);
            u.h.resize(size);
            REQUIRE(u.shell.select("talk"));
            u.frames(3);
            CHECK(test::find_text("Every deck"));
            CHECK_FALSE(test::find_text("Pick a deck"));
            CHECK(test::find_text("It comes from every deck"));
            auto any = test::find_text("Any"), light = test::find_text("Light"), deep = test::find_text("Deep");
            REQUIRE(any);
            REQUIRE(light);
            REQUIRE(deep);
            const float line = ImGui::GetFontSize() * 0.5f;
            CHECK(std::abs(light->max.y - any->max.y) < line);
            CHECK(std::abs(deep->max.y - any->max.y) < line);
            CHECK(deep->fully_visible);
        }
    }
}

TEST_CASE("Guess and reveal at the default window: the guess's emoji button is inside the card, and Enter in its "
          "picker inserts without revealing",
          "[ui][talk][emoji]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1180, 760));
    REQUIRE(u.shell.select("talk"));
    u.frame();
    u.press('D');  // draw
    const Talk card = u.t.model.decks.history().at(0);
    u.press('G');
    u.press('2');  // Sam answers, Maya guesses
    u.type("Kyoto");
    u.frame();
    u.press(kEnter);
    u.frames(2);  // the guess field takes the keys
    INFO(test::screen_dump());
    auto button = test::find_text("\xF0\x9F\x99\x82");  // 🙂, the picker's button
    REQUIRE(button);
    CHECK(button->fully_visible);
    CHECK(button->max.x < ImGui::GetIO().DisplaySize.x - ImGui::GetStyle().WindowPadding.x);
    u.type("Somewhere ");
    u.frame();
    u.press('.', /*ctrl=*/true);
    u.frames(2);
    u.type("sun");
    u.frames(2);
    u.press(kEnter);  // the picker's: inserts
    u.frames(2);
    CHECK(u.t.model.decks.talk(card.id)->rounds.empty());
    CHECK(test::find_text("Sam has answered. Maya, what do you think Sam said?"));
    u.press(kEnter);  // the box's: shows both
    u.frames(2);
    auto saved = u.t.model.decks.talk(card.id);
    CHECK(test::find_text("Sam, how close was it?"));
    u.press('4');
    saved = u.t.model.decks.talk(card.id);
    REQUIRE(saved->rounds.size() == 1);
    CHECK(saved->rounds[0].guess.rfind("Somewhere ", 0) == 0);
    CHECK(saved->rounds[0].guess.size() > std::string("Somewhere ").size());
}
