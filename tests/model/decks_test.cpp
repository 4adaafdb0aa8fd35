// Conversation cards: the shipped decks, broken deck files, draws that never
// repeat (also across a restart), the question of the day, guess-and-reveal
// rounds, the couple's own cards, history, search, backups and the week's summary.
#include "backup.h"
#include "demo_cards.h"
#include "test_support.h"
#include "week_markdown.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kAssets = fs::path(HEARTH_TEST_ASSETS_DIR) / "decks";
const fs::path kCorpus = fs::path(HEARTH_TEST_CORPUS_DIR) / "decks";

int count_rows(Database& db, const std::string& sql) {
    auto& st = db.prepare(sql);
    st.step();
    return int(st.integer(0));
}

DrawChoice deck_choice(std::string id) {
    DrawChoice c;
    c.deck_ids = {std::move(id)};
    return c;
}

} // namespace

TEST_CASE("Hearth ships at least 6 decks and 300 cards, every one valid and no question twice", "[decks]") {
    const auto load = load_decks({kAssets});
    for (const auto& p : load.problems) FAIL(p.describe());
    CHECK(load.decks.size() >= 6);
    std::map<std::string, std::string> seen;  // identity -> where
    std::size_t cards = 0, deep = 0;
    for (const auto& d : load.decks) {
        INFO(d.id);
        CHECK(d.cards.size() >= 40);
        CHECK_FALSE(d.description.empty());
        for (const auto& c : d.cards) {
            INFO(c.question);
            ++cards;
            deep += c.depth == Depth::deep;
            auto [it, fresh] = seen.emplace(question_identity(c.question), d.id + "/" + c.id);
            if (!fresh) FAIL("asked twice: " + c.question + " (" + it->second + " and " + d.id + "/" + c.id + ")");
            CHECK(c.question.back() == '?');
            // Open questions: none starts like a yes/no question.
            for (const char* closed : {"Do ", "Does ", "Is ", "Are ", "Have ", "Has ", "Can ", "Would you ", "Will "})
                CHECK_FALSE(c.question.rfind(closed, 0) == 0);
        }
    }
    CHECK(cards >= 300);
    CHECK(deep >= 60);  // enough for the weekly review's deeper cards
    CHECK(question_identity("What's a GOOD day, for you?") == question_identity("whats a good day for you"));
}

TEST_CASE("Broken deck files are refused with where and what, and the others still load", "[decks]") {
    struct Case {
        const char* file;
        const char* message;
    } cases[] = {
        {"bad-depth.json", "cards[1].depth: expected \"light\" or \"deep\", found \"medium\""},
        {"bad-id.json", "id: expected an id of lowercase letters, digits, '-' or '_' (at most 64), found \"Broken Deck\""},
        {"bad-tag.json", "cards[0].tags[1]: expected a tag of lowercase letters"},
        {"duplicate-card-id.json", "cards[1].id: expected an id not used by an earlier card (cards[0]), found \"a\""},
        {"duplicate-id.json", "id: \"play\" is already used by"},
        {"duplicate-question.json",
         "cards[1].question: expected a question not already asked by an earlier card (cards[0]), found \"what made you LAUGH today\""},
        {"empty-cards.json", "cards: expected an array of 1 to 1000 cards, found an array"},
        {"format-2.json", "format: this Hearth reads format 1, found 2 (written for a newer Hearth)"},
        {"missing-question.json", "cards[1].question: missing (expected a non-empty string)"},
        {"missing-title.json", "title: missing (expected a non-empty string)"},
        {"not-utf8.json", "not valid UTF-8 text"},
        {"tags-not-array.json", "cards[0].tags: expected an array of at most 8 tags, found \"fun\""},
        {"top-level-array.json", "(top level): expected an object describing one deck, found an array"},
        {"truncated.json", "not valid JSON: "},
        {"typo-key.json", "cards[0].folow_up: unknown key (expected one of id, question, follow_up, depth, tags)"},
    };
    const auto shipped = load_decks({kAssets});
    const auto load = load_decks({kAssets, kCorpus});
    CHECK(load.decks.size() == shipped.decks.size());
    CHECK(load.problems.size() == std::size(cases));
    for (const auto& c : cases) {
        INFO(c.file);
        auto it = std::find_if(load.problems.begin(), load.problems.end(),
                               [&](const DeckProblem& p) { return p.file.filename() == c.file; });
        REQUIRE(it != load.problems.end());
        CHECK_THAT(it->message, Catch::Contains(c.message));
        CHECK_THAT(it->describe(), Catch::StartsWith((kCorpus / c.file).string() + ": "));
    }
    // --list-decks: one line per file with id, title, "N cards" and status.
    const std::string listing = deck_listing(load);
    CHECK_THAT(listing, Catch::Contains("ok       play  \"Play\"  48 cards  " + (kAssets / "play.json").string()));
    CHECK_THAT(listing, Catch::Contains("invalid  " + (kCorpus / "bad-depth.json").string() + ": cards[1].depth"));
    CHECK_THAT(deck_listing(load_decks({kCorpus / "no-such-folder"})), Catch::Contains("folder not found"));

    // In the model, --decks DIR adds the folder the same way.
    test::TestModel t;
    const auto before = t.model.decks.all().size();
    t.model.decks.add_dir(kCorpus);
    CHECK(t.model.decks.all().size() == before);
    CHECK(t.model.decks.problems().size() == std::size(cases));
}

TEST_CASE("Drawing goes through a whole deck before any card comes again, also across a restart", "[decks][property]") {
    for (uint64_t seed : {1u, 2u, 3u, 17u, 4242u}) {
        INFO("seed " << seed);
        test::TempDir dir;
        const fs::path file = dir / "hearth.db";
        FakeClock clock{test::fixed_start()};
        const DrawChoice choice = deck_choice("play");
        std::vector<std::string> drawn;
        std::size_t deck_size = 0;
        {
            Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
            m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
            m.decks.seed(seed);
            deck_size = m.decks.cards_of(choice).size();
            REQUIRE(deck_size == 48);
            for (std::size_t i = 0; i < deck_size / 2 + seed % 7; ++i) {
                auto t = m.decks.draw(choice);
                REQUIRE(t);
                drawn.push_back(t->card_key);
                if (i % 3 == 0) m.decks.skip(t->id);  // a skipped card came up too
            }
            CHECK(m.decks.progress(choice).seen == int(drawn.size()));
        }
        {
            // Hearth closed and opened again on the same file.
            Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
            m.decks.seed(seed * 31 + 7);
            CHECK(m.decks.progress(choice).seen == int(drawn.size()));
            while (drawn.size() < deck_size) drawn.push_back(m.decks.draw(choice)->card_key);
            const std::set<std::string> once(drawn.begin(), drawn.end());
            CHECK(once.size() == deck_size);  // every card exactly once
            CHECK(m.decks.progress(choice) .seen == 0);  // a new pass begins
            // The second pass again holds every card once.
            std::set<std::string> second;
            for (std::size_t i = 0; i < deck_size; ++i) second.insert(m.decks.draw(choice)->card_key);
            CHECK(second.size() == deck_size);
        }
    }
}

TEST_CASE("A mix draws the least seen cards of all its decks; depth and favourites narrow it", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    decks.seed(5);
    DrawChoice mix;
    mix.deck_ids = {"play", "closeness"};
    const auto cards = decks.cards_of(mix);
    REQUIRE(cards.size() == 48 + 46);
    // Cards already drawn from "play" alone come last in the mix.
    std::set<std::string> from_play;
    for (int i = 0; i < 40; ++i) from_play.insert(decks.draw(deck_choice("play"))->card_key);
    for (std::size_t i = 0; i < cards.size() - from_play.size(); ++i)
        CHECK_FALSE(from_play.count(decks.draw(mix)->card_key));

    DrawChoice deep;
    deep.depth = Depth::deep;
    for (int i = 0; i < 20; ++i) CHECK(decks.find_card(decks.draw(deep)->card_key)->depth == Depth::deep);

    DrawChoice favourites;
    favourites.favourites_only = true;
    CHECK_FALSE(decks.draw(favourites));  // none yet
    REQUIRE(decks.set_favourite("play/play-003", true).ok());
    CHECK(decks.draw(favourites)->card_key == "play/play-003");
    CHECK(decks.find_card("play/play-003")->favourite);
}

TEST_CASE("The question of the day is the same all day, new each day, and does not repeat", "[decks]") {
    test::TempDir dir;
    const fs::path file = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    const Date today = local_date(clock.now());
    std::string first;
    {
        Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
        auto q = m.decks.question_of_the_day(today);
        REQUIRE(q);
        first = q->card_key;
        CHECK(m.decks.question_of_the_day(today)->id == q->id);
        // Asking again the same day reads nothing: the dashboard may ask every frame.
        const auto before = m.db.queries();
        for (int i = 0; i < 10; ++i) m.decks.question_of_the_day(today);
        CHECK(m.db.queries() == before);
    }
    Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
    CHECK(m.decks.question_of_the_day(today)->card_key == first);  // after a restart too
    std::size_t total = m.decks.cards_of({}).size();
    std::set<std::string> seen{first};
    for (std::size_t d = 1; d < total; ++d) {
        auto q = m.decks.question_of_the_day(add_days(today, int(d)));
        REQUIRE(q);
        CHECK(seen.insert(q->card_key).second);
    }
    CHECK(seen.size() == total);  // the decks are through: every card was a question once
    CHECK(m.decks.question_of_the_day(add_days(today, int(total))));
    // Drawing to talk is its own pass: the day's questions do not use it up.
    CHECK(m.decks.progress({}).seen == 0);
}

TEST_CASE("The weekly review draws deep cards, none twice until all were drawn", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    DrawChoice deep;
    deep.depth = Depth::deep;
    const auto total = decks.cards_of(deep).size();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < total; ++i) {
        auto card = decks.draw_for_review();
        REQUIRE(card);
        CHECK(card->kind == TalkKind::review);
        CHECK(decks.find_card(card->card_key)->depth == Depth::deep);
        CHECK(seen.insert(card->card_key).second);
    }
    REQUIRE(decks.talked(decks.draw_for_review()->id, "We said more than we expected.").ok());
}

TEST_CASE("Skip, talked with a note, favourite and hide", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    auto a = decks.draw(deck_choice("knowing-now"));
    auto b = decks.draw(deck_choice("knowing-now"));
    REQUIRE(decks.skip(a->id).ok());
    CHECK_FALSE(decks.skip(a->id).ok());  // once
    REQUIRE(decks.talked(b->id, "  Work, mostly.  ").ok());
    CHECK(decks.talk(b->id)->note == "Work, mostly.");
    CHECK(decks.talk(b->id)->outcome == TalkOutcome::talked);
    CHECK(decks.talked(b->id, std::string(kMaxTalkNoteChars + 1, 'x')).field == "note");
    const auto history = decks.history();
    REQUIRE(history.size() == 1);  // the skipped card is left out
    CHECK(history[0].id == b->id);
    // A question of the day joins the history once it was talked about.
    auto day = decks.question_of_the_day(local_date(t.clock.now()));
    CHECK(decks.history().size() == 1);
    REQUIRE(decks.talked(day->id, "").ok());
    CHECK(decks.history().size() == 2);

    const std::string key = "knowing-now/now-001";
    const auto visible = decks.cards_of(deck_choice("knowing-now")).size();
    REQUIRE(decks.set_hidden(key, true).ok());
    CHECK(decks.cards_of(deck_choice("knowing-now")).size() == visible - 1);
    CHECK(decks.find_card(key)->hidden);
    REQUIRE(decks.set_hidden(key, false).ok());
    CHECK(decks.cards_of(deck_choice("knowing-now")).size() == visible);
    CHECK_FALSE(decks.set_favourite("knowing-now/no-such-card", true).ok());
}

TEST_CASE("The couple's own decks and cards: add, edit, hide; no question twice", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    CHECK(decks.add_deck({"", ""}).field == "title");
    CHECK(decks.add_deck({"play", ""}).field == "title");  // a shipped deck is called that
    auto deck = decks.add_deck({"Our trips", "Questions for the car"});
    REQUIRE(deck.ok());
    CHECK(decks.add_card({deck.id, "   ", "", Depth::light, ""}).field == "question");
    CHECK(decks.add_card({"no-such-deck", "Where next?", "", Depth::light, ""}).field == "deck");
    // The same question as a shipped card, differently written.
    CHECK(decks.add_card({deck.id, "what made you SMILE recently? something small", "", Depth::light, ""}).ok());
    auto dup = decks.add_card({deck.id, "What is something small that made you smile recently", "", Depth::light, ""});
    CHECK(dup.field == "question");
    CHECK_THAT(dup.error, Catch::Contains("Knowing each other now"));
    auto card = decks.add_card({deck.id, "Which road trip should we take next?", "Who drives?", Depth::light, "Travel, car"});
    REQUIRE(card.ok());
    const Card* c = decks.find_card(card.id);
    REQUIRE(c);
    CHECK(c->own);
    CHECK(c->tags == std::vector<std::string>{"travel", "car"});
    REQUIRE(decks.update_card(card.id, {deck.id, "Which road trip should we take this summer?", "", Depth::deep, ""}).ok());
    CHECK(decks.find_card(card.id)->question == "Which road trip should we take this summer?");
    CHECK(decks.find_card(card.id)->depth == Depth::deep);
    CHECK_FALSE(decks.update_card("play/play-001", {"play", "Changed?", "", Depth::light, ""}).ok());  // shipped
    // An own card in a shipped deck.
    REQUIRE(decks.add_card({"play", "Which animal would narrate our day?", "", Depth::light, ""}).ok());
    CHECK(decks.find_deck("play")->cards.size() == 49);

    REQUIRE(decks.update_deck(deck.id, {"Our road trips", ""}).ok());
    CHECK(decks.find_deck(deck.id)->title == "Our road trips");
    CHECK(decks.cards_of({}).size() == decks.cards_of({}).size());
    const auto all_before = decks.cards_of({}).size();
    REQUIRE(decks.set_deck_hidden(deck.id, true).ok());
    CHECK(decks.cards_of({}).size() == all_before - 2);  // a hidden deck is out of the mix
    CHECK(decks.cards_of(deck_choice(deck.id)).size() == 2);  // but can still be chosen on its own
    CHECK_FALSE(decks.set_deck_hidden("play", true).ok());
}

TEST_CASE("Guess and reveal: a round saves both answers and how close, nothing half-done", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    auto talk = decks.draw(deck_choice("dreams-and-plans"));
    CHECK(decks.add_round(talk->id, 0, "", "Lisbon").field == "answer");
    CHECK(decks.add_round(talk->id, 0, "Kyoto", "  ").field == "guess");
    const int rounds_before = count_rows(t.model.db, "SELECT count(*) FROM card_round");
    CHECK_FALSE(decks.add_round("no-such-talk", 0, "Kyoto", "Lisbon").ok());
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_round") == rounds_before);
    auto round = decks.add_round(talk->id, 0, "Kyoto, in autumn", "Lisbon");
    REQUIRE(round.ok());
    REQUIRE(decks.set_closeness(round.id, Closeness::partly).ok());
    auto saved = decks.talk(talk->id);
    REQUIRE(saved->rounds.size() == 1);
    CHECK(saved->outcome == TalkOutcome::talked);
    CHECK(saved->rounds[0].answerer_slot == 0);
    CHECK(saved->rounds[0].answer == "Kyoto, in autumn");
    CHECK(saved->rounds[0].guess == "Lisbon");
    CHECK(saved->rounds[0].closeness == Closeness::partly);
    CHECK(closeness_label(Closeness::not_really) == "Not this time");
}

TEST_CASE("Search finds notes, answers and guesses; history says when", "[decks]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    auto a = decks.draw(deck_choice("play"));
    decks.talked(a->id, "We laughed about the 100% silly café");
    t.clock.advance(std::chrono::hours(26));
    auto b = decks.draw(deck_choice("play"));
    decks.add_round(b->id, 1, "A penguin", "A very tired OWL");
    CHECK(decks.search("owl").size() == 1);
    CHECK(decks.search("owl")[0].id == b->id);
    CHECK(decks.search("100%").size() == 1);
    CHECK(decks.search("laughed")[0].id == a->id);
    CHECK(decks.search("zebra").empty());
    const auto h = decks.history();
    REQUIRE(h.size() == 2);
    CHECK(h[0].id == b->id);  // newest first
    CHECK(h[1].day == local_date(test::fixed_start()));
}

TEST_CASE("Backups carry own cards and decks, favourites, hidden cards, history and rounds", "[decks][backup]") {
    test::TestModel from;
    auto& decks = from.model.decks;
    auto deck = decks.add_deck({"Ours", ""});
    auto card = decks.add_card({deck.id, "Which song should we learn to sing together?", "", Depth::light, "music"});
    decks.set_favourite("play/play-010", true);
    decks.set_hidden("play/play-011", true);
    auto talk = decks.draw(deck_choice("play"));
    decks.talked(talk->id, "Silly and good");
    auto round = decks.add_round(talk->id, 1, "The red one", "The blue one");
    decks.set_closeness(round.id, Closeness::close);
    const auto day = decks.question_of_the_day(local_date(from.clock.now()));

    const auto json = backup_json(from.model.db, from.clock);
    test::TestModel to(false);
    import_backup_json(to.model.db, json, "backup.json");
    to.model.reload();
    auto& got = to.model.decks;
    REQUIRE(got.find_deck(deck.id));
    CHECK(got.find_deck(deck.id)->own);
    REQUIRE(got.find_card(card.id));
    CHECK(got.find_card(card.id)->question == "Which song should we learn to sing together?");
    CHECK(got.find_card("play/play-010")->favourite);
    CHECK(got.find_card("play/play-011")->hidden);
    auto back = got.talk(talk->id);
    REQUIRE(back);
    CHECK(back->note == "Silly and good");
    REQUIRE(back->rounds.size() == 1);
    CHECK(back->rounds[0].answerer_slot == 1);
    CHECK(back->rounds[0].closeness == Closeness::close);
    CHECK(got.question_of_the_day(local_date(from.clock.now()))->card_key == day->card_key);
    // The no-repeat pass came along: the card drawn there is not drawn first here.
    CHECK(got.progress(deck_choice("play")).seen == 1);
    // Importing twice adds nothing.
    auto again = import_backup_json(to.model.db, json, "backup.json");
    CHECK(again.inserted == 0);
}

TEST_CASE("The week's Markdown lists the cards talked about, with notes and rounds", "[decks][markdown]") {
    test::TestModel t;
    auto& decks = t.model.decks;
    auto talk = decks.draw(deck_choice("play"));
    decks.talked(talk->id, "Pancakes, *obviously*");
    auto round = decks.add_round(talk->id, 0, "Tea", "Coffee");
    decks.set_closeness(round.id, Closeness::not_really);
    decks.skip(decks.draw(deck_choice("play"))->id);  // skipped: not in the summary
    const std::string md = week_markdown(t.model, iso_week(local_date(t.clock.now())));
    CHECK_THAT(md, Catch::Contains("## Conversation cards"));
    CHECK_THAT(md, Catch::Contains(markdown_escape_inline(talk->question)));
    CHECK_THAT(md, Catch::Contains("> Pancakes, \\*obviously\\*"));
    CHECK_THAT(md, Catch::Contains("Maya answered:\n\n> Tea"));
    CHECK_THAT(md, Catch::Contains("Sam guessed:\n\n> Coffee"));
    CHECK_THAT(md, Catch::Contains("How close, said Maya: Not this time."));
    // A week with nothing talked about has no such section.
    CHECK_THAT(week_markdown(t.model, iso_week(add_days(local_date(t.clock.now()), -7))),
               !Catch::Contains("Conversation cards"));
}

TEST_CASE("Demo cards: a history to look at that keeps the decks' no-repeat rules", "[decks][demo]") {
    test::TestModel t;
    add_demo_cards(t.model, 26);
    auto& decks = t.model.decks;
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_talk WHERE kind = 'day'") == 26 * 7);
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_talk WHERE kind = 'day' GROUP BY card_key ORDER BY count(*) DESC LIMIT 1") == 1);
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_talk WHERE kind = 'draw' GROUP BY card_key ORDER BY count(*) DESC LIMIT 1") == 1);
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_round") > 0);
    CHECK_FALSE(decks.search("Porto").empty());
    CHECK(std::any_of(decks.all().begin(), decks.all().end(), [](const Deck& d) { return d.own && d.cards.size() == 3; }));
    // Today's question is new: not one of the past days'.
    const auto q = decks.question_of_the_day(local_date(t.clock.now()));
    REQUIRE(q);
    CHECK(count_rows(t.model.db, "SELECT count(*) FROM card_talk WHERE kind = 'day' AND card_key = '" + q->card_key + "'") == 1);
    CHECK_THAT(week_markdown(t.model, iso_week(add_days(local_date(t.clock.now()), -7))),
               Catch::Contains("## Conversation cards"));
}
