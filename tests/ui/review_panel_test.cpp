// The weekly review at the default window size: Back and Next stay at one
// place whatever a step shows, the check-in cards fit, step 1 says what it counts.
#include "app_ui.h"
#include "screen_text.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace hearth;

namespace {

struct TextSized : test::ModelHolder {
    explicit TextSized(int text_size) : ModelHolder(true) {
        if (text_size) t.model.settings.set(setting::text_size, text_size);
    }
};

// The review under way, at the default window size, and text size unless given.
struct ReviewUi : TextSized, test::AppUi {
    std::string id;
    explicit ReviewUi(int text_size = 0) : TextSized(text_size), AppUi(TextSized::t) {
        h.resize(ImVec2(1180, 760));
        auto started = t.model.reviews.start_this_week();
        REQUIRE(started.ok());
        id = started.id;
        REQUIRE(shell.select("review"));
        frames(3);
    }
    ReviewStep step() { return t.model.reviews.get(id)->step; }
    ImVec2 next_button() {
        auto next = test::find_text("Next \xE2\x96\xB6");
        INFO(test::screen_dump());
        REQUIRE(next);
        return test::centre(*next);
    }
};

std::vector<test::TextRun> runs_equal_to(std::string_view text) {
    std::vector<test::TextRun> out;
    for (const auto& r : test::screen_text())
        if (r.text == text) out.push_back(r);
    return out;
}

} // namespace

TEST_CASE("Check-in: after both ratings Next is where it was, and a click there goes on", "[ui][review]") {
    ReviewUi u;
    while (u.step() != ReviewStep::checkin) REQUIRE(u.t.model.reviews.next(u.id).ok());
    u.frames(3);
    const ImVec2 next = u.next_button();
    REQUIRE(test::shown("Not rated yet"));
    for (int s = 0; s < 2; ++s) {
        auto sevens = runs_equal_to("7");
        REQUIRE(sevens.size() == 2);
        u.click(test::centre(sevens[std::size_t(s)]));
        u.frames(2);
    }
    INFO(test::screen_dump());
    REQUIRE(u.t.model.reviews.get(u.id)->checkin[0].connection == 7);
    REQUIRE(u.t.model.reviews.get(u.id)->checkin[1].connection == 7);
    CHECK_FALSE(test::shown("Not rated yet"));
    u.click(next);  // where Next was before the ratings
    u.frames(2);
    CHECK(u.step() == ReviewStep::plan);
}

TEST_CASE("Back and Next are at the same place on every step of the review", "[ui][review]") {
    ReviewUi u;
    const ImVec2 first = u.next_button();
    for (int i = 1; i < kReviewSteps - 1; ++i) {
        u.click(u.next_button());
        u.frames(2);
        INFO("step " << int(u.step()));
        REQUIRE(int(u.step()) == i);
        const ImVec2 here = u.next_button();
        CHECK(here.x == first.x);
        CHECK(here.y == first.y);
    }
}

TEST_CASE("Check-in at the default window: each partner's card holds its emoji button", "[ui][review][layout]") {
    for (int text_size : {0, 13}) {
        INFO("text " << text_size);
        ReviewUi u(text_size);
        while (u.step() != ReviewStep::checkin) REQUIRE(u.t.model.reviews.next(u.id).ok());
        u.frames(3);
        INFO(test::screen_dump());
        auto buttons = runs_equal_to("\xF0\x9F\x99\x82");  // 🙂, one per card
        REQUIRE(buttons.size() == 2);
        for (const auto& b : buttons) {
            CHECK(b.fully_visible);
            CHECK(b.max.x < ImGui::GetIO().DisplaySize.x - ImGui::GetStyle().WindowPadding.x);
        }
    }
}

TEST_CASE("Step 1 says what it counts: each partner's appreciations read aloud, and the aim", "[ui][review][words]") {
    ReviewUi u;
    GratitudeDraft g;
    g.text = "Thank you for the soup";
    g.day = local_date(u.t.clock.now());
    REQUIRE(u.t.model.gratitude.add(g).ok());
    u.frames(3);
    auto tick = test::find_text("read aloud");
    REQUIRE(tick);
    u.click(ImVec2(tick->min.x + 4, test::centre(*tick).y));  // the checkbox's own label
    u.frames(2);
    INFO(test::screen_dump());
    CHECK(test::shown("has read 1 of their appreciations aloud (about 5 each is the aim)"));
    CHECK(test::shown("has read 0 of their appreciations aloud"));
    CHECK_FALSE(test::shown("read 1 of about 5"));
}
