// The appreciations panel's state, with no ImGui: the compose form, the week
// browsed, the filters, the editor and undo, and how many queries a frame makes.
#include "gratitude_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {
struct GratitudeFixture {
    test::TestModel t;
    GratitudeScreen s{t.model};
    Date today = local_date(t.clock.now());
    GratitudeFixture() { s.sync(today); }
    uint64_t queries_of_a_sync() {
        uint64_t before = t.model.db.queries();
        s.sync(today);
        return t.model.db.queries() - before;
    }
};
} // namespace

TEST_CASE("Writing an appreciation: saved for the other partner, the form ready for the next", "[screens][gratitude]") {
    GratitudeFixture f;
    CHECK(f.s.compose.day == f.today);
    CHECK(f.s.compose.from_slot == 0);
    f.s.compose.from_slot = 1;
    f.s.compose.category_id = f.t.model.categories.all().front().id;
    auto notice = f.s.save_compose("The tea in bed");
    REQUIRE(notice);
    CHECK(*notice == "Saved for Maya.");
    CHECK_FALSE(f.s.compose.category_id);  // the next one starts uncategorised
    CHECK(f.s.compose.from_slot == 1);     // by the same partner
    f.s.sync(f.today);
    REQUIRE(f.s.total() == 1);
    CHECK(f.s.entry(0).text == "The tea in bed");
    CHECK(f.s.entry(0).to_slot == 0);
}

TEST_CASE("A refused appreciation keeps the form and says why; typing again clears it", "[screens][gratitude]") {
    GratitudeFixture f;
    CHECK_FALSE(f.s.save_compose("   "));
    CHECK_FALSE(f.s.compose_error.empty());
    CHECK(f.t.model.gratitude.count({}) == 0);
    CHECK(f.s.save_compose(std::string(kMaxGratitudeChars + 1, 'x')) == std::nullopt);
    REQUIRE(f.s.save_compose("Better now"));
    CHECK(f.s.compose_error.empty());
}

TEST_CASE("The browsed week goes back freely and never past this week", "[screens][gratitude]") {
    GratitudeFixture f;
    REQUIRE(f.s.save_compose("this week"));
    f.s.compose.day = add_days(f.today, -7);
    REQUIRE(f.s.save_compose("last week"));
    f.s.sync(f.today);
    CHECK(f.s.total() == 1);
    CHECK_FALSE(f.s.week.can_go_later());
    f.s.week.later();
    CHECK(f.s.week.is_this_week());
    f.s.week.earlier();
    f.s.sync(f.today);
    REQUIRE(f.s.total() == 1);
    CHECK(f.s.entry(0).text == "last week");
    f.s.all_weeks = true;
    f.s.sync(f.today);
    CHECK(f.s.total() == 2);
    f.s.all_weeks = false;
    f.s.week.back_to_this_week();
    f.s.from_slot = 1;
    f.s.sync(f.today);
    CHECK(f.s.total() == 0);
    f.s.from_slot.reset();
    f.s.search = "THIS";
    f.s.sync(f.today);
    CHECK(f.s.total() == 1);
}

TEST_CASE("Editing, deleting and undo: the editor follows the entry", "[screens][gratitude]") {
    GratitudeFixture f;
    REQUIRE(f.s.save_compose("Dinner"));
    f.s.sync(f.today);
    std::string id = f.s.entry(0).id;
    uint64_t loads = f.s.edit_loads();
    REQUIRE(f.s.select(id));
    CHECK(f.s.edit_loads() == loads + 1);  // the ui reloads its text field
    CHECK(f.s.edit.text == "Dinner");
    f.s.edit.shared_in_review = true;
    CHECK_FALSE(f.s.save_edit(""));  // refused: nothing changes
    CHECK_FALSE(f.s.edit_error.empty());
    CHECK_FALSE(f.t.model.gratitude.get(id)->shared_in_review);
    REQUIRE(f.s.save_edit("Dinner, cooked together"));
    CHECK(f.s.edit_error.empty());
    CHECK(f.t.model.gratitude.get(id)->text == "Dinner, cooked together");
    CHECK(f.t.model.gratitude.get(id)->shared_in_review);

    f.s.confirm_delete = true;
    f.s.remove_selected();
    CHECK(f.s.selected().empty());
    CHECK(f.t.model.gratitude.count({}) == 0);
    REQUIRE(f.s.can_undo());
    REQUIRE(f.s.undo());
    CHECK(f.s.selected() == id);
    CHECK_FALSE(f.s.confirm_delete);
    CHECK(f.s.edit.text == "Dinner, cooked together");
    CHECK_FALSE(f.s.undo());  // nothing more to bring back
    CHECK_FALSE(f.s.select("gone"));
    CHECK(f.s.selected().empty());
}

TEST_CASE("A frame with nothing changed makes no query; a change, a count and a page", "[screens][gratitude]") {
    GratitudeFixture f;
    for (int i = 0; i < 250; ++i) REQUIRE(f.s.save_compose("thanks " + std::to_string(i)));
    f.s.all_weeks = true;
    f.s.sync(f.today);
    REQUIRE(f.s.total() == 250);
    f.s.entry(0);
    f.s.entry(99);
    f.s.entry(249);
    CHECK(f.queries_of_a_sync() == 0);
    uint64_t before = f.t.model.db.queries();
    f.s.entry(10);
    f.s.entry(240);  // pages already read
    CHECK(f.t.model.db.queries() == before);

    f.s.search = "thanks 1";  // the filter changed: one count
    CHECK(f.queries_of_a_sync() == 1);
    before = f.t.model.db.queries();
    f.s.entry(0);  // and the first page once it shows
    f.s.entry(5);
    CHECK(f.t.model.db.queries() - before == 1);
    CHECK(f.queries_of_a_sync() == 0);

    REQUIRE(f.s.save_compose("one more thanks 1"));  // the data changed: one count again
    CHECK(f.queries_of_a_sync() == 1);
}
