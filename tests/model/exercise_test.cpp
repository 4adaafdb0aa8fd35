#include "exercise_definition.h"
#include "exercise_session.h"
#include "test_support.h"
#include "uuid.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hearth;
using namespace std::chrono;

namespace {
const std::filesystem::path kAssets = std::filesystem::path(HEARTH_TEST_ASSETS_DIR) / "exercises";
const std::filesystem::path kCorpus = std::filesystem::path(HEARTH_TEST_CORPUS_DIR) / "exercises";

// The worked example in docs/adding-an-exercise.md, near enough.
constexpr const char* kTiny = R"json({
  "format": 1, "id": "tiny", "version": 1, "title": "Tiny", "summary": "A small test exercise.",
  "topic_prompt": "Topic?",
  "roles": {"speaker": {"label": "Speaker", "description": "Talks."},
            "listener": {"label": "Listener", "description": "Listens."}},
  "swap_roles": true, "default_rounds": 1,
  "steps": [
    {"id": "share", "title": "Share", "floor": "speaker", "duration_seconds": 60, "stems": ["I feel ..."],
     "guidance": {"speaker": "Speak.", "listener": "Listen."}},
    {"id": "reflect", "title": "Reflect", "floor": "listener", "duration_seconds": 60,
     "guidance": {"speaker": "Listen.", "listener": "Say it back."},
     "check": {"question": "Got it?", "yes": "Yes", "no": "Not quite", "loop_back_to": "share"}}
  ],
  "closing": {"rating_question": "I felt heard"}
})json";

struct Fixture : test::TestModel {
    ExerciseSessions& s = model.sessions;

    std::string start(SessionSetup setup = {}) {
        if (setup.topic.empty() && !setup.from_break) setup.topic = "who does the dishes";
        auto r = s.start(setup);
        REQUIRE(r.ok());
        return r.id;
    }
    SessionView view(const std::string& id) {
        auto v = s.get(id);
        REQUIRE(v);
        return *v;
    }
    void ok(const SaveResult& r) {
        INFO(r.field << ": " << r.error);
        REQUIRE(r.ok());
    }
};

SessionClosing rated(int a, int b, bool talked_through = false) {
    SessionClosing c;
    c.ratings[0].felt_heard = a;
    c.ratings[1].felt_heard = b;
    c.topic_talked_through = talked_through;
    return c;
}

SessionSetup about(std::string topic, std::string exercise = "reflect-and-clarify") {
    SessionSetup s;
    s.topic = std::move(topic);
    s.exercise_id = std::move(exercise);
    return s;
}

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}
} // namespace

TEST_CASE("The shipped exercises load without problems", "[exercise]") {
    auto load = load_exercises({kAssets});
    for (const auto& p : load.problems) FAIL_CHECK(p.describe());
    REQUIRE(load.definitions.size() >= 2);
    test::TestModel t;
    const auto* rc = t.model.exercises.find("reflect-and-clarify");
    REQUIRE(rc);
    REQUIRE(rc->steps.size() == 4);
    CHECK(rc->steps[0].id == "share");
    CHECK(rc->steps[0].floor == Role::speaker);
    CHECK(rc->steps[1].floor == Role::listener);
    REQUIRE(rc->steps[2].check);
    CHECK(rc->steps[2].check->loop_back_to == "reflect");
    CHECK(rc->steps[2].check->loop_back_index == 1);
    CHECK(rc->swap_roles);
    CHECK(rc->closing.rating_question == "I felt heard");
    CHECK(t.model.exercises.find("appreciation-exchange"));
    CHECK(t.model.exercises.problems().empty());
    CHECK_THAT(t.model.exercises.listing(), Catch::Contains("ok       reflect-and-clarify v1"));
}

TEST_CASE("Every shipped exercise runs to completion with a fake clock", "[exercise]") {
    Fixture f;
    REQUIRE_FALSE(f.model.exercises.all().empty());
    for (const auto& def : f.model.exercises.all()) {
        DYNAMIC_SECTION(def.id) {
            SessionSetup setup;
            setup.exercise_id = def.id;
            setup.first_speaker_slot = 1;
            const WallTime t0 = f.clock.now();
            auto id = f.start(setup);
            auto v = f.view(id);
            CHECK(v.state == SessionState::running);
            CHECK(v.exercise_version == def.version);
            CHECK(v.rounds == def.default_rounds);
            CHECK(v.turns_total == def.default_rounds * def.turns_per_round());
            CHECK(v.speaker_slot == 1);
            int runs = 0;
            while (f.view(id).state == SessionState::running) {
                v = f.view(id);
                REQUIRE(v.step);
                const auto& step = def.steps[std::size_t(v.step_index)];
                CHECK(v.step_id == step.id);
                CHECK(v.step_planned_ms == step.duration_seconds * 1000);
                // The speaker alternates with the turns, from the first speaker.
                CHECK(v.speaker_slot == (def.swap_roles ? (1 + v.turn) % 2 : 1));
                CHECK(v.floor_slot == (step.floor == Role::speaker ? v.speaker_slot : v.listener_slot));
                f.clock.advance(milliseconds(v.step_planned_ms - 1));
                CHECK(f.view(id).step_remaining_seconds == 1);
                CHECK_FALSE(f.view(id).overtime);
                f.clock.advance(milliseconds(1));
                CHECK(f.s.tick() == 1);
                CHECK(f.view(id).overtime);
                f.ok(f.s.next(id));
                REQUIRE(++runs <= 200);
            }
            v = f.view(id);
            CHECK(v.state == SessionState::closing);
            CHECK(runs == v.turns_total * int(def.steps.size()));
            auto steps = f.s.steps(id);
            REQUIRE(int(steps.size()) == runs);
            for (const auto& r : steps) {
                CHECK(r.actual_ms == r.planned_ms);
                CHECK((r.outcome == StepOutcome::next || r.outcome == StepOutcome::got_it));
                CHECK(r.listener_slot == 1 - r.speaker_slot);
            }
            CHECK(steps.front().speaker_slot == 1);
            CHECK(steps.back().speaker_slot == (def.swap_roles ? 0 : 1));
            f.ok(f.s.finish(id, rated(4, 5)));
            v = f.view(id);
            CHECK(v.state == SessionState::finished);
            CHECK(v.felt_heard(0) == 4);
            CHECK(v.felt_heard(1) == 5);
            CHECK(v.started_at == t0);
            CHECK(v.ended_at == f.clock.now());
            CHECK(v.clarify_loops == 0);
            CHECK_FALSE(f.s.current());
        }
    }
}

TEST_CASE("Not quite returns to reflect and the loops are counted", "[exercise]") {
    Fixture f;
    auto id = f.start();
    f.ok(f.s.next(id));  // share -> reflect
    CHECK(f.s.answer(id, false).field == "answer");  // reflect asks no question
    f.ok(f.s.next(id));  // reflect -> clarify
    CHECK(f.view(id).step_id == "clarify");
    f.clock.advance(seconds{20});
    f.ok(f.s.answer(id, false));
    auto v = f.view(id);
    CHECK(v.step_id == "reflect");
    CHECK(v.clarify_loops == 1);
    CHECK(v.turn_clarify_loops == 1);
    CHECK(v.step_elapsed_ms == 0);  // the repeated reflect starts afresh
    f.ok(f.s.next(id));
    f.ok(f.s.answer(id, false));
    f.ok(f.s.next(id));
    f.ok(f.s.answer(id, true));  // you got it
    v = f.view(id);
    CHECK(v.step_id == "validate");
    CHECK(v.clarify_loops == 2);
    f.ok(f.s.next(id));  // the roles swap
    v = f.view(id);
    CHECK(v.turn == 1);
    CHECK(v.step_id == "share");
    CHECK(v.speaker_slot == 1);
    CHECK(v.turn_clarify_loops == 0);
    CHECK(v.clarify_loops == 2);

    auto steps = f.s.steps(id);
    std::vector<std::string> order;
    for (const auto& r : steps) order.push_back(r.step_id + ":" + std::string(to_string(r.outcome)));
    CHECK(order == std::vector<std::string>{"share:next", "reflect:next", "clarify:not_quite", "reflect:next",
                                            "clarify:not_quite", "reflect:next", "clarify:got_it", "validate:next",
                                            "share:running"});
    CHECK(steps[2].actual_ms == 20'000);
}

TEST_CASE("Back goes one step, across turns too, and not before the first", "[exercise]") {
    Fixture f;
    auto id = f.start();
    auto first = f.s.back(id);
    CHECK(first.field == "back");
    CHECK(f.view(id).is_first_step);
    for (int i = 0; i < 4; ++i) f.ok(f.s.next(id));
    CHECK(f.view(id).turn == 1);
    f.ok(f.s.back(id));
    auto v = f.view(id);
    CHECK(v.turn == 0);
    CHECK(v.step_id == "validate");
    CHECK(v.speaker_slot == 0);
    f.ok(f.s.back(id));
    CHECK(f.view(id).step_id == "clarify");
    CHECK(f.view(id).clarify_loops == 0);  // back is not a loop
    auto steps = f.s.steps(id);
    REQUIRE(steps.size() == 7);
    CHECK(steps[4].outcome == StepOutcome::back);
    CHECK(steps[5].step_id == "validate");
}

TEST_CASE("Pause stops the step timer; steps wait until resumed", "[exercise]") {
    Fixture f;
    auto id = f.start();
    f.clock.advance(seconds{30});
    f.ok(f.s.pause(id));
    CHECK(f.s.pause(id).field == "state");
    f.clock.advance(minutes{10});
    auto v = f.view(id);
    CHECK(v.state == SessionState::paused);
    CHECK(v.step_elapsed_ms == 30'000);
    CHECK_FALSE(v.overtime);
    CHECK(f.s.next(id).field == "state");
    CHECK(f.s.back(id).field == "state");
    CHECK(f.s.tick() == 0);
    CHECK_FALSE(f.s.next_wake());
    f.ok(f.s.resume(id));
    f.clock.advance(seconds{15});
    CHECK(f.view(id).step_elapsed_ms == 45'000);
    CHECK(f.view(id).step_remaining_seconds == 135);
    CHECK(f.s.next_wake() == milliseconds{1000});
}

TEST_CASE("Overtime never cuts the speaker off", "[exercise]") {
    Fixture f;
    auto id = f.start();
    f.clock.advance(minutes{2});
    CHECK(f.s.tick() == 0);
    f.clock.advance(minutes{1});
    CHECK(f.s.tick() == 1);  // the gentle signal, once
    f.clock.advance(minutes{20});
    CHECK(f.s.tick() == 0);
    auto v = f.view(id);
    CHECK(v.state == SessionState::running);
    CHECK(v.step_id == "share");
    CHECK(v.overtime);
    CHECK(v.overtime_ms == 20 * 60'000);
    CHECK(v.step_remaining_ms == 0);
    f.ok(f.s.next(id));
    CHECK(f.s.steps(id).front().actual_ms == 23 * 60'000);
    CHECK(f.view(id).step_id == "reflect");
}

TEST_CASE("Ending early is recorded as such, and may still be rated", "[exercise]") {
    Fixture f;
    auto id = f.start();
    f.ok(f.s.next(id));
    f.clock.advance(seconds{40});
    f.ok(f.s.end_early(id));
    auto v = f.view(id);
    CHECK(v.state == SessionState::ended_early);
    CHECK(v.ended_at == f.clock.now());
    CHECK(f.s.end_early(id).field == "state");
    CHECK(f.s.next(id).field == "state");
    auto steps = f.s.steps(id);
    REQUIRE(steps.size() == 2);
    CHECK(steps[1].outcome == StepOutcome::ended_early);
    CHECK(steps[1].actual_ms == 40'000);
    f.ok(f.s.finish(id, rated(2, 3)));
    CHECK(f.view(id).state == SessionState::ended_early);
    CHECK(f.view(id).felt_heard(0) == 2);
    CHECK(f.s.finish(id, rated(2, 3)).field == "state");
    CHECK(f.s.week(local_date(f.clock.now())).ended_early == 1);
    // A new session may start now.
    CHECK(f.s.start(about("again")).ok());
}

TEST_CASE("Setup: topic, lengths, rounds and one session at a time", "[exercise]") {
    Fixture f;
    SessionSetup s;
    CHECK(f.s.start(s).field == "topic");  // reflect-and-clarify needs a topic
    s.topic = std::string(kMaxTopicChars + 1, 'x');
    CHECK(f.s.start(s).field == "topic");
    s.topic = "bad \xff utf8";
    CHECK(f.s.start(s).field == "topic");
    s.topic = "money \xF0\x9F\x92\xB8 and  spaces ";
    s.step_seconds = {{"nope", 60}};
    CHECK(f.s.start(s).field == "step_seconds");
    s.step_seconds = {{"share", 5}};
    auto r = f.s.start(s);
    CHECK(r.field == "step_seconds.share");
    CHECK_THAT(r.error, Catch::Contains("Share"));
    s.step_seconds = {{"share", 600}, {"reflect", 30}};
    s.rounds = 0;
    CHECK(f.s.start(s).field == "rounds");
    s.rounds = kMaxRounds + 1;
    CHECK(f.s.start(s).field == "rounds");
    s.rounds = 2;
    s.first_speaker_slot = 2;
    CHECK(f.s.start(s).field == "first_speaker");
    s.first_speaker_slot = 0;
    s.exercise_id = "no-such-exercise";
    CHECK(f.s.start(s).field == "exercise");
    s.exercise_id = "reflect-and-clarify";
    CHECK(f.s.history_count() == 0);
    auto id = f.start(s);
    auto v = f.view(id);
    CHECK(v.topic == "money \xF0\x9F\x92\xB8 and  spaces ");  // byte for byte
    CHECK(v.turns_total == 4);
    CHECK(v.step_planned_ms == 600'000);
    CHECK(v.planned_ms.at("reflect") == 30'000);
    CHECK(v.planned_ms.at("clarify") == 60'000);
    CHECK(f.s.start(s).field == "session");
    // An exercise that does not need a topic.
    f.ok(f.s.end_early(id));
    CHECK(f.s.start(about("", "appreciation-exchange")).ok());

    test::TestModel alone(false);
    CHECK(alone.model.sessions.start(about("x")).field == "couple");
}

TEST_CASE("Ratings are 1 to 5 for each partner; a note needs a rating", "[exercise]") {
    Fixture f;
    auto id = f.start();
    CHECK(f.s.finish(id, rated(3, 3)).field == "state");  // still under way
    for (int i = 0; i < 8; ++i) f.ok(f.s.next(id));
    REQUIRE(f.view(id).state == SessionState::closing);
    CHECK(f.s.next(id).field == "state");
    CHECK(f.s.finish(id, rated(0, 3)).field == "felt_heard.0");
    CHECK(f.s.finish(id, rated(3, 6)).field == "felt_heard.1");
    auto c = rated(3, 3);
    c.ratings[1].felt_heard.reset();
    c.ratings[1].note = "I need to think";
    CHECK(f.s.finish(id, c).field == "felt_heard.1");
    c.ratings[1].note = "";
    c.ratings[0].note = std::string(kMaxExerciseNoteChars + 1, 'n');
    CHECK(f.s.finish(id, c).field == "note.0");
    c.ratings[0].note = "Thank you \xE2\x9D\xA4";
    f.ok(f.s.finish(id, c));
    auto v = f.view(id);
    REQUIRE(v.ratings.size() == 1);
    CHECK(v.ratings[0].slot == 0);
    CHECK(v.ratings[0].felt_heard == 3);
    CHECK(v.ratings[0].note == "Thank you \xE2\x9D\xA4");
    CHECK_FALSE(v.felt_heard(1));
    CHECK(f.s.finish(id, rated(3, 3)).field == "state");
}

TEST_CASE("A topic from a break is marked talked through with the session", "[exercise]") {
    Fixture f;
    BreakRequest br;
    br.topic = "the in-laws at Christmas";
    auto b = f.model.breaks.start(br);
    REQUIRE(b.ok());
    f.ok(f.model.breaks.end_early(b.id));
    SessionSetup s;
    s.from_break = b.id;
    s.topic = "ignored";
    auto id = f.start(s);
    auto v = f.view(id);
    CHECK(v.topic == "the in-laws at Christmas");
    CHECK(v.source_break == b.id);
    for (int i = 0; i < 8; ++i) f.ok(f.s.next(id));
    f.ok(f.s.finish(id, rated(5, 4, true)));
    CHECK(f.view(id).topic_talked_through);
    CHECK(f.model.breaks.get(b.id)->topic_status == TopicStatus::talked_through);
    // A closed topic cannot start another session.
    CHECK(f.s.start(s).field == "topic");
    s.from_break = new_uuid();
    CHECK(f.s.start(s).field == "topic");
}

TEST_CASE("Week figures: sessions and how heard each partner felt", "[exercise]") {
    Fixture f;  // Monday of 2026-W39
    auto run = [&](int a, std::optional<int> b) {
        auto id = f.start();
        for (int i = 0; i < 8; ++i) f.ok(f.s.next(id));
        SessionClosing c;
        c.ratings[0].felt_heard = a;
        c.ratings[1].felt_heard = b;
        f.ok(f.s.finish(id, c));
    };
    run(4, 5);
    f.clock.advance(hours{24});
    run(2, std::nullopt);
    auto ended = f.start();
    f.ok(f.s.end_early(ended));
    const Date today = local_date(f.clock.now());
    auto w = f.s.week(today);
    CHECK(w.monday == week_start(today));
    CHECK(w.sessions == 3);
    CHECK(w.finished == 2);
    CHECK(w.ended_early == 1);
    CHECK(w.ratings == std::array<int, 2>{2, 1});
    REQUIRE(w.felt_heard_avg[0]);
    CHECK(*w.felt_heard_avg[0] == Approx(3.0));
    CHECK(*w.felt_heard_avg[1] == Approx(5.0));

    CHECK(f.s.week(today, "reflect-and-clarify").sessions == 3);
    CHECK(f.s.week(today, "appreciation-exchange").sessions == 0);
    CHECK_FALSE(f.s.week(today, "appreciation-exchange").felt_heard_avg[0]);

    f.clock.advance(hours{24 * 7});
    run(5, 5);
    auto series = f.s.weeks(local_date(f.clock.now()), 12);
    REQUIRE(series.size() == 12);
    CHECK(series.back().sessions == 1);
    CHECK(series[10].sessions == 3);
    CHECK(series[0].sessions == 0);
    CHECK_FALSE(series[0].felt_heard_avg[0]);
    CHECK(series[10].monday == add_days(series.back().monday, -7));
    auto history = f.s.history(0, 10);
    REQUIRE(history.size() == 4);
    CHECK(history.front().felt_heard(0) == 5);
    CHECK(f.s.history_count() == 4);
}

TEST_CASE("A session is restored from the database after a restart mid-exercise", "[exercise]") {
    test::TempDir dir;
    const auto file = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    std::string id;
    {
        Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        SessionSetup s;
        s.topic = "weekends";
        s.first_speaker_slot = 1;
        s.step_seconds = {{"reflect", 90}};
        auto r = m.sessions.start(s);
        REQUIRE(r.ok());
        id = r.id;
        REQUIRE(m.sessions.next(id).ok());
        REQUIRE(m.sessions.next(id).ok());
        REQUIRE(m.sessions.answer(id, false).ok());  // back at reflect, loop 1
        for (int i = 0; i < 7; ++i) {                // 35 s into the repeated reflect
            clock.advance(seconds{5});
            m.sessions.tick();
        }
        // ... and Hearth stops here without another word.
    }
    clock.advance(hours{2});
    {
        Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
        auto v = m.sessions.interrupted();
        REQUIRE(v);
        CHECK(v->id == id);
        CHECK(v->interrupted);
        CHECK(v->state == SessionState::paused);
        CHECK(v->step_id == "reflect");
        CHECK(v->speaker_slot == 1);
        CHECK(v->clarify_loops == 1);
        CHECK(v->topic == "weekends");
        CHECK(v->step_planned_ms == 90'000);
        // The step's time continues from what was last saved (the quiet save
        // every 10 s), not counting the two hours Hearth was closed.
        CHECK(v->step_elapsed_ms == 30'000);
        CHECK(m.sessions.current()->id == id);
        CHECK(m.sessions.next(id).field == "state");
        REQUIRE(m.sessions.resume(id).ok());
        CHECK_FALSE(m.sessions.interrupted());
        clock.advance(seconds{60});
        CHECK(m.sessions.get(id)->step_elapsed_ms == 90'000);
        CHECK(m.sessions.tick() == 0);  // get() above already gave the signal at 90 s
        REQUIRE(m.sessions.next(id).ok());  // reflect -> clarify
        REQUIRE(m.sessions.answer(id, true).ok());
        for (int i = 0; i < 5; ++i) REQUIRE(m.sessions.next(id).ok());
        REQUIRE(m.sessions.get(id)->state == SessionState::closing);
        REQUIRE(m.sessions.finish(id, rated(4, 4)).ok());
        auto steps = m.sessions.steps(id);
        REQUIRE(steps.size() == 10);  // 3 + the repeated reflect + clarify, validate + 4
        CHECK(steps[3].step_id == "reflect");
        CHECK(steps[3].actual_ms == 90'000);
        CHECK(steps[3].planned_ms == 90'000);
        CHECK(steps[3].speaker_slot == 1);
    }
}

TEST_CASE("An interrupted session can be closed instead: ended early when last seen", "[exercise]") {
    test::TempDir dir;
    const auto file = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    std::string id;
    WallTime last_seen;
    {
        Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        id = m.sessions.start(about("chores")).id;
        clock.advance(seconds{12});
        m.sessions.tick();  // saved quietly at 12 s
        last_seen = clock.now();
        clock.advance(seconds{3});
    }
    clock.advance(hours{20});
    Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR);
    REQUIRE(m.sessions.interrupted());
    CHECK(m.sessions.close_interrupted(new_uuid()).field == "id");
    REQUIRE(m.sessions.close_interrupted(id).ok());
    auto v = m.sessions.get(id);
    CHECK(v->state == SessionState::ended_early);
    CHECK(v->ended_at == last_seen);
    CHECK(m.sessions.steps(id).front().actual_ms == 12'000);
    CHECK_FALSE(m.sessions.interrupted());
    CHECK(m.sessions.close_interrupted(id).field == "state");
}

TEST_CASE("Broken definitions are reported by file with where, what was expected and what was found",
          "[exercise]") {
    struct Case {
        const char* file;
        const char* message;
    };
    const Case cases[] = {
        {"format-99.json", "format: this Hearth reads format 1, found 99"},
        {"missing-steps.json", "steps: missing (expected an array of 1 to 20 steps)"},
        {"empty-steps.json", "steps: expected an array of 1 to 20 steps, found an array"},
        {"negative-duration.json", "steps[1].duration_seconds: expected a whole number of seconds from 10 to 3600, found -5"},
        {"duration-as-text.json", "steps[0].duration_seconds: expected a whole number of seconds from 10 to 3600, found \"three minutes\""},
        {"fractional-duration.json", "steps[0].duration_seconds: expected a whole number of seconds from 10 to 3600, found 90.5"},
        {"bad-floor.json", "steps[0].floor: expected \"speaker\" or \"listener\", found \"talker\""},
        {"loop-forward.json", "steps[1].check.loop_back_to: expected the id of an earlier step (\"share\"), found \"reflect\""},
        {"loop-unknown.json", "steps[1].check.loop_back_to: expected the id of an earlier step (\"share\"), found \"validate\""},
        {"duplicate-step-id.json", "steps[1].id: expected an id not used by an earlier step, found \"share\""},
        {"typo-key.json", "steps[0].duraton_seconds: unknown key (expected one of id, title, floor, duration_seconds"},
        {"bad-id.json", "id: expected an id of lowercase letters, digits, '-' or '_' (at most 64), found \"Reflect And Clarify\""},
        {"duplicate-id.json", "id: \"reflect-and-clarify\" is already used by"},
        {"missing-listener-guidance.json", "steps[0].guidance.listener: missing (expected a non-empty string)"},
        {"rounds-zero.json", "default_rounds: expected a whole number of rounds from 1 to 10, found 0"},
        {"empty-stem.json", "steps[1].stems[1]: expected a non-empty string, found \"  \""},
        {"missing-roles-listener.json", "roles.listener: missing"},
        {"missing-closing.json", "closing: missing (expected an object with \"rating_question\")"},
        {"swap-not-bool.json", "swap_roles: expected true or false, found \"yes\""},
        {"top-level-array.json", "(top level): expected an object describing one exercise, found an array"},
        {"truncated.json", "not valid JSON: parse error at line 1"},
        {"not-utf8.json", "not valid UTF-8"},
    };
    // The shipped folder first, then the corpus, as with --exercises DIR.
    auto load = load_exercises({kAssets, kCorpus});
    const auto shipped = load_exercises({kAssets});
    CHECK(load.definitions.size() == shipped.definitions.size());  // the good ones still load
    CHECK(load.problems.size() == std::size(cases));
    for (const auto& c : cases) {
        INFO(c.file);
        auto it = std::find_if(load.problems.begin(), load.problems.end(),
                               [&](const ExerciseProblem& p) { return p.file.filename() == c.file; });
        REQUIRE(it != load.problems.end());
        CHECK_THAT(it->message, Catch::Contains(c.message));
        CHECK_THAT(it->describe(), Catch::StartsWith((kCorpus / c.file).string() + ": "));
    }
    // --list-exercises: every file with its status.
    Exercises ex({kAssets});
    ex.add_dir(kCorpus);
    CHECK(ex.files().size() == shipped.definitions.size() + std::size(cases));
    CHECK_THAT(ex.listing(), Catch::Contains("invalid  " + (kCorpus / "bad-floor.json").string() + ": steps[0].floor"));
    CHECK(ex.find("reflect-and-clarify")->source.parent_path() == kAssets);
    ex.add_dir(kCorpus / "no-such-folder");
    CHECK_THAT(ex.listing(), Catch::Contains("folder not found"));
}

TEST_CASE("A new exercise needs no C++: a definition from another folder runs", "[exercise]") {
    test::TempDir dir;
    write_file(dir / "tiny.json", kTiny);
    auto parsed = parse_exercise(kTiny);
    REQUIRE(parsed.ok());
    Fixture f;
    f.model.exercises.add_dir(dir.path());
    REQUIRE(f.model.exercises.find("tiny"));
    SessionSetup s;
    s.exercise_id = "tiny";
    s.rounds = 2;
    auto id = f.start(s);
    f.ok(f.s.next(id));
    f.ok(f.s.answer(id, false));  // back to share
    CHECK(f.view(id).step_id == "share");
    int n = 0;
    while (f.view(id).state == SessionState::running && n++ < 20) f.ok(f.s.next(id));
    CHECK(f.view(id).state == SessionState::closing);
    CHECK(f.s.steps(id).size() == 10);  // 4 turns x 2 steps + a repeated share and reflect
    CHECK(f.view(id).clarify_loops == 1);

    // The definition changes version: an unfinished session can only be ended.
    f.ok(f.s.finish(id, rated(3, 3)));
    auto id2 = f.start(s);
    std::string v2 = kTiny;
    v2.replace(v2.find("\"version\": 1"), 12, "\"version\": 2");
    write_file(dir / "tiny.json", v2);
    f.model.exercises.reload();
    auto v = f.view(id2);
    CHECK_FALSE(v.definition_available);
    CHECK(f.s.next(id2).field == "exercise");
    f.ok(f.s.end_early(id2));
}

TEST_CASE("The default exercise is chosen in one place", "[exercise]") {
    Fixture f;
    CHECK(f.model.exercises.default_id() == kDefaultExerciseId);
    CHECK(SessionSetup{}.exercise_id == kDefaultExerciseId);
    // A folder without it: the first exercise loaded is the default.
    test::TempDir dir;
    write_file(dir / "tiny.json", kTiny);
    Exercises only_tiny({dir.path()});
    CHECK(only_tiny.default_id() == "tiny");
    // None at all: the default's id, which starting then refuses as not loaded.
    Exercises none({dir / "empty"});
    CHECK(none.default_id() == kDefaultExerciseId);
}

TEST_CASE("The step timer ignores wall-clock jumps: in a step, a pause, a reload and a restart", "[exercise][clock]") {
    test::TempDir dir;
    const auto file = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    std::string id;
    {
        Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR,
                DeviceStore::open_file(DeviceStore::path_for(file)));
        REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        SessionSetup s;
        s.topic = "weekends";
        auto r = m.sessions.start(s);
        REQUIRE(r.ok());
        id = r.id;
        clock.advance(seconds{20});
        clock.jump_wall(hours{3});
        CHECK(m.sessions.get(id)->step_elapsed_ms == 20'000);
        clock.jump_wall(-hours{7});
        clock.advance(seconds{10});
        CHECK(m.sessions.get(id)->step_elapsed_ms == 30'000);
        // An import re-reads the database: the step goes on from where it is.
        m.reload();
        clock.jump_wall(hours{1});
        clock.advance(seconds{5});
        CHECK(m.sessions.get(id)->step_elapsed_ms == 35'000);
        // A jump during a pause is no step time.
        REQUIRE(m.sessions.pause(id).ok());
        clock.advance(minutes{2});
        clock.jump_wall(hours{5});
        REQUIRE(m.sessions.resume(id).ok());
        CHECK(m.sessions.get(id)->step_elapsed_ms == 35'000);
        clock.advance(seconds{5});
        m.sessions.tick();
    }
    // Closed, the clock moved: the interrupted step waits at what was saved.
    clock.jump_wall(hours{30});
    clock.advance(minutes{1});
    Model m(Database::open_file(file), clock, HEARTH_TEST_ASSETS_DIR, DeviceStore::open_file(DeviceStore::path_for(file)));
    auto v = m.sessions.interrupted();
    REQUIRE(v);
    CHECK(v->step_elapsed_ms >= 35'000);
    CHECK(v->step_elapsed_ms <= 40'000);
}
