// Searching everything the couple wrote, and the appreciations list's
// highlights, with no ImGui: results, paging, where a hit leads, and how many
// queries a frame makes.
#include "gratitude_screen.h"
#include "search_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {
void thank(test::TestModel& t, const std::string& text) {
    GratitudeDraft d;
    d.text = text;
    d.day = local_date(t.clock.now());
    REQUIRE(t.model.gratitude.add(d).ok());
}
} // namespace

TEST_CASE("The search screen finds across lists, pages, and re-runs only when something changed", "[screens][search]") {
    test::TestModel t;
    for (int i = 0; i < 60; ++i) thank(t, "Café morning " + std::to_string(i));
    PlanDraft p;
    p.title = "Cafe crawl";
    p.day = local_date(t.clock.now());
    REQUIRE(t.model.planner.add(p).ok());

    SearchScreen s(t.model);
    s.sync();
    CHECK(s.total() == 0);
    s.query = "cafe";
    s.sync();
    CHECK(s.total() == 61);
    CHECK(s.hits().size() == std::size_t(SearchScreen::kPageSize));
    CHECK(s.has_more());
    s.more();
    CHECK(s.hits().size() == 61);
    CHECK_FALSE(s.has_more());

    uint64_t before = t.model.db.queries();
    s.sync();
    CHECK(t.model.db.queries() == before);  // nothing changed: no query

    s.scope = kSearchPlans;
    s.sync();
    REQUIRE(s.total() == 1);
    const auto& hit = s.hits()[0];
    CHECK(SearchScreen::label_of(hit) == "Plan");
    CHECK(SearchScreen::panel_of(hit.kind) == PanelId::planner);
    CHECK(hit.text.substr(hit.matches.at(0).first, hit.matches.at(0).second - hit.matches.at(0).first) == "Cafe");

    p.title = "Cafe tour";
    REQUIRE(t.model.planner.add(p).ok());  // the data changed: searched again
    s.sync();
    CHECK(s.total() == 2);
}

TEST_CASE("Past the count limit the screen says more than, and pages on until the hits run out", "[screens][search]") {
    test::TestModel t;
    const int n = SearchScreen::kCountLimit + 25;
    for (int i = 0; i < n; ++i) thank(t, "Tea at four " + std::to_string(i));
    SearchScreen s(t.model);
    s.query = "tea";
    s.sync();
    CHECK(s.total_is_lower_bound());
    CHECK(s.total() == SearchScreen::kCountLimit + 1);
    while (s.has_more()) s.more();
    CHECK(s.hits().size() == std::size_t(n));
    s.query = "tea at four 99";  // 99 and 990..999: exact again
    s.sync();
    CHECK_FALSE(s.total_is_lower_bound());
    CHECK(s.total() == 11);
    CHECK_FALSE(s.has_more());
}

TEST_CASE("The appreciations list shows where its search matched, cached until it changes", "[screens][gratitude][search]") {
    test::TestModel t;
    thank(t, "The crème brûlée 🌻");
    GratitudeScreen s(t.model);
    Date today = local_date(t.clock.now());
    s.search = "creme";
    s.sync(today);
    REQUIRE(s.total() == 1);
    const auto& e = s.entry(0);
    auto m = s.matches(e);
    REQUIRE(m.size() == 1);
    CHECK(e.text.substr(m[0].first, m[0].second - m[0].first) == "crème");
    uint64_t before = t.model.db.queries();
    s.matches(e);
    CHECK(t.model.db.queries() == before);
    s.search = "🌻";
    s.sync(today);
    REQUIRE(s.total() == 1);
    m = s.matches(s.entry(0));
    REQUIRE(m.size() == 1);
    CHECK(s.entry(0).text.substr(m[0].first) == "🌻");
    s.search.clear();
    s.sync(today);
    CHECK(s.matches(s.entry(0)).empty());
}

TEST_CASE("A hit's heading says who wrote it: the writer, the caller, the answerer, the guesser; none for a plan",
          "[screens][search]") {
    test::TestModel t;
    const Date today = local_date(t.clock.now());
    GratitudeDraft g;
    g.from_slot = 1;
    g.text = "Soup when I was ill";
    g.day = today;
    REQUIRE(t.model.gratitude.add(g).ok());
    BreakRequest b;
    b.caller_slot = 1;
    b.topic = "Soup money";
    REQUIRE(t.model.breaks.start(b).ok());
    PlanDraft p;
    p.title = "Soup kitchen shift";
    p.day = today;
    REQUIRE(t.model.planner.add(p).ok());
    DrawChoice from_deck;
    from_deck.deck_ids = {"dreams-and-plans"};
    auto talk = t.model.decks.draw(from_deck);
    REQUIRE(talk);
    REQUIRE(t.model.decks.add_round(talk->id, /*answerer_slot=*/0, "Soup in Lisbon", "Soup in Porto").ok());
    SearchScreen s(t.model);
    s.query = "soup";
    s.sync();
    REQUIRE(s.total() == 5);
    std::vector<std::string> headings;
    for (const auto& hit : s.hits()) headings.push_back(s.heading_of(hit));
    const std::string dot = "  \xC2\xB7  ", day = format_day_human(today);
    CHECK_THAT(headings, Catch::Matchers::VectorContains("Appreciation from Sam" + dot + day));
    CHECK_THAT(headings, Catch::Matchers::VectorContains("Break topic called by Sam" + dot + day));
    CHECK_THAT(headings, Catch::Matchers::VectorContains("Plan" + dot + day));
    CHECK_THAT(headings, Catch::Matchers::VectorContains("Card answer by Maya" + dot + day));
    CHECK_THAT(headings, Catch::Matchers::VectorContains("Card guess by Sam" + dot + day));
}
