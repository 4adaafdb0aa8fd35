#include "backup.h"

#include "setting_keys.h"
// Backups are schema-driven: tables come from sqlite_master, columns, declared
// types, NOT NULL and primary keys from PRAGMA table_info, so a migration that
// adds a table or a column needs no change here. See docs/backup-format.md.
//
// Import never writes to the target until the whole file has been checked:
//  1. the file is read (regular files only, bounded size) and parsed as JSON,
//     nesting bounded before parsing (position of the first problem reported);
//  2. the envelope (format, format_version, schema_version, tables) is checked;
//  3. every row is checked against the schema *of the backup's version* and
//     loaded into a private in-memory database migrated to that version, which
//     enforces CHECK and UNIQUE rules and catches duplicate ids;
//  4. that database is migrated to the latest schema;
//  5. its rows are merged into the target in one transaction, foreign keys
//     deferred and checked before commit: deletions (deleted_row) first, then
//     parents before children; a row is matched by id or natural key (UNIQUE
//     constraints from PRAGMA index_list), and one total order (RowOrder)
//     picks the copy kept, so exchanges in any order converge.
#include "atomic_file.h"
#include "file_read.h"
#include "json_read.h"
#include "schema.h"
#include "time_util.h"
#include "utf8.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>


namespace hearth {

namespace {

constexpr std::string_view kFormat = "hearth-backup";
constexpr int kFormatVersion = 1;

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// Schema introspection

// What a column holds, from its declared type (SQLite's affinity rules).
enum class Kind { Integer, Text, Real, Blob, Any };

struct Column {
    std::string name;
    std::string declared;
    Kind kind = Kind::Any;
    bool not_null = false;
    int pk = 0;  // position in the primary key, 0 if not part of it
};

struct Table {
    std::string name;
    std::vector<Column> columns;
    int pk = -1;          // index of the single primary-key column, -1 if none
    int updated_at = -1;  // index of updated_at, -1 if none

    int index_of(std::string_view col) const {
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == col) return int(i);
        return -1;
    }
};

Kind kind_of(std::string declared) {
    std::transform(declared.begin(), declared.end(), declared.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    auto has = [&](const char* s) { return declared.find(s) != std::string::npos; };
    if (has("INT")) return Kind::Integer;
    if (has("CHAR") || has("CLOB") || has("TEXT")) return Kind::Text;
    if (has("BLOB")) return Kind::Blob;
    if (has("REAL") || has("FLOA") || has("DOUB")) return Kind::Real;
    return Kind::Any;
}

std::string quoted_ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Every ordinary table, sorted by name; SQLite's own tables, virtual tables
// (full-text indexes) and their shadow tables are derived data and left out.
std::vector<Table> read_schema(Database& db) {
    std::vector<std::string> names, virtuals;
    {
        auto& st = db.prepare(
            "SELECT name, coalesce(sql, '') LIKE 'CREATE VIRTUAL%' FROM sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        while (st.step()) (st.integer(1) ? virtuals : names).push_back(st.text(0));
    }
    std::vector<Table> out;
    for (const auto& name : names) {
        bool shadow = std::any_of(virtuals.begin(), virtuals.end(), [&](const std::string& v) {
            return name.size() > v.size() && name.compare(0, v.size(), v) == 0 && name[v.size()] == '_';
        });
        if (shadow) continue;
        Table t;
        t.name = name;
        auto& st = db.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid");
        st.bind(1, name);
        int pk_columns = 0;
        while (st.step()) {
            Column c{st.text(0), st.text(1), kind_of(st.text(1)), st.integer(2) != 0, int(st.integer(3))};
            if (c.pk) {
                ++pk_columns;
                t.pk = int(t.columns.size());
            }
            if (c.name == "updated_at") t.updated_at = int(t.columns.size());
            t.columns.push_back(std::move(c));
        }
        st.reset();
        if (pk_columns != 1) t.pk = -1;
        out.push_back(std::move(t));
    }
    return out;
}

const Table* find_table(const std::vector<Table>& schema, std::string_view name) {
    for (const auto& t : schema)
        if (t.name == name) return &t;
    return nullptr;
}

std::string order_by(const Table& t) {
    std::vector<const Column*> pk;
    for (const auto& c : t.columns)
        if (c.pk) pk.push_back(&c);
    std::sort(pk.begin(), pk.end(), [](const Column* a, const Column* b) { return a->pk < b->pk; });
    if (pk.empty()) return " ORDER BY rowid";
    std::string s = " ORDER BY ";
    for (size_t i = 0; i < pk.size(); ++i) s += (i ? ", " : "") + quoted_ident(pk[i]->name);
    return s;
}

std::string column_list(const Table& t) {
    std::string s;
    for (size_t i = 0; i < t.columns.size(); ++i) s += (i ? ", " : "") + quoted_ident(t.columns[i].name);
    return s;
}

// ---------------------------------------------------------------------------
// Values

// One SQLite value, carried from the staging database into the target.
struct Cell {
    int type = SQLITE_NULL;
    int64_t i = 0;
    double d = 0;
    std::string s;  // text or blob bytes
};

Cell read_cell(Statement& st, int col) {
    Cell c;
    c.type = st.column_type(col);
    switch (c.type) {
    case SQLITE_INTEGER: c.i = st.integer(col); break;
    case SQLITE_FLOAT: c.d = st.real(col); break;
    case SQLITE_TEXT: c.s = st.text(col); break;
    case SQLITE_BLOB: {
        auto p = static_cast<const char*>(sqlite3_column_blob(st.raw(), col));
        c.s.assign(p ? p : "", size_t(sqlite3_column_bytes(st.raw(), col)));
        break;
    }
    default: break;
    }
    return c;
}

void bind_cell(Statement& st, int i, const Cell& c) {
    switch (c.type) {
    case SQLITE_INTEGER: st.bind(i, c.i); break;
    case SQLITE_FLOAT: st.bind(i, c.d); break;
    case SQLITE_TEXT: st.bind(i, std::string_view(c.s)); break;
    case SQLITE_BLOB:
        if (sqlite3_bind_blob64(st.raw(), i, c.s.data(), c.s.size(), SQLITE_TRANSIENT) != SQLITE_OK)
            throw DbError("binding blob");
        break;
    default: st.bind_null(i); break;
    }
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        uint32_t v = uint32_t(uint8_t(in[i])) << 16 | uint32_t(uint8_t(in[i + 1])) << 8 | uint8_t(in[i + 2]);
        for (int k = 18; k >= 0; k -= 6) out += kB64[(v >> k) & 63];
    }
    if (i < in.size()) {
        uint32_t v = uint32_t(uint8_t(in[i])) << 16;
        if (i + 1 < in.size()) v |= uint32_t(uint8_t(in[i + 1])) << 8;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view in) {
    if (in.size() % 4) return std::nullopt;
    std::string out;
    uint32_t v = 0;
    int bits = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '=') {
            if (i + 2 < in.size() || (i + 1 < in.size() && in[i + 1] != '=')) return std::nullopt;
            break;
        }
        const char* p = std::strchr(kB64, c);
        if (!p || c == '\0') return std::nullopt;
        v = (v << 6) | uint32_t(p - kB64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((v >> bits) & 0xFF);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// Messages

const char* json_kind(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "something else";
    }
}

const char* expected_for(Kind k) {
    switch (k) {
    case Kind::Integer: return "an integer";
    case Kind::Text: return "a string";
    case Kind::Real: return "a number";
    case Kind::Blob: return "a base64 string";
    case Kind::Any: return "a number or a string";
    }
    return "a value";
}

// Text safe to put in a message: invalid UTF-8 bytes become \xNN.
std::string printable(std::string_view s) {
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = uint8_t(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len && i + len <= s.size() && is_valid_utf8(s.substr(i, len))) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
            ++i;
        }
    }
    return out;
}

// A value from the file, shortened for a message.
std::string shown(const Json& v) {
    std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (codepoint_count(s) > 60) {
        size_t cut = 0, n = 0;
        while (cut < s.size() && n < 57) {
            ++cut;
            while (cut < s.size() && (uint8_t(s[cut]) & 0xC0) == 0x80) ++cut;
            ++n;
        }
        s = s.substr(0, cut) + "...";
    }
    return s;
}

std::string row_path(const std::string& table, size_t index) {
    return "tables." + table + "[" + std::to_string(index) + "]";
}

std::string cell_text(const Cell& c) {
    switch (c.type) {
    case SQLITE_INTEGER: return std::to_string(c.i);
    case SQLITE_FLOAT: return std::to_string(c.d);
    case SQLITE_TEXT: return "\"" + printable(c.s) + "\"";
    case SQLITE_NULL: return "null";
    default: return "(binary)";
    }
}

// ---------------------------------------------------------------------------
// What a value means, from its column's name (the conventions of
// model/schema.cpp), so every time, day and duration a backup brings is
// range-checked before anything is written, and a new column following the
// conventions is checked without a change here.

enum class Meaning { none, utc_time, day, iso_week, time_of_day, millis, minutes, weeks, durations_json };

Meaning meaning_of(std::string_view col, Kind kind) {
    auto ends = [&](std::string_view suffix) { return col.size() >= suffix.size() && col.substr(col.size() - suffix.size()) == suffix; };
    if (ends("_at")) return Meaning::utc_time;
    if (col == "day" || col == "until" || ends("_day")) return Meaning::day;
    if (col == "week") return Meaning::iso_week;
    // "returned_on_time" is a yes/no, not a time: times of day are text.
    if (ends("_time") && kind == Kind::Text) return Meaning::time_of_day;
    if (ends("_ms")) return Meaning::millis;
    if (ends("_minutes")) return Meaning::minutes;
    if (ends("_weeks")) return Meaning::weeks;
    if (ends("durations_json")) return Meaning::durations_json;
    return Meaning::none;
}

// Bounds wide enough for anything Hearth writes (a break chain is at most a
// day, a one-off plan a week, a ritual every 52 weeks) and small enough that no
// sum or product of them can overflow a 64-bit count of nanoseconds.
constexpr int64_t kMaxMillis = int64_t(366) * 24 * 3600 * 1000;  // a year
constexpr int64_t kMaxMinutes = 7 * 24 * 60;                      // a week
constexpr int64_t kMaxWeeks = 52;

bool valid_time_of_day(std::string_view s) {
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return false;
    int h = 0, m = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == colon) continue;
        if (s[i] < '0' || s[i] > '9') return false;
        (i < colon ? h : m) = (i < colon ? h : m) * 10 + (s[i] - '0');
    }
    return h <= 23 && m <= 59;
}

const std::string kRange = std::to_string(kFirstYear) + "-01-01 to " + std::to_string(kLastYear) + "-12-31";

// Why `c` (already of the column's type) is out of range, or "" when it is fine.
std::string out_of_range(Meaning m, const Cell& c) {
    if (c.type == SQLITE_NULL) return "";
    auto integer_in = [&](int64_t max, const char* unit) -> std::string {
        if (c.type == SQLITE_INTEGER && c.i >= 0 && c.i <= max) return "";
        return std::string("expected ") + unit + " from 0 to " + std::to_string(max);
    };
    switch (m) {
    case Meaning::none: return "";
    case Meaning::utc_time:
        if (c.type == SQLITE_TEXT && parse_utc(c.s)) return "";
        return "expected a UTC time from " + kRange + " like \"2026-11-22T18:34:57.123Z\"";
    case Meaning::day:
        if (c.type == SQLITE_TEXT && parse_date(c.s)) return "";
        return "expected a day from " + kRange + " like \"2026-09-21\"";
    case Meaning::iso_week:
        if (c.type == SQLITE_TEXT && parse_iso_week(c.s)) return "";
        return "expected an ISO week from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) +
               " like \"2026-W39\"";
    case Meaning::time_of_day:
        if (c.type == SQLITE_TEXT && valid_time_of_day(c.s)) return "";
        return "expected a time of day from 0:00 to 23:59 like \"19:00\"";
    case Meaning::millis: return integer_in(kMaxMillis, "milliseconds");
    case Meaning::minutes: return integer_in(kMaxMinutes, "minutes");
    case Meaning::weeks: return integer_in(kMaxWeeks, "weeks");
    case Meaning::durations_json: {
        const std::string why = "expected a JSON object of step lengths in milliseconds from 0 to " +
                                std::to_string(kMaxMillis);
        if (c.type != SQLITE_TEXT) return why;
        try {
            auto j = parse_json_bounded(c.s);
            if (!j.is_object()) return why;
            for (const auto& [k, v] : j.items()) {
                (void)k;
                if (!v.is_number_integer() || (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(kMaxMillis)
                                                                       : v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxMillis))
                    return why;
            }
            return "";
        } catch (const std::exception&) {
            return why;
        }
    }
    }
    return "";
}

// ---------------------------------------------------------------------------
// Export

template <class J>
J build_backup(Database& db, const Clock& clock) {
    J out = J::object();
    out["format"] = std::string(kFormat);
    out["format_version"] = kFormatVersion;
    out["schema_version"] = db.user_version();
    out["exported_at"] = format_utc(clock.now());
    J tables = J::object();
    for (const auto& t : read_schema(db)) {
        J rows = J::array();
        auto& st = db.prepare("SELECT " + column_list(t) + " FROM " + quoted_ident(t.name) + order_by(t));
        while (st.step()) {
            if (t.name == "setting" && t.pk >= 0 && is_device_setting_key(st.text(t.pk))) continue;
            J row = J::object();
            for (size_t i = 0; i < t.columns.size(); ++i) {
                const Column& c = t.columns[i];
                int col = int(i);
                switch (st.column_type(col)) {
                case SQLITE_INTEGER: row[c.name] = st.integer(col); break;
                case SQLITE_FLOAT: row[c.name] = st.real(col); break;
                case SQLITE_TEXT: {
                    std::string s = st.text(col);
                    if (!is_valid_utf8(s)) {
                        std::string where = t.pk >= 0 ? " row " + cell_text(read_cell(st, t.pk)) : "";
                        st.reset();
                        throw BackupError("table " + t.name + where + ": column " + c.name +
                                          " holds text that is not valid UTF-8 (\"" + printable(s) + "\")");
                    }
                    row[c.name] = std::move(s);
                    break;
                }
                case SQLITE_BLOB: row[c.name] = base64_encode(read_cell(st, col).s); break;
                default: row[c.name] = nullptr; break;
                }
            }
            rows.push_back(std::move(row));
        }
        tables[t.name] = std::move(rows);
    }
    out["tables"] = std::move(tables);
    return out;
}

// ---------------------------------------------------------------------------
// Import: checking the file against a schema and staging its rows

struct Staging {
    Database db;
    int version;
};

class Checker {
public:
    explicit Checker(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& what) const { throw BackupError(source_ + ": " + what); }

    // Refuses `v` unless it fits column `c`; `path` names it in the file.
    Cell cell_for(const Column& c, bool is_pk, const Json& v, const std::string& path) const {
        Cell out;
        if (v.is_null()) {
            if (c.not_null || is_pk)
                fail(path + ": expected " + expected_for(c.kind) + ", found null (the column " + c.name +
                     " cannot be empty)");
            return out;
        }
        auto wrong = [&] { fail(path + ": expected " + expected_for(c.kind) + ", found " + json_kind(v)); };
        switch (c.kind) {
        case Kind::Integer:
            if (v.is_number_unsigned()) {
                if (v.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
                    fail(path + ": expected an integer, found " + shown(v) + ", which is too large");
                out.type = SQLITE_INTEGER;
                out.i = int64_t(v.get<uint64_t>());
            } else if (v.is_number_integer()) {
                out.type = SQLITE_INTEGER;
                out.i = v.get<int64_t>();
            } else if (v.is_number_float()) {
                fail(path + ": expected an integer, found a number with a fraction (" + shown(v) + ")");
            } else {
                wrong();
            }
            break;
        case Kind::Text:
            if (!v.is_string()) wrong();
            out.type = SQLITE_TEXT;
            out.s = v.get<std::string>();
            break;
        case Kind::Real:
            if (!v.is_number()) wrong();
            out.type = SQLITE_FLOAT;
            out.d = v.get<double>();
            break;
        case Kind::Blob: {
            if (!v.is_string()) wrong();
            auto bytes = base64_decode(v.get_ref<const std::string&>());
            if (!bytes) fail(path + ": expected base64 text, found " + shown(v));
            out.type = SQLITE_BLOB;
            out.s = std::move(*bytes);
            break;
        }
        case Kind::Any:
            if (v.is_number_integer() && !v.is_number_unsigned()) {
                out.type = SQLITE_INTEGER;
                out.i = v.get<int64_t>();
            } else if (v.is_number()) {
                out.type = SQLITE_FLOAT;
                out.d = v.get<double>();
            } else if (v.is_string()) {
                out.type = SQLITE_TEXT;
                out.s = v.get<std::string>();
            } else {
                wrong();
            }
            break;
        }
        return out;
    }

    int check_envelope(const Json& j) const {
        if (!j.is_object())
            fail(std::string("expected a JSON object at the top level, found ") + json_kind(j) +
                 "; this is not a Hearth backup");
        auto format = j.find("format");
        if (format == j.end()) fail("not a Hearth backup (it has no \"format\": \"hearth-backup\" field)");
        if (!format->is_string() || format->get_ref<const std::string&>() != kFormat)
            fail("not a Hearth backup (format: expected \"hearth-backup\", found " + shown(*format) + ")");

        auto fv = j.find("format_version");
        if (fv == j.end()) fail("format_version: missing (expected " + std::to_string(kFormatVersion) + ")");
        if (!fv->is_number_integer()) fail(std::string("format_version: expected an integer, found ") + json_kind(*fv));
        if (fv->is_number_unsigned() ? fv->get<uint64_t>() != uint64_t(kFormatVersion)
                                     : fv->get<int64_t>() != kFormatVersion)
            fail("format_version: unsupported backup format version " + shown(*fv) + " (this Hearth reads version " +
                 std::to_string(kFormatVersion) + (fv->get<double>() > kFormatVersion ? "; it was probably written by a newer Hearth)" : ")"));

        auto sv = j.find("schema_version");
        if (sv == j.end()) fail("schema_version: missing");
        if (!sv->is_number_integer()) fail(std::string("schema_version: expected an integer, found ") + json_kind(*sv));
        const int latest = latest_schema_version();
        const int first = migrations().front().version;
        if (sv->is_number_unsigned() ? sv->get<uint64_t>() > uint64_t(latest) : sv->get<int64_t>() > latest)
            fail("written by a newer Hearth (schema_version " + shown(*sv) + "; this Hearth knows up to " +
                 std::to_string(latest) + "). Update Hearth, then import it again");
        int64_t version = sv->get<int64_t>();
        if (version < first)
            fail("schema_version: expected a schema version from " + std::to_string(first) + " to " +
                 std::to_string(latest) + ", found " + std::to_string(version));

        auto ea = j.find("exported_at");
        if (ea != j.end() && !ea->is_string())
            fail(std::string("exported_at: expected a string, found ") + json_kind(*ea));

        auto tables = j.find("tables");
        if (tables == j.end()) fail("tables: missing (a backup holds its rows under \"tables\")");
        if (!tables->is_object()) fail(std::string("tables: expected an object, found ") + json_kind(*tables));
        return int(version);
    }

    // Checks every row against `schema` (the backup's own version) and inserts
    // it into the staging database, which enforces CHECK and UNIQUE rules.
    void stage(Database& tmp, const std::vector<Table>& schema, const Json& tables, int version) const {
        for (const auto& [name, rows] : tables.items()) {
            if (!find_table(schema, name)) {
                std::string known;
                for (const auto& t : schema) known += (known.empty() ? "" : ", ") + t.name;
                fail("tables." + printable(name) + ": unknown table (a schema " + std::to_string(version) +
                     " backup has: " + known + ")");
            }
        }
        Transaction tx(tmp);
        for (const auto& t : schema) {
            auto it = tables.find(t.name);
            if (it == tables.end())
                fail("tables." + t.name + ": missing (a complete backup lists every table, [] when empty)");
            if (!it->is_array())
                fail("tables." + t.name + ": expected an array of rows, found " + json_kind(*it));
            if (t.pk < 0 || t.updated_at < 0)
                fail("table " + t.name + " has no single primary key or no updated_at column, so it cannot be merged");

            std::string params;
            for (size_t i = 0; i < t.columns.size(); ++i) params += (i ? ", ?" : "?") + std::to_string(i + 1);
            auto& insert = tmp.prepare("INSERT INTO " + quoted_ident(t.name) + " (" + column_list(t) + ") VALUES (" +
                                       params + ")");
            std::map<std::string, size_t> seen;  // primary key (as JSON text) -> first row index
            size_t index = 0;
            for (const auto& row : *it) {
                const std::string path = row_path(t.name, index);
                if (!row.is_object()) fail(path + ": expected an object, found " + json_kind(row));
                for (const auto& [col, value] : row.items()) {
                    (void)value;
                    if (t.index_of(col) < 0) {
                        std::string known;
                        for (const auto& c : t.columns) known += (known.empty() ? "" : ", ") + c.name;
                        fail(path + "." + printable(col) + ": unknown column (" + t.name + " has: " + known + ")");
                    }
                }
                insert.reset();
                for (size_t i = 0; i < t.columns.size(); ++i) {
                    const Column& c = t.columns[i];
                    auto v = row.find(c.name);
                    if (v == row.end()) fail(path + ": missing column \"" + c.name + "\"");
                    Cell cell = cell_for(c, int(i) == t.pk, *v, path + "." + c.name);
                    if (auto why = out_of_range(meaning_of(c.name, c.kind), cell); !why.empty()) {
                        auto pk = row.find(t.columns[size_t(t.pk)].name);
                        fail(path + "." + c.name + ": " + why + ", found " + shown(*v) + " (row " +
                             t.columns[size_t(t.pk)].name + " " + (pk == row.end() ? "?" : shown(*pk)) + ")");
                    }
                    if (int(i) == t.pk) {
                        auto [prev, fresh] = seen.emplace(v->dump(), index);
                        if (!fresh)
                            fail(path + "." + c.name + ": " + shown(*v) + " appears twice in the backup (first at " +
                                 row_path(t.name, prev->second) + ")");
                    }
                    bind_cell(insert, int(i) + 1, cell);
                }
                try {
                    insert.run();
                } catch (const DbError& e) {
                    fail(path + " (" + t.columns[size_t(t.pk)].name + " " + shown(row.at(t.columns[size_t(t.pk)].name)) +
                         "): the row breaks a rule of the database: " + e.what());
                }
                ++index;
            }
            insert.reset();
        }
        tx.commit();
    }

    const std::string& source() const { return source_; }

private:
    std::string source_;
};

// ---------------------------------------------------------------------------
// Import: merging the staged rows into the target

using FkViolation = std::tuple<std::string, int64_t, int64_t>;  // table, rowid, fk id

std::vector<FkViolation> fk_violations(Database& db) {
    std::vector<FkViolation> out;
    auto& st = db.prepare("PRAGMA foreign_key_check");
    while (st.step()) out.emplace_back(st.text(0), st.is_null(1) ? -1 : st.integer(1), st.integer(3));
    st.reset();
    return out;
}

std::string describe_fk(Database& db, const Table& t, int64_t rowid, int64_t fk_id) {
    std::string id = "?";
    std::string from, parent, to, value = "?";
    {
        auto& st = db.prepare("SELECT \"from\", \"table\", coalesce(\"to\", '') FROM pragma_foreign_key_list(?1) "
                              "WHERE id = ?2 ORDER BY seq");
        st.bind(1, t.name).bind(2, fk_id);
        if (st.step()) {
            from = st.text(0);
            parent = st.text(1);
            to = st.text(2);
        }
        st.reset();
    }
    if (rowid >= 0 && t.pk >= 0) {
        std::string cols = quoted_ident(t.columns[size_t(t.pk)].name);
        if (!from.empty()) cols += ", " + quoted_ident(from);
        auto& st = db.prepare("SELECT " + cols + " FROM " + quoted_ident(t.name) + " WHERE rowid = ?1");
        st.bind(1, rowid);
        if (st.step()) {
            id = cell_text(read_cell(st, 0));
            if (!from.empty()) value = cell_text(read_cell(st, 1));
        }
        st.reset();
    }
    return "tables." + t.name + " row " + id + ": " + from + " refers to " + parent + (to.empty() ? "" : "." + to) +
           " " + value + ", which is neither in the backup nor in this database";
}

// A backup of another couple must not be mixed into ours: their partners would
// take our slots, or their entries would point at people who are not here.
void check_same_couple(Database& db, Database& tmp, const Checker& check) {
    const auto target = read_schema(db);
    const Table* partner = find_table(target, "partner");
    if (!partner || partner->index_of("slot") < 0 || partner->index_of("name") < 0 || partner->pk < 0) return;
    const std::string sql = "SELECT " + quoted_ident(partner->columns[size_t(partner->pk)].name) +
                            ", slot, name FROM partner ORDER BY slot";
    std::map<int64_t, std::string> ours;
    {
        auto& st = db.prepare(sql);
        while (st.step()) ours[st.integer(1)] = st.text(0);
    }
    if (ours.empty()) return;
    std::vector<std::string> names;
    bool differs = false;
    auto& st = tmp.prepare(sql);
    while (st.step()) {
        names.push_back(st.text(2));
        auto it = ours.find(st.integer(1));
        if (it != ours.end() && it->second != st.text(0)) differs = true;
    }
    st.reset();
    if (!differs) return;
    std::string couple;
    for (size_t i = 0; i < names.size(); ++i) couple += (i ? " & " : "") + printable(names[i]);
    check.fail("this backup belongs to a different couple: " + couple +
               ". Nothing was imported; open it with a separate database (--db FILE) instead");
}

// ---------------------------------------------------------------------------
// Which of two copies of one row wins (docs/backup-format.md, "How an import
// merges"). A total order, so the merge gives the same result whatever the
// order of the imports:
//  1. a copy the couple touched beats a built-in row as seeded (builtin = 1
//     and updated_at = created_at), so a fresh install's seeds never win
//     over a restored backup;
//  2. touched copies: the later updated_at wins; two seeded copies: the
//     earlier seeding wins (the older install's);
//  3. a tie: the greater copy, comparing every column (id included).

std::optional<WallTime> time_of(const Cell& c) {
    if (c.type != SQLITE_TEXT) return std::nullopt;
    return parse_utc(c.s);
}

int compare_cells(const Cell& a, const Cell& b) {
    if (a.type != b.type) return a.type < b.type ? -1 : 1;
    switch (a.type) {
    case SQLITE_INTEGER: return a.i < b.i ? -1 : a.i > b.i;
    case SQLITE_FLOAT: return a.d < b.d ? -1 : a.d > b.d;
    case SQLITE_TEXT:
    case SQLITE_BLOB: return a.s.compare(b.s) < 0 ? -1 : a.s.compare(b.s) > 0;
    default: return 0;
    }
}

int compare_times(const Cell& a, const Cell& b) {
    auto x = time_of(a), y = time_of(b);
    if (x && y) return *x < *y ? -1 : *x > *y;
    if (x || y) return x ? 1 : -1;  // a readable time beats one that is not
    return 0;
}

struct RowOrder {
    int updated_at = -1, created_at = -1, builtin = -1;

    explicit RowOrder(const Table& t)
        : updated_at(t.updated_at), created_at(t.index_of("created_at")), builtin(t.index_of("builtin")) {}

    bool seeded(const std::vector<Cell>& r) const {
        return builtin >= 0 && created_at >= 0 && r[size_t(builtin)].type == SQLITE_INTEGER && r[size_t(builtin)].i == 1 &&
               compare_cells(r[size_t(created_at)], r[size_t(updated_at)]) == 0;
    }

    // > 0 when `a` wins over `b`, 0 when they are the same copy.
    int compare(const std::vector<Cell>& a, const std::vector<Cell>& b) const {
        const bool sa = seeded(a), sb = seeded(b);
        if (sa != sb) return sa ? -1 : 1;
        int c = sa ? -compare_times(a[size_t(created_at)], b[size_t(created_at)])
                   : compare_times(a[size_t(updated_at)], b[size_t(updated_at)]);
        if (c) return c;
        for (size_t i = 0; i < a.size(); ++i)
            if (int d = compare_cells(a[i], b[i])) return d;
        return 0;
    }
};

// ---------------------------------------------------------------------------
// Natural keys and links, read from the schema

struct Link {        // a foreign key of one column
    std::string from;  // column of the child
    std::string parent;
    bool blocks_delete;  // NO ACTION / RESTRICT: the parent cannot go while referred to
};

struct TableInfo {
    const Table* table = nullptr;
    std::vector<std::vector<int>> unique_keys;  // column indexes of each UNIQUE constraint besides the primary key
    std::vector<Link> links;
};

std::map<std::string, TableInfo> table_infos(Database& db, const std::vector<Table>& schema) {
    std::map<std::string, TableInfo> out;
    for (const auto& t : schema) {
        TableInfo& info = out[t.name];
        info.table = &t;
        std::vector<std::string> indexes;
        {
            auto& st = db.prepare("SELECT name FROM pragma_index_list(?1) WHERE \"unique\" AND origin <> 'pk' AND NOT partial "
                                  "ORDER BY name");
            st.bind(1, t.name);
            while (st.step()) indexes.push_back(st.text(0));
        }
        for (const auto& index : indexes) {
            std::vector<int> cols;
            auto& st = db.prepare("SELECT coalesce(name, '') FROM pragma_index_info(?1) ORDER BY seqno");
            st.bind(1, index);
            bool plain = true;
            while (st.step()) {
                int i = t.index_of(st.text(0));
                if (i < 0) plain = false;  // an expression: not a key we can match on
                cols.push_back(i);
            }
            if (plain && !cols.empty()) info.unique_keys.push_back(std::move(cols));
        }
        auto& st = db.prepare("SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list(?1) "
                              "WHERE id IN (SELECT id FROM pragma_foreign_key_list(?1) GROUP BY id HAVING count(*) = 1) "
                              "ORDER BY id");
        st.bind(1, t.name);
        while (st.step()) {
            const std::string action = st.text(2);
            info.links.push_back({st.text(0), st.text(1), action == "NO ACTION" || action == "RESTRICT"});
        }
    }
    return out;
}

// Parents before children (a link to itself or a cycle does not order).
std::vector<const Table*> parents_first(const std::vector<Table>& schema, const std::map<std::string, TableInfo>& infos) {
    std::vector<const Table*> out;
    std::set<std::string> placed;
    while (out.size() < schema.size()) {
        bool progress = false;
        for (const auto& t : schema) {
            if (placed.count(t.name)) continue;
            bool ready = true;
            for (const auto& l : infos.at(t.name).links)
                if (l.parent != t.name && !placed.count(l.parent) && infos.count(l.parent)) ready = false;
            if (!ready) continue;
            out.push_back(&t);
            placed.insert(t.name);
            progress = true;
        }
        if (!progress)  // a cycle: the rest in name order
            for (const auto& t : schema)
                if (placed.insert(t.name).second) out.push_back(&t);
    }
    return out;
}

std::vector<std::vector<Cell>> all_rows(Database& db, const Table& t, const std::string& where = "",
                                        const Cell* arg = nullptr) {
    std::vector<std::vector<Cell>> out;
    auto& st = db.prepare("SELECT " + column_list(t) + " FROM " + quoted_ident(t.name) + where + order_by(t));
    if (arg) bind_cell(st, 1, *arg);
    while (st.step()) {
        std::vector<Cell> r;
        r.reserve(t.columns.size());
        for (size_t i = 0; i < t.columns.size(); ++i) r.push_back(read_cell(st, int(i)));
        out.push_back(std::move(r));
    }
    st.reset();
    return out;
}

std::optional<std::vector<Cell>> row_by_pk(Database& db, const Table& t, const Cell& id) {
    auto rows = all_rows(db, t, " WHERE " + quoted_ident(t.columns[size_t(t.pk)].name) + " = ?1", &id);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

void drop_triggers(Database& tmp) {
    std::vector<std::string> names;
    {
        auto& st = tmp.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (st.step()) names.push_back(st.text(0));
    }
    for (const auto& n : names) tmp.exec("DROP TRIGGER " + quoted_ident(n));
}

bool same_value(const Cell& a, const Cell& b) { return compare_cells(a, b) == 0; }

constexpr std::string_view kDeletedRow = "deleted_row";

class Merger {
public:
    Merger(Database& db, Database& tmp, const Checker& check)
        : db_(db), tmp_(tmp), check_(check), target_(read_schema(db)), staged_(read_schema(tmp)),
          infos_(table_infos(db, target_)), has_deleted_row_(find_table(target_, kDeletedRow) != nullptr) {}

    ImportReport run() {
        Transaction tx(db_);
        db_.exec("PRAGMA defer_foreign_keys = ON");
        const auto before = fk_violations(db_);
        check_same_couple(db_, tmp_, check_);

        for (const auto& t : target_) {
            const Table* s = find_table(staged_, t.name);
            if (!s) continue;  // not in the backup's schema: nothing to add
            if (t.pk < 0 || t.updated_at < 0)
                check_.fail("table " + t.name + " has no single primary key or no updated_at column, so it cannot be merged");
            for (const auto& c : t.columns)
                if (s->index_of(c.name) < 0) check_.fail("table " + t.name + ": the upgraded backup has no column " + c.name);
        }
        // Deletions first, so a row the backup still holds but we deleted is
        // recognised; then parents before children, so a row matched by its
        // natural key is known before the rows that refer to it.
        const auto order = parents_first(target_, infos_);
        for (const Table* t : order)
            if (t->name == kDeletedRow && find_table(staged_, t->name)) merge_table(*t);
        for (const Table* t : order)
            if (t->name != kDeletedRow && find_table(staged_, t->name)) merge_table(*t);
        apply_deletions(order);
        restore_referred_rows(before);

        auto after = fk_violations(db_);
        for (const auto& v : after) {
            if (std::find(before.begin(), before.end(), v) != before.end()) continue;
            const Table* t = find_table(target_, std::get<0>(v));
            if (!t) check_.fail("a row of table " + std::get<0>(v) + " refers to a row that does not exist");
            check_.fail(describe_fk(db_, *t, std::get<1>(v), std::get<2>(v)));
        }
        tx.commit();
        return report_;
    }

private:
    // The deletion of `table`/`id` we hold, as the updated_at of the copy deleted.
    std::optional<Cell> deletion_of(const std::string& table, const Cell& id) {
        if (!has_deleted_row_ || id.type != SQLITE_TEXT) return std::nullopt;
        auto& st = db_.prepare("SELECT updated_at FROM deleted_row WHERE id = ?1");
        st.bind(1, table + "/" + id.s);
        std::optional<Cell> out;
        if (st.step()) out = read_cell(st, 0);
        st.reset();
        return out;
    }

    void forget_deletion(const std::string& table, const Cell& id) {
        if (!has_deleted_row_ || id.type != SQLITE_TEXT) return;
        db_.prepare("DELETE FROM deleted_row WHERE id = ?1").bind(1, table + "/" + id.s).run();
    }

    // Our rows that are the same row as `r`: by id, and by each natural key.
    std::vector<Cell> matches(const Table& t, const TableInfo& info, const std::vector<Cell>& r) {
        std::vector<Cell> out;
        auto add = [&](const Cell& id) {
            for (const auto& o : out)
                if (same_value(o, id)) return;
            out.push_back(id);
        };
        const std::string pk = quoted_ident(t.columns[size_t(t.pk)].name);
        {
            auto& st = db_.prepare("SELECT " + pk + " FROM " + quoted_ident(t.name) + " WHERE " + pk + " = ?1");
            bind_cell(st, 1, r[size_t(t.pk)]);
            if (st.step()) add(read_cell(st, 0));
            st.reset();
        }
        for (const auto& key : info.unique_keys) {
            bool has_null = false;
            std::string where;
            for (size_t k = 0; k < key.size(); ++k) {
                if (r[size_t(key[k])].type == SQLITE_NULL) has_null = true;  // NULLs are never equal in a UNIQUE key
                where += (k ? " AND " : "") + quoted_ident(t.columns[size_t(key[k])].name) + " = ?" + std::to_string(k + 1);
            }
            if (has_null) continue;
            auto& st = db_.prepare("SELECT " + pk + " FROM " + quoted_ident(t.name) + " WHERE " + where);
            for (size_t k = 0; k < key.size(); ++k) bind_cell(st, int(k) + 1, r[size_t(key[k])]);
            while (st.step()) add(read_cell(st, 0));
            st.reset();
        }
        return out;
    }

    void write_row(const Table& t, const std::vector<Cell>& r, const Cell* replacing) {
        std::string params, sets;
        for (size_t i = 0; i < t.columns.size(); ++i) {
            params += (i ? ", ?" : "?") + std::to_string(i + 1);
            sets += (i ? ", " : "") + quoted_ident(t.columns[i].name) + " = ?" + std::to_string(i + 1);
        }
        const std::string table = quoted_ident(t.name);
        if (!replacing) {
            auto& st = db_.prepare("INSERT INTO " + table + " (" + column_list(t) + ") VALUES (" + params + ")");
            for (size_t i = 0; i < r.size(); ++i) bind_cell(st, int(i) + 1, r[i]);
            st.run();
            return;
        }
        auto& st = db_.prepare("UPDATE " + table + " SET " + sets + " WHERE " +
                               quoted_ident(t.columns[size_t(t.pk)].name) + " = ?" + std::to_string(r.size() + 1));
        for (size_t i = 0; i < r.size(); ++i) bind_cell(st, int(i) + 1, r[i]);
        bind_cell(st, int(r.size()) + 1, *replacing);
        st.run();
        const Cell& id = r[size_t(t.pk)];
        if (!same_value(id, *replacing)) {
            // The row keeps the winning copy's id: what refers to it follows.
            for (const auto& [child, info] : infos_)
                for (const auto& l : info.links)
                    if (l.parent == t.name)
                        relink(child, l.from, *replacing, id);
            forget_deletion(t.name, id);
        }
    }

    void relink(const std::string& child, const std::string& column, const Cell& from, const Cell& to) {
        auto& st = db_.prepare("UPDATE " + quoted_ident(child) + " SET " + quoted_ident(column) + " = ?1 WHERE " +
                               quoted_ident(column) + " = ?2");
        bind_cell(st, 1, to);
        bind_cell(st, 2, from);
        st.run();
    }

    void merge_table(const Table& t) {
        const TableInfo& info = infos_.at(t.name);
        const Table& s = *find_table(staged_, t.name);
        const RowOrder order(t);
        // The staged rows in the target's column order.
        std::vector<int> from_staged;
        for (const auto& c : t.columns) from_staged.push_back(s.index_of(c.name));
        auto& our_ids = renamed_[t.name];

        for (auto staged : all_rows(tmp_, s)) {
            std::vector<Cell> r;
            r.reserve(t.columns.size());
            for (int i : from_staged) r.push_back(std::move(staged[size_t(i)]));
            const Cell id = r[size_t(t.pk)];
            // Backups written before the DeviceStore carried window size, last
            // panel and drafts: machine state, never merged into the couple's data.
            if (t.name == "setting" && id.type == SQLITE_TEXT && is_device_setting_key(id.s)) continue;
            // Links to rows we hold under another id (matched by natural key).
            for (const auto& l : info.links) {
                auto it = renamed_.find(l.parent);
                int col = t.index_of(l.from);
                if (it == renamed_.end() || col < 0) continue;
                for (const auto& [theirs, ours] : it->second)
                    if (same_value(r[size_t(col)], theirs)) {
                        r[size_t(col)] = ours;
                        break;
                    }
            }
            try {
                if (auto deleted = deletion_of(t.name, id);
                    deleted && compare_times(r[size_t(t.updated_at)], *deleted) <= 0) {
                    ++report_.unchanged;  // we deleted this copy (or a later one) here
                    continue;
                }
                auto same = matches(t, info, r);
                if (same.size() > 1)
                    check_.fail("tables." + t.name + " row " + cell_text(id) +
                                " is the same row as two different rows here (" + cell_text(same[0]) + " and " +
                                cell_text(same[1]) + "); it cannot be merged");
                if (same.empty()) {
                    write_row(t, r, nullptr);
                    ++report_.inserted;
                    continue;
                }
                auto ours = row_by_pk(db_, t, same[0]);
                if (!ours) check_.fail("tables." + t.name + " row " + cell_text(same[0]) + " vanished during the merge");
                const int c = order.compare(r, *ours);
                if (c > 0) {
                    write_row(t, r, &same[0]);
                    ++report_.updated;
                } else {
                    ++report_.unchanged;
                    if (!same_value(id, same[0])) our_ids.emplace_back(id, same[0]);
                }
            } catch (const DbError& e) {
                check_.fail("tables." + t.name + " row " + cell_text(id) + ": the database refused it: " + e.what());
            }
        }
    }

    // Rows the backup says were deleted go, unless our copy is newer than the
    // copy deleted (then the deletion is forgotten), or a row that stays still
    // refers to them.
    void apply_deletions(const std::vector<const Table*>& order) {
        if (!has_deleted_row_) return;
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const Table& t = **it;
            if (t.name == kDeletedRow || t.pk < 0 || t.updated_at < 0) continue;
            std::vector<std::pair<std::string, Cell>> deletions;
            {
                auto& st = db_.prepare("SELECT row_id, updated_at FROM deleted_row WHERE table_name = ?1 ORDER BY id");
                st.bind(1, t.name);
                while (st.step()) deletions.emplace_back(st.text(0), read_cell(st, 1));
                st.reset();
            }
            for (const auto& [row_id, deleted] : deletions) {
                Cell id;
                id.type = SQLITE_TEXT;
                id.s = row_id;
                auto ours = row_by_pk(db_, t, id);
                if (!ours) continue;
                if (compare_times((*ours)[size_t(t.updated_at)], deleted) > 0 || referred_to(t, id)) {
                    forget_deletion(t.name, id);
                    continue;
                }
                auto& st = db_.prepare("DELETE FROM " + quoted_ident(t.name) + " WHERE " +
                                       quoted_ident(t.columns[size_t(t.pk)].name) + " = ?1");
                bind_cell(st, 1, id);
                st.run();
                ++report_.deleted;
            }
        }
    }

    bool referred_to(const Table& t, const Cell& id) {
        for (const auto& [child, info] : infos_)
            for (const auto& l : info.links) {
                if (l.parent != t.name || !l.blocks_delete) continue;
                auto& st = db_.prepare("SELECT 1 FROM " + quoted_ident(child) + " WHERE " + quoted_ident(l.from) + " = ?1 LIMIT 1");
                bind_cell(st, 1, id);
                bool found = st.step();
                st.reset();
                if (found) return true;
            }
        return false;
    }

    // A row we deleted that the backup's rows still refer to comes back from
    // the backup (what was written there is not lost).
    void restore_referred_rows(const std::vector<FkViolation>& before) {
        if (!has_deleted_row_) return;
        for (int round = 0; round < 16; ++round) {
            bool restored = false;
            for (const auto& v : fk_violations(db_)) {
                if (std::find(before.begin(), before.end(), v) != before.end()) continue;
                const Table* child = find_table(target_, std::get<0>(v));
                if (!child) continue;
                std::string from, parent;
                {
                    auto& st = db_.prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1) WHERE id = ?2");
                    st.bind(1, child->name).bind(2, std::get<2>(v));
                    if (st.step()) {
                        from = st.text(0);
                        parent = st.text(1);
                    }
                    st.reset();
                }
                const Table* p = find_table(target_, parent);
                const Table* ps = find_table(staged_, parent);
                const int col = child->index_of(from);
                if (!p || !ps || col < 0 || p->pk < 0) continue;
                auto& st = db_.prepare("SELECT " + quoted_ident(from) + " FROM " + quoted_ident(child->name) + " WHERE rowid = ?1");
                st.bind(1, std::get<1>(v));
                if (!st.step()) {
                    st.reset();
                    continue;
                }
                Cell ref = read_cell(st, 0);
                st.reset();
                auto theirs = row_by_pk(tmp_, *ps, ref);
                if (!theirs || row_by_pk(db_, *p, ref)) continue;
                std::vector<Cell> r;
                for (const auto& c : p->columns) r.push_back((*theirs)[size_t(ps->index_of(c.name))]);
                write_row(*p, r, nullptr);  // its insert trigger forgets the deletion
                forget_deletion(p->name, ref);
                ++report_.inserted;
                restored = true;
            }
            if (!restored) return;
        }
    }

    Database& db_;
    Database& tmp_;
    const Checker& check_;
    const std::vector<Table> target_, staged_;
    const std::map<std::string, TableInfo> infos_;
    std::map<std::string, std::vector<std::pair<Cell, Cell>>> renamed_;  // table -> (backup's id, our id)
    bool has_deleted_row_ = false;
    ImportReport report_;
};

ImportReport merge(Database& db, Database& tmp, const Checker& check) { return Merger(db, tmp, check).run(); }

} // namespace

// ---------------------------------------------------------------------------

nlohmann::json backup_json(Database& db, const Clock& clock) {
    try {
        return build_backup<Json>(db, clock);
    } catch (const BackupError& e) {
        throw BackupError("Cannot back up " + db.name() + ": " + e.what());
    }
}

namespace {
std::string backup_text(Database& db, const Clock& clock, const std::string& name) {
    std::string text;
    try {
        // Ordered keys, so the file reads format first and columns in schema order.
        text = build_backup<OrderedJson>(db, clock).dump(2) + "\n";
    } catch (const BackupError& e) {
        throw BackupError("Cannot write the backup " + name + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw BackupError("Cannot write the backup " + name + ": " + e.what());
    } catch (const DbError& e) {
        throw BackupError("Cannot write the backup " + name + ": reading the database failed: " + e.what());
    }
    return text;
}

// Encrypted backups are larger than their JSON by a header and 17 bytes a chunk.
constexpr std::size_t kMaxSealedBytes = kMaxBackupBytes + (std::size_t(1) << 20);
} // namespace

void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file) {
    const std::string name = file.string();
    const std::string text = backup_text(db, clock, name);
    if (auto why = write_file_atomically(file, text, FileAccess::owner_only); !why.empty())
        throw BackupError("Cannot write the backup " + name + ": " + why);
}

void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file, std::string_view passphrase,
                   KdfCost cost) {
    const std::string name = file.string();
    if (auto why = passphrase_problem(passphrase); !why.empty())
        throw BackupError("Cannot write the backup " + name + ": " + why);
    std::string text = backup_text(db, clock, name);
    std::string sealed;
    try {
        sealed = seal_backup(text, passphrase, cost);
    } catch (const std::exception& e) {
        wipe_secret(text);
        throw BackupError("Cannot write the backup " + name + ": " + e.what());
    }
    wipe_secret(text);
    if (auto why = write_file_atomically(file, sealed, FileAccess::owner_only); !why.empty())
        throw BackupError("Cannot write the backup " + name + ": " + why);
}

bool backup_is_encrypted(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return false;  // never opens a FIFO
    std::FILE* f = std::fopen(file.string().c_str(), "rb");
    if (!f) return false;
    char buf[64];
    size_t n = std::fread(buf, 1, kEncryptedBackupMagic.size(), f);
    std::fclose(f);
    return is_encrypted_backup(std::string_view(buf, n));
}

ImportReport import_backup(Database& db, const std::filesystem::path& file, std::string_view passphrase) {
    const std::string name = file.string();
    std::string bytes;
    try {
        bytes = read_regular_file(file, backup_is_encrypted(file) ? kMaxSealedBytes : kMaxBackupBytes);
    } catch (const FileReadError& e) {
        throw BackupError("Cannot read the backup " + std::string(e.what()));
    } catch (const std::exception& e) {
        throw BackupError("Cannot read the backup " + name + ": " + e.what());
    }
    if (!is_encrypted_backup(bytes)) return import_backup_bytes(db, bytes, name);
    if (passphrase.empty())
        throw BackupNeedsPassphrase("The backup " + name + " is encrypted; it needs its passphrase");
    std::string plain;
    try {
        plain = open_backup(bytes, passphrase);
    } catch (const SealError& e) {
        throw BackupError("Cannot read the backup " + name + ": " + e.what() + "; nothing was imported");
    } catch (const std::exception& e) {
        throw BackupError("Cannot read the backup " + name + ": " + e.what() + "; nothing was imported");
    }
    try {
        auto r = import_backup_bytes(db, plain, name);
        wipe_secret(plain);
        return r;
    } catch (...) {
        wipe_secret(plain);
        throw;
    }
}

ImportReport import_backup(Database& db, const std::filesystem::path& file) {
    return import_backup(db, file, std::string_view{});
}

ImportReport import_backup_bytes(Database& db, std::string_view bytes, const std::string& name) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        throw BackupError(name + ": the file is empty; it is not a Hearth backup");

    Json j;
    try {
        j = parse_json_bounded(bytes);
    } catch (const JsonTooDeep& e) {
        throw BackupError(name + ": " + e.what());
    } catch (const nlohmann::json::parse_error& pe) {
        std::string detail = printable(pe.what());
        if (auto p = detail.find("] "); detail.rfind("[json.exception", 0) == 0 && p != std::string::npos)
            detail = detail.substr(p + 2);
        const std::string at = " at byte " + std::to_string(pe.byte);
        if (detail.find("UTF-8") != std::string::npos)
            throw BackupError(name + ": invalid UTF-8 text" + at + " (a Hearth backup is UTF-8 JSON): " + detail);
        if (detail.find("end of input") != std::string::npos || pe.byte > bytes.size())
            throw BackupError(name + ": the file ends too early" + at + "; it looks truncated: " + detail);
        throw BackupError(name + ": not valid JSON" + at + ": " + detail);
    } catch (const nlohmann::json::exception& je) {
        throw BackupError(name + ": not valid JSON: " + printable(je.what()));
    } catch (const std::bad_alloc&) {
        throw BackupError(name + ": not enough memory to read it");
    }
    return import_backup_json(db, j, name);
}

ImportReport import_backup_json(Database& db, const nlohmann::json& backup, const std::string& source_name) {
    Checker check(source_name);
    const int version = check.check_envelope(backup);
    const int ours = db.user_version();
    if (ours != latest_schema_version())
        check.fail("the database " + db.name() + " is at schema " + std::to_string(ours) + ", not " +
                   std::to_string(latest_schema_version()) + "; open it with Hearth once before importing");
    try {
        // Stage the rows in a private database at the backup's own schema, then
        // let the ordinary migrations bring them up to date.
        Database tmp = Database::open_memory();
        tmp.exec("PRAGMA foreign_keys = OFF");  // links are checked after the merge, against the target
        migrate(tmp, version);
        drop_triggers(tmp);  // staging is a copy of the file: nothing to record
        check.stage(tmp, read_schema(tmp), backup.at("tables"), version);
        if (version < latest_schema_version()) {
            try {
                migrate(tmp);
            } catch (const DbError& e) {
                check.fail("could not upgrade the backup from schema " + std::to_string(version) + " to " +
                           std::to_string(latest_schema_version()) + ": " + e.what());
            }
        }
        return merge(db, tmp, check);
    } catch (const DbError& e) {
        check.fail(std::string("the import failed and nothing was changed: ") + e.what());
    } catch (const nlohmann::json::exception& e) {
        check.fail(std::string("unexpected content: ") + e.what());
    } catch (const BackupError&) {
        throw;
    } catch (const std::bad_alloc&) {
        check.fail("not enough memory to import it; nothing was changed");
    } catch (const std::exception& e) {
        check.fail(std::string("the import failed and nothing was changed: ") + e.what());
    }
}

} // namespace hearth
