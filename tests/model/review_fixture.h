#pragma once
// A known week for the weekly-review and Markdown tests: ISO week 2026-W39
// (Mon 21 Sep .. Sun 27 Sep 2026, TZ=UTC), lived through on the fake clock
// from test::fixed_start() (Mon 14:13:20) to a review on Sunday evening.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace hearth::test {

// Moves the fake clock forward to `day` at hh:mm UTC.
inline void advance_to(FakeClock& clock, Date day, int hh, int mm) {
    using namespace std::chrono;
    const WallTime target = sys_days{day} + hours{hh} + minutes{mm};
    REQUIRE(target >= clock.now());
    clock.advance(duration_cast<milliseconds>(target - clock.now()));
}

inline std::string must(const SaveResult& r) {
    INFO("refused: " << r.field << ": " << r.error);
    REQUIRE(r.ok());
    return r.id;
}

inline std::string appreciate(Model& m, int from, const std::string& text, Date day) {
    GratitudeDraft d;
    d.from_slot = from;
    d.text = text;
    d.day = day;
    return must(m.gratitude.add(d));
}

struct KnownWeek {
    TestModel t;
    std::string coffee, story, review, session, break_id, cinema, walk;

    KnownWeek() {
        Model& m = t.model;
        FakeClock& clock = t.clock;
        // The week before: not part of W39.
        appreciate(m, 1, "Thanks for Sunday's pancakes", ymd(2026, 9, 20));

        // A weekly walk on Sundays since the week before, and dates this week.
        PlanDraft walk_d = one_off("Sunday walk", ymd(2026, 9, 20), 10 * 60, 60);
        walk_d.kind_id = "ritual";
        walk_d.recurrence.repeat = Repeat::weekly;
        walk_d.recurrence.weekdays = kSunday;
        walk = must(m.planner.add(walk_d));
        const std::string dinner = must(m.planner.add(one_off("Dinner at Luca's [corner table]", ymd(2026, 9, 25), 19 * 60 + 30, 120)));
        const std::string games = must(m.planner.add(one_off("Board games", ymd(2026, 9, 24), 19 * 60, 90)));

        // Monday.
        coffee = appreciate(m, 0, "Thank you for making coffee before my early meeting.", ymd(2026, 9, 21));

        // Tuesday evening: Sam calls a break, and they come back on time.
        advance_to(clock, ymd(2026, 9, 22), 21, 0);
        BreakRequest br;
        br.caller_slot = 1;
        br.topic = "Who does the *dishes* on weekdays";
        br.minutes = 20;
        break_id = must(m.breaks.start(br));
        clock.advance(std::chrono::minutes(20));
        m.breaks.tick();
        must(m.breaks.come_back(break_id));

        // Wednesday and Thursday.
        advance_to(clock, ymd(2026, 9, 23), 8, 0);
        story = appreciate(m, 1, "You listened to my whole story about the [project] & didn't check your phone <3",
                           ymd(2026, 9, 23));
        advance_to(clock, ymd(2026, 9, 24), 22, 0);
        appreciate(m, 0, "Thanks for taking the late call with the landlord\nso I could sleep.", ymd(2026, 9, 24));
        must(m.planner.skip(games, ymd(2026, 9, 24)));

        // Friday dinner and Sunday's walk.
        advance_to(clock, ymd(2026, 9, 26), 9, 0);
        must(m.planner.mark_done(dinner, ymd(2026, 9, 25)));
        must(m.planner.rate(dinner, ymd(2026, 9, 25), 0, 5));
        must(m.planner.rate(dinner, ymd(2026, 9, 25), 1, 4));
        must(m.planner.set_memory(dinner, ymd(2026, 9, 25), "The tiramisu!\n# We said we'd go back in spring"));
        advance_to(clock, ymd(2026, 9, 27), 12, 0);
        must(m.planner.mark_done(walk, ymd(2026, 9, 27)));
        must(m.planner.rate(walk, ymd(2026, 9, 27), 0, 4));

        // Sunday 18:00: the weekly review.
        advance_to(clock, ymd(2026, 9, 27), 18, 0);
        auto& rv = m.reviews;
        review = must(rv.start({2026, 39}));
        must(rv.set_shared(review, coffee, true));
        must(rv.set_shared(review, story, true));
        must(rv.add_appreciation(review, 0, "1. You fixed my bike\n2. You called my mum"));
        must(rv.add_appreciation(review, 1, "- thanks for *everything* (no, really: the 5_000 small things)"));
        must(rv.next(review));
        clock.advance(std::chrono::minutes(12));
        must(rv.set_went_well_note(review, "A calm week.\nMore walks, please!"));
        must(rv.next(review));
        clock.advance(std::chrono::minutes(10));

        // One issue: the break's topic, worked through with the listening exercise.
        must(rv.choose_issue(review, {IssueSource::break_topic, break_id, {}}));
        SessionSetup setup;
        setup.from_break = break_id;
        setup.first_speaker_slot = 1;
        session = must(m.sessions.start(setup));
        int loops = 0;
        for (int guard = 0; guard < 50 && m.sessions.get(session)->state == SessionState::running; ++guard) {
            auto v = *m.sessions.get(session);
            clock.advance(std::chrono::seconds(30));
            if (v.step && v.step->check && loops == 0) {
                must(m.sessions.answer(session, false));  // one "not quite": a clarify loop
                ++loops;
            } else {
                must(m.sessions.next(session));
            }
        }
        REQUIRE(m.sessions.get(session)->state == SessionState::closing);
        SessionClosing closing;
        closing.ratings[0].felt_heard = 4;
        closing.ratings[1].felt_heard = 5;
        closing.topic_talked_through = true;
        must(m.sessions.finish(session, closing));
        must(rv.issue_listened(review, session));
        must(rv.next(review));

        // Check-in and next week's plan.
        clock.advance(std::chrono::minutes(5));
        must(rv.set_connection(review, 0, 8));
        must(rv.set_connection(review, 1, 7));
        must(rv.set_loved_answer(review, 0, "Plan a surprise evening, just the two of us."));
        must(rv.set_loved_answer(review, 1, "Hold my hand on our walk_s_ > anything else"));
        must(rv.next(review));
        cinema = must(m.planner.add(one_off("Cinema: \"Past Lives\"", ymd(2026, 9, 30), 20 * 60, 150)));
        must(rv.add_plan(review, cinema));
        clock.advance(std::chrono::minutes(8));
        must(rv.finish(review));
    }
};

} // namespace hearth::test
