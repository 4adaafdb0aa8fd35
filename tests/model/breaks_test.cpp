#include "breaks.h"
#include "schema.h"
#include "test_support.h"
#include "uuid.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace hearth;
using namespace std::chrono;

namespace {
struct BreaksFixture : test::TestModel {
    Breaks b{model.db, clock, model.couple, model.settings};

    std::string start(int slot = 0, std::string topic = {}, std::optional<int> minutes = std::nullopt) {
        BreakRequest r;
        r.caller_slot = slot;
        r.topic = std::move(topic);
        r.minutes = minutes;
        auto res = b.start(r);
        REQUIRE(res.ok());
        return res.id;
    }
    BreakView view(const std::string& id) {
        auto v = b.get(id);
        REQUIRE(v);
        return *v;
    }
    int64_t remaining(const std::string& id) { return view(id).remaining_seconds; }
};

BreakRequest for_minutes(int m, int slot = 0) {
    BreakRequest r;
    r.caller_slot = slot;
    r.minutes = m;
    return r;
}

BreakRequest until(WallTime t, int slot = 0) {
    BreakRequest r;
    r.caller_slot = slot;
    r.return_at = t;
    return r;
}
} // namespace

TEST_CASE("A break lasts 20 minutes by default and counts down to the second", "[breaks]") {
    BreaksFixture f;
    const WallTime t0 = f.clock.now();
    auto id = f.start(0, "the dishes");
    auto v = f.view(id);
    CHECK(v.state == BreakState::running);
    CHECK(v.caller_slot == 0);
    CHECK(v.planned_ms == 20 * 60'000);
    CHECK(v.remaining_seconds == 1200);
    CHECK(v.return_at == t0 + minutes{20});
    CHECK(v.return_clock == local_clock_time(t0 + minutes{20}));
    CHECK(v.started_at == t0);
    CHECK(v.day == local_date(t0));
    CHECK(looks_like_uuid(v.id));

    f.clock.advance(milliseconds{999});
    CHECK(f.remaining(id) == 1200);  // a countdown shows whole seconds, rounded up
    f.clock.advance(milliseconds{1});
    CHECK(f.remaining(id) == 1199);
    f.clock.advance(minutes{10} - seconds{1});
    CHECK(f.remaining(id) == 600);
    f.clock.advance(minutes{9} + seconds{59});
    CHECK(f.remaining(id) == 1);
    CHECK(f.b.tick() == 0);
    CHECK_FALSE(f.b.needs_attention());

    f.clock.advance(seconds{1});
    CHECK(f.b.tick() == 1);  // ran out just now: the UI asks for attention once
    CHECK(f.b.tick() == 0);
    v = f.view(id);
    CHECK(v.state == BreakState::expired);
    CHECK(v.remaining_ms == 0);
    CHECK(v.ended_at == t0 + minutes{20});
    CHECK(v.actual_ms == 20 * 60'000);
    CHECK_FALSE(v.ended_while_closed);
    CHECK(f.b.needs_attention());
    REQUIRE(f.b.active().size() == 1);

    f.clock.advance(hours{2});
    CHECK(f.view(id).remaining_ms == 0);  // never negative
}

TEST_CASE("Lengths below the floor or above 24 hours are refused with the reason", "[breaks]") {
    BreaksFixture f;
    auto short_one = f.b.start(for_minutes(19));
    CHECK(short_one.field == "minutes");
    CHECK_THAT(short_one.error, Catch::Contains("at least 20 minutes"));
    auto long_one = f.b.start(for_minutes(24 * 60 + 1));
    CHECK(long_one.field == "minutes");
    CHECK_THAT(long_one.error, Catch::Contains("24 hours"));
    CHECK(f.b.start(for_minutes(0)).field == "minutes");
    CHECK(f.b.start(for_minutes(-5)).field == "minutes");
    CHECK(f.b.start(for_minutes(20)).ok());
    CHECK(f.b.start(for_minutes(24 * 60)).ok());
    CHECK(f.b.start(for_minutes(20, 2)).field == "caller");

    BreakRequest both = for_minutes(30);
    both.return_at = f.clock.now() + hours{1};
    CHECK(f.b.start(both).field == "minutes");
    CHECK(f.b.history_count() == 2);  // nothing refused was saved
}

TEST_CASE("Nothing starts before the couple is set up", "[breaks]") {
    test::TestModel t(false);
    Breaks b(t.model.db, t.clock, t.model.couple, t.model.settings);
    CHECK(b.start(for_minutes(20)).field == "caller");
    CHECK(b.history_count() == 0);
}

TEST_CASE("The couple may lower the floor to between 10 and 20 minutes", "[breaks]") {
    BreaksFixture f;
    CHECK(f.b.floor_minutes() == 20);
    CHECK(f.b.set_floor_minutes(9).field == "floor");
    CHECK(f.b.set_floor_minutes(21).field == "floor");
    CHECK(f.b.floor_minutes() == 20);
    REQUIRE(f.b.set_floor_minutes(10).ok());
    CHECK(f.b.floor_minutes() == 10);
    CHECK(f.model.settings.get(setting::break_floor_minutes) == 10);
    CHECK(f.b.start(for_minutes(10)).ok());
    auto r = f.b.start(for_minutes(9));
    CHECK(r.field == "minutes");
    CHECK_THAT(r.error, Catch::Contains("at least 10 minutes"));
    CHECK(f.b.start(BreakRequest{}).ok());  // the default stays 20 minutes

    REQUIRE(f.b.set_floor_minutes(15).ok());
    CHECK(f.b.start(for_minutes(14)).field == "minutes");

    // A stored value outside the range never allows a shorter break.
    auto store = [&](const char* v) {
        f.model.db.prepare("UPDATE setting SET value = ?1 WHERE key = 'breaks.floor_minutes'").bind(1, v).run();
        f.model.settings.reload();
    };
    store("3");
    CHECK(f.b.floor_minutes() == 20);
    store("banana");
    CHECK(f.b.floor_minutes() == 20);
}

TEST_CASE("A return time given as a clock time must be ahead, within 24 hours and past the floor", "[breaks]") {
    BreaksFixture f;
    const WallTime now = f.clock.now();
    auto past = f.b.start(until(now - seconds{1}));
    CHECK(past.field == "return_at");
    CHECK_THAT(past.error, Catch::Contains("already passed"));
    CHECK(f.b.start(until(now)).field == "return_at");
    auto far = f.b.start(until(now + hours{24} + seconds{1}));
    CHECK(far.field == "return_at");
    CHECK_THAT(far.error, Catch::Contains("24 hours"));
    auto soon = f.b.start(until(now + minutes{5}));
    CHECK(soon.field == "return_at");
    CHECK_THAT(soon.error, Catch::Contains("only 5 minutes"));
    CHECK(f.b.history_count() == 0);

    CHECK(f.b.start(until(now + hours{24})).ok());
    // 13:13:50 UTC: kept exactly, shown as the nearest minute.
    auto r = f.b.start(until(now + minutes{20} + seconds{30}));
    REQUIRE(r.ok());
    auto v = f.view(r.id);
    CHECK(v.remaining_seconds == 20 * 60 + 30);
    CHECK(v.return_at == now + minutes{20} + seconds{30});
    CHECK(v.return_clock == local_clock_time(now + minutes{20} + seconds{40}));
}

TEST_CASE("Pausing freezes the countdown and moves the return time", "[breaks]") {
    BreaksFixture f;
    const WallTime t0 = f.clock.now();
    auto id = f.start();
    f.clock.advance(minutes{5});
    REQUIRE(f.b.pause(id).ok());
    CHECK(f.b.pause(id).field == "state");
    auto v = f.view(id);
    CHECK(v.state == BreakState::paused);
    CHECK(v.remaining_seconds == 900);
    CHECK(f.b.next_change_in(id) == std::nullopt);

    f.clock.advance(hours{1});
    v = f.view(id);
    CHECK(v.remaining_seconds == 900);
    CHECK(v.return_at == f.clock.now() + minutes{15});
    CHECK(f.b.tick() == 0);
    CHECK(v.active());

    REQUIRE(f.b.resume(id).ok());
    CHECK(f.b.resume(id).field == "state");
    v = f.view(id);
    CHECK(v.state == BreakState::running);
    CHECK(v.remaining_seconds == 900);
    CHECK(v.return_at == t0 + hours{1} + minutes{20});
    CHECK(v.paused_total_ms == 3'600'000);

    f.clock.advance(minutes{15} - milliseconds{1});
    CHECK(f.remaining(id) == 1);
    f.clock.advance(milliseconds{1});
    v = f.view(id);
    CHECK(v.state == BreakState::expired);
    CHECK(v.actual_ms == 20 * 60'000);  // paused time does not count
}

TEST_CASE("Extending adds 5 or 10 minutes, running or paused", "[breaks]") {
    BreaksFixture f;
    const WallTime t0 = f.clock.now();
    auto id = f.start();
    f.clock.advance(minutes{5});
    REQUIRE(f.b.extend(id, 5).ok());
    CHECK(f.remaining(id) == 1200);
    REQUIRE(f.b.extend(id, 10).ok());
    auto v = f.view(id);
    CHECK(v.remaining_seconds == 1800);
    CHECK(v.extended_ms == 15 * 60'000);
    CHECK(v.planned_ms == 20 * 60'000);
    CHECK(v.return_at == t0 + minutes{35});
    CHECK(f.b.extend(id, 0).field == "minutes");
    CHECK(f.b.extend(id, -5).field == "minutes");

    REQUIRE(f.b.pause(id).ok());
    REQUIRE(f.b.extend(id, 5).ok());
    CHECK(f.remaining(id) == 2100);
    REQUIRE(f.b.resume(id).ok());
    f.clock.advance(seconds{2100});
    CHECK(f.view(id).state == BreakState::expired);
    CHECK(f.view(id).actual_ms == 40 * 60'000);
    auto late = f.b.extend(id, 5);
    CHECK(late.field == "state");
    CHECK_THAT(late.error, Catch::Contains("more time"));
    CHECK(f.b.extend("no-such-id", 5).field == "id");
}

TEST_CASE("Extending never reaches past 24 hours from the start", "[breaks]") {
    BreaksFixture f;
    auto id = f.start(0, {}, 24 * 60 - 10);
    CHECK(f.view(id).max_extend_minutes == 10);
    auto r = f.b.extend(id, 11);
    CHECK(r.field == "minutes");
    CHECK_THAT(r.error, Catch::Contains("at most 10 minutes"));
    REQUIRE(f.b.extend(id, 10).ok());
    CHECK(f.view(id).max_extend_minutes == 0);
    auto none = f.b.extend(id, 5);
    CHECK(none.field == "minutes");
    CHECK_THAT(none.error, Catch::Contains("24 hours"));

    // Paused time counts towards the 24 hours since the break began.
    auto p = f.start();
    REQUIRE(f.b.pause(p).ok());
    f.clock.advance(hours{23} + minutes{30});
    CHECK(f.view(p).max_extend_minutes == 10);
    CHECK(f.b.extend(p, 11).field == "minutes");
    CHECK(f.b.extend(p, 10).ok());
}

TEST_CASE("Ending early records the length actually taken", "[breaks]") {
    BreaksFixture f;
    auto id = f.start(1, "money");
    f.clock.advance(minutes{7} + seconds{30});
    REQUIRE(f.b.end_early(id).ok());
    auto v = f.view(id);
    CHECK(v.state == BreakState::ended_early);
    CHECK(v.actual_ms == 450'000);
    CHECK(v.remaining_ms == 0);
    CHECK(v.back_on_time == true);
    CHECK(v.ended_at == f.clock.now());
    CHECK(v.topic_status == TopicStatus::open);  // the topic stays to come back to
    CHECK(f.b.active().empty());
    CHECK(f.b.end_early(id).field == "state");
    CHECK(f.b.pause(id).field == "state");
    CHECK(f.b.come_back(id).field == "state");

    // A paused break can end early too; its paused time is not counted.
    auto p = f.start();
    f.clock.advance(minutes{3});
    REQUIRE(f.b.pause(p).ok());
    f.clock.advance(minutes{10});
    REQUIRE(f.b.end_early(p).ok());
    v = f.view(p);
    CHECK(v.actual_ms == 180'000);
    CHECK(v.paused_total_ms == 600'000);
    CHECK_FALSE(v.paused_at);
}

TEST_CASE("Coming back within 10 minutes of the time is on time, later is late", "[breaks]") {
    BreaksFixture f;
    auto a = f.start(0);
    CHECK(f.b.come_back(a).field == "state");  // still running
    f.clock.advance(minutes{20});
    f.clock.advance(minutes{10});
    REQUIRE(f.b.come_back(a).ok());
    auto v = f.view(a);
    CHECK(v.state == BreakState::returned);
    CHECK(v.back_on_time == true);
    CHECK(v.returned_at == f.clock.now());
    CHECK(v.actual_ms == 20 * 60'000);
    CHECK_FALSE(f.b.needs_attention());
    CHECK(f.b.come_back(a).field == "state");

    auto b = f.start(1);
    f.clock.advance(minutes{30} + seconds{1});
    REQUIRE(f.b.come_back(b).ok());
    CHECK(f.view(b).back_on_time == false);
}

TEST_CASE("More time chains a new break to the first, inside 24 hours of it", "[breaks]") {
    BreaksFixture f;
    const WallTime t0 = f.clock.now();
    auto first = f.start(0, "the holidays");
    auto early = f.b.more_time(first, 15);
    CHECK(early.field == "state");
    CHECK_THAT(early.error, Catch::Contains("extend"));
    f.clock.advance(minutes{20});
    CHECK(f.b.more_time(first, 4).field == "minutes");
    CHECK(f.b.more_time(first, 15, 3).field == "caller");

    auto r = f.b.more_time(first, 15);
    REQUIRE(r.ok());
    auto old = f.view(first);
    CHECK(old.state == BreakState::continued);
    CHECK_FALSE(old.back_on_time);
    CHECK_FALSE(old.active());
    auto v = f.view(r.id);
    CHECK(v.state == BreakState::running);
    CHECK(v.follow_up_of == first);
    CHECK(v.caller_slot == 0);
    CHECK(v.topic == "the holidays");
    CHECK(v.chain_started_at == t0);
    CHECK(v.remaining_seconds == 900);
    CHECK(f.b.open_topics().size() == 1);  // the chain has one topic

    f.clock.advance(minutes{15});
    auto r2 = f.b.more_time(r.id, 20, 1);  // the other partner asks this time
    REQUIRE(r2.ok());
    CHECK(f.view(r2.id).follow_up_of == first);
    CHECK(f.view(r2.id).caller_slot == 1);
    f.clock.advance(minutes{20});
    REQUIRE(f.b.come_back(r2.id).ok());
    CHECK(f.b.history_count() == 3);
    CHECK(f.b.week(local_date(t0)).taken == std::array<int, 2>{1, 0});
}

TEST_CASE("More time is refused past 24 hours from the first break's start", "[breaks]") {
    BreaksFixture f;
    auto first = f.start(0, {}, 24 * 60 - 10);
    f.clock.advance(hours{24} - minutes{10});
    auto r = f.b.more_time(first, 15);
    CHECK(r.field == "minutes");
    CHECK_THAT(r.error, Catch::Contains("at most 10 minutes"));
    auto ok = f.b.more_time(first, 10);
    REQUIRE(ok.ok());
    f.clock.advance(minutes{10});
    auto last = f.b.more_time(ok.id, 5);
    CHECK(last.field == "minutes");
    CHECK_THAT(last.error, Catch::Contains("come back"));
    REQUIRE(f.b.come_back(ok.id).ok());
}

TEST_CASE("Two breaks can run at once, each with its own countdown", "[breaks]") {
    BreaksFixture f;
    auto a = f.start(0, "chores");
    f.clock.advance(minutes{3});
    auto b = f.start(1, "chores, round two", 30);
    auto act = f.b.active();
    REQUIRE(act.size() == 2);
    CHECK(act[0].id == a);  // oldest first
    CHECK(act[1].id == b);
    CHECK(act[0].remaining_seconds == 17 * 60);
    CHECK(act[1].remaining_seconds == 30 * 60);

    REQUIRE(f.b.pause(a).ok());
    f.clock.advance(minutes{10});
    CHECK(f.remaining(a) == 17 * 60);
    CHECK(f.remaining(b) == 20 * 60);
    f.clock.advance(milliseconds{400});
    CHECK(f.b.next_wake() == milliseconds{600});
    REQUIRE(f.b.resume(a).ok());
    f.clock.advance(minutes{17});
    CHECK(f.b.tick() == 1);
    CHECK(f.view(a).state == BreakState::expired);
    CHECK(f.view(b).state == BreakState::running);
    CHECK(f.b.active().size() == 2);
    REQUIRE(f.b.come_back(a).ok());
    CHECK(f.b.active().size() == 1);
}

TEST_CASE("The UI can wake exactly when the shown second changes", "[breaks]") {
    BreaksFixture f;
    CHECK(f.b.next_wake() == std::nullopt);
    auto id = f.start();
    CHECK(f.b.next_change_in(id) == milliseconds{1000});
    f.clock.advance(milliseconds{250});
    CHECK(f.b.next_change_in(id) == milliseconds{750});
    CHECK(f.b.next_wake() == milliseconds{750});
    f.clock.advance(milliseconds{750});
    CHECK(f.b.next_change_in(id) == milliseconds{1000});
    CHECK(f.b.next_change_in("no-such-id") == std::nullopt);
}

TEST_CASE("A restart mid-break shows the right remaining time", "[breaks]") {
    test::TempDir dir;
    const auto path = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    std::string running, paused;
    {
        Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        Breaks b(m.db, clock, m.couple, m.settings);
        running = b.start(for_minutes(20)).id;
        paused = b.start(for_minutes(30, 1)).id;
        clock.advance(minutes{7});
        REQUIRE(b.pause(paused).ok());
        clock.advance(seconds{30});
    }
    clock.advance(minutes{3});  // Hearth closed
    Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
    Breaks b(m.db, clock, m.couple, m.settings);
    auto v = b.get(running);
    REQUIRE(v);
    CHECK(v->state == BreakState::running);
    CHECK(v->remaining_seconds == 20 * 60 - (10 * 60 + 30));
    CHECK_FALSE(v->ended_while_closed);
    auto p = b.get(paused);
    REQUIRE(p);
    CHECK(p->state == BreakState::paused);
    CHECK(p->remaining_seconds == 23 * 60);
    clock.advance(minutes{1});
    CHECK(b.get(running)->remaining_seconds == 8 * 60 + 30);
    REQUIRE(b.resume(paused).ok());
    clock.advance(minutes{23});
    CHECK(b.get(paused)->state == BreakState::expired);
}

TEST_CASE("A break that ran out while Hearth was closed shows as expired", "[breaks]") {
    test::TempDir dir;
    const auto path = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    const WallTime t0 = clock.now();
    std::string id;
    {
        Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        Breaks b(m.db, clock, m.couple, m.settings);
        id = b.start(for_minutes(20)).id;
        clock.advance(minutes{5});
    }
    clock.advance(minutes{35});
    Model m(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR);
    Breaks b(m.db, clock, m.couple, m.settings);
    CHECK(b.needs_attention());
    auto v = b.get(id);
    REQUIRE(v);
    CHECK(v->state == BreakState::expired);
    CHECK(v->ended_while_closed);
    CHECK(v->ended_at == t0 + minutes{20});
    CHECK(v->remaining_ms == 0);
    CHECK(b.tick() == 0);  // already expired on load
    REQUIRE(b.come_back(id).ok());
    CHECK(b.get(id)->back_on_time == false);
}

TEST_CASE("The wall clock set back never adds time, and a restart agrees", "[breaks]") {
    BreaksFixture f;
    auto id = f.start();
    f.clock.advance(minutes{5});
    f.clock.jump_wall(-hours{2});
    CHECK(f.remaining(id) == 900);
    f.clock.advance(minutes{1});
    CHECK(f.remaining(id) == 840);  // still counting down, not frozen

    // A second Breaks on the same database derives the same time from the
    // re-based anchor.
    Breaks again(f.model.db, f.clock, f.model.couple, f.model.settings);
    CHECK(again.get(id)->remaining_seconds == 840);

    // Set back while closed: counts as no time passed, never negative time.
    f.clock.advance(minutes{2});
    CHECK(f.remaining(id) == 720);
    f.clock.jump_wall(-hours{5});
    Breaks reopened(f.model.db, f.clock, f.model.couple, f.model.settings);
    CHECK(reopened.get(id)->remaining_seconds == 720);
    f.clock.advance(minutes{12});
    CHECK(reopened.get(id)->state == BreakState::expired);
}

TEST_CASE("A suspend counts as time passed, a forward jump of the clock does not", "[breaks]") {
    BreaksFixture f;
    auto id = f.start();
    f.clock.advance(minutes{2});
    f.clock.jump_wall(seconds{1});  // within tolerance: ignored
    CHECK(f.remaining(id) == 1080);
    f.clock.suspend(minutes{5});    // the monotonic clock stood still
    CHECK(f.remaining(id) == 780);
    f.clock.advance(seconds{30});
    CHECK(f.remaining(id) == 750);
    f.clock.jump_wall(hours{72});
    CHECK(f.remaining(id) == 750);  // the clock changed; the couple's time did not
    CHECK(f.view(id).return_at == f.clock.now() + seconds{750});
    f.clock.suspend(hours{1});      // a long sleep ends the break, clamped at zero
    auto v = f.view(id);
    CHECK(v.remaining_ms == 0);
    CHECK(v.state == BreakState::expired);
    CHECK_FALSE(v.ended_while_closed);
}

TEST_CASE("Across any mix of jumps the remaining time is never negative, frozen or absurd", "[breaks]") {
    BreaksFixture f;
    auto id = f.start(0, {}, 60);
    int64_t last = f.view(id).remaining_ms;
    const int64_t total = 60 * 60'000;
    const milliseconds steps[] = {seconds{7}, -hours{3}, seconds{1}, minutes{2}, -seconds{1}, minutes{1},
                                  -minutes{30}, milliseconds{1500}, -milliseconds{1999}};
    for (int round = 0; round < 40 && f.view(id).state == BreakState::running; ++round) {
        const auto jump = steps[std::size_t(round) % std::size(steps)];
        f.clock.jump_wall(jump);
        auto v = f.view(id);
        CHECK(v.remaining_ms >= 0);
        CHECK(v.remaining_ms <= total);
        if (jump < milliseconds{0}) CHECK(v.remaining_ms == last);  // backwards never adds time
        last = v.remaining_ms;
        f.clock.advance(seconds{20});
        v = f.view(id);
        CHECK(v.remaining_ms == std::max<int64_t>(0, last - 20'000));  // never frozen
        last = v.remaining_ms;
    }
}

TEST_CASE("The topic is kept byte for byte and stays open until talked through or dismissed", "[breaks]") {
    BreaksFixture f;
    const std::string topic = "Wer r\xC3\xA4umt auf? \xF0\x9F\x99\x82\r\n  (and the in-laws)  ";
    auto id = f.start(1, topic);
    auto v = f.view(id);
    CHECK(v.topic == topic);
    CHECK(v.topic_status == TopicStatus::open);
    auto none = f.start(0);
    CHECK(f.view(none).topic_status == TopicStatus::none);
    auto blank = f.start(0, " \n ");
    CHECK(f.view(blank).topic_status == TopicStatus::none);
    CHECK(f.view(blank).topic.empty());
    CHECK(f.b.mark_topic_talked_through(none).field == "topic");

    std::string accents;
    for (int i = 0; i < 2000; ++i) accents += "\xC3\xA9";
    BreakRequest r;
    r.topic = accents;
    CHECK(f.b.start(r).ok());
    r.topic += "x";
    CHECK(f.b.start(r).field == "topic");
    r.topic = "bad \xC3";
    CHECK(f.b.start(r).field == "topic");

    auto open = f.b.open_topics();
    REQUIRE(open.size() == 2);
    CHECK(open[1].id == id);
    CHECK(f.b.week(local_date(f.clock.now())).open_topics == 2);

    REQUIRE(f.b.mark_topic_talked_through(id).ok());
    CHECK(f.b.mark_topic_talked_through(id).field == "topic");
    CHECK(f.view(id).topic_status == TopicStatus::talked_through);
    CHECK(f.b.open_topics().size() == 1);
    REQUIRE(f.b.reopen_topic(id).ok());
    CHECK(f.view(id).topic_status == TopicStatus::open);
    REQUIRE(f.b.dismiss_topic(id).ok());
    CHECK(f.view(id).topic_status == TopicStatus::dismissed);
    CHECK(f.view(id).topic == topic);  // dismissed, not deleted
    CHECK(f.b.week(local_date(f.clock.now())).open_topics == 1);
}

TEST_CASE("A follow-up's topic actions act on the first break", "[breaks]") {
    BreaksFixture f;
    auto first = f.start(0, "bedtime");
    f.clock.advance(minutes{20});
    auto more = f.b.more_time(first, 10);
    REQUIRE(more.ok());
    REQUIRE(f.b.mark_topic_talked_through(more.id).ok());
    CHECK(f.view(first).topic_status == TopicStatus::talked_through);
    CHECK(f.view(more.id).topic_status == TopicStatus::talked_through);
    CHECK(f.b.open_topics().empty());
}

TEST_CASE("History lists every break newest first with its outcome", "[breaks]") {
    BreaksFixture f;
    auto a = f.start(0, "one");
    f.clock.advance(minutes{20});
    REQUIRE(f.b.come_back(a).ok());
    auto b = f.start(1, {}, 25);
    f.clock.advance(minutes{4});
    REQUIRE(f.b.end_early(b).ok());
    auto c = f.start(0);
    f.clock.advance(minutes{1});

    CHECK(f.b.history_count() == 3);
    auto h = f.b.history(0, 10);
    REQUIRE(h.size() == 3);
    CHECK(h[0].id == c);
    CHECK(h[0].state == BreakState::running);
    CHECK(h[0].remaining_seconds == 19 * 60);
    CHECK(h[1].id == b);
    CHECK(h[1].caller_slot == 1);
    CHECK(h[1].planned_ms == 25 * 60'000);
    CHECK(h[1].actual_ms == 4 * 60'000);
    CHECK(h[2].id == a);
    CHECK(h[2].topic == "one");
    CHECK(h[2].back_on_time == true);
    auto page = f.b.history(1, 1);
    REQUIRE(page.size() == 1);
    CHECK(page[0].id == b);
}

TEST_CASE("Week figures count breaks per caller in the ISO week, not follow-ups", "[breaks]") {
    BreaksFixture f;
    const Date first_day = local_date(f.clock.now());
    auto a = f.start(0, "week one");
    f.clock.advance(minutes{20});
    REQUIRE(f.b.come_back(a).ok());

    f.clock.advance(days{7});
    const Date second_day = local_date(f.clock.now());
    auto b = f.start(1, "week two");
    f.clock.advance(minutes{20});
    REQUIRE(f.b.more_time(b, 10).ok());
    auto c = f.start(1);
    f.clock.advance(minutes{40});
    REQUIRE(f.b.come_back(c).ok());
    f.start(0);

    auto w1 = f.b.week(first_day);
    CHECK(w1.monday == week_start(first_day));
    CHECK(w1.taken == std::array<int, 2>{1, 0});
    CHECK(w1.back_on_time == 1);
    CHECK(w1.back_late == 0);
    auto w2 = f.b.week(second_day);
    CHECK(w2.taken == std::array<int, 2>{1, 2});
    CHECK(w2.back_late == 1);
    CHECK(w2.open_topics == 2);
    CHECK(f.b.week(add_days(second_day, 7)).taken == std::array<int, 2>{0, 0});
}

TEST_CASE("Every change moves the revision; a quiet tick does not", "[breaks]") {
    BreaksFixture f;
    auto r0 = f.b.revision();
    auto id = f.start();
    auto r1 = f.b.revision();
    CHECK(r1 > r0);
    f.clock.advance(seconds{5});
    f.b.tick();
    CHECK(f.b.revision() == r1);
    REQUIRE(f.b.pause(id).ok());
    CHECK(f.b.revision() > r1);
}

TEST_CASE("Every change is saved with its update time", "[breaks]") {
    BreaksFixture f;
    auto id = f.start();
    f.clock.advance(minutes{3});
    REQUIRE(f.b.extend(id, 5).ok());
    auto v = f.view(id);
    CHECK(v.created_at == format_utc(test::fixed_start()));
    CHECK(v.updated_at == format_utc(f.clock.now()));
}

TEST_CASE("Migration 2 adds the conflict breaks from an empty database and from version 1", "[breaks]") {
    auto has_table = [](Database& db) {
        auto& st = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'conflict_break'");
        st.step();
        bool yes = st.integer(0) == 1;
        st.reset();
        return yes;
    };
    Database empty = Database::open_memory();
    migrate(empty);
    CHECK(empty.user_version() >= 2);
    CHECK(has_table(empty));

    Database v1 = Database::open_memory();
    migrate(v1, 1);
    CHECK_FALSE(has_table(v1));
    v1.prepare("INSERT INTO partner(id, slot, name, color, created_at, updated_at) VALUES('p0', 0, 'Maya', '#c45848', 'x', 'x')").run();
    migrate(v1);
    CHECK(v1.user_version() == latest_schema_version());
    CHECK(has_table(v1));
    // The constraints hold: an unknown state is refused by the database itself.
    CHECK_THROWS(v1.exec("INSERT INTO conflict_break(id, caller_partner, planned_ms, started_at, return_at, state,"
                         " anchor_at, created_at, updated_at) VALUES('b', 'p0', 1, 'x', 'x', 'sulking', 'x', 'x', 'x')"));
}

TEST_CASE("A topic can be written after the break was called, and cleared", "[breaks]") {
    hearth::FakeClock clock{hearth::WallTime{std::chrono::seconds{1'790'000'000}}};
    hearth::Model m(hearth::Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR);
    REQUIRE(m.couple.set_up("Maya", {196, 88, 72}, "Sam", {58, 122, 180}).ok());
    auto id = m.breaks.start({}).id;
    REQUIRE(!id.empty());
    CHECK(m.breaks.get(id)->topic_status == hearth::TopicStatus::none);
    const std::string topic = "Holidays at your parents\xE2\x80\x99 \xF0\x9F\x8C\xBB";
    REQUIRE(m.breaks.set_topic(id, topic).ok());
    CHECK(m.breaks.get(id)->topic == topic);
    CHECK(m.breaks.get(id)->topic_status == hearth::TopicStatus::open);
    CHECK(m.breaks.open_topics().size() == 1);
    CHECK(m.breaks.set_topic(id, std::string(2001, 'x')).field == "topic");
    REQUIRE(m.breaks.set_topic(id, "  ").ok());
    CHECK(m.breaks.get(id)->topic_status == hearth::TopicStatus::none);
    CHECK(m.breaks.open_topics().empty());
    CHECK_FALSE(m.breaks.set_topic("missing", "x").ok());
}

// ---- wall-clock changes across restarts and reboots (issue 10, item 11) ------

namespace {
// Hearth on a database file with this machine's DeviceStore beside it, as the
// app opens it. close() then open() is a restart within the same boot;
// clock.reboot() between them is a reboot.
struct OnDisk {
    test::TempDir dir;
    FakeClock clock{test::fixed_start()};
    std::unique_ptr<Model> m;
    OnDisk() {
        open();
        REQUIRE(m->couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    }
    void open() {
        const auto path = dir / "hearth.db";
        m = std::make_unique<Model>(Database::open_file(path), clock, HEARTH_TEST_ASSETS_DIR,
                                    DeviceStore::open_file(DeviceStore::path_for(path)));
    }
    void close() { m.reset(); }
    Breaks& b() { return m->breaks; }
    BreakView view(const std::string& id) {
        auto v = b().get(id);
        REQUIRE(v);
        return *v;
    }
};
} // namespace

TEST_CASE("A wall clock moved forward while Hearth is closed does not end a running break", "[breaks][clock]") {
    OnDisk d;
    auto id = d.b().start(for_minutes(30)).id;
    d.clock.advance(minutes{15});
    d.close();
    d.clock.advance(seconds{10});
    d.clock.jump_wall(hours{2});  // NTP, or the user, while Hearth is closed
    d.open();
    auto v = d.view(id);
    CHECK(v.state == BreakState::running);
    CHECK_FALSE(v.ended_while_closed);
    CHECK(v.remaining_seconds == 15 * 60 - 10);
    CHECK(v.return_at == d.clock.now() + seconds{15 * 60 - 10});

    // Closed again, and the clock set back: still the real time.
    d.close();
    d.clock.jump_wall(-hours{5});
    d.clock.advance(minutes{1});
    d.open();
    CHECK(d.view(id).remaining_seconds == 14 * 60 - 10);
    d.clock.advance(minutes{14} - seconds{10});
    CHECK(d.b().tick() == 1);
    CHECK_FALSE(d.view(id).ended_while_closed);
}

TEST_CASE("After a reboot the wall clock is the fallback", "[breaks][clock]") {
    OnDisk d;
    auto id = d.b().start(for_minutes(30)).id;
    d.clock.advance(minutes{10});
    d.close();
    d.clock.reboot(minutes{4});  // the boot clock starts again; only the wall clock knows
    d.open();
    CHECK(d.view(id).remaining_seconds == 16 * 60);
    d.clock.advance(minutes{1});
    CHECK(d.view(id).remaining_seconds == 15 * 60);
    // And from here the new boot measures again.
    d.close();
    d.clock.advance(minutes{2});
    d.clock.jump_wall(hours{3});
    d.open();
    CHECK(d.view(id).remaining_seconds == 13 * 60);
}

TEST_CASE("After a break expires, a forward jump does not make a return a minute later late", "[breaks][clock]") {
    OnDisk d;
    auto a = d.b().start(for_minutes(20)).id;
    d.clock.advance(minutes{20});
    CHECK(d.b().tick() == 1);
    d.clock.jump_wall(hours{3});
    d.clock.advance(minutes{1});
    REQUIRE(d.b().come_back(a).ok());
    CHECK(d.view(a).back_on_time == true);

    // The same across a restart.
    auto b = d.b().start(for_minutes(20, 1)).id;
    d.clock.advance(minutes{20});
    CHECK(d.b().tick() == 1);
    d.close();
    d.clock.jump_wall(hours{3});
    d.clock.advance(minutes{1});
    d.open();
    REQUIRE(d.b().come_back(b).ok());
    CHECK(d.view(b).back_on_time == true);

    // Really late is still late.
    auto c = d.b().start(for_minutes(20)).id;
    d.clock.advance(minutes{31});
    REQUIRE(d.b().come_back(c).ok());
    CHECK(d.view(c).back_on_time == false);
}

TEST_CASE("A clock set back cannot stretch a more-time chain past 24 real hours", "[breaks][clock]") {
    OnDisk d;
    auto first = d.b().start(for_minutes(24 * 60 - 10)).id;
    d.clock.advance(hours{24} - minutes{10});
    CHECK(d.b().tick() == 1);
    d.clock.jump_wall(-hours{6});
    auto r = d.b().more_time(first, 60);
    CHECK(r.field == "minutes");
    CHECK_THAT(r.error, Catch::Contains("at most 10 minutes"));

    // After a reboot, with the clock set back: the time its breaks ran counts.
    d.close();
    d.clock.reboot(minutes{1});
    d.clock.jump_wall(-hours{6});
    d.open();
    r = d.b().more_time(first, 60);
    CHECK(r.field == "minutes");
    CHECK_THAT(r.error, Catch::Contains("at most 10 minutes"));
}

TEST_CASE("A clock set back cannot stretch a follow-up past 24 real hours by extending it", "[breaks][clock]") {
    OnDisk d;
    auto first = d.b().start(for_minutes(23 * 60)).id;
    d.clock.advance(hours{23});
    auto more = d.b().more_time(first, 30);
    REQUIRE(more.ok());
    d.clock.jump_wall(-hours{5});
    auto v = d.view(more.id);
    CHECK(v.max_extend_minutes == 30);
    CHECK(d.b().extend(more.id, 40).field == "minutes");
    CHECK(d.b().extend(more.id, 30).ok());
}

TEST_CASE("A jump of the wall clock during a pause is not paused time", "[breaks][clock]") {
    OnDisk d;
    auto id = d.b().start(for_minutes(30)).id;
    d.clock.advance(minutes{2});
    REQUIRE(d.b().pause(id).ok());
    d.clock.advance(minutes{5});
    d.clock.jump_wall(hours{3});
    REQUIRE(d.b().resume(id).ok());
    CHECK(d.view(id).paused_total_ms == 5 * 60'000);
    CHECK(d.view(id).remaining_seconds == 28 * 60);

    // Paused across a restart, the clock moved meanwhile.
    REQUIRE(d.b().pause(id).ok());
    d.close();
    d.clock.advance(minutes{4});
    d.clock.jump_wall(-hours{1});
    d.open();
    REQUIRE(d.b().resume(id).ok());
    CHECK(d.view(id).paused_total_ms == 9 * 60'000);
    CHECK(d.view(id).remaining_seconds == 28 * 60);
}
