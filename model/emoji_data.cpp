#include "emoji_data.h"

#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace hearth {

namespace {
constexpr std::string_view kRecentKey = "emoji.recent";
constexpr std::string_view kToneKey = "emoji.skin_tone";

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80 || c == '+' || c == '\'') {
            w += char(std::tolower(u));
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

bool has_prefix(const std::vector<std::string>& words, const std::string& p) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.rfind(p, 0) == 0; });
}

// Without skin tones and variation selectors, to recognise an emoji however typed.
std::string bare(std::string_view chars) {
    std::string out;
    for (std::size_t i = 0; i < chars.size();) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(chars, i, cp);
        if (n == 0) return std::string(chars);
        if (!(cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF))) out.append(chars.substr(i, n));
        i += n;
    }
    return out;
}
} // namespace

EmojiList EmojiList::load(const std::filesystem::path& assets_dir) {
    auto path = assets_dir / "emoji.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("Cannot read " + path.string() + ": the assets folder is missing or incomplete");
    EmojiList list;
    try {
        auto j = nlohmann::json::parse(in);
        for (const auto& g : j.at("groups")) {
            int gi = int(list.groups_.size());
            list.groups_.push_back(g.at("name").get<std::string>());
            for (const auto& e : g.at("emoji"))
                list.all_.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(), e.at(2).get<std::string>(),
                                     e.at(3).get<int>() != 0, gi});
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    return list;
}

const EmojiList& EmojiList::shared(const std::filesystem::path& assets_dir) {
    static std::mutex mutex;
    static std::map<std::filesystem::path, std::unique_ptr<EmojiList>> lists;
    std::lock_guard lock(mutex);
    auto& slot = lists[assets_dir];
    if (!slot) slot = std::make_unique<EmojiList>(load(assets_dir));
    return *slot;
}

std::vector<int> EmojiList::in_group(int group) const {
    std::vector<int> out;
    for (int i = 0; i < int(all_.size()); ++i)
        if (all_[std::size_t(i)].group == group) out.push_back(i);
    return out;
}

std::vector<int> EmojiList::search(std::string_view query, std::size_t limit) const {
    auto terms = words_of(query);
    if (terms.empty()) return {};
    const std::string whole = lower(trim(query));
    std::vector<std::pair<int, int>> ranked;  // (rank, index)
    for (int i = 0; i < int(all_.size()); ++i) {
        const auto& e = all_[std::size_t(i)];
        auto name = words_of(e.name);
        auto keys = words_of(e.keywords);
        bool all_found = true, all_in_name = true;
        for (const auto& t : terms) {
            bool in_name = has_prefix(name, t);
            all_in_name &= in_name;
            if (!in_name && !has_prefix(keys, t)) {
                all_found = false;
                break;
            }
        }
        if (!all_found) continue;
        int rank = lower(e.name).rfind(whole, 0) == 0 ? 0 : all_in_name ? 1 : 2;
        ranked.push_back({rank, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.first < b.first; });
    std::vector<int> out;
    for (auto [rank, i] : ranked) {
        if (out.size() >= limit) break;
        out.push_back(i);
    }
    return out;
}

int EmojiList::find(std::string_view chars) const {
    const std::string key = bare(chars);
    for (int i = 0; i < int(all_.size()); ++i)
        if (bare(all_[std::size_t(i)].chars) == key) return i;
    return -1;
}

std::string with_skin_tone(const EmojiInfo& e, int tone) {
    if (!e.takes_tone || tone <= 0 || tone >= kSkinTones) return e.chars;
    char32_t first = 0;
    std::size_t n = decode_utf8(e.chars, 0, first);
    if (n == 0) return e.chars;
    std::string out = e.chars.substr(0, n);
    append_utf8(out, char32_t(0x1F3FA + tone));
    std::string_view rest = std::string_view(e.chars).substr(n);
    if (rest.rfind("\xEF\xB8\x8F", 0) == 0) rest.remove_prefix(3);  // VS16 gives way to the tone
    out.append(rest);
    return out;
}

std::vector<std::string> recent_emoji(const DeviceStore& device) {
    std::vector<std::string> out;
    auto v = device.get(kRecentKey);
    if (!v) return out;
    std::size_t at = 0;
    while (at <= v->size() && out.size() < kRecentEmoji) {
        std::size_t nl = v->find('\n', at);
        if (nl == std::string::npos) nl = v->size();
        if (nl > at) out.push_back(v->substr(at, nl - at));
        at = nl + 1;
    }
    return out;
}

void note_emoji_used(DeviceStore& device, const std::string& chars) {
    if (chars.empty() || chars.find('\n') != std::string::npos) return;
    auto list = recent_emoji(device);
    list.erase(std::remove(list.begin(), list.end(), chars), list.end());
    list.insert(list.begin(), chars);
    if (list.size() > kRecentEmoji) list.resize(kRecentEmoji);
    std::string joined;
    for (const auto& e : list) joined += (joined.empty() ? "" : "\n") + e;
    device.set(kRecentKey, joined);
}

int skin_tone(const DeviceStore& device) {
    auto v = device.get(kToneKey);
    if (!v || v->size() != 1 || (*v)[0] < '0' || (*v)[0] > '5') return 0;
    return (*v)[0] - '0';
}

void set_skin_tone(DeviceStore& device, int tone) {
    if (tone < 0 || tone >= kSkinTones) tone = 0;
    device.set(kToneKey, std::to_string(tone));
}

} // namespace hearth
