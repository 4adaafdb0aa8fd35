#pragma once
// Search over everything the couple wrote (issue 12, item 5): one full-text
// index (SQLite FTS5, migration 8; prefix indexes to 6 characters, migration 9)
// kept in step by triggers.
//
// What finds what: case and accents fold ("cafe" finds "Café"), every word of
// the query matches by prefix ("sunf" finds "sunflowers"), and emoji are words
// of their own: the "hearth" tokenizer (registered on every connection by
// migrate()) wraps unicode61 (remove_diacritics 2), which treats emoji as
// separators, and adds each emoji cluster as one token, without VS16 (so ❤
// finds ❤️) and, colocated, without skin tone (👍 finds 👍🏽). A ZWJ sequence
// (👩‍❤️‍👨) is one token. A query with no word or emoji in it ("_", "%")
// finds its characters literally.
//
// Layout: search_doc holds one row per (kind, row, field) of text with its day;
// the FTS5 table `search` indexes search_doc.body (external content). Both are
// derived data: backups skip them (search_doc is named as one of search's
// shadow tables on purpose) and the migration fills them from existing rows.
#include "database.h"

#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hearth {

// Stored in search_doc.kind; never renumber.
enum class SearchKind : int {
    appreciation = 0,     // gratitude.text
    plan = 1,             // plan.title / notes / place
    occurrence = 2,       // plan_occurrence.title / notes / place / memory
    review = 3,           // weekly_review.went_well_note / issue_topic
    review_answer = 4,    // weekly_review_checkin.loved_answer
    break_topic = 5,      // conflict_break.topic
    listening_topic = 6,  // exercise_session.topic
    listening_note = 7,   // exercise_rating.note
    card_talk = 8,        // card_talk.question / note
    card_round = 9,       // card_round.answer / guess
};
inline constexpr int kSearchKinds = 10;

// Which kinds a search covers: a bit per SearchKind. 0 means all.
using SearchScope = uint32_t;
inline constexpr SearchScope scope_of(SearchKind k) { return SearchScope(1) << int(k); }
inline constexpr SearchScope kSearchEverything = 0;
inline constexpr SearchScope kSearchPlans = scope_of(SearchKind::plan) | scope_of(SearchKind::occurrence);
inline constexpr SearchScope kSearchReviews = scope_of(SearchKind::review) | scope_of(SearchKind::review_answer);
inline constexpr SearchScope kSearchTopics = scope_of(SearchKind::break_topic) | scope_of(SearchKind::listening_topic);
inline constexpr SearchScope kSearchCards = scope_of(SearchKind::card_talk) | scope_of(SearchKind::card_round);

// A match: [begin, end) in bytes of the text it is in.
using ByteRange = std::pair<std::size_t, std::size_t>;

struct SearchHit {
    SearchKind kind = SearchKind::appreciation;
    std::string row_id;        // id of the row in its own table
    std::string field;         // the column: "text", "title", "notes", "memory", ...
    std::string day;           // "YYYY-MM-DD" (local day; for breaks, sessions and reviews the UTC day they started)
    std::string text;          // the whole field, exactly as stored
    std::vector<ByteRange> matches;  // in `text`, ascending
    // The partner id of who wrote it, where that is recorded: an
    // appreciation's writer, a break's caller, a review answer's or a
    // listening note's partner, a card's answerer (or, for a guess, the other
    // partner). "" for what the couple wrote together (plans, reviews, cards).
    std::string author;
};

// A piece of a hit to show: at most `max_chars` characters around the first
// match, cut at character boundaries, with the matches that fall inside.
struct SearchSnippet {
    std::string text;                 // with "…" where cut
    std::vector<ByteRange> matches;   // in `text`
};
SearchSnippet snippet_of(const SearchHit& hit, std::size_t max_chars = 80);

// The FTS5 query for what a person typed: each word a prefix, each emoji
// cluster exact, all required. nullopt when it holds no word and no emoji.
std::optional<std::string> fts_query(const std::string& typed);

// Registers the "hearth" tokenizer on this connection (idempotent). migrate()
// calls it: every connection that writes the couple's text needs it.
void register_search_tokenizer(Database& db);
// The same on a connection Hearth did not open (tools, tests). False on failure.
bool register_search_tokenizer(sqlite3* db);

// Moves whenever this connection wrote anything: a cache key for search results.
inline int64_t data_version(Database& db) { return int64_t(sqlite3_total_changes(db.raw())); }

class Search {
public:
    explicit Search(Database& db) : db_(db) {}
    // Newest first (day, then the order written). Empty for a blank query.
    std::vector<SearchHit> find(const std::string& typed, SearchScope scope = kSearchEverything, int limit = 50,
                                int offset = 0);
    // How many hits, counting no further than `at_most`: exact below it. A
    // list can say "more than N" without walking every match of a common word
    // (each counted hit costs the same as a found one).
    int count(const std::string& typed, SearchScope scope = kSearchEverything,
              int at_most = std::numeric_limits<int>::max());
    // Where `typed` matches in one field of one row (a list's own highlight);
    // empty when it does not match there.
    std::vector<ByteRange> matches(const std::string& typed, SearchKind kind, const std::string& row_id,
                                   const std::string& field);
    // Where a hit's row lives, to open it: the plan and the day an occurrence
    // was first planned for, the review an answer belongs to.
    struct Owner {
        std::string plan_id, original_day;  // occurrences (plans: the plan and its day)
        std::string review_id;              // reviews and their answers
    };
    Owner owner_of(const SearchHit& hit);
    // Ids of the rows of one kind that match (for a list's own filter).
    std::vector<std::string> row_ids(const std::string& typed, SearchKind kind);

private:
    Database& db_;
};

} // namespace hearth
