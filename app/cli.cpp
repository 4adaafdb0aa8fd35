#include "cli.h"

#include "panel_list.h"
#include "time_util.h"

#include <charconv>

namespace hearth::app {
namespace {
std::optional<std::pair<int, int>> parse_size(const std::string& s) {
    auto x = s.find('x');
    if (x == std::string::npos) return std::nullopt;
    int w = 0, h = 0;
    auto [p1, e1] = std::from_chars(s.data(), s.data() + x, w);
    auto [p2, e2] = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    if (e1 != std::errc() || e2 != std::errc() || p1 != s.data() + x || p2 != s.data() + s.size()) return std::nullopt;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return std::nullopt;
    return std::pair{w, h};
}
} // namespace

CliParse parse_cli(const std::vector<std::string>& args) {
    CliParse r;
    auto& o = r.options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::optional<std::string>& out) {
            if (i + 1 >= args.size() || args[i + 1].empty() || args[i + 1].starts_with("--")) {
                r.error = a + " needs a value";
                return;
            }
            out = args[++i];
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--version") o.version = true;
        else if (a == "--demo") o.demo = true;
        else if (a == "--db") value(o.db_path);
        else if (a == "--export-json") value(o.export_json);
        else if (a == "--encrypt-backup") o.encrypt_backup = true;
        else if (a == "--export-ics") value(o.export_ics);
        else if (a == "--import-json") value(o.import_json);
        else if (a == "--screenshot") value(o.screenshot);
        else if (a == "--panel") {
            value(o.panel);
            if (o.panel && !panel_from_key(*o.panel)) r.error = "--panel wants a panel id (see the list below), not \"" + *o.panel + "\"";
        }
        else if (a == "--measure-startup") o.measure_startup = true;
        else if (a == "--encrypt") o.encrypt = true;
        else if (a == "--decrypt") o.decrypt = true;
        else if (a == "--change-passphrase") o.change_passphrase = true;
        else if (a == "--per-partner") o.per_partner = true;
        else if (a == "--locked") o.locked = true;
        else if (a == "--list-exercises") o.list_exercises = true;
        else if (a == "--list-decks") o.list_decks = true;
        else if (a == "--export-week") {
            if (i + 2 >= args.size()) r.error = "--export-week needs a week and a file, e.g. --export-week 2026-W47 week.md";
            else if (!parse_iso_week(args[i + 1]))
                r.error = "--export-week wants a week that exists, as YYYY-Www (e.g. 2026-W47), not \"" + args[i + 1] + "\"";
            else if (args[i + 2].empty() || args[i + 2].starts_with("--"))
                r.error = "--export-week needs a file after the week, e.g. --export-week 2026-W47 week.md";
            else {
                o.export_week = std::pair{args[i + 1], args[i + 2]};
                i += 2;
            }
        }
        else if (a == "--exercises") {
            std::optional<std::string> dir;
            value(dir);
            if (dir) o.exercise_dirs.push_back(*dir);
        }
        else if (a == "--decks") {
            std::optional<std::string> dir;
            value(dir);
            if (dir) o.deck_dirs.push_back(*dir);
        }
        else if (a == "--size") {
            std::optional<std::string> s;
            value(s);
            if (s && !(o.size = parse_size(*s))) r.error = "--size wants WIDTHxHEIGHT, e.g. 1280x800 (320x240 at least), not \"" + *s + "\"";
        } else if (a == "--text-size") {
            std::optional<std::string> s;
            value(s);
            int px = 0;
            if (s) {
                auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), px);
                if (ec != std::errc() || end != s->data() + s->size() || px < 13 || px > 28)
                    r.error = "--text-size wants a size in pixels from 13 to 28, not \"" + *s + "\"";
                else o.text_size = px;
            }
        } else if (a == "--theme") {
            std::optional<std::string> s;
            value(s);
            if (s && *s != "light" && *s != "dark") r.error = "--theme wants light or dark, not \"" + *s + "\"";
            else o.theme = s;
        } else {
            r.error = "unknown option \"" + a + "\"";
        }
        if (!r.error.empty()) return r;
    }
    if (o.demo && o.db_path) r.error = "--demo uses a throwaway database; it cannot be combined with --db";
    else if (o.export_json && o.import_json) r.error = "--export-json and --import-json cannot be combined; run them one after the other";
    else if (o.demo && o.import_json) r.error = "--import-json into --demo would be thrown away on exit; import with --db PATH or into your own database";
    else if ((o.text_size || o.theme) && !o.demo) r.error = "--text-size and --theme only apply to --demo (set them in Settings)";
    else if (o.encrypt_backup && !o.export_json) r.error = "--encrypt-backup only applies to --export-json FILE (an import recognises an encrypted backup by itself)";
    else if (o.size && !o.screenshot) r.error = "--size only applies to --screenshot";
    else if (int(o.encrypt) + int(o.decrypt) + int(o.change_passphrase) > 1)
        r.error = "--encrypt, --decrypt and --change-passphrase cannot be combined; run them one after the other";
    else if (o.converts() && o.demo) r.error = "--demo has no file to encrypt; use --db PATH or your own database";
    else if (o.converts() && (o.export_json || o.import_json || o.export_ics || o.export_week || o.screenshot || o.measure_startup))
        r.error = "--encrypt, --decrypt and --change-passphrase run alone; run the other option after it";
    else if (o.locked && !o.screenshot) r.error = "--locked only applies to --screenshot";
    else if (o.per_partner && !(o.encrypt || o.change_passphrase))
        r.error = "--per-partner only applies to --encrypt and --change-passphrase";
    return r;
}

std::string usage_text(const std::vector<std::pair<std::string, std::string>>& panels) {
    std::string s =
        "Usage: hearth [options]\n"
        "\n"
        "Hearth keeps a couple's appreciations, quality time, conflict breaks and\n"
        "listening exercises in one local database.\n"
        "\n"
        "Options:\n"
        "  --db PATH              use this database file instead of your own\n"
        "  --demo                 a throwaway in-memory database with a sample couple;\n"
        "                         combines with the options below, never touches your file\n"
        "  --export-json FILE     write a full backup of every table to FILE and exit\n"
        "  --encrypt-backup       with --export-json: seal the backup with a passphrase, asked\n"
        "                         without echo on a terminal, else read as one line of standard input\n"
        "  --export-ics FILE      write upcoming plans and rituals to FILE (iCalendar) and exit\n"
        "  --import-json FILE     merge a backup into the database (all or nothing) and exit;\n"
        "                         an encrypted backup asks its passphrase the same way\n"
        "  --export-week YYYY-Www FILE\n"
        "                         write that week's summary (Markdown) to FILE and exit\n"
        "  --screenshot FILE      draw the window for a few frames, save a PNG and exit\n"
        "  --panel ID             the panel to show (with or without --screenshot)\n"
        "  --size WxH             window size for --screenshot (default 1280x800)\n"
        "  --text-size PX         with --demo: text size 13..28 (as in Settings), for screenshots\n"
        "  --theme light|dark     with --demo: the theme, for screenshots\n"
        "  --list-exercises       list every exercise definition found, with its status, and exit\n"
        "                         (exit status 1 when any is invalid)\n"
        "  --exercises DIR        also load exercise definitions from DIR (repeatable)\n"
        "  --list-decks           list every conversation card deck found, with its status, and exit\n"
        "                         (exit status 1 when any is invalid)\n"
        "  --decks DIR            also load card decks from DIR (repeatable)\n"
        "  --encrypt              encrypt the database (asks a new passphrase twice; one line from\n"
        "                         standard input when it is not a terminal) and print the recovery code\n"
        "  --decrypt              turn encryption off (asks the passphrase)\n"
        "  --change-passphrase    asks the passphrase or recovery code, then the new one twice\n"
        "  --per-partner          with --encrypt or --change-passphrase: one passphrase for each partner\n"
        "                         Every option on an encrypted database asks its passphrase the same way;\n"
        "                         a wrong one exits with status 1 and changes nothing (docs/encryption.md)\n"
        "  --locked               with --screenshot of an encrypted database: lock as soon as it is open\n"
        "  --measure-startup      print the time of the first drawn frame and exit\n"
        "  --version              print the version and exit\n"
        "  --help                 this text\n"
        "\n"
        "Panels:\n";
    for (const auto& [id, summary] : panels) {
        std::string pad(id.size() < 22 ? 22 - id.size() : 1, ' ');
        s += "  " + id + pad + summary + "\n";
    }
    s += "\nExit status: 0 on success, 1 when the database or a file cannot be used, 2 for bad options.\n";
    return s;
}

} // namespace hearth::app
