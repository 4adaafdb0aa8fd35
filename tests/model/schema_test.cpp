#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {
std::vector<std::string> table_names(Database& db) {
    std::vector<std::string> out;
    auto& st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (st.step()) out.push_back(st.text(0));
    return out;
}
} // namespace

TEST_CASE("Migrations are numbered 1, 2, 3 ... in order", "[schema]") {
    int expected = 1;
    for (const auto& m : migrations()) CHECK(m.version == expected++);
    CHECK(latest_schema_version() == expected - 1);
}

TEST_CASE("An empty database migrates to the latest schema", "[schema]") {
    Database db = Database::open_memory();
    CHECK(db.user_version() == 0);
    migrate(db);
    CHECK(db.user_version() == latest_schema_version());
    CHECK_FALSE(table_names(db).empty());
    migrate(db);  // running again changes nothing
    CHECK(db.user_version() == latest_schema_version());
}

TEST_CASE("Every older schema version migrates to the latest, keeping its rows", "[schema]") {
    Database fresh = Database::open_memory();
    migrate(fresh);
    const auto latest_tables = table_names(fresh);
    for (int from = 1; from < latest_schema_version(); ++from) {
        DYNAMIC_SECTION("from version " << from) {
            Database db = Database::open_memory();
            migrate(db, from);
            REQUIRE(db.user_version() == from);
            db.prepare("INSERT INTO partner(id, slot, name, color, created_at, updated_at) VALUES('p0', 0, 'Zo\xC3\xAB', '#112233', 'x', 'x')").run();
            migrate(db);
            CHECK(db.user_version() == latest_schema_version());
            CHECK(table_names(db) == latest_tables);
            auto& st = db.prepare("SELECT name FROM partner WHERE id = 'p0'");
            REQUIRE(st.step());
            CHECK(st.text(0) == "Zo\xC3\xAB");
        }
    }
}

TEST_CASE("Every table carries a primary key and change times, so backups merge", "[schema]") {
    Database db = Database::open_memory();
    migrate(db);
    for (const auto& table : table_names(db)) {
        // The search index (model/search.h) is derived data, never in a backup.
        if (table == "search" || table.rfind("search_", 0) == 0) continue;
        INFO("table " << table);
        bool has_pk = false, has_created = false, has_updated = false;
        auto st = Statement(db.raw(), "PRAGMA table_info(\"" + table + "\")");
        while (st.step()) {
            std::string col = st.text(1);
            has_pk |= st.integer(5) == 1;
            has_created |= col == "created_at";
            has_updated |= col == "updated_at";
        }
        CHECK(has_pk);
        CHECK(has_created);
        CHECK(has_updated);
    }
}

TEST_CASE("A failing migration leaves the database at its previous version", "[schema]") {
    Database db = Database::open_memory();
    migrate(db, 1);
    db.exec("CREATE TABLE conflict_break(x)");  // collides with migration 2
    CHECK_THROWS(migrate(db));
    CHECK(db.user_version() == 1);
}

TEST_CASE("A database holding tables but no Hearth version is refused, not migrated into", "[schema]") {
    Database db = Database::open_memory();
    db.exec("CREATE TABLE recipes(name)");
    CHECK_THROWS_WITH(migrate(db), Catch::Contains("not a Hearth database") && Catch::Contains("recipes"));
    CHECK(db.user_version() == 0);
    CHECK(table_names(db) == std::vector<std::string>{"recipes"});
}

TEST_CASE("A schema missing a table or column is refused by name at every version", "[schema]") {
    for (int v = 1; v <= latest_schema_version(); ++v) {
        DYNAMIC_SECTION("version " << v) {
            Database db = Database::open_memory();
            migrate(db, v);
            CHECK_NOTHROW(check_schema(db));
            db.exec("PRAGMA foreign_keys=OFF; DROP TABLE partner");
            CHECK_THROWS_WITH(check_schema(db), Catch::Contains("damaged") && Catch::Contains("the table partner"));
        }
    }
    Database db = Database::open_memory();
    migrate(db);
    db.exec("ALTER TABLE gratitude DROP COLUMN shared_in_review");
    CHECK_THROWS_WITH(migrate(db), Catch::Contains("the column gratitude.shared_in_review is missing"));
}
