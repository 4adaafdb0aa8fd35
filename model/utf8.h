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
// Decodes the code point at s[i]; returns its length in bytes, 0 when invalid.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

// End (byte offset) of the character a person sees that starts at byte i: one
// code point with what attaches to it (combining marks, variation selectors,
// skin tones, tags, keycaps), emoji joined by ZWJ, or a pair of regional
// indicators (a flag). A simplified UAX #29 extended grapheme cluster; invalid
// bytes make a one-byte cluster.
std::size_t cluster_end(std::string_view s, std::size_t i);

// Private-use code points shared with whoever draws the text, so the
// placeholder a text box edits is also the glyph drawn for it (the UI's glyph
// atlas implements this; the model knows nothing of fonts).
class PlaceholderPool {
public:
    virtual ~PlaceholderPool() = default;
    // The code point (U+E000..U+F8FF) standing for `cluster`, the same for the
    // whole run; nullopt when the private-use area is used up.
    virtual std::optional<char32_t> placeholder_for(std::string_view cluster) = 0;
    // The bytes `placeholder` stands for; nullptr when it stands for nothing.
    virtual const std::string* original(char32_t placeholder) const = 0;
    // Whether a cluster of characters below U+10000 must travel as a
    // placeholder too (the editor could not draw it as it is).
    virtual bool needs_placeholder(std::string_view cluster) const = 0;
};

// A 16-bit-ImWchar build of Dear ImGui turns every code point above U+FFFF
// into U+FFFD as soon as a text field is edited. The guard swaps each such
// character for a placeholder from the BMP private-use area (U+E000..U+F8FF)
// that the text does not use; the editor sees one character per original one,
// and restore() maps placeholders back. Text, typed characters and pasted text
// all pass through encode(), so what was typed is saved byte for byte.
//
// With a PlaceholderPool the guard works per cluster (cluster_end): a whole
// emoji sequence becomes one placeholder, which the UI draws as that emoji, and
// clusters the pool asks for (a character the editor's font lacks) too.
class AstralGuard {
public:
    explicit AstralGuard(PlaceholderPool* shared = nullptr) : pool_(shared) {}
    // Editable form of `text`; nullopt for invalid UTF-8 or when the private-use
    // area has no free placeholder left (pathological text).
    std::optional<std::string> encode(std::string_view text);
    std::string restore(std::string_view edited) const;
    std::optional<char32_t> placeholder_for(char32_t astral);
    bool empty() const { return map_.empty(); }

private:
    std::optional<char32_t> placeholder_for_bytes(std::string_view bytes);
    PlaceholderPool* pool_ = nullptr;
    std::vector<std::pair<char32_t, std::string>> map_;  // placeholder -> original bytes
    std::vector<char32_t> used_;                           // private-use code points seen in text
};

} // namespace hearth
