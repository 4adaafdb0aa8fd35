// The lock of an encrypted Hearth, headless: the unlock screen, a wrong and a
// right passphrase, Ctrl+L and the Lock button, idle locking, and a running
// break's countdown that stays visible (its time, never its topic).
#include "encryption.h"
#include "app_ui.h"
#include "lockable_app.h"
#include "screen_text.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <chrono>
#include <thread>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

int key(ImGuiKey k) { return ImGui::GetKeyIndex(k); }

struct LockedHome {
    test::TempDir dir;
    fs::path db = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    Model look{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    test::Headless h{look.settings};
    std::unique_ptr<ui::LockableApp> app;

    LockedHome() {
        use_cheap_kdf_for_tests();
        {
            Model m(open_couple_database(db, nullptr), clock, HEARTH_TEST_ASSETS_DIR, open_device_store(db, nullptr));
            REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
            BreakRequest r;
            r.caller_slot = 0;
            r.topic = "the dishes again, plum-kettle";
            r.minutes = 20;
            REQUIRE(m.breaks.start(r).ok());
        }
        Passphrases p;
        p.shared = "open sesame";
        encrypt_database(db, p);
        start_app();
    }
    // As Hearth starts on an encrypted database: locked, nothing open.
    void start_app() {
        app = std::make_unique<ui::LockableApp>(clock, nullptr, test::vault_for(db, clock, false));
    }
    void frame() { h.frame([this] { app->draw(); }); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Types into the focused passphrase box and presses Enter, then draws
    // until the key derivation (on its own thread) has finished.
    void unlock_with(const char* passphrase) {
        frames(2);
        h.type(passphrase);
        frame();
        h.press(key(ImGuiKey_Enter), [this] { app->draw(); });
        for (int i = 0; i < 400 && (app->lock_screen() && app->lock_screen()->unlocking()); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            frame();
        }
        frames(2);
    }
    std::string screen() { return test::screen_dump(); }
};

} // namespace

TEST_CASE("An encrypted Hearth opens on the unlock screen and a wrong passphrase keeps it locked", "[lock][encryption]") {
    LockedHome home;
    home.frames(3);
    CHECK(home.app->locked());
    CHECK_THAT(home.screen(), Catch::Contains("Hearth is locked"));
    CHECK_THAT(home.screen(), !Catch::Contains("Maya") && !Catch::Contains("plum-kettle"));

    home.unlock_with("open says me");
    CHECK(home.app->locked());
    CHECK_THAT(home.screen(), Catch::Contains("not the passphrase"));

    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    CHECK_THAT(home.screen(), Catch::Contains("Maya"));
}

TEST_CASE("Ctrl+L locks: the database closes and only the break's countdown stays, without its topic", "[lock][encryption]") {
    LockedHome home;
    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    home.h.press('L', [&] { home.app->draw(); }, true);
    home.frames(2);
    REQUIRE(home.app->locked());
    CHECK(home.app->model() == nullptr);  // closed: the files and the key are gone from this process
    const std::string shown = home.screen();
    CHECK_THAT(shown, Catch::Contains("A break is running") && Catch::Contains("20:00 left"));
    CHECK_THAT(shown, !Catch::Contains("plum-kettle") && !Catch::Contains("dishes") && !Catch::Contains("Maya"));
    home.clock.advance(std::chrono::seconds(65));
    home.frames(2);
    CHECK_THAT(home.screen(), Catch::Contains("18:55 left"));
    home.clock.advance(std::chrono::minutes(20));
    home.frames(2);
    CHECK_THAT(home.screen(), Catch::Contains("The break's time is up"));
}

TEST_CASE("The Lock button locks, and Hearth locks itself after the minutes the couple set", "[lock][encryption]") {
    LockedHome home;
    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    REQUIRE(home.h.click_text("Lock", [&] { home.app->draw(); }));
    home.frames(2);
    CHECK(home.app->locked());

    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    home.app->model()->settings.set(setting::lock_after_minutes, 5);
    home.clock.advance(std::chrono::minutes(4));
    home.frames(2);
    CHECK_FALSE(home.app->locked());
    home.clock.advance(std::chrono::minutes(2));
    home.frames(2);
    CHECK(home.app->locked());

    // Off: never locks by itself.
    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    home.app->model()->settings.set(setting::lock_after_minutes, 0);
    home.clock.advance(std::chrono::hours(3));
    home.frames(2);
    CHECK_FALSE(home.app->locked());
}

TEST_CASE("After a restart an encrypted Hearth starts locked and still counts down a running break, without its topic",
          "[lock][encryption]") {
    LockedHome home;
    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    // The break from before is ended; a new one starts, with a topic.
    Model& m = *home.app->model();
    for (const auto& b : m.breaks.active()) REQUIRE(m.breaks.end_early(b.id).ok());
    BreakRequest r;
    r.caller_slot = 1;
    r.topic = "the car keys, saffron-otter";
    r.minutes = 25;
    REQUIRE(m.breaks.start(r).ok());
    home.frames(2);
    // Hearth is closed (the window, the model, the key), time passes, it starts again.
    home.app.reset();
    home.clock.advance(std::chrono::seconds(70));
    home.start_app();
    home.frames(3);
    REQUIRE(home.app->locked());
    std::string shown = home.screen();
    CHECK_THAT(shown, Catch::Contains("A break is running") && Catch::Contains("23:50 left"));
    CHECK_THAT(shown, !Catch::Contains("saffron-otter") && !Catch::Contains("car keys") && !Catch::Contains("Sam") &&
                          !Catch::Contains("Maya"));
    home.clock.advance(std::chrono::seconds(5));
    home.frames(2);
    CHECK_THAT(home.screen(), Catch::Contains("23:45 left"));

    // Paused, then closed: the seconds left stay; ended: nothing is shown.
    home.unlock_with("open sesame");
    REQUIRE_FALSE(home.app->locked());
    const std::string id = home.app->model()->breaks.active().front().id;
    REQUIRE(home.app->model()->breaks.pause(id).ok());
    home.frames(2);
    home.app.reset();
    home.clock.advance(std::chrono::minutes(30));
    home.start_app();
    home.frames(3);
    CHECK_THAT(home.screen(), Catch::Contains("A break is paused") && Catch::Contains("23:45 left"));
    home.unlock_with("open sesame");
    REQUIRE(home.app->model()->breaks.end_early(id).ok());
    home.frames(2);
    home.app.reset();
    home.start_app();
    home.frames(3);
    CHECK_THAT(home.screen(), Catch::Contains("Hearth is locked") && !Catch::Contains("A break"));
}
