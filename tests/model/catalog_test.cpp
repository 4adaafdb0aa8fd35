// One catalog, two lists: gratitude categories and plan kinds behave alike
// (built-ins first in shipped order, then the couple's own; names unique
// case-insensitively; refusals in each list's own words).
#include "catalog.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hearth;

TEST_CASE("Gratitude categories and plan kinds are the same catalog", "[catalog]") {
    test::TestModel t;
    for (Catalog* c : {static_cast<Catalog*>(&t.model.categories), static_cast<Catalog*>(&t.model.plan_kinds)}) {
        INFO(c->spec().table);
        const auto builtins = c->all().size();
        REQUIRE(builtins > 0);
        for (const auto& e : c->all()) CHECK(e.builtin);
        const uint64_t rev = c->revision();
        auto r = c->add("  Zest ");
        REQUIRE(r.ok());
        CHECK(c->revision() != rev);
        CHECK(c->label_of(r.id) == "Zest");
        CHECK_FALSE(c->all().back().builtin);
        CHECK(c->all().back().id == r.id);
        // Refused, on the list's own field.
        CHECK(c->add("zest").field == c->spec().field);
        CHECK(c->add(" ").error == c->spec().empty_message);
        CHECK(c->add("\xC3\x28").field == c->spec().field);
        CHECK(c->add(std::string(41, 'x')).field == c->spec().field);
        CHECK(c->add(std::string(40, 'x')).ok());
        c->seed_builtin(HEARTH_TEST_ASSETS_DIR);   // seeding again adds nothing
        CHECK(c->all().size() == builtins + 2);
    }
    CHECK(t.model.categories.add(std::string(41, 'y')).error == "Please keep it under 40 characters.");
    CHECK(t.model.plan_kinds.add(std::string(41, 'y')).error == "The name is 41 characters; the limit is 40.");
}

TEST_CASE("A catalog names the asset file it could not read", "[catalog]") {
    test::TestModel t;
    CHECK_THROWS_WITH(t.model.plan_kinds.seed_builtin("/no/such/assets"),
                      Catch::Contains("/no/such/assets/plan_kinds.json"));
}

namespace {
int rows(Database& db, const std::string& sql) {
    auto& st = db.prepare(sql);
    int n = st.step() ? int(st.integer(0)) : 0;
    st.reset();
    return n;
}
} // namespace

TEST_CASE("The couple's own entries can be renamed, emoji kept byte for byte; built-ins cannot", "[catalog]") {
    test::TestModel t;
    auto& c = t.model.categories;
    auto hugs = c.add("Hugs");
    REQUIRE(hugs.ok());
    auto other = c.add("Walks");
    REQUIRE(other.ok());
    REQUIRE(c.rename(hugs.id, " Hugs \xF0\x9F\xA4\x97 ").ok());
    CHECK(c.label_of(hugs.id) == "Hugs \xF0\x9F\xA4\x97");
    CHECK(c.rename(hugs.id, "walks").field == "category");      // taken by another
    CHECK(c.rename(hugs.id, "HUGS \xF0\x9F\xA4\x97").ok());      // its own name in another case
    CHECK(c.rename(hugs.id, "").error == c.spec().empty_message);
    CHECK_FALSE(c.rename(c.all().front().id, "Mine now").ok());  // a built-in
    CHECK_FALSE(c.rename("no-such-id", "x").ok());
}

TEST_CASE("Deleting a category in use says what it holds and moves its entries as chosen", "[catalog]") {
    test::TestModel t;
    auto& c = t.model.categories;
    auto hugs = c.add("Hugs");
    REQUIRE(hugs.ok());
    Date today = local_date(t.clock.now());
    for (int i = 0; i < 3; ++i) {
        GratitudeDraft d;
        d.text = "hug " + std::to_string(i);
        d.day = today;
        d.category_id = hugs.id;
        REQUIRE(t.model.gratitude.add(d).ok());
    }
    auto u = c.usage(hugs.id);
    CHECK(u.total == 3);
    CHECK(u.summary == "3 appreciations");
    CHECK(u.can_leave_empty);
    CHECK(c.usage("support").total == 0);
    CHECK(c.usage("support").summary.empty());

    SECTION("to none") {
        REQUIRE(c.remove(hugs.id).ok());
        CHECK_FALSE(c.exists(hugs.id));
        CHECK(rows(t.model.db, "SELECT count(*) FROM gratitude WHERE category_id IS NULL") == 3);
    }
    SECTION("to another category") {
        REQUIRE(c.remove(hugs.id, std::string("support")).ok());
        CHECK(rows(t.model.db, "SELECT count(*) FROM gratitude WHERE category_id = 'support'") == 3);
        t.model.gratitude.invalidate();
        GratitudeFilter f;
        f.category_id = "support";
        CHECK(t.model.gratitude.count(f) == 3);
    }
    SECTION("refused: a built-in, itself or a missing target") {
        CHECK_FALSE(c.remove("support").ok());
        CHECK_FALSE(c.remove(hugs.id, hugs.id).ok());
        CHECK_FALSE(c.remove(hugs.id, std::string("no-such")).ok());
        CHECK(c.exists(hugs.id));
    }
    SECTION("a failure part-way leaves everything as it was") {
        t.model.db.exec("CREATE TEMP TRIGGER refuse BEFORE DELETE ON gratitude_category BEGIN SELECT RAISE(ABORT, 'refused'); END");
        auto r = c.remove(hugs.id);
        CHECK_FALSE(r.ok());
        CHECK(c.exists(hugs.id));
        CHECK(rows(t.model.db, "SELECT count(*) FROM gratitude WHERE category_id IS NULL") == 0);
    }
}

TEST_CASE("A plan kind in use moves its plans and ideas to another kind; it cannot leave them without", "[catalog]") {
    test::TestModel t;
    auto& kinds = t.model.plan_kinds;
    auto picnic = kinds.add("Picnic");
    REQUIRE(picnic.ok());
    PlanDraft p;
    p.title = "Lake";
    p.kind_id = picnic.id;
    p.day = local_date(t.clock.now());
    REQUIRE(t.model.planner.add(p).ok());
    IdeaDraft i;
    i.title = "Park";
    i.kind_id = picnic.id;
    REQUIRE(t.model.ideas.add(i).ok());
    auto u = kinds.usage(picnic.id);
    CHECK(u.summary == "1 plan and 1 idea");
    CHECK_FALSE(u.can_leave_empty);
    CHECK_FALSE(kinds.remove(picnic.id).ok());
    CHECK(kinds.exists(picnic.id));
    REQUIRE(kinds.remove(picnic.id, std::string("date")).ok());
    CHECK(rows(t.model.db, "SELECT count(*) FROM plan WHERE kind_id = 'date'") == 1);
    CHECK(rows(t.model.db, "SELECT count(*) FROM idea WHERE kind_id = 'date' AND builtin = 0") == 1);
    CHECK(rows(t.model.db, "SELECT count(*) FROM deleted_row WHERE table_name = 'plan_kind'") == 1);
}
