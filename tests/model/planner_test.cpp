#include "test_support.h"
#include "uuid.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <set>

using namespace hearth;
using namespace std::chrono;
using test::LocalZone;
using test::one_off;
using test::ymd;

namespace {

// The test clock: Monday 2026-09-21 14:13:20 UTC (TZ is UTC in tests).
const Date kToday = ymd(2026, 9, 21);

PlanDraft ritual(std::string title, Date start, int start_minute, unsigned weekdays, int every = 1, int length = 30) {
    PlanDraft d = one_off(std::move(title), start, start_minute, length);
    d.kind_id = "ritual";
    d.recurrence.repeat = Repeat::weekly;
    d.recurrence.weekdays = weekdays;
    d.recurrence.interval_weeks = every;
    return d;
}

PlanDraft daily_ritual(std::string title, Date start, int start_minute, int length = 15) {
    PlanDraft d = one_off(std::move(title), start, start_minute, length);
    d.kind_id = "ritual";
    d.recurrence.repeat = Repeat::daily;
    return d;
}

std::vector<std::string> days_of(const std::vector<Occurrence>& v) {
    std::vector<std::string> out;
    for (const auto& o : v) out.push_back(format_date(o.day));
    return out;
}
} // namespace

TEST_CASE("A plan is saved with everything the couple gave it", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    PlanDraft d = one_off("Dinner at Lumi\xC3\xA8re \xF0\x9F\x8C\xBB", ymd(2026, 9, 25), 19 * 60 + 30, 120);
    d.place = "Rue des Fleurs 3";
    d.notes = "Book a table by the window.\nBring the voucher.";
    d.suggested_by = 1;
    d.phones_away = true;
    auto r = pl.add(d);
    REQUIRE(r.ok());
    CHECK(looks_like_uuid(r.id));
    auto p = pl.get(r.id);
    REQUIRE(p);
    CHECK(p->title == d.title);  // byte for byte
    CHECK(p->kind_id == "date");
    CHECK(p->day == ymd(2026, 9, 25));
    CHECK(p->start_minute == 19 * 60 + 30);
    CHECK(p->length_minutes == 120);
    CHECK(p->place == d.place);
    CHECK(p->notes == d.notes);
    CHECK(p->suggested_by == 1);
    CHECK(p->phones_away);
    CHECK_FALSE(p->recurring());
    CHECK(p->sequence == 0);
    CHECK(p->created_at == format_utc(t.clock.now()));

    auto occ = pl.occurrences(kToday, add_days(kToday, 6));
    REQUIRE(occ.size() == 1);
    CHECK(occ[0].plan_id == r.id);
    CHECK(occ[0].state == PlanState::planned);
    CHECK(local_clock_time(occ[0].start) == "19:30");
    CHECK(occ[0].end - occ[0].start == minutes{120});
    CHECK(pl.get("no-such-plan") == std::nullopt);
}

TEST_CASE("Bad plans are refused with the field and the reason", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto refused = [&](PlanDraft d) { return pl.add(d); };
    Date day = ymd(2026, 9, 25);

    auto empty = refused(one_off("   ", day, 19 * 60));
    CHECK(empty.field == "title");
    CHECK_FALSE(empty.error.empty());
    CHECK(refused(one_off(std::string(121, 'a'), day, 19 * 60)).field == "title");
    CHECK(pl.add(one_off(std::string(120, 'a'), day, 19 * 60)).ok());
    std::string accents;
    for (int i = 0; i < 120; ++i) accents += "\xC3\xA9";  // 120 characters, 240 bytes
    CHECK(pl.add(one_off(accents, day, 19 * 60)).ok());
    CHECK(refused(one_off("bad \xC3", day, 19 * 60)).field == "title");

    auto zero = refused(one_off("Walk", day, 19 * 60, 0));
    CHECK(zero.field == "length");
    CHECK_THAT(zero.error, Catch::Contains("more than zero"));
    CHECK(refused(one_off("Walk", day, 19 * 60, -30)).field == "length");
    CHECK(refused(one_off("Walk", day, 24 * 60)).field == "time");
    CHECK(refused(one_off("Walk", day, -1)).field == "time");
    CHECK(refused(one_off("Walk", Date{year{2026}, month{2}, std::chrono::day{30}}, 60)).field == "day");

    PlanDraft notes = one_off("Walk", day, 19 * 60);
    notes.notes = std::string(2001, 'n');
    CHECK(refused(notes).field == "notes");
    notes.notes = std::string(2000, 'n');
    CHECK(pl.add(notes).ok());
    PlanDraft kind = one_off("Walk", day, 19 * 60);
    kind.kind_id = "no-such-kind";
    CHECK(refused(kind).field == "kind");
    PlanDraft who = one_off("Walk", day, 19 * 60);
    who.suggested_by = 2;
    CHECK(refused(who).field == "suggested_by");

    auto no_days = refused(ritual("Walk", day, 19 * 60, 0));
    CHECK(no_days.field == "weekdays");
    CHECK_THAT(no_days.error, Catch::Contains("at least one day"));
    CHECK(refused(ritual("Walk", day, 19 * 60, kSunday, 0)).field == "interval");
    PlanDraft ends_early = ritual("Walk", day, 19 * 60, kSunday);
    ends_early.recurrence.until = add_days(day, -1);
    auto before = refused(ends_early);
    CHECK(before.field == "until");
    CHECK_THAT(before.error, Catch::Contains("before the start"));
    PlanDraft long_ritual = ritual("Walk", day, 19 * 60, kSunday, 1, 24 * 60 + 1);
    CHECK(refused(long_ritual).field == "length");
    // A refused plan saves nothing.
    CHECK(pl.plans().size() == 3);
}

TEST_CASE("Moving, skipping or changing one occurrence leaves the rest alone", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    // Mondays and Thursdays at 19:00, from this Monday.
    auto r = pl.add(ritual("Evening walk", kToday, 19 * 60, kMonday | kThursday, 1, 45));
    REQUIRE(r.ok());
    const auto id = r.id;
    auto seq0 = pl.get(id)->sequence;

    REQUIRE(pl.move_occurrence(id, ymd(2026, 9, 24), ymd(2026, 9, 25), 20 * 60).ok());  // Thu -> Fri 20:00
    REQUIRE(pl.skip(id, ymd(2026, 9, 28)).ok());
    OccurrenceChange c;
    c.title = "Walk to the lake";
    c.length_minutes = 90;
    REQUIRE(pl.change_occurrence(id, ymd(2026, 10, 1), c).ok());
    CHECK(pl.get(id)->sequence == seq0 + 3);

    auto occ = pl.occurrences(kToday, ymd(2026, 10, 8));
    CHECK(days_of(occ) ==
          std::vector<std::string>{"2026-09-21", "2026-09-25", "2026-09-28", "2026-10-01", "2026-10-05", "2026-10-08"});
    for (const auto& o : occ) {
        INFO(format_date(o.original_day));
        if (o.original_day == ymd(2026, 9, 24)) {
            CHECK(o.moved);
            CHECK(o.day == ymd(2026, 9, 25));
            CHECK(o.start_minute == 20 * 60);
            CHECK(o.title == "Evening walk");
        } else if (o.original_day == ymd(2026, 9, 28)) {
            CHECK(o.state == PlanState::skipped);
            CHECK_FALSE(o.moved);
        } else if (o.original_day == ymd(2026, 10, 1)) {
            CHECK(o.changed);
            CHECK(o.title == "Walk to the lake");
            CHECK(o.length_minutes == 90);
            CHECK(o.start_minute == 19 * 60);
        } else {
            CHECK_FALSE(o.moved);
            CHECK_FALSE(o.changed);
            CHECK(o.state == PlanState::planned);
            CHECK(o.title == "Evening walk");
            CHECK(o.length_minutes == 45);
            CHECK(local_clock_time(o.start) == "19:00");
        }
    }
    // The plan itself is untouched.
    auto p = pl.get(id);
    CHECK(p->title == "Evening walk");
    CHECK(p->length_minutes == 45);
    CHECK(pl.exceptions(id).size() == 3);

    // Moved into the next week: gone from this one, there in that one.
    REQUIRE(pl.move_occurrence(id, ymd(2026, 10, 8), ymd(2026, 10, 12), 19 * 60).ok());
    CHECK(days_of(pl.week(ymd(2026, 10, 5)).all()) == std::vector<std::string>{"2026-10-05"});
    auto next = pl.week(ymd(2026, 10, 12)).all();
    REQUIRE(next.size() == 3);  // the moved Thursday and Monday's own, then Thursday
    CHECK(next[0].day == ymd(2026, 10, 12));
    CHECK(next[1].day == ymd(2026, 10, 12));
    CHECK(next[0].overlaps);    // same time, same day: shown, not hidden
    CHECK(next[1].overlaps);

    // Back to the rule.
    REQUIRE(pl.reset_occurrence(id, ymd(2026, 10, 8)).ok());
    CHECK(days_of(pl.week(ymd(2026, 10, 5)).all()) == std::vector<std::string>{"2026-10-05", "2026-10-08"});
    // A day the ritual does not have is refused.
    CHECK(pl.skip(id, ymd(2026, 9, 22)).field == "day");
    CHECK(pl.move_occurrence(id, ymd(2026, 9, 21), ymd(2026, 9, 21), 25 * 60).field == "time");
}

TEST_CASE("Moving a one-off plan moves the plan and keeps its history", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto r = pl.add(one_off("Picnic", ymd(2026, 9, 20), 12 * 60, 90));  // yesterday
    REQUIRE(r.ok());
    REQUIRE(pl.mark_done(r.id, ymd(2026, 9, 20)).ok());
    REQUIRE(pl.set_memory(r.id, ymd(2026, 9, 20), "The swans!").ok());
    REQUIRE(pl.move_occurrence(r.id, ymd(2026, 9, 20), ymd(2026, 9, 19), 13 * 60).ok());
    auto p = pl.get(r.id);
    CHECK(p->day == ymd(2026, 9, 19));
    CHECK(p->start_minute == 13 * 60);
    auto o = pl.occurrence(r.id, ymd(2026, 9, 19));
    REQUIRE(o);
    CHECK(o->state == PlanState::done);
    CHECK(o->memory == "The swans!");
    CHECK_FALSE(pl.occurrence(r.id, ymd(2026, 9, 20)));
}

TEST_CASE("Ending a ritual keeps its past, its states and ratings", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto r = pl.add(daily_ritual("Talk before sleep", ymd(2026, 9, 14), 22 * 60));
    REQUIRE(r.ok());
    REQUIRE(pl.mark_done(r.id, ymd(2026, 9, 15)).ok());
    REQUIRE(pl.rate(r.id, ymd(2026, 9, 15), 0, 4).ok());
    REQUIRE(pl.rate(r.id, ymd(2026, 9, 15), 1, 5).ok());
    REQUIRE(pl.set_memory(r.id, ymd(2026, 9, 15), "We laughed about the cat.").ok());
    REQUIRE(pl.skip(r.id, ymd(2026, 9, 16)).ok());

    auto before = pl.end_ritual(r.id, ymd(2026, 9, 13));
    CHECK(before.field == "until");
    REQUIRE(pl.end_ritual(r.id, ymd(2026, 9, 20)).ok());
    CHECK(pl.get(r.id)->recurrence.until == ymd(2026, 9, 20));

    auto past = pl.occurrences(ymd(2026, 9, 14), ymd(2026, 9, 27));
    CHECK(past.size() == 7);  // 14th..20th, nothing after the end
    CHECK(past.back().day == ymd(2026, 9, 20));
    auto done = pl.occurrence(r.id, ymd(2026, 9, 15));
    REQUIRE(done);
    CHECK(done->state == PlanState::done);
    CHECK(done->rating[0] == 4);
    CHECK(done->rating[1] == 5);
    CHECK(done->memory == "We laughed about the cat.");
    CHECK(pl.occurrence(r.id, ymd(2026, 9, 16))->state == PlanState::skipped);

    // Changing the rule later still shows the occurrence that holds history.
    PlanDraft d = pl.get(r.id)->draft();
    d.recurrence.repeat = Repeat::weekly;
    d.recurrence.weekdays = kMonday;
    REQUIRE(pl.update(r.id, d).ok());
    auto after = pl.occurrences(ymd(2026, 9, 14), ymd(2026, 9, 20));
    CHECK(days_of(after) == std::vector<std::string>{"2026-09-14", "2026-09-15"});

    // A one-off plan has nothing to end.
    auto once = pl.add(one_off("Concert", ymd(2026, 10, 3), 20 * 60));
    CHECK(pl.end_ritual(once.id, ymd(2026, 10, 4)).field == "until");
}

TEST_CASE("Weeks bucket occurrences by local day, Monday first; overlaps are marked", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto late = pl.add(one_off("Late film", ymd(2026, 9, 27), 23 * 60, 120));     // Sunday 23:00-01:00
    auto early = pl.add(one_off("Sunrise", ymd(2026, 9, 28), 30, 60));            // Monday 00:30
    auto a = pl.add(one_off("Cooking", ymd(2026, 9, 23), 18 * 60, 90));           // Wednesday
    auto b = pl.add(one_off("Call with Mum", ymd(2026, 9, 23), 19 * 60, 30));     // overlaps Cooking
    auto c = pl.add(one_off("Dance class", ymd(2026, 9, 23), 21 * 60, 60));       // after both
    REQUIRE((late.ok() && early.ok() && a.ok() && b.ok() && c.ok()));

    auto w = pl.week(ymd(2026, 9, 25));
    CHECK(w.monday == kToday);
    CHECK(w.days[2].size() == 3);
    CHECK(w.days[6].size() == 1);
    CHECK(w.days[6][0].title == "Late film");
    CHECK(w.days[2][0].title == "Cooking");
    CHECK(w.days[2][0].overlaps);
    CHECK(w.days[2][1].overlaps);
    CHECK_FALSE(w.days[2][2].overlaps);
    CHECK(w.days[6][0].overlaps);  // runs into Monday's Sunrise

    auto next = pl.week(ymd(2026, 9, 28));
    CHECK(next.monday == ymd(2026, 9, 28));
    REQUIRE(next.days[0].size() == 1);
    CHECK(next.days[0][0].title == "Sunrise");
    CHECK(next.days[0][0].overlaps);  // with last week's late film

    // A skipped plan no longer overlaps anything.
    REQUIRE(pl.skip(b.id, ymd(2026, 9, 23)).ok());
    CHECK_FALSE(pl.week(kToday).days[2][0].overlaps);

    // ISO weeks across the year end: Friday 2027-01-01 is in the week of Monday 2026-12-28.
    auto ny = pl.add(one_off("New year walk", ymd(2027, 1, 1), 11 * 60));
    auto y = pl.week(ymd(2027, 1, 1));
    CHECK(y.monday == ymd(2026, 12, 28));
    REQUIRE(y.days[4].size() == 1);
    CHECK(y.days[4][0].plan_id == ny.id);
    CHECK(pl.agenda(kToday, 7).size() == 4);  // the skipped call is listed (as skipped)
}

TEST_CASE("The planner keeps rituals at their local time across daylight saving", "[planner][dst]") {
    LocalZone zone("Europe/Berlin");
    test::TestModel t;
    auto& pl = t.model.planner;
    REQUIRE(pl.add(daily_ritual("Tea on the balcony", ymd(2026, 10, 19), 19 * 60)).ok());
    auto w = pl.week(ymd(2026, 10, 25));  // the week summer time ends (Sunday)
    for (int i = 0; i < 7; ++i) {
        REQUIRE(w.days[size_t(i)].size() == 1);
        CHECK(local_clock_time(w.days[size_t(i)][0].start) == "19:00");
        CHECK(w.days[size_t(i)][0].day == add_days(w.monday, i));
    }
    CHECK(w.days[6][0].start - w.days[5][0].start == hours{25});
}

TEST_CASE("States and ratings follow what happened", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto past = pl.add(one_off("Breakfast", kToday, 9 * 60));
    auto future = pl.add(one_off("Dinner", kToday, 19 * 60));
    CHECK(pl.mark_done(future.id, kToday).field == "state");       // still ahead
    CHECK(pl.rate(past.id, kToday, 0, 4).field == "rating");        // not done yet
    REQUIRE(pl.mark_done(past.id, kToday).ok());
    CHECK(pl.rate(past.id, kToday, 0, 0).field == "rating");
    CHECK(pl.rate(past.id, kToday, 0, 6).field == "rating");
    CHECK(pl.rate(past.id, kToday, 2, 3).field == "rating");
    REQUIRE(pl.rate(past.id, kToday, 0, 3).ok());
    REQUIRE(pl.rate(past.id, kToday, 0, 5).ok());  // changes, no duplicate
    CHECK(pl.occurrence(past.id, kToday)->rating[0] == 5);
    CHECK_FALSE(pl.occurrence(past.id, kToday)->rating[1]);
    REQUIRE(pl.rate(past.id, kToday, 0, std::nullopt).ok());
    CHECK_FALSE(pl.occurrence(past.id, kToday)->rating[0]);
    CHECK(pl.set_memory(past.id, kToday, std::string(2001, 'm')).field == "memory");
    CHECK(pl.set_memory(past.id, kToday, "ok \xFF").field == "memory");
    REQUIRE(pl.set_state(past.id, kToday, PlanState::planned).ok());
    CHECK(pl.occurrence(past.id, kToday)->state == PlanState::planned);
}

TEST_CASE("Every change moves the revision; removing a plan removes its occurrences", "[planner]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto rev = pl.revision();
    auto r = pl.add(daily_ritual("Coffee", ymd(2026, 9, 14), 7 * 60));
    CHECK(pl.revision() > rev);
    rev = pl.revision();
    REQUIRE(pl.mark_done(r.id, ymd(2026, 9, 15)).ok());
    CHECK(pl.revision() > rev);
    rev = pl.revision();
    REQUIRE(pl.rate(r.id, ymd(2026, 9, 15), 1, 4).ok());
    CHECK(pl.revision() > rev);
    rev = pl.revision();
    CHECK(pl.remove(r.id));
    CHECK(pl.revision() > rev);
    CHECK_FALSE(pl.remove(r.id));
    CHECK(pl.occurrences(ymd(2026, 9, 14), ymd(2026, 9, 30)).empty());
    auto& st = t.model.db.prepare("SELECT count(*) FROM plan_occurrence");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 0);
    st.reset();
}

TEST_CASE("An idea becomes a plan in one call and counts as used", "[planner][ideas]") {
    test::TestModel t;
    auto& ideas = t.model.ideas;
    auto& pl = t.model.planner;
    REQUIRE(ideas.all().size() >= 25);
    auto movie = ideas.get("movie-night");
    REQUIRE(movie);
    CHECK_FALSE(movie->last_used);
    auto r = pl.plan_from_idea("movie-night", ymd(2026, 9, 26), 20 * 60, 0);
    REQUIRE(r.ok());
    auto p = pl.get(r.id);
    REQUIRE(p);
    CHECK(p->title == movie->title);
    CHECK(p->kind_id == movie->kind_id);
    CHECK(p->length_minutes == movie->length_minutes);
    CHECK(p->notes == movie->description);
    CHECK(p->idea_id == "movie-night");
    CHECK(p->phones_away);
    CHECK(p->suggested_by == 0);
    CHECK(ideas.get("movie-night")->last_used == ymd(2026, 9, 26));
    CHECK(ideas.get("movie-night")->times_used == 1);
    CHECK(pl.plan_from_idea("no-such-idea", kToday, 60).field == "idea");
    CHECK(pl.plan_from_idea("movie-night", kToday, 60 * 25).field == "time");
    CHECK(ideas.get("movie-night")->times_used == 1);  // a refused plan does not count
}

TEST_CASE("Suggest one picks an idea not done lately, deterministically", "[planner][ideas]") {
    test::TestModel t;
    auto& ideas = t.model.ideas;
    auto& pl = t.model.planner;
    auto first = ideas.suggest(0);
    REQUIRE(first);
    CHECK(ideas.suggest(0)->id == first->id);  // same seed, same idea
    CHECK(ideas.suggest(1)->id != first->id);  // "another one"
    CHECK(ideas.suggest(0, std::nullopt, first->id)->id != first->id);
    REQUIRE(pl.plan_from_idea(first->id, kToday, 20 * 60).ok());
    for (uint64_t seed = 0; seed < 40; ++seed) CHECK(ideas.suggest(seed)->id != first->id);

    // Everything but the picnic has been done lately: the picnic it is.
    int n = 0;
    const auto all = ideas.all();  // mark_used reloads the list
    for (const auto& i : all)
        if (i.id != "picnic") ideas.mark_used(i.id, add_days(kToday, -(n++ % 5)));
    for (uint64_t seed = 0; seed < 10; ++seed) CHECK(ideas.suggest(seed)->id == "picnic");
    // Then the one used longest ago.
    ideas.mark_used("picnic", kToday);
    auto oldest = ideas.suggest(3);
    REQUIRE(oldest);
    CHECK(oldest->last_used == add_days(kToday, -4));
    // One kind only.
    auto checkin = ideas.suggest(0, std::string("check-in"));
    REQUIRE(checkin);
    CHECK(checkin->kind_id == "check-in");
    CHECK_FALSE(ideas.suggest(0, std::string("no-such-kind")));
}

TEST_CASE("The couple adds, edits and removes their own ideas and kinds", "[planner][ideas]") {
    test::TestModel t;
    auto& ideas = t.model.ideas;
    auto& kinds = t.model.plan_kinds;
    CHECK(kinds.exists("date"));
    CHECK(kinds.exists("ritual"));
    CHECK(kinds.exists("activity"));
    CHECK(kinds.exists("check-in"));
    auto k = kinds.add("Adventure");
    REQUIRE(k.ok());
    CHECK(kinds.add("adventure").field == "kind");
    CHECK(kinds.add("  ").field == "kind");

    IdeaDraft d;
    d.title = "Kayak on the river";
    d.kind_id = k.id;
    d.length_minutes = 180;
    d.description = "Rent two, or one for the two of us.";
    auto r = ideas.add(d);
    REQUIRE(r.ok());
    CHECK(ideas.get(r.id)->title == "Kayak on the river");
    CHECK_FALSE(ideas.get(r.id)->builtin);
    d.title = "";
    CHECK(ideas.add(d).field == "title");
    d.title = "x";
    d.length_minutes = 0;
    CHECK(ideas.add(d).field == "length");
    d.length_minutes = 30;
    d.kind_id = "nope";
    CHECK(ideas.add(d).field == "kind");
    d.kind_id = "date";
    d.title = "Kayak at dawn";
    REQUIRE(ideas.update(r.id, d).ok());
    CHECK(ideas.get(r.id)->title == "Kayak at dawn");
    CHECK(ideas.update("walk-after-dinner", d).field == "id");  // not an idea id
    CHECK(ideas.update("evening-walk", d).field == "id");       // shipped

    auto before = ideas.all().size();
    CHECK(ideas.remove("evening-walk"));
    CHECK(ideas.all().size() == before - 1);
    CHECK_FALSE(ideas.get("evening-walk"));
    ideas.seed_builtin(HEARTH_TEST_ASSETS_DIR);  // a restart does not bring it back
    CHECK_FALSE(ideas.get("evening-walk"));
    CHECK(ideas.all().size() == before - 1);
}

TEST_CASE("The dashboard's week: planned, done, hours, next up, recent ratings", "[planner][dashboard]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto breakfast = pl.add(one_off("Breakfast", kToday, 8 * 60, 60));
    auto lunch = pl.add(one_off("Lunch walk", kToday, 12 * 60, 90));
    auto film = pl.add(one_off("Film", ymd(2026, 9, 22), 19 * 60, 120));
    auto call = pl.add(one_off("Call", ymd(2026, 9, 23), 19 * 60, 30));
    auto talk = pl.add(daily_ritual("Bedtime talk", ymd(2026, 9, 1), 22 * 60, 15));
    REQUIRE((breakfast.ok() && lunch.ok() && film.ok() && call.ok() && talk.ok()));
    REQUIRE(pl.mark_done(breakfast.id, kToday).ok());
    REQUIRE(pl.rate(breakfast.id, kToday, 0, 3).ok());   // one rating only
    REQUIRE(pl.mark_done(lunch.id, kToday).ok());
    REQUIRE(pl.rate(lunch.id, kToday, 0, 4).ok());
    REQUIRE(pl.rate(lunch.id, kToday, 1, 5).ok());
    REQUIRE(pl.skip(call.id, ymd(2026, 9, 23)).ok());
    // Last week's ritual, done and rated on Saturday.
    REQUIRE(pl.mark_done(talk.id, ymd(2026, 9, 19)).ok());
    REQUIRE(pl.rate(talk.id, ymd(2026, 9, 19), 0, 5).ok());
    REQUIRE(pl.rate(talk.id, ymd(2026, 9, 19), 1, 4).ok());

    auto f = pl.week_figures(ymd(2026, 9, 24));
    CHECK(f.monday == kToday);
    CHECK(f.planned == 2 + 1 + 7);
    CHECK(f.done == 2);
    CHECK(f.skipped == 1);
    CHECK(f.minutes_planned == 60 + 90 + 120 + 7 * 15);
    CHECK(f.minutes_done == 150);
    CHECK(f.hours_done() == Approx(2.5));
    REQUIRE(f.next_up);
    CHECK(f.next_up->title == "Bedtime talk");  // tonight at 22:00 (it is 14:13)
    CHECK(f.next_up->day == kToday);
    REQUIRE(f.recent_ratings.size() == 2);
    CHECK(f.recent_ratings[0].title == "Lunch walk");
    CHECK(f.recent_ratings[0].rating[1] == 5);
    CHECK(f.recent_ratings[1].title == "Bedtime talk");

    // While tonight's talk is on it is still next up; once over, tomorrow's film.
    t.clock.advance(hours{7} + minutes{51} + seconds{40});  // 22:05
    CHECK(pl.next_up(t.clock.now())->title == "Bedtime talk");
    t.clock.advance(minutes{10});                           // 22:15, over
    auto nu = pl.next_up(t.clock.now());
    REQUIRE(nu);
    CHECK(nu->title == "Film");
    CHECK(nu->day == ymd(2026, 9, 22));

    auto series = pl.hours_series(kToday, 4);
    REQUIRE(series.size() == 4);
    CHECK(series[0].monday == ymd(2026, 8, 31));
    CHECK(series[3].monday == kToday);
    CHECK(series[3].minutes_done == 150);
    CHECK(series[2].minutes_done == 15);
    CHECK(series[2].done == 1);
    CHECK(series[2].minutes_planned == 7 * 15);
    CHECK(series[0].minutes_planned == 6 * 15);  // the ritual began on Tuesday the 1st
}

TEST_CASE("An empty planner has empty figures", "[planner][dashboard]") {
    test::TestModel t;
    auto f = t.model.planner.week_figures(kToday);
    CHECK(f.planned == 0);
    CHECK(f.done == 0);
    CHECK(f.minutes_planned == 0);
    CHECK_FALSE(f.next_up);
    CHECK(f.recent_ratings.empty());
    for (const auto& d : t.model.planner.week(kToday).days) CHECK(d.empty());
}

TEST_CASE("Suggest one leaves out what the couple already has planned", "[planner]") {
    hearth::test::TestModel t;
    auto& m = t.model;
    REQUIRE(!m.ideas.all().empty());
    // Make every idea but one already planned, as rituals under the same titles.
    const auto& all = m.ideas.all();
    Date today = local_date(t.clock.now());
    for (std::size_t i = 1; i < all.size(); ++i) {
        PlanDraft d;
        d.title = all[i].title;
        d.kind_id = "ritual";
        d.day = today;
        d.start_minute = 19 * 60;
        d.length_minutes = 30;
        d.recurrence.repeat = Repeat::weekly;
        d.recurrence.weekdays = 1;  // Mondays
        REQUIRE(m.planner.add(d).ok());
    }
    for (uint64_t seed = 0; seed < 5; ++seed) {
        auto idea = m.planner.suggest_idea(seed);
        REQUIRE(idea);
        CHECK(idea->id == all[0].id);
    }
}

TEST_CASE("\"Plan it\" goes on the chosen day, else the next free evening at 19:00", "[planner][ideas]") {
    test::TestModel t;
    Planner& p = t.model.planner;
    const Date monday = kToday;   // the clock: Monday 14:13
    auto s = p.next_free_evening(monday, std::nullopt);
    CHECK(s.day == monday);
    CHECK(s.minute == 19 * 60);
    // Tonight is taken (20:00 overlaps 19:00-21:00): tomorrow.
    REQUIRE(p.add(one_off("Concert", monday, 20 * 60, 120)).ok());
    CHECK(p.next_free_evening(monday, std::nullopt).day == add_days(monday, 1));
    // A skipped plan frees the evening again.
    REQUIRE(p.skip(p.plans().front().id, monday).ok());
    CHECK(p.next_free_evening(monday, std::nullopt).day == monday);
    // A week ahead starts at its Monday; a chosen day wins.
    CHECK(p.next_free_evening(add_days(monday, 14), std::nullopt).day == add_days(monday, 14));
    CHECK(p.next_free_evening(monday, add_days(monday, 4)).day == add_days(monday, 4));
    // A past week: from today.
    CHECK(p.next_free_evening(add_days(monday, -7), std::nullopt).day == monday);
    // After 19:00 today is over.
    t.clock.advance(hours(5));
    CHECK(p.next_free_evening(monday, std::nullopt).day == add_days(monday, 1));
}

TEST_CASE("Dropping a ritual's time on another day moves only that time; a one-off moves whole", "[planner]") {
    test::TestModel t;
    Planner& p = t.model.planner;
    const Date mon = kToday, tue = add_days(kToday, 1), sat = add_days(kToday, 5);
    auto ritual_id = p.add(ritual("Sofa, phones away", mon, 7 * 60 + 30, kMonday | kTuesday | kWednesday)).id;
    auto dinner_id = p.add(one_off("Dinner", mon, 19 * 60 + 30, 120)).id;
    REQUIRE(!ritual_id.empty());
    REQUIRE(!dinner_id.empty());
    auto occ = p.occurrence(ritual_id, tue);
    REQUIRE(occ);
    REQUIRE(p.drop_on_day(*occ, sat).ok());
    auto moved = p.occurrence(ritual_id, tue);
    REQUIRE(moved);
    CHECK(moved->day == sat);
    CHECK(moved->start_minute == 7 * 60 + 30);   // keeps its time
    CHECK(p.occurrence(ritual_id, add_days(mon, 2))->day == add_days(mon, 2));   // Wednesday stays
    CHECK(p.week(mon).days[1].empty());

    auto dinner = p.occurrence(dinner_id, mon);
    REQUIRE(dinner);
    REQUIRE(p.drop_on_day(*dinner, sat).ok());
    auto plan_now = p.get(dinner_id);
    REQUIRE(plan_now);
    CHECK(plan_now->day == sat);
    CHECK(plan_now->start_minute == 19 * 60 + 30);
    // Dropped where it already is: nothing changes.
    auto seq = plan_now->sequence;
    auto again = p.occurrence(dinner_id, sat);
    REQUIRE(again);
    REQUIRE(p.drop_on_day(*again, sat).ok());
    CHECK(p.get(dinner_id)->sequence == seq);
}

TEST_CASE("Planning an idea is one transaction: a refused or failed plan leaves the idea unused", "[planner][ideas]") {
    test::TestModel t(false);   // no couple yet: "suggested by" is refused
    auto& ideas = t.model.ideas;
    auto& pl = t.model.planner;
    REQUIRE(ideas.get("movie-night"));
    auto r = pl.plan_from_idea("movie-night", PlanSlot{kToday, 19 * 60}, 1);
    CHECK(r.field == "suggested_by");
    CHECK(pl.plans().empty());
    t.model.ideas.reload();
    CHECK(ideas.get("movie-night")->times_used == 0);
    CHECK_FALSE(ideas.get("movie-night")->last_used);

    // The plan is written, then marking the idea used fails: the plan goes too.
    t.model.db.exec("CREATE TEMP TRIGGER no_idea_use BEFORE UPDATE ON idea BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    CHECK_THROWS(pl.plan_from_idea("movie-night", PlanSlot{kToday, 19 * 60}));
    CHECK(pl.plans().empty());
    t.model.db.exec("DROP TRIGGER no_idea_use");
    t.model.ideas.reload();
    CHECK(ideas.get("movie-night")->times_used == 0);
    REQUIRE(pl.plan_from_idea("movie-night", PlanSlot{kToday, 19 * 60}).ok());
    CHECK(ideas.get("movie-night")->times_used == 1);
}

TEST_CASE("A hand-edited plan with an unreadable day or a huge length stays in range", "[planner][range]") {
    test::TestModel t;
    auto& pl = t.model.planner;
    auto id = pl.add(one_off("Picnic", kToday, 12 * 60)).id;
    auto ritual_id = pl.add(daily_ritual("Tea", kToday, 8 * 60)).id;
    // Hand-edited rows: a day no one can read and lengths beyond any limit.
    t.model.db.exec("UPDATE plan SET day = 'someday', length_minutes = 2147483647 WHERE id = '" + id + "'");
    t.model.db.exec("UPDATE plan SET length_minutes = 9000000000000000 WHERE id = '" + ritual_id + "'");
    pl.reload();
    auto p = pl.get(id);
    REQUIRE(p);
    CHECK(in_supported_range(p->day));
    CHECK(p->day == kToday);  // the day the plan was made
    CHECK(p->length_minutes == kMaxPlanMinutes);
    // Week views select one-off plans by their stored day, so this one shows
    // only when asked for by itself; it is on the day it was made.
    auto picnic = pl.occurrence(id, p->day);
    REQUIRE(picnic);
    CHECK(picnic->start == local_midnight(kToday) + hours{12});
    CHECK(picnic->end - picnic->start == minutes{kMaxPlanMinutes});
    auto occ = pl.occurrences(kToday, kToday);
    REQUIRE(occ.size() == 1);
    CHECK(occ[0].plan_id == ritual_id);
    CHECK(occ[0].end - occ[0].start == minutes{kMaxRitualMinutes});
    // The week's figures add up without overflow.
    auto w = pl.week(kToday);
    (void)w;
}
