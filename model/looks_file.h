#pragma once
// How an encrypted Hearth looks before it is unlocked: this machine's theme,
// text size and window size, kept in a small plain file beside the database,
// "<db>.looks", owner-only. Without it the unlock screen after a restart came
// up light and at the default size for a couple who chose dark, then jumped.
// It holds none of the couple's words (docs/encryption.md lists what it
// reveals). Written when the database opens, locks or closes, not on every
// change: a lost update costs one start in the old looks. A plain database
// keeps none.
#include "settings.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

struct Looks {
    std::string theme;  // "light" | "dark"
    int text_size = 0;
    int window_width = 0;
    int window_height = 0;
    bool operator==(const Looks&) const = default;
};

Looks looks_of(const Settings& settings);
// Into the settings of the model that shows the unlock screen (clamped there).
void apply_looks(Settings& settings, const Looks& looks);

std::filesystem::path looks_file_for(const std::filesystem::path& couple_db);
// The file's whole content, and back; nullopt for anything else (a damaged or
// foreign file gives the default looks).
std::string format_looks(const Looks& looks);
std::optional<Looks> parse_looks(std::string_view text);
std::optional<Looks> read_looks(const std::filesystem::path& couple_db);

// Keeps the file in step with an encrypted database's device settings; does
// nothing for a plain or in-memory one.
class LooksFile {
public:
    LooksFile(const std::string& db_name, bool encrypted, const Settings& settings);
    // "" or why the file could not be written (naming it).
    std::string sync();

private:
    std::filesystem::path file_;
    const Settings& settings_;
    std::optional<Looks> written_;
};

} // namespace hearth
