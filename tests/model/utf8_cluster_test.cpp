// Clusters and the astral guard with a shared placeholder pool (the UI's glyph
// atlas in the app; a plain map here).
#include "utf8.h"

#include <catch2/catch.hpp>

#include <map>

using namespace hearth;

namespace {
// Hands out code points from U+E000 and wants a placeholder for "é" written
// as e + U+0301 (a font without combining marks).
class FakePool final : public PlaceholderPool {
public:
    std::optional<char32_t> placeholder_for(std::string_view cluster) override {
        for (const auto& [cp, s] : map)
            if (s == cluster) return cp;
        char32_t cp = 0xE000 + char32_t(map.size());
        map.emplace(cp, std::string(cluster));
        return cp;
    }
    const std::string* original(char32_t cp) const override {
        auto it = map.find(cp);
        return it == map.end() ? nullptr : &it->second;
    }
    bool needs_placeholder(std::string_view cluster) const override { return cluster == "e\xCC\x81"; }
    std::map<char32_t, std::string> map;
};
} // namespace

TEST_CASE("With a shared pool the guard gives one placeholder per emoji sequence", "[utf8]") {
    FakePool pool;
    AstralGuard g(&pool);
    const std::string couple = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x91\xA8";
    const std::string flag = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";
    std::string original = "Us " + couple + " in " + flag + " cafe\xCC\x81 caf\xC3\xA9";
    append_utf8(original, 0xE000);  // a private-use character already in the text
    auto editable = g.encode(original);
    REQUIRE(editable);
    CHECK_FALSE(has_astral(*editable));
    // couple, flag, e+U+0301, U+E000: four placeholders; the rest as typed.
    CHECK(pool.map.size() == 4);
    CHECK(codepoint_count(*editable) == codepoint_count("Us X in X cafX caf\xC3\xA9X"));
    CHECK(g.restore(*editable) == original);
    // The same cluster in another field is the same code point (the same glyph).
    AstralGuard other(&pool);
    auto again = other.encode(couple);
    REQUIRE(again);
    CHECK(editable->substr(3, again->size()) == *again);
    CHECK(other.restore(*again) == couple);
}
