#pragma once
// The emoji picker beside a text box (issue 12 item 4): recently used first,
// Unicode's groups, search by name, a skin tone, all by keyboard:
//   typing filters by name ("sunf" -> 🌻), arrows move, Enter inserts,
//   Escape closes, Tab changes the skin tone, Page Up / Page Down the group.
// The chosen emoji goes into a GuardedText at its cursor; every emoji is drawn
// with ui::shown(). Recent emoji and the tone are this machine's habits
// (DeviceStore, model/emoji_data.h).
#include "emoji_data.h"
#include "guarded_text.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth::ui::kit {

class EmojiPicker {
public:
    EmojiPicker() = default;
    EmojiPicker(const EmojiPicker&) = delete;
    EmojiPicker& operator=(const EmojiPicker&) = delete;
    ~EmojiPicker();

    // A small button drawn where the caller is (SameLine beside the box):
    // opens the picker; the emoji chosen is inserted into `field`. True on the
    // frame one was inserted.
    bool button(const char* id, GuardedText& field, DeviceStore& device, const std::filesystem::path& assets_dir);

    // The width the button takes beside a box, spacing included: a box that
    // should end where its row ends is this much narrower.
    static float room();

    // Opens the picker on the next frame (a shortcut can call it; Ctrl+. in
    // the box does).
    void open() { open_request_ = true; }
    bool is_open() const { return open_; }

    // For tests: what the grid shows now, in order (tone applied).
    std::vector<std::string> shown_emoji() const;
    int selected() const { return selected_; }
    // Where the button was drawn last (tests click it there).
    ImVec2 button_center() const { return button_center_; }

private:
    struct Cell {
        std::string chars;  // what Enter inserts
        int entry;          // index into EmojiList::all(), -1 if not in the list
        int row, col;
    };
    std::optional<std::string> draw_popup(const char* popup_id, DeviceStore& device, const EmojiList& list);
    void rebuild(const DeviceStore& device, const EmojiList& list);
    void move(int drow, int dcol);
    void give_back_nav();

    GuardedText filter_;
    std::string query_;
    int group_ = 0;
    int tone_ = -1;  // -1: not read from the device store yet
    int selected_ = 0;
    bool open_request_ = false;
    bool open_ = false;
    bool scroll_to_selected_ = false;
    bool dirty_ = true;
    ImVec2 button_center_{};
    bool nav_taken_ = false;  // keyboard navigation switched off while open
    bool quiet_tip_ = false;  // closed under the pointer: no tooltip until it moves
    int columns_ = 9;         // as many as the window has room for
    std::vector<Cell> cells_;
    std::vector<std::pair<int, std::string>> headers_;  // row -> "Recently used" / group name
};

} // namespace hearth::ui::kit
