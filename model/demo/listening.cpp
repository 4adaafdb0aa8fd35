// Listening sessions, run step by step through ExerciseSessions while the
// clock moves as the couple talks: the engine records the step runs, the loops
// back after "not quite", the ratings and the break topics it closes.
#include "story_parts.h"

namespace hearth::demo {
namespace {

struct SessionPlan {
    std::string exercise_id = "reflect-and-clarify";
    std::string topic;
    std::optional<std::size_t> break_index;     // a break's topic (into story.breaks)
    int first = 0;
    std::array<int, 4> not_quite{};             // per turn
    int end_after = -1;                         // steps run before it was ended early; -1 = finished
    std::array<std::optional<int>, 2> felt;
    std::array<std::string, 2> notes;
    bool talked_through = false;
    int share_seconds = 0;                      // the first step's length, when set up otherwise
};

// How long a step really ran, as a share of its planned length.
milliseconds actual_of(DemoRun& run, const ExerciseStep& step, int64_t planned, bool loop_answer) {
    int pct = step.check ? (loop_answer ? run.uniform(50, 120) : run.uniform(25, 80))
            : step.floor == Role::speaker ? run.uniform(70, 150) : run.uniform(55, 125);
    return milliseconds{planned * pct / 100 + run.uniform(0, 999)};
}

// Runs one session from now to its end; fills `info` (id, start, end).
void run_session(DemoRun& run, Story& story, const SessionPlan& p, Story::SessionInfo& info) {
    auto& sessions = run.model().sessions;
    const ExerciseDefinition* def = run.model().exercises.find(p.exercise_id);
    if (!def || def->steps.empty()) return;   // not shipped with these assets
    SessionSetup setup;
    setup.exercise_id = p.exercise_id;
    setup.topic = p.topic;
    if (p.break_index) setup.from_break = story.breaks[*p.break_index].id;
    setup.first_speaker_slot = p.first;
    if (p.share_seconds > 0) setup.step_seconds[def->steps[0].id] = p.share_seconds;
    auto started = sessions.start(setup);
    must(started, "listening session");
    const std::string& id = started.id;
    info.id = id;
    info.start = run.clock().now();

    std::array<int, 4> left = p.not_quite;
    for (int steps = 0;; ++steps) {
        auto v = sessions.get(id);
        if (!v || v->state != SessionState::running || !v->step) break;
        const ExerciseStep& step = *v->step;
        if (p.end_after >= 0 && steps == p.end_after) {
            run.pass(milliseconds{v->step_planned_ms * run.uniform(20, 60) / 100 + run.uniform(0, 999)});
            must(sessions.end_early(id), "session ended early");
            break;
        }
        int* loops = v->turn < 4 ? &left[std::size_t(v->turn)] : nullptr;
        if (step.check && loops && *loops > 0) {
            run.pass(actual_of(run, step, v->step_planned_ms, true));
            must(sessions.answer(id, false), "not quite");
            --*loops;
        } else {
            run.pass(actual_of(run, step, v->step_planned_ms, false));
            must(step.check ? sessions.answer(id, true) : sessions.next(id), "next step");
        }
    }

    SessionClosing closing;
    for (std::size_t s = 0; s < 2; ++s)
        if (p.felt[s]) closing.ratings[s] = {p.felt[s], p.notes[s]};
    closing.topic_talked_through = p.talked_through;
    auto v = sessions.get(id);
    if (v && v->state == SessionState::closing) {
        run.pass(seconds{run.uniform(60, 200)});
        must(sessions.finish(id, closing), "session closing");
    } else if (closing.ratings[0].felt_heard || closing.ratings[1].felt_heard || closing.topic_talked_through) {
        run.pass(seconds{run.uniform(30, 90)});
        must(sessions.finish(id, closing), "session ratings");
    }
    info.end = run.clock().now();
}

Story::SessionInfo& add_info(Story& story, const SessionPlan& p, WallTime start, bool in_review) {
    auto info = std::make_unique<Story::SessionInfo>();
    info->topic = p.break_index ? story.breaks[*p.break_index].topic : p.topic;
    info->from_break = p.break_index.has_value();
    info->talked_through = p.talked_through;
    info->in_review = in_review;
    info->start = start;
    story.sessions.push_back(std::move(info));
    return *story.sessions.back();
}

} // namespace

// About a dozen sessions over the half year: most on a break's topic the
// evening after it, a few of their own (two started in a weekly review), one
// ended early and picked up again weeks later, one appreciation exchange.
// Felt heard rises as they get the hang of it. None is left under way.
void write_listening(DemoRun& run, Story& story) {
    const Date this_monday = week_start(run.today);
    const auto& past = run.texts().past_breaks;
    for (const auto& s : run.texts().sessions) {
        SessionPlan p;
        p.exercise_id = s.exercise;
        p.first = s.first_speaker;
        p.not_quite = s.not_quite;
        p.end_after = s.end_after_steps;
        for (std::size_t slot = 0; slot < 2; ++slot)
            if (s.felt_heard[slot] > 0) p.felt[slot] = s.felt_heard[slot];
        p.notes = s.notes;
        p.talked_through = s.talked_through;
        p.share_seconds = s.share_seconds;
        WallTime start;
        if (s.break_index >= 0 && std::size_t(s.break_index) < past.size()) {
            // The evening after the break, back on its topic.
            p.break_index = std::size_t(s.break_index);
            start = story.breaks[*p.break_index].start + hours{22} + minutes{run.uniform(30, 80)};
        } else {
            p.topic = s.topic;
            const Date monday = add_days(this_monday, -7 * s.weeks_ago);
            if (s.in_review && story.review_at.count(monday)) {
                // Held during that week's review, which runs it (reviews.cpp).
                Story::SessionInfo& info = add_info(story, p, story.review_at[monday], true);
                story.session_in_review[monday] = {&info, [&run, &story, p, &info] { run_session(run, story, p, info); }};
                continue;
            }
            start = local_midnight(add_days(monday, run.uniform(0, 3))) + hours{20} + minutes{run.uniform(0, 50)};
        }
        start = run.jitter(start);
        if (start > run.now - hours{2}) continue;
        Story::SessionInfo& info = add_info(story, p, start, false);
        run.at(start, [&run, &story, p, &info] { run_session(run, story, p, info); });
    }
}

// About one listening session a month, felt heard slowly rising over the years.
void write_long_listening(DemoRun& run, Story& story, int years) {
    const int span = span_days(years);
    const Date first = add_days(run.today, -span);
    for (int offset = run.uniform(3, 20); offset < span - 1; offset += run.uniform(22, 38)) {
        const Date day = add_days(first, offset);
        SessionPlan p;
        const bool appreciation = run.chance(0.15);
        p.exercise_id = appreciation ? "appreciation-exchange" : "reflect-and-clarify";
        p.topic = appreciation ? std::string() : run.pick(run.texts().long_topics);
        p.first = run.uniform(0, 1);
        for (auto& l : p.not_quite) l = run.chance(0.35) ? run.uniform(1, 2) : 0;
        if (run.chance(0.05)) p.end_after = run.uniform(1, 6);
        const double base = 3.2 + 1.5 * offset / std::max(span, 1);
        for (auto& f : p.felt)
            if (p.end_after < 0 || run.chance(0.5)) f = std::clamp(int(std::lround(base + run.uniform(-8, 8) / 10.0)), 1, 5);
        p.talked_through = !appreciation && p.end_after < 0 && run.chance(0.6);
        const WallTime start = run.jitter(local_midnight(day) + hours{20} + minutes{run.uniform(0, 60)});
        if (start >= run.now - hours{2}) continue;
        Story::SessionInfo& info = add_info(story, p, start, false);
        run.at(start, [&run, &story, p, &info] { run_session(run, story, p, info); });
    }
}

} // namespace hearth::demo
