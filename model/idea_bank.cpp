#include "idea_bank.h"

#include "json_read.h"
#include "utf8.h"
#include "uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace hearth {

namespace {
nlohmann::json read_asset(const std::filesystem::path& path) {
    return read_json_asset(path);
}

std::string too_long(const char* what, std::size_t n, std::size_t max) {
    return std::string(what) + " is " + std::to_string(n) + " characters; the limit is " + std::to_string(max) + ".";
}
} // namespace

// ---------------------------------------------------------------------------
// Plan kinds

namespace {
std::string kind_too_long(std::size_t n, std::size_t max) { return too_long("The name", n, max); }
} // namespace

PlanKinds::PlanKinds(Database& db, const Clock& clock)
    : Catalog(db, clock,
              CatalogSpec{"plan_kind", "plan_kinds.json", "kinds", "kind", "Please name the kind of plan.", kMaxKindChars,
                          &kind_too_long}) {}

// ---------------------------------------------------------------------------
// Idea bank

IdeaBank::IdeaBank(Database& db, const Clock& clock, const PlanKinds& kinds) : db_(db), clock_(clock), kinds_(kinds) {
    reload();
}

void IdeaBank::reload() {
    list_.clear();
    auto& st = db_.prepare("SELECT id, title, kind_id, length_minutes, description, builtin, last_used_day, times_used"
                           " FROM idea WHERE hidden = 0 ORDER BY builtin DESC, sort_order, created_at, id");
    while (st.step()) {
        Idea i;
        i.id = st.text(0);
        i.title = st.text(1);
        i.kind_id = st.text(2);
        i.length_minutes = int(st.integer(3));
        i.description = st.text(4);
        i.builtin = st.integer(5) != 0;
        if (auto d = st.text_or_null(6)) i.last_used = parse_date(*d);
        i.times_used = int(st.integer(7));
        list_.push_back(std::move(i));
    }
    ++revision_;
}

void IdeaBank::seed_builtin(const std::filesystem::path& assets_dir) {
    auto path = assets_dir / "ideas.json";
    auto j = read_asset(path);
    try {
        auto now = format_utc(clock_.now());
        Transaction tx(db_);
        int order = 0;
        for (const auto& i : j.at("ideas")) {
            auto kind = i.at("kind").get<std::string>();
            if (!kinds_.exists(kind))
                throw std::runtime_error(path.string() + ": idea \"" + i.at("id").get<std::string>() +
                                         "\" has the unknown kind \"" + kind + "\"");
            int minutes = i.at("minutes").get<int>();
            if (minutes <= 0 || minutes > kMaxIdeaMinutes)
                throw std::runtime_error(path.string() + ": idea \"" + i.at("id").get<std::string>() +
                                         "\" has a length outside 1.." + std::to_string(kMaxIdeaMinutes) + " minutes");
            db_.prepare("INSERT OR IGNORE INTO idea(id, title, kind_id, length_minutes, description, builtin, sort_order,"
                        " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?7)")
                .bind(1, i.at("id").get<std::string>()).bind(2, i.at("title").get<std::string>()).bind(3, kind)
                .bind(4, minutes).bind(5, i.value("description", std::string())).bind(6, order++).bind(7, now).run();
        }
        tx.commit();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    reload();
}

std::optional<Idea> IdeaBank::get(const std::string& id) const {
    for (const auto& i : list_)
        if (i.id == id) return i;
    return std::nullopt;
}

SaveResult IdeaBank::validate(const IdeaDraft& d) const {
    if (trim(d.title).empty()) return SaveResult::refused("title", "Give the idea a title.");
    if (!is_valid_utf8(d.title)) return SaveResult::refused("title", "The title is not valid UTF-8 text.");
    if (auto n = codepoint_count(d.title); n > kMaxIdeaTitleChars)
        return SaveResult::refused("title", too_long("The title", n, kMaxIdeaTitleChars));
    if (!is_valid_utf8(d.description)) return SaveResult::refused("description", "The description is not valid UTF-8 text.");
    if (auto n = codepoint_count(d.description); n > kMaxIdeaDescriptionChars)
        return SaveResult::refused("description", too_long("The description", n, kMaxIdeaDescriptionChars));
    if (d.length_minutes <= 0) return SaveResult::refused("length", "The length must be more than zero minutes.");
    if (d.length_minutes > kMaxIdeaMinutes)
        return SaveResult::refused("length", std::string("Keep a suggested length within a day (") +
                                                 std::to_string(kMaxIdeaMinutes) + " minutes).");
    if (!kinds_.exists(d.kind_id)) return SaveResult::refused("kind", "Choose a kind of plan from the list.");
    return SaveResult::success({});
}

SaveResult IdeaBank::add(const IdeaDraft& d) {
    if (auto r = validate(d); !r.ok()) return r;
    auto id = new_uuid();
    db_.prepare("INSERT INTO idea(id, title, kind_id, length_minutes, description, builtin, sort_order, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, 0, 0, ?6, ?6)")
        .bind(1, id).bind(2, d.title).bind(3, d.kind_id).bind(4, d.length_minutes).bind(5, d.description)
        .bind(6, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

SaveResult IdeaBank::update(const std::string& id, const IdeaDraft& d) {
    auto cur = get(id);
    if (!cur) return SaveResult::refused("id", "That idea no longer exists.");
    if (cur->builtin) return SaveResult::refused("id", "Shipped ideas can't be edited; add your own version instead.");
    if (auto r = validate(d); !r.ok()) return r;
    db_.prepare("UPDATE idea SET title = ?2, kind_id = ?3, length_minutes = ?4, description = ?5, updated_at = ?6 WHERE id = ?1")
        .bind(1, id).bind(2, d.title).bind(3, d.kind_id).bind(4, d.length_minutes).bind(5, d.description)
        .bind(6, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

bool IdeaBank::remove(const std::string& id) {
    db_.prepare("UPDATE idea SET hidden = 1, updated_at = ?2 WHERE id = ?1 AND hidden = 0")
        .bind(1, id).bind(2, format_utc(clock_.now())).run();
    bool changed = db_.changes() > 0;
    if (changed) reload();
    return changed;
}

namespace {
std::string folded(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return trim(s);
}
} // namespace

std::optional<Idea> IdeaBank::suggest(uint64_t seed, const std::optional<std::string>& kind_id,
                                      const std::string& exclude_id, const std::vector<std::string>& taken_titles) const {
    std::vector<std::string> taken;
    for (const auto& t : taken_titles) taken.push_back(folded(t));
    std::vector<const Idea*> candidates;
    for (const auto& i : list_)
        if ((!kind_id || i.kind_id == *kind_id) && i.id != exclude_id &&
            std::find(taken.begin(), taken.end(), folded(i.title)) == taken.end())
            candidates.push_back(&i);
    if (candidates.empty()) return std::nullopt;
    // Never used sorts before any day; list_ order breaks ties (stable).
    auto key = [](const Idea* i) { return i->last_used ? std::chrono::sys_days{*i->last_used}.time_since_epoch().count() + 1 : 0; };
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Idea* a, const Idea* b) { return key(a) < key(b); });
    auto oldest = key(candidates.front());
    std::size_t tied = 0;
    while (tied < candidates.size() && key(candidates[tied]) == oldest) ++tied;
    return *candidates[std::size_t(seed % tied)];
}

void IdeaBank::mark_used(const std::string& id, Date day) {
    db_.prepare("UPDATE idea SET times_used = times_used + 1,"
                " last_used_day = CASE WHEN last_used_day IS NULL OR last_used_day < ?2 THEN ?2 ELSE last_used_day END,"
                " updated_at = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, format_date(day)).bind(3, format_utc(clock_.now())).run();
    reload();
}

} // namespace hearth
