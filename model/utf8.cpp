#include "utf8.h"

#include <algorithm>

namespace hearth {

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
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

namespace {
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) { return decode_utf8(s, i, cp); }

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Characters that attach to the one before: combining marks of the common
// scripts, Indic vowel signs and viramas, variation selectors, skin tones,
// emoji tags, the keycap. (An approximation of Grapheme_Cluster_Break=Extend
// and SpacingMark that needs no Unicode tables.)
bool attaches(char32_t c) {
    if (c < 0x300) return false;
    if (in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) || c == 0x05BF || in(c, 0x05C1, 0x05C2) ||
        in(c, 0x05C4, 0x05C5) || c == 0x05C7 || in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || c == 0x0670 ||
        in(c, 0x06D6, 0x06DC) || in(c, 0x06DF, 0x06E4) || in(c, 0x06E7, 0x06E8) || in(c, 0x06EA, 0x06ED))
        return true;
    if (in(c, 0x0900, 0x0DFF)) {  // Devanagari .. Sinhala share a layout of signs
        char32_t o = c & 0x7F;
        return in(o, 0x00, 0x03) || in(o, 0x3A, 0x3C) || in(o, 0x3E, 0x4F) || in(o, 0x51, 0x57) || in(o, 0x62, 0x63);
    }
    return c == 0x0E31 || in(c, 0x0E34, 0x0E3A) || in(c, 0x0E47, 0x0E4E) || in(c, 0x1AB0, 0x1AFF) ||
           in(c, 0x1DC0, 0x1DFF) || c == 0x200C || in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) ||
           in(c, 0xFE20, 0xFE2F) || in(c, 0x1F3FB, 0x1F3FF) || in(c, 0xE0020, 0xE007F) || in(c, 0xE0100, 0xE01EF);
}

bool regional_indicator(char32_t c) { return in(c, 0x1F1E6, 0x1F1FF); }
bool is_private_use(char32_t c) { return in(c, 0xE000, 0xF8FF) || c >= 0xF0000; }
} // namespace

std::size_t cluster_end(std::string_view s, std::size_t i) {
    char32_t cp;
    std::size_t n = decode(s, i, cp);
    if (n == 0) return i + 1;
    std::size_t end = i + n;
    if (cp == '\r' || cp == '\n') return end;
    if (regional_indicator(cp)) {
        char32_t next;
        std::size_t m = end < s.size() ? decode(s, end, next) : 0;
        if (m && regional_indicator(next)) end += m;
    }
    while (end < s.size()) {
        char32_t next;
        std::size_t m = decode(s, end, next);
        if (m == 0) break;
        if (attaches(next)) { end += m; continue; }
        if (next == 0x200D) {  // ZWJ joins what follows it (emoji sequences)
            end += m;
            char32_t joined;
            std::size_t k = end < s.size() ? decode(s, end, joined) : 0;
            if (k && joined > ' ') end += k;
            continue;
        }
        break;
    }
    return end;
}

namespace {
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
    return placeholder_for_bytes(bytes);
}

std::optional<char32_t> AstralGuard::placeholder_for_bytes(std::string_view bytes) {
    for (const auto& [ph, orig] : map_)
        if (orig == bytes) return ph;
    if (pool_) {
        auto ph = pool_->placeholder_for(bytes);
        if (ph) map_.emplace_back(*ph, std::string(bytes));
        return ph;
    }
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
    if (pool_) {
        // Per cluster: astral and private-use characters always travel as
        // placeholders (so every private-use character in the editor is one of
        // ours), other clusters when the pool asks.
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t end = cluster_end(text, i);
            std::string_view cluster = text.substr(i, end - i);
            bool must = false;
            for_each_cp(cluster, [&](char32_t cp, std::string_view) { must = must || cp >= 0x10000 || is_private_use(cp); });
            if (must || pool_->needs_placeholder(cluster)) {
                auto ph = placeholder_for_bytes(cluster);
                if (ph) append_utf8(out, *ph);
                else if (must) return std::nullopt;
                else out.append(cluster);
            } else {
                out.append(cluster);
            }
            i = end;
        }
        return out;
    }
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
