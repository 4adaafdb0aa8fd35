#include "time_util.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

TEST_CASE("UTC timestamps format and parse back", "[time]") {
    WallTime t = sys_days{2026y / November / 22} + 18h + 34min + 57s + 123ms;
    CHECK(format_utc(t) == "2026-11-22T18:34:57.123Z");
    CHECK(parse_utc("2026-11-22T18:34:57.123Z") == t);
    CHECK(parse_utc("2026-11-22T18:34:57Z") == t - 123ms);
    CHECK_FALSE(parse_utc("2026-11-22 18:34:57Z"));
    CHECK_FALSE(parse_utc("2026-02-30T00:00:00Z"));
}

TEST_CASE("Dates are strict YYYY-MM-DD real days", "[time]") {
    CHECK(parse_date("2024-02-29") == Date{2024y / February / 29});
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2023-2-9"));
    CHECK(format_date(2026y / January / 5) == "2026-01-05");
    CHECK(format_day_human(2026y / November / 22) == "Sun 22 Nov 2026");
}

TEST_CASE("ISO weeks start on Monday and belong to the year of their Thursday", "[time]") {
    CHECK(week_start(2026y / November / 22) == Date{2026y / November / 16});
    CHECK(week_start(2026y / November / 16) == Date{2026y / November / 16});
    CHECK(iso_week(2026y / November / 22) == IsoWeek{2026, 47});
    // Year ends: 2020-12-31 is in 2020-W53; 2021-01-03 too; 2024-12-30 is 2025-W01.
    CHECK(iso_week(2020y / December / 31) == IsoWeek{2020, 53});
    CHECK(iso_week(2021y / January / 3) == IsoWeek{2020, 53});
    CHECK(iso_week(2024y / December / 30) == IsoWeek{2025, 1});
    CHECK(iso_week_monday({2025, 1}) == Date{2024y / December / 30});
    CHECK(iso_weeks_in_year(2020) == 53);
    CHECK(iso_weeks_in_year(2021) == 52);
    CHECK(format_iso_week({2026, 7}) == "2026-W07");
    CHECK(parse_iso_week("2020-W53") == IsoWeek{2020, 53});
    CHECK_FALSE(parse_iso_week("2021-W53"));
    CHECK_FALSE(parse_iso_week("2021-W00"));
}

TEST_CASE("Local days follow the time zone", "[time]") {
    WallTime late = sys_days{2026y / November / 22} + 23h + 30min;  // 23:30 UTC
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    CHECK(local_date(late) == Date{2026y / November / 23});
    CHECK(local_clock_time(late) == "00:30");
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK(local_date(late) == Date{2026y / November / 22});
}

TEST_CASE("Times and days outside 1970..2199 are refused, never wrapped", "[time]") {
    // A nanosecond clock wraps past 2262 and before 1678: such a stamp must not
    // parse into some other moment that then "wins" a merge.
    CHECK_FALSE(parse_utc("1500-01-01T00:00:00.000Z"));
    CHECK_FALSE(parse_utc("2263-01-01T00:00:00.000Z"));
    CHECK_FALSE(parse_utc("9999-12-31T23:59:59.999Z"));
    CHECK_FALSE(parse_utc("0001-01-01T00:00:00Z"));
    CHECK_FALSE(parse_utc("1969-12-31T23:59:59.999Z"));
    CHECK_FALSE(parse_utc("2200-01-01T00:00:00.000Z"));
    CHECK(parse_utc("1970-01-01T00:00:00.000Z") == WallTime{});
    auto last = parse_utc("2199-12-31T23:59:59.999Z");
    REQUIRE(last);
    CHECK(format_utc(*last) == "2199-12-31T23:59:59.999Z");
    CHECK(*last > *parse_utc("2026-11-22T18:34:57.123Z"));

    CHECK_FALSE(parse_date("0001-01-01"));
    CHECK_FALSE(parse_date("1969-12-31"));
    CHECK_FALSE(parse_date("2200-01-01"));
    CHECK(parse_date("1970-01-01"));
    CHECK(parse_date("2199-12-31"));
    CHECK_FALSE(parse_iso_week("9999-W01"));
    CHECK_FALSE(parse_iso_week("1969-W10"));
    CHECK(parse_iso_week("2199-W10"));
    CHECK(in_supported_range(Date{2026y / November / 22}));
    CHECK_FALSE(in_supported_range(Date{2200y / January / 1}));
}
