#pragma once
// File names the couple types in export boxes: "~/" means their home folder.
#include <string>

namespace hearth::ui {

// "~/x" -> "$HOME/x" (other text unchanged).
std::string expand_home(const std::string& path);
// A default export path in the home folder, e.g. in_home("hearth-plans.ics").
std::string in_home(const std::string& file_name);

} // namespace hearth::ui
