// Settings' catalog editor, with no ImGui: one entry renamed or deleted at a
// time, the words saying what happened, the panels showing those rows told to
// re-read, and the appreciations form letting go of a deleted category.
#include "catalog_editor.h"
#include "gratitude_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("Renaming says from what to what, and a refusal keeps the row being renamed", "[screens][catalog]") {
    test::TestModel t;
    auto hugs = t.model.categories.add("Hugs");
    REQUIRE(t.model.categories.add("Walks").ok());
    CatalogEditor ed(t.model, CatalogEditor::Which::categories);
    ed.start_rename(hugs.id);
    CHECK_FALSE(ed.save_rename("walks"));
    CHECK(ed.rename_error == "\"Walks\" is already in the list.");
    CHECK(ed.renaming() == hugs.id);
    const uint64_t shown_before = t.model.gratitude.revision();
    CHECK(ed.save_rename("  Cuddles ") == std::string("Renamed \xE2\x80\x9CHugs\xE2\x80\x9D to \xE2\x80\x9C"
                                                      "Cuddles\xE2\x80\x9D."));
    CHECK(ed.renaming().empty());
    CHECK(t.model.gratitude.revision() != shown_before);
}

TEST_CASE("Deleting a plan kind in use offers no 'none' and moves plans and ideas", "[screens][catalog]") {
    test::TestModel t;
    auto games = t.model.plan_kinds.add("Games");
    PlanDraft p;
    p.title = "Cards";
    p.kind_id = games.id;
    p.day = local_date(t.clock.now());
    REQUIRE(t.model.planner.add(p).ok());
    CatalogEditor ed(t.model, CatalogEditor::Which::plan_kinds);
    ed.start_delete(games.id);
    CHECK(ed.usage().summary == "1 plan");
    CHECK_FALSE(ed.usage().can_leave_empty);
    CHECK(ed.move_to == std::string("date"));  // the first other kind, never none
    ed.move_to = "ritual";
    const uint64_t planner_before = t.model.planner.revision();
    CHECK(ed.confirm_delete() == std::string("Deleted \xE2\x80\x9CGames\xE2\x80\x9D; 1 plan moved to \xE2\x80\x9CRitual\xE2\x80\x9D."));
    CHECK(t.model.planner.revision() != planner_before);
    CHECK(ed.deleting().empty());
}

TEST_CASE("A category deleted in Settings leaves the appreciations form and filter", "[screens][catalog]") {
    test::TestModel t;
    auto hugs = t.model.categories.add("Hugs");
    GratitudeScreen g(t.model);
    const Date today = local_date(t.clock.now());
    g.sync(today);
    g.compose.category_id = hugs.id;
    g.category_id = hugs.id;
    CatalogEditor ed(t.model, CatalogEditor::Which::categories);
    ed.start_delete(hugs.id);
    REQUIRE(ed.confirm_delete());
    g.sync(today);
    CHECK_FALSE(g.compose.category_id);
    CHECK_FALSE(g.category_id);
}
