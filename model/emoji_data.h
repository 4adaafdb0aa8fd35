#pragma once
// The emoji picker's list (assets/emoji.json, written from Unicode's
// emoji-test.txt and CLDR's English annotations by scripts/make-emoji-json.py),
// its search by name, skin tones, and the emoji this machine used last (kept in
// the DeviceStore: a habit of this computer, not the couple's data).
#include "device_store.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

struct EmojiInfo {
    std::string chars;     // fully qualified, no skin tone
    std::string name;      // "sunflower"
    std::string keywords;  // "flower | sun"
    bool takes_tone = false;
    int group = 0;         // index into EmojiList::groups()
};

class EmojiList {
public:
    // Throws std::runtime_error naming the file when it is missing or malformed.
    static EmojiList load(const std::filesystem::path& assets_dir);
    // The list the assets folder holds, loaded once per folder for the run.
    static const EmojiList& shared(const std::filesystem::path& assets_dir);

    const std::vector<std::string>& groups() const { return groups_; }
    const std::vector<EmojiInfo>& all() const { return all_; }
    // Indices into all(), for one group, in Unicode's order.
    std::vector<int> in_group(int group) const;
    // Emoji whose name or keywords hold every word of `query` as a word
    // prefix, best first: name starts with the query, then a name word, then a
    // keyword; Unicode's order within each. Case-insensitive (ASCII).
    std::vector<int> search(std::string_view query, std::size_t limit = 200) const;
    // The entry for `chars` (with or without skin tone / VS16), or -1.
    int find(std::string_view chars) const;

private:
    std::vector<std::string> groups_;
    std::vector<EmojiInfo> all_;
};

// Skin tones: 0 none (the yellow default), 1..5 light .. dark (U+1F3FB..1F3FF).
inline constexpr int kSkinTones = 6;
// `e` with skin tone `tone` when it takes one; otherwise e.chars.
std::string with_skin_tone(const EmojiInfo& e, int tone);

// This machine's habits, in the DeviceStore.
inline constexpr std::size_t kRecentEmoji = 24;
std::vector<std::string> recent_emoji(const DeviceStore& device);   // most recent first, as inserted
void note_emoji_used(DeviceStore& device, const std::string& chars);
int skin_tone(const DeviceStore& device);
void set_skin_tone(DeviceStore& device, int tone);

} // namespace hearth
