// Quality time: dates, rituals and shared activities, planned through the
// Planner when the couple would have planned them (in the weekly review of the
// week before, when there was one, else a few evenings ahead) and ticked off,
// rated and remembered that evening.
#include "story_parts.h"

#include <set>

namespace hearth::demo {
namespace {

using PlanId = std::shared_ptr<std::string>;  // filled in when the plan is made

// A pair of ratings: mostly 4 and 5, sometimes 3, now and then a 2; the
// second partner usually close to the first.
std::array<int, 2> rating_pair(DemoRun& run, int bias) {
    int r = run.uniform(0, 99);
    int a = r < 4 ? 2 : r < 22 - 8 * bias ? 3 : r < 60 - 10 * bias ? 4 : 5;
    int b = std::clamp(a + (run.chance(0.6) ? 0 : run.uniform(-1, 1)), 2, 5);
    if (run.chance(0.5)) std::swap(a, b);
    return {a, b};
}

// Makes the plan in the review of the week before `day`'s week when there was
// one (the review lists it), else at `otherwise`.
PlanId make_plan(DemoRun& run, Story& story, Date day, WallTime otherwise, std::function<std::string()> maker) {
    auto id = std::make_shared<std::string>();
    const Date review_week = add_days(week_start(day), -7);
    if (story.review_at.count(review_week)) {
        story.plans_made_in_review[review_week].push_back([id, maker] { return *id = maker(); });
    } else {
        run.at(run.not_after_now(otherwise), [id, maker] { *id = maker(); });
    }
    return id;
}

// A plan from the idea bank (so the idea shows when it was last used), or a
// plain one-off when the bank does not have the idea.
std::string one_off(DemoRun& run, const std::string& idea_id, const std::string& title, const std::string& place,
                    int length, Date day, int start, const std::string& kind, int suggested_by) {
    auto& m = run.model();
    if (!idea_id.empty() && m.ideas.get(idea_id)) {
        auto r = m.planner.plan_from_idea(idea_id, day, start, suggested_by);
        must(r, "plan from an idea");
        if (!place.empty()) {
            PlanDraft d = m.planner.get(r.id)->draft();
            d.place = place;
            must(m.planner.update(r.id, d), "plan place");
        }
        return r.id;
    }
    PlanDraft d;
    d.title = title;
    d.kind_id = kind;
    d.day = day;
    d.start_minute = start;
    d.length_minutes = length;
    d.place = place;
    d.suggested_by = suggested_by;
    d.phones_away = true;
    auto r = m.planner.add(d);
    must(r, "plan");
    return r.id;
}

PlanDraft ritual_draft(const Ritual& r, Date first_day, Recurrence rule) {
    PlanDraft d;
    d.title = r.title;
    d.kind_id = r.kind;
    d.day = first_day;
    d.start_minute = r.start;
    d.length_minutes = r.minutes;
    d.place = r.place;
    d.notes = r.notes;
    d.suggested_by = r.suggested_by;
    d.recurrence = rule;
    return d;
}

PlanId add_ritual_at(DemoRun& run, WallTime when, PlanDraft d) {
    auto id = std::make_shared<std::string>();
    run.at(run.not_after_now(when), [&run, id, d] {
        auto r = run.model().planner.add(d);
        must(r, "ritual");
        *id = r.id;
    });
    return id;
}

// What became of one occurrence.
struct Outcome {
    bool done = true;                 // false: skipped
    bool rated = true;
    int rating_bias = 0;
    std::string memory;
};

// Marks one occurrence that is over done (rated, remembered) or skipped, that
// evening (a skip: a few hours before). One still ahead stays planned.
void settle(DemoRun& run, const PlanId& plan, Date original_day, WallTime start, WallTime end, const Outcome& o) {
    if (end > run.now) return;
    const WallTime when = run.not_after_now(run.jitter((o.done ? end : start - hours{3}) + minutes{run.uniform(20, 150)}));
    std::optional<std::array<int, 2>> stars;
    if (o.done && o.rated) stars = rating_pair(run, o.rating_bias);
    run.at(when, [&run, plan, original_day, o, stars] {
        auto& planner = run.model().planner;
        if (!o.done) {
            must(planner.skip(*plan, original_day), "skipped plan");
            return;
        }
        must(planner.mark_done(*plan, original_day), "quality time");
        if (stars)
            for (int slot = 0; slot < 2; ++slot) must(planner.rate(*plan, original_day, slot, (*stars)[std::size_t(slot)]), "rating");
        if (!o.memory.empty()) must(planner.set_memory(*plan, original_day, o.memory), "memory");
    });
}

// Memories drawn without repeats; empty once the deck is used up.
struct Deck {
    std::vector<std::string> cards;
    std::size_t next = 0;
    Deck(DemoRun& run, std::vector<std::string> c) : cards(std::move(c)) { run.shuffle(cards); }
    std::string draw() { return next < cards.size() ? cards[next++] : std::string(); }
};

} // namespace

// Half a year of dates (one a week, Friday or Saturday, three skipped), the
// Sunday walk, an evening check-in on Monday to Thursday that replaced an
// early-morning coffee ritual ended two months ago, and a few shared
// activities from the idea bank. This week and next are planned, with one
// overlap next week (the dance lesson runs into the evening check-in).
void write_quality_time(DemoRun& run, Story& story) {
    constexpr int kWeeks = 26;
    const auto& t = run.texts();
    const Date this_monday = week_start(run.today);
    const Date first_monday = add_days(this_monday, -7 * (kWeeks - 1));
    // Made a few evenings before, when no review made it.
    auto evenings_before = [&run](Date day) {
        return local_midnight(add_days(day, -run.uniform(3, 6))) + hours{20} + minutes{run.uniform(0, 90)};
    };

    // The rituals.
    const PlanDraft walk = ritual_draft(t.walk, add_days(first_monday, 6), {Repeat::weekly, kSunday, 1, std::nullopt});
    const PlanId walk_id = add_ritual_at(run, local_midnight(add_days(walk.day, -3)) + hours{21} + minutes{12}, walk);

    const Date coffee_last = add_days(this_monday, -7 * 8 - 3);   // a Friday, two months ago
    const PlanDraft coffee =
        ritual_draft(t.coffee, first_monday, {Repeat::weekly, kMonday | kWednesday | kFriday, 1, std::nullopt});
    const PlanId coffee_id = add_ritual_at(run, local_midnight(add_days(first_monday, -2)) + hours{20} + minutes{41}, coffee);

    const PlanDraft talk = ritual_draft(t.check_in, add_days(coffee_last, 3),   // the Monday after the coffees ended
                                        {Repeat::weekly, kMonday | kTuesday | kWednesday | kThursday, 1, std::nullopt});
    const PlanId talk_id = add_ritual_at(run, local_midnight(add_days(talk.day, -1)) + hours{19} + minutes{8}, talk);

    // The weekly dates, one per week from 26 weeks ago to next week.
    std::vector<const DateIdea*> deck;
    for (const auto& d : t.dates) deck.push_back(&d);
    run.shuffle(deck);
    std::set<int> skipped_weeks;
    while (skipped_weeks.size() < 3) skipped_weeks.insert(run.uniform(2, kWeeks - 2));
    const int moved_walk_week = 5;
    std::set<int> friday_only{moved_walk_week};   // weeks with something else on Saturday
    for (const auto& a : t.activities)
        if (a.weekday == 5) friday_only.insert(a.weeks_ago);
    std::size_t next_date = 0;
    for (int w = kWeeks - 1; w >= -1; --w) {
        const Date monday = add_days(this_monday, -7 * w);
        // A week with Saturday taken has its date on a Friday evening.
        const bool free_saturday = friday_only.count(w) == 0;
        const std::size_t i = next_date++ % deck.size();
        for (std::size_t j = i + 1; !free_saturday && deck[i]->saturday_start > 0 && j < deck.size(); ++j)
            if (deck[j]->saturday_start == 0) std::swap(deck[i], deck[j]);
        const DateIdea d = *deck[i];
        const bool saturday_day = d.saturday_start > 0 && free_saturday;
        const bool saturday = saturday_day || (free_saturday && run.chance(0.4));
        const Date day = add_days(monday, saturday ? 5 : 4);
        const int start = saturday_day ? d.saturday_start : 19 * 60 + 30 * run.uniform(0, 2);
        const int by = run.uniform(0, 1);
        const PlanId id = make_plan(run, story, day, evenings_before(day), [&run, d, day, start, by] {
            return one_off(run, d.idea, d.title, d.place, d.minutes, day, start, "date", by);
        });
        Outcome o;
        o.done = skipped_weeks.count(w) == 0;
        o.rating_bias = 1;
        if (o.done && run.chance(0.85)) o.memory = d.memory;
        // A plan from an idea takes the idea's length.
        int length = d.minutes;
        if (!d.idea.empty())
            if (auto idea = run.model().ideas.get(d.idea)) length = idea->length_minutes;
        const WallTime begins = local_at(day, start);
        settle(run, id, day, begins, begins + minutes{length}, o);
    }

    // Shared activities from the idea bank.
    for (const auto& a : t.activities) {
        const Date day = add_days(this_monday, -7 * a.weeks_ago + a.weekday);
        const int by = run.uniform(0, 1);
        const PlanId id = make_plan(run, story, day, evenings_before(day), [&run, a, day, by] {
            return one_off(run, a.idea, a.title, "", 60, day, a.start, "activity", by);
        });
        int length = 60;
        if (auto idea = run.model().ideas.get(a.idea)) length = idea->length_minutes;
        Outcome o;
        o.memory = a.memory;
        const WallTime begins = local_at(day, a.start);
        settle(run, id, day, begins, begins + minutes{length}, o);
    }

    // The walks: most done, a few rained off, one moved to Saturday.
    Deck walk_notes(run, t.walk_memories);
    for (Date d : expand(walk.recurrence, walk.day, walk.day, add_days(this_monday, 13))) {
        const int weeks_ago = days_between(week_start(d), this_monday) / 7;
        Outcome o;
        WallTime begins = local_at(d, walk.start_minute);
        if (weeks_ago == moved_walk_week) {
            const Date moved_to = add_days(d, -1);
            run.at(local_midnight(add_days(d, -4)) + hours{19} + minutes{52}, [&run, walk_id, d, moved_to] {
                must(run.model().planner.move_occurrence(*walk_id, d, moved_to, 11 * 60), "moved walk");
            });
            begins = local_at(moved_to, 11 * 60);
            o.memory = t.moved_walk_memory;
        } else {
            o.done = !run.chance(0.1);
            if (o.done && run.chance(0.55)) o.memory = walk_notes.draw();
        }
        o.rated = run.chance(0.85);
        settle(run, walk_id, d, begins, begins + minutes{walk.length_minutes}, o);
    }

    // The morning coffees, up to their end; then the ritual ends, its past kept.
    Deck coffee_notes(run, t.coffee_memories);
    for (Date d : expand(coffee.recurrence, coffee.day, coffee.day, coffee_last)) {
        if (run.chance(0.12)) continue;   // never ticked off
        Outcome o;
        o.done = !run.chance(0.12);
        o.rated = run.chance(0.35);
        if (o.done && run.chance(0.05)) o.memory = coffee_notes.draw();
        const WallTime begins = local_at(d, coffee.start_minute);
        settle(run, coffee_id, d, begins, begins + minutes{coffee.length_minutes}, o);
    }
    // Ended on the Sunday after its last coffee.
    run.at(local_midnight(add_days(coffee_last, 2)) + hours{19} + minutes{3}, [&run, coffee_id, coffee_last] {
        must(run.model().planner.end_ritual(*coffee_id, coffee_last), "ended ritual");
    });

    // The evening check-ins since.
    Deck checkin_notes(run, t.checkin_memories);
    for (Date d : expand(talk.recurrence, talk.day, talk.day, run.today)) {
        if (run.chance(0.1)) continue;
        Outcome o;
        o.done = !run.chance(0.15);
        o.rated = run.chance(0.5);
        if (o.done && run.chance(0.12)) o.memory = checkin_notes.draw();
        const WallTime begins = local_at(d, talk.start_minute);
        settle(run, talk_id, d, begins, begins + minutes{talk.length_minutes}, o);
    }
}

// A Sunday walk every week and a date every Friday or Saturday for `years`
// years up to next week, mostly done and rated.
void write_long_quality_time(DemoRun& run, Story& story, int years) {
    const auto& t = run.texts();
    const Date first_monday = week_start(add_days(run.today, -span_days(years)));
    const Date this_monday = week_start(run.today);
    const Date first_sunday = add_days(first_monday, 6);
    const PlanDraft walk = ritual_draft(t.long_walk, first_sunday, {Repeat::weekly, kSunday, 1, std::nullopt});
    const PlanId walk_id = add_ritual_at(run, local_midnight(add_days(first_sunday, -2)) + hours{20}, walk);

    // An occurrence that is over: done (rated, now and then a memory), skipped, or never ticked off.
    auto settle_long = [&run](const PlanId& id, Date day, int start, int length, const std::string& memory) {
        const int r = run.uniform(0, 99);
        if (r < 5) return;
        Outcome o;
        o.done = r >= 13;
        o.rating_bias = 1;
        if (o.done && !memory.empty() && run.chance(0.3)) o.memory = memory;
        const WallTime begins = local_at(day, start);
        settle(run, id, day, begins, begins + minutes{length}, o);
    };

    for (Date monday = first_monday; monday <= add_days(this_monday, 7); monday = add_days(monday, 7)) {
        settle_long(walk_id, add_days(monday, 6), walk.start_minute, walk.length_minutes, run.pick(t.walk_memories));
        const DateIdea& d = run.pick(t.dates);
        const Date day = add_days(monday, run.chance(0.6) ? 4 : 5);
        const int start = 19 * 60 + 30 * run.uniform(0, 2);
        const int by = run.uniform(0, 1);
        const WallTime otherwise = local_midnight(add_days(monday, -1)) + hours{19} + minutes{run.uniform(30, 59)};
        const PlanId id = make_plan(run, story, day, otherwise, [&run, &d, day, start, by] {
            return one_off(run, "", d.title, d.place, d.minutes, day, start, "date", by);
        });
        settle_long(id, day, start, d.minutes, d.memory);
    }
}

} // namespace hearth::demo
