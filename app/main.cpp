// hearth: command line, database, then either a one-shot verb or the window.
#include "backup.h"
#include "backup_passphrase.h"
#include "cli.h"
#include "demo_cards.h"
#include "database_lock.h"
#include "demo_data.h"
#include "hearth_model.h"
#include "ics_export.h"
#include "schema.h"
#include "panel_registry.h"
#include "paths.h"
#include "week_markdown.h"
#include "window.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <optional>

#ifndef HEARTH_VERSION
#define HEARTH_VERSION "0.0.0"
#endif

namespace {

std::vector<std::pair<std::string, std::string>> panel_list() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : hearth::ui::make_panels()) out.emplace_back(std::string(p->id()), std::string(p->summary()));
    return out;
}

// Set once the couple's database is open and the window about to start: an
// error before that, in a window session, is explained in a window.
bool g_database_opened = false;

bool wants_window(const hearth::app::CliOptions& o) {
    return !(o.export_json || o.export_ics || o.export_week || o.import_json || o.measure_startup);
}

bool display_available() {
    auto set = [](const char* name) { const char* v = std::getenv(name); return v && *v; };
    return set("DISPLAY") || set("WAYLAND_DISPLAY");
}

// Started from a desktop menu nobody reads stderr: the window opens anyway and
// says which file, what is wrong and what to do, with a Quit button. Exit 1.
int explain_in_window(const hearth::app::CliOptions& o, const std::string& message) {
    using namespace hearth;
    std::string file;
    try {
        file = o.db_path ? *o.db_path : (app::user_data_dir() / "hearth.db").string();
    } catch (const std::exception&) {
        file = "hearth.db (in Hearth's data folder)";
    }
    SystemClock clock;
    const auto assets = app::find_assets_dir();
    Model empty(Database::open_memory(), clock, assets);
    app::WindowOptions w;
    w.screenshot = o.screenshot;
    if (o.size) w.screenshot_size = *o.size;
    w.remember_window = false;
    w.font_path = app::find_ui_font(assets);
    w.cannot_open = app::WindowOptions::CannotOpen{file, message};
    app::run_window(empty, clock, w);
    return 1;
}

int run(const hearth::app::CliOptions& o) {
    using namespace hearth;
    SystemClock clock;
    const auto assets = app::find_assets_dir();

    std::filesystem::path data_dir;
    std::filesystem::path db_file;
    // Declared before the database so that it is released after it is closed.
    std::optional<app::DatabaseLock> lock;
    const bool exporting = o.export_json || o.export_ics || o.export_week;
    Database db = [&] {
        if (o.demo) return Database::open_memory();
        std::filesystem::path path;
        if (o.db_path) {
            path = *o.db_path;
        } else {
            data_dir = app::user_data_dir();
            app::ensure_private_dir(data_dir);
            path = data_dir / "hearth.db";
        }
        // Exporting reads a database; it never creates an empty one to export.
        std::error_code ec;
        if ((o.export_json || o.export_ics || o.export_week) && !std::filesystem::exists(path, ec))
            throw std::runtime_error("There is no database at " + path.string() + " to export from");
        db_file = path;
        // A window or an import holds the database alone; exports only read.
        if (!exporting)
            lock.emplace(path, o.import_json ? app::DatabaseLock::Purpose::import : app::DatabaseLock::Purpose::window);
        auto opened = Database::open_file(path);
        check_schema(opened);  // before this machine's state is written beside it
        return opened;
    }();
    // This machine's state (window, last panel, drafts) lives beside the
    // database; verbs that only read or merge the couple's data never touch it.
    const bool verb = exporting || o.import_json;
    DeviceStore device = db_file.empty() || verb ? DeviceStore::in_memory() : DeviceStore::open_file(DeviceStore::path_for(db_file));
    Model model(std::move(db), clock, assets, std::move(device));
    for (const auto& dir : o.exercise_dirs) model.exercises.add_dir(dir);
    for (const auto& p : model.exercises.problems())
        std::fprintf(stderr, "hearth: skipped an exercise definition: %s\n", p.describe().c_str());
    for (const auto& dir : o.deck_dirs) model.decks.add_dir(dir);
    for (const auto& p : model.decks.problems())
        std::fprintf(stderr, "hearth: skipped a card deck: %s\n", p.describe().c_str());
    if (o.demo) fill_demo_data(model);
    if (o.demo) add_demo_cards(model);
    if (o.text_size) model.settings.set(setting::text_size, *o.text_size);
    if (o.theme) model.settings.set(setting::theme, *o.theme);

    if (o.export_json) {
        if (o.encrypt_backup) {
            std::string passphrase = app::ask_new_backup_passphrase(*o.export_json);
            export_backup(model.db, clock, *o.export_json, passphrase);
            wipe_secret(passphrase);
            std::printf("Wrote an encrypted backup of %s to %s\n", o.demo ? "the demo data" : model.db.name().c_str(),
                        o.export_json->c_str());
            return 0;
        }
        export_backup(model.db, clock, *o.export_json);
        std::printf("Wrote a backup of %s to %s\n", o.demo ? "the demo data" : model.db.name().c_str(), o.export_json->c_str());
        return 0;
    }
    if (o.export_ics) {
        export_ics(model.planner, clock, *o.export_ics);
        std::printf("Wrote the upcoming plans and rituals to %s\n", o.export_ics->c_str());
        return 0;
    }
    if (o.export_week) {
        const auto& [week_text, file] = *o.export_week;
        IsoWeek week = parse_export_week(model, week_text);  // refuses a week that does not exist
        export_week_markdown(model, week, file);
        std::printf("Wrote the summary of %s to %s\n", format_iso_week(week).c_str(), file.c_str());
        return 0;
    }
    if (o.import_json) {
        ImportReport r;
        try {
            std::string passphrase;
            if (backup_is_encrypted(*o.import_json)) passphrase = app::ask_backup_passphrase(*o.import_json);
            r = import_backup(model.db, *o.import_json, passphrase);
            wipe_secret(passphrase);
        } catch (const std::bad_alloc&) {
            throw std::runtime_error("Cannot import " + *o.import_json + ": it is too large to read (out of memory); nothing was changed");
        }
        std::printf("Imported %s: %d new, %d updated, %d already up to date.\n", o.import_json->c_str(), r.inserted,
                    r.updated, r.unchanged);
        return 0;
    }

    app::WindowOptions w;
    w.screenshot = o.screenshot;
    if (o.size) w.screenshot_size = *o.size;
    w.panel = o.panel;
    w.measure_startup = o.measure_startup;
    w.remember_window = !o.demo;
    // ImGui's window layout lives in Hearth's own private folder, whichever database is open.
    if (!o.demo) {
        try {
            if (data_dir.empty()) data_dir = app::user_data_dir();
            app::ensure_private_dir(data_dir);
            w.ini_path = app::private_file(data_dir / "imgui.ini").string();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "hearth: the window layout will not be remembered: %s\n", e.what());
        }
    }
    w.font_path = app::find_ui_font(assets);
    g_database_opened = true;
    return app::run_window(model, clock, w);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = hearth::app::parse_cli(args);
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "hearth: %s\n\n%s", parsed.error.c_str(), hearth::app::usage_text(panel_list()).c_str());
        return 2;
    }
    const auto& o = parsed.options;
    if (o.help) {
        std::fputs(hearth::app::usage_text(panel_list()).c_str(), stdout);
        return 0;
    }
    if (o.version) {
        std::printf("hearth %s (schema %d)\n", HEARTH_VERSION, hearth::latest_schema_version());
        return 0;
    }
    try {
        if (o.list_exercises) {
            // Needs no database: only the definition files are read.
            std::vector<std::filesystem::path> dirs{hearth::app::find_assets_dir() / "exercises"};
            dirs.insert(dirs.end(), o.exercise_dirs.begin(), o.exercise_dirs.end());
            hearth::Exercises exercises(dirs);
            std::fputs(exercises.listing().c_str(), stdout);
            return exercises.problems().empty() ? 0 : 1;
        }
        if (o.list_decks) {
            // Needs no database: only the deck files are read.
            std::vector<std::filesystem::path> dirs{hearth::app::find_assets_dir() / "decks"};
            dirs.insert(dirs.end(), o.deck_dirs.begin(), o.deck_dirs.end());
            const auto decks = hearth::load_decks(dirs);
            std::fputs(hearth::deck_listing(decks).c_str(), stdout);
            return decks.problems.empty() ? 0 : 1;
        }
        return run(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hearth: %s\n", e.what());
        if (!g_database_opened && wants_window(o) && !o.list_exercises && !o.list_decks && display_available()) {
            try {
                return explain_in_window(o, e.what());
            } catch (const std::exception& e2) {
                std::fprintf(stderr, "hearth: %s\n", e2.what());
            }
        }
        return 1;
    }
}
