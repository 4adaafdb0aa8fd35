// The breaks panel in every state, and the shell's part: waking once a second
// while a countdown shows, sleeping otherwise, asking for attention at the end.
#include "app_ui.h"
#include "demo_data.h"
#include "fonts.h"
#include "mouse.h"
#include "screen_text.h"
#include "visible_text.h"

#include <catch2/catch.hpp>

using namespace hearth;
using namespace std::chrono;

namespace {
using BreaksUi = test::OwnedAppUi;
using test::click;
using test::drawn_window;
using test::id_in;
} // namespace

TEST_CASE("With nothing moving, the app asks for no wake-up at all", "[ui][breaks]") {
    BreaksUi u;
    for (const char* id : {"dashboard", "gratitude", "settings"}) {
        REQUIRE(u.shell.select(id));
        u.frame();
        CHECK_FALSE(u.frame());
    }
}

TEST_CASE("The breaks panel draws in every state of a break", "[ui][breaks]") {
    BreaksUi u;
    Breaks& b = u.t.model.breaks;
    REQUIRE(u.shell.select("breaks"));
    u.frame();  // no break: the start form and the safety note

    BreakRequest r;
    r.caller_slot = 1;
    r.topic = "Holiday plans \xF0\x9F\x8C\xBB";
    auto id = b.start(r).id;
    REQUIRE(!id.empty());
    auto wake = u.frame();  // running, with the pacer: animation frames
    REQUIRE(wake);
    CHECK(*wake <= 0.06);

    REQUIRE(b.pause(id).ok());
    u.frame();
    REQUIRE(b.resume(id).ok());
    REQUIRE(b.extend(id, 10).ok());
    u.frame();

    // A second round at the same time, from the other partner.
    BreakRequest second;
    second.caller_slot = 0;
    second.minutes = 25;
    REQUIRE(b.start(second).ok());
    u.frame();
    CHECK(b.active().size() == 2);

    u.t.clock.advance(minutes(31));
    u.frame();  // the first ran out: "time to come back"
    CHECK(b.needs_attention());
    u.frame();
    REQUIRE(b.more_time(id, 10).ok());
    u.frame();
    u.t.clock.advance(minutes(40));
    u.frame();
    for (const auto& v : b.active())
        if (v.state == BreakState::expired) REQUIRE(b.come_back(v.id).ok());
    u.frame();
    CHECK(b.active().empty());
    CHECK(b.open_topics().size() == 1);
    // The history (collapsed by default) and the dashboard's open topics draw too.
    REQUIRE(u.shell.select("dashboard"));
    u.frame();
}

TEST_CASE("A running break wakes the app at its next second, from any panel", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("settings"));
    REQUIRE(u.t.model.breaks.start({}).ok());
    u.t.clock.advance(milliseconds(300));
    auto wake = u.frame();
    REQUIRE(wake);
    CHECK(*wake == Approx(0.7).margin(0.01));  // the countdown's next whole second
    CHECK_FALSE(u.ctx.take_attention_request());
}

TEST_CASE("When a break runs out the app asks for the couple's attention once", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("gratitude"));
    REQUIRE(u.t.model.breaks.start({}).ok());
    u.frame();
    u.t.clock.advance(minutes(20) + seconds(1));
    u.frame();
    CHECK(u.ctx.take_attention_request());
    u.frame();
    CHECK_FALSE(u.ctx.take_attention_request());
    CHECK(u.t.model.breaks.needs_attention());
}

TEST_CASE("\"We're back: listen to each other about it\" opens the listening exercise on the break's topic", "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = "Who hosts New Year \xF0\x9F\x8E\x86";
    auto id = u.t.model.breaks.start(r).id;
    REQUIRE(!id.empty());
    u.t.clock.advance(minutes(21));
    REQUIRE(u.shell.select("breaks"));
    u.frame();
    ImGuiWindow* content = drawn_window("Hearth/content_");
    REQUIRE(content);
    REQUIRE(click(u, content, id_in(id_in(content->ID, id), "We're back: listen to each other about it")));
    u.frame();
    CHECK(u.t.model.breaks.get(id)->state == BreakState::returned);
    CHECK(u.shell.current_id() == "listening");
    // The listening panel holds the break's topic: Begin starts on it.
    CHECK_FALSE(u.t.model.sessions.current());
    REQUIRE(click(u, drawn_window("Hearth/content_"), id_in(drawn_window("Hearth/content_")->ID, "Begin")));
    auto session = u.t.model.sessions.current();
    REQUIRE(session);
    CHECK(session->topic == r.topic);
    CHECK(session->source_break == id);
}

TEST_CASE("\"I need a break\" and the partner's button start a break from any screen", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("gratitude"));
    u.frame();
    ImGuiWindow* nav = drawn_window("Hearth/nav_");
    REQUIRE(click(u, nav, id_in(nav->ID, "I need a break")));
    CHECK(u.t.model.breaks.active().empty());  // one click asks who
    ImGuiWindow* popup = drawn_window("##Popup_");
    REQUIRE(popup);
    const std::string sam = u.t.model.couple.partner(1).name + "  (2)##quick";
    REQUIRE(click(u, popup, id_in(id_in(popup->ID, 1), sam)));
    u.frame();
    auto active = u.t.model.breaks.active();
    REQUIRE(active.size() == 1);
    CHECK(active[0].caller_slot == 1);
    CHECK(active[0].total_ms() == kDefaultBreakMinutes * 60'000);
    CHECK(active[0].state == BreakState::running);
    CHECK(u.shell.current_id() == "breaks");
}

TEST_CASE("Calling a break from any screen takes Ctrl+B and the partner's number", "[ui][breaks]") {
    BreaksUi u;
    REQUIRE(u.shell.select("dashboard"));
    u.frame();
    u.press('B', /*ctrl=*/true);
    CHECK(ImGui::IsPopupOpen("quick break", ImGuiPopupFlags_AnyPopupId));
    // The popup has a button per partner, numbered: 2 is Sam.
    u.frame();
    u.press('2');
    u.frame();
    auto active = u.t.model.breaks.active();
    REQUIRE(active.size() == 1);
    CHECK(active[0].caller_slot == 1);
    CHECK(active[0].total_ms() == kDefaultBreakMinutes * 60'000);
    CHECK(u.shell.current_id() == "breaks");
}

TEST_CASE("\"Who needs a break?\" opens beside its button, by a click or by Ctrl+B with the mouse far away",
          "[ui][breaks]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(640, 480)}) {
        for (bool by_keys : {false, true}) {
            INFO("at " << size.x << "x" << size.y << (by_keys ? ", Ctrl+B" : ", a click"));
            BreaksUi u;
            u.h.resize(size);
            REQUIRE(u.shell.select("gratitude"));
            u.frames(3);
            auto button = test::find_text("I need a break");
            REQUIRE(button);
            if (by_keys) {
                u.h.mouse_move(ImVec2(size.x * 0.7f, size.y * 0.5f), [&] { u.shell.draw(); });
                u.press('B', /*ctrl=*/true);
            } else {
                REQUIRE(u.click_text("I need a break"));
            }
            u.frames(3);
            ImGuiWindow* popup = drawn_window("##Popup_");
            REQUIRE(popup);
            const ImRect r = popup->Rect();
            const float em = ImGui::GetFontSize();
            // Next to the button, above or below it, not over it.
            const float gap = r.Min.y >= button->max.y ? r.Min.y - button->max.y : button->min.y - r.Max.y;
            CHECK(gap >= 0);
            CHECK(gap < em);
            CHECK(std::abs(r.Min.x - button->min.x) < 3 * em);
            // Sized to what it holds, whole in the window.
            CHECK(r.GetHeight() < 12 * em);
            CHECK(r.Min.y >= 0);
            CHECK(r.Max.y <= size.y);
        }
    }
}

TEST_CASE("A running break says how much of it is left; ending it early says what happened", "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = "The holiday";
    REQUIRE(u.t.model.breaks.start(r).ok());
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    u.t.clock.advance(minutes(8));
    u.frames(2);
    std::string shown = test::visible_text("Hearth/content");
    INFO(shown);
    CHECK(shown.find("12:00") != std::string::npos);  // the ring: the one number for the time left
    CHECK(shown.find("20minbreak") != std::string::npos);
    CHECK(shown.find("Running") == std::string::npos);

    REQUIRE(u.click_text("End early"));
    u.frames(2);
    ImGuiWindow* confirm = drawn_window("End early");
    REQUIRE(confirm);
    CHECK(test::visible_text("End early").starts_with("Endearly"));
    REQUIRE(u.click_text("End it now"));
    u.frames(2);
    CHECK(u.t.model.breaks.active().empty());
    const std::string maya = u.t.model.couple.partner(0).name;
    CHECK(u.ctx.notice.starts_with(maya + "'s break ended early, after 8 of 20 min."));
    const std::string after = test::visible_text();
    INFO(after);
    CHECK(after.find(test::without_spaces(maya + "'s break ended early, after 8 of 20 min.")) != std::string::npos);
}

TEST_CASE("While a break runs, the breaks panel says so and starts a second only when asked in words",
          "[ui][breaks]") {
    BreaksUi u;
    BreakRequest r;
    r.caller_slot = 0;
    REQUIRE(u.t.model.breaks.start(r).ok());
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    std::string shown = test::visible_text("Hearth/content");
    INFO(shown);
    CHECK(shown.find("Callanotherbreak") == std::string::npos);
    CHECK(shown.find("Abreakisunderwayabove") != std::string::npos);
    REQUIRE(u.click_text("Start a second break"));
    u.frames(2);
    shown = test::visible_text("Hearth/content");
    CHECK(shown.find("Asecondbreak") != std::string::npos);
    // The second one starts only from its own form.
    CHECK(u.t.model.breaks.active().size() == 1);
    REQUIRE(u.click_text("Sam"));
    REQUIRE(u.click_text("Start the break"));
    u.frames(2);
    CHECK(u.t.model.breaks.active().size() == 2);
}

namespace {
// Every run of text in the panel area whole: none cut at a side or off the display.
std::string cut_in_panel() {
    std::string cut;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    for (const test::TextRun& r : test::screen_text())
        if (r.cut_across || r.min.x < -3 || r.max.x > display.x + 0.5f) cut += "\"" + r.text + "\"\n";
    return cut;
}
// Inside its area (a glyph may overhang its pen position by a pixel or two).
bool whole(const test::TextRun& r) {
    const float overhang = 3.0f, slack = 0.5f;
    return !r.cut_across && r.min.x >= r.clip.x - overhang && r.max.x <= r.clip.z + slack && r.min.y >= r.clip.y - overhang &&
           r.max.y <= r.clip.w + slack;
}
BreakView started_break(Breaks& b, const std::string& topic = {}) {
    BreakRequest r;
    r.caller_slot = 0;
    r.topic = topic;
    const auto id = b.start(r).id;
    REQUIRE(!id.empty());
    return *b.get(id);
}
} // namespace

TEST_CASE("A paused break says it has no return time yet, in its card and in the banner", "[ui][breaks]") {
    BreaksUi u;
    started_break(u.t.model.breaks);
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    CHECK(test::shown("Back at"));
    REQUIRE(u.click_text("Pause"));
    u.frames(2);
    REQUIRE(u.t.model.breaks.active()[0].state == BreakState::paused);
    u.t.clock.advance(minutes(3));
    u.frames(2);
    {
        INFO(test::screen_dump());
        CHECK(test::shown("Paused \xE2\x80\x94 20:00 left"));
        CHECK(test::shown("The return time is set when you resume."));
        CHECK_FALSE(test::shown("Back at"));
    }
    REQUIRE(u.shell.select("dashboard"));
    u.frames(2);
    const std::string banner = test::visible_text();
    INFO(banner);
    CHECK(banner.find("paused\xE2\x80\x94" "20:00left;thereturntimeissetwhenyouresume") != std::string::npos);
    CHECK(banner.find("backat") == std::string::npos);
    // Resumed, it runs to a fixed time again.
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    REQUIRE(u.click_text("Resume"));
    u.frames(2);
    CHECK(test::shown("Back at " + u.t.model.breaks.active()[0].return_clock));
}

TEST_CASE("The time left of a break shows once, as the ring counts it", "[ui][breaks]") {
    BreaksUi u;
    started_break(u.t.model.breaks);
    REQUIRE(u.shell.select("breaks"));
    u.frames(2);
    u.t.clock.advance(seconds(6));
    u.frames(2);
    const std::string shown = test::visible_text("Hearth/content");
    INFO(shown);
    CHECK(shown.find("19:54") != std::string::npos);
    CHECK(shown.find("left") == std::string::npos);  // no "20 of 20 min left" beside 19:54
}

TEST_CASE("With a break under way in a small window with large text, its return time and controls come first",
          "[ui][breaks]") {
    test::TestModel t;
    t.model.settings.set(setting::text_size, 28);
    test::AppUi u(t);
    u.h.resize(ImVec2(800, 600));
    started_break(t.model.breaks);
    REQUIRE(u.shell.select("breaks"));
    u.frames(4);
    INFO(test::screen_dump());
    for (const char* words : {"Back at", "called a break", "Pause", "End early"}) {
        INFO(words);
        auto run = test::find_text(words);
        REQUIRE(run);
        CHECK(run->fully_visible);
        CHECK(run->max.y <= 600);
    }
    auto end = test::find_text("End early");
    auto note = test::find_text("These tools are for ordinary");
    REQUIRE(end);
    if (note) CHECK(note->min.y > end->max.y);
}

TEST_CASE("\"Add a topic to come back to\" is a full button, pressed in its padding as the others are", "[ui][breaks]") {
    test::TestModel t;
    t.model.settings.set(setting::text_size, 28);
    test::AppUi u(t);
    started_break(t.model.breaks);
    REQUIRE(u.shell.select("breaks"));
    u.frames(3);
    auto add = test::find_text("Add a topic to come back to");
    REQUIRE(add);
    // Just above the words, inside the frame padding Pause and "+5 min" have.
    const float pad = ImGui::GetStyle().FramePadding.y;
    REQUIRE(pad >= 4);
    u.click(ImVec2(test::centre(*add).x, add->min.y - pad * 0.6f));
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::find_text("Save topic"));
}

TEST_CASE("The end-early confirm is centred on the window, however the window changed", "[ui][breaks]") {
    BreaksUi u;
    started_break(u.t.model.breaks);
    REQUIRE(u.shell.select("breaks"));
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(800, 600), ImVec2(1600, 1000)}) {
        INFO(size.x << "x" << size.y);
        u.h.resize(size);
        u.frames(3);
        REQUIRE(u.click_text("End early"));
        u.frames(3);
        ImGuiWindow* confirm = drawn_window("End early");
        REQUIRE(confirm);
        const ImVec2 c = confirm->Rect().GetCenter();
        CHECK(c.x == Approx(size.x / 2).margin(2));
        CHECK(c.y == Approx(size.y / 2).margin(2));
        REQUIRE(u.click_text("Keep resting"));
        u.frames(2);
    }
    CHECK(u.t.model.breaks.active().size() == 1);
}

TEST_CASE("In the dark theme the end-early confirm's title bar is the palette's, not ImGui's blue", "[ui][breaks]") {
    for (const char* theme : {"dark", "light"}) {
        INFO(theme);
        test::TestModel t;
        t.model.settings.set(setting::theme, std::string(theme));
        test::AppUi u(t);
        started_break(t.model.breaks);
        REQUIRE(u.shell.select("breaks"));
        u.frames(3);
        REQUIRE(u.click_text("End early"));
        u.frames(3);
        ImGuiWindow* confirm = drawn_window("End early");
        REQUIRE(confirm);
        int blue = 0;
        for (const ImDrawVert& v : confirm->DrawList->VtxBuffer) {
            const ImVec4 c = ImGui::ColorConvertU32ToFloat4(v.col);
            if (c.w > 0.5f && c.z > c.x + 0.2f && c.z > c.y + 0.1f) ++blue;
        }
        CHECK(blue == 0);
        for (ImGuiCol col : {ImGuiCol_TitleBg, ImGuiCol_TitleBgActive, ImGuiCol_TitleBgCollapsed, ImGuiCol_ModalWindowDimBg}) {
            const ImVec4 c = ImGui::GetStyle().Colors[col];
            CHECK_FALSE(c.z > c.x + 0.1f);
        }
    }
}

TEST_CASE("The break history reads whole at every window and text size: no squeezed topic, nothing cut",
          "[ui][breaks][layout]") {
    for (int text_size : {13, 28}) {
        test::TestModel t(false);
        fill_demo_data(t.model);
        t.model.settings.set(setting::text_size, text_size);
        // A break ended at once, with a long topic, its status settled: "Reopen" shows.
        const BreakView quick = started_break(t.model.breaks, "Who does the dishes after the big Sunday dinners");
        REQUIRE(t.model.breaks.end_early(quick.id).ok());
        REQUIRE(t.model.breaks.mark_topic_talked_through(quick.id).ok());
        test::AppUi u(t);
        REQUIRE(u.shell.select("breaks"));
        u.h.resize(ImVec2(1280, 3000));
        u.frames(2);
        REQUIRE(u.click_text("History and open topics"));
        for (ImVec2 size : {ImVec2(640, 3000), ImVec2(800, 3000), ImVec2(1180, 3000), ImVec2(1280, 3000), ImVec2(1920, 3000)}) {
            INFO(size.x << " px wide, text " << text_size << " px");
            u.h.resize(size);
            u.frames(3);
            INFO(test::screen_dump());
            CHECK(cut_in_panel() == "");
            // The guidance wraps inside its card (ImGui's bullets would not).
            CHECK(test::shown("Do something that settles your body: a walk, music, a shower, a page of a book."));
            CHECK(test::shown("When the time comes, come back even if you still feel a little raw."));
            // The topic wraps between words, never inside one.
            for (const char* word : {"dishes", "Sunday", "dinners"}) CHECK(test::find_text(word));
            for (const char* words : {"Came back", "talked through", "Reopen", "under a minute", "early"}) {
                INFO(words);
                auto run = test::find_text(words);
                REQUIRE(run);
                CHECK(whole(*run));
            }
        }
    }
}

TEST_CASE("The call-a-break form folds its rows in a small window with large text: nothing runs off",
          "[ui][breaks][layout]") {
    test::TestModel t;
    t.model.settings.set(setting::text_size, 28);
    test::AppUi u(t);
    REQUIRE(u.shell.select("breaks"));
    for (ImVec2 size : {ImVec2(640, 2000), ImVec2(800, 2000), ImVec2(1280, 2000)}) {
        INFO(size.x << " px wide");
        u.h.resize(size);
        u.frames(3);
        INFO(test::screen_dump());
        CHECK(cut_in_panel() == "");
        for (const char* words : {"Until", "tomorrow", "Optional: what to come back to", "Breaks last at least"}) {
            INFO(words);
            auto run = test::find_text(words);
            REQUIRE(run);
            CHECK(run->fully_visible);
        }
    }
}
