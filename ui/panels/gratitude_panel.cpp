// Appreciations: write one quickly, browse by week, filter, search, edit,
// delete with undo. The list is paged from the database and clipped on screen,
// so ten years of entries scroll as fast as one week.
#include "app_context.h"
#include "kit/catalog_combo.h"
#include "kit/week_switcher.h"
#include "gratitude_screen.h"
#include "guarded_text.h"
#include "keys.h"
#include "kit/emoji_picker.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <memory>

namespace hearth::ui {
namespace {

constexpr const char* kDraftKey = "gratitude";

// "No category" / the list / "New category…". In filter mode the first item is "Any".
bool category_combo(const char* id, GratitudeCategories& cats, std::optional<std::string>& value, bool filter_mode,
                    kit::CatalogComboState& new_category) {
    kit::CatalogComboText text;
    text.preview_none = "?";
    text.none_item = filter_mode ? "Any category" : "No category";
    text.new_item = filter_mode ? nullptr : "New category\xE2\x80\xA6";
    text.popup_title = "A category of your own";
    text.hint = "e.g. Patience";
    return kit::catalog_combo(id, cats, value, new_category, text);
}

void char_counter(const std::string& text) {
    std::size_t n = codepoint_count(text);
    if (n > kMaxGratitudeChars) ImGui::PushStyleColor(ImGuiCol_Text, error_text());
    else ImGui::PushStyleColor(ImGuiCol_Text, muted_text());
    ImGui::Text("%zu / %zu", n, kMaxGratitudeChars);
    ImGui::PopStyleColor();
}

class GratitudePanel final : public Panel {
public:
    std::string_view id() const override { return "gratitude"; }
    std::string_view title() const override { return "Appreciations"; }
    std::string_view summary() const override { return "Write down what you appreciate in each other, and look back"; }

    void draw(AppContext& ctx) override {
        if (!screen_) {
            screen_.emplace(ctx.model);
            // An unsaved appreciation survives closing Hearth (or a crash).
            compose_text_.keep_draft(ctx.model.device, kDraftKey);
        }
        GratitudeScreen& s = *screen_;
        s.sync(local_date(ctx.clock.now()));
        if (auto h = ctx.nav.take_handoff<ShowAppreciation>(PanelId::gratitude)) {
            // A search result: the entry opened in the editor, its week in the list.
            if (s.select(h->id)) {
                s.all_weeks = true;
                load_editor_text(s);
            }
        }
        draw_compose(ctx, s);
        ImGui::Spacing();
        draw_filters(ctx, s);
        s.sync(s.today());  // the filters may have changed just above
        draw_browser(ctx, s);
        handle_undo(ctx, s);
    }

private:
    void draw_compose(AppContext& ctx, GratitudeScreen& s) {
        const Couple& couple = ctx.model.couple;
        begin_card(nullptr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("from", couple, s.compose.from_slot);
        // The one it is for is named once, in the box's hint: "From Maya Sam
        // to Sam" read as a stutter.
        const std::string hint = "Something " + couple.other(s.compose.from_slot).name + " did, and why it mattered to you";

        if (focus_compose_) {
            ImGui::SetKeyboardFocusHere();
            focus_compose_ = false;
        }
        bool changed = false;
        bool enter = compose_text_.multiline("##compose", ImVec2(card_content_width(), ImGui::GetTextLineHeight() * 3.2f), &changed);
        if (changed) s.compose_error.clear();
        if (compose_text_.empty() && !ImGui::IsItemActive()) {
            // Hint text: multi-line inputs have none in 1.86.
            ImVec2 p = ImGui::GetItemRectMin();
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + em(0.6f), p.y + em(0.35f)),
                                                ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                                shown(hint), nullptr,
                                                ImGui::GetItemRectSize().x - em(1.2f));
        }
        float line_x = ImGui::GetCursorPosX();
        enter_hint();
        // Under the hint when the hint fills the row: never past the card's edge.
        same_line_or_wrap(kit::EmojiPicker::room());
        compose_emoji_.button("compose-emoji", compose_text_, ctx.model.device, ctx.model.assets_dir);
        // The count at the row's right end, or under the hint when they would touch.
        float counter_w = ImGui::CalcTextSize("0000 / 0000").x;
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + counter_w > line_x + card_content_width()) ImGui::NewLine();
        else ImGui::SetCursorPosX(line_x + card_content_width() - counter_w);
        char_counter(compose_text_.value());

        day_picker("day", s.compose.day, s.today());
        same_line_or_wrap(em(11), em(1.5f));
        ImGui::SetNextItemWidth(em(11));
        category_combo("compose-cat", ctx.model.categories, s.compose.category_id, false, new_category_);
        same_line_or_wrap(em(9), em(1.5f));
        bool save = ImGui::Button("Save appreciation") || enter;
        inline_error(s.compose_error);
        end_card();

        if (save) {
            if (auto notice = s.save_compose(compose_text_.value())) {
                compose_text_.clear();
                ctx.notify(*notice);
            }
            focus_compose_ = true;
        }
    }

    void draw_filters(AppContext& ctx, GratitudeScreen& s) {
        if (!s.all_weeks) {
            const std::string label = "Week of " + format_day_human(s.week.monday());
            kit::WeekSwitcherStyle style;
            style.label = label.c_str();
            style.back_label = "This week";
            style.small_back = true;
            kit::week_switcher(s.week, style);
            same_line_or_wrap(em(6));
        }
        ImGui::Checkbox("All weeks", &s.all_weeks);
        same_line_or_wrap(em(9), em(1.2f));
        ImGui::SetNextItemWidth(em(9));
        const Couple& couple = ctx.model.couple;
        from_names_[0] = "From " + couple.partner(0).name;
        from_names_[1] = "From " + couple.partner(1).name;
        const char* from_items[] = {"From either", shown(from_names_[0]), shown(from_names_[1])};
        int from = s.from_slot ? *s.from_slot + 1 : 0;
        if (ImGui::Combo("##fromfilter", &from, from_items, 3))
            s.from_slot = from > 0 ? std::optional<int>(from - 1) : std::nullopt;
        same_line_or_wrap(em(10));
        ImGui::SetNextItemWidth(em(10));
        category_combo("filter-cat", ctx.model.categories, s.category_id, true, new_category_);
        same_line_or_wrap(em(8));
        ImGui::SetNextItemWidth(std::max(em(8), ImGui::GetContentRegionAvail().x));
        // Reloaded only when the search changed elsewhere: reloading a box
        // being typed in would fight ImGui's own copy of its text.
        if (s.search != search_set_) {
            search_box_.load(s.search);
            search_set_ = s.search;
        }
        bool search_changed = false;
        search_box_.single_line("##search", "Search the text", &search_changed);
        if (search_changed) s.search = search_set_ = search_box_.value();
    }

    void draw_browser(AppContext& ctx, GratitudeScreen& s) {
        const Couple& couple = ctx.model.couple;
        const bool open = !s.selected().empty();
        // The editor beside the list when both have room, else under it.
        const bool beside = open && ImGui::GetContentRegionAvail().x >= em(44);
        float undo_h = s.can_undo() ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
        // What is left of the page, but never a strip: in a small window the
        // page scrolls and the list keeps room for its count and three entries.
        const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
        const float least_h = ImGui::GetTextLineHeightWithSpacing() + 3 * row_h + 2 * ImGui::GetStyle().WindowPadding.y;
        const float list_h = std::max(ImGui::GetContentRegionAvail().y - (open && !beside ? 0.0f : undo_h), least_h);
        float list_w = beside ? ImGui::GetContentRegionAvail().x * 0.55f : 0.0f;
        ImGui::BeginChild("list", ImVec2(list_w, list_h), true);
        if (s.total() == 0 && !s.search.empty()) {
            ImGui::AlignTextToFramePadding();
            muted("No appreciation matches \xE2\x80\x9C%s\xE2\x80\x9D%s.", shown(s.search),
                  s.all_weeks ? "" : " this week");
            same_line_or_wrap(button_width("Clear the search"));
            if (ImGui::SmallButton("Clear the search")) s.search.clear();
        } else if (s.total() == 0) {
            const bool filtered = s.from_slot || s.category_id;
            muted(filtered ? (s.all_weeks ? "Nothing matches these filters yet." : "Nothing matches these filters this week.")
                           : (s.all_weeks ? "Nothing written down yet." : "Nothing written down for this week yet."));
        } else {
            ImGui::TextDisabled("%d appreciation%s \xC2\xB7 click one to edit or delete it", s.total(), s.total() == 1 ? "" : "s");
        }
        ImGuiListClipper clipper;
        clipper.Begin(s.total(), row_h);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(ctx, s, s.entry(i), row_h);
        clipper.End();
        ImGui::EndChild();
        if (open && beside) {
            scroll_to_editor_ = false;
            ImGui::SameLine();
            ImGui::BeginChild("detail", ImVec2(0, list_h), true);
            draw_editor(ctx, s);
            ImGui::EndChild();
        } else if (open) {
            // A card as tall as what it holds; the page scrolls to it.
            if (scroll_to_editor_) ImGui::SetScrollHereY(0.0f);
            scroll_to_editor_ = false;
            begin_card(nullptr);
            draw_editor(ctx, s);
            end_card();
        }
        if (s.can_undo()) {
            const GratitudeEntry* e = s.last_removed();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("Deleted an appreciation from %s.", shown(couple.partner(e->from_slot).name));
            same_line_or_wrap(button_width("Undo (Ctrl+Z)"));
            if (ImGui::SmallButton("Undo (Ctrl+Z)")) undo(ctx, s);
        }
    }

    void draw_row(AppContext& ctx, GratitudeScreen& s, const GratitudeEntry& e, float row_h) {
        const Couple& couple = ctx.model.couple;
        ImGui::PushID(e.id.c_str());
        ImVec2 top = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable("##row", s.selected() == e.id, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(width, row_h - ImGui::GetStyle().ItemSpacing.y))) {
            s.select(e.id);
            load_editor_text(s);
            scroll_to_editor_ = true;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Partner& from = couple.partner(e.from_slot);
        float line = ImGui::GetTextLineHeightWithSpacing();
        float r = em(0.3f);
        dl->AddCircleFilled(ImVec2(top.x + r + em(0.2f), top.y + ImGui::GetTextLineHeight() * 0.5f), r, partner_fill(from.color));
        std::string meta = from.name + " \xE2\x86\x92 " + couple.partner(e.to_slot).name + "  \xC2\xB7  " + format_day_human(e.day);
        if (e.category_id) meta += "  \xC2\xB7  " + ctx.model.categories.label_of(*e.category_id).value_or("");
        if (e.shared_in_review) meta += "  \xC2\xB7  \xE2\x9C\x93 shared";
        ImVec4 clip(top.x, top.y, top.x + width - em(0.3f), top.y + row_h);
        const float text_w = clip.z - top.x - em(1.0f);
        // Measured as drawn: emoji are one glyph each once mapped.
        meta = fit_with_ellipsis(shown(meta), text_w);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(top.x + em(1.0f), top.y), ImGui::GetColorU32(partner_text_color(from.color)),
                    meta.c_str(), nullptr, 0.0f, &clip);
        // A visible way in: the row under the pointer (or open) says it opens.
        float line_w = text_w;
        if (hovered || s.selected() == e.id) {
            const char* cue = "Edit \xE2\x80\xBA";
            const float cue_w = ImGui::CalcTextSize(cue).x;
            dl->AddText(ImVec2(clip.z - cue_w - em(0.3f), top.y + line), ImGui::GetColorU32(ImGuiCol_Text), cue);
            line_w = std::max(0.0f, text_w - cue_w - em(0.8f));
        }
        std::string_view text = e.text;
        const ImVec2 text_pos(top.x + em(1.0f), top.y + line);
        if (!s.search.empty()) {
            // The matches marked; a line too long is cut by the row's edge.
            ImVec4 text_clip(clip.x, clip.y, std::min(clip.z, text_pos.x + line_w), clip.w);
            draw_highlighted(dl, text_pos, ImGui::GetColorU32(ImGuiCol_Text), text.substr(0, text.find('\n')), s.matches(e),
                             &text_clip);
        } else {
            std::string first_line = fit_with_ellipsis(shown(text.substr(0, text.find('\n'))), line_w);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, ImGui::GetColorU32(ImGuiCol_Text), first_line.c_str(),
                        nullptr, 0.0f, &clip);
        }
        ImGui::PopID();
    }

    // The editor's text field starts from the entry the screen just opened.
    void load_editor_text(GratitudeScreen& s) {
        if (s.edit_loads() == edit_loaded_) return;
        edit_text_.load(s.edit.text);
        edit_loaded_ = s.edit_loads();
        editing_text_ = false;
    }

    // The text as it reads, wrapped at the pane's edge (ImGui 1.86's
    // multi-line box cannot wrap, so it is only for changing the words):
    // a click on it or "Edit the text" opens the box; nothing is stored
    // differently for being read.
    bool draw_read_view() {
        const std::string text = edit_text_.value();
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(shown(text));
        ImGui::PopTextWrapPos();
        const ImVec2 bottom = ImGui::GetItemRectMax();
        bool edit = false;
        if (edit_text_.editable()) {
            // The words themselves are a target for the mouse.
            if (ImGui::IsWindowHovered() &&
                ImGui::IsMouseHoveringRect(top, ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, bottom.y))) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) edit = true;
            }
            if (ImGui::Button("Edit the text")) edit = true;
        }
        return edit;
    }

    void draw_editor(AppContext& ctx, GratitudeScreen& s) {
        const Couple& couple = ctx.model.couple;
        load_editor_text(s);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("edit-from", couple, s.edit.from_slot);
        if (!edit_text_.editable())
            inline_error("This text holds characters this version of Hearth cannot edit safely, so it is shown "
                         "read-only. Day, category and sharing can still be changed.");
        bool enter = false;
        if (!editing_text_ || !edit_text_.editable()) {
            if (draw_read_view()) {
                editing_text_ = true;
                edit_text_.refocus();
                focus_frames_ = 3;
            }
        } else {
            const float box_h = std::max(em(6), ImGui::GetTextLineHeight() * 8.0f);
            enter = edit_text_.multiline("##edit", ImVec2(-1, box_h));
            // The box takes the keys a frame or two after it is asked to:
            // the loop draws those frames now, not at the next key.
            if (focus_frames_ > 0) {
                focus_frames_ = ImGui::IsItemActive() ? 0 : focus_frames_ - 1;
                ctx.wake_in(0.0);
            }
            enter_hint();
            same_line_or_wrap(kit::EmojiPicker::room());
            edit_emoji_.button("edit-emoji", edit_text_, ctx.model.device, ctx.model.assets_dir);
            same_line_or_wrap(ImGui::CalcTextSize("0000 / 0000").x);
            char_counter(edit_text_.value());
        }
        day_picker("edit-day", s.edit.day, s.today());
        ImGui::SetNextItemWidth(std::min(em(11), ImGui::GetContentRegionAvail().x));
        category_combo("edit-cat", ctx.model.categories, s.edit.category_id, false, new_category_);
        same_line_or_wrap(ImGui::GetFrameHeight() + ImGui::CalcTextSize("Shared aloud in a review").x + em(0.5f));
        ImGui::Checkbox("Shared aloud in a review", &s.edit.shared_in_review);
        if (ImGui::Button("Save changes") || enter) {
            if (auto notice = s.save_edit(edit_text_.value())) {
                ctx.notify(*notice);
                load_editor_text(s);
            }
        }
        if (!s.confirm_delete) {
            same_line_or_wrap(button_width("Delete"));
            if (ImGui::Button("Delete")) s.confirm_delete = true;
        } else {
            same_line_or_wrap(button_width("Really delete"));
            // The undo bar under the list says what was deleted: one message, not two.
            if (ImGui::Button("Really delete")) {
                s.remove_selected();
                ctx.notice.clear();  // an earlier "Changes saved." is not this action's word
            }
            same_line_or_wrap(button_width("Keep it"));
            if (ImGui::Button("Keep it")) s.confirm_delete = false;
        }
        same_line_or_wrap(button_width("Close"));
        if (ImGui::Button("Close")) s.close();
        inline_error(s.edit_error);
    }

    void undo(AppContext& ctx, GratitudeScreen& s) {
        if (auto notice = s.undo()) {
            load_editor_text(s);
            ctx.notify(*notice);
        }
    }

    void handle_undo(AppContext& ctx, GratitudeScreen& s) {
        ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl && shortcuts_allowed() && key_pressed('Z') && s.can_undo()) undo(ctx, s);
    }

    std::optional<GratitudeScreen> screen_;
    GuardedText compose_text_;
    kit::EmojiPicker compose_emoji_;
    bool focus_compose_ = true;
    std::string from_names_[2];

    GuardedText edit_text_;
    kit::EmojiPicker edit_emoji_;
    GuardedText search_box_;
    std::string search_set_;  // what the box last gave the screen
    uint64_t edit_loaded_ = 0;
    bool editing_text_ = false;      // the box, not the wrapped text, is shown
    int focus_frames_ = 0;           // frames left to draw until the box has the keys
    bool scroll_to_editor_ = false;  // the editor under the list: bring it into view

    kit::CatalogComboState new_category_;
};

} // namespace

std::unique_ptr<Panel> make_gratitude_panel() { return std::make_unique<GratitudePanel>(); }

} // namespace hearth::ui
