#pragma once
// Small key/value preferences kept in the database (theme, window size, last
// panel, ...). Read once, written through on change.
#include "clock.h"
#include "database.h"

#include <map>
#include <string>

namespace hearth {

class Settings {
public:
    Settings(Database& db, const Clock& clock);
    std::string get(const std::string& key, const std::string& fallback = {}) const;
    int get_int(const std::string& key, int fallback) const;
    void set(const std::string& key, const std::string& value);
    void set_int(const std::string& key, int value) { set(key, std::to_string(value)); }
    void remove(const std::string& key);
    void reload();

private:
    Database& db_;
    const Clock& clock_;
    std::map<std::string, std::string> values_;
};

} // namespace hearth
