// Settings -> Privacy, pressed as the couple presses it, on a real database in
// a temporary folder: turning encryption on (one shared passphrase, or one per
// partner), the recovery code shown once, locking and unlocking with either,
// changing the passphrase (a wrong current one changes nothing), turning it
// off again, and the demonstration, where there is nothing to encrypt.
#include "app_ui.h"
#include "encryption.h"
#include "key_file.h"
#include "lockable_app.h"
#include "raster_png.h"
#include "screen_text.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace hearth;
using test::centre;
using test::shown;
namespace fs = std::filesystem;

namespace {

const std::string kWords = "Thank you for the plum-kettle soup on Sunday";
const std::string kPass = "our walk by the river";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every file in the folder, by name, with its bytes.
std::map<std::string, std::string> folder(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().filename().string()] = slurp(e.path());
    return out;
}

bool any_file_holds(const fs::path& dir, const std::string& text) {
    for (const auto& [name, bytes] : folder(dir))
        if (bytes.find(text) != std::string::npos) return true;
    return false;
}

bool style(Model& look, int text_px, const char* theme) {
    if (text_px) look.settings.set(setting::text_size, text_px);
    if (theme) look.settings.set(setting::theme, theme);
    return true;
}

// A real Hearth on a plain database with the couple and one appreciation,
// opened on Settings, as app/main.cpp builds it (a vault that can convert).
struct Home {
    test::TempDir dir;
    fs::path db = dir / "hearth.db";
    FakeClock clock{test::fixed_start()};
    Model look{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    bool styled;
    test::Headless h;
    std::unique_ptr<ui::LockableApp> app;
    std::function<void()> draw = [this] { app->draw(); };

    // By default the whole of Settings on screen; screenshots pass the window's size and looks.
    explicit Home(ImVec2 size = ImVec2(1280, 2400), int text_px = 0, const char* theme = nullptr, const char* second = "Sam")
        : styled(style(look, text_px, theme)), h(look.settings, size) {
        use_cheap_kdf_for_tests();
        {
            Model m(open_couple_database(db, nullptr), clock, HEARTH_TEST_ASSETS_DIR, open_device_store(db, nullptr));
            REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, second, Rgb{58, 122, 180}).ok());
            style(m, text_px, theme);  // Settings shows the looks it is drawn with
            GratitudeDraft d;
            d.text = kWords;
            d.day = local_date(clock.now());
            REQUIRE(m.gratitude.add(d).ok());
        }
        ui::Vault v = test::vault_for(db, clock, true);
        auto model = v.open(nullptr);
        app = std::make_unique<ui::LockableApp>(clock, std::move(model), std::move(v));
        app->on_open = [](ui::LockableApp& a) { a.shell()->select("settings"); };
        REQUIRE(app->shell()->select("settings"));
        frames(2);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) h.frame(draw);
    }
    // Where the words `label` are drawn. At large text sizes the screen reader
    // spaces some glyph pairs ("on . . ."): then compared without spaces.
    static std::optional<ImVec2> locate(std::string_view label, int nth) {
        // Whole on screen: a control cut off by the window's edge does not take the click.
        auto whole = [](const test::TextRun& r) {
            return r.min.x >= r.clip.x && r.min.y >= r.clip.y && r.max.x <= r.clip.z && r.max.y <= r.clip.w;
        };
        if (auto run = test::find_text(label, nth)) return whole(*run) ? std::optional(centre(*run)) : std::nullopt;
        std::string want(label);
        std::erase(want, ' ');
        for (const auto& run : test::screen_text()) {
            std::string got = run.text;
            std::erase(got, ' ');
            if (got.find(want) != std::string::npos && nth-- == 0)
                return whole(run) ? std::optional(centre(run)) : std::nullopt;
        }
        return std::nullopt;
    }
    // Scrolls down (a small window at a large text size) until `label` is on screen.
    std::optional<ImVec2> reveal(std::string_view label, int nth) {
        auto at = locate(label, nth);
        for (int i = 0; i < 80 && !at; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            h.mouse_move(ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.5f), draw);
            h.scroll(i == 0 ? 50.0f : -0.2f, draw);  // from the top down
            frames(1);
            at = locate(label, nth);
        }
        return at;
    }
    void click(std::string_view label, int nth = 0) {
        auto at = reveal(label, nth);
        INFO(test::screen_dump());
        REQUIRE(at);
        h.click(*at, draw);
        frames(2);
    }
    // Clicks into the box showing `hint` and types `text`.
    void type_in(std::string_view hint, const std::string& text, int nth = 0) {
        auto at = reveal(hint, nth);
        INFO(test::screen_dump());
        REQUIRE(at);
        h.click(*at, draw);
        h.press('A', draw, true);
        h.type(text.c_str());
        frames(1);
    }
    // Draws until the work on another thread (checking a passphrase, the conversion) is done.
    void settle() {
        for (int i = 0; i < 2000 && (app->converting() || shown("Checking the passphrase") ||
                                     (app->lock_screen() && app->lock_screen()->unlocking()));
             ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            frames(1);
        }
        frames(3);
    }
    void turn_on_shared(const std::string& pass) {
        click("Turn encryption on...");
        type_in("New passphrase", pass);
        type_in("The same again", pass);
        click("Encrypt the database");
        settle();
    }
    // The code on screen, copied with the Copy button.
    std::string copy_code() {
        click("Copy");
        const char* c = ImGui::GetClipboardText();
        return c ? c : "";
    }
    void lock() {
        REQUIRE(h.click_text("Lock", draw));
        frames(2);
        REQUIRE(app->locked());
    }
    bool unlocks_with(const std::string& secret) {
        REQUIRE(app->locked());
        frames(2);
        h.type(secret.c_str());
        frames(1);
        h.press(test::Headless::kEnter, draw);
        settle();
        return !app->locked();
    }
    // Scrolls Settings until the Privacy heading is near the top.
    void scroll_to_privacy() {
        ImGuiIO& io = ImGui::GetIO();
        h.mouse_move(ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.6f), draw);
        for (int i = 0; i < 60; ++i) {
            auto at = test::find_text("Privacy");
            if (at && at->min.y < io.DisplaySize.y * 0.3f) break;
            h.scroll(at ? -0.2f : -1.0f, draw);
            frames(1);
        }
        frames(2);
    }
    std::set<std::string> words() {
        std::set<std::string> out;
        for (const auto& e : app->model()->gratitude.page({}, 0, 50)) out.insert(e.text);
        return out;
    }
};

} // namespace

TEST_CASE("Settings turns encryption on with a shared passphrase: the recovery code once, then either opens it",
          "[ui][settings][encryption]") {
    Home home;
    REQUIRE_FALSE(is_encrypted_file(home.db));
    CHECK(shown("Not encrypted"));

    // Too short, then two different ones: refused inline with the reason, nothing changes.
    home.click("Turn encryption on...");
    home.type_in("New passphrase", "short");
    home.type_in("The same again", "short");
    home.click("Encrypt the database");
    {
        INFO(test::screen_dump());
        CHECK(shown("at least 8 characters"));
        CHECK(shown("nothing was changed"));
        CHECK_FALSE(home.app->converting());
    }
    home.type_in("New passphrase", kPass);
    home.type_in("The same again", kPass + "!");
    home.click("Encrypt the database");
    CHECK(shown("differ"));
    {
        // Said right under the button, above the paragraph that follows it.
        INFO(test::screen_dump());
        auto why = test::find_text("differ");
        auto after = test::find_text("After that you are shown a recovery code");
        REQUIRE(why);
        REQUIRE(after);
        CHECK(why->max.y <= after->min.y);
    }
    CHECK_FALSE(is_encrypted_file(home.db));
    CHECK_FALSE(fs::exists(KeyFile::path_for(home.db)));

    home.type_in("New passphrase", kPass);
    home.type_in("The same again", kPass);
    home.h.press(test::Headless::kEnter, home.draw);  // Enter in the box submits, as the button does
    home.frames(2);
    // The files are closed and the window says what it is doing while the work runs.
    CHECK(home.app->converting());
    home.settle();
    REQUIRE_FALSE(home.app->locked());
    {
        INFO(test::screen_dump());
        CHECK(shown("Encrypted " + home.db.string()));
        CHECK(shown("Your recovery code"));
        CHECK(shown("cannot be recovered by anyone"));
        CHECK_FALSE(shown(kPass));
    }
    const std::string code = home.copy_code();
    REQUIRE(std::regex_match(code, std::regex("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}")));
    CHECK(shown(code));
    CHECK(is_encrypted_file(home.db));
    CHECK(is_encrypted_file(DeviceStore::path_for(home.db)));
    // Nothing of the couple's words, the passphrase or the code is in any file.
    CHECK_FALSE(any_file_holds(home.dir.path(), "plum-kettle"));
    CHECK_FALSE(any_file_holds(home.dir.path(), kPass));
    CHECK_FALSE(any_file_holds(home.dir.path(), code));
    CHECK_FALSE(any_file_holds(home.dir.path(), recovery_code_secret(code)));
    CHECK(home.words() == std::set<std::string>{kWords});

    home.click("I have written it down");
    CHECK_FALSE(shown(code));
    CHECK(std::string(ImGui::GetClipboardText()).empty());  // the copy left the clipboard too
    CHECK(shown("Encrypted: the database"));

    home.lock();
    CHECK_FALSE(home.unlocks_with("not our walk at all"));
    REQUIRE(home.unlocks_with(kPass));
    CHECK(home.words() == std::set<std::string>{kWords});
    home.lock();
    REQUIRE(home.unlocks_with(code));
    CHECK(home.words() == std::set<std::string>{kWords});
}

TEST_CASE("Settings changes the passphrase: a wrong current one changes nothing, then only the new one opens",
          "[ui][settings][encryption]") {
    Home home;
    home.turn_on_shared(kPass);
    const std::string code = home.copy_code();
    home.click("I have written it down");

    home.click("Change passphrases...");
    const auto before = folder(home.dir.path());
    home.type_in("Passphrase or recovery code now", "our walk by the sea");
    home.type_in("New passphrase", "the blue door at noon");
    home.type_in("The same again", "the blue door at noon");
    home.click("Change passphrases");
    home.settle();
    {
        INFO(test::screen_dump());
        CHECK(shown("not the passphrase or the recovery code"));
        CHECK(shown("nothing was changed"));
    }
    CHECK(folder(home.dir.path()) == before);

    home.type_in("Passphrase or recovery code now", kPass);
    home.type_in("New passphrase", "the blue door at noon");
    home.type_in("The same again", "the blue door at noon");
    home.click("Change passphrases");
    home.settle();
    {
        INFO(test::screen_dump());
        CHECK(shown("Changed the passphrase"));
    }
    CHECK(slurp(home.db) == before.at("hearth.db"));  // only the keys file changed
    CHECK(slurp(KeyFile::path_for(home.db)) != before.at("hearth.db.keys"));

    home.lock();
    CHECK_FALSE(home.unlocks_with(kPass));
    REQUIRE(home.unlocks_with("the blue door at noon"));
    home.lock();
    REQUIRE(home.unlocks_with(code));  // the recovery code still works
}

TEST_CASE("A passphrase each is labelled with each partner's name in any script, never boxes", "[ui][settings][encryption][unicode]") {
    Home home(ImVec2(1280, 2400), 0, nullptr, "\xD0\x90\xD0\xBB\xD1\x91\xD1\x88\xD0\xB0 \xF0\x9F\x8C\xBB");  // Алёша 🌻
    home.click("Turn encryption on...");
    home.click("One passphrase each");
    INFO(test::screen_dump());
    CHECK(shown("Maya's passphrase"));
    CHECK(shown("\xD0\x90\xD0\xBB\xD1\x91\xD1\x88\xD0\xB0 \xF0\x9F\x8C\xBB's passphrase"));
}

TEST_CASE("Settings switches to a passphrase each, and each partner's opens it", "[ui][settings][encryption]") {
    Home home;
    home.click("Turn encryption on...");
    home.click("One passphrase each");
    {
        INFO(test::screen_dump());
        CHECK(shown("Maya's passphrase"));
        CHECK(shown("Sam's passphrase"));
    }
    // Each box shows its hint until typed in: the first one showing it is the next to fill.
    home.type_in("New passphrase", "maya's garden gate");
    home.type_in("The same again", "maya's garden gate");
    home.type_in("New passphrase", "sam");
    home.type_in("The same again", "sam");
    home.click("Encrypt the database");
    CHECK(shown("Sam's passphrase is too weak"));
    CHECK_FALSE(is_encrypted_file(home.db));
    home.type_in("New passphrase", "maya's garden gate");
    home.type_in("The same again", "maya's garden gate");
    home.type_in("New passphrase", "sam's bicycle bell");
    home.type_in("The same again", "sam's bicycle bell");
    home.click("Encrypt the database");
    home.settle();
    REQUIRE(shown("Your recovery code"));
    CHECK(is_encrypted_file(home.db));
    CHECK(has_per_partner_passphrases(home.db));
    home.click("I have written it down");
    CHECK(shown("Each of you has a passphrase of your own"));

    home.lock();
    REQUIRE(home.unlocks_with("maya's garden gate"));
    home.lock();
    REQUIRE(home.unlocks_with("sam's bicycle bell"));

    // Back to one shared passphrase, through "Change passphrases".
    home.click("Change passphrases...");
    home.type_in("Passphrase or recovery code now", "sam's bicycle bell");
    home.click("One passphrase we share");
    home.type_in("New passphrase", "one for both of us");
    home.type_in("The same again", "one for both of us");
    home.click("Change passphrases");
    home.settle();
    CHECK(shown("one passphrase you share"));
    CHECK_FALSE(has_per_partner_passphrases(home.db));
    home.lock();
    CHECK_FALSE(home.unlocks_with("maya's garden gate"));
    REQUIRE(home.unlocks_with("one for both of us"));
}

TEST_CASE("Settings turns encryption off after the passphrase and a confirmation: the file is plain again",
          "[ui][settings][encryption]") {
    Home home;
    home.turn_on_shared(kPass);
    home.click("I have written it down");
    REQUIRE(is_encrypted_file(home.db));

    home.click("Turn encryption off...");
    home.type_in("Passphrase or recovery code now", "not it at all");
    home.click("Turn encryption off");
    {
        INFO(test::screen_dump());
        CHECK(shown("anyone who can open the files"));  // the confirmation says what it means
    }
    home.click("Really turn encryption off");
    home.settle();
    CHECK(shown("not the passphrase or the recovery code"));
    CHECK(is_encrypted_file(home.db));

    home.type_in("Passphrase or recovery code now", kPass);
    home.click("Turn encryption off");
    home.click("Really turn encryption off");
    home.settle();
    REQUIRE_FALSE(home.app->locked());
    {
        INFO(test::screen_dump());
        CHECK(shown("Encryption is off"));
        CHECK(shown("Not encrypted"));
    }
    CHECK_FALSE(is_encrypted_file(home.db));
    CHECK_FALSE(fs::exists(KeyFile::path_for(home.db)));
    CHECK(home.words() == std::set<std::string>{kWords});
    home.frames(1);
    CHECK(slurp(home.db).find("plum-kettle") != std::string::npos);
    // A plain database does not lock.
    CHECK_FALSE(test::find_text("Lock"));
}

TEST_CASE("The demonstration says encryption is for a real database and offers no control", "[ui][settings][encryption]") {
    test::OwnedAppUi ui;
    ui.h.resize(ImVec2(1280, 2400));
    REQUIRE(ui.shell.select("settings"));
    ui.frames(2);
    INFO(test::screen_dump());
    CHECK(shown("This demonstration writes no file: encryption is turned on here for your own database"));
    CHECK_FALSE(test::find_text("Turn encryption on..."));
    CHECK_FALSE(ui.ctx.can_convert);
}

// Not run by the suite: the Privacy section's four states at the sizes, text
// sizes and themes the house checks, as PNGs in $HEARTH_SHOTS_DIR.
TEST_CASE("Screenshots of Settings -> Privacy", "[.screenshots]") {
    const char* env = std::getenv("HEARTH_SHOTS_DIR");
    const fs::path out = env && *env ? env : "/tmp/hearth-shots-privacy";
    fs::create_directories(out);
    for (ImVec2 size : {ImVec2(800, 600), ImVec2(1920, 1080)})
        for (int text : {13, 28})
            for (const char* theme : {"light", "dark"}) {
                const std::string tag = std::to_string(int(size.x)) + "x" + std::to_string(int(size.y)) + "-" +
                                        std::to_string(text) + "-" + theme;
                Home home(size, text, theme);
                auto shot = [&](const char* state) {
                    INFO(state << " " << tag);
                    CHECK(test::write_frame_png((out / ("privacy-" + std::string(state) + "-" + tag + ".png")).string()));
                };
                home.scroll_to_privacy();
                shot("1-plain");
                home.click("Turn encryption on...");
                home.type_in("New passphrase", kPass);
                home.type_in("The same again", "our walk");
                home.frames(2);
                shot("2-turn-on-form");
                home.click("Encrypt the database");
                home.type_in("New passphrase", kPass);
                home.type_in("The same again", kPass);
                home.click("Encrypt the database");
                home.settle();
                shot("3-recovery-code");
                home.click("I have written it down");
                home.scroll_to_privacy();
                shot("4-encrypted");
                // The reader may split "off" at its ligature, even across runs: the words before it do.
                home.click("Turn encryption");
                home.type_in("Passphrase or", kPass);  // a narrow box shows the start of its hint
                home.click("Turn encryption");
                home.reveal("An encrypted copy", 0);  // the warning, below the buttons
                shot("5-turn-off-confirm");
            }
}
