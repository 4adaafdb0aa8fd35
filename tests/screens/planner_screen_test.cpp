// The planner's state without ImGui: the form's rules, "Plan it" as one model
// command, selecting and moving, and how many queries a sync makes.
#include "planner_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;
using test::one_off;

namespace {

// The fake clock: Monday 2026-09-21, 14:13.
Date monday() { return test::ymd(2026, 9, 21); }

struct Fixture {
    explicit Fixture(bool with_couple = true) : t(with_couple), s(t.model, t.clock) { s.sync(); }
    test::TestModel t;
    PlannerScreen s;
    Planner& planner() { return t.model.planner; }
    uint64_t queries() const { return t.model.db.queries(); }
};

} // namespace

TEST_CASE("Planner screen: a new plan starts on the next free evening and saves from the form", "[screens][planner]") {
    Fixture f;
    REQUIRE(f.planner().add(one_off("Concert", monday(), 20 * 60, 120)).ok());
    f.s.sync();
    f.s.open_new_form(std::nullopt);
    PlanForm& form = f.s.form;
    CHECK(form.open);
    CHECK(form.focus_title);
    CHECK(form.day.day == add_days(monday(), 1));   // tonight is taken
    CHECK(form.time_text == "19:00");
    CHECK(form.draft.length_minutes == 60);
    CHECK(form.draft.phones_away);
    CHECK(form.repeat == RepeatMode::none);

    // An empty title is refused on the title, which gets the focus again.
    form.focus_title = false;
    CHECK(f.s.save_form().field == "title");
    CHECK(form.focus_title);
    CHECK(form.open);
    // A time that is not hh:mm and a day that is not a day are refused before the model is asked.
    form.title = "Walk by the river";
    form.time_text = "7pm";
    CHECK(f.s.save_form().field == "time");
    form.time_text = "19:30";
    form.day.text = "2026-13-40";
    form.day.typed();
    CHECK_FALSE(form.day.error.empty());
    CHECK(form.day.day == add_days(monday(), 1));   // the last day understood stays
    CHECK(f.s.save_form().field == "day");
    CHECK(f.planner().plans().size() == 1);

    form.day.text = "2026-09-29";
    form.day.typed();
    auto r = f.s.save_form();
    REQUIRE(r.ok());
    CHECK_FALSE(form.open);
    auto saved = f.planner().get(r.id);
    REQUIRE(saved);
    CHECK(saved->day == add_days(monday(), 8));
    CHECK(saved->start_minute == 19 * 60 + 30);
    CHECK_FALSE(saved->recurring());
    // The week shown follows the plan, and the couple is told.
    f.s.sync();
    CHECK(f.s.monday() == add_days(monday(), 7));
    CHECK(f.s.take_notice() == "Planned: Walk by the river, Tue 29 Sep 2026 at 19:30.");
    CHECK(f.s.take_notice().empty());
}

TEST_CASE("Planner screen: the repeat choice becomes the ritual's rule", "[screens][planner]") {
    Fixture f;
    f.s.open_new_form(monday());
    CHECK(f.s.form.draft.recurrence.weekdays == kMonday);   // the form's day, ready when weekdays are chosen
    f.s.form.title = "Tea after work";
    f.s.form.repeat = RepeatMode::every_few_weeks;
    f.s.form.draft.recurrence.weekdays = kMonday | kThursday;
    f.s.form.interval_weeks = 3;
    auto r = f.s.save_form();
    REQUIRE(r.ok());
    auto p = f.planner().get(r.id);
    REQUIRE(p);
    CHECK(p->recurrence.repeat == Repeat::weekly);
    CHECK(p->recurrence.interval_weeks == 3);
    CHECK(p->recurrence.weekdays == (kMonday | kThursday));

    // Editing it opens the form on the whole ritual, with its rule.
    f.s.sync();
    auto occ = f.planner().occurrence(r.id, monday());
    REQUIRE(occ);
    f.s.select(*occ);
    f.s.sync();
    f.s.edit_selected_plan();
    CHECK(f.s.form.editing_ritual());
    CHECK(f.s.form.repeat == RepeatMode::every_few_weeks);
    CHECK(f.s.form.interval_weeks == 3);
    f.s.form.repeat = RepeatMode::daily;
    REQUIRE(f.s.save_form().ok());
    CHECK(f.planner().get(r.id)->recurrence.repeat == Repeat::daily);
}

TEST_CASE("Planner screen: \"Plan it\" is one model command; a refused plan leaves the idea as it was", "[screens][planner]") {
    Fixture f(false);   // no couple yet: "suggested by" is refused
    f.s.idea_by = 1;
    const Idea before = *f.t.model.ideas.get("movie-night");
    auto r = f.s.plan_idea("movie-night");
    CHECK(r.field == "suggested_by");
    CHECK_FALSE(f.s.idea_plan_error().empty());
    CHECK(f.planner().plans().empty());
    f.t.model.ideas.reload();
    CHECK(f.t.model.ideas.get("movie-night")->times_used == before.times_used);
    CHECK(f.t.model.ideas.get("movie-night")->last_used == before.last_used);
    CHECK_FALSE(f.s.take_tab_request());

    f.s.idea_by = -1;
    r = f.s.plan_idea("movie-night");
    REQUIRE(r.ok());
    CHECK(f.s.idea_plan_error().empty());
    auto p = f.planner().get(r.id);
    REQUIRE(p);
    CHECK(p->day == monday());
    CHECK(p->start_minute == 19 * 60);
    CHECK(p->idea_id == "movie-night");
    CHECK(f.t.model.ideas.get("movie-night")->times_used == before.times_used + 1);
    CHECK(f.t.model.ideas.get("movie-night")->last_used == monday());
    // The week shows it, selected, with its card ready.
    CHECK(f.s.take_tab_request() == PlannerTab::week);
    f.s.sync();
    REQUIRE(f.s.selected_occurrence());
    CHECK(f.s.selected_occurrence()->plan_id == r.id);
    CHECK(f.s.card.move_day.day == monday());
    CHECK(f.s.card.move_time == "19:00");
    // Tonight is taken now: the next idea goes on tomorrow.
    CHECK(f.s.idea_slot().day == add_days(monday(), 1));
    // A chosen day wins.
    f.s.toggle_day(add_days(monday(), 4));
    f.s.sync();
    CHECK(f.s.idea_slot().day == add_days(monday(), 4));
}

TEST_CASE("Planner screen: selecting, moving and dropping an occurrence", "[screens][planner]") {
    Fixture f;
    auto dinner = f.planner().add(one_off("Dinner", monday(), 19 * 60 + 30, 90)).id;
    f.s.sync();
    REQUIRE(f.s.week().days[0].size() == 1);
    f.s.select(f.s.week().days[0][0]);
    CHECK(f.s.take_scroll_to_detail());
    f.s.sync();
    REQUIRE(f.s.selected_occurrence());

    // A time that is not a time is refused; nothing moves.
    f.s.card.move_time = "half past seven";
    f.s.move_selected();
    CHECK(f.s.card.result.field == "time");
    CHECK(f.planner().get(dinner)->day == monday());
    // Moved to Saturday at 20:00: the one-off moves, the selection follows it.
    f.s.card.move_time = "20:00";
    f.s.card.move_day.set(add_days(monday(), 5));
    f.s.move_selected();
    REQUIRE(f.s.card.result.ok());
    f.s.sync();
    CHECK(f.planner().get(dinner)->day == add_days(monday(), 5));
    REQUIRE(f.s.selected_occurrence());
    CHECK(f.s.selected_occurrence()->day == add_days(monday(), 5));
    CHECK(f.s.selected_occurrence()->start_minute == 20 * 60);

    // Dragged onto Wednesday: keeps its time, and the couple is told.
    f.s.start_drag(*f.s.selected_occurrence());
    REQUIRE(f.s.drop_on_day(add_days(monday(), 2)).ok());
    CHECK(f.s.take_notice() == "Moved \xE2\x80\x9C" "Dinner\xE2\x80\x9D to Wed 23 Sep 2026.");
    CHECK(f.planner().get(dinner)->day == add_days(monday(), 2));
    CHECK(f.planner().get(dinner)->start_minute == 20 * 60);

    // Deleting asks first in the view; the command deletes and clears the selection.
    f.s.card.confirm_delete = true;
    f.s.delete_plan(dinner);
    CHECK_FALSE(f.s.card.confirm_delete);
    CHECK(f.s.selected().empty());
    CHECK(f.planner().plans().empty());
}

TEST_CASE("Planner screen: a sync with nothing changed makes no query", "[screens][planner]") {
    Fixture f;
    REQUIRE(f.planner().add(one_off("Dinner", monday(), 19 * 60, 90)).ok());
    f.s.sync();
    f.s.select(f.s.week().days[0][0]);
    f.s.sync();
    const uint64_t before = f.queries();
    for (int i = 0; i < 10; ++i) f.s.sync();
    CHECK(f.queries() == before);

    // A change in the model: read again once.
    REQUIRE(f.planner().add(one_off("Walk", add_days(monday(), 1), 9 * 60)).ok());
    const uint64_t changed = f.queries();
    f.s.sync();
    CHECK(f.queries() > changed);
    CHECK(f.s.week().days[1].size() == 1);
    CHECK(f.s.figures().planned == 2);
    CHECK(f.s.figures().minutes_planned == 150);
    const uint64_t reread = f.queries();
    f.s.sync();
    CHECK(f.queries() == reread);

    // Another week, or another day chosen: read again.
    f.s.show_week(add_days(monday(), 7));
    f.s.sync();
    CHECK(f.queries() > reread);
    CHECK(f.s.figures().planned == 0);
    const uint64_t next_week = f.queries();
    f.s.sync();
    CHECK(f.queries() == next_week);
    // The next day: read again.
    f.t.clock.advance(std::chrono::hours(24));
    f.s.sync();
    CHECK(f.queries() > next_week);
}
