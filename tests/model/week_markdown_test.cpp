#include "review_fixture.h"
#include "week_markdown.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace hearth;
using test::must;
using test::slurp;
using test::ymd;

namespace {
// What a CommonMark renderer does with backslash escapes: drops the backslash
// before ASCII punctuation.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
        out += s[i];
    }
    return out;
}
} // namespace

TEST_CASE("Markdown-significant characters in user text are escaped, and only those", "[markdown]") {
    CHECK(markdown_escape("plain text, with punctuation. And (parentheses)!") ==
          "plain text, with punctuation. And (parentheses)!");
    CHECK(markdown_escape("*bold* _it_ `code` [link](x) <b> &amp; ~~s~~ back\\slash") ==
          "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\&amp; \\~\\~s\\~\\~ back\\\\slash");
    CHECK(markdown_escape("# not a heading") == "\\# not a heading");
    CHECK(markdown_escape("- not a list\n+ nor this\n= nor a setext line") ==
          "\\- not a list\n\\+ nor this\n\\= nor a setext line");
    CHECK(markdown_escape("1. not a list\n12) nor this\n2026 was good. 3. is fine mid-line") ==
          "1\\. not a list\n12\\) nor this\n2026 was good. 3. is fine mid-line");
    CHECK(markdown_escape("  - indented") == "  \\- indented");
    CHECK(markdown_escape("a # in the middle - and a dash") == "a # in the middle - and a dash");
    CHECK(markdown_escape_inline("Title # with\nbreak") == "Title \\# with break");
    CHECK(markdown_escape("caf\xC3\xA9 \xF0\x9F\x8C\xBB") == "caf\xC3\xA9 \xF0\x9F\x8C\xBB");

    CHECK(markdown_blockquote("one line") == "> one line\n");
    CHECK(markdown_blockquote("two\nlines") == "> two\\\n> lines\n");
    CHECK(markdown_blockquote("para\n\nnext") == "> para\n>\n> next\n");
    CHECK(markdown_blockquote("ends with \\\nnext") == "> ends with \\\\\\\n> next\n");
    CHECK(markdown_blockquote("crlf\r\nline") == "> crlf\\\n> line\n");

    // Rendered, every escape disappears: the text comes back byte for byte.
    for (std::string text : {"*a* _b_ `c` [d] <e> &f; ~g~ \\h", "# x\n- y\n1. z\n+ w\n= v", "\xE2\x80\x9Cquoted\xE2\x80\x9D #1 - ok"})
        CHECK(unescape(markdown_escape(text)) == text);
}

TEST_CASE("The Markdown of a known week matches the expected file", "[markdown]") {
    test::KnownWeek k;
    const std::string md = week_markdown(k.t.model, {2026, 39});
    const auto expected_path = std::filesystem::path(HEARTH_TEST_FIXTURES_DIR) / "week-2026-W39.md";
    const std::string expected = slurp(expected_path);
    if (md != expected) {
        // Leaves the actual output next to the build for a diff.
        std::ofstream("week-2026-W39.actual.md", std::ios::binary) << md;
    }
    CHECK(md == expected);
    // User text stands byte for byte once the escapes are rendered.
    const std::string rendered = unescape(md);
    CHECK_THAT(rendered, Catch::Contains("You listened to my whole story about the [project] & didn't check your phone <3"));
    CHECK_THAT(rendered, Catch::Contains("Hold my hand on our walk_s_ > anything else"));
    CHECK_THAT(rendered, Catch::Contains("Who does the *dishes* on weekdays"));
}

TEST_CASE("Exporting a week writes the file atomically, and refuses weeks that do not exist", "[markdown]") {
    test::KnownWeek k;
    Model& m = k.t.model;
    test::TempDir dir;
    const auto file = dir / "week.md";
    std::ofstream(file) << "old contents";
    export_week_markdown(m, {2026, 39}, file);
    CHECK(slurp(file) == week_markdown(m, {2026, 39}));
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        (void)e;
        ++files;
    }
    CHECK(files == 1);  // no temporary file left behind

    CHECK(parse_export_week(m, "2026-W39") == IsoWeek{2026, 39});
    CHECK(parse_export_week(m, "2020-W53") == IsoWeek{2020, 53});
    CHECK_THROWS_WITH(parse_export_week(m, "2021-W53"), "The week 2021-W53 does not exist: 2021 has 52 ISO weeks.");
    CHECK_THROWS_WITH(parse_export_week(m, "2026-W40"), Catch::Contains("has not begun"));
    CHECK_THROWS_WITH(parse_export_week(m, "2026-39"), Catch::Contains("YYYY-Www"));
    CHECK_THROWS_WITH(parse_export_week(m, "2026-W00"), Catch::Contains("does not exist") || Catch::Contains("not a week"));
    CHECK_THROWS_AS(export_week_markdown(m, {2026, 41}, dir / "future.md"), WeekExportError);
    CHECK_FALSE(std::filesystem::exists(dir / "future.md"));
    CHECK_THROWS_WITH(export_week_markdown(m, {2026, 39}, dir.path()), Catch::Contains("it is a folder"));
    CHECK_THROWS_WITH(export_week_markdown(m, {2026, 39}, dir / "no-such-folder" / "w.md"),
                      Catch::Contains("Cannot write the summary"));

    // A past week with nothing in it still exports, and says so.
    export_week_markdown(m, {2026, 30}, dir / "empty.md");
    CHECK(slurp(dir / "empty.md") ==
          "# Our week: 2026-W30\n\nMon 20 Jul 2026 to Sun 26 Jul 2026, Maya and Sam.\n\nNothing was recorded this week.\n");
}

TEST_CASE("The Markdown of a week without a review says what there was", "[markdown]") {
    test::TestModel t;
    Model& m = t.model;
    test::appreciate(m, 1, "Thanks for *the* walk", ymd(2026, 9, 21));
    const std::string md = week_markdown(m, {2026, 39});
    CHECK_THAT(md, Catch::Contains("No weekly review was held for this week."));
    CHECK_THAT(md, Catch::Contains("### From Sam to Maya\n\nMon 21 Sep 2026:\n\n> Thanks for \\*the\\* walk\n"));
    CHECK_THAT(md, Catch::Contains("No issue was picked."));
    CHECK_THAT(md, Catch::Contains("No check-in this week."));
    CHECK_THAT(md, Catch::Contains("Nothing planned yet."));

    auto id = must(m.reviews.start_this_week());
    must(m.reviews.next(id));
    must(m.reviews.next(id));
    must(m.reviews.choose_issue(id, {IssueSource::new_topic, {}, "Money"}));
    must(m.reviews.issue_scheduled(id, ymd(2026, 9, 23), 19 * 60));
    const std::string md2 = week_markdown(m, {2026, 39});
    CHECK_THAT(md2, Catch::Contains("not finished yet (at step 3 of 5: One issue)"));
    CHECK_THAT(md2, Catch::Contains("> Money\n\nA new topic.\n\nWe set a time for it: Wed 23 Sep 2026 at 19:00."));
}
