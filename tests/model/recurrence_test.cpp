#include "recurrence.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

using namespace hearth;
using namespace std::chrono;
using test::LocalZone;
using test::ymd;

namespace {
std::vector<std::string> days_of(const std::vector<Date>& v) {
    std::vector<std::string> out;
    for (auto d : v) out.push_back(format_date(d));
    return out;
}

Recurrence weekly(unsigned days, int every = 1, std::optional<Date> until = std::nullopt) {
    Recurrence r;
    r.repeat = Repeat::weekly;
    r.weekdays = days;
    r.interval_weeks = every;
    r.until = until;
    return r;
}

Recurrence daily(std::optional<Date> until = std::nullopt) {
    Recurrence r;
    r.repeat = Repeat::daily;
    r.until = until;
    return r;
}

int utc_hour(WallTime t) {
    auto s = floor<seconds>(t);
    return int(hh_mm_ss{s - floor<days>(s)}.hours().count());
}
} // namespace

TEST_CASE("A daily ritual runs across the end of a month and of a year", "[recurrence]") {
    auto v = expand(daily(), ymd(2026, 12, 29), ymd(2026, 12, 1), ymd(2027, 1, 3));
    CHECK(days_of(v) == std::vector<std::string>{"2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02",
                                                 "2027-01-03"});
    // February in a leap year and the month end after it.
    auto leap = expand(daily(), ymd(2028, 2, 27), ymd(2028, 2, 27), ymd(2028, 3, 1));
    CHECK(days_of(leap) == std::vector<std::string>{"2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"});
}

TEST_CASE("A ritual on chosen weekdays crosses a month end", "[recurrence]") {
    // 2026-09-28 is a Monday.
    auto v = expand(weekly(kMonday | kWednesday), ymd(2026, 9, 28), ymd(2026, 9, 1), ymd(2026, 10, 11));
    CHECK(days_of(v) == std::vector<std::string>{"2026-09-28", "2026-09-30", "2026-10-05", "2026-10-07"});
    CHECK(byday_list(kMonday | kWednesday) == "MO,WE");
    CHECK(byday_list(kSunday | kMonday) == "MO,SU");
}

TEST_CASE("Every N weeks counts ISO weeks from the start, across a 53-week year", "[recurrence]") {
    // 2026 has 53 ISO weeks; 2026-12-20 is a Sunday (W51).
    auto v = expand(weekly(kSunday, 2), ymd(2026, 12, 20), ymd(2026, 12, 1), ymd(2027, 1, 31));
    CHECK(days_of(v) == std::vector<std::string>{"2026-12-20", "2027-01-03", "2027-01-17", "2027-01-31"});
    CHECK(iso_week(ymd(2027, 1, 3)) == IsoWeek{2026, 53});

    // Starting on a Wednesday: that week's Monday has passed, the next Monday
    // is in an off week, so the first Monday comes two weeks on.
    auto w = expand(weekly(kMonday | kWednesday, 2), ymd(2026, 9, 23), ymd(2026, 9, 21), ymd(2026, 10, 21));
    CHECK(days_of(w) == std::vector<std::string>{"2026-09-23", "2026-10-05", "2026-10-07", "2026-10-19", "2026-10-21"});
    CHECK(next_occurrence(weekly(kMonday, 3), ymd(2026, 9, 23), ymd(2026, 9, 23)) == ymd(2026, 10, 12));
}

TEST_CASE("An end day is the last day, inclusive; before the start there is nothing", "[recurrence]") {
    auto r = daily(ymd(2026, 10, 2));
    CHECK(days_of(expand(r, ymd(2026, 9, 30), ymd(2026, 9, 1), ymd(2026, 12, 31))) ==
          std::vector<std::string>{"2026-09-30", "2026-10-01", "2026-10-02"});
    CHECK_FALSE(occurs_on(r, ymd(2026, 9, 30), ymd(2026, 9, 29)));
    CHECK_FALSE(occurs_on(r, ymd(2026, 9, 30), ymd(2026, 10, 3)));
    Recurrence once;
    CHECK(days_of(expand(once, ymd(2026, 9, 30), ymd(2026, 9, 1), ymd(2026, 12, 31))) ==
          std::vector<std::string>{"2026-09-30"});
    CHECK(expand(once, ymd(2026, 9, 30), ymd(2026, 10, 1), ymd(2026, 12, 31)).empty());
}

TEST_CASE("Rules that cannot work are refused with the field and a reason", "[recurrence]") {
    Date mon = ymd(2026, 9, 21);
    auto none = recurrence_problem(weekly(0), mon);
    REQUIRE(none);
    CHECK(none->field == "weekdays");
    auto zero = recurrence_problem(weekly(kMonday, 0), mon);
    REQUIRE(zero);
    CHECK(zero->field == "interval");
    CHECK(recurrence_problem(weekly(kMonday, -2), mon)->field == "interval");
    auto before = recurrence_problem(daily(ymd(2026, 9, 20)), mon);
    REQUIRE(before);
    CHECK(before->field == "until");
    CHECK_THAT(before->why, Catch::Contains("before the start"));
    // Sundays only, ending on the Saturday: never happens.
    auto never = recurrence_problem(weekly(kSunday, 1, ymd(2026, 9, 26)), mon);
    REQUIRE(never);
    CHECK(never->field == "until");
    CHECK_FALSE(recurrence_problem(weekly(kSunday, 1, ymd(2026, 9, 27)), mon));
    CHECK_FALSE(recurrence_problem(daily(), mon));
    CHECK_FALSE(recurrence_problem(Recurrence{}, mon));
}

TEST_CASE("Clock times parse and format as HH:MM", "[recurrence]") {
    CHECK(parse_hhmm("19:00") == 19 * 60);
    CHECK(parse_hhmm("9:05") == 9 * 60 + 5);
    CHECK(parse_hhmm("00:00") == 0);
    CHECK(parse_hhmm("23:59") == 23 * 60 + 59);
    CHECK_FALSE(parse_hhmm("24:00"));
    CHECK_FALSE(parse_hhmm("12:60"));
    CHECK_FALSE(parse_hhmm("1200"));
    CHECK_FALSE(parse_hhmm("ab:cd"));
    CHECK(format_hhmm(19 * 60 + 5) == "19:05");
    CHECK(format_hhmm(0) == "00:00");
}

TEST_CASE("A 19:00 ritual stays at 19:00 local across daylight-saving changes (Berlin)", "[recurrence][dst]") {
    LocalZone zone("Europe/Berlin");
    // Summer time ends on Sunday 2026-10-25.
    auto autumn = expand(daily(), ymd(2026, 10, 24), ymd(2026, 10, 24), ymd(2026, 10, 26));
    REQUIRE(autumn.size() == 3);
    for (auto d : autumn) {
        INFO(format_date(d));
        CHECK(local_clock_time(local_at(d, 19 * 60)) == "19:00");
        CHECK(local_date(local_at(d, 19 * 60)) == d);
    }
    CHECK(utc_hour(local_at(autumn[0], 19 * 60)) == 17);  // CEST, UTC+2
    CHECK(utc_hour(local_at(autumn[1], 19 * 60)) == 18);  // CET, UTC+1
    CHECK(local_at(autumn[1], 19 * 60) - local_at(autumn[0], 19 * 60) == hours{25});
    // Summer time starts on Sunday 2026-03-29: that day has 23 hours.
    auto spring = expand(weekly(kSaturday | kSunday), ymd(2026, 3, 28), ymd(2026, 3, 28), ymd(2026, 3, 29));
    REQUIRE(spring.size() == 2);
    CHECK(local_clock_time(local_at(spring[1], 19 * 60)) == "19:00");
    CHECK(local_at(spring[1], 19 * 60) - local_at(spring[0], 19 * 60) == hours{23});
}

TEST_CASE("A 19:00 ritual stays at 19:00 local across daylight-saving changes (New York)", "[recurrence][dst]") {
    LocalZone zone("America/New_York");
    // Daylight time ends on Sunday 2026-11-01; weekly on Saturdays and Sundays.
    auto v = expand(weekly(kSaturday | kSunday), ymd(2026, 10, 31), ymd(2026, 10, 31), ymd(2026, 11, 8));
    CHECK(days_of(v) == std::vector<std::string>{"2026-10-31", "2026-11-01", "2026-11-07", "2026-11-08"});
    for (auto d : v) CHECK(local_clock_time(local_at(d, 19 * 60)) == "19:00");
    CHECK(utc_hour(local_at(v[0], 19 * 60)) == 23);  // EDT, UTC-4
    CHECK(utc_hour(local_at(v[1], 19 * 60)) == 0);   // EST, UTC-5: next UTC day
    // Starts on Sunday 2026-03-08.
    CHECK(local_at(ymd(2026, 3, 8), 19 * 60) - local_at(ymd(2026, 3, 7), 19 * 60) == hours{23});
}
