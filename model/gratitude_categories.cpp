#include "gratitude_categories.h"

#include "time_util.h"
#include "utf8.h"
#include "uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace hearth {

GratitudeCategories::GratitudeCategories(Database& db, const Clock& clock) : db_(db), clock_(clock) { reload(); }

void GratitudeCategories::reload() {
    list_.clear();
    auto& st = db_.prepare("SELECT id, label, builtin FROM gratitude_category ORDER BY builtin DESC, sort_order, label");
    while (st.step()) list_.push_back({st.text(0), st.text(1), st.integer(2) != 0});
}

void GratitudeCategories::seed_builtin(const std::filesystem::path& assets_dir) {
    auto path = assets_dir / "gratitude_categories.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("Cannot read " + path.string() + ": the assets folder is missing or incomplete");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
        auto now = format_utc(clock_.now());
        Transaction tx(db_);
        int order = 0;
        for (const auto& c : j.at("categories")) {
            db_.prepare("INSERT OR IGNORE INTO gratitude_category(id, label, builtin, sort_order, created_at, updated_at) "
                        "VALUES(?1, ?2, 1, ?3, ?4, ?4)")
                .bind(1, c.at("id").get<std::string>()).bind(2, c.at("label").get<std::string>())
                .bind(3, order++).bind(4, now).run();
        }
        tx.commit();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    reload();
}

std::optional<std::string> GratitudeCategories::label_of(const std::string& id) const {
    for (const auto& c : list_)
        if (c.id == id) return c.label;
    return std::nullopt;
}

static std::string ascii_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

SaveResult GratitudeCategories::add(const std::string& raw) {
    std::string label = trim(raw);
    if (label.empty()) return SaveResult::refused("category", "Please name the category.");
    if (!is_valid_utf8(label)) return SaveResult::refused("category", "The name is not valid UTF-8 text.");
    if (codepoint_count(label) > kMaxCategoryChars)
        return SaveResult::refused("category", "Please keep it under " + std::to_string(kMaxCategoryChars) + " characters.");
    for (const auto& c : list_)
        if (ascii_lower(c.label) == ascii_lower(label))
            return SaveResult::refused("category", "\"" + c.label + "\" is already in the list.");
    auto id = new_uuid();
    db_.prepare("INSERT INTO gratitude_category(id, label, builtin, sort_order, created_at, updated_at) VALUES(?1, ?2, 0, 1000, ?3, ?3)")
        .bind(1, id).bind(2, label).bind(3, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

} // namespace hearth
