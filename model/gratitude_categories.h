#pragma once
// Categories for appreciations: the built-in list shipped in
// assets/gratitude_categories.json (stable ids, so two devices agree) plus the
// couple's own.
#include "clock.h"
#include "database.h"
#include "save_result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

struct GratitudeCategory {
    std::string id;
    std::string label;
    bool builtin = false;
};

inline constexpr std::size_t kMaxCategoryChars = 40;

class GratitudeCategories {
public:
    GratitudeCategories(Database& db, const Clock& clock);
    // Inserts the shipped categories that are missing. Throws std::runtime_error
    // naming the file when it is missing or malformed.
    void seed_builtin(const std::filesystem::path& assets_dir);
    const std::vector<GratitudeCategory>& all() const { return list_; }
    std::optional<std::string> label_of(const std::string& id) const;
    bool exists(const std::string& id) const { return label_of(id).has_value(); }
    SaveResult add(const std::string& label);
    void reload();

private:
    Database& db_;
    const Clock& clock_;
    std::vector<GratitudeCategory> list_;
};

} // namespace hearth
