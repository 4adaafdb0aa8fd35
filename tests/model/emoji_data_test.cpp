// The emoji picker's data: Unicode's groups, search by name, skin tones, and
// this machine's recently used emoji.
#include "emoji_data.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hearth;

TEST_CASE("The emoji list holds Unicode's groups and finds emoji by name and keyword", "[emoji]") {
    const auto& list = EmojiList::shared(HEARTH_TEST_ASSETS_DIR);
    REQUIRE(list.groups().size() >= 8);
    CHECK(list.groups().front() == "Smileys & Emotion");
    CHECK(list.all().size() > 1500);
    auto sunf = list.search("sunf");
    REQUIRE_FALSE(sunf.empty());
    CHECK(list.all()[std::size_t(sunf[0])].chars == "🌻");
    auto hug = list.search("HUG");
    REQUIRE_FALSE(hug.empty());
    CHECK(std::find(hug.begin(), hug.end(), list.find("🤗")) != hug.end());  // by its keyword
    CHECK_FALSE(list.search("red heart").empty());
    CHECK(list.all()[std::size_t(list.search("red heart")[0])].chars == "❤️");
    CHECK(list.search("zzzzqq").empty());
    CHECK(list.search("  ").empty());
    CHECK(list.find("👍🏽") == list.find("👍"));
    CHECK(list.find("👍") >= 0);
}

TEST_CASE("A skin tone goes after the first character, replacing VS16", "[emoji]") {
    const auto& list = EmojiList::shared(HEARTH_TEST_ASSETS_DIR);
    const auto& thumbs = list.all()[std::size_t(list.find("👍"))];
    CHECK(thumbs.takes_tone);
    CHECK(with_skin_tone(thumbs, 0) == "👍");
    CHECK(with_skin_tone(thumbs, 3) == "👍🏽");
    const auto& up = list.all()[std::size_t(list.find("☝️"))];
    CHECK(with_skin_tone(up, 5) == "☝🏿");
    const auto& runner = list.all()[std::size_t(list.find("🏃‍♀️"))];
    CHECK(with_skin_tone(runner, 1) == "🏃🏻‍♀️");
    const auto& flower = list.all()[std::size_t(list.find("🌻"))];
    CHECK_FALSE(flower.takes_tone);
    CHECK(with_skin_tone(flower, 2) == "🌻");
}

TEST_CASE("Recently used emoji come first, newest first, without repeats", "[emoji]") {
    auto device = DeviceStore::in_memory();
    CHECK(recent_emoji(device).empty());
    note_emoji_used(device, "🌻");
    note_emoji_used(device, "😘");
    note_emoji_used(device, "🌻");
    CHECK(recent_emoji(device) == std::vector<std::string>{"🌻", "😘"});
    for (int i = 0; i < 40; ++i) note_emoji_used(device, std::to_string(i));
    CHECK(recent_emoji(device).size() == kRecentEmoji);
    CHECK(skin_tone(device) == 0);
    set_skin_tone(device, 4);
    CHECK(skin_tone(device) == 4);
    set_skin_tone(device, 9);
    CHECK(skin_tone(device) == 0);
}
