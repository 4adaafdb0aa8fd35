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
