#include "settings.h"

#include "time_util.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace hearth {

Settings::Settings(Database& db, DeviceStore& device, const Clock& clock) : db_(db), device_(device), clock_(clock) {
    reload();
}

void Settings::reload() {
    values_.clear();
    auto& st = db_.prepare("SELECT key, value FROM setting");
    while (st.step()) values_[st.text(0)] = st.text(1);
}

void Settings::move_device_keys_out() {
    std::vector<std::pair<std::string, std::string>> found;
    for (const auto& [k, v] : values_)
        if (is_device_setting_key(k)) found.emplace_back(k, v);
    if (found.empty()) return;
    Transaction tx(db_);
    for (const auto& [k, v] : found) {
        if (k.starts_with(kLegacyDraftPrefix)) {
            auto name = std::string_view(k).substr(kLegacyDraftPrefix.size());
            if (device_.draft(name).empty()) device_.set_draft(name, v);
        } else if (!device_.get(k)) {
            device_.set(k, v);
        }
        db_.prepare("DELETE FROM setting WHERE key = ?1").bind(1, k).run();
    }
    tx.commit();
    for (const auto& kv : found) values_.erase(kv.first);
}

std::optional<std::string> Settings::raw(std::string_view key, SettingHome home) const {
    if (home == SettingHome::device) return device_.get(key);
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

int Settings::get(const IntSetting& s) const {
    auto v = raw(s.key, s.home);
    int n = s.fallback;
    if (v) {
        auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc() || p != v->data() + v->size()) n = s.fallback;
    }
    // A stored value out of range (hand-edited, or from a future Hearth) is
    // ignored rather than clamped: the default is the safe choice.
    return n >= s.min && n <= s.max ? n : s.fallback;
}

bool Settings::get(const BoolSetting& s) const {
    auto v = raw(s.key, s.home);
    if (!v || (*v != "1" && *v != "0")) return s.fallback;
    return *v == "1";
}

std::string Settings::get(const TextSetting& s) const { return raw(s.key, s.home).value_or(std::string(s.fallback)); }

void Settings::set(const IntSetting& s, int value) {
    write(s.key, s.home, std::to_string(std::clamp(value, s.min, s.max)));
}
void Settings::set(const BoolSetting& s, bool value) { write(s.key, s.home, value ? "1" : "0"); }
void Settings::set(const TextSetting& s, std::string_view value) { write(s.key, s.home, std::string(value)); }

void Settings::write(std::string_view key, SettingHome home, const std::string& value) {
    if (home == SettingHome::device) {
        device_.set(key, value);
        return;
    }
    auto it = values_.find(key);
    if (it != values_.end() && it->second == value) return;
    auto now = format_utc(clock_.now());
    db_.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES(?1, ?2, ?3, ?3) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        .bind(1, key).bind(2, value).bind(3, now).run();
    values_[std::string(key)] = value;
}

} // namespace hearth
