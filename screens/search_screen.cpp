#include "search_screen.h"

namespace hearth {

void SearchScreen::sync() {
    const int64_t version = data_version(m_.db);
    if (query == ran_query_ && scope == ran_scope_ && version == ran_version_) return;
    ran_query_ = query;
    ran_scope_ = scope;
    Search s(m_.db);
    total_ = s.count(query, scope, kCountLimit + 1);
    hits_ = total_ > 0 ? s.find(query, scope, kPageSize, 0) : std::vector<SearchHit>{};
    last_page_short_ = int(hits_.size()) < kPageSize;
    ran_version_ = data_version(m_.db);  // reading writes nothing, but take it after
}

void SearchScreen::more() {
    if (!has_more()) return;
    auto next = Search(m_.db).find(ran_query_, ran_scope_, kPageSize, int(hits_.size()));
    last_page_short_ = int(next.size()) < kPageSize;
    hits_.insert(hits_.end(), std::make_move_iterator(next.begin()), std::make_move_iterator(next.end()));
}

std::string SearchScreen::label_of(const SearchHit& hit) {
    switch (hit.kind) {
    case SearchKind::appreciation: return "Appreciation";
    case SearchKind::plan: return hit.field == "notes" ? "Plan notes" : hit.field == "place" ? "Plan place" : "Plan";
    case SearchKind::occurrence: return hit.field == "memory" ? "Memory" : hit.field == "notes" ? "Plan notes" : "Plan";
    case SearchKind::review: return hit.field == "issue_topic" ? "Review topic" : "What went well";
    case SearchKind::review_answer: return "Review answer";
    case SearchKind::break_topic: return "Break topic";
    case SearchKind::listening_topic: return "Listening topic";
    case SearchKind::listening_note: return "Listening note";
    case SearchKind::card_talk: return hit.field == "note" ? "Card note" : "Card";
    case SearchKind::card_round: return hit.field == "guess" ? "Card guess" : "Card answer";
    }
    return "Entry";
}

std::string SearchScreen::heading_of(const SearchHit& hit) const {
    constexpr const char* kDot = "  \xC2\xB7  ";
    std::string line = label_of(hit);
    if (!hit.author.empty())
        if (auto slot = m_.couple.slot_of(hit.author)) {
            // An appreciation is from one of them (to the other); a break is called.
            const char* by = hit.kind == SearchKind::appreciation ? " from " : hit.kind == SearchKind::break_topic ? " called by " : " by ";
            line += by + m_.couple.partner(*slot).name;
        }
    auto day = parse_date(hit.day);
    line += kDot + (day ? format_day_human(*day) : hit.day);
    return line;
}

void SearchScreen::open(const SearchHit& hit, Navigator& nav) {
    const PanelId to = panel_of(hit.kind);
    switch (hit.kind) {
    case SearchKind::appreciation: nav.go_to(to, ShowAppreciation{hit.row_id}); return;
    case SearchKind::plan:
    case SearchKind::occurrence: {
        auto owner = Search(m_.db).owner_of(hit);
        auto day = parse_date(owner.original_day);
        if (!owner.plan_id.empty() && day) nav.go_to(to, ShowOccurrence{owner.plan_id, *day});
        else nav.go_to(to);
        return;
    }
    case SearchKind::review:
    case SearchKind::review_answer: {
        auto owner = Search(m_.db).owner_of(hit);
        if (!owner.review_id.empty()) nav.go_to(to, ShowReview{owner.review_id});
        else nav.go_to(to);
        return;
    }
    default: nav.go_to(to); return;
    }
}

PanelId SearchScreen::panel_of(SearchKind kind) {
    switch (kind) {
    case SearchKind::appreciation: return PanelId::gratitude;
    case SearchKind::plan:
    case SearchKind::occurrence: return PanelId::planner;
    case SearchKind::review:
    case SearchKind::review_answer: return PanelId::review;
    case SearchKind::break_topic: return PanelId::breaks;
    case SearchKind::listening_topic:
    case SearchKind::listening_note: return PanelId::listening;
    case SearchKind::card_talk:
    case SearchKind::card_round: return PanelId::talk;
    }
    return PanelId::dashboard;
}

} // namespace hearth
