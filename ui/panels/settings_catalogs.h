#pragma once
// Settings' lists of appreciation categories and plan kinds: the built-ins,
// fixed, and the couple's own, each renamed in place (Enter saves, Escape
// cancels) or deleted after saying what uses it and where that goes. Drawn by
// the settings panel; state in screens/catalog_editor.h.
#include "app_context.h"
#include "catalog_editor.h"
#include "guarded_text.h"
#include "kit/emoji_picker.h"

#include <optional>
#include <string>

namespace hearth::ui {

class CatalogSettings {
public:
    // Both sections, each under its heading.
    void draw(AppContext& ctx);

private:
    struct Section {
        Section(CatalogEditor::Which w, const char* h, const char* hint, const char* button)
            : which(w), heading(h), add_hint(hint), add_button(button) {}
        CatalogEditor::Which which;
        const char* heading;
        const char* add_hint;
        const char* add_button;
        std::optional<CatalogEditor> editor;
        GuardedText new_name, rename;
        kit::EmojiPicker new_emoji, rename_emoji;
    };
    void draw_section(AppContext& ctx, Section& s);
    void draw_own_entry(AppContext& ctx, Section& s, const CatalogEntry& e);
    void draw_rename(AppContext& ctx, Section& s);
    void draw_delete(Section& s, const CatalogEntry& e);

    Section categories_{CatalogEditor::Which::categories, "Appreciation categories", "Add one of your own",
                        "Add category"};
    Section kinds_{CatalogEditor::Which::plan_kinds, "Kinds of plan", "Add a kind of your own", "Add kind"};
};

} // namespace hearth::ui
