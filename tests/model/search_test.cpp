// Search over everything the couple wrote (issue 12 item 5): accents, case,
// prefixes, emoji, highlights, every list, and the index kept in step.
#include "schema.h"
#include "search.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace hearth;

namespace {
std::string add_thanks(test::TestModel& t, const std::string& text, int days_ago = 0) {
    GratitudeDraft d;
    d.from_slot = 0;
    d.text = text;
    d.day = add_days(local_date(t.clock.now()), -days_ago);
    auto r = t.model.gratitude.add(d);
    REQUIRE(r.ok());
    return r.id;
}

std::string marked(const SearchHit& h) {
    std::string out;
    std::size_t at = 0;
    for (auto [b, e] : h.matches) {
        out += h.text.substr(at, b - at) + "[" + h.text.substr(b, e - b) + "]";
        at = e;
    }
    return out + h.text.substr(at);
}

int gratitude_count(test::TestModel& t, const std::string& q) {
    GratitudeFilter f;
    f.search = q;
    return t.model.gratitude.count(f);
}
} // namespace

TEST_CASE("Search folds case and accents and matches words by prefix", "[search]") {
    test::TestModel t;
    add_thanks(t, "The Café on the corner, with you");
    add_thanks(t, "Crème brûlée night");
    add_thanks(t, "Sunflowers from the market");
    Search s(t.model.db);
    CHECK(s.count("cafe") == 1);
    CHECK(s.count("CAFÉ") == 1);
    CHECK(s.count("creme brulee") == 1);
    CHECK(s.count("sunf") == 1);
    CHECK(s.count("flowers") == 0);  // prefix of a word, not any substring
    CHECK(s.count("corner you") == 1);  // every word, in any order
    CHECK(s.count("corner zebra") == 0);
    auto hits = s.find("cafe");
    REQUIRE(hits.size() == 1);
    CHECK(marked(hits[0]) == "The [Café] on the corner, with you");
    CHECK(marked(s.find("brul")[0]) == "Crème [brûlée] night");
    CHECK(s.find("   ").empty());
    CHECK(gratitude_count(t, "CAFE") == 1);
    CHECK(gratitude_count(t, "sun") == 1);
}

TEST_CASE("Emoji are found, alone, beside words and as sequences", "[search]") {
    test::TestModel t;
    add_thanks(t, "You brought me 🌻 today");
    add_thanks(t, "love you😘😘");
    add_thanks(t, "Us: 👩‍❤️‍👨 forever");
    add_thanks(t, "Thumbs up 👍🏽 for the tea");
    add_thanks(t, "I ❤️ our Sundays");
    Search s(t.model.db);
    CHECK(s.count("🌻") == 1);
    CHECK(marked(s.find("🌻")[0]) == "You brought me [🌻] today");
    CHECK(s.count("😘") == 1);
    CHECK(marked(s.find("😘")[0]) == "love you[😘][😘]");
    CHECK(s.count("love😘") == 1);
    CHECK(s.count("👩‍❤️‍👨") == 1);
    CHECK(marked(s.find("👩‍❤️‍👨")[0]) == "Us: [👩‍❤️‍👨] forever");
    CHECK(s.count("👍") == 1);   // any skin tone
    CHECK(s.count("👍🏽") == 1);
    CHECK(s.count("👍🏿") == 0);
    CHECK(s.count("❤") == 1);    // with or without VS16
    CHECK(s.count("❤️") == 1);
    CHECK(s.count("🌹") == 0);
    CHECK(gratitude_count(t, "🌻") == 1);
}

TEST_CASE("A query with no word or emoji finds its characters literally", "[search]") {
    test::TestModel t;
    add_thanks(t, "100% patience");
    add_thanks(t, "the_underscored note");
    Search s(t.model.db);
    CHECK(s.count("100%") == 1);
    CHECK(s.count("_") == 1);
    CHECK(marked(s.find("_")[0]) == "the[_]underscored note");
    CHECK(s.count("%") == 1);
}

TEST_CASE("Every list with the couple's text is searched, newest first", "[search]") {
    test::TestModel t;
    auto& m = t.model;
    Date today = local_date(t.clock.now());
    add_thanks(t, "Picnic by the lake", 3);
    PlanDraft p;
    p.title = "Picnic at the lake";
    p.day = add_days(today, 1);
    p.notes = "bring the blue blanket";
    auto plan = m.planner.add(p);
    REQUIRE(plan.ok());
    REQUIRE(m.planner.set_memory(plan.id, p.day, "The swans came to the blanket").ok());
    BreakRequest b;
    b.topic = "Who forgot the blanket";
    REQUIRE(m.breaks.start(b).ok());
    DrawChoice any;
    any.deck_ids = {"play"};
    auto talk = m.decks.draw(any);
    REQUIRE(talk);
    REQUIRE(m.decks.talked(talk->id, "We spoke about blankets and forts").ok());

    Search s(m.db);
    CHECK(s.count("blanket") == 4);
    auto hits = s.find("blanket");
    REQUIRE(hits.size() == 4);
    std::set<SearchKind> kinds;
    for (const auto& h : hits) kinds.insert(h.kind);
    CHECK(kinds == std::set<SearchKind>{SearchKind::plan, SearchKind::occurrence, SearchKind::break_topic,
                                        SearchKind::card_talk});
    CHECK(hits[0].day >= hits[1].day);
    CHECK(hits[0].day == format_date(p.day));
    CHECK(s.count("picnic", kSearchPlans) == 1);
    CHECK(s.count("picnic", scope_of(SearchKind::appreciation)) == 1);
    CHECK(s.count("picnic") == 2);
    CHECK(s.find("picnic", kSearchEverything, 1, 1).size() == 1);
    CHECK(s.row_ids("swans", SearchKind::occurrence).size() == 1);
    CHECK(m.decks.search("FORTS").size() == 1);
}

TEST_CASE("The index follows edits and deletions", "[search]") {
    test::TestModel t;
    auto id = add_thanks(t, "Thank you for the soup");
    Search s(t.model.db);
    CHECK(s.count("soup") == 1);
    GratitudeDraft d;
    d.from_slot = 0;
    d.text = "Thank you for the stew";
    d.day = local_date(t.clock.now());
    REQUIRE(t.model.gratitude.update(id, d).ok());
    CHECK(s.count("soup") == 0);
    CHECK(s.count("stew") == 1);
    REQUIRE(t.model.gratitude.remove(id));
    CHECK(s.count("stew") == 0);
    REQUIRE(t.model.gratitude.undo_remove());
    CHECK(s.count("stew") == 1);
}

TEST_CASE("The migration indexes the rows written before it", "[search][schema]") {
    FakeClock clock{test::fixed_start()};
    Database db = Database::open_memory();
    migrate(db, 7);
    db.exec("INSERT INTO partner VALUES('a', 0, 'Maya', '#c45848', 'x', 'x'), ('b', 1, 'Sam', '#3a7ab4', 'x', 'x')");
    db.exec("INSERT INTO gratitude(id, from_partner, to_partner, text, day, created_at, updated_at)"
            " VALUES('g1', 'a', 'b', 'Crêpes 🥞 on Sunday', '2026-09-20', 'x', 'x')");
    migrate(db);
    Search s(db);
    CHECK(s.count("crepes") == 1);
    CHECK(s.count("🥞") == 1);
}

TEST_CASE("A database written at schema 8 keeps every text findable after the prefix index migration",
          "[search][schema]") {
    test::TempDir dir;
    const auto path = dir / "hearth.db";
    {
        Database db = Database::open_file(path);
        migrate(db, 8);
        db.exec("INSERT INTO partner VALUES('a', 0, 'Maya', '#c45848', 'x', 'x'), ('b', 1, 'Sam', '#3a7ab4', 'x', 'x')");
        db.exec("INSERT INTO gratitude(id, from_partner, to_partner, text, day, created_at, updated_at) VALUES"
                " ('g1', 'a', 'b', 'Thankful for the Café 🌻', '2026-09-20', 'x', 'x'),"
                " ('g2', 'b', 'a', 'Thanks for the crêpes', '2026-09-21', 'x', 'x'),"
                " ('g3', 'a', 'b', 'Thank you, truly', '2026-09-22', 'x', 'x')");
    }
    Database db = Database::open_file(path);
    migrate(db);
    CHECK(db.user_version() == 9);
    Search s(db);
    CHECK(s.count("thank") == 3);
    CHECK(s.count("THANKF") == 1);
    CHECK(s.count("thanks") == 1);
    CHECK(s.count("cafe") == 1);
    CHECK(s.count("crepe") == 1);
    CHECK(s.count("🌻") == 1);
    auto hits = s.find("thank");
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].row_id == "g3");  // newest first
    CHECK(marked(hits[0]) == "[Thank] you, truly");
    CHECK(marked(hits[2]) == "[Thankful] for the Café 🌻");
    // The search_doc triggers of migration 8 write to the recreated index.
    db.exec("INSERT INTO gratitude(id, from_partner, to_partner, text, day, created_at, updated_at)"
            " VALUES('g4', 'b', 'a', 'Thankfully sunny', '2026-09-23', 'x', 'x')");
    CHECK(s.count("thankfu") == 2);
    db.exec("UPDATE gratitude SET text = 'Grateful for the Café' WHERE id = 'g1'");
    CHECK(s.count("thankfu") == 1);
    CHECK(s.count("grate") == 1);
    db.exec("DELETE FROM gratitude WHERE id = 'g2'");
    CHECK(s.count("thank") == 2);
    CHECK(s.count("crepe") == 0);
    Statement check(db.raw(), "INSERT INTO search(search) VALUES('integrity-check')");
    CHECK_NOTHROW(check.step());
}

TEST_CASE("A count can stop early, exact below where it stops", "[search]") {
    test::TestModel t;
    for (int i = 0; i < 5; ++i) add_thanks(t, "Thank you for the tea 100%", i);
    add_thanks(t, "Tea again");
    Search s(t.model.db);
    CHECK(s.count("thank") == 5);
    CHECK(s.count("thank", kSearchEverything, 3) == 3);
    CHECK(s.count("thank", kSearchEverything, 6) == 5);
    CHECK(s.count("tea", scope_of(SearchKind::appreciation), 4) == 4);
    CHECK(s.count("tea", scope_of(SearchKind::appreciation), 10) == 6);
    CHECK(s.count("tea", kSearchPlans, 4) == 0);
    CHECK(s.count("100%", kSearchEverything, 2) == 2);  // literal
    CHECK(s.count("100%", kSearchEverything) == 5);
}

TEST_CASE("A snippet keeps the match in view and its ranges right", "[search]") {
    SearchHit h;
    h.text = std::string(200, 'a') + " café " + std::string(200, 'b');
    h.matches = {{201, 206}};
    auto sn = snippet_of(h, 40);
    REQUIRE(sn.matches.size() == 1);
    CHECK(sn.text.substr(sn.matches[0].first, sn.matches[0].second - sn.matches[0].first) == "café");
    CHECK(sn.text.rfind("\xE2\x80\xA6", 0) == 0);
    SearchHit short_hit;
    short_hit.text = "short";
    short_hit.matches = {{0, 5}};
    CHECK(snippet_of(short_hit).text == "short");
}
