#pragma once
// The catalogues behind the quality-time planner (docs/practices.md, "Quality time and
// rituals"): the kinds of plan (built-in ones from assets/plan_kinds.json plus
// the couple's own) and the idea bank (assets/ideas.json plus the couple's own
// ideas). Built-in rows have stable ids, so two devices agree.
#include "catalog.h"
#include "clock.h"
#include "database.h"
#include "save_result.h"
#include "time_util.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxKindChars = 40;
inline constexpr std::size_t kMaxIdeaTitleChars = 120;
inline constexpr std::size_t kMaxIdeaDescriptionChars = 2000;
inline constexpr int kMaxIdeaMinutes = 24 * 60;

// The kinds of plan: built-in ("date", "ritual", "activity", "check-in") plus the couple's own.
using PlanKind = CatalogEntry;

class PlanKinds : public Catalog {
public:
    PlanKinds(Database& db, const Clock& clock);
};

struct Idea {
    std::string id;
    std::string title;
    std::string kind_id;
    int length_minutes = 60;        // suggested length
    std::string description;
    bool builtin = false;
    std::optional<Date> last_used;  // the day of the latest plan made from it
    int times_used = 0;
};

struct IdeaDraft {
    std::string title;
    std::string kind_id = "date";
    int length_minutes = 60;
    std::string description;
};

class IdeaBank {
public:
    IdeaBank(Database& db, const Clock& clock, const PlanKinds& kinds);
    // Inserts the shipped ideas that are missing (never brings back one the
    // couple removed). Throws std::runtime_error naming the file on trouble.
    void seed_builtin(const std::filesystem::path& assets_dir);

    // Visible ideas: built-in first (shipped order), then the couple's own.
    const std::vector<Idea>& all() const { return list_; }
    std::optional<Idea> get(const std::string& id) const;

    // The couple's own idea. Title 1..120 characters, description <= 2000,
    // valid UTF-8, 1..1440 minutes, an existing kind.
    SaveResult add(const IdeaDraft& d);
    SaveResult update(const std::string& id, const IdeaDraft& d);   // own ideas only
    // Hides an idea (built-in or own) from the bank; plans made from it keep it.
    bool remove(const std::string& id);

    // "Suggest one": an idea not done lately. Candidates (optionally of one
    // kind, never `exclude_id`) are ranked least recently used first (never
    // used counts as oldest); among those tied for the oldest, `seed` picks
    // one (seed % count), so the choice is deterministic for a given seed and
    // "another one" is seed + 1. Ideas titled like one of `taken_titles`
    // (case-insensitive; what the couple already has planned) are left out.
    // nullopt when the bank holds no candidate.
    std::optional<Idea> suggest(uint64_t seed = 0, const std::optional<std::string>& kind_id = std::nullopt,
                                const std::string& exclude_id = {},
                                const std::vector<std::string>& taken_titles = {}) const;

    // Records that a plan was made from the idea for `day` (keeps the latest day).
    void mark_used(const std::string& id, Date day);

    void reload();
    uint64_t revision() const { return revision_; }

private:
    SaveResult validate(const IdeaDraft& d) const;
    Database& db_;
    const Clock& clock_;
    const PlanKinds& kinds_;
    std::vector<Idea> list_;
    uint64_t revision_ = 1;
};

} // namespace hearth
