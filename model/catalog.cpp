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
// The columns that name an entry of each catalog, with how a person counts them.
struct Use {
    const char* table;
    const char* column;
    bool nullable;
    const char* one;
    const char* many;
};

std::vector<Use> uses_of(const std::string& catalog_table) {
    if (catalog_table == "gratitude_category")
        return {{"gratitude", "category_id", true, "appreciation", "appreciations"}};
    if (catalog_table == "plan_kind")
        return {{"plan", "kind_id", false, "plan", "plans"}, {"idea", "kind_id", false, "idea", "ideas"}};
    return {};
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

SaveResult Catalog::check_label(const std::string& label, const std::string& except_id) const {
    if (label.empty()) return SaveResult::refused(spec_.field, spec_.empty_message);
    if (!is_valid_utf8(label)) return SaveResult::refused(spec_.field, "The name is not valid UTF-8 text.");
    if (auto n = codepoint_count(label); n > spec_.max_chars)
        return SaveResult::refused(spec_.field, spec_.too_long_message ? spec_.too_long_message(n, spec_.max_chars)
                                                                       : "The name is too long.");
    for (const auto& e : list_)
        if (e.id != except_id && ascii_lower(e.label) == ascii_lower(label))
            return SaveResult::refused(spec_.field, "\"" + e.label + "\" is already in the list.");
    return SaveResult::success({});
}

SaveResult Catalog::add(const std::string& raw) {
    std::string label = trim(raw);
    if (auto r = check_label(label, {}); !r.ok()) return r;
    auto id = new_uuid();
    db_.prepare("INSERT INTO " + spec_.table +
                "(id, label, builtin, sort_order, created_at, updated_at) VALUES(?1, ?2, 0, 1000, ?3, ?3)")
        .bind(1, id).bind(2, label).bind(3, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

namespace {
const CatalogEntry* find_entry(const std::vector<CatalogEntry>& list, const std::string& id) {
    for (const auto& e : list)
        if (e.id == id) return &e;
    return nullptr;
}
} // namespace

SaveResult Catalog::rename(const std::string& id, const std::string& raw) {
    const CatalogEntry* e = find_entry(list_, id);
    if (!e) return SaveResult::refused(spec_.field, "That entry no longer exists.");
    if (e->builtin) return SaveResult::refused(spec_.field, "\"" + e->label + "\" comes with Hearth and keeps its name.");
    std::string label = trim(raw);
    if (auto r = check_label(label, id); !r.ok()) return r;
    if (label == e->label) return SaveResult::success(id);
    db_.prepare("UPDATE " + spec_.table + " SET label = ?2, updated_at = ?3 WHERE id = ?1 AND builtin = 0")
        .bind(1, id).bind(2, label).bind(3, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

CatalogUsage Catalog::usage(const std::string& id) {
    CatalogUsage u;
    std::vector<std::string> parts;
    for (const auto& use : uses_of(spec_.table)) {
        auto& st = db_.prepare(std::string("SELECT count(*) FROM ") + use.table + " WHERE " + use.column + " = ?1");
        st.bind(1, id);
        int n = st.step() ? int(st.integer(0)) : 0;
        st.reset();
        if (n == 0) continue;
        u.total += n;
        if (!use.nullable) u.can_leave_empty = false;
        parts.push_back(std::to_string(n) + " " + (n == 1 ? use.one : use.many));
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
        u.summary += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return u;
}

SaveResult Catalog::remove(const std::string& id, const std::optional<std::string>& move_to) {
    const CatalogEntry* e = find_entry(list_, id);
    if (!e) return SaveResult::refused(spec_.field, "That entry no longer exists.");
    if (e->builtin) return SaveResult::refused(spec_.field, "\"" + e->label + "\" comes with Hearth and stays.");
    if (move_to && (*move_to == id || !exists(*move_to)))
        return SaveResult::refused(spec_.field, "Choose another entry to move them to.");
    auto u = usage(id);
    if (!move_to && !u.can_leave_empty)
        return SaveResult::refused(spec_.field, "Choose where its " + u.summary + " go; they need one.");
    const std::string now = format_utc(clock_.now());
    try {
        Transaction tx(db_);
        for (const auto& use : uses_of(spec_.table)) {
            auto& st = db_.prepare(std::string("UPDATE ") + use.table + " SET " + use.column +
                                   " = ?2, updated_at = ?3 WHERE " + use.column + " = ?1");
            st.bind(1, id).bind(2, move_to).bind(3, now).run();
        }
        db_.prepare("DELETE FROM " + spec_.table + " WHERE id = ?1 AND builtin = 0").bind(1, id).run();
        tx.commit();
    } catch (const DbError& err) {
        reload();
        return SaveResult::refused(spec_.field, std::string("Nothing was deleted: ") + err.what());
    }
    reload();
    return SaveResult::success(move_to.value_or(std::string{}));
}

} // namespace hearth
