// Search: one box over everything the couple wrote (appreciations, plans and
// memories, past reviews, topics, cards), reached from the navigation or with
// Ctrl+F from anywhere. Each hit shows where it lives and a piece of its text
// with the matches marked; choosing it opens the entry in its own panel.
#include "app_context.h"
#include "guarded_text.h"
#include "keys.h"
#include "kit/emoji_picker.h"
#include "panel.h"
#include "search_screen.h"
#include "text/glyphs.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace hearth::ui {
namespace {

struct ScopeChoice {
    const char* label;
    SearchScope scope;
};
constexpr ScopeChoice kScopes[] = {
    {"Everything", kSearchEverything},
    {"Appreciations", scope_of(SearchKind::appreciation)},
    {"Plans and memories", kSearchPlans},
    {"Reviews", kSearchReviews},
    {"Topics", kSearchTopics | scope_of(SearchKind::listening_note)},
    {"Cards", kSearchCards},
};

class SearchPanel final : public Panel {
public:
    std::string_view id() const override { return "search"; }
    std::string_view title() const override { return "Search"; }
    std::string_view summary() const override { return "Find anything you wrote: appreciations, plans, memories, reviews, topics"; }

    void draw(AppContext& ctx) override {
        if (!screen_) screen_.emplace(ctx.model);
        SearchScreen& s = *screen_;
        // Coming to the panel (Ctrl+F, the navigation) puts the cursor in the box.
        const int frame = ImGui::GetFrameCount();
        if (frame - last_frame_ > 1 || (ImGui::GetIO().KeyCtrl && key_pressed('F'))) box_.refocus();
        last_frame_ = frame;

        heading("Search everything you wrote");
        ImGui::SetNextItemWidth(std::min(em(28), ImGui::GetContentRegionAvail().x - kit::EmojiPicker::room()));
        bool changed = false;
        box_.single_line("##search", "Words, the start of words, or an emoji", &changed);
        ImGui::SameLine();
        if (emoji_.button("search-emoji", box_, ctx.model.device, ctx.model.assets_dir)) changed = true;
        if (changed) s.query = box_.value();
        bool first = true;
        for (const ScopeChoice& c : kScopes) {
            if (!first) same_line_or_wrap(ImGui::GetFrameHeight() + button_width(c.label), em(0.6f));
            first = false;
            if (ImGui::RadioButton(c.label, s.scope == c.scope)) s.scope = c.scope;
        }
        s.sync();
        ImGui::Spacing();
        if (s.query.empty()) {
            muted("Case and accents do not matter (cafe finds caf\xC3\xA9); each word matches its start (sunf finds sunflowers).");
            return;
        }
        if (s.total() == 0) {
            muted("Nothing found.");
            return;
        }
        if (s.total_is_lower_bound()) ImGui::TextDisabled("More than %d found", SearchScreen::kCountLimit);
        else ImGui::TextDisabled("%d found", s.total());
        ImGui::BeginChild("hits", ImVec2(0, 0), true);
        const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + em(0.5f);  // a gap between hits
        for (std::size_t i = 0; i < s.hits().size(); ++i) draw_hit(ctx, s, s.hits()[i], int(i), row_h);
        if (s.has_more() && ImGui::Button("Show more")) s.more();
        ImGui::EndChild();
    }

private:
    void draw_hit(AppContext& ctx, SearchScreen& s, const SearchHit& hit, int index, float row_h) {
        ImGui::PushID(index);
        ImVec2 top = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x;
        bool open = ImGui::Selectable("##hit", false, 0, ImVec2(width, row_h - ImGui::GetStyle().ItemSpacing.y));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open it (Enter)");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec4 clip(top.x, top.y, top.x + width - em(0.3f), top.y + row_h);
        dl->AddText(ImVec2(top.x + em(0.3f), top.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), shown(s.heading_of(hit)));
        // As much of the text as the row can show (an average character is about half an em).
        SearchSnippet piece = snippet_of(hit, std::size_t(std::max(40.0f, width / (ImGui::GetFontSize() * 0.5f))));
        std::string_view line = piece.text;
        // One line: what follows a line break joins it.
        std::string flat(line);
        for (char& c : flat)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        draw_highlighted(dl, ImVec2(top.x + em(0.3f), top.y + ImGui::GetTextLineHeightWithSpacing()),
                         ImGui::GetColorU32(ImGuiCol_Text), flat, piece.matches, &clip);
        if (open) s.open(hit, ctx.nav);
        ImGui::PopID();
    }

    std::optional<SearchScreen> screen_;
    GuardedText box_;
    kit::EmojiPicker emoji_;
    int last_frame_ = -10;
};

} // namespace

std::unique_ptr<Panel> make_search_panel() { return std::make_unique<SearchPanel>(); }

} // namespace hearth::ui
