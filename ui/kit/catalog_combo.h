#pragma once
// "The list plus New…": a combo over a model Catalog (built-ins plus the
// couple's own) whose last item opens a small popup to add an entry.
#include "catalog.h"
#include "guarded_text.h"

#include <optional>
#include <string>

namespace hearth::ui::kit {

struct CatalogComboText {
    const char* preview_none = "Choose\xE2\x80\xA6";          // shown when nothing (or an unknown id) is chosen
    const char* none_item = nullptr;                           // e.g. "No category": a first item choosing nothing
    const char* new_item = "A kind of our own\xE2\x80\xA6";    // nullptr: no way to add here
    const char* popup_title = "A kind of plan of your own";
    const char* hint = "e.g. Game night";
};

// What the "New…" popup is typing; the caller keeps it between frames.
struct CatalogComboState {
    GuardedText name;
    std::string error;
};

// Returns true when the choice changed (an added entry is chosen).
bool catalog_combo(const char* id, Catalog& catalog, std::optional<std::string>& value, CatalogComboState& state,
                   const CatalogComboText& text = {});
bool catalog_combo(const char* id, Catalog& catalog, std::string& value, CatalogComboState& state,
                   const CatalogComboText& text = {});

} // namespace hearth::ui::kit
