#include "gratitude.h"

#include "search.h"
#include "utf8.h"
#include "uuid.h"

#include <chrono>
#include <limits>

namespace hearth {

namespace {
constexpr std::size_t kUndoDepth = 20;
constexpr const char* kColumns =
    "g.id, pf.slot, pt.slot, g.text, g.day, g.category_id, g.shared_in_review, g.created_at, g.updated_at";

GratitudeEntry read_entry(Statement& st) {
    GratitudeEntry e;
    e.id = st.text(0);
    e.from_slot = int(st.integer(1));
    e.to_slot = int(st.integer(2));
    e.text = st.text(3);
    // A day that cannot be read (a hand-edited row) is the day it was written,
    // else 1970-01-01: never Date{} (year 0), which no time arithmetic survives.
    e.day = parse_date(st.text(4)).value_or(local_date(parse_utc(st.text(7)).value_or(WallTime{})));
    e.category_id = st.text_or_null(5);
    e.shared_in_review = st.integer(6) != 0;
    e.created_at = st.text(7);
    e.updated_at = st.text(8);
    return e;
}

// One WHERE clause per kind of search (none, the full-text index, or literal
// characters for a query with no word or emoji), so each query is one cached
// prepared statement; unused filters bind NULL.
constexpr const char* kFrom =
    " FROM gratitude g JOIN partner pf ON pf.id = g.from_partner JOIN partner pt ON pt.id = g.to_partner";
// Driven by the index: its rowid order is by day (model/search.h), so a week
// is a rowid range.
constexpr const char* kFromIndex =
    " FROM search s CROSS JOIN search_doc d CROSS JOIN gratitude g"
    " JOIN partner pf ON pf.id = g.from_partner JOIN partner pt ON pt.id = g.to_partner";
constexpr const char* kWhere =
    " WHERE (?1 IS NULL OR g.day >= ?1) AND (?2 IS NULL OR g.day <= ?2)"
    " AND (?3 IS NULL OR pf.slot = ?3) AND (?4 IS NULL OR g.category_id = ?4)";
constexpr const char* kIndexed =
    " AND search MATCH ?5 AND s.rowid BETWEEN ?8 AND ?9 AND d.id = s.rowid AND d.kind = 0 AND g.id = d.row_id";
constexpr const char* kLiteral = " AND instr(g.text, ?5) > 0";

struct SearchPart {
    const char* from = kFrom;
    const char* clause = "";
    std::string bound;
};

// Words match by prefix, accents and case fold, emoji match (model/search.h).
SearchPart search_part(const GratitudeFilter& f) {
    std::string needle = trim(f.search);
    if (needle.empty()) return {};
    if (auto q = fts_query(needle)) return {kFromIndex, kIndexed, *q};
    return {kFrom, kLiteral, needle};
}

std::string where_of(const SearchPart& p) { return std::string(p.from) + kWhere + p.clause; }

// The search index's rowid of the first text of day `d`: its julian day
// number (as SQLite's CAST(julianday(day) AS INTEGER)) * 2^24.
int64_t index_day(Date d) {
    const int64_t jd = 2440587 + std::chrono::sys_days(d).time_since_epoch().count();
    return jd * 16777216;
}

void bind_filter(Statement& st, const GratitudeFilter& f, const SearchPart& p) {
    if (f.week) {
        Date mon = week_start(*f.week);
        st.bind(1, format_date(mon)).bind(2, format_date(add_days(mon, 6)));
    }
    if (f.from_slot) st.bind(3, *f.from_slot);
    if (f.category_id) st.bind(4, *f.category_id);
    if (!p.bound.empty()) st.bind(5, p.bound);
    if (p.clause == kIndexed) {
        if (f.week) {
            Date mon = week_start(*f.week);
            st.bind(8, index_day(mon)).bind(9, index_day(add_days(mon, 7)));
        } else {
            st.bind(8, int64_t(0)).bind(9, std::numeric_limits<int64_t>::max());
        }
    }
}
} // namespace

GratitudeLog::GratitudeLog(Database& db, const Clock& clock, const Couple& couple, const GratitudeCategories& categories)
    : db_(db), clock_(clock), couple_(couple), categories_(categories) {}

SaveResult GratitudeLog::validate(const GratitudeDraft& d) const {
    if (!couple_.is_set_up()) return SaveResult::refused("from", "Set up both partners first.");
    if (d.from_slot != 0 && d.from_slot != 1) return SaveResult::refused("from", "Choose who the appreciation is from.");
    if (trim(d.text).empty()) return SaveResult::refused("text", "Write what you appreciate; an empty note can't be saved.");
    if (!is_valid_utf8(d.text)) return SaveResult::refused("text", "The text is not valid UTF-8 and was not saved.");
    if (auto n = codepoint_count(d.text); n > kMaxGratitudeChars)
        return SaveResult::refused("text", "That is " + std::to_string(n) + " characters; the limit is " +
                                               std::to_string(kMaxGratitudeChars) + ".");
    if (!d.day.ok()) return SaveResult::refused("day", "Choose a real calendar day.");
    if (d.category_id && !categories_.exists(*d.category_id))
        return SaveResult::refused("category", "That category no longer exists.");
    return SaveResult::success({});
}

void GratitudeLog::insert(const GratitudeEntry& e) {
    db_.prepare("INSERT INTO gratitude(id, from_partner, to_partner, text, day, category_id, shared_in_review, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, e.id).bind(2, couple_.partner(e.from_slot).id).bind(3, couple_.partner(e.to_slot).id)
        .bind(4, e.text).bind(5, format_date(e.day)).bind(6, e.category_id).bind(7, e.shared_in_review)
        .bind(8, e.created_at).bind(9, e.updated_at).run();
    ++revision_;
}

SaveResult GratitudeLog::add(const GratitudeDraft& d) {
    if (auto r = validate(d); !r.ok()) return r;
    GratitudeEntry e;
    e.id = new_uuid();
    e.from_slot = d.from_slot;
    e.to_slot = 1 - d.from_slot;
    e.text = d.text;
    e.day = d.day;
    e.category_id = d.category_id;
    e.shared_in_review = d.shared_in_review;
    e.created_at = e.updated_at = format_utc(clock_.now());
    insert(e);
    return SaveResult::success(e.id);
}

SaveResult GratitudeLog::update(const std::string& id, const GratitudeDraft& d) {
    if (auto r = validate(d); !r.ok()) return r;
    db_.prepare("UPDATE gratitude SET from_partner = ?2, to_partner = ?3, text = ?4, day = ?5, category_id = ?6,"
                " shared_in_review = ?7, updated_at = ?8 WHERE id = ?1")
        .bind(1, id).bind(2, couple_.partner(d.from_slot).id).bind(3, couple_.partner(1 - d.from_slot).id)
        .bind(4, d.text).bind(5, format_date(d.day)).bind(6, d.category_id).bind(7, d.shared_in_review)
        .bind(8, format_utc(clock_.now())).run();
    if (db_.changes() == 0) return SaveResult::refused("id", "That appreciation no longer exists.");
    ++revision_;
    return SaveResult::success(id);
}

SaveResult GratitudeLog::set_shared(const std::string& id, bool shared) {
    db_.prepare("UPDATE gratitude SET shared_in_review = ?2, updated_at = ?3 WHERE id = ?1 AND shared_in_review <> ?2")
        .bind(1, id).bind(2, shared).bind(3, format_utc(clock_.now())).run();
    ++revision_;
    return SaveResult::success(id);
}

bool GratitudeLog::remove(const std::string& id) {
    auto e = get(id);
    if (!e) return false;
    db_.prepare("DELETE FROM gratitude WHERE id = ?1").bind(1, id).run();
    removed_.push_back(std::move(*e));
    if (removed_.size() > kUndoDepth) removed_.erase(removed_.begin());
    ++revision_;
    return true;
}

std::optional<std::string> GratitudeLog::undo_remove() {
    if (removed_.empty()) return std::nullopt;
    GratitudeEntry e = removed_.back();
    // Same id, text and creation time, but changed now: the deletion may have
    // travelled in a backup already, and a copy no newer than the deleted one
    // would be deleted again by it (backup.cpp: newer wins over a deletion).
    e.updated_at = format_utc(clock_.now());
    insert(e);
    removed_.pop_back();
    return e.id;
}

std::optional<GratitudeEntry> GratitudeLog::get(const std::string& id) {
    auto& st = db_.prepare(std::string("SELECT ") + kColumns +
                           " FROM gratitude g JOIN partner pf ON pf.id = g.from_partner"
                           " JOIN partner pt ON pt.id = g.to_partner WHERE g.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    auto e = read_entry(st);
    st.reset();
    return e;
}

namespace {
// A search with no other filter than the week is answered by the index alone:
// its rowids run by day, so counting needs no row of gratitude and a page
// reads only its own rows (ten years of "c" stay in milliseconds).
constexpr const char* kIndexOnly =
    " FROM search s CROSS JOIN search_doc d"
    " WHERE search MATCH ?5 AND s.rowid BETWEEN ?8 AND ?9 AND d.id = s.rowid AND d.kind = 0";

bool index_only(const GratitudeFilter& f, const SearchPart& p) {
    return p.clause == kIndexed && !f.from_slot && !f.category_id;
}
} // namespace

int GratitudeLog::count(const GratitudeFilter& f) {
    auto part = search_part(f);
    auto& st = db_.prepare(index_only(f, part) ? std::string("SELECT count(*)") + kIndexOnly
                                               : "SELECT count(*)" + where_of(part));
    bind_filter(st, f, part);
    st.step();
    int n = int(st.integer(0));
    st.reset();
    return n;
}

std::vector<GratitudeEntry> GratitudeLog::page(const GratitudeFilter& f, int offset, int limit) {
    auto part = search_part(f);
    auto& st = index_only(f, part)
                   ? db_.prepare(std::string("SELECT ") + kColumns + " FROM (SELECT s.rowid AS doc, d.row_id AS row_id" +
                                 kIndexOnly + " ORDER BY s.rowid DESC LIMIT ?6 OFFSET ?7) h"
                                 " CROSS JOIN gratitude g JOIN partner pf ON pf.id = g.from_partner"
                                 " JOIN partner pt ON pt.id = g.to_partner"
                                 " WHERE g.id = h.row_id"
                                 " ORDER BY h.doc DESC")
                   : db_.prepare(std::string("SELECT ") + kColumns + where_of(part) +
                                 " ORDER BY g.day DESC, g.created_at DESC, g.id DESC LIMIT ?6 OFFSET ?7");
    bind_filter(st, f, part);
    st.bind(6, limit).bind(7, offset);
    std::vector<GratitudeEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

GratitudeWeek GratitudeLog::week(Date any_day, int newest) {
    GratitudeWeek w;
    w.monday = week_start(any_day);
    auto& st = db_.prepare("SELECT pf.slot, count(*) FROM gratitude g JOIN partner pf ON pf.id = g.from_partner"
                           " WHERE g.day BETWEEN ?1 AND ?2 GROUP BY pf.slot");
    st.bind(1, format_date(w.monday)).bind(2, format_date(add_days(w.monday, 6)));
    while (st.step()) {
        int slot = int(st.integer(0));
        if (slot == 0 || slot == 1) w.given[slot] = int(st.integer(1));
    }
    GratitudeFilter f;
    f.week = w.monday;
    w.newest = page(f, 0, newest);
    if (w.given[0] != w.given[1]) w.invite_slot = w.given[0] < w.given[1] ? 0 : 1;
    return w;
}

} // namespace hearth
