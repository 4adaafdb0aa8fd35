#include "backup.h"

#include "setting_keys.h"
// Backups are schema-driven: tables come from sqlite_master, columns, declared
// types, NOT NULL and primary keys from PRAGMA table_info, so a migration that
// adds a table or a column needs no change here. See docs/backup-format.md.
//
// Import never writes to the target until the whole file has been checked:
//  1. the bytes are parsed as JSON (position of the first problem reported);
//  2. the envelope (format, format_version, schema_version, tables) is checked;
//  3. every row is checked against the schema *of the backup's version* and
//     loaded into a private in-memory database migrated to that version, which
//     enforces CHECK and UNIQUE rules and catches duplicate ids;
//  4. that database is migrated to the latest schema;
//  5. its rows are merged into the target in one transaction, foreign keys
//     deferred and checked before commit.
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

Meaning meaning_of(std::string_view col) {
    auto ends = [&](std::string_view suffix) { return col.size() >= suffix.size() && col.substr(col.size() - suffix.size()) == suffix; };
    if (ends("_at")) return Meaning::utc_time;
    if (col == "day" || col == "until" || ends("_day")) return Meaning::day;
    if (col == "week") return Meaning::iso_week;
    if (ends("_time")) return Meaning::time_of_day;
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
                    if (auto why = out_of_range(meaning_of(c.name), cell); !why.empty()) {
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

bool newer(const std::string& backup, const std::string& ours) {
    auto a = parse_utc(backup), b = parse_utc(ours);
    if (a && b) return *a > *b;
    if (a && !b) return true;  // ours is unreadable: the backup's well-formed time wins
    if (!a) return false;
    return backup > ours;
}

ImportReport merge(Database& db, Database& tmp, const Checker& check) {
    const auto target = read_schema(db);
    const auto staged = read_schema(tmp);
    ImportReport report;

    Transaction tx(db);
    db.exec("PRAGMA defer_foreign_keys = ON");
    const auto before = fk_violations(db);
    check_same_couple(db, tmp, check);

    for (const auto& t : target) {
        const Table* s = find_table(staged, t.name);
        if (!s) continue;  // not in the backup's schema: nothing to add
        if (t.pk < 0 || t.updated_at < 0)
            check.fail("table " + t.name + " has no single primary key or no updated_at column, so it cannot be merged");
        for (const auto& c : t.columns)
            if (s->index_of(c.name) < 0)
                check.fail("table " + t.name + ": the upgraded backup has no column " + c.name);

        const std::string table = quoted_ident(t.name);
        const std::string pk = quoted_ident(t.columns[size_t(t.pk)].name);
        std::string params, sets;
        for (size_t i = 0; i < t.columns.size(); ++i) {
            params += (i ? ", ?" : "?") + std::to_string(i + 1);
            sets += (i ? ", " : "") + quoted_ident(t.columns[i].name) + " = ?" + std::to_string(i + 1);
        }
        const std::string insert_sql = "INSERT INTO " + table + " (" + column_list(t) + ") VALUES (" + params + ")";
        const std::string update_sql = "UPDATE " + table + " SET " + sets + " WHERE " + pk + " = ?" +
                                       std::to_string(t.columns.size() + 1);
        const std::string find_sql = "SELECT " + quoted_ident("updated_at") + " FROM " + table + " WHERE " + pk + " = ?1";

        auto& rows = tmp.prepare("SELECT " + column_list(t) + " FROM " + table + order_by(t));
        while (rows.step()) {
            std::vector<Cell> cells;
            cells.reserve(t.columns.size());
            for (size_t i = 0; i < t.columns.size(); ++i) cells.push_back(read_cell(rows, int(i)));
            const Cell& id = cells[size_t(t.pk)];
            const Cell& stamp = cells[size_t(t.updated_at)];
            // Backups written before the DeviceStore carried window size, last
            // panel and drafts: machine state, never merged into the couple's data.
            if (t.name == "setting" && id.type == SQLITE_TEXT && is_device_setting_key(id.s)) continue;

            std::optional<std::string> ours;
            bool exists = false;
            {
                auto& find = db.prepare(find_sql);
                bind_cell(find, 1, id);
                if (find.step()) {
                    exists = true;
                    ours = find.text_or_null(0);
                }
                find.reset();
            }
            try {
                if (!exists) {
                    auto& ins = db.prepare(insert_sql);
                    for (size_t i = 0; i < cells.size(); ++i) bind_cell(ins, int(i) + 1, cells[i]);
                    ins.run();
                    ++report.inserted;
                } else if (stamp.type == SQLITE_TEXT && newer(stamp.s, ours.value_or(""))) {
                    auto& upd = db.prepare(update_sql);
                    for (size_t i = 0; i < cells.size(); ++i) bind_cell(upd, int(i) + 1, cells[i]);
                    bind_cell(upd, int(cells.size()) + 1, id);
                    upd.run();
                    ++report.updated;
                } else {
                    ++report.unchanged;
                }
            } catch (const DbError& e) {
                rows.reset();
                check.fail("tables." + t.name + " row " + cell_text(id) + ": the database refused it: " + e.what());
            }
        }
        rows.reset();
    }

    auto after = fk_violations(db);
    for (const auto& v : after) {
        if (std::find(before.begin(), before.end(), v) != before.end()) continue;
        const Table* t = find_table(target, std::get<0>(v));
        if (!t) check.fail("a row of table " + std::get<0>(v) + " refers to a row that does not exist");
        check.fail(describe_fk(db, *t, std::get<1>(v), std::get<2>(v)));
    }
    tx.commit();
    return report;
}

} // namespace

// ---------------------------------------------------------------------------

nlohmann::json backup_json(Database& db, const Clock& clock) {
    try {
        return build_backup<Json>(db, clock);
    } catch (const BackupError& e) {
        throw BackupError("Cannot back up " + db.name() + ": " + e.what());
    }
}

void export_backup(Database& db, const Clock& clock, const std::filesystem::path& file) {
    const std::string name = file.string();
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
    if (auto why = write_file_atomically(file, text, FileAccess::owner_only); !why.empty())
        throw BackupError("Cannot write the backup " + name + ": " + why);
}

ImportReport import_backup(Database& db, const std::filesystem::path& file) {
    const std::string name = file.string();
    std::string bytes;
    try {
        bytes = read_regular_file(file, kMaxBackupBytes);
    } catch (const FileReadError& e) {
        throw BackupError("Cannot read the backup " + std::string(e.what()));
    } catch (const std::exception& e) {
        throw BackupError("Cannot read the backup " + name + ": " + e.what());
    }
    return import_backup_bytes(db, bytes, name);
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
