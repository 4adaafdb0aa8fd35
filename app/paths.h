#pragma once
// Where Hearth keeps things on each platform, and where it finds its assets.
#include <filesystem>
#include <string>

namespace hearth::app {

// Linux: $XDG_DATA_HOME/hearth, else ~/.local/share/hearth;
// Windows: %APPDATA%\Hearth; macOS: ~/Library/Application Support/Hearth.
std::filesystem::path user_data_dir();

// Creates `dir` (and parents) if missing; a directory Hearth creates is owner-only
// (0700). Throws std::runtime_error naming the folder when it cannot.
void ensure_private_dir(const std::filesystem::path& dir);

// Creates `file` empty and owner-only (0600) if it does not exist, so a library
// that later writes it (ImGui's imgui.ini) keeps those permissions. Returns it.
std::filesystem::path private_file(const std::filesystem::path& file);

// The assets folder: $HEARTH_ASSETS, else relative to the executable
// (installed: ../share/hearth; unpacked: ./assets), else, for a binary that is
// still in its build tree only, the source tree it was built from.
std::filesystem::path find_assets_dir();

// A TrueType font covering accents, punctuation and symbols: $HEARTH_FONT,
// assets/fonts/*.ttf, then well-known system fonts (DejaVu Sans on Linux from
// fonts-dejavu-core, Segoe UI on Windows, Arial Unicode on macOS). Empty when
// none is found; the UI then falls back to ImGui's ASCII-only font.
std::string find_ui_font(const std::filesystem::path& assets_dir);

} // namespace hearth::app
