#pragma once
// The appreciations panel's state: the compose form, the week browsed and the
// filters, the paged list, the entry open in the editor, and the commands.
// The text being typed lives in the ui's text fields (GuardedText keeps emoji
// and drafts safe); commands take it as an argument.
#include "hearth_model.h"
#include "search.h"
#include "shown_week.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

// Pages of one filtered query, fetched as they scroll into view and kept
// until the filter or the log's revision changes, so ten years of entries
// scroll as fast as one week.
class EntryPages {
public:
    static constexpr int kPageSize = 100;
    static constexpr std::size_t kMaxCachedPages = 16;

    void sync(GratitudeLog& log, const GratitudeFilter& f);
    int total() const { return total_; }
    const GratitudeEntry& at(GratitudeLog& log, int i);

private:
    GratitudeFilter filter_;
    uint64_t revision_ = 0;
    int total_ = 0;
    std::map<int, std::vector<GratitudeEntry>> pages_;
    GratitudeEntry empty_;
};

class GratitudeScreen {
public:
    explicit GratitudeScreen(Model& m) : m_(m) {}

    // Once a frame before drawing: starts the compose form on today, and
    // re-counts the list only when the filter or the log changed.
    void sync(Date today);
    Date today() const { return today_; }

    // ---- writing one
    GratitudeDraft compose;        // who from, the day, the category (text: the ui's field)
    std::string compose_error;
    // Saves `text` as the compose form says. The notice to show, or nullopt
    // (compose_error says why).
    std::optional<std::string> save_compose(const std::string& text);

    // ---- browsing
    ShownWeek week;
    bool all_weeks = false;
    std::optional<int> from_slot;  // nullopt: from either
    std::optional<std::string> category_id;
    std::string search;
    GratitudeFilter filter() const;
    int total() const { return pages_.total(); }
    const GratitudeEntry& entry(int i) { return pages_.at(m_.gratitude, i); }
    // Where the search matches in an entry's text (byte ranges, for
    // highlighting); empty without a search. Cached until the search or the
    // log changes.
    const std::vector<ByteRange>& matches(const GratitudeEntry& e);

    // ---- the entry open in the editor
    const std::string& selected() const { return selected_; }
    // Opens entry `id` in the editor (false, and nothing open, if it is gone).
    bool select(const std::string& id);
    void close() { selected_.clear(); }
    GratitudeDraft edit;           // as loaded; the text is the ui field's starting text
    std::string edit_error;
    bool confirm_delete = false;
    // Bumped whenever the editor loads an entry: the ui reloads its text field.
    uint64_t edit_loads() const { return edit_loads_; }
    std::optional<std::string> save_edit(const std::string& text);
    // Deletes the open entry; undo() brings it back.
    std::string remove_selected();
    bool can_undo() const { return m_.gratitude.can_undo(); }
    const GratitudeEntry* last_removed() const { return m_.gratitude.last_removed(); }
    // Brings the last deleted entry back and opens it.
    std::optional<std::string> undo();

private:
    Model& m_;
    Date today_{};
    EntryPages pages_;
    std::string selected_;
    uint64_t edit_loads_ = 0;
    std::map<std::string, std::vector<ByteRange>> matches_;
    std::string matches_search_;
    uint64_t matches_revision_ = 0;
    uint64_t categories_revision_ = 0;
};

} // namespace hearth
