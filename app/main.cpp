// hearth: command line, database, then either a one-shot verb or the window.
#include "backup.h"
#include "cli.h"
#include "demo_cards.h"
#include "database_lock.h"
#include "demo_data.h"
#include "encryption.h"
#include "passphrase_prompt.h"
#include "hearth_model.h"
#include "ics_export.h"
#include "schema.h"
#include "panel_registry.h"
#include "paths.h"
#include "week_markdown.h"
#include "lockable_app.h"
#include "window.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#ifdef __GLIBC__
#include <malloc.h>
#endif

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
    return !(o.export_json || o.export_ics || o.export_week || o.import_json || o.measure_startup || o.converts());
}

// The database key of an encrypted database, asked on the command line. A
// wrong passphrase ends Hearth (exit 1) before any file is opened for writing.
std::shared_ptr<const hearth::SecretKey> ask_key(const std::filesystem::path& db, const std::string& what) {
    std::string secret = hearth::app::ask_passphrase(what + " " + db.string() + ": ");
    auto key = hearth::unlock_database(db, secret);
    hearth::wipe(secret);
    if (!key)
        throw std::runtime_error("That is not the passphrase or the recovery code of " + db.string() +
                                 "; nothing was changed");
    return key;
}

hearth::Passphrases ask_new_passphrases(bool per_partner) {
    hearth::Passphrases p;
    p.per_partner = per_partner;
    if (per_partner) {
        p.partner1 = hearth::app::ask_new_passphrase(" for partner 1");
        p.partner2 = hearth::app::ask_new_passphrase(" for partner 2");
    } else {
        p.shared = hearth::app::ask_new_passphrase("");
    }
    return p;
}

// --encrypt, --decrypt, --change-passphrase: the database alone, under its lock.
int run_conversion(const hearth::app::CliOptions& o, const std::filesystem::path& db) {
    using namespace hearth;
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) throw std::runtime_error("There is no database at " + db.string());
    app::DatabaseLock lock(db, app::DatabaseLock::Purpose::import);
    const bool encrypted = is_encrypted_file(db);
    if (o.encrypt) {
        if (encrypted) throw std::runtime_error("The database " + db.string() + " is already encrypted");
        {
            auto plain = Database::open_file(db);
            check_schema(plain);  // a Hearth database, not some other file
        }
        auto passphrases = ask_new_passphrases(o.per_partner);
        const std::string code = encrypt_database(db, passphrases);
        std::printf("Encrypted %s.\n\nRecovery code: %s\n\n"
                    "Write it down or print it and keep it somewhere safe. It is shown only now.\n"
                    "Without a passphrase or this code the data cannot be recovered by anyone.\n",
                    db.c_str(), code.c_str());
        return 0;
    }
    if (!encrypted) throw std::runtime_error("The database " + db.string() + " is not encrypted");
    auto key = ask_key(db, "Passphrase or recovery code for");
    if (o.decrypt) {
        decrypt_database(db, key);
        std::printf("Decrypted %s. An encrypted copy was kept as %s (with its keys file).\n", db.c_str(),
                    snapshot_before_decryption(db).c_str());
        return 0;
    }
    auto passphrases = ask_new_passphrases(o.per_partner);
    change_passphrases(db, *key, passphrases);
    std::printf("Changed the passphrase of %s; the recovery code still works.\n", db.c_str());
    return 0;
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
    ui::LockableApp empty(clock, std::make_unique<Model>(Database::open_memory(), clock, assets));
    auto look = [&empty]() -> Model& { return *empty.model(); };  // never locked
    app::WindowOptions w;
    w.screenshot = o.screenshot;
    if (o.size) w.screenshot_size = *o.size;
    w.remember_window = false;
    w.font_path = app::find_ui_font(assets);
    w.cannot_open = app::WindowOptions::CannotOpen{file, message};
    app::run_window(empty, look, w);
    return 1;
}

// --export-json, --export-ics, --export-week, --import-json on the opened model.
int run_verb(const hearth::app::CliOptions& o, hearth::Model& model, const hearth::Clock& clock) {
    using namespace hearth;
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

    return 0;
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
    std::shared_ptr<const SecretKey> key;
    if (o.converts()) {
        std::filesystem::path path;
        if (o.db_path) {
            path = *o.db_path;
        } else {
            path = app::user_data_dir() / "hearth.db";
        }
        return run_conversion(o, path);
    }
    std::filesystem::path path;
    if (!o.demo) {
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
    }
    // This machine's state (window, last panel, drafts) lives beside the
    // database; verbs that only read or merge the couple's data never touch it.
    const bool verb = exporting || o.import_json;
    auto open_model = [&](std::shared_ptr<const SecretKey> with_key) {
        Database db = o.demo ? Database::open_memory() : open_couple_database(path, with_key);
        check_schema(db);  // before this machine's state is written beside it
        DeviceStore device = db_file.empty() || verb ? DeviceStore::in_memory() : open_device_store(db_file, with_key);
        auto m = std::make_unique<Model>(std::move(db), clock, assets, std::move(device));
        for (const auto& dir : o.exercise_dirs) m->exercises.add_dir(dir);
        for (const auto& dir : o.deck_dirs) m->decks.add_dir(dir);
        return m;
    };
    std::error_code ec;
    const bool encrypted = !o.demo && std::filesystem::exists(path, ec) && is_encrypted_file(path);
    // An encrypted database in a window opens on the unlock screen; every
    // other use asks its passphrase on the command line.
    const bool unlock_in_window = encrypted && wants_window(o) && !o.screenshot;
    if (encrypted && !unlock_in_window) key = ask_key(path, "Passphrase for");
    std::unique_ptr<Model> model_ptr = unlock_in_window ? nullptr : open_model(key);
    key.reset();  // the open files hold it; locking must be able to wipe it
    if (model_ptr) {
        Model& model = *model_ptr;
        for (const auto& p : model.exercises.problems())
            std::fprintf(stderr, "hearth: skipped an exercise definition: %s\n", p.describe().c_str());
        for (const auto& p : model.decks.problems())
            std::fprintf(stderr, "hearth: skipped a card deck: %s\n", p.describe().c_str());
        if (o.demo) fill_demo_data(model);
        if (o.demo) add_demo_cards(model);
        if (o.text_size) model.settings.set(setting::text_size, *o.text_size);
        if (o.theme) model.settings.set(setting::theme, *o.theme);
    }
    if (verb) return run_verb(o, *model_ptr, clock);
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
    w.lock_at_start = o.locked;
    // Every real database gets a vault: an encrypted one to lock and unlock,
    // and either kind so that Settings can turn encryption on or off (the app
    // closes the files, converts them under the lock it holds, reopens them).
    std::optional<ui::Vault> vault;
    if (!o.demo) {
        vault.emplace();
        vault->database = path.string();
        vault->unlock = [path](const std::string& secret) { return unlock_database(path, secret); };
        vault->open = open_model;
        vault->convert.database = path.string();
        vault->convert.unlock = vault->unlock;
        vault->convert.encrypt = [path](const Passphrases& p) { return encrypt_database_keyed(path, p); };
        vault->convert.decrypt = [path](const std::shared_ptr<const SecretKey>& k) { decrypt_database(path, k); };
    }
    // Looks (theme, text and window size) while locked, before the couple's
    // files are open: those they last had on this machine (model/looks_file.h).
    std::optional<Model> look_while_locked;
    auto look = [&]() -> Model& {
        if (!look_while_locked) look_while_locked.emplace(Database::open_memory(), clock, assets);
        if (auto looks = read_looks(path)) apply_looks(look_while_locked->settings, *looks);
        return *look_while_locked;
    };
    ui::LockableApp app(clock, std::move(model_ptr), std::move(vault));
    g_database_opened = true;
    return app::run_window(app, look, w);
}

} // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // Blocks of 128 KiB and more are mapped on their own and unmapped when
    // freed. glibc otherwise raises this threshold after the first large free
    // (the font atlas's CPU copies), and then keeps freed megabytes resident
    // for the rest of the run (issue 15).
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    // Tests only (documented in docs/encryption.md): new passphrase wraps use
    // libsodium's minimum Argon2id cost so scripts stay fast.
    if (const char* cheap = std::getenv("HEARTH_TEST_CHEAP_KDF"); cheap && *cheap == '1') hearth::use_cheap_kdf_for_tests();
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
