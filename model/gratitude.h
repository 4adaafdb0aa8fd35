#pragma once
// The gratitude log: specific appreciations from one partner to the other.
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "gratitude_categories.h"
#include "save_result.h"
#include "time_util.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

inline constexpr std::size_t kMaxGratitudeChars = 2000;

struct GratitudeEntry {
    std::string id;
    int from_slot = 0;
    int to_slot = 1;
    std::string text;  // exactly as typed
    Date day;
    std::optional<std::string> category_id;
    bool shared_in_review = false;
    std::string created_at;
    std::string updated_at;
};

struct GratitudeDraft {
    int from_slot = 0;
    std::string text;
    Date day;
    std::optional<std::string> category_id;
    bool shared_in_review = false;
};

struct GratitudeFilter {
    std::optional<Date> week;            // any day of the ISO week; nullopt = all time
    std::optional<int> from_slot;
    std::optional<std::string> category_id;
    std::string search;                  // words by prefix, any case or accent, emoji (model/search.h)
    bool operator==(const GratitudeFilter&) const = default;
};

struct GratitudeWeek {
    Date monday;
    std::array<int, 2> given{};          // appreciations each partner gave this week
    std::vector<GratitudeEntry> newest;
    // Whoever has given fewer this week, for a gentle invitation (never a score).
    std::optional<int> invite_slot;
    int total() const { return given[0] + given[1]; }
};

class GratitudeLog {
public:
    GratitudeLog(Database& db, const Clock& clock, const Couple& couple, const GratitudeCategories& categories);

    // The text must hold something besides spaces, be valid UTF-8 and at most
    // kMaxGratitudeChars characters; the category, when given, must exist.
    SaveResult add(const GratitudeDraft& draft);
    SaveResult update(const std::string& id, const GratitudeDraft& draft);
    SaveResult set_shared(const std::string& id, bool shared);
    // Deletes, keeping the entry so undo_remove() can bring it back unchanged.
    bool remove(const std::string& id);
    bool can_undo() const { return !removed_.empty(); }
    const GratitudeEntry* last_removed() const { return removed_.empty() ? nullptr : &removed_.back(); }
    std::optional<std::string> undo_remove();

    std::optional<GratitudeEntry> get(const std::string& id);
    int count(const GratitudeFilter& f);
    // Newest first (day, then time written).
    std::vector<GratitudeEntry> page(const GratitudeFilter& f, int offset, int limit);
    GratitudeWeek week(Date any_day, int newest = 5);

    // Bumped by every change, so views can cache queries until it moves.
    uint64_t revision() const { return revision_; }
    void invalidate() { ++revision_; }

private:
    SaveResult validate(const GratitudeDraft& d) const;
    void insert(const GratitudeEntry& e);
    Database& db_;
    const Clock& clock_;
    const Couple& couple_;
    const GratitudeCategories& categories_;
    std::vector<GratitudeEntry> removed_;
    uint64_t revision_ = 1;
};

} // namespace hearth
