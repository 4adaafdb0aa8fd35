#pragma once
// Reading hand-written JSON files (exercises, decks) with messages a person can
// act on: each problem names where in the JSON it is (a path such as
// "steps[2].duration_seconds"), what was expected and what was found. Readers
// throw json_reader::Invalid; the caller turns it into the file's message.
//
// Parsing itself is json_read.h's parse_json_bounded (the one place that parses
// outside JSON, depth bounded); the file is read by file_read.h's
// read_regular_file. parse_document and read_document join the two for the
// definition readers, so none of them parses or opens a file its own way.
#include "file_read.h"
#include "json_read.h"
#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::json_reader {

using Json = nlohmann::json;

struct Invalid {
    std::string message;
};

// What was found, shortly: strings quoted (and cut), containers by kind.
inline std::string found(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: {
        std::string s = j.get<std::string>();
        if (codepoint_count(s) > 40) {
            std::string cut;
            std::size_t n = 0;
            for (std::size_t i = 0; i < s.size() && n < 37; ++i) {
                cut += s[i];
                if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 &&
                    (i + 1 == s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80))
                    ++n;
            }
            s = cut + "...";
        }
        return "\"" + s + "\"";
    }
    default: return j.dump();
    }
}

[[noreturn]] inline void fail(const std::string& path, const std::string& expected, const Json& j) {
    throw Invalid{path + ": expected " + expected + ", found " + found(j)};
}

[[noreturn]] inline void missing(const std::string& path, const std::string& expected) {
    throw Invalid{path + ": missing (expected " + expected + ")"};
}

inline std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// Reads one object, remembering which keys were used so unknown ones (typos)
// are reported.
class Obj {
public:
    // A key not in `keys` (a typo, most likely) is reported first.
    Obj(const Json& j, std::string path, const std::string& what, std::initializer_list<const char*> keys)
        : j_(j), path_(std::move(path)) {
        if (!j.is_object()) fail(path_.empty() ? "(top level)" : path_, what, j);
        for (auto it = j_.begin(); it != j_.end(); ++it) {
            if (std::any_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; })) continue;
            std::string known;
            for (const char* k : keys) known += (known.empty() ? "" : ", ") + std::string(k);
            throw Invalid{join(path_, it.key()) + ": unknown key (expected one of " + known + ")"};
        }
    }
    const Json* get(const std::string& key) {
        auto it = j_.find(key);
        return it == j_.end() ? nullptr : &*it;
    }
    std::string path(const std::string& key) const { return join(path_, key); }

    std::string text(const std::string& key, bool required = true, std::size_t max_chars = 2000) {
        const std::string what = required ? "a non-empty string" : "a string";
        const Json* v = get(key);
        if (!v) {
            if (required) missing(path(key), what);
            return {};
        }
        if (!v->is_string()) fail(path(key), what, *v);
        std::string s = v->get<std::string>();
        if (required && trim(s).empty()) fail(path(key), what, *v);
        if (codepoint_count(s) > max_chars)
            fail(path(key), "at most " + std::to_string(max_chars) + " characters", *v);
        return s;
    }
    int integer(const std::string& key, int lo, int hi, const std::string& what, std::optional<int> dflt = {}) {
        const std::string expected = what + " from " + std::to_string(lo) + " to " + std::to_string(hi);
        const Json* v = get(key);
        if (!v) {
            if (dflt) return *dflt;
            missing(path(key), expected);
        }
        if (!v->is_number()) fail(path(key), expected, *v);
        const double d = v->get<double>();
        if (d < lo || d > hi || d != std::floor(d)) fail(path(key), expected, *v);
        return int(d);
    }
    bool boolean(const std::string& key, bool dflt) {
        const Json* v = get(key);
        if (!v) return dflt;
        if (!v->is_boolean()) fail(path(key), "true or false", *v);
        return v->get<bool>();
    }

private:
    const Json& j_;
    std::string path_;
};

inline bool is_slug(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

inline std::string slug(Obj& o, const std::string& key) {
    const std::string what = "an id of lowercase letters, digits, '-' or '_' (at most 64)";
    const Json* v = o.get(key);
    if (!v) missing(o.path(key), what);
    if (!v->is_string() || !is_slug(v->get<std::string>())) fail(o.path(key), what, *v);
    return v->get<std::string>();
}


// The part of a parser message after "[json.exception...] ".
inline std::string json_error(const std::string& what) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> the part after "] "
    auto p = what.find("] ");
    return p == std::string::npos ? what : what.substr(p + 2);
}

// A definition file is small; anything larger is not one.
inline constexpr std::size_t kMaxDefinitionBytes = 4 * kMiB;

// `text` parsed with the nesting bounded: UTF-8 checked, then
// parse_json_bounded. Every problem is an Invalid with a message for a person.
inline Json parse_document(std::string_view text) {
    if (!is_valid_utf8(text)) throw Invalid{"not valid UTF-8 text"};
    try {
        return parse_json_bounded(text);
    } catch (const JsonTooDeep& e) {
        throw Invalid{std::string("not a Hearth file: ") + e.what()};
    } catch (const Json::exception& e) {
        throw Invalid{"not valid JSON: " + json_error(e.what())};
    }
}

// The bytes of a definition file: a regular file of at most `max_bytes`
// (a FIFO, a device or a huge file is refused at once, see file_read.h).
// The message does not repeat the file's name: callers list it beside it.
inline std::string read_document(const std::filesystem::path& file, std::size_t max_bytes = kMaxDefinitionBytes) {
    try {
        return read_regular_file(file, max_bytes);
    } catch (const FileReadError& e) {
        std::string m = e.what();
        const std::string prefix = file.string() + ": ";
        if (m.rfind(prefix, 0) == 0) m.erase(0, prefix.size());
        throw Invalid{m};
    }
}

} // namespace hearth::json_reader
