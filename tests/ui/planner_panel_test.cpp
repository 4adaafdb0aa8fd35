// The planner panel ("Time together") drawn headless with an empty and a busy
// week at a small and a large size, a plan created from the keyboard, and the
// decisions behind drag and drop and "Plan it".
#include "app_ui.h"
#include "screen_text.h"
#include "visible_text.h"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include <cfloat>
#include <initializer_list>
#include <optional>
#include <string_view>

using namespace hearth;

namespace hearth::ui {
std::unique_ptr<Panel> make_planner_panel();   // ui/panels/planner/planner_panel.cpp
}

namespace {

// The mouse, as the GLFW backend delivers it: a button found by its ImGui ID
// (the labels on its ID stack, from a window), pointed at and clicked.
ImGuiWindow* window_named_like(const char* prefix) {
    for (ImGuiWindow* w : GImGui->Windows)
        if (std::string_view(w->Name).starts_with(prefix)) return w;
    return nullptr;
}

// One level of an ID stack: a label (PushID("x"), Button("x")) or a number (PushID(1)).
struct IdPart {
    IdPart(const char* text) : label(text) {}
    IdPart(int number) : n(number) {}
    const char* label = nullptr;
    int n = 0;
};

ImGuiID id_of(ImGuiWindow* window, std::initializer_list<IdPart> parts) {
    ImGuiID id = window->ID;
    for (const IdPart& p : parts) id = p.label ? ImHashStr(p.label, 0, id) : ImHashData(&p.n, sizeof p.n, id);
    return id;
}

// The item's rectangle on screen, as keyboard navigation records it once the
// item is drawn with the nav focus on it; nullopt when it was not drawn.
std::optional<ImRect> item_rect(test::AppUi& u, ImGuiWindow* window, ImGuiID id) {
    u.h.frame([&] {
        u.shell.draw();
        ImGui::SetFocusID(id, window);
    });
    u.frame();
    if (GImGui->NavId != id || !GImGui->NavIdIsAlive) return std::nullopt;
    ImRect r = window->NavRectRel[0];
    r.Translate(window->Pos);
    return r;
}

// Moves the mouse onto the item, presses and releases the left button. False
// when the item is not there or the mouse does not land on it.
bool click(test::AppUi& u, ImGuiWindow* window, ImGuiID id) {
    auto r = item_rect(u, window, id);
    if (!r) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = r->GetCenter();
    u.frame();
    u.frame();
    if (GImGui->HoveredIdPreviousFrame != id) return false;
    io.MouseDown[0] = true;
    u.frame();
    io.MouseDown[0] = false;
    u.frame();
    return true;
}

// Monday 2026-09-21 (the fake clock's day, 14:13 UTC).
Date monday() { return test::ymd(2026, 9, 21); }

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
    // The planner panel alone in a window (the shell's own per-frame work, such
    // as the break banner, is not counted here).
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::AppContext ctx(t.model, t.clock);
    std::unique_ptr<ui::Panel> panel = ui::make_planner_panel();
    auto frames = [&](int n) {
        for (int i = 0; i < n; ++i)
            h.frame([&] {
                ImGui::Begin("planner");
                panel->draw(ctx);
                ImGui::End();
            });
    };
    Busy b(t.model.planner);
    for (PlannerTab view : {PlannerTab::week, PlannerTab::agenda, PlannerTab::ideas}) {
        INFO("view " << int(view));
        ctx.go_to(PanelId::planner, ShowPlannerTab{view});
        frames(3);
        const uint64_t before = t.model.db.queries();
        frames(3);
        CHECK(t.model.db.queries() == before);
        // A change between frames is read on the next frame, once.
        REQUIRE(t.model.planner.add(plan("Late picnic", add_days(monday(), 6), 12, 0, 90)).ok());
        const uint64_t after_change = t.model.db.queries();
        frames(1);
        const uint64_t reread = t.model.db.queries();
        CHECK(reread > after_change);
        frames(2);
        CHECK(t.model.db.queries() == reread);
    }
    REQUIRE(t.model.planner.remove(b.games));
    REQUIRE_NOTHROW(frames(2));
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

TEST_CASE("\"Plan it\" pressed in the idea bank plans the suggested idea on the next free evening", "[ui][planner]") {
    PlannerUi u;
    u.hand(ShowPlannerTab{PlannerTab::ideas});
    ImGuiWindow* content = window_named_like("Hearth/content_");
    REQUIRE(content);
    // Who plans it: Sam. Then "Suggest one", then "Plan it" on the suggestion.
    REQUIRE(click(u, content, id_of(content, {"planner-views", "Idea bank", "idea-who", 1, "Sam"})));
    REQUIRE(click(u, content, id_of(content, {"planner-views", "Idea bank", "Suggest one"})));
    REQUIRE(u.t.model.planner.plans().empty());
    auto suggested = u.t.model.planner.suggest_idea(0);
    REQUIRE(suggested);
    REQUIRE(click(u, content, id_of(content, {"planner-views", "Idea bank", "suggested", "Plan it"})));

    auto plans = u.t.model.planner.plans();
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].title == suggested->title);
    CHECK(plans[0].idea_id == suggested->id);
    CHECK(plans[0].day == monday());              // tonight is free
    CHECK(plans[0].start_minute == 19 * 60);
    CHECK(plans[0].length_minutes == suggested->length_minutes);
    CHECK(plans[0].suggested_by == 1);
    CHECK(u.t.model.ideas.get(suggested->id)->last_used == monday());
    CHECK(u.t.model.ideas.get(suggested->id)->times_used == 1);
    // The week shows it, selected, and the couple is told.
    CHECK(u.t.model.planner.week(monday()).days[0].size() == 1);
    CHECK(u.ctx.notice.starts_with("Planned: " + suggested->title));
    // "Suggest one" then avoids it.
    auto next = u.t.model.ideas.suggest(0);
    REQUIRE(next);
    CHECK(next->id != suggested->id);
}

TEST_CASE("The plan form's day and its weekday change together when the arrows are clicked, the mouse held still",
          "[ui][planner]") {
    PlannerUi u;
    u.hand(PlanNew{});
    ImGuiWindow* content = window_named_like("Hearth/content_");
    REQUIRE(content);
    // The loop draws on after input only while a frame says it must (app/window.cpp).
    auto settle = [&] {
        for (int i = 0; i < 8 && ui::frame_still_settling(); ++i) u.frame();
    };
    struct Step {
        const char* control;
        const char* date;
        const char* weekday;
    };
    for (Step step : {Step{"##next", "2026-09-22", "Tuesday"}, Step{"##next", "2026-09-23", "Wednesday"},
                      Step{"##prev", "2026-09-22", "Tuesday"}, Step{"Go to today", "2026-09-21", "Monday"}}) {
        INFO(step.control << " to " << step.date);
        // Pointed at and clicked as a hand does (the title field keeps the keys
        // until the press, so the arrow is not "hovered" before it).
        auto r = item_rect(u, content, id_of(content, {"form-day", step.control}));
        REQUIRE(r);
        ui::frame_still_settling();
        u.h.click(r->GetCenter(), [&] { u.shell.draw(); });
        settle();
        const std::string shown = test::visible_text("Hearth/content");
        INFO(shown);
        CHECK(shown.find(step.date) != std::string::npos);
        CHECK(shown.find(step.weekday) != std::string::npos);
        CHECK(u.t.model.planner.plans().empty());
    }
}

TEST_CASE("Clicking an empty day starts a plan on that day, and the week says so before the first plan",
          "[ui][planner]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(640, 480)}) {
        INFO("at " << size.x << "x" << size.y);
        PlannerUi u;
        u.h.resize(size);
        u.frames();
        REQUIRE(u.t.model.planner.plans().empty());
        const std::string before = test::visible_text("Hearth/content");
        INFO(before);
        CHECK(before.find("lickadaytoplansomethingonit") != std::string::npos);
        // Wednesday's empty cell: under its name in seven columns, right of it in rows.
        auto wed = test::find_text("Wed");
        REQUIRE(wed);
        const float em = ImGui::GetFontSize();
        const bool columns = size.x >= 1000;
        ImVec2 at = columns ? ImVec2((wed->min.x + wed->max.x) / 2, wed->max.y + 3 * em)
                            : ImVec2(wed->min.x + 9 * em, (wed->min.y + wed->max.y) / 2);
        u.click(at);
        u.frames(2);
        const std::string form = test::visible_text("Hearth/content");
        INFO(form);
        CHECK(form.find("Anewplan") != std::string::npos);
        CHECK(form.find("2026-09-23") != std::string::npos);
        CHECK(form.find("Wednesday") != std::string::npos);
        // Saved as typed, it is on Wednesday.
        u.type("Board games");
        u.frames(1);
        u.press(test::Headless::kEnter);
        u.frames(1);
        auto plans = u.t.model.planner.plans();
        REQUIRE(plans.size() == 1);
        CHECK(plans[0].day == add_days(monday(), 2));
    }
}

TEST_CASE("The plan form says once that Enter saves", "[ui][planner]") {
    PlannerUi u;
    u.hand(PlanNew{});
    const std::string form = test::visible_text("Hearth/content");
    INFO(form);
    const std::string words = "Entersaves";
    const auto first = form.find(words);
    REQUIRE(first != std::string::npos);
    CHECK(form.find(words, first + 1) == std::string::npos);
}

TEST_CASE("The date field's button says what it does, \"Go to today\", and is as tall as the arrows beside it",
          "[ui][planner]") {
    PlannerUi u;
    u.hand(PlanNew{});
    ImGuiWindow* content = window_named_like("Hearth/content_");
    REQUIRE(content);
    auto next = item_rect(u, content, id_of(content, {"form-day", "##next"}));
    REQUIRE(next);
    u.h.click(next->GetCenter(), [&] { u.shell.draw(); });  // as a hand does: the title field has the keys
    u.frames(3);
    INFO(test::screen_dump());
    CHECK(test::find_text("Go to today"));
    CHECK_FALSE(test::find_text("Today"));
    auto today = item_rect(u, content, id_of(content, {"form-day", "Go to today"}));
    auto arrow = item_rect(u, content, id_of(content, {"form-day", "##next"}));
    REQUIRE(today);
    REQUIRE(arrow);
    CHECK(today->GetHeight() == arrow->GetHeight());
    CHECK(today->Min.y == arrow->Min.y);
}

TEST_CASE("\"Mark done\" is at the same place on a plan's card whether or not someone suggested it", "[ui][planner]") {
    PlannerUi u;
    const std::string with = u.t.model.planner.add(plan("Picnic in the park", monday(), 12, 0, 60, 0)).id;
    const std::string without = u.t.model.planner.add(plan("Picnic by the lake", monday(), 15, 0, 60)).id;
    auto mark_done_below_title = [&](const std::string& id, const char* title) {
        u.hand(ShowOccurrence{id, monday()});
        INFO(test::screen_dump());
        auto heading = test::find_text(title, 1);  // the card's heading (the week grid draws it first)
        if (!heading) heading = test::find_text(title);
        auto done = test::find_text("Mark done");
        REQUIRE(heading);
        REQUIRE(done);
        return done->min.y - heading->min.y;
    };
    const float a = mark_done_below_title(with, "Picnic in the park");
    CHECK(test::shown("Suggested by"));
    const float b = mark_done_below_title(without, "Picnic by the lake");
    CHECK_FALSE(test::shown("Suggested by"));
    CHECK(a == b);
}

TEST_CASE("Unrated stars are drawn large and plain enough to click: frame-sized buttons, outlined in at least "
          "the disabled text's colour",
          "[ui][planner]") {
    for (const char* theme : {"light", "dark"}) {
        INFO(theme);
        test::TestModel t;
        t.model.settings.set(setting::theme, std::string(theme));
        test::AppUi u(t);
        REQUIRE(u.shell.select("planner"));
        const std::string id = t.model.planner.add(plan("Morning walk", monday(), 9, 0, 60)).id;
        REQUIRE(t.model.planner.mark_done(id, monday()).ok());
        u.ctx.go_to(PanelId::planner, ShowOccurrence{id, monday()});
        u.frames(3);
        ImGuiWindow* content = window_named_like("Hearth/content_");
        REQUIRE(content);
        const ImU32 disabled = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        for (int k = 1; k <= 5; ++k) {
            INFO("star " << k);
            auto r = item_rect(u, content, id_of(content, {"occurrence", 0, k, "##star"}));
            REQUIRE(r);
            CHECK(r->GetWidth() >= ImGui::GetFrameHeight());
            CHECK(r->GetHeight() >= ImGui::GetFrameHeight());
            // The star's ink: vertices in the disabled colour spanning most of the button.
            ImRect ink(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
            ImDrawData* data = ImGui::GetDrawData();
            for (int l = 0; l < data->CmdListsCount; ++l)
                for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
                    if (v.col == disabled && r->Contains(v.pos)) ink.Add(v.pos);
            CHECK(ink.GetWidth() >= r->GetWidth() * 0.6f);
            CHECK(ink.GetHeight() >= r->GetHeight() * 0.6f);
        }
        // A click on the third gives three.
        REQUIRE(click(u, content, id_of(content, {"occurrence", 0, 3, "##star"})));
        CHECK(t.model.planner.occurrence(id, monday())->rating[0] == 3);
    }
}
