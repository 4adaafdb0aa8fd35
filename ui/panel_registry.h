#pragma once
#include "panel.h"

#include <memory>
#include <vector>

namespace hearth::ui {

// Every panel, in navigation order. The list itself is in panel_registry.cpp.
std::vector<std::unique_ptr<Panel>> make_panels();

} // namespace hearth::ui
