#pragma once
// The planner panel's views, one file each: the week grid (with drag and
// drop), the agenda, the plan form, the occurrence card, the idea bank and the
// calendar export. They draw a PlannerScreen (screens/planner_screen.h) and
// turn clicks into its commands; the text fields live here because they are
// ImGui widgets (GuardedText keeps emoji intact), reloaded from the screen's
// drafts whenever the screen bumps a form's generation.
#include "app_context.h"
#include "export_box.h"
#include "guarded_text.h"
#include "kit/catalog_combo.h"
#include "kit/emoji_picker.h"
#include "planner_screen.h"

namespace hearth::ui::planner_views {

struct PlannerView {
    explicit PlannerView(AppContext& ctx) : screen(ctx.model, ctx.clock) {}
    PlannerScreen screen;

    // The plan form's text fields and its "kind of our own".
    GuardedText form_title, form_place, form_notes;
    uint64_t form_generation = 0;
    kit::CatalogComboState form_kind;
    // The occurrence card's.
    GuardedText memory, occ_title, occ_place;
    uint64_t card_generation = 0;
    // The idea bank's form.
    GuardedText idea_title, idea_desc;
    uint64_t idea_generation = 0;
    kit::CatalogComboState idea_kind;
    // An emoji picker beside each of those boxes.
    kit::EmojiPicker form_title_emoji, form_place_emoji, form_notes_emoji, memory_emoji, occ_title_emoji, occ_place_emoji,
        idea_title_emoji, idea_desc_emoji;

    ExportBox export_box;
};

void draw_week_grid(PlannerView& v, AppContext& ctx);
void draw_agenda(PlannerView& v, AppContext& ctx);
void draw_plan_form(PlannerView& v, AppContext& ctx);
void draw_occurrence_card(PlannerView& v, AppContext& ctx);
void draw_idea_bank(PlannerView& v, AppContext& ctx);
void draw_export(PlannerView& v, AppContext& ctx);

// "Delete plan", asking first; shared by the form and the occurrence card.
void delete_plan_button(PlannerView& v, const std::string& plan_id);

// The plan kinds as a combo with "A kind of our own…".
void kind_combo(const char* id, AppContext& ctx, std::string& kind_id, kit::CatalogComboState& state);

} // namespace hearth::ui::planner_views
