#include "demo_data.h"
#include "utf8.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <string>
#include <vector>

using namespace hearth;

namespace {

struct EmptyModel {
    FakeClock clock{WallTime{std::chrono::seconds{1'790'000'000}}};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
};

std::vector<GratitudeEntry> all_entries(Model& m) {
    return m.gratitude.page(GratitudeFilter{}, 0, 1'000'000);
}

std::vector<std::string> texts_of(const std::vector<GratitudeEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.text);
    return out;
}

} // namespace

TEST_CASE("The demo couple is Maya and Sam with a category of their own", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& couple = t.model.couple;
    REQUIRE(couple.is_set_up());
    CHECK(couple.partner(0).name == "Maya");
    CHECK(couple.partner(0).color == Rgb{196, 88, 72});
    CHECK(couple.partner(1).name == "Sam");
    CHECK(couple.partner(1).color == Rgb{58, 122, 180});

    int own = 0;
    for (const auto& c : t.model.categories.all())
        if (!c.builtin) ++own;
    CHECK(own == 1);
}

TEST_CASE("Demo appreciations cover half a year ending today, both ways", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    const Date today = local_date(t.clock.now());
    const Date this_monday = week_start(today);
    const auto now_text = format_utc(t.clock.now());

    auto entries = all_entries(t.model);
    CHECK(int(entries.size()) == t.model.gratitude.count({}));
    CHECK(entries.size() >= 100);
    CHECK(entries.size() <= 400);

    std::set<std::string> categories_used;
    int uncategorised = 0, older = 0, older_shared = 0;
    std::array<int, 2> from{};
    for (const auto& e : entries) {
        INFO(e.text);
        CHECK(e.day <= today);
        CHECK(days_between(e.day, today) < 26 * 7);
        CHECK(e.to_slot == 1 - e.from_slot);
        CHECK(e.created_at <= now_text);
        CHECK(e.updated_at >= e.created_at);
        ++from[std::size_t(e.from_slot)];
        if (e.category_id) {
            CHECK(t.model.categories.exists(*e.category_id));
            categories_used.insert(*e.category_id);
        } else {
            ++uncategorised;
        }
        if (e.day >= this_monday) {
            CHECK_FALSE(e.shared_in_review);
        } else {
            ++older;
            older_shared += e.shared_in_review;
        }
    }
    // Both directions, every category including the couple's own, some left blank.
    CHECK(from[0] > 50);
    CHECK(from[1] > 50);
    CHECK(categories_used.size() == t.model.categories.all().size());
    CHECK(uncategorised > 0);
    CHECK(uncategorised < int(entries.size()) / 3);
    // Most of the older weeks went through a weekly review.
    CHECK(older_shared * 10 > older * 6);
    CHECK(older_shared < older);

    // Every one of the 26 weeks has something from both partners.
    for (int w = 0; w < 26; ++w) {
        auto week = t.model.gratitude.week(add_days(this_monday, -7 * w));
        INFO("week " << w);
        CHECK(week.given[0] >= 2);
        CHECK(week.given[1] >= 2);
        CHECK(week.given[0] <= 7);
        CHECK(week.given[1] <= 7);
    }
}

TEST_CASE("This week in the demo has notes from both, so the nudge shows", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto week = t.model.gratitude.week(local_date(t.clock.now()));
    CHECK(week.given[0] > 0);
    CHECK(week.given[1] > 0);
    CHECK(week.given[0] + week.given[1] >= 4);
    CHECK(week.invite_slot.has_value());
    CHECK_FALSE(week.newest.empty());
}

TEST_CASE("The demo works just after midnight on a Monday, too", "[demo]") {
    // 2026-09-21 00:05 UTC: in most zones the week has barely begun.
    FakeClock clock{WallTime{std::chrono::seconds{1'790'000'000 - 14 * 3600 - 13 * 60 - 20 + 5 * 60}}};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    fill_demo_data(model);
    const Date today = local_date(clock.now());
    auto week = model.gratitude.week(today);
    CHECK(week.given[0] == 3);
    CHECK(week.given[1] == 2);
    for (const auto& e : all_entries(model)) {
        CHECK(e.day <= today);
        CHECK(e.created_at <= format_utc(clock.now()));
    }
}

TEST_CASE("Demo texts are valid, varied UTF-8 within the limit", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto entries = all_entries(t.model);
    std::set<std::string> distinct;
    bool astral = false, curly = false, accented = false;
    for (const auto& e : entries) {
        INFO(e.text);
        CHECK(is_valid_utf8(e.text));
        CHECK(codepoint_count(e.text) <= kMaxGratitudeChars);
        CHECK(codepoint_count(e.text) >= 20);
        CHECK_FALSE(trim(e.text).empty());
        astral = astral || has_astral(e.text);
        curly = curly || e.text.find("’") != std::string::npos;
        accented = accented || e.text.find("é") != std::string::npos || e.text.find("ë") != std::string::npos;
        distinct.insert(e.text);
    }
    CHECK(astral);
    CHECK(curly);
    CHECK(accented);
    // Nobody writes the same appreciation twice in half a year.
    CHECK(distinct.size() == entries.size());
}

TEST_CASE("The demo is the same for the same seed", "[demo]") {
    EmptyModel a, b, c;
    fill_demo_data(a.model, 7);
    fill_demo_data(b.model, 7);
    fill_demo_data(c.model, 8);
    auto ea = all_entries(a.model), eb = all_entries(b.model);
    REQUIRE(ea.size() == eb.size());
    CHECK(texts_of(ea) == texts_of(eb));
    for (std::size_t i = 0; i < ea.size(); ++i) {
        INFO(i);
        CHECK(ea[i].day == eb[i].day);
        CHECK(ea[i].from_slot == eb[i].from_slot);
        CHECK(ea[i].created_at == eb[i].created_at);
        CHECK(ea[i].shared_in_review == eb[i].shared_in_review);
        CHECK(ea[i].category_id.has_value() == eb[i].category_id.has_value());
    }
    CHECK(texts_of(ea) != texts_of(all_entries(c.model)));
}

TEST_CASE("A long history spreads its entries over the years ending today", "[demo]") {
    EmptyModel t;
    fill_long_history(t.model, 10, 5000);
    REQUIRE(t.model.couple.is_set_up());
    CHECK(t.model.couple.partner(0).name == "Maya");
    CHECK(t.model.gratitude.count({}) == 5000);

    const Date today = local_date(t.clock.now());
    auto entries = all_entries(t.model);
    REQUIRE(entries.size() == 5000);
    CHECK(entries.front().day == today);
    int oldest = days_between(entries.back().day, today);
    CHECK(oldest >= 3640);
    CHECK(oldest <= 3660);

    std::array<int, 2> from{};
    std::set<Date> days;
    for (const auto& e : entries) {
        auto n = codepoint_count(e.text);
        INFO(e.text);
        CHECK(is_valid_utf8(e.text));
        CHECK(n >= 20);
        CHECK(n <= 400);
        ++from[std::size_t(e.from_slot)];
        days.insert(e.day);
    }
    CHECK(from[0] > 2000);
    CHECK(from[1] > 2000);
    // Evenly spread: with more entries than days, every day has at least one.
    CHECK(int(days.size()) == oldest + 1);
}

TEST_CASE("A long history can be added after the demo without a second couple", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    int before = t.model.gratitude.count({});
    auto maya = t.model.couple.partner(0).id;
    auto categories = t.model.categories.all().size();
    fill_long_history(t.model, 1, 300);
    CHECK(t.model.gratitude.count({}) == before + 300);
    CHECK(t.model.couple.partner(0).id == maya);
    CHECK(t.model.categories.all().size() == categories);
}

// Not run by default: `model_tests "[.demo-speed]"` prints the 100k-row time.
TEST_CASE("A long history of 100,000 appreciations is written quickly", "[.demo-speed]") {
    EmptyModel t;
    auto start = std::chrono::steady_clock::now();
    fill_long_history(t.model, 10, 100'000);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    WARN("100,000 appreciations in " << ms.count() << " ms");
    CHECK(t.model.gratitude.count({}) == 100'000);
}
