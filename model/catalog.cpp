#include "catalog.h"

#include "json_read.h"
#include "time_util.h"
#include "utf8.h"
#include "uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace hearth {

namespace {
std::string ascii_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}
} // namespace

Catalog::Catalog(Database& db, const Clock& clock, CatalogSpec spec) : db_(db), clock_(clock), spec_(std::move(spec)) {
    reload();
}

void Catalog::reload() {
    list_.clear();
    auto& st = db_.prepare("SELECT id, label, builtin FROM " + spec_.table + " ORDER BY builtin DESC, sort_order, label");
    while (st.step()) list_.push_back({st.text(0), st.text(1), st.integer(2) != 0});
    ++revision_;
}

void Catalog::seed_builtin(const std::filesystem::path& assets_dir) {
    auto path = assets_dir / spec_.asset_file;
    auto j = read_json_asset(path);
    try {
        auto now = format_utc(clock_.now());
        Transaction tx(db_);
        int order = 0;
        for (const auto& e : j.at(spec_.asset_key)) {
            db_.prepare("INSERT OR IGNORE INTO " + spec_.table +
                        "(id, label, builtin, sort_order, created_at, updated_at) VALUES(?1, ?2, 1, ?3, ?4, ?4)")
                .bind(1, e.at("id").get<std::string>()).bind(2, e.at("label").get<std::string>())
                .bind(3, order++).bind(4, now).run();
        }
        tx.commit();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    reload();
}

std::optional<std::string> Catalog::label_of(const std::string& id) const {
    for (const auto& e : list_)
        if (e.id == id) return e.label;
    return std::nullopt;
}

SaveResult Catalog::add(const std::string& raw) {
    std::string label = trim(raw);
    if (label.empty()) return SaveResult::refused(spec_.field, spec_.empty_message);
    if (!is_valid_utf8(label)) return SaveResult::refused(spec_.field, "The name is not valid UTF-8 text.");
    if (auto n = codepoint_count(label); n > spec_.max_chars)
        return SaveResult::refused(spec_.field, spec_.too_long_message ? spec_.too_long_message(n, spec_.max_chars)
                                                                       : "The name is too long.");
    for (const auto& e : list_)
        if (ascii_lower(e.label) == ascii_lower(label))
            return SaveResult::refused(spec_.field, "\"" + e.label + "\" is already in the list.");
    auto id = new_uuid();
    db_.prepare("INSERT INTO " + spec_.table +
                "(id, label, builtin, sort_order, created_at, updated_at) VALUES(?1, ?2, 0, 1000, ?3, ?3)")
        .bind(1, id).bind(2, label).bind(3, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

} // namespace hearth
