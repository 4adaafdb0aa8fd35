// Appreciations: write one quickly, browse by week, filter, search, edit,
// delete with undo. The list is paged from the database and clipped on screen,
// so ten years of entries scroll as fast as one week.
#include "app_context.h"
#include "guarded_text.h"
#include "keys.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <map>
#include <memory>

namespace hearth::ui {
namespace {

constexpr int kPageSize = 100;
constexpr const char* kDraftKey = "gratitude";
constexpr std::size_t kMaxCachedPages = 16;

// Pages of the current query, refetched only when the filter or the data change.
class EntryPages {
public:
    void sync(GratitudeLog& log, const GratitudeFilter& f) {
        if (f == filter_ && log.revision() == revision_) return;
        filter_ = f;
        revision_ = log.revision();
        pages_.clear();
        total_ = log.count(f);
    }
    int total() const { return total_; }
    const GratitudeEntry& at(GratitudeLog& log, int i) {
        int page = i / kPageSize;
        auto it = pages_.find(page);
        if (it == pages_.end()) {
            if (pages_.size() >= kMaxCachedPages) pages_.clear();
            it = pages_.emplace(page, log.page(filter_, page * kPageSize, kPageSize)).first;
        }
        const auto& rows = it->second;
        std::size_t k = std::size_t(i % kPageSize);
        // A concurrent shrink cannot happen (one connection), but stay safe.
        return k < rows.size() ? rows[k] : empty_;
    }

private:
    GratitudeFilter filter_;
    uint64_t revision_ = 0;
    int total_ = 0;
    std::map<int, std::vector<GratitudeEntry>> pages_;
    GratitudeEntry empty_;
};

// "No category" / the list / "New category…". In filter mode the first item is "Any".
bool category_combo(const char* id, GratitudeCategories& cats, std::optional<std::string>& value, bool filter_mode,
                    std::string& new_name, std::string& new_error) {
    bool changed = false;
    std::string preview = value ? cats.label_of(*value).value_or("?") : (filter_mode ? "Any category" : "No category");
    ImGui::PushID(id);
    bool open_new = false;
    if (ImGui::BeginCombo("##cat", preview.c_str())) {
        if (ImGui::Selectable(filter_mode ? "Any category" : "No category", !value)) { value.reset(); changed = true; }
        for (const auto& c : cats.all()) {
            if (ImGui::Selectable(c.label.c_str(), value && *value == c.id)) { value = c.id; changed = true; }
        }
        if (!filter_mode) {
            ImGui::Separator();
            if (ImGui::Selectable("New category\xE2\x80\xA6")) open_new = true;
        }
        ImGui::EndCombo();
    }
    if (open_new) {
        new_name.clear();
        new_error.clear();
        ImGui::OpenPopup("new category");
    }
    if (ImGui::BeginPopup("new category")) {
        ImGui::TextUnformatted("A category of your own");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(em(14));
        bool enter = ImGui::InputTextWithHint("##newcat", "e.g. Patience", &new_name, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (ImGui::Button("Add") || enter) {
            auto r = cats.add(new_name);
            if (r.ok()) {
                value = r.id;
                changed = true;
                ImGui::CloseCurrentPopup();
            } else {
                new_error = r.error;
            }
        }
        inline_error(new_error);
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
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
        Date today = local_date(ctx.clock.now());
        if (!draft_.day.ok()) {
            draft_.day = today;
            // An unsaved appreciation survives closing Hearth (or a crash).
            compose_text_.keep_draft(ctx.model.device, kDraftKey);
        }
        if (!browse_week_.ok()) browse_week_ = week_start(today);
        names_[0] = ctx.model.couple.partner(0).name;
        names_[1] = ctx.model.couple.partner(1).name;
        categories_ = &ctx.model.categories;
        draw_compose(ctx, today);
        ImGui::Spacing();
        draw_filters(today);
        draw_browser(ctx, today);
        handle_undo(ctx);
    }

private:
    void draw_compose(AppContext& ctx, Date today) {
        GratitudeLog& log = ctx.model.gratitude;
        const Couple& couple = ctx.model.couple;
        begin_card(nullptr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("from", couple, draft_.from_slot);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("to");
        ImGui::SameLine(0, em(0.4f));
        partner_label(couple.other(draft_.from_slot));

        if (focus_compose_) {
            ImGui::SetKeyboardFocusHere();
            focus_compose_ = false;
        }
        bool changed = false;
        bool enter = compose_text_.multiline("##compose", ImVec2(card_content_width(), ImGui::GetTextLineHeight() * 3.2f), &changed);
        if (changed) compose_error_.clear();
        if (compose_text_.empty() && !ImGui::IsItemActive()) {
            // Hint text: multi-line inputs have none in 1.86.
            ImVec2 p = ImGui::GetItemRectMin();
            ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + em(0.6f), p.y + em(0.35f)), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                                "Something specific: what they did, and why it mattered to you");
        }
        float line_x = ImGui::GetCursorPosX();
        ImGui::TextDisabled("Enter saves \xC2\xB7 Ctrl+Enter starts a new line");
        ImGui::SameLine(line_x + card_content_width() - em(6));
        char_counter(compose_text_.value());

        day_picker("day", draft_.day, today);
        same_line_or_wrap(em(11), em(1.5f));
        ImGui::SetNextItemWidth(em(11));
        category_combo("compose-cat", ctx.model.categories, draft_.category_id, false, new_category_, new_category_error_);
        same_line_or_wrap(em(9), em(1.5f));
        bool save = ImGui::Button("Save appreciation") || enter;
        inline_error(compose_error_);
        end_card();

        if (save) {
            GratitudeDraft d = draft_;
            d.text = compose_text_.value();
            auto r = log.add(d);
            if (r.ok()) {
                compose_text_.clear();
                draft_.category_id.reset();
                compose_error_.clear();
                ctx.notify("Saved for " + couple.other(d.from_slot).name + ".");
            } else {
                compose_error_ = r.error;
            }
            focus_compose_ = true;
        }
    }

    void draw_filters(Date today) {
        if (!all_time_) {
            if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) browse_week_ = add_days(browse_week_, -7);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("Week of %s", format_day_human(browse_week_).c_str());
            ImGui::SameLine();
            ImGui::BeginDisabled(!(browse_week_ < week_start(today)));
            if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) browse_week_ = add_days(browse_week_, 7);
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (browse_week_ != week_start(today) && ImGui::SmallButton("This week")) browse_week_ = week_start(today);
            same_line_or_wrap(em(6));
        }
        ImGui::Checkbox("All weeks", &all_time_);
        same_line_or_wrap(em(9), em(1.2f));
        ImGui::SetNextItemWidth(em(9));
        const char* from_items[] = {"From either", nullptr, nullptr};
        from_names_[0] = "From " + names_[0];
        from_names_[1] = "From " + names_[1];
        from_items[1] = from_names_[0].c_str();
        from_items[2] = from_names_[1].c_str();
        ImGui::Combo("##fromfilter", &from_filter_, from_items, 3);
        same_line_or_wrap(em(10));
        ImGui::SetNextItemWidth(em(10));
        category_combo("filter-cat", *categories_, filter_category_, true, new_category_, new_category_error_);
        same_line_or_wrap(em(8));
        ImGui::SetNextItemWidth(std::max(em(8), ImGui::GetContentRegionAvail().x));
        ImGui::InputTextWithHint("##search", "Search the text", &search_);
    }

    GratitudeFilter current_filter() const {
        GratitudeFilter f;
        if (!all_time_) f.week = browse_week_;
        if (from_filter_ > 0) f.from_slot = from_filter_ - 1;
        f.category_id = filter_category_;
        f.search = search_;
        return f;
    }

    void draw_browser(AppContext& ctx, Date today) {
        GratitudeLog& log = ctx.model.gratitude;
        const Couple& couple = ctx.model.couple;
        pages_.sync(log, current_filter());

        float undo_h = log.can_undo() ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
        float list_w = selected_.empty() ? 0.0f : ImGui::GetContentRegionAvail().x * 0.55f;
        ImGui::BeginChild("list", ImVec2(list_w, -undo_h), true);
        if (pages_.total() == 0) {
            muted(all_time_ ? "Nothing matches these filters yet." : "Nothing written down for this week yet.");
        } else {
            ImGui::TextDisabled("%d appreciation%s", pages_.total(), pages_.total() == 1 ? "" : "s");
        }
        float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
        ImGuiListClipper clipper;
        clipper.Begin(pages_.total(), row_h);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(ctx, pages_.at(log, i), row_h);
        clipper.End();
        ImGui::EndChild();
        if (!selected_.empty()) {
            ImGui::SameLine();
            ImGui::BeginChild("detail", ImVec2(0, -undo_h), true);
            draw_editor(ctx, today);
            ImGui::EndChild();
        }
        if (log.can_undo()) {
            const GratitudeEntry* e = log.last_removed();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("Deleted an appreciation from %s.", couple.partner(e->from_slot).name.c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Undo (Ctrl+Z)")) undo(ctx);
        }
    }

    void draw_row(AppContext& ctx, const GratitudeEntry& e, float row_h) {
        const Couple& couple = ctx.model.couple;
        ImGui::PushID(e.id.c_str());
        ImVec2 top = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable("##row", selected_ == e.id, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(width, row_h - ImGui::GetStyle().ItemSpacing.y))) {
            selected_ = e.id;
            load_editor(ctx);
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Partner& from = couple.partner(e.from_slot);
        float line = ImGui::GetTextLineHeightWithSpacing();
        float r = em(0.3f);
        dl->AddCircleFilled(ImVec2(top.x + r + em(0.2f), top.y + ImGui::GetTextLineHeight() * 0.5f), r, partner_fill(from.color));
        std::string meta = from.name + " \xE2\x86\x92 " + couple.partner(e.to_slot).name + "  \xC2\xB7  " + format_day_human(e.day);
        if (e.category_id) meta += "  \xC2\xB7  " + ctx.model.categories.label_of(*e.category_id).value_or("");
        if (e.shared_in_review) meta += "  \xC2\xB7  \xE2\x9C\x93 shared";
        ImVec4 clip(top.x, top.y, top.x + width - em(0.3f), top.y + row_h);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(top.x + em(1.0f), top.y), ImGui::GetColorU32(partner_text_color(from.color)),
                    meta.c_str(), nullptr, 0.0f, &clip);
        std::string_view text = e.text;
        std::string_view first_line = text.substr(0, text.find('\n'));
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(top.x + em(1.0f), top.y + line), ImGui::GetColorU32(ImGuiCol_Text),
                    first_line.data(), first_line.data() + first_line.size(), 0.0f, &clip);
        ImGui::PopID();
    }

    void load_editor(AppContext& ctx) {
        auto e = ctx.model.gratitude.get(selected_);
        if (!e) { selected_.clear(); return; }
        edit_ = GratitudeDraft{e->from_slot, e->text, e->day, e->category_id, e->shared_in_review};
        edit_text_.load(e->text);
        edit_error_.clear();
        confirm_delete_ = false;
    }

    void draw_editor(AppContext& ctx, Date today) {
        GratitudeLog& log = ctx.model.gratitude;
        const Couple& couple = ctx.model.couple;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("edit-from", couple, edit_.from_slot);
        if (!edit_text_.editable())
            inline_error("This text holds characters this version of Hearth cannot edit safely, so it is shown "
                         "read-only. Day, category and sharing can still be changed.");
        bool enter = edit_text_.multiline("##edit", ImVec2(-1, std::max(em(6), ImGui::GetContentRegionAvail().y - em(9))));
        char_counter(edit_text_.value());
        day_picker("edit-day", edit_.day, today);
        ImGui::SetNextItemWidth(em(11));
        category_combo("edit-cat", ctx.model.categories, edit_.category_id, false, new_category_, new_category_error_);
        same_line_or_wrap(em(13));
        ImGui::Checkbox("Shared aloud in a review", &edit_.shared_in_review);
        if (ImGui::Button("Save changes") || enter) {
            GratitudeDraft d = edit_;
            d.text = edit_text_.value();
            auto r = log.update(selected_, d);
            if (r.ok()) {
                ctx.notify("Changes saved.");
                load_editor(ctx);
            } else {
                edit_error_ = r.error;
            }
        }
        ImGui::SameLine();
        if (!confirm_delete_) {
            if (ImGui::Button("Delete")) confirm_delete_ = true;
        } else {
            if (ImGui::Button("Really delete")) {
                log.remove(selected_);
                selected_.clear();
                ctx.notify("Deleted. Undo brings it back.");
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) confirm_delete_ = false;
        }
        ImGui::SameLine();
        if (ImGui::Button("Close")) selected_.clear();
        inline_error(edit_error_);
    }

    void undo(AppContext& ctx) {
        if (auto id = ctx.model.gratitude.undo_remove()) {
            selected_ = *id;
            load_editor(ctx);
            ctx.notify("Brought back.");
        }
    }

    void handle_undo(AppContext& ctx) {
        ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl && shortcuts_allowed() && key_pressed('Z') && ctx.model.gratitude.can_undo()) undo(ctx);
    }

    GratitudeDraft draft_{};
    GuardedText compose_text_;
    std::string compose_error_;
    bool focus_compose_ = true;

    Date browse_week_{};
    bool all_time_ = false;
    int from_filter_ = 0;
    std::optional<std::string> filter_category_;
    std::string search_;
    std::string names_[2];
    std::string from_names_[2];
    GratitudeCategories* categories_ = nullptr;
    EntryPages pages_;

    std::string selected_;
    GratitudeDraft edit_{};
    GuardedText edit_text_;
    std::string edit_error_;
    bool confirm_delete_ = false;

    std::string new_category_;
    std::string new_category_error_;
};

} // namespace

std::unique_ptr<Panel> make_gratitude_panel() { return std::make_unique<GratitudePanel>(); }

} // namespace hearth::ui
