#include "demo_data.h"
#include "test_support.h"
#include "utf8.h"
#include "week_summary.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace hearth;

namespace {

struct EmptyModel {
    FakeClock clock{WallTime{std::chrono::seconds{1'790'000'000}}};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
};

std::vector<GratitudeEntry> all_entries(Model& m) {
    return m.gratitude.page(GratitudeFilter{}, 0, 1'000'000);
}

// Every created_at / updated_at (and the other instants) in the tables the demo writes.
int64_t rows_after(Model& m, const std::string& now) {
    int64_t n = 0;
    for (const char* sql : {
             "SELECT count(*) FROM plan WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM plan_occurrence WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM plan_rating WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM exercise_session WHERE created_at > ?1 OR updated_at > ?1 OR started_at > ?1"
             " OR ended_at > ?1 OR anchor_at > ?1",
             "SELECT count(*) FROM exercise_step WHERE created_at > ?1 OR updated_at > ?1 OR ended_at > ?1",
             "SELECT count(*) FROM exercise_rating WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM weekly_review WHERE created_at > ?1 OR updated_at > ?1 OR finished_at > ?1",
             "SELECT count(*) FROM weekly_review_checkin WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM weekly_review_plan WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM gratitude WHERE created_at > ?1 OR updated_at > ?1",
             "SELECT count(*) FROM conflict_break WHERE created_at > ?1 OR updated_at > ?1"}) {
        auto& st = m.db.prepare(sql);
        st.bind(1, now);
        st.step();
        INFO(sql);
        CHECK(st.integer(0) == 0);
        n += st.integer(0);
        st.reset();
    }
    return n;
}

int64_t count_of(Model& m, const char* sql) {
    auto& st = m.db.prepare(sql);
    st.step();
    int64_t n = st.integer(0);
    st.reset();
    return n;
}

std::vector<std::string> texts_of(const std::vector<GratitudeEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.text);
    return out;
}

} // namespace

TEST_CASE("The demo couple is Maya and Sam with a category of their own", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& couple = t.model.couple;
    REQUIRE(couple.is_set_up());
    CHECK(couple.partner(0).name == "Maya");
    CHECK(couple.partner(0).color == Rgb{196, 88, 72});
    CHECK(couple.partner(1).name == "Sam");
    CHECK(couple.partner(1).color == Rgb{58, 122, 180});

    int own = 0;
    for (const auto& c : t.model.categories.all())
        if (!c.builtin) ++own;
    CHECK(own == 1);
}

TEST_CASE("Demo appreciations cover half a year ending today, both ways", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    const Date today = local_date(t.clock.now());
    const Date this_monday = week_start(today);
    const auto now_text = format_utc(t.clock.now());

    auto entries = all_entries(t.model);
    CHECK(int(entries.size()) == t.model.gratitude.count({}));
    CHECK(entries.size() >= 100);
    CHECK(entries.size() <= 400);

    std::set<std::string> categories_used;
    int uncategorised = 0, older = 0, older_shared = 0;
    std::array<int, 2> from{};
    for (const auto& e : entries) {
        INFO(e.text);
        CHECK(e.day <= today);
        CHECK(days_between(e.day, today) < 26 * 7);
        CHECK(e.to_slot == 1 - e.from_slot);
        CHECK(e.created_at <= now_text);
        CHECK(e.updated_at >= e.created_at);
        ++from[std::size_t(e.from_slot)];
        if (e.category_id) {
            CHECK(t.model.categories.exists(*e.category_id));
            categories_used.insert(*e.category_id);
        } else {
            ++uncategorised;
        }
        if (e.day >= this_monday) {
            CHECK_FALSE(e.shared_in_review);
        } else {
            ++older;
            older_shared += e.shared_in_review;
        }
    }
    // Both directions, every category including the couple's own, some left blank.
    CHECK(from[0] > 50);
    CHECK(from[1] > 50);
    CHECK(categories_used.size() == t.model.categories.all().size());
    CHECK(uncategorised > 0);
    CHECK(uncategorised < int(entries.size()) / 3);
    // Most of the older weeks went through a weekly review.
    CHECK(older_shared * 10 > older * 6);
    CHECK(older_shared < older);

    // Every one of the 26 weeks has something from both partners.
    for (int w = 0; w < 26; ++w) {
        auto week = t.model.gratitude.week(add_days(this_monday, -7 * w));
        INFO("week " << w);
        CHECK(week.given[0] >= 2);
        CHECK(week.given[1] >= 2);
        CHECK(week.given[0] <= 7);
        CHECK(week.given[1] <= 7);
    }
}

TEST_CASE("This week in the demo has notes from both, so the nudge shows", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto week = t.model.gratitude.week(local_date(t.clock.now()));
    CHECK(week.given[0] > 0);
    CHECK(week.given[1] > 0);
    CHECK(week.given[0] + week.given[1] >= 4);
    CHECK(week.invite_slot.has_value());
    CHECK_FALSE(week.newest.empty());
}

TEST_CASE("The demo works just after midnight on a Monday, too", "[demo]") {
    // 2026-09-21 00:05 UTC: in most zones the week has barely begun.
    FakeClock clock{WallTime{std::chrono::seconds{1'790'000'000 - 14 * 3600 - 13 * 60 - 20 + 5 * 60}}};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    fill_demo_data(model);
    const Date today = local_date(clock.now());
    auto week = model.gratitude.week(today);
    CHECK(week.given[0] == 3);
    CHECK(week.given[1] == 2);
    for (const auto& e : all_entries(model)) {
        CHECK(e.day <= today);
        CHECK(e.created_at <= format_utc(clock.now()));
    }
    CHECK(rows_after(model, format_utc(clock.now())) == 0);
    CHECK_FALSE(model.sessions.current());
    CHECK(model.reviews.history_count() >= 15);
    CHECK_FALSE(model.reviews.for_week(iso_week(today)));
    CHECK_FALSE(model.planner.week(today).all().empty());
}

TEST_CASE("Demo texts are valid, varied UTF-8 within the limit", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto entries = all_entries(t.model);
    std::set<std::string> distinct;
    bool astral = false, curly = false, accented = false;
    for (const auto& e : entries) {
        INFO(e.text);
        CHECK(is_valid_utf8(e.text));
        CHECK(codepoint_count(e.text) <= kMaxGratitudeChars);
        CHECK(codepoint_count(e.text) >= 20);
        CHECK_FALSE(trim(e.text).empty());
        astral = astral || has_astral(e.text);
        curly = curly || e.text.find("’") != std::string::npos;
        accented = accented || e.text.find("é") != std::string::npos || e.text.find("ë") != std::string::npos;
        distinct.insert(e.text);
    }
    CHECK(astral);
    CHECK(curly);
    CHECK(accented);
    // Nobody writes the same appreciation twice in half a year.
    CHECK(distinct.size() == entries.size());
}

TEST_CASE("The demo is the same for the same seed", "[demo]") {
    EmptyModel a, b, c;
    fill_demo_data(a.model, 7);
    fill_demo_data(b.model, 7);
    fill_demo_data(c.model, 8);
    auto ea = all_entries(a.model), eb = all_entries(b.model);
    REQUIRE(ea.size() == eb.size());
    CHECK(texts_of(ea) == texts_of(eb));
    for (std::size_t i = 0; i < ea.size(); ++i) {
        INFO(i);
        CHECK(ea[i].day == eb[i].day);
        CHECK(ea[i].from_slot == eb[i].from_slot);
        CHECK(ea[i].created_at == eb[i].created_at);
        CHECK(ea[i].shared_in_review == eb[i].shared_in_review);
        CHECK(ea[i].category_id.has_value() == eb[i].category_id.has_value());
    }
    CHECK(texts_of(ea) != texts_of(all_entries(c.model)));
}

TEST_CASE("The demo plans this week and next: dates, rituals, an overlap, phones away", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& planner = t.model.planner;
    const Date today = local_date(t.clock.now());

    int rituals = 0, ended = 0;
    for (const auto& p : planner.plans()) {
        if (p.recurring()) {
            ++rituals;
            if (p.recurrence.until) {
                ++ended;
                CHECK(*p.recurrence.until < today);
                CHECK(days_between(*p.recurrence.until, today) >= 50);
            }
        }
        if (p.kind_id == "date") CHECK(p.phones_away);
        CHECK(p.created_at <= format_utc(t.clock.now()));
    }
    CHECK(rituals >= 3);
    CHECK(ended == 1);

    bool overlap = false;
    for (int w = 0; w < 2; ++w) {
        auto week = planner.week(add_days(today, 7 * w)).all();
        INFO("week +" << w);
        CHECK(week.size() >= 4);
        int dates = 0, recurring = 0;
        for (const auto& o : week) {
            dates += o.kind_id == "date";
            recurring += o.recurring;
            overlap = overlap || o.overlaps;
            if (o.start > t.clock.now()) CHECK(o.state == PlanState::planned);
        }
        CHECK(dates == 1);
        CHECK(recurring >= 2);
    }
    CHECK(overlap);
    auto next = planner.next_up(t.clock.now());
    REQUIRE(next);
    CHECK(next->start > t.clock.now() - std::chrono::hours(3));

    // The ended ritual keeps its past.
    for (const auto& p : planner.plans())
        if (p.recurrence.until) {
            int done = 0;
            for (const auto& e : planner.exceptions(p.id)) done += e.state == PlanState::done;
            CHECK(done > 20);
        }
    // Ideas used for plans know when.
    int used = 0;
    for (const auto& idea : t.model.ideas.all())
        if (idea.last_used) {
            ++used;
            CHECK(idea.times_used >= 1);
        }
    CHECK(used >= 5);
}

TEST_CASE("Past demo quality time is mostly done, rated by both, with memories", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& planner = t.model.planner;
    const Date today = local_date(t.clock.now());
    const Date from = add_days(week_start(today), -7 * 25);
    auto past = planner.occurrences(from, add_days(today, -1));
    int done = 0, rated = 0, skipped = 0, moved = 0, memories = 0, date_done = 0, date_skipped = 0;
    bool curly = false, accented = false;
    std::set<std::string> distinct;
    for (const auto& o : past) {
        INFO(o.title << " " << format_date(o.day));
        CHECK(o.start < t.clock.now());
        moved += o.moved;
        if (o.state == PlanState::done) {
            ++done;
            if (o.kind_id == "date") ++date_done;
            if (o.rating[0] && o.rating[1]) ++rated;
        } else if (o.state == PlanState::skipped) {
            ++skipped;
            if (o.kind_id == "date") ++date_skipped;
            CHECK_FALSE(o.rating[0]);
            CHECK(o.memory.empty());
        }
        for (const auto& r : o.rating)
            if (r) {
                CHECK(*r >= 2);
                CHECK(*r <= 5);
            }
        if (!o.memory.empty()) {
            ++memories;
            CHECK(is_valid_utf8(o.memory));
            CHECK(codepoint_count(o.memory) <= kMaxMemoryChars);
            CHECK(o.state == PlanState::done);
            curly = curly || o.memory.find("’") != std::string::npos || o.memory.find("“") != std::string::npos;
            accented = accented || o.memory.find("é") != std::string::npos || o.memory.find("ù") != std::string::npos;
            distinct.insert(o.memory);
        }
    }
    CHECK(done > int(past.size()) / 2);
    CHECK(rated >= 40);
    CHECK(skipped >= 5);
    CHECK(moved == 1);
    CHECK(date_done >= 20);
    CHECK(date_skipped == 3);
    CHECK(memories >= 25);
    CHECK(int(distinct.size()) == memories);   // every memory its own
    CHECK(curly);
    CHECK(accented);
    CHECK(planner.recent_ratings(3).size() == 3);
}

TEST_CASE("Demo listening sessions: a history with loops and ratings, none under way", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& sessions = t.model.sessions;
    CHECK_FALSE(sessions.current());
    CHECK_FALSE(sessions.interrupted());
    const int n = sessions.history_count();
    CHECK(n >= 8);
    CHECK(n <= 14);
    auto all = sessions.history(0, 100);
    REQUIRE(int(all.size()) == n);
    int ended_early = 0, loops = 0, from_break = 0, exchanges = 0, talked = 0;
    std::vector<double> felt;   // oldest first
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        const auto& v = *it;
        INFO(v.topic);
        CHECK(v.over());
        CHECK(v.definition_available);
        CHECK(is_valid_utf8(v.topic));
        CHECK(v.started_at < t.clock.now());
        REQUIRE(v.ended_at);
        CHECK(*v.ended_at > v.started_at);
        CHECK(*v.ended_at < t.clock.now());
        ended_early += v.state == SessionState::ended_early;
        loops += v.clarify_loops;
        from_break += v.source_break.has_value();
        exchanges += v.exercise_id == "appreciation-exchange";
        talked += v.topic_talked_through;
        if (v.source_break) CHECK(t.model.breaks.get(*v.source_break));
        double sum = 0;
        for (const auto& r : v.ratings) {
            CHECK(r.felt_heard >= 3);
            CHECK(r.felt_heard <= 5);
            sum += r.felt_heard;
        }
        if (v.state == SessionState::finished) {
            CHECK(v.ratings.size() == 2);
            CHECK(v.turn == v.turns_total);
        }
        if (!v.ratings.empty()) felt.push_back(sum / double(v.ratings.size()));

        // The step runs follow each other like the engine's: contiguous, each
        // starting when the one before ended, loops counted.
        auto steps = sessions.steps(v.id);
        REQUIRE(steps.size() >= 3);
        int not_quite = 0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            CHECK(steps[i].seq == int(i));
            CHECK(steps[i].outcome != StepOutcome::running);
            REQUIRE(steps[i].ended_at);
            REQUIRE(steps[i].actual_ms);
            CHECK(*steps[i].actual_ms > 0);
            CHECK(steps[i].listener_slot == 1 - steps[i].speaker_slot);
            if (i > 0) CHECK(steps[i].started_at == *steps[i - 1].ended_at);
            not_quite += steps[i].outcome == StepOutcome::not_quite;
        }
        CHECK(not_quite == v.clarify_loops);
        CHECK((steps.back().outcome == StepOutcome::ended_early) == (v.state == SessionState::ended_early));
    }
    CHECK(ended_early == 1);
    CHECK(loops >= 5);
    CHECK(from_break >= 4);
    CHECK(exchanges == 1);
    CHECK(talked >= 4);
    // Felt heard rises as they get the hang of it.
    REQUIRE(felt.size() >= 6);
    CHECK((felt[felt.size() - 1] + felt[felt.size() - 2] + felt[felt.size() - 3]) > (felt[0] + felt[1] + felt[2]));
}

TEST_CASE("Demo weekly reviews: most past weeks, on time, with check-ins", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& reviews = t.model.reviews;
    const Date today = local_date(t.clock.now());
    CHECK_FALSE(reviews.for_week(iso_week(today)));
    CHECK(reviews.unfinished().empty());
    const int n = reviews.history_count();
    CHECK(n >= 17);
    CHECK(n <= 25);
    REQUIRE(reviews.for_week(iso_week(add_days(today, -7))));   // last Sunday's happened
    auto all = reviews.history(0, 100);
    REQUIRE(int(all.size()) == n);
    std::map<std::string, int> sources;
    int answers = 0, with_plans = 0;
    std::vector<double> connection;   // newest first
    for (const auto& r : all) {
        INFO(format_iso_week(r.week));
        CHECK(r.finished());
        CHECK_FALSE(r.late);
        CHECK(r.step == ReviewStep::plan);
        CHECK(*r.finished_at > r.started_at);
        CHECK(*r.finished_at < t.clock.now());
        CHECK(local_date(r.started_at) == add_days(r.monday, 6));   // on the Sunday
        ++sources[std::string(to_string(r.issue.source))];
        if (r.issue.source != IssueSource::none) {
            CHECK_FALSE(r.issue.topic.empty());
            CHECK(r.issue.outcome != IssueOutcome::none);
        }
        if (r.issue.outcome == IssueOutcome::listened) REQUIRE(r.issue.session_id);
        if (r.issue.session_id) CHECK(t.model.sessions.get(*r.issue.session_id));
        if (r.issue.break_id) CHECK(t.model.breaks.get(*r.issue.break_id));
        for (const auto& c : r.checkin) {
            REQUIRE(c.connection);
            CHECK(*c.connection >= 1);
            CHECK(*c.connection <= 10);
            CHECK(is_valid_utf8(c.loved_answer));
            answers += !c.loved_answer.empty();
        }
        connection.push_back((*r.checkin[0].connection + *r.checkin[1].connection) / 2.0);
        with_plans += !r.plan_ids.empty();
        for (const auto& id : r.plan_ids) CHECK(t.model.planner.get(id));
    }
    CHECK(answers >= 2 * n * 8 / 10);
    CHECK(with_plans >= n - 1);
    CHECK(sources["break_topic"] >= 3);
    CHECK(sources["new_topic"] >= 2);
    // Connection rises gently: the newest six above the oldest six.
    REQUIRE(connection.size() >= 12);
    double newest = 0, oldest = 0;
    for (int i = 0; i < 6; ++i) {
        newest += connection[std::size_t(i)];
        oldest += connection[connection.size() - 1 - std::size_t(i)];
    }
    CHECK(newest > oldest);
}

TEST_CASE("The demo's week summary and 12-week trends have data", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    const IsoWeek now = iso_week(local_date(t.clock.now()));
    auto s = week_summary(t.model, now);
    CHECK(s.is_current);
    CHECK_FALSE(s.empty());
    CHECK(s.appreciations.given[0] + s.appreciations.given[1] > 0);
    CHECK(s.quality_time.planned >= 4);
    CHECK(s.quality_time.next_up);
    CHECK(s.quality_time.recent_ratings.size() == 3);
    CHECK_FALSE(s.review);
    REQUIRE(s.last_review);
    CHECK(s.last_review->week == add_weeks(now, -1));
    CHECK_FALSE(s.open_break_topics.empty());

    auto last_week = week_summary(t.model, add_weeks(now, -1));
    CHECK(last_week.quality_time.done > 0);
    CHECK(last_week.connection[0]);
    CHECK(last_week.connection[1]);

    auto trends = week_trends(t.model, now, 12);
    REQUIRE(trends.size() == 12);
    int hours = 0, felt = 0, connection = 0;
    for (std::size_t i = 0; i < trends.size(); ++i) {
        const auto& w = trends[i];
        INFO(format_iso_week(w.week));
        CHECK(w.appreciations[0] > 0);
        CHECK(w.appreciations[1] > 0);
        hours += w.quality_hours > 0;
        felt += w.felt_heard[0].has_value();
        connection += w.connection[0].has_value() && w.connection[1].has_value();
    }
    CHECK(hours >= 10);        // every past week; this week too once something is done
    CHECK(felt >= 4);
    CHECK(felt <= 9);
    CHECK(connection >= 8);    // most past weeks (never this one)
    CHECK_FALSE(trends.back().connection[0]);
}

TEST_CASE("Nothing in the demo is dated after now", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    CHECK(rows_after(t.model, format_utc(t.clock.now())) == 0);
    // Occurrence rows are for the past, except the one moved ahead of time.
    CHECK(count_of(t.model, "SELECT count(*) FROM plan_occurrence WHERE state = 'done' AND original_day > date('now', '+1 day')") == 0);
}

TEST_CASE("The demo's plans, sessions and reviews are the same for the same seed", "[demo]") {
    EmptyModel a, b, c;
    fill_demo_data(a.model, 7);
    fill_demo_data(b.model, 7);
    fill_demo_data(c.model, 8);
    auto plans = [](Model& m) {
        std::vector<std::string> out;
        for (const auto& p : m.planner.plans()) out.push_back(format_date(p.day) + " " + format_hhmm(p.start_minute) + " " + p.title);
        const Date today = local_date(m.clock.now());
        for (const auto& o : m.planner.occurrences(add_days(today, -200), add_days(today, 14)))
            out.push_back(format_date(o.day) + " " + o.title + " " + std::string(to_string(o.state)) + " " +
                          std::to_string(o.rating[0].value_or(0)) + std::to_string(o.rating[1].value_or(0)) + " " + o.memory);
        return out;
    };
    auto sessions = [](Model& m) {
        std::vector<std::string> out;
        for (const auto& v : m.sessions.history(0, 100))
            out.push_back(format_utc(v.started_at) + " " + v.topic + " " + std::to_string(v.clarify_loops) + " " +
                          std::to_string(v.felt_heard(0).value_or(0)) + std::to_string(v.felt_heard(1).value_or(0)));
        return out;
    };
    auto reviews = [](Model& m) {
        std::vector<std::string> out;
        for (const auto& r : m.reviews.history(0, 100))
            out.push_back(format_iso_week(r.week) + " " + r.went_well_note + " " + r.issue.topic + " " +
                          std::to_string(r.checkin[0].connection.value_or(0)) + " " + r.checkin[1].loved_answer);
        return out;
    };
    CHECK(plans(a.model) == plans(b.model));
    CHECK(sessions(a.model) == sessions(b.model));
    CHECK(reviews(a.model) == reviews(b.model));
    CHECK(plans(a.model) != plans(c.model));
    CHECK(reviews(a.model) != reviews(c.model));
}

TEST_CASE("A long history spreads its entries over the years ending today", "[demo]") {
    EmptyModel t;
    fill_long_history(t.model, 10, 5000);
    REQUIRE(t.model.couple.is_set_up());
    CHECK(t.model.couple.partner(0).name == "Maya");
    CHECK(t.model.gratitude.count({}) == 5000);

    const Date today = local_date(t.clock.now());
    auto entries = all_entries(t.model);
    REQUIRE(entries.size() == 5000);
    CHECK(entries.front().day == today);
    int oldest = days_between(entries.back().day, today);
    CHECK(oldest >= 3640);
    CHECK(oldest <= 3660);

    std::array<int, 2> from{};
    std::set<Date> days;
    for (const auto& e : entries) {
        auto n = codepoint_count(e.text);
        INFO(e.text);
        CHECK(is_valid_utf8(e.text));
        CHECK(n >= 20);
        CHECK(n <= 400);
        ++from[std::size_t(e.from_slot)];
        days.insert(e.day);
    }
    CHECK(from[0] > 2000);
    CHECK(from[1] > 2000);
    // Evenly spread: with more entries than days, every day has at least one.
    CHECK(int(days.size()) == oldest + 1);

    // Quality time, listening and reviews over the same ten years.
    CHECK(count_of(t.model, "SELECT count(*) FROM plan WHERE repeat = 'weekly'") == 1);
    CHECK(count_of(t.model, "SELECT count(*) FROM plan WHERE kind_id = 'date'") >= 520);
    CHECK(count_of(t.model, "SELECT count(*) FROM plan_occurrence WHERE state = 'done'") > 800);
    CHECK(count_of(t.model, "SELECT count(*) FROM plan_rating") > 1600);
    const int sessions = t.model.sessions.history_count();
    CHECK(sessions >= 100);
    CHECK(sessions <= 160);
    CHECK_FALSE(t.model.sessions.current());
    CHECK(t.model.reviews.history_count() > 400);
    CHECK(t.model.reviews.unfinished().empty());
    CHECK(rows_after(t.model, format_utc(t.clock.now())) == 0);
    auto trends = week_trends(t.model, iso_week(today), 12);
    int hours = 0, connection = 0;
    for (const auto& w : trends) {
        hours += w.quality_hours > 0;
        connection += w.connection[0].has_value();
    }
    CHECK(hours >= 9);
    CHECK(connection >= 7);
    CHECK(t.model.planner.week(today).all().size() >= 2);
}

TEST_CASE("A long history can be added after the demo without a second couple", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    int before = t.model.gratitude.count({});
    auto maya = t.model.couple.partner(0).id;
    auto categories = t.model.categories.all().size();
    const int reviews = t.model.reviews.history_count();
    const int sessions = t.model.sessions.history_count();
    fill_long_history(t.model, 1, 300);
    CHECK(t.model.gratitude.count({}) == before + 300);
    // Weeks already reviewed keep their one review; the others gain one.
    CHECK(t.model.reviews.history_count() > reviews);
    CHECK(t.model.reviews.history_count() <= reviews + 53);
    CHECK(t.model.sessions.history_count() > sessions);
    CHECK_FALSE(t.model.sessions.current());
    CHECK(t.model.couple.partner(0).id == maya);
    CHECK(t.model.categories.all().size() == categories);
}

TEST_CASE("Demo breaks are the model's own: counted down, on time or late by its grace, one running", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    auto& breaks = t.model.breaks;
    auto all = breaks.history(0, 100);
    int on_time = 0, late = 0, ended_early = 0, continued = 0, running = 0, dismissed = 0, open = 0;
    for (const auto& b : all) {
        INFO(b.topic);
        CHECK(b.started_at <= t.clock.now());
        switch (b.state) {
        case BreakState::returned:
            REQUIRE(b.returned_at);
            REQUIRE(b.back_on_time);
            // The model decides "on time": back within kOnTimeGrace of the agreed return.
            CHECK(*b.back_on_time == (*b.returned_at - b.return_at <= kOnTimeGrace));
            (*b.back_on_time ? on_time : late)++;
            break;
        case BreakState::ended_early: ++ended_early; break;
        case BreakState::continued: ++continued; break;
        case BreakState::running:
            ++running;
            CHECK(b.remaining_ms > 0);
            CHECK(b.remaining_ms < b.total_ms());
            break;
        default: FAIL("a break left in an unexpected state");
        }
        if (!b.follow_up_of) {
            dismissed += b.topic_status == TopicStatus::dismissed;
            open += b.topic_status == TopicStatus::open;
        }
    }
    CHECK(running == 1);
    CHECK(ended_early == 1);
    CHECK(continued == 1);
    CHECK(late == 1);          // 25 minutes late: past the grace
    CHECK(on_time >= 5);
    CHECK(dismissed == 1);
    CHECK(open >= 3);          // two past topics still open, and the running break's
    CHECK(breaks.active().size() == 1);
}

TEST_CASE("Demo reviews read the week's appreciations aloud during the review", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    int shared = 0;
    for (const auto& e : all_entries(t.model)) {
        if (!e.shared_in_review) continue;
        ++shared;
        auto review = t.model.reviews.for_week(iso_week(e.day));
        REQUIRE(review);   // shared only in a week that had a review ...
        INFO(e.text);
        CHECK(e.created_at < e.updated_at);                                              // ... written before it was read
        CHECK(e.updated_at >= format_utc(review->started_at));                           // ... marked during it
        CHECK(e.updated_at <= format_utc(*review->finished_at));
    }
    CHECK(shared > 50);
}

TEST_CASE("Some demo reviews listen to their issue there and then", "[demo]") {
    EmptyModel t;
    fill_demo_data(t.model);
    int in_review = 0;
    for (const auto& r : t.model.reviews.history(0, 100)) {
        if (r.issue.outcome != IssueOutcome::listened) continue;
        REQUIRE(r.issue.session_id);
        auto s = t.model.sessions.get(*r.issue.session_id);
        REQUIRE(s);
        if (s->started_at > r.started_at) {
            ++in_review;
            CHECK(s->topic == r.issue.topic);
            REQUIRE(s->ended_at);
            CHECK(*s->ended_at < *r.finished_at);
        }
    }
    CHECK(in_review >= 1);
}

TEST_CASE("A demo that fails half-way leaves the model as it was, and usable", "[demo]") {
    // Assets whose first break is shorter than the model allows: refused mid-story.
    test::TempDir dir;
    std::filesystem::copy(HEARTH_TEST_ASSETS_DIR, dir.path(), std::filesystem::copy_options::recursive);
    {
        std::ifstream in(dir / "demo/conversations.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto at = text.find("\"planned_minutes\": 20");
        REQUIRE(at != std::string::npos);
        text.replace(at, 21, "\"planned_minutes\": 1");
        std::ofstream(dir / "demo/conversations.json") << text;
    }
    FakeClock clock{WallTime{std::chrono::seconds{1'790'000'000}}};
    Model model{Database::open_memory(), clock, dir.path()};
    CHECK_THROWS_WITH(fill_demo_data(model), Catch::Contains("break"));
    CHECK_FALSE(model.couple.is_set_up());
    CHECK(model.gratitude.count({}) == 0);
    CHECK(model.planner.plans().empty());
    CHECK(count_of(model, "SELECT count(*) FROM conflict_break") == 0);
    // The connection came back: the model still writes.
    REQUIRE(model.couple.set_up("Ana", Rgb{1, 2, 3}, "Bo", Rgb{4, 5, 6}).ok());
    GratitudeDraft d;
    d.text = "Thank you for the tea.";
    d.day = local_date(clock.now());
    CHECK(model.gratitude.add(d).ok());
}

// Not run by default: `model_tests "[.demo-speed]"` prints the 100k-row time.
TEST_CASE("A long history of 100,000 appreciations is written quickly", "[.demo-speed]") {
    EmptyModel t;
    auto start = std::chrono::steady_clock::now();
    fill_long_history(t.model, 10, 100'000);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    WARN("100,000 appreciations (and ten years of plans, sessions, reviews) in " << ms.count() << " ms");
    CHECK(t.model.gratitude.count({}) == 100'000);

    EmptyModel d;
    start = std::chrono::steady_clock::now();
    fill_demo_data(d.model);
    ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    WARN("the demo in " << ms.count() << " ms");
}
