#include "backup.h"
#include "test_support.h"
#include "uuid.h"

#include <catch2/catch.hpp>

#include <set>

using namespace hearth;
using namespace std::chrono;

namespace {
GratitudeDraft draft(int from, std::string text, Date day, std::optional<std::string> cat = std::nullopt) {
    GratitudeDraft d;
    d.from_slot = from;
    d.text = std::move(text);
    d.day = day;
    d.category_id = std::move(cat);
    return d;
}
} // namespace

TEST_CASE("An appreciation is saved from one partner to the other", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    auto r = log.add(draft(0, "Thank you for the coffee before my early meeting", today, "acts-of-care"));
    REQUIRE(r.ok());
    auto e = log.get(r.id);
    REQUIRE(e);
    CHECK(e->from_slot == 0);
    CHECK(e->to_slot == 1);
    CHECK(e->day == today);
    CHECK(e->category_id == "acts-of-care");
    CHECK_FALSE(e->shared_in_review);
    CHECK(e->created_at == format_utc(t.clock.now()));
    CHECK(looks_like_uuid(e->id));
}

TEST_CASE("Empty, too long, broken or uncategorised input is refused with a reason", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    auto empty = log.add(draft(0, "   \n ", today));
    CHECK(empty.field == "text");
    CHECK_THAT(empty.error, Catch::Contains("empty"));
    CHECK(log.add(draft(0, std::string(2001, 'a'), today)).field == "text");
    CHECK(log.add(draft(0, std::string(2000, 'a'), today)).ok());
    // 2000 characters of two bytes each are fine: the limit counts characters.
    std::string accents;
    for (int i = 0; i < 2000; ++i) accents += "\xC3\xA9";
    CHECK(log.add(draft(0, accents, today)).ok());
    CHECK(log.add(draft(0, "bad \xC3", today)).field == "text");
    CHECK(log.add(draft(0, "ok", today, "no-such-category")).field == "category");
    CHECK(log.add(draft(2, "ok", today)).field == "from");
}

TEST_CASE("Nothing is saved before the couple is set up", "[gratitude]") {
    test::TestModel t(false);
    auto r = t.model.gratitude.add(draft(0, "hello", local_date(t.clock.now())));
    CHECK_FALSE(r.ok());
}

TEST_CASE("What was typed comes back byte for byte", "[gratitude][unicode]") {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    const std::string text = "Zo\xC3\xAB\xE2\x80\x99s cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xE2\x80\x94 \xE2\x80\x9C" "best\xE2\x80\x9D\xE2\x80\xA6 "
                             "\xE2\x99\xA5 \xE2\x98\x85 \xF0\x9F\x8C\xBB\xF0\x9F\x98\x80 \xE4\xBD\xA0\xE5\xA5\xBD\n second line\t!";
    std::string id;
    {
        Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
        m.couple.set_up("Maya", {}, "Sam", {});
        auto r = m.gratitude.add(draft(1, text, local_date(clock.now())));
        REQUIRE(r.ok());
        id = r.id;
    }
    Model m(Database::open_file(dir / "h.db"), clock, HEARTH_TEST_ASSETS_DIR);
    auto e = m.gratitude.get(id);
    REQUIRE(e);
    CHECK(e->text == text);
    // Editing other fields keeps the text exactly.
    GratitudeDraft d = draft(1, e->text, e->day, "growth");
    REQUIRE(m.gratitude.update(id, d).ok());
    CHECK(m.gratitude.get(id)->text == text);
}

TEST_CASE("Editing changes the entry and its change time", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    auto id = log.add(draft(0, "first", today)).id;
    t.clock.advance(minutes(5));
    REQUIRE(log.update(id, draft(1, "second", add_days(today, -1), "words")).ok());
    auto e = log.get(id);
    CHECK(e->text == "second");
    CHECK(e->from_slot == 1);
    CHECK(e->to_slot == 0);
    CHECK(e->day == add_days(today, -1));
    CHECK(e->updated_at == format_utc(t.clock.now()));
    CHECK(e->created_at != e->updated_at);
    CHECK(log.update("missing", draft(0, "x", today)).field == "id");
    CHECK(log.update(id, draft(0, "", today)).field == "text");
    CHECK(log.get(id)->text == "second");
    REQUIRE(log.set_shared(id, true).ok());
    CHECK(log.get(id)->shared_in_review);
}

TEST_CASE("A deleted appreciation comes back unchanged with undo", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    auto a = log.add(draft(0, "one", today, "support")).id;
    auto b = log.add(draft(1, "two", today)).id;
    auto before = *log.get(a);
    CHECK_FALSE(log.can_undo());
    REQUIRE(log.remove(a));
    REQUIRE(log.remove(b));
    CHECK_FALSE(log.get(a));
    CHECK(log.count({}) == 0);
    CHECK(log.undo_remove() == b);
    CHECK(log.undo_remove() == a);
    CHECK_FALSE(log.can_undo());
    auto after = *log.get(a);
    CHECK(after.text == before.text);
    CHECK(after.created_at == before.created_at);
    CHECK(after.updated_at == format_utc(t.clock.now()));  // changed now: see the next test
    CHECK(after.category_id == before.category_id);
    CHECK_FALSE(log.remove("missing"));
}

TEST_CASE("An undone delete is not deleted again by the deletion another computer got", "[gratitude][backup]") {
    test::TestModel a;
    const Date today = local_date(a.clock.now());
    auto id = a.model.gratitude.add(draft(0, "For the soup", today)).id;
    // The second computer is set up from the first's backup.
    test::TestModel b(false);
    b.clock.advance(minutes{1});
    import_backup_json(b.model.db, backup_json(a.model.db, a.clock), "a.json");
    b.model.reload();
    REQUIRE(b.model.gratitude.get(id));

    // Deleted on the first, and the deletion travels to the second ...
    a.clock.advance(minutes{1});
    REQUIRE(a.model.gratitude.remove(id));
    import_backup_json(b.model.db, backup_json(a.model.db, a.clock), "a.json");
    b.model.reload();
    CHECK_FALSE(b.model.gratitude.get(id));
    // ... then undone on the first: the second's deletion must not win.
    a.clock.advance(minutes{1});
    REQUIRE(a.model.gratitude.undo_remove() == id);
    b.clock.advance(minutes{5});
    import_backup_json(a.model.db, backup_json(b.model.db, b.clock), "b.json");
    a.model.reload();
    CHECK(a.model.gratitude.get(id));
    // And the second gets it back.
    import_backup_json(b.model.db, backup_json(a.model.db, a.clock), "a.json");
    b.model.reload();
    REQUIRE(b.model.gratitude.get(id));
    CHECK(b.model.gratitude.get(id)->text == "For the soup");
}

TEST_CASE("Browsing filters by week, partner, category and text", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());  // Monday 2026-09-21
    Date monday = week_start(today);
    REQUIRE(log.add(draft(0, "Walk by the river", monday, "quality-time")).ok());
    REQUIRE(log.add(draft(1, "You listened to me vent", today, "support")).ok());
    REQUIRE(log.add(draft(1, "100% patience with my mum", add_days(monday, -1))).ok());  // last week
    REQUIRE(log.add(draft(0, "the_underscored note", add_days(monday, -8))).ok());

    GratitudeFilter week;
    week.week = today;
    CHECK(log.count(week) == 2);
    GratitudeFilter last_week;
    last_week.week = add_days(monday, -1);
    CHECK(log.count(last_week) == 1);
    GratitudeFilter from_sam;
    from_sam.from_slot = 1;
    CHECK(log.count(from_sam) == 2);
    GratitudeFilter support;
    support.category_id = "support";
    CHECK(log.count(support) == 1);
    GratitudeFilter search;
    search.search = "RIVER";
    CHECK(log.count(search) == 1);
    search.search = "100%";
    CHECK(log.count(search) == 1);  // % is literal, not a wildcard
    search.search = "_";
    CHECK(log.count(search) == 1);
    search.search = "   ";
    CHECK(log.count(search) == 4);  // blank search matches everything
}

TEST_CASE("Pages come newest first and cover every entry exactly once", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    for (int i = 0; i < 250; ++i) {
        REQUIRE(log.add(draft(i % 2, "note " + std::to_string(i), add_days(today, -(i / 3)))).ok());
        t.clock.advance(seconds(1));
    }
    CHECK(log.count({}) == 250);
    std::set<std::string> seen;
    Date prev = today;
    for (int offset = 0; offset < 250; offset += 100) {
        auto page = log.page({}, offset, 100);
        CHECK(page.size() == std::size_t(std::min(100, 250 - offset)));
        for (const auto& e : page) {
            CHECK_FALSE(prev < e.day);  // never older before newer
            prev = e.day;
            seen.insert(e.id);
        }
    }
    CHECK(seen.size() == 250);
    CHECK(log.page({}, 0, 1).front().text == "note 2");  // same day as 0 and 1, written last
}

TEST_CASE("The week's figures count each partner and invite whoever gave fewer", "[gratitude]") {
    test::TestModel t;
    auto& log = t.model.gratitude;
    Date today = local_date(t.clock.now());
    auto w0 = log.week(today);
    CHECK(w0.given == std::array<int, 2>{0, 0});
    CHECK_FALSE(w0.invite_slot);
    for (int i = 0; i < 3; ++i) REQUIRE(log.add(draft(0, "from Maya", today)).ok());
    REQUIRE(log.add(draft(1, "from Sam", add_days(today, 6))).ok());  // Sunday, same week
    REQUIRE(log.add(draft(1, "last week", add_days(week_start(today), -1))).ok());
    auto w = log.week(today, 2);
    CHECK(w.monday == week_start(today));
    CHECK(w.given == std::array<int, 2>{3, 1});
    CHECK(w.total() == 4);
    CHECK(w.invite_slot == 1);
    CHECK(w.newest.size() == 2);
    uint64_t rev = log.revision();
    REQUIRE(log.add(draft(1, "more", today)).ok());
    CHECK(log.revision() != rev);
}

TEST_CASE("The couple can add categories of their own", "[gratitude]") {
    test::TestModel t;
    auto& cats = t.model.categories;
    CHECK(cats.all().size() == 6);
    CHECK(cats.label_of("words") == "Words");
    auto r = cats.add("  Patience ");
    REQUIRE(r.ok());
    CHECK(cats.label_of(r.id) == "Patience");
    CHECK(cats.add("patience").field == "category");
    CHECK(cats.add("").field == "category");
    CHECK(cats.add("Words").field == "category");
    cats.seed_builtin(HEARTH_TEST_ASSETS_DIR);  // seeding again adds nothing
    CHECK(cats.all().size() == 7);
}

TEST_CASE("An appreciation whose day cannot be read shows on the day it was written", "[gratitude][range]") {
    test::TestModel t;
    const Date today = local_date(t.clock.now());
    auto id = t.model.gratitude.add(draft(0, "For the soup", today)).id;
    t.model.db.exec("UPDATE gratitude SET day = '0000-00-00' WHERE id = '" + id + "'");
    auto e = t.model.gratitude.get(id);
    REQUIRE(e);
    CHECK(in_supported_range(e->day));
    CHECK(e->day == today);
    CHECK(local_midnight(e->day) <= t.clock.now());
}
