#include "utf8.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("UTF-8 validation accepts what people type and rejects broken bytes", "[utf8]") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 \xE2\x99\xA5 \xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xC3"));                  // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));          // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("Characters are counted as code points", "[utf8]") {
    CHECK(codepoint_count("") == 0);
    CHECK(codepoint_count("abc") == 3);
    CHECK(codepoint_count("Zo\xC3\xAB") == 3);
    CHECK(codepoint_count("\xF0\x9F\x8C\xBB!") == 2);
    CHECK(has_astral("\xF0\x9F\x8C\xBB"));
    CHECK_FALSE(has_astral("\xE2\x99\xA5"));
}

TEST_CASE("The astral guard lets a 16-bit editor round-trip emoji byte for byte", "[utf8]") {
    const std::string original = "Thank you \xF0\x9F\x8C\xBB for the \xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D \xF0\x9F\x8C\xBB and \xF0\x9F\x98\x80";
    AstralGuard g;
    auto editable = g.encode(original);
    REQUIRE(editable);
    CHECK_FALSE(has_astral(*editable));
    CHECK(codepoint_count(*editable) == codepoint_count(original));
    CHECK(g.restore(*editable) == original);

    SECTION("an edit around the placeholders keeps them") {
        std::string edited = *editable + " (edited)";
        CHECK(g.restore(edited) == original + " (edited)");
    }
    SECTION("deleting a placeholder deletes that character only") {
        std::string edited = *editable;
        edited.erase(edited.size() - 3);  // the last placeholder (3 bytes)
        CHECK(g.restore(edited) == original.substr(0, original.size() - 4));
    }
    SECTION("a typed astral character gets a placeholder that restores to it") {
        auto ph = g.placeholder_for(U'\U0001F49B');
        REQUIRE(ph);
        std::string typed = *editable;
        append_utf8(typed, *ph);
        CHECK(g.restore(typed) == original + "\xF0\x9F\x92\x9B");
    }
}

TEST_CASE("The astral guard never uses a private-use character already in the text", "[utf8]") {
    std::string original;
    append_utf8(original, 0xE000);
    original += "\xF0\x9F\x98\x80";
    AstralGuard g;
    auto editable = g.encode(original);
    REQUIRE(editable);
    CHECK(g.restore(*editable) == original);
    CHECK(editable->substr(0, 3) == original.substr(0, 3));
}

TEST_CASE("The astral guard refuses invalid UTF-8 rather than mangle it", "[utf8]") {
    AstralGuard g;
    CHECK_FALSE(g.encode("\xC3"));
}
