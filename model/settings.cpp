#include "settings.h"

#include "time_util.h"

#include <charconv>

namespace hearth {

Settings::Settings(Database& db, const Clock& clock) : db_(db), clock_(clock) { reload(); }

void Settings::reload() {
    values_.clear();
    auto& st = db_.prepare("SELECT key, value FROM setting");
    while (st.step()) values_[st.text(0)] = st.text(1);
}

std::string Settings::get(const std::string& key, const std::string& fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

int Settings::get_int(const std::string& key, int fallback) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    int v = fallback;
    auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    return ec == std::errc() && p == it->second.data() + it->second.size() ? v : fallback;
}

void Settings::remove(const std::string& key) {
    if (!values_.count(key)) return;
    db_.prepare("DELETE FROM setting WHERE key = ?1").bind(1, key).run();
    values_.erase(key);
}

void Settings::set(const std::string& key, const std::string& value) {
    auto it = values_.find(key);
    if (it != values_.end() && it->second == value) return;
    auto now = format_utc(clock_.now());
    db_.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES(?1, ?2, ?3, ?3) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        .bind(1, key).bind(2, value).bind(3, now).run();
    values_[key] = value;
}

} // namespace hearth
