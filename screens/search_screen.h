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
    explicit SearchScreen(Model& m) : m_(m) {}

    std::string query;                       // as typed (the ui's GuardedText value)
    SearchScope scope = kSearchEverything;

    // Once a frame: re-runs the search only when the query, the scope or the
    // data changed.
    void sync();
    int total() const { return total_; }
    const std::vector<SearchHit>& hits() const { return hits_; }
    bool has_more() const { return int(hits_.size()) < total_; }
    // Fetches the next page.
    void more();

    // "Appreciation", "Plan", "Memory", ... for a hit's line.
    static std::string label_of(const SearchHit& hit);
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
};

} // namespace hearth
