// Builds every panel of the one list in screens/panel_list.h: each name there
// has ui/panels/<name>_panel.cpp defining `std::unique_ptr<Panel> make_<name>_panel()`.
#include "panel_registry.h"

#include "panel_list.h"

namespace hearth::ui {

#define HEARTH_DECLARE_PANEL(name) std::unique_ptr<Panel> make_##name##_panel();
HEARTH_PANELS(HEARTH_DECLARE_PANEL)

std::vector<std::unique_ptr<Panel>> make_panels() {
    std::vector<std::unique_ptr<Panel>> panels;
#define HEARTH_MAKE_PANEL(name) panels.push_back(make_##name##_panel());
    HEARTH_PANELS(HEARTH_MAKE_PANEL)
    return panels;
}

} // namespace hearth::ui
