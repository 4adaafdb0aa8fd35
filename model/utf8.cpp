#include "utf8.h"

#include <algorithm>

namespace hearth {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t len;
    if (c < 0x80) { cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

template <class F>
bool for_each_cp(std::string_view s, F f) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) return false;
        f(cp, s.substr(i, n));
        i += n;
    }
    return true;
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    return for_each_cp(s, [](char32_t, std::string_view) {});
}

std::size_t codepoint_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool has_astral(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0xF0) return true;
    return false;
}

std::string trim(std::string_view s) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return std::string(s);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::optional<char32_t> AstralGuard::placeholder_for(char32_t astral) {
    std::string bytes;
    append_utf8(bytes, astral);
    for (const auto& [ph, orig] : map_)
        if (orig == bytes) return ph;
    for (char32_t ph = 0xE000; ph <= 0xF8FF; ++ph) {
        bool taken = std::find(used_.begin(), used_.end(), ph) != used_.end() ||
                     std::any_of(map_.begin(), map_.end(), [&](const auto& p) { return p.first == ph; });
        if (!taken) {
            map_.emplace_back(ph, bytes);
            return ph;
        }
    }
    return std::nullopt;
}

std::optional<std::string> AstralGuard::encode(std::string_view text) {
    if (!is_valid_utf8(text)) return std::nullopt;
    // Private-use characters already in the text are never used as placeholders.
    for_each_cp(text, [&](char32_t cp, std::string_view) {
        if (cp >= 0xE000 && cp <= 0xF8FF && std::find(used_.begin(), used_.end(), cp) == used_.end())
            used_.push_back(cp);
    });
    std::string out;
    bool ok = true;
    for_each_cp(text, [&](char32_t cp, std::string_view bytes) {
        if (cp < 0x10000) { out.append(bytes); return; }
        auto ph = placeholder_for(cp);
        if (!ph) { ok = false; return; }
        append_utf8(out, *ph);
    });
    if (!ok) return std::nullopt;
    return out;
}

std::string AstralGuard::restore(std::string_view edited) const {
    std::string out;
    out.reserve(edited.size());
    bool valid = for_each_cp(edited, [&](char32_t cp, std::string_view bytes) {
        auto it = std::find_if(map_.begin(), map_.end(), [&](const auto& p) { return p.first == cp; });
        if (it != map_.end()) out += it->second;
        else out.append(bytes);
    });
    return valid ? out : std::string(edited);
}

} // namespace hearth
