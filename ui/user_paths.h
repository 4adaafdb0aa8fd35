#pragma once
// File names the couple types in export boxes: "~/" means their home folder.
#include <string>

namespace hearth::ui {

// "~/x" -> "$HOME/x" (other text unchanged).
std::string expand_home(const std::string& path);
// A default export path in the home folder as the couple reads and types it:
// in_home("hearth-plans.ics") is "~/hearth-plans.ics" (expand_home() opens it).
std::string in_home(const std::string& file_name);
// A path as the couple reads it: "$HOME/x" -> "~/x" (other paths unchanged).
std::string as_typed(const std::string& path);

} // namespace hearth::ui
