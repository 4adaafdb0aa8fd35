#include "device_store.h"

#include "setting_keys.h"

#include <algorithm>

namespace hearth {

bool is_device_setting_key(std::string_view key) {
    return key.starts_with(kLegacyDraftPrefix) ||
           std::find(std::begin(kDeviceSettingKeys), std::end(kDeviceSettingKeys), key) != std::end(kDeviceSettingKeys);
}

namespace {
constexpr std::string_view kDraftPrefix = "draft:";
}

std::filesystem::path DeviceStore::path_for(const std::filesystem::path& couple_db) {
    auto p = couple_db;
    p += ".device";
    return p;
}

DeviceStore DeviceStore::open_file(const std::filesystem::path& path, std::shared_ptr<const SecretKey> file_key) {
    auto db = Database::open_file(path, std::move(file_key));
    // See the header: kill -9 safe, no fsync per keystroke.
    db.exec("PRAGMA synchronous=NORMAL");
    return DeviceStore(std::move(db));
}

DeviceStore DeviceStore::in_memory() { return DeviceStore(Database::open_memory()); }

DeviceStore::DeviceStore(Database db) : db_(std::move(db)) {
    db_.exec("CREATE TABLE IF NOT EXISTS device_value (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
    auto& st = db_.prepare("SELECT key, value FROM device_value");
    while (st.step()) values_[st.text(0)] = st.text(1);
}

std::optional<std::string> DeviceStore::get(std::string_view key) const {
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

void DeviceStore::set(std::string_view key, std::string_view value) {
    auto it = values_.find(key);
    if (it != values_.end() && it->second == value) return;
    db_.prepare("INSERT INTO device_value(key, value) VALUES(?1, ?2) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key).bind(2, value).run();
    values_[std::string(key)] = std::string(value);
}

void DeviceStore::remove(std::string_view key) {
    auto it = values_.find(key);
    if (it == values_.end()) return;
    db_.prepare("DELETE FROM device_value WHERE key = ?1").bind(1, key).run();
    values_.erase(it);
}

std::string DeviceStore::draft(std::string_view key) const {
    return get(std::string(kDraftPrefix) + std::string(key)).value_or(std::string());
}

void DeviceStore::set_draft(std::string_view key, std::string_view text) {
    std::string k = std::string(kDraftPrefix) + std::string(key);
    if (text.empty()) remove(k);
    else set(k, text);
}

}  // namespace hearth
