#pragma once
// "Built-ins plus the couple's own": a list shipped in assets/<file>.json with
// stable ids (so two devices agree), to which the couple adds entries of their
// own. Gratitude categories and plan kinds are both one of these.
#include "clock.h"
#include "database.h"
#include "save_result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

struct CatalogEntry {
    std::string id;
    std::string label;
    bool builtin = false;
};

// What differs between two catalogs: where they live and how refusals read.
struct CatalogSpec {
    std::string table;          // columns: id, label, builtin, sort_order, created_at, updated_at
    std::string asset_file;     // in the assets folder, e.g. "plan_kinds.json"
    std::string asset_key;      // the JSON array holding {id, label} objects
    std::string field;          // SaveResult::field of a refused add
    std::string empty_message;  // refusal of an empty name
    std::size_t max_chars = 40;
    // Refusal of a name of `n` characters over `max`.
    std::string (*too_long_message)(std::size_t n, std::size_t max) = nullptr;
};

// Rows elsewhere that name a catalog entry, counted before it is deleted.
struct CatalogUsage {
    int total = 0;
    std::string summary;  // "3 appreciations", "2 plans and 1 idea"; empty when unused
    // False when the rows cannot be left without an entry (plans need a kind):
    // deleting then needs another entry to move them to.
    bool can_leave_empty = true;
};

class Catalog {
public:
    Catalog(Database& db, const Clock& clock, CatalogSpec spec);
    // Inserts the shipped entries that are missing. Throws std::runtime_error
    // naming the file when it is missing or malformed.
    void seed_builtin(const std::filesystem::path& assets_dir);
    // Built-in first (shipped order), then the couple's own by label.
    const std::vector<CatalogEntry>& all() const { return list_; }
    std::optional<std::string> label_of(const std::string& id) const;
    bool exists(const std::string& id) const { return label_of(id).has_value(); }
    // The couple's own entry; refused when empty, not UTF-8, too long or
    // already there (case-insensitive).
    SaveResult add(const std::string& label);
    // Renames the couple's own entry (same rules as add). Built-ins keep their names.
    SaveResult rename(const std::string& id, const std::string& label);
    // What deleting `id` would touch.
    CatalogUsage usage(const std::string& id);
    // Deletes the couple's own entry in one transaction. The rows that use it
    // move to `move_to` (another entry's id) or, when nullopt, to none (refused
    // when they must have one: see CatalogUsage::can_leave_empty). The moved
    // rows' updated_at changes, so the move travels with backups. Callers
    // re-read what shows those rows (GratitudeLog::invalidate, IdeaBank::reload,
    // Planner::reload).
    SaveResult remove(const std::string& id, const std::optional<std::string>& move_to = std::nullopt);
    void reload();
    uint64_t revision() const { return revision_; }
    const CatalogSpec& spec() const { return spec_; }

private:
    SaveResult check_label(const std::string& label, const std::string& except_id) const;
    Database& db_;
    const Clock& clock_;
    CatalogSpec spec_;
    std::vector<CatalogEntry> list_;
    uint64_t revision_ = 0;
};

} // namespace hearth
