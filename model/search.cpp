#include "search.h"

#include "utf8.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace hearth {

namespace {

// Code points that start an emoji cluster and that unicode61 would drop as
// separators (symbols, pictographs, regional indicators). Digits, # and *
// (keycaps) stay words.
bool starts_emoji(char32_t cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF) ||
           (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
           (cp >= 0x2900 && cp <= 0x297F) || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 ||
           cp == 0x2122 || cp == 0x2139 || cp == 0x24C2 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 ||
           cp == 0x3299;
}

bool is_skin_tone(char32_t cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }

// The token for an emoji cluster: without variation selectors; `plain` also
// without skin tones.
std::string emoji_token(std::string_view cluster, bool plain) {
    std::string out;
    for (std::size_t i = 0; i < cluster.size();) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(cluster, i, cp);
        if (n == 0) return std::string(cluster);
        bool drop = cp == 0xFE0F || cp == 0xFE0E || (plain && is_skin_tone(cp));
        if (!drop) out.append(cluster.substr(i, n));
        i += n;
    }
    return out;
}

struct EmojiSpan {
    std::size_t begin, end;
};

// Walks `s` as search splits it: each emoji cluster whole to `emoji(begin,
// end)`, every other code point to `other(begin, length)`; a byte that is not
// UTF-8 is skipped. The index (the tokenizer) and the query (fts_query) both
// split text this way, so an emoji typed finds the emoji written.
template <class Emoji, class Other>
void split_emoji(std::string_view s, Emoji&& emoji, Other&& other) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) {
            ++i;
            continue;
        }
        if (starts_emoji(cp)) {
            std::size_t e = std::max(cluster_end(s, i), i + n);
            emoji(i, e);
            i = e;
        } else {
            other(i, n);
            i += n;
        }
    }
}

std::vector<EmojiSpan> emoji_spans(std::string_view s) {
    std::vector<EmojiSpan> out;
    split_emoji(
        s, [&](std::size_t begin, std::size_t end) { out.push_back({begin, end}); }, [](std::size_t, std::size_t) {});
    return out;
}

// ---- the "hearth" tokenizer: unicode61 (remove_diacritics 2) plus emoji

struct HearthTokenizer {
    fts5_tokenizer inner_api{};
    Fts5Tokenizer* inner = nullptr;
};

struct WordToken {
    std::string text;
    int begin, end;
};

int collect_word(void* ctx, int, const char* token, int n, int begin, int end) {
    static_cast<std::vector<WordToken>*>(ctx)->push_back({std::string(token, std::size_t(n)), begin, end});
    return SQLITE_OK;
}

int tokenizer_create(void* api_ptr, const char**, int, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(api_ptr);
    auto* t = new HearthTokenizer;
    void* user = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &user, &t->inner_api);
    const char* args[] = {"remove_diacritics", "2"};
    if (rc == SQLITE_OK) rc = t->inner_api.xCreate(user, args, 2, &t->inner);
    if (rc != SQLITE_OK) {
        delete t;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
}

void tokenizer_delete(Fts5Tokenizer* p) {
    auto* t = reinterpret_cast<HearthTokenizer*>(p);
    if (t->inner) t->inner_api.xDelete(t->inner);
    delete t;
}

int tokenizer_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
                       int (*emit)(void*, int, const char*, int, int, int)) {
    auto* t = reinterpret_cast<HearthTokenizer*>(p);
    std::vector<WordToken> words;
    int rc = t->inner_api.xTokenize(t->inner, &words, flags, text, n, collect_word);
    if (rc != SQLITE_OK) return rc;
    std::string_view s(text, std::size_t(n));
    auto emoji = emoji_spans(s);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    std::size_t w = 0, e = 0;
    while (w < words.size() || e < emoji.size()) {
        if (e == emoji.size() || (w < words.size() && std::size_t(words[w].begin) < emoji[e].begin)) {
            const auto& tok = words[w++];
            // A word piece inside an emoji cluster (never expected) is dropped.
            bool inside = e > 0 && std::size_t(tok.begin) < emoji[e - 1].end;
            if (!inside) {
                rc = emit(ctx, 0, tok.text.data(), int(tok.text.size()), tok.begin, tok.end);
                if (rc != SQLITE_OK) return rc;
            }
            continue;
        }
        const auto& span = emoji[e++];
        auto cluster = s.substr(span.begin, span.end - span.begin);
        std::string full = emoji_token(cluster, false);
        rc = emit(ctx, 0, full.data(), int(full.size()), int(span.begin), int(span.end));
        if (rc != SQLITE_OK) return rc;
        if (!query) {
            std::string plain = emoji_token(cluster, true);
            if (plain != full) {
                rc = emit(ctx, FTS5_TOKEN_COLOCATED, plain.data(), int(plain.size()), int(span.begin), int(span.end));
                if (rc != SQLITE_OK) return rc;
            }
        }
    }
    return SQLITE_OK;
}

fts5_api* fts5_api_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

// Markers highlight() puts around matches: bytes that never occur in UTF-8.
constexpr char kOpen = '\xFE';
constexpr char kClose = '\xFF';

std::vector<ByteRange> ranges_from_marked(const std::string& marked, const std::string& original) {
    std::vector<ByteRange> out;
    std::string plain;
    plain.reserve(original.size());
    std::size_t open = 0;
    for (char c : marked) {
        if (c == kOpen) {
            open = plain.size();
        } else if (c == kClose) {
            if (plain.size() > open) out.push_back({open, plain.size()});
        } else {
            plain += c;
        }
    }
    if (plain != original) return {};
    return out;
}

std::vector<ByteRange> literal_ranges(const std::string& text, const std::string& needle) {
    std::vector<ByteRange> out;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
        out.push_back({at, at + needle.size()});
    return out;
}

bool has_word_char(std::string_view piece) {
    return std::any_of(piece.begin(), piece.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u);
    });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string fts_phrase(std::string_view piece) {
    std::string out = "\"";
    for (char c : piece) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

constexpr const char* kScope = " AND (?2 = 0 OR ((?2 >> d.kind) & 1) = 1)";

// SearchHit::author, as a column of a query over search_doc d.
constexpr const char* kAuthor =
    "coalesce(CASE d.kind"
    " WHEN 0 THEN (SELECT g.from_partner FROM gratitude g WHERE g.id = d.row_id)"
    " WHEN 4 THEN (SELECT c.partner FROM weekly_review_checkin c WHERE c.id = d.row_id)"
    " WHEN 5 THEN (SELECT b.caller_partner FROM conflict_break b WHERE b.id = d.row_id)"
    " WHEN 7 THEN (SELECT r.partner FROM exercise_rating r WHERE r.id = d.row_id)"
    " WHEN 9 THEN (SELECT CASE d.field WHEN 'answer' THEN r.answerer"
    "   ELSE (SELECT p.id FROM partner p WHERE p.id <> r.answerer ORDER BY p.slot LIMIT 1) END"
    "   FROM card_round r WHERE r.id = d.row_id) END, '')";

} // namespace

void register_search_tokenizer(Database& db) {
    if (!register_search_tokenizer(db.raw())) throw DbError("Could not set up search on " + db.name() + ".");
}

bool register_search_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_api_of(db);
    if (!api) throw DbError("This SQLite has no full-text search (FTS5); Hearth needs it for search.");
    fts5_tokenizer t{tokenizer_create, tokenizer_delete, tokenizer_tokenize};
    return api->xCreateTokenizer(api, "hearth", api, &t, nullptr) == SQLITE_OK;
}

std::optional<std::string> fts_query(const std::string& typed) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (has_word_char(word)) {
            if (!out.empty()) out += ' ';
            out += fts_phrase(word) + "*";
        }
        word.clear();
    };
    std::string_view s(typed);
    auto emoji = [&](std::size_t begin, std::size_t end) {
        flush();
        if (!out.empty()) out += ' ';
        out += fts_phrase(s.substr(begin, end - begin));
    };
    auto other = [&](std::size_t begin, std::size_t n) {
        if (n == 1 && is_space(s[begin])) flush();
        else word.append(s.substr(begin, n));
    };
    split_emoji(s, emoji, other);
    flush();
    if (out.empty()) return std::nullopt;
    return out;
}

SearchSnippet snippet_of(const SearchHit& hit, std::size_t max_chars) {
    const std::string& t = hit.text;
    std::vector<std::size_t> starts;  // cluster starts, then t.size()
    for (std::size_t i = 0; i < t.size(); i = std::max(cluster_end(t, i), i + 1)) starts.push_back(i);
    starts.push_back(t.size());
    std::size_t clusters = starts.size() - 1;
    if (clusters <= max_chars) return {t, hit.matches};
    std::size_t first = hit.matches.empty() ? 0 : hit.matches.front().first;
    std::size_t k = std::size_t(std::upper_bound(starts.begin(), starts.end(), first) - starts.begin()) - 1;
    std::size_t from = k > max_chars / 3 ? k - max_chars / 3 : 0;
    std::size_t to = std::min(clusters, from + max_chars);
    if (to - from < max_chars) from = to > max_chars ? to - max_chars : 0;
    std::size_t b = starts[from], e = starts[to];
    SearchSnippet out;
    const std::string ellipsis = "\xE2\x80\xA6";
    if (from > 0) out.text = ellipsis;
    std::size_t shift = out.text.size();
    out.text.append(t, b, e - b);
    if (to < clusters) out.text += ellipsis;
    for (auto [mb, me] : hit.matches) {
        if (me <= b || mb >= e) continue;
        out.matches.push_back({std::max(mb, b) - b + shift, std::min(me, e) - b + shift});
    }
    return out;
}

std::vector<SearchHit> Search::find(const std::string& typed, SearchScope scope, int limit, int offset) {
    std::vector<SearchHit> hits;
    std::string needle = trim(typed);
    if (needle.empty() || limit <= 0) return hits;
    auto q = fts_query(needle);
    auto read = [&](Statement& st) {
        while (st.step()) {
            SearchHit h;
            h.kind = SearchKind(st.integer(1));
            h.row_id = st.text(2);
            h.field = st.text(3);
            h.day = st.text(4);
            h.text = st.text(5);
            h.author = st.text(6);
            hits.push_back(std::move(h));
        }
    };
    if (!q) {
        auto& st = db_.prepare(std::string("SELECT d.id, d.kind, d.row_id, d.field, d.day, d.body, ") + kAuthor +
                               " FROM search_doc d WHERE instr(d.body, ?1) > 0" +
                               kScope + " ORDER BY d.id DESC LIMIT ?3 OFFSET ?4");
        st.bind(1, needle).bind(2, int64_t(scope)).bind(3, limit).bind(4, offset);
        read(st);
        for (auto& h : hits) h.matches = literal_ranges(h.text, needle);
        return hits;
    }
    // One query: the index gives rowids newest day first, so only the page's
    // rows are read and highlighted (highlight() per row in a query of its own
    // would re-run a prefix query's merge for every row).
    auto& st = db_.prepare(std::string("SELECT d.id, d.kind, d.row_id, d.field, d.day, d.body,"
                                       " highlight(search, 0, ?5, ?6), ") + kAuthor +
                           " FROM search s CROSS JOIN search_doc d WHERE search MATCH ?1 AND d.id = s.rowid" +
                           kScope + " ORDER BY s.rowid DESC LIMIT ?3 OFFSET ?4");
    st.bind(1, *q).bind(2, int64_t(scope)).bind(3, limit).bind(4, offset);
    st.bind(5, std::string_view(&kOpen, 1)).bind(6, std::string_view(&kClose, 1));
    while (st.step()) {
        SearchHit h;
        h.kind = SearchKind(st.integer(1));
        h.row_id = st.text(2);
        h.field = st.text(3);
        h.day = st.text(4);
        h.text = st.text(5);
        h.matches = ranges_from_marked(st.text(6), h.text);
        h.author = st.text(7);
        hits.push_back(std::move(h));
    }
    return hits;
}

int Search::count(const std::string& typed, SearchScope scope, int at_most) {
    std::string needle = trim(typed);
    if (needle.empty() || at_most <= 0) return 0;
    auto q = fts_query(needle);
    // The inner LIMIT stops the walk; in rowid order the index needs no sort.
    const std::string hits =
        !q ? std::string("SELECT 1 FROM search_doc d WHERE instr(d.body, ?1) > 0") + kScope
        : scope == kSearchEverything ? std::string("SELECT 1 FROM search s WHERE search MATCH ?1")
                                     : std::string("SELECT 1 FROM search s CROSS JOIN search_doc d"
                                                   " WHERE search MATCH ?1 AND d.id = s.rowid") + kScope;
    auto& st = db_.prepare("SELECT count(*) FROM (" + hits + " LIMIT ?3)");
    st.bind(1, q ? *q : needle).bind(2, int64_t(scope)).bind(3, at_most);
    int n = st.step() ? int(st.integer(0)) : 0;
    st.reset();
    return n;
}

std::vector<ByteRange> Search::matches(const std::string& typed, SearchKind kind, const std::string& row_id,
                                       const std::string& field) {
    std::string needle = trim(typed);
    if (needle.empty()) return {};
    auto q = fts_query(needle);
    auto& doc = db_.prepare("SELECT id, body FROM search_doc WHERE kind = ?1 AND row_id = ?2 AND field = ?3");
    doc.bind(1, int(kind)).bind(2, row_id).bind(3, field);
    if (!doc.step()) return {};
    const int64_t id = doc.integer(0);
    const std::string body = doc.text(1);
    doc.reset();
    if (!q) return literal_ranges(body, needle);
    auto& hl = db_.prepare("SELECT highlight(search, 0, ?2, ?3) FROM search WHERE search MATCH ?1 AND rowid = ?4");
    hl.bind(1, *q).bind(2, std::string_view(&kOpen, 1)).bind(3, std::string_view(&kClose, 1)).bind(4, id);
    std::vector<ByteRange> out;
    if (hl.step()) out = ranges_from_marked(hl.text(0), body);
    hl.reset();
    return out;
}

Search::Owner Search::owner_of(const SearchHit& hit) {
    Owner o;
    switch (hit.kind) {
    case SearchKind::plan:
        o.plan_id = hit.row_id;
        o.original_day = hit.day;
        break;
    case SearchKind::occurrence: {
        auto& st = db_.prepare("SELECT plan_id, original_day FROM plan_occurrence WHERE id = ?1");
        st.bind(1, hit.row_id);
        if (st.step()) {
            o.plan_id = st.text(0);
            o.original_day = st.text(1);
        }
        st.reset();
        break;
    }
    case SearchKind::review: o.review_id = hit.row_id; break;
    case SearchKind::review_answer: {
        auto& st = db_.prepare("SELECT review_id FROM weekly_review_checkin WHERE id = ?1");
        st.bind(1, hit.row_id);
        if (st.step()) o.review_id = st.text(0);
        st.reset();
        break;
    }
    default: break;
    }
    return o;
}

std::vector<std::string> Search::row_ids(const std::string& typed, SearchKind kind) {
    std::vector<std::string> out;
    std::string needle = trim(typed);
    if (needle.empty()) return out;
    auto q = fts_query(needle);
    auto& st = q ? db_.prepare("SELECT DISTINCT d.row_id FROM search s CROSS JOIN search_doc d"
                               " WHERE search MATCH ?1 AND d.id = s.rowid AND d.kind = ?2")
                 : db_.prepare("SELECT DISTINCT d.row_id FROM search_doc d WHERE instr(d.body, ?1) > 0 AND d.kind = ?2");
    st.bind(1, q ? *q : needle).bind(2, int(kind));
    while (st.step()) out.push_back(st.text(0));
    return out;
}

} // namespace hearth
