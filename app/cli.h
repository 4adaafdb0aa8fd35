#pragma once
// Hearth's command line.
#include <optional>
#include <string>
#include <vector>

namespace hearth::app {

struct CliOptions {
    std::optional<std::string> db_path;
    bool demo = false;
    bool help = false;
    bool version = false;
    std::optional<std::string> export_json;
    bool encrypt_backup = false;                // --export-json FILE --encrypt-backup: asks a passphrase
    std::optional<std::string> import_json;
    std::optional<std::string> screenshot;
    std::optional<std::string> panel;
    std::optional<std::pair<int, int>> size;
    std::optional<int> text_size;               // --demo only: Settings' text size
    std::optional<std::string> theme;           // --demo only: "light" | "dark"
    bool measure_startup = false;
    bool list_exercises = false;
    std::vector<std::string> exercise_dirs;     // --exercises DIR, repeatable
    bool list_decks = false;
    std::vector<std::string> deck_dirs;         // --decks DIR, repeatable
    std::optional<std::string> export_ics;
    std::optional<std::pair<std::string, std::string>> export_week;  // YYYY-Www, FILE
    // Encryption at rest (docs/encryption.md); passphrases are asked, never arguments.
    bool encrypt = false;
    bool decrypt = false;
    bool change_passphrase = false;
    bool per_partner = false;                   // with --encrypt / --change-passphrase
    bool locked = false;                        // with --screenshot: lock once opened
    bool converts() const { return encrypt || decrypt || change_passphrase; }
};

struct CliParse {
    CliOptions options;
    std::string error;  // non-empty: print it with the usage and exit 2
};

CliParse parse_cli(const std::vector<std::string>& args);

// The --help text; `panels` lists "id  summary" lines.
std::string usage_text(const std::vector<std::pair<std::string, std::string>>& panels);

} // namespace hearth::app
