#pragma once
// Settings, typed: each one is declared once in setting_keys.h with its type,
// default, range and home (the couple's database or this machine's DeviceStore).
// Read once, written through on change.
#include "clock.h"
#include "database.h"
#include "device_store.h"
#include "setting_keys.h"

#include <map>
#include <string>

namespace hearth {

class Settings {
public:
    Settings(Database& db, DeviceStore& device, const Clock& clock);

    int get(const IntSetting& s) const;      // out of s.min..s.max: the default
    bool get(const BoolSetting& s) const;
    std::string get(const TextSetting& s) const;
    void set(const IntSetting& s, int value);  // clamped to s.min..s.max
    void set(const BoolSetting& s, bool value);
    void set(const TextSetting& s, std::string_view value);

    void reload();
    // Databases written before the DeviceStore kept window size, last panel,
    // theme and drafts in `setting`: move them to this machine's store, in one
    // transaction, so they leave the couple's data (and their backups).
    void move_device_keys_out();

private:
    std::optional<std::string> raw(std::string_view key, SettingHome home) const;
    void write(std::string_view key, SettingHome home, const std::string& value);
    Database& db_;
    DeviceStore& device_;
    const Clock& clock_;
    std::map<std::string, std::string, std::less<>> values_;
};

} // namespace hearth
