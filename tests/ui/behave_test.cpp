// Issue 11: every control works by mouse and by keyboard. Each test drives the
// input a person uses (the mouse pressed, moved over frames and released; keys)
// and reads the result from the model or the screen.
#include "app_ui.h"
#include "planner_screen.h"
#include "screen_text.h"
#include "units.h"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace hearth;
using test::centre;

namespace {

Date monday() { return test::ymd(2026, 9, 21); }

} // namespace

TEST_CASE("Shortest break: dragged with the mouse to its left end, the floor is saved", "[ui][behave][settings]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("settings"));
    u.frames(2);
    auto value = test::find_text("20 minutes");
    INFO(test::screen_dump());
    REQUIRE(value);
    // From the value drawn in the slider to well past its left end.
    u.drag(centre(*value), ImVec2(value->min.x - 400, centre(*value).y));
    u.frames(2);
    CHECK(u.t.model.breaks.floor_minutes() == kLowestFloorMinutes);
    CHECK(test::find_text("10 minutes"));
}

TEST_CASE("Text size: a click at the slider's right end keeps the largest size", "[ui][behave][settings]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("settings"));
    u.frames(2);
    auto value = test::find_text("17 px");
    INFO(test::screen_dump());
    REQUIRE(value);
    // The slider is em(12) wide, centred on its value: a click a little inside its right end.
    float half = ImGui::GetFontSize() * 6;
    u.click(ImVec2(centre(*value).x + half - 3, centre(*value).y));
    u.frames(2);
    CHECK(u.t.model.settings.get(setting::text_size) == setting::text_size.max);
}

namespace {

// A Sunday ritual in the shown week, at 10:00.
std::string sunday_ritual(Planner& p) {
    PlanDraft d;
    d.title = "Sunday pancakes";
    d.kind_id = "ritual";
    d.day = add_days(monday(), 6);
    d.start_minute = 10 * 60;
    d.length_minutes = 60;
    d.recurrence.repeat = Repeat::weekly;
    d.recurrence.weekdays = kSunday;
    auto r = p.add(d);
    REQUIRE(r.ok());
    return r.id;
}

void drag_sunday_to_saturday(ImVec2 size) {
    test::OwnedAppUi u;
    u.h.resize(size);
    sunday_ritual(u.t.model.planner);
    REQUIRE(u.shell.select("planner"));
    u.frames(3);
    INFO("at " << size.x << "x" << size.y << "\n" << test::screen_dump());
    auto chip = test::find_text("Sunday pancakes");
    REQUIRE(chip);
    auto saturday = test::find_text("Sat 26");
    REQUIRE(saturday);
    ImVec2 from = centre(*chip);
    // Pressing on the plan does not open its card, nor move what is under the pointer.
    u.h.mouse_move(from, [&] { u.shell.draw(); });
    u.h.mouse_down([&] { u.shell.draw(); });
    u.frames(1);
    auto still = test::find_text("Sunday pancakes");
    REQUIRE(still);
    CHECK(centre(*still).y == Approx(from.y));
    // Toward Saturday: in the column under its name, or in its row, beside its name.
    ImVec2 to = size.x >= 1400 ? ImVec2(centre(*saturday).x, from.y) : ImVec2(from.x, centre(*saturday).y);
    u.h.mouse_move(to, [&] { u.shell.draw(); }, 10);
    u.h.mouse_up([&] { u.shell.draw(); });
    u.frames(2);
    auto week = u.t.model.planner.week(monday());
    CHECK(week.days[5].size() == 1);
    CHECK(week.days[6].empty());
    CHECK(week.days[0].empty());
}

} // namespace

TEST_CASE("Week view: the Sunday ritual dragged to Saturday lands on Saturday, at the default size and at 1600 wide",
          "[ui][behave][planner]") {
    SECTION("1180x760, one row per day") { drag_sunday_to_saturday(ImVec2(1180, 760)); }
    SECTION("1600x1000, seven columns") { drag_sunday_to_saturday(ImVec2(1600, 1000)); }
}

TEST_CASE("Week view: a click on a plan (no drag) still opens its card", "[ui][behave][planner]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1600, 1000));
    sunday_ritual(u.t.model.planner);
    REQUIRE(u.shell.select("planner"));
    u.frames(3);
    REQUIRE(u.click_text("Sunday pancakes"));
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("Sunday pancakes", 1));
}

TEST_CASE("\"I need a break\" while a break runs says so and offers to open it; a second only by a clear choice",
          "[ui][behave][breaks]") {
    test::OwnedAppUi u;
    BreakRequest maya;
    maya.caller_slot = 0;
    REQUIRE(u.t.model.breaks.start(maya).ok());
    REQUIRE(u.shell.select("gratitude"));
    u.frames(2);
    REQUIRE(u.click_text("I need a break"));
    u.frames(1);
    INFO(test::screen_dump());
    CHECK(test::find_text("Maya's break is running"));
    // Sam's digit alone starts nothing.
    u.press('2');
    u.frames(1);
    CHECK(u.t.model.breaks.active().size() == 1);
    SECTION("Open it goes to the break") {
        REQUIRE(u.click_text("Open it"));
        u.frames(1);
        CHECK(u.shell.current_id() == "breaks");
        CHECK(u.t.model.breaks.active().size() == 1);
    }
    SECTION("A second break, chosen plainly") {
        REQUIRE(u.click_text("Start a second break"));
        u.frames(1);
        REQUIRE(test::find_text("Who needs a second break?"));
        u.press('2');
        u.frames(1);
        CHECK(u.t.model.breaks.active().size() == 2);
    }
}

TEST_CASE("Time together: the words follow the state (a ritual's first day, undo, the move field after a drag)",
          "[ui][behave][planner][words]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1600, 1000));
    PlannerScreen s(u.t.model, u.t.clock);
    s.sync();
    // A Sunday ritual planned from the form, whose day is today (a Monday).
    s.open_new_form(std::nullopt);
    s.form.title = "Sunday pancakes";
    s.form.repeat = RepeatMode::weekdays;
    s.form.draft.recurrence.weekdays = kSunday;
    s.form.time_text = "10:00";
    s.form.day.set(monday());
    REQUIRE(s.save_form().ok());
    std::string notice = s.take_notice();
    CHECK_THAT(notice, Catch::Contains("Sun 27 Sep 2026") && Catch::Contains("10:00"));
    CHECK_THAT(notice, !Catch::Contains("Mon 21 Sep"));
    // Selected, then dragged to Saturday: "Move just this time to" shows Saturday.
    s.sync();
    REQUIRE(s.week().days[6].size() == 1);
    Occurrence sunday = s.week().days[6][0];
    s.select(sunday);
    s.sync();
    s.start_drag(sunday);
    REQUIRE(s.drop_on_day(add_days(monday(), 5)).ok());
    s.sync();
    CHECK(s.card.move_day.day == add_days(monday(), 5));
    CHECK_THAT(s.take_notice(), Catch::Contains("Moved"));
    // Undone: the status no longer says "Moved", and the field is back on Sunday.
    s.undo_changes();
    s.sync();
    CHECK_THAT(s.take_notice(), !Catch::Contains("Moved") && Catch::Contains("back to Sun 27 Sep 2026"));
    CHECK(s.card.move_day.day == add_days(monday(), 6));
}

namespace {

// The tallest words on screen: the big name of whoever has the floor.
std::string tallest_text() {
    std::string best;
    float h = 0;
    for (const auto& r : test::screen_text())
        if (r.max.y - r.min.y > h) h = r.max.y - r.min.y, best = r.text;
    std::erase(best, ' ');  // a run mixes fonts: the spacing between glyphs is read loosely
    return best;
}

int key(ImGuiKey k) { return ImGui::GetKeyIndex(k); }

} // namespace

TEST_CASE("Listening by keyboard: the floor follows who talks, -> at the question is not \"got it\", ratings by digits",
          "[ui][behave][listening]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("listening"));
    u.frame();
    SessionSetup setup;
    setup.topic = "Weekends";
    setup.first_speaker_slot = 1;  // Sam speaks first
    REQUIRE(u.t.model.sessions.start(setup).ok());
    u.frames(2);
    CHECK(tallest_text().starts_with("Samhasthefloor"));
    u.press(key(ImGuiKey_RightArrow));  // share -> reflect: Maya talks
    u.frames(1);
    REQUIRE(u.t.model.sessions.current()->floor_slot == 0);
    INFO(test::screen_dump());
    CHECK(tallest_text().starts_with("Mayareflectsback"));  // the listener talks, and says why
    CHECK(test::find_text("listening:"));
    u.press(key(ImGuiKey_RightArrow));  // reflect -> clarify
    auto clarify = *u.t.model.sessions.current();
    REQUIRE(clarify.step);
    REQUIRE(clarify.step->check);
    u.press(key(ImGuiKey_RightArrow));  // not an answer
    u.press(key(ImGuiKey_Enter));
    u.frames(1);
    CHECK(u.t.model.sessions.current()->step_index == clarify.step_index);
    CHECK(test::find_text("Answer the question first"));
    u.press('Y');
    CHECK(u.t.model.sessions.current()->step_index == clarify.step_index + 1);
    for (int i = 0; i < 30 && u.t.model.sessions.current() && u.t.model.sessions.current()->state != SessionState::closing; ++i) {
        if (auto c = u.t.model.sessions.current(); c && c->step && c->step->check) u.press('Y');
        else u.press(key(ImGuiKey_RightArrow));
    }
    REQUIRE(u.t.model.sessions.current()->state == SessionState::closing);
    u.frames(2);
    u.press('4');  // Maya's
    u.press('5');  // Sam's
    u.frames(1);
    REQUIRE(u.click_text("Save and finish"));
    u.frames(1);
    auto history = u.t.model.sessions.history(0, 5);
    REQUIRE(history.size() == 1);
    CHECK(history[0].felt_heard(0) == 4);
    CHECK(history[0].felt_heard(1) == 5);
}

TEST_CASE("The dashboard's words follow the week shown: this week, and a past week without today's buttons",
          "[ui][behave][dashboard][words]") {
    test::OwnedAppUi u;
    BreakRequest r;
    r.topic = "Money for the holidays";
    REQUIRE(u.t.model.breaks.start(r).ok());
    REQUIRE(u.shell.select("dashboard"));
    u.frames(3);
    INFO(test::screen_dump());
    CHECK(test::find_text("No listening exercise this week yet."));
    CHECK_FALSE(test::find_text("No listening exercise that week."));
    CHECK(test::find_text("Start this week's review"));
    CHECK(test::find_text("Money for the holidays"));
    // One week back, by the arrow left of the week's name.
    auto label = test::find_text("Week of");
    REQUIRE(label);
    u.click(ImVec2(label->min.x - ImGui::GetStyle().ItemSpacing.x - ImGui::GetFrameHeight() / 2, centre(*label).y));
    u.frames(2);
    INFO(test::screen_dump());
    REQUIRE(test::find_text("(2026-W38)"));
    CHECK(test::find_text("No listening exercise that week."));
    CHECK_FALSE(test::find_text("Start this week's review"));
    CHECK_FALSE(test::find_text("Money for the holidays"));
}

TEST_CASE("Deleting an appreciation says so once, with its undo", "[ui][behave][gratitude][words]") {
    test::OwnedAppUi u;
    GratitudeDraft d;
    d.text = "Thank you for the soup";
    d.day = monday();
    REQUIRE(u.t.model.gratitude.add(d).ok());
    REQUIRE(u.shell.select("gratitude"));
    u.frames(3);
    REQUIRE(u.click_text("Thank you for the soup"));
    u.frames(1);
    REQUIRE(u.click_text("Delete"));
    u.frames(1);
    REQUIRE(u.click_text("Really delete"));
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("Deleted an appreciation from Maya."));
    CHECK_FALSE(test::find_text("Deleted", 1));
}

TEST_CASE("Chosen weekdays of a ritual carry a check mark", "[ui][behave][planner][words]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("planner"));
    u.frames(2);
    REQUIRE(u.click_text("+ New plan"));
    u.frames(1);
    REQUIRE(u.click_text("Does not repeat"));
    u.frames(1);
    REQUIRE(u.click_text("On chosen weekdays"));
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("\xE2\x9C\x93 Mon"));
    CHECK_FALSE(test::find_text("\xE2\x9C\x93 Tue"));
}

TEST_CASE("\"What else went well?\": Enter keeps what is typed and the cursor in the box; Ctrl+Enter starts a line",
          "[ui][behave][review]") {
    test::OwnedAppUi u;
    REQUIRE(u.shell.select("review"));
    u.frame();
    auto started = u.t.model.reviews.start_this_week();
    REQUIRE(started.ok());
    REQUIRE(u.t.model.reviews.set_step(started.id, ReviewStep::went_well).ok());
    u.frames(2);
    INFO(test::screen_dump());
    auto question = test::find_text("What else went well?");
    REQUIRE(question);
    CHECK(test::find_text("Ctrl+Enter starts a new line"));
    // The box is under the question: click into it, type, Enter, type on.
    u.click(ImVec2(question->min.x + 30, question->max.y + ImGui::GetFontSize() * 1.5f));
    u.type("The walk");
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(2);  // a person types on a moment later
    u.type(" and the soup");
    u.frames(1);
    u.press(test::Headless::kEnter, true);  // Ctrl+Enter: a new line
    u.type("Sunday");
    u.frames(2);
    CHECK(u.t.model.reviews.get(started.id)->went_well_note == "The walk and the soup\nSunday");
}

TEST_CASE("The memory of a time together: Enter saves it, as the appreciation box does", "[ui][behave][planner]") {
    test::OwnedAppUi u;
    u.h.resize(ImVec2(1600, 1000));
    std::string id = sunday_ritual(u.t.model.planner);
    u.t.clock.advance(std::chrono::hours(24 * 6));  // Sunday afternoon: the pancakes were had
    REQUIRE(u.t.model.planner.mark_done(id, add_days(monday(), 6)).ok());
    REQUIRE(u.shell.select("planner"));
    u.frames(3);
    REQUIRE(u.click_text("Sunday pancakes"));
    u.frames(2);
    auto label = test::find_text("What you want to remember");
    INFO(test::screen_dump());
    REQUIRE(label);
    u.click(ImVec2(label->min.x + 30, label->max.y + ImGui::GetFontSize() * 1.5f));
    u.type("Blueberries");
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(2);
    CHECK(u.t.model.planner.occurrence(id, add_days(monday(), 6))->memory == "Blueberries");
}

TEST_CASE("First run by keyboard: Tab goes from a name to its colours and on; arrows choose; the same colour gets a word",
          "[ui][behave][first-run]") {
    test::OwnedAppUi u(false);
    u.frames(2);
    u.type("Maya");
    u.frames(1);
    u.press(test::Headless::kTab);           // to Maya's colours
    u.press(key(ImGuiKey_RightArrow));       // the second colour: Sam's
    u.frames(1);
    INFO(test::screen_dump());
    CHECK(test::find_text("You both have the same colour."));
    u.press(key(ImGuiKey_RightArrow));       // the third
    u.frames(1);
    CHECK_FALSE(test::find_text("You both have the same colour."));
    u.press(test::Headless::kTab);           // to the second name
    u.type("Sam");
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(1);
    REQUIRE(u.t.model.couple.is_set_up());
    CHECK(u.t.model.couple.partner(0).name == "Maya");
    CHECK(u.t.model.couple.partner(1).name == "Sam");
    CHECK(u.t.model.couple.partner(0).color == kPartnerPalette[2]);
    CHECK(u.t.model.couple.partner(1).color == kPartnerPalette[1]);
}

TEST_CASE("First run in the smallest window, largest text: the same colour chosen by keyboard gets a word in sight, "
          "and Start asks once before keeping it",
          "[ui][behave][first-run]") {
    test::TestModel t(false);
    t.model.settings.set(setting::text_size, 28);
    test::AppUi u(t);
    u.h.resize(ImVec2(float(ui::kMinWindowWidth), float(ui::kMinWindowHeight)));
    u.frames(3);
    u.type("Maya");
    u.frames(1);
    u.press(test::Headless::kTab);      // to Maya's colours
    u.press(key(ImGuiKey_RightArrow));  // the second colour: Sam's
    u.frames(2);
    INFO(test::screen_dump());
    auto note = test::find_text("You both have the same colour.");
    REQUIRE(note);
    CHECK(note->fully_visible);
    u.press(test::Headless::kTab);  // to the second name
    u.type("Sam");
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(2);
    CHECK_FALSE(t.model.couple.is_set_up());  // asked first
    auto asked = test::find_text("press Start again");
    REQUIRE(asked);
    CHECK(asked->fully_visible);
    // The mouse gets the same question and the same answer (down at the card's end).
    u.h.mouse_move(ImVec2(320, 240), [&] { u.shell.draw(); });
    u.h.scroll(-20, [&] { u.shell.draw(); });
    u.frames(2);
    REQUIRE(u.click_text("Start with the same colour"));
    u.frames(1);
    REQUIRE(t.model.couple.is_set_up());
    CHECK(t.model.couple.partner(0).color == t.model.couple.partner(1).color);
}

TEST_CASE("First run: \"Please enter a name.\" goes once a name is typed; the same-colour question stays in the card",
          "[ui][behave][first-run]") {
    test::OwnedAppUi u(false);
    u.h.resize(ImVec2(1600, 1000));  // the window's edge far beyond the card's
    u.frames(2);
    u.press(test::Headless::kEnter);  // no names yet
    u.frames(2);
    INFO(test::screen_dump());
    REQUIRE(test::find_text("Please enter a name."));
    u.type("Maya");
    u.frames(2);
    CHECK_FALSE(test::find_text("Please enter a name."));
    u.press(test::Headless::kTab);      // to Maya's colours
    u.press(key(ImGuiKey_RightArrow));  // Sam's colour
    u.press(test::Headless::kTab);      // to the second name
    u.type("Sam");
    u.frames(1);
    u.press(test::Headless::kEnter);
    u.frames(2);
    REQUIRE_FALSE(u.t.model.couple.is_set_up());
    INFO(test::screen_dump());
    auto asked = test::find_text("Choose another colour");
    auto intro = test::find_text("A shared place for the two of you");  // wrapped at the card's edge
    REQUIRE(asked);
    REQUIRE(intro);
    CHECK(asked->max.x <= intro->max.x + 2 * ImGui::GetFontSize());
}

TEST_CASE("The review's \"Schedule it\" pressed: a plan in Time together, and the clash with a planned date said",
          "[ui][behave][review]") {
    test::OwnedAppUi u;
    Model& m = u.t.model;
    PlanDraft dinner;
    dinner.title = "Dinner at the little Greek place";
    dinner.day = add_days(monday(), 1);  // tomorrow: where "Schedule it" is offered, at 19:30
    dinner.start_minute = 19 * 60;
    dinner.length_minutes = 120;
    REQUIRE(m.planner.add(dinner).ok());
    auto review = m.reviews.start_this_week();
    REQUIRE(review.ok());
    REQUIRE(m.reviews.choose_issue(review.id, {IssueSource::new_topic, {}, "Holidays with family"}).ok());
    REQUIRE(m.reviews.set_step(review.id, ReviewStep::issue).ok());
    REQUIRE(u.shell.select("review"));
    u.frames(3);
    REQUIRE(u.click_text("Schedule it"));
    u.frames(2);
    INFO(test::screen_dump());
    auto tuesday = m.planner.week(monday()).days[1];
    REQUIRE(tuesday.size() == 2);
    CHECK(tuesday[1].title == "Talk: Holidays with family");
    CHECK(test::find_text("Planned in Time together for Tue 22 Sep 2026"));
    CHECK(test::find_text("It shares time with"));
}

namespace {

struct FileUi : test::FileUi {
    explicit FileUi(const std::filesystem::path& db) : test::FileUi(db, 2000) {}
};

} // namespace

TEST_CASE("Settings: \"Back up now\" writes a backup and says where; \"Restore from a backup\" merges one or says why not",
          "[ui][behave][settings][backup]") {
    test::TempDir dir;
    const std::string backup = (dir / "hearth-backup.json").string();
    const std::string bad = (dir / "not-a-backup.json").string();
    { std::ofstream(bad) << "{\"hello\": 1}"; }
    // The couple's Hearth, and a copy of it as it was then (another computer of theirs).
    { FileUi first(dir / "one.db"); }
    std::filesystem::copy_file(dir / "one.db", dir / "two.db");
    // Backed up from the first, after an appreciation was written there ...
    {
        FileUi u(dir / "one.db");
        GratitudeDraft d;
        d.text = "Thank you for the soup";
        d.day = monday();
        REQUIRE(u.model.gratitude.add(d).ok());
        u.retype("hearth-backup-2026-09-21.json", backup);
        REQUIRE(u.h.click_text("Back up now", u.draw));
        u.frames(2);
        INFO(test::screen_dump());
        CHECK(std::filesystem::is_regular_file(backup));
        CHECK(test::find_text("Wrote"));
    }
    // ... restored into the copy: a bad file is refused with the reason, then the backup is merged.
    FileUi u(dir / "two.db");
    u.retype("Backup file", bad);
    REQUIRE(u.h.click_text("Restore from a backup", u.draw));
    u.frames(2);
    {
        INFO(test::screen_dump());
        CHECK(test::find_text("Nothing was restored"));
        CHECK(u.model.gratitude.page({}, 0, 10).empty());
    }
    u.retype("not-a-backup", backup);
    REQUIRE(u.h.click_text("Restore from a backup", u.draw));
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("Restored from"));
    CHECK(u.model.gratitude.page({}, 0, 10).size() == 1);
}

TEST_CASE("The review's idea: its title stands alone, the description on its own line", "[ui][behave][review][words]") {
    test::OwnedAppUi u;
    auto review = u.t.model.reviews.start_this_week();
    REQUIRE(review.ok());
    REQUIRE(u.t.model.reviews.set_step(review.id, ReviewStep::plan).ok());
    REQUIRE(u.shell.select("review"));
    u.frames(3);
    INFO(test::screen_dump());
    auto squeeze = [](std::string s) {
        std::erase(s, ' ');
        return s;
    };
    int seen = 0;
    for (const Idea& idea : u.t.model.ideas.all())
        for (const auto& run : test::screen_text())
            if (!idea.description.empty() && squeeze(run.text).starts_with(squeeze(idea.title))) {
                ++seen;
                CHECK(squeeze(run.text) == squeeze(idea.title));  // not "How was your day, really?: When ..."
            }
    CHECK(seen >= 1);
}
