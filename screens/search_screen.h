#pragma once
// One search box over everything the couple wrote (model/search.h): the query
// and which lists it covers, the hits page by page with their highlights, and
// where each hit lives. Results are kept until the query, the scope or the
// data change, so drawing them costs no query.
#include "hearth_model.h"
#include "navigation.h"
#include "panel_list.h"
#include "search.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hearth {

class SearchScreen {
public:
    static constexpr int kPageSize = 50;
    // Hits are counted up to here; past it the panel says "more than".
    static constexpr int kCountLimit = 1000;
    explicit SearchScreen(Model& m) : m_(m) {}

    std::string query;                       // as typed (the ui's GuardedText value)
    SearchScope scope = kSearchEverything;

    // Once a frame: re-runs the search only when the query, the scope or the
    // data changed.
    void sync();
    // Exact up to kCountLimit; kCountLimit + 1 means more than kCountLimit.
    int total() const { return total_; }
    bool total_is_lower_bound() const { return total_ > kCountLimit; }
    const std::vector<SearchHit>& hits() const { return hits_; }
    bool has_more() const { return total_is_lower_bound() ? !last_page_short_ : int(hits_.size()) < total_; }
    // Fetches the next page.
    void more();

    // "Appreciation", "Plan", "Memory", ... for a hit's line.
    static std::string label_of(const SearchHit& hit);
    // The line above a hit's text: what it is, who wrote it where that is
    // known, and its day: "Appreciation from Maya · Wed 2 Dec 2026".
    std::string heading_of(const SearchHit& hit) const;
    // The panel that shows the hit's row.
    static PanelId panel_of(SearchKind kind);
    // Sends the couple to the hit's row, opened where the panel can.
    void open(const SearchHit& hit, Navigator& nav);

private:
    Model& m_;
    std::string ran_query_;
    SearchScope ran_scope_ = kSearchEverything;
    int64_t ran_version_ = -1;
    int total_ = 0;
    std::vector<SearchHit> hits_;
    bool last_page_short_ = false;
};

} // namespace hearth
