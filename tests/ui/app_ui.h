#pragma once
// The whole UI over a test model, headless: what most UI tests start from.
// AppUi borrows the model (so a test can close the UI and open it again on the
// same data, as after a restart); OwnedAppUi owns one.
#include "app_context.h"
#include "headless.h"
#include "lockable_app.h"
#include "screen_text.h"
#include "shell.h"
#include "../model/test_support.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::test {

class AppUi {
public:
    explicit AppUi(TestModel& t) : h(t.model.settings), ctx(t.model, t.clock), shell(ctx) {}

    Headless h;
    ui::AppContext ctx;
    ui::Shell shell;

    // One frame of the whole window; returns the wake-up the app was asked for.
    std::optional<double> frame() {
        h.frame([this] { shell.draw(); });
        return ctx.take_wake();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Press and release a key (GLFW key code) over two frames.
    void press(int glfw_key, bool ctrl = false) { h.press(glfw_key, [this] { shell.draw(); }, ctrl); }
    void type(const char* utf8) { h.type(utf8); }
    // The mouse, by what is written on screen (see headless.h).
    bool click_text(std::string_view label, int nth = 0) { return h.click_text(label, [this] { shell.draw(); }, nth); }
    void click(ImVec2 at) { h.click(at, [this] { shell.draw(); }); }
    void drag(ImVec2 from, ImVec2 to, int steps = 8) { h.drag(from, to, [this] { shell.draw(); }, steps); }
    void type_codepoint(unsigned int cp) { h.type_codepoint(cp); }
};

struct ModelHolder {
    explicit ModelHolder(bool with_couple) : t(with_couple) {}
    TestModel t;
};

class OwnedAppUi : public ModelHolder, public AppUi {
public:
    explicit OwnedAppUi(bool with_couple = true) : ModelHolder(with_couple), AppUi(ModelHolder::t) {}
};

// The whole UI over a model kept in a file (Settings offers backups only
// then), on Settings, in a window `height` tall so the whole panel is on screen.
struct FileUi {
    explicit FileUi(const std::filesystem::path& db, float height = 2400)
        : model(Database::open_file(db), clock, HEARTH_TEST_ASSETS_DIR) {
        if (!model.couple.is_set_up()) REQUIRE(model.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
        REQUIRE(shell.select("settings"));
        h.resize(ImVec2(1280, height));
        frames(2);
    }
    FakeClock clock{fixed_start()};
    Model model;
    Headless h{model.settings};
    ui::AppContext ctx{model, clock};
    ui::Shell shell{ctx};
    std::function<void()> draw = [this] { shell.draw(); };
    void frames(int n) {
        for (int i = 0; i < n; ++i) h.frame(draw);
    }
    void click(std::string_view label, int nth = 0) {
        INFO(screen_dump());
        REQUIRE(h.click_text(label, draw, nth));
        frames(2);
    }
    // Clicks into the box showing `shown`, selects what it holds and types `text` over it.
    void retype(std::string_view shown, const std::string& text) {
        auto box = find_text(shown);
        INFO(screen_dump());
        REQUIRE(box);
        h.click(centre(*box), draw);
        h.press('A', draw, true);
        h.type(text.c_str());
        frames(1);
    }
};

// As app/main.cpp opens a real database: unlocked with a passphrase, opened
// with its key and the device store beside it, on `clock`. With `convert`,
// Settings may also turn encryption on and off.
inline ui::Vault vault_for(const std::filesystem::path& db, const Clock& clock, bool convert) {
    ui::Vault v;
    v.database = db.string();
    v.unlock = [db](const std::string& s) { return unlock_database(db, s); };
    v.open = [db, &clock](std::shared_ptr<const SecretKey> k) {
        return std::make_unique<Model>(open_couple_database(db, k), clock, HEARTH_TEST_ASSETS_DIR, open_device_store(db, k));
    };
    if (convert) {
        v.convert.database = db.string();
        v.convert.unlock = v.unlock;
        v.convert.encrypt = [db](const Passphrases& p) { return encrypt_database_keyed(db, p); };
        v.convert.decrypt = [db](const std::shared_ptr<const SecretKey>& k) { decrypt_database(db, k); };
    }
    return v;
}

// Whether the last frame drew ImGui's focus ring in the main window's own draw
// list, which holds only what lies around the sidebar, the top bar and the
// panel area: a ring there is around one of them.
inline bool focus_ring_around_an_area() {
    const ImU32 ring = ImGui::GetColorU32(ImGuiCol_NavHighlight);
    ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        if (!list->_OwnerName || std::string_view(list->_OwnerName) != "Hearth") continue;
        for (const ImDrawVert& v : list->VtxBuffer)
            if (v.col == ring) return true;
    }
    return false;
}

} // namespace hearth::test
