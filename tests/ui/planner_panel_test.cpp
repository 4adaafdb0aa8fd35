// The planner panel ("Time together") drawn headless with an empty and a busy
// week at a small and a large size, a plan created from the keyboard, and the
// decisions behind drag and drop and "Plan it".
#include "app_ui.h"
#include "panels/planner_panel.h"

#include <catch2/catch.hpp>

using namespace hearth;

namespace {

// Monday 2026-09-21 (the fake clock's day, 14:13 UTC).
Date monday() { return Date{std::chrono::year{2026}, std::chrono::month{9}, std::chrono::day{21}}; }

struct PlannerUi : test::OwnedAppUi {
    PlannerUi() { REQUIRE(shell.select("planner")); }
    void frames(int n = 3) { AppUi::frames(n); }
    // Hands the panel an argument as another panel would, then draws.
    void hand(Handoff with, int n = 3) {
        ctx.go_to(PanelId::planner, std::move(with));
        frames(n);
    }
    void every_view_at_both_sizes() {
        for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000), ImVec2(640, 480)}) {
            INFO("at " << size.x << "x" << size.y);
            h.resize(size);
            for (PlannerTab view : {PlannerTab::week, PlannerTab::agenda, PlannerTab::ideas, PlannerTab::week}) {
                INFO("view " << int(view));
                REQUIRE_NOTHROW(hand(ShowPlannerTab{view}));
                CHECK(shell.current_id() == "planner");
            }
        }
    }
};

PlanDraft plan(const std::string& title, Date day, int hh, int mm, int minutes, std::optional<int> by = std::nullopt) {
    PlanDraft d;
    d.title = title;
    d.day = day;
    d.start_minute = hh * 60 + mm;
    d.length_minutes = minutes;
    d.suggested_by = by;
    return d;
}

// Several plans, a weekday ritual, two overlapping evenings, a done plan rated
// by both, a skipped and a moved occurrence, and text with an emoji.
struct Busy {
    std::string dinner, ritual, film, games, done_walk;
    explicit Busy(Planner& p) {
        Date mon = monday();
        dinner = p.add(plan("Dinner at the little Greek place", mon, 19, 30, 120, 0)).id;
        PlanDraft r = plan("Ten minutes on the sofa, phones away", mon, 7, 30, 15, 1);
        r.kind_id = "ritual";
        r.recurrence.repeat = Repeat::weekly;
        r.recurrence.weekdays = kMonday | kTuesday | kWednesday | kThursday | kFriday;
        ritual = p.add(r).id;
        film = p.add(plan("Movie night at home \xF0\x9F\x8E\xAC with a very long title that has to wrap in a narrow column",
                          add_days(mon, 2), 20, 0, 150, 1)).id;
        games = p.add(plan("Board games", add_days(mon, 2), 21, 0, 60, 0)).id;
        PlanDraft w = plan("Morning walk by the river", mon, 9, 0, 60, 0);
        w.place = "The river path";
        w.notes = "Bring the flask.";
        done_walk = p.add(w).id;
        REQUIRE(!dinner.empty());
        REQUIRE(!ritual.empty());
        REQUIRE(!film.empty());
        REQUIRE(!games.empty());
        REQUIRE(!done_walk.empty());
        REQUIRE(p.mark_done(done_walk, mon).ok());
        REQUIRE(p.rate(done_walk, mon, 0, 5).ok());
        REQUIRE(p.rate(done_walk, mon, 1, 4).ok());
        REQUIRE(p.set_memory(done_walk, mon, "The heron on the bridge.").ok());
        REQUIRE(p.skip(ritual, add_days(mon, 3)).ok());
        REQUIRE(p.move_occurrence(ritual, add_days(mon, 4), add_days(mon, 5), 9 * 60).ok());
        // A plan next week too, for the agenda.
        REQUIRE(p.add(plan("Pottery class", add_days(mon, 9), 18, 0, 120)).ok());
    }
};

} // namespace

TEST_CASE("The planner draws an empty week in every view and size", "[ui][planner]") {
    PlannerUi u;
    u.frames();
    u.every_view_at_both_sizes();
    CHECK(u.t.model.planner.plans().empty());
}

TEST_CASE("The planner draws a busy week: a ritual, overlaps, ratings, a skipped and a moved time", "[ui][planner]") {
    PlannerUi u;
    Busy b(u.t.model.planner);
    auto week = u.t.model.planner.week(monday());
    REQUIRE(week.days[2].size() >= 3);   // Wednesday: the ritual, the film and the games
    CHECK(week.days[2][1].overlaps);
    u.frames();
    u.every_view_at_both_sizes();
    // An occurrence shown in detail: the done one with both ratings, and a ritual's time.
    for (ImVec2 size : {ImVec2(800, 600), ImVec2(1600, 1000)}) {
        u.h.resize(size);
        REQUIRE_NOTHROW(u.hand(ShowOccurrence{b.done_walk, monday()}));
        REQUIRE_NOTHROW(u.hand(ShowOccurrence{b.ritual, add_days(monday(), 4)}));
        REQUIRE_NOTHROW(u.hand(ShowOccurrence{b.film, add_days(monday(), 2)}));
        REQUIRE_NOTHROW(u.hand(PlanNew{}));
    }
    // Other weeks: the one before is empty, the next has the class.
    u.t.clock.advance(std::chrono::hours(24 * 7));
    REQUIRE_NOTHROW(u.frames());
}

TEST_CASE("The planner queries the model only when something changed", "[ui][planner]") {
    PlannerUi u;
    Busy b(u.t.model.planner);
    u.frames();
    // Changing the model between frames is picked up on the next frame.
    REQUIRE(u.t.model.planner.add(plan("Late picnic", add_days(monday(), 6), 12, 0, 90)).ok());
    REQUIRE_NOTHROW(u.frames(2));
    REQUIRE(u.t.model.planner.remove(b.games));
    REQUIRE_NOTHROW(u.frames(2));
}

TEST_CASE("A new plan typed from the keyboard: title, Enter saves it on the next free evening", "[ui][planner]") {
    PlannerUi u;
    u.hand(PlanNew{});
    REQUIRE(ImGui::GetIO().WantTextInput);   // the title has focus
    // Enter with no title is refused inline; nothing is saved and the form stays.
    u.press(test::Headless::kEnter);
    u.frames(1);
    CHECK(u.t.model.planner.plans().empty());
    u.frames(2);
    u.h.type("Walk by the river ");
    u.h.type_codepoint(0x1F33B);   // an emoji survives the 16-bit build
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(1);
    auto plans = u.t.model.planner.plans();
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].title == "Walk by the river \xF0\x9F\x8C\xBB");
    CHECK(plans[0].day == monday());          // today is still free at 19:00
    CHECK(plans[0].start_minute == 19 * 60);
    CHECK(plans[0].length_minutes == 60);
    CHECK(plans[0].phones_away);
    CHECK_FALSE(plans[0].recurring());
    CHECK_FALSE(plans[0].suggested_by);
    // The form closed; the week shows it.
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK(u.t.model.planner.week(monday()).days[0].size() == 1);
}

TEST_CASE("\"Plan it\" defaults to the chosen day, else the next free evening at 19:00", "[ui][planner]") {
    test::TestModel t;
    Planner& p = t.model.planner;
    using ui::planner_ui::default_idea_slot;
    auto now = t.clock.now();   // Monday 14:13
    auto s = default_idea_slot(p, monday(), now, std::nullopt);
    CHECK(s.day == monday());
    CHECK(s.minute == 19 * 60);
    // Tonight is taken (20:00 overlaps 19:00-21:00): tomorrow.
    REQUIRE(p.add(plan("Concert", monday(), 20, 0, 120)).ok());
    CHECK(default_idea_slot(p, monday(), now, std::nullopt).day == add_days(monday(), 1));
    // A skipped plan frees the evening again.
    auto id = p.plans().front().id;
    REQUIRE(p.skip(id, monday()).ok());
    CHECK(default_idea_slot(p, monday(), now, std::nullopt).day == monday());
    // After 19:00 today is over.
    CHECK(default_idea_slot(p, monday(), now + std::chrono::hours(5), std::nullopt).day == add_days(monday(), 1));
    // A week ahead starts at its Monday; a chosen day wins.
    CHECK(default_idea_slot(p, add_days(monday(), 14), now, std::nullopt).day == add_days(monday(), 14));
    CHECK(default_idea_slot(p, monday(), now, add_days(monday(), 4)).day == add_days(monday(), 4));
    // A past week: from today.
    CHECK(default_idea_slot(p, add_days(monday(), -7), now, std::nullopt).day == monday());
}

TEST_CASE("Dropping a ritual's time on another day moves only that time; a one-off moves whole", "[ui][planner]") {
    test::TestModel t;
    Planner& p = t.model.planner;
    Busy b(p);
    using ui::planner_ui::drop_on_day;
    Date tue = add_days(monday(), 1), sat = add_days(monday(), 5);
    auto occ = p.occurrence(b.ritual, tue);
    REQUIRE(occ);
    REQUIRE(drop_on_day(p, *occ, sat).ok());
    auto moved = p.occurrence(b.ritual, tue);
    REQUIRE(moved);
    CHECK(moved->day == sat);
    CHECK(moved->start_minute == 7 * 60 + 30);   // keeps its time
    CHECK(p.occurrence(b.ritual, add_days(monday(), 2))->day == add_days(monday(), 2));   // Wednesday stays
    CHECK(p.week(monday()).days[1].empty());

    auto dinner = p.occurrence(b.dinner, monday());
    REQUIRE(dinner);
    REQUIRE(drop_on_day(p, *dinner, sat).ok());
    auto plan_now = p.get(b.dinner);
    REQUIRE(plan_now);
    CHECK(plan_now->day == sat);
    CHECK(plan_now->start_minute == 19 * 60 + 30);
    // Dropped where it already is: nothing changes.
    auto seq = plan_now->sequence;
    auto again = p.occurrence(b.dinner, sat);
    REQUIRE(again);
    REQUIRE(drop_on_day(p, *again, sat).ok());
    CHECK(p.get(b.dinner)->sequence == seq);
}

TEST_CASE("\"Plan it\" from the panel's idea bank makes a plan in one click", "[ui][planner]") {
    PlannerUi u;
    u.hand(ShowPlannerTab{PlannerTab::ideas});
    REQUIRE_FALSE(u.t.model.ideas.all().empty());
    // The model action the button calls, on the panel's default slot.
    auto slot = ui::planner_ui::default_idea_slot(u.t.model.planner, monday(), u.t.clock.now(), std::nullopt);
    const Idea idea = u.t.model.ideas.all().front();
    auto r = u.t.model.planner.plan_from_idea(idea.id, slot.day, slot.minute, 1);
    REQUIRE(r.ok());
    REQUIRE_NOTHROW(u.frames());
    auto plans = u.t.model.planner.plans();
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].title == idea.title);
    CHECK(plans[0].suggested_by == 1);
    CHECK(u.t.model.ideas.get(idea.id)->last_used == slot.day);
    // "Suggest one" then avoids it.
    auto next = u.t.model.ideas.suggest(0);
    REQUIRE(next);
    CHECK(next->id != idea.id);
}
