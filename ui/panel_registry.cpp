// The one list of Hearth's panels, in the order the navigation shows them.
// Adding a panel: write ui/panels/<name>_panel.cpp defining
// `std::unique_ptr<Panel> make_<name>_panel()`, then add one line below.
#include "panel_registry.h"

#define HEARTH_PANELS(X) \
    X(dashboard)         \
    X(gratitude)         \
    X(planner)           \
    X(breaks)            \
    X(listening)         \
    X(review)            \
    X(settings)

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
