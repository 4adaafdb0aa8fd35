#include "kit/emoji_picker.h"

#include "keys.h"
#include "text/glyphs.h"

#include <algorithm>
#include <cmath>

namespace hearth::ui::kit {

namespace {
constexpr int kMaxColumns = 9, kMinColumns = 4;
constexpr int kMaxRows = 7, kMinRows = 2;
constexpr const char* kToneSample = "\xE2\x9C\x8B";  // ✋
float em_margin() { return ImGui::GetFontSize(); }

// SameLine, or a new row when the next `w` wide item would pass `row_w`.
void same_row_within(float row_w, float w) {
    const float left = ImGui::GetCursorPosX();
    ImGui::SameLine(0, 2);
    if (ImGui::GetCursorPosX() + w > left + row_w) ImGui::NewLine();
}
}  // namespace

EmojiPicker::~EmojiPicker() { give_back_nav(); }

void EmojiPicker::give_back_nav() {
    if (!nav_taken_) return;
    nav_taken_ = false;
    if (ImGui::GetCurrentContext()) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
}

std::vector<std::string> EmojiPicker::shown_emoji() const {
    std::vector<std::string> out;
    for (const auto& c : cells_) out.push_back(c.chars);
    return out;
}

void EmojiPicker::rebuild(const DeviceStore& device, const EmojiList& list) {
    cells_.clear();
    headers_.clear();
    int row = 0, col = 0;
    auto add = [&](std::string chars, int entry) {
        if (col == columns_) {
            col = 0;
            ++row;
        }
        cells_.push_back({std::move(chars), entry, row, col++});
    };
    auto section = [&](std::string title) {
        if (col > 0) {
            col = 0;
            ++row;
        }
        headers_.push_back({row, std::move(title)});
    };
    const std::string q = query_;
    if (q.find_first_not_of(" \t") != std::string::npos) {
        section("Found");
        for (int i : list.search(q)) add(with_skin_tone(list.all()[std::size_t(i)], tone_), i);
    } else {
        auto recent = recent_emoji(device);
        if (!recent.empty()) {
            section("Recently used");
            for (auto& r : recent) add(r, list.find(r));
        }
        section(list.groups()[std::size_t(group_)]);
        for (int i : list.in_group(group_)) add(with_skin_tone(list.all()[std::size_t(i)], tone_), i);
    }
    selected_ = cells_.empty() ? -1 : std::clamp(selected_, 0, int(cells_.size()) - 1);
    dirty_ = false;
}

void EmojiPicker::move(int drow, int dcol) {
    if (cells_.empty()) return;
    int s = std::max(selected_, 0);
    if (dcol != 0) {
        s = std::clamp(s + dcol, 0, int(cells_.size()) - 1);
    } else {
        int want_row = cells_[std::size_t(s)].row + drow, want_col = cells_[std::size_t(s)].col;
        int best = -1;
        for (int i = 0; i < int(cells_.size()); ++i) {
            const auto& c = cells_[std::size_t(i)];
            if (c.row != want_row) continue;
            if (best < 0 || std::abs(c.col - want_col) < std::abs(cells_[std::size_t(best)].col - want_col)) best = i;
        }
        if (best >= 0) s = best;
    }
    selected_ = s;
    scroll_to_selected_ = true;
}

std::optional<std::string> EmojiPicker::draw_popup(const char* popup_id, DeviceStore& device, const EmojiList& list) {
    if (!ImGui::BeginPopup(popup_id)) {
        open_ = false;
        give_back_nav();
        return std::nullopt;
    }
    const bool just_opened = !open_;
    open_ = true;
    // The arrows are the grid's while the picker is open, not keyboard navigation's.
    ImGuiIO& io = ImGui::GetIO();
    if (!nav_taken_ && (io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard)) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        nav_taken_ = true;
    }
    if (tone_ < 0) tone_ = skin_tone(device);
    if (just_opened) {
        filter_.clear();
        query_.clear();
        selected_ = 0;
        dirty_ = true;
    }
    std::optional<std::string> chosen;
    const std::string* group_tip = nullptr;  // shown at the end, only if the picker stays open

    // Keys first: the filter box keeps the focus, the picker reads the rest.
    if (named_key_pressed(ImGuiKey_Escape)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        open_ = false;
        give_back_nav();
        return std::nullopt;
    }
    if (named_key_pressed(ImGuiKey_LeftArrow, true)) move(0, -1);
    if (named_key_pressed(ImGuiKey_RightArrow, true)) move(0, 1);
    if (named_key_pressed(ImGuiKey_UpArrow, true)) move(-1, 0);
    if (named_key_pressed(ImGuiKey_DownArrow, true)) move(1, 0);
    if (named_key_pressed(ImGuiKey_Tab)) {
        tone_ = (tone_ + 1) % kSkinTones;
        set_skin_tone(device, tone_);
        dirty_ = true;
    }
    const int groups = int(list.groups().size());
    if (named_key_pressed(ImGuiKey_PageDown)) group_ = (group_ + 1) % groups, selected_ = 0, dirty_ = true;
    if (named_key_pressed(ImGuiKey_PageUp)) group_ = (group_ + groups - 1) % groups, selected_ = 0, dirty_ = true;

    // Sized to the window: as many columns and rows as fit, every column
    // clear of the scrollbar, and never more than the window.
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 view = ImGui::GetMainViewport()->WorkSize;
    const float cell = ImGui::GetFontSize() * 1.6f;
    const float grid_chrome_w = 2 * style.WindowPadding.x + style.ScrollbarSize + 2 * style.ChildBorderSize;
    const float popup_chrome_w = 2 * style.WindowPadding.x + 2 * style.PopupBorderSize + em_margin();
    const int columns = std::clamp(int((view.x - popup_chrome_w - grid_chrome_w) / cell), kMinColumns, kMaxColumns);
    if (columns != columns_) columns_ = columns, dirty_ = true;
    const float grid_w = cell * float(columns_) + grid_chrome_w;
    // Above and below the grid: the search box, tones, groups, the name, the hint.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float around = ImGui::GetFrameHeightWithSpacing() * 3 + line * 3 + 2 * style.WindowPadding.y + em_margin();
    const int rows = std::clamp(int((view.y - around - 2 * style.WindowPadding.y) / cell), kMinRows, kMaxRows);
    const float grid_h = cell * float(rows) + 2 * style.WindowPadding.y;

    if (!ImGui::IsAnyItemActive() || just_opened) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16, grid_w));
    bool changed = false;
    bool enter = filter_.single_line("##emoji-filter", "Search emoji by name", &changed);
    if (changed) {
        query_ = filter_.value();
        selected_ = 0;
        dirty_ = true;
    }
    if (dirty_) rebuild(device, list);

    // Skin tone.
    for (int t = 0; t < kSkinTones; ++t) {
        EmojiInfo hand{kToneSample, "raised hand", "", true, 0};
        std::string label = std::string(shown(with_skin_tone(hand, t))) + "##tone" + std::to_string(t);
        if (t > 0) same_row_within(grid_w, ImGui::GetFontSize() * 1.3f);
        if (ImGui::Selectable(label.c_str(), tone_ == t, 0, ImVec2(ImGui::GetFontSize() * 1.3f, 0))) {
            tone_ = t;
            set_skin_tone(device, t);
            dirty_ = true;
        }
    }
    // Groups, each shown by its first emoji.
    for (int g = 0; g < groups; ++g) {
        auto members = list.in_group(g);
        if (members.empty()) continue;
        std::string label = std::string(shown(list.all()[std::size_t(members.front())].chars)) + "##group" + std::to_string(g);
        if (g > 0) same_row_within(grid_w, ImGui::GetFontSize() * 1.3f);
        if (ImGui::Selectable(label.c_str(), group_ == g && query_.empty(), 0, ImVec2(ImGui::GetFontSize() * 1.3f, 0))) {
            group_ = g;
            filter_.clear();
            query_.clear();
            selected_ = 0;
            dirty_ = true;
        }
        if (ImGui::IsItemHovered()) group_tip = &list.groups()[std::size_t(g)];
    }
    if (dirty_) rebuild(device, list);

    ImGui::BeginChild("##emoji-grid", ImVec2(grid_w, grid_h), true, ImGuiWindowFlags_AlwaysVerticalScrollbar);
    std::size_t header = 0;
    int row = -1;
    for (int i = 0; i < int(cells_.size()); ++i) {
        const auto& c = cells_[std::size_t(i)];
        if (c.row != row) {
            while (header < headers_.size() && headers_[header].first <= c.row) ImGui::TextDisabled("%s", headers_[header++].second.c_str());
            row = c.row;
        } else {
            ImGui::SameLine(0, 0);
        }
        std::string label = std::string(shown(c.chars)) + "##e" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), i == selected_, 0, ImVec2(cell, cell))) {
            selected_ = i;
            chosen = c.chars;
        }
        if (i == selected_ && scroll_to_selected_) {
            ImGui::SetScrollHereY(0.5f);
            scroll_to_selected_ = false;
        }
    }
    if (cells_.empty()) ImGui::TextDisabled("No emoji by that name.");
    ImGui::EndChild();
    if (selected_ >= 0 && selected_ < int(cells_.size())) {
        const auto& c = cells_[std::size_t(selected_)];
        ImGui::TextUnformatted(shown(c.chars));
        if (c.entry >= 0) {
            ImGui::SameLine();
            ImGui::TextUnformatted(list.all()[std::size_t(c.entry)].name.c_str());
        }
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + grid_w);
    ImGui::TextDisabled("Enter inserts \xC2\xB7 Tab: skin tone \xC2\xB7 Page Up/Down: group");
    ImGui::PopTextWrapPos();

    if (enter && selected_ >= 0 && selected_ < int(cells_.size())) chosen = cells_[std::size_t(selected_)].chars;
    // Enter here is the picker's: the form around the box must not submit too.
    if (enter) {
        consume_key_press(ImGuiKey_Enter);
        consume_key_press(ImGuiKey_KeyPadEnter);
    }
    if (chosen) {
        note_emoji_used(device, *chosen);
        dirty_ = true;
        ImGui::CloseCurrentPopup();
        open_ = false;
        give_back_nav();
    } else if (group_tip) {
        ImGui::SetTooltip("%s", group_tip->c_str());
    }
    ImGui::EndPopup();
    return chosen;
}

float EmojiPicker::room() {
    return ImGui::CalcTextSize(shown("\xF0\x9F\x99\x82")).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
}

bool EmojiPicker::button(const char* id, GuardedText& field, DeviceStore& device, const std::filesystem::path& assets_dir) {
    ImGui::PushID(id);
    const char* popup_id = "emoji-picker";
    std::string label = std::string(shown("\xF0\x9F\x99\x82")) + "##open";  // 🙂
    if (ImGui::Button(label.c_str())) open_request_ = true;
    // From the box itself, without leaving the keyboard.
    if (field.active() && ImGui::GetIO().KeyCtrl && key_pressed('.')) open_request_ = true;
    button_center_ = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                            (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
    // Not again as the picker closes under a pointer left on the button: only
    // once the pointer has left it (or moves), as a tooltip that was asked for.
    const bool hovered = ImGui::IsItemHovered();
    if (!hovered || ImGui::GetIO().MouseDelta.x != 0 || ImGui::GetIO().MouseDelta.y != 0) quiet_tip_ = false;
    if (hovered && !quiet_tip_ && !open_) ImGui::SetTooltip("Insert an emoji (Ctrl+.)");
    if (open_request_) {
        open_request_ = false;
        ImGui::OpenPopup(popup_id);
    }
    bool inserted = false;
    const bool was_open = open_;
    const EmojiList& list = EmojiList::shared(assets_dir);
    auto chosen = draw_popup(popup_id, device, list);
    if (was_open && !open_) quiet_tip_ = true;
    if (chosen) {
        inserted = field.insert_at_cursor(*chosen);
        field.refocus();  // typing goes on after the emoji
    }
    ImGui::PopID();
    return inserted;
}

} // namespace hearth::ui::kit
