#include "ics_export.h"
#include "test_support.h"
#include "utf8.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace hearth;
using namespace std::chrono;
using test::ymd;

namespace {
const Date kToday = ymd(2026, 9, 21);

PlanDraft one_off(const std::string& title, Date day, int start_minute, int length = 60) {
    PlanDraft d = test::one_off(title, day, start_minute, length);
    d.phones_away = false;
    return d;
}

// The physical lines, each checked against the rules: CRLF ends, at most 75
// octets, no bare CR or LF, continuation lines start with a space, and no line
// breaks a UTF-8 sequence.
std::vector<std::string> checked_lines(const std::string& ics) {
    std::vector<std::string> lines;
    REQUIRE(ics.size() >= 2);
    REQUIRE(ics.substr(ics.size() - 2) == "\r\n");
    size_t pos = 0;
    while (pos < ics.size()) {
        size_t crlf = ics.find("\r\n", pos);
        REQUIRE(crlf != std::string::npos);
        std::string line = ics.substr(pos, crlf - pos);
        INFO("line " << lines.size() + 1 << ": " << line);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.size() <= 75);
        CHECK_FALSE(line.empty());
        CHECK(is_valid_utf8(line));  // a fold never splits a character
        if (lines.empty()) CHECK(line[0] != ' ');
        lines.push_back(line);
        pos = crlf + 2;
    }
    return lines;
}

// The logical content lines, after unfolding.
std::vector<std::string> content_lines(const std::string& ics) {
    checked_lines(ics);
    std::vector<std::string> out;
    std::string u = ics_unfold(ics);
    size_t pos = 0;
    while (pos < u.size()) {
        size_t crlf = u.find("\r\n", pos);
        out.push_back(u.substr(pos, crlf - pos));
        pos = crlf + 2;
    }
    return out;
}

std::vector<std::string> with_prefix(const std::vector<std::string>& lines, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.rfind(prefix, 0) == 0) out.push_back(l);
    return out;
}

int count_of(const std::vector<std::string>& lines, const std::string& exact) {
    int n = 0;
    for (const auto& l : lines) n += l == exact;
    return n;
}
} // namespace

TEST_CASE("Folding keeps lines within 75 octets and never splits a character", "[ics]") {
    CHECK(ics_fold(std::string(75, 'a')) == std::string(75, 'a') + "\r\n");
    CHECK(ics_fold(std::string(76, 'a')) == std::string(75, 'a') + "\r\n " + "a\r\n");
    CHECK(ics_fold(std::string(75 + 74 + 1, 'b')) ==
          std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n " + "b\r\n");
    // 74 ASCII bytes then a 3-byte character: it moves to the next line whole.
    std::string s = std::string(74, 'x') + "\xE2\x82\xAC" + "end";
    auto folded = ics_fold(s);
    CHECK(folded == std::string(74, 'x') + "\r\n \xE2\x82\xAC" "end\r\n");
    CHECK(ics_unfold(folded) == s + "\r\n");
    // An escape is not split between lines.
    std::string esc = std::string(74, 'e') + "\\,after";
    auto fe = ics_fold(esc);
    CHECK(fe == std::string(74, 'e') + "\r\n \\,after\r\n");
    CHECK(ics_unfold(fe) == esc + "\r\n");
    // Four-byte characters at every offset.
    for (int pad = 0; pad < 4; ++pad) {
        std::string t = "SUMMARY:" + std::string(size_t(pad), '.');
        for (int i = 0; i < 60; ++i) t += "\xF0\x9F\x8C\xBB";
        auto f = ics_fold(t);
        checked_lines(f);
        CHECK(ics_unfold(f) == t + "\r\n");
    }
}

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines", "[ics]") {
    CHECK(ics_escape_text("a;b,c\\d") == "a\\;b\\,c\\\\d");
    CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(ics_escape_text("tab\there") == "tab\there");
    CHECK(ics_escape_text(std::string("nul\0bell\x07", 9)) == "nulbell");
    CHECK(ics_escape_text("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("The calendar file follows RFC 5545 line by line", "[ics]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    PlanDraft d = one_off("Dinner; then dancing, maybe \xF0\x9F\x92\x83 \xE2\x80\x94 at Caf\xC3\xA9 "
                          "Lumi\xC3\xA8re with the long name that needs folding",
                          ymd(2026, 9, 25), 19 * 60 + 30, 150);
    d.place = "Rue des Fleurs 3, Lyon";
    d.notes = "Book the table by the window.\nBring the voucher \\ gift card; don't forget!";
    d.phones_away = true;
    d.suggested_by = 1;
    auto r = pl.add(d);
    REQUIRE(r.ok());

    const std::string ics = ics_for_upcoming(pl, t.clock);
    auto lines = content_lines(ics);
    REQUIRE(lines.size() > 10);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(count_of(lines, "VERSION:2.0") == 1);
    CHECK(with_prefix(lines, "PRODID:").size() == 1);
    CHECK(count_of(lines, "BEGIN:VEVENT") == 1);
    CHECK(count_of(lines, "END:VEVENT") == 1);
    CHECK(count_of(lines, "UID:" + r.id + "@hearth") == 1);
    CHECK(count_of(lines, "DTSTAMP:20260921T141320Z") == 1);
    CHECK(count_of(lines, "DTSTART:20260925T193000") == 1);  // floating local time
    CHECK(count_of(lines, "DTEND:20260925T220000") == 1);
    CHECK(count_of(lines, "SEQUENCE:0") == 1);
    CHECK(count_of(lines, "SUMMARY:Dinner\\; then dancing\\, maybe \xF0\x9F\x92\x83 \xE2\x80\x94 at Caf\xC3\xA9 "
                          "Lumi\xC3\xA8re with the long name that needs folding") == 1);
    CHECK(count_of(lines, "LOCATION:Rue des Fleurs 3\\, Lyon") == 1);
    CHECK(count_of(lines, "DESCRIPTION:Book the table by the window.\\nBring the voucher \\\\ gift card\\; "
                          "don't forget!\\n\\nPhones away.\\n\\nSuggested by Sam.") == 1);
    CHECK(count_of(lines, "CATEGORIES:Date") == 1);
    // The long SUMMARY was folded: some physical line is a continuation.
    auto physical = checked_lines(ics);
    CHECK(physical.size() > lines.size());
    for (const auto& l : physical) CHECK((l[0] == ' ' || l.find(':') != std::string::npos));
    // No DTSTART/DTEND carries a zone or a Z: one style throughout.
    for (const auto& l : with_prefix(lines, "DT"))
        if (l.rfind("DTSTAMP", 0) != 0) CHECK(l.back() != 'Z');
}

TEST_CASE("A plan keeps its UID across exports; SEQUENCE grows with changes", "[ics]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto r = pl.add(one_off("Picnic", ymd(2026, 9, 27), 12 * 60, 120));
    REQUIRE(r.ok());
    auto first = content_lines(ics_for_upcoming(pl, t.clock));
    t.clock.advance(minutes{5});
    auto second = content_lines(ics_for_upcoming(pl, t.clock));
    CHECK(with_prefix(first, "UID:") == with_prefix(second, "UID:"));
    CHECK(with_prefix(first, "UID:") == std::vector<std::string>{"UID:" + r.id + "@hearth"});
    CHECK(with_prefix(second, "SEQUENCE:") == std::vector<std::string>{"SEQUENCE:0"});
    CHECK(with_prefix(second, "DTSTAMP:") == std::vector<std::string>{"DTSTAMP:20260921T141820Z"});

    PlanDraft d = pl.get(r.id)->draft();
    d.title = "Picnic by the lake";
    REQUIRE(pl.update(r.id, d).ok());
    auto third = content_lines(ics_for_upcoming(pl, t.clock));
    CHECK(with_prefix(third, "UID:") == with_prefix(first, "UID:"));
    CHECK(with_prefix(third, "SEQUENCE:") == std::vector<std::string>{"SEQUENCE:1"});
    CHECK(count_of(third, "SUMMARY:Picnic by the lake") == 1);
}

TEST_CASE("Rituals carry RRULE, EXDATE for skips and RECURRENCE-ID for moves and changes", "[ics]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    // Every two weeks on Monday and Wednesday at 19:00, from Tuesday: the first is Wednesday the 23rd.
    PlanDraft w = one_off("Cook together", ymd(2026, 9, 22), 19 * 60, 90);
    w.kind_id = "ritual";
    w.recurrence.repeat = Repeat::weekly;
    w.recurrence.weekdays = kMonday | kWednesday;
    w.recurrence.interval_weeks = 2;
    auto cook = pl.add(w);
    REQUIRE(cook.ok());
    PlanDraft dl = one_off("Goodnight talk", ymd(2026, 9, 1), 22 * 60 + 30, 15);
    dl.recurrence.repeat = Repeat::daily;
    auto talk = pl.add(dl);
    REQUIRE(talk.ok());

    REQUIRE(pl.skip(cook.id, ymd(2026, 10, 5)).ok());
    REQUIRE(pl.move_occurrence(cook.id, ymd(2026, 10, 7), ymd(2026, 10, 8), 18 * 60).ok());
    OccurrenceChange c;
    c.title = "Cook with friends";
    c.length_minutes = 180;
    REQUIRE(pl.change_occurrence(cook.id, ymd(2026, 10, 19), c).ok());
    REQUIRE(pl.end_ritual(talk.id, ymd(2026, 12, 31)).ok());

    auto lines = content_lines(ics_for_upcoming(pl, t.clock));
    CHECK(count_of(lines, "BEGIN:VEVENT") == 4);  // two series, two overrides
    CHECK(count_of(lines, "END:VEVENT") == 4);
    CHECK(count_of(lines, "UID:" + cook.id + "@hearth") == 3);
    CHECK(count_of(lines, "UID:" + talk.id + "@hearth") == 1);
    CHECK(count_of(lines, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=MO") == 1);
    CHECK(count_of(lines, "RRULE:FREQ=DAILY;UNTIL=20261231T235959") == 1);
    CHECK(count_of(lines, "DTSTART:20260923T190000") == 1);  // the series' first occurrence
    CHECK(count_of(lines, "DTEND:20260923T203000") == 1);
    CHECK(count_of(lines, "DTSTART:20260901T223000") == 1);
    // The skip is an EXDATE; the move is not (its override would be cancelled too).
    CHECK(with_prefix(lines, "EXDATE") == std::vector<std::string>{"EXDATE:20261005T190000"});
    CHECK(with_prefix(lines, "RECURRENCE-ID") ==
          std::vector<std::string>{"RECURRENCE-ID:20261007T190000", "RECURRENCE-ID:20261019T190000"});
    CHECK(count_of(lines, "DTSTART:20261008T180000") == 1);
    CHECK(count_of(lines, "DTEND:20261008T193000") == 1);
    CHECK(count_of(lines, "SUMMARY:Cook with friends") == 1);
    CHECK(count_of(lines, "DTEND:20261019T220000") == 1);
    // Every component of a plan carries the plan's SEQUENCE (3 changes to the cooking ritual).
    CHECK(count_of(lines, "SEQUENCE:3") == 3);
    CHECK(count_of(lines, "SEQUENCE:1") == 1);
    // An override VEVENT holds RECURRENCE-ID and no RRULE: RRULE lines equal series.
    CHECK(with_prefix(lines, "RRULE:").size() == 2);
}

TEST_CASE("Only upcoming plans and rituals are exported", "[ics]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto past = pl.add(one_off("Yesterday's walk", ymd(2026, 9, 20), 10 * 60));
    auto now_on = pl.add(one_off("Going on now", kToday, 14 * 60, 60));     // 14:00-15:00, it is 14:13
    auto skipped = pl.add(one_off("Cancelled concert", ymd(2026, 9, 30), 20 * 60));
    PlanDraft ended = one_off("Old ritual", ymd(2026, 8, 1), 8 * 60);
    ended.recurrence.repeat = Repeat::daily;
    ended.recurrence.until = ymd(2026, 9, 20);
    auto old_ritual = pl.add(ended);
    REQUIRE((past.ok() && now_on.ok() && skipped.ok() && old_ritual.ok()));
    REQUIRE(pl.skip(skipped.id, ymd(2026, 9, 30)).ok());

    auto lines = content_lines(ics_for_upcoming(pl, t.clock));
    CHECK(count_of(lines, "UID:" + past.id + "@hearth") == 0);
    CHECK(count_of(lines, "UID:" + old_ritual.id + "@hearth") == 0);
    CHECK(count_of(lines, "UID:" + now_on.id + "@hearth") == 1);
    CHECK(count_of(lines, "UID:" + skipped.id + "@hearth") == 1);
    CHECK(count_of(lines, "STATUS:CANCELLED") == 1);
    CHECK(count_of(lines, "STATUS:CONFIRMED") == 1);

    // An empty planner is still a valid calendar.
    test::TestModel empty;
    auto e = content_lines(ics_for_upcoming(empty.model.planner, empty.clock));
    CHECK(e.front() == "BEGIN:VCALENDAR");
    CHECK(e.back() == "END:VCALENDAR");
    CHECK(count_of(e, "BEGIN:VEVENT") == 0);
}

TEST_CASE("export_ics writes the file whole, or explains why not", "[ics]") {
    test::TestModel t;
    test::TempDir dir;
    auto& pl = t.model.planner;
    REQUIRE(pl.add(one_off("Stargazing \xE2\x98\x85", ymd(2026, 9, 26), 21 * 60, 90)).ok());
    auto file = dir / "hearth.ics";
    export_ics(pl, t.clock, file);
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == ics_for_upcoming(pl, t.clock));
    // Again over the old file: replaced, and no temporary file is left behind.
    export_ics(pl, t.clock, file);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
    CHECK(files == 1);

    CHECK_THROWS_WITH(export_ics(pl, t.clock, dir.path()), Catch::Contains(dir.path().string()));
    CHECK_THROWS_WITH(export_ics(pl, t.clock, dir / "no-such-folder" / "x.ics"), Catch::Contains("x.ics"));
}
