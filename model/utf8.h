#pragma once
// UTF-8 text as the couple typed it. Validation and counting for the model's
// limits, and a reversible guard that lets a 16-bit-ImWchar build edit text
// holding characters above U+FFFF without turning them into U+FFFD.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

bool is_valid_utf8(std::string_view s);
// Code points in valid UTF-8 (what a user calls "characters", near enough).
std::size_t codepoint_count(std::string_view s);
// True when s holds a code point above U+FFFF (most emoji, some CJK).
bool has_astral(std::string_view s);
// Leading and trailing ASCII whitespace removed.
std::string trim(std::string_view s);
// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

// A 16-bit-ImWchar build of Dear ImGui turns every code point above U+FFFF
// into U+FFFD as soon as a text field is edited. The guard swaps each such
// character for a placeholder from the BMP private-use area (U+E000..U+F8FF)
// that the text does not use; the editor sees one character per original one,
// and restore() maps placeholders back. Text, typed characters and pasted text
// all pass through encode(), so what was typed is saved byte for byte.
class AstralGuard {
public:
    // Editable form of `text`; nullopt for invalid UTF-8 or when the private-use
    // area has no free placeholder left (pathological text).
    std::optional<std::string> encode(std::string_view text);
    std::string restore(std::string_view edited) const;
    std::optional<char32_t> placeholder_for(char32_t astral);
    bool empty() const { return map_.empty(); }

private:
    std::vector<std::pair<char32_t, std::string>> map_;  // placeholder -> original bytes
    std::vector<char32_t> used_;                           // private-use code points seen in text
};

} // namespace hearth
