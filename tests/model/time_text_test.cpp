#include "time_text.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("Times of day are written and read one way everywhere", "[time]") {
    CHECK(format_hh_mm(0) == "00:00");
    CHECK(format_hh_mm(19 * 60 + 30) == "19:30");
    CHECK(format_hh_mm(24 * 60 + 5) == "23:59");
    CHECK(format_hh_mm(-3) == "00:00");
    CHECK(parse_hh_mm("9:05") == 9 * 60 + 5);
    CHECK(parse_hh_mm(" 21:40 ") == 21 * 60 + 40);
    CHECK(parse_hh_mm("00:00") == 0);
    for (const char* bad : {"", "24:00", "7:5", "7:60", "ab:cd", "19", "19:300", ":30", "123:00", "-1:00", "1 9:00"}) {
        INFO(bad);
        CHECK_FALSE(parse_hh_mm(bad));
    }
    for (int m = 0; m < 24 * 60; m += 7) CHECK(parse_hh_mm(format_hh_mm(m)) == m);
}

TEST_CASE("Lengths and countdowns read naturally", "[time]") {
    CHECK(format_length(45) == "45 min");
    CHECK(format_length(60) == "1 h");
    CHECK(format_length(90) == "1 h 30");
    CHECK(format_length(24 * 60) == "1 day");
    CHECK(format_length(2 * 24 * 60 + 180) == "2 days 3 h");
    CHECK(format_seconds_prose(60) == "1 minute");
    CHECK(format_seconds_prose(1200) == "20 minutes");
    CHECK(format_seconds_prose(90) == "90 seconds");
    CHECK(format_countdown(299) == "04:59");
    CHECK(format_countdown(3600) == "1:00:00");
    CHECK(format_countdown(-5) == "00:00");
    CHECK(format_time_spent(45) == "45 min");
    CHECK(format_time_spent(65) == "1 h 05");
    CHECK(format_time_spent(120) == "2 h 00");
    CHECK(format_days_ago(0) == "today");
    CHECK(format_days_ago(1) == "yesterday");
    CHECK(format_days_ago(9) == "9 days ago");
}
