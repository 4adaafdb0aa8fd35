#pragma once
// The one list of Hearth's panels, in the order the navigation shows them.
// Each name is a panel id (stored as the last panel, used by --panel and in
// tests), a screen state in screens/<name>_screen.h where the panel has state,
// and a drawing in ui/panels/<name>_panel.cpp defining make_<name>_panel().
// Adding a panel is one line here; docs/adding-a-panel.md walks through it.
#include <array>
#include <optional>
#include <string_view>

#define HEARTH_PANELS(X) \
    X(dashboard)         \
    X(gratitude)         \
    X(planner)           \
    X(breaks)            \
    X(listening)         \
    X(talk)              \
    X(review)            \
    X(settings)          \
    X(search)

namespace hearth {

enum class PanelId {
#define HEARTH_PANEL_ENUM(name) name,
    HEARTH_PANELS(HEARTH_PANEL_ENUM)
#undef HEARTH_PANEL_ENUM
};

inline constexpr std::array kPanelIds = {
#define HEARTH_PANEL_VALUE(name) PanelId::name,
    HEARTH_PANELS(HEARTH_PANEL_VALUE)
#undef HEARTH_PANEL_VALUE
};

constexpr std::string_view panel_key(PanelId id) {
    switch (id) {
#define HEARTH_PANEL_KEY(name) \
    case PanelId::name: return #name;
        HEARTH_PANELS(HEARTH_PANEL_KEY)
#undef HEARTH_PANEL_KEY
    }
    return {};
}

constexpr std::optional<PanelId> panel_from_key(std::string_view key) {
    for (PanelId id : kPanelIds)
        if (panel_key(id) == key) return id;
    return std::nullopt;
}

} // namespace hearth
