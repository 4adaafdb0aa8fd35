#pragma once
// "Export this week": a Markdown summary of one ISO week (the weekly review
// and what the week held), for the couple to keep or print.
//
// Sections: at a glance; appreciations (who to whom, each text); what went
// well (quality time done, with ratings and memories; the review's note); the
// issue and how it went (the listening session: speaker order, clarify loops,
// felt heard; or when it was scheduled; or left); the check-in answers; the
// plan for next week (next week's quality time, marking what the review
// planned). A week with nothing recorded says so in one line.
//
// User text (appreciations, notes, answers, topics, memories) stands in
// blockquotes; plan titles and names stand inline. It is written byte for
// byte except for a backslash before each character Markdown would otherwise
// read as markup (markdown_escape), so it renders exactly as typed. A line
// break inside user text becomes a hard line break ("\" at the end of the
// line); CR LF counts as one line break; indentation at the start of a line is
// kept in the file, though renderers drop it. In inline text a line break
// becomes a space.
//
// Times are local (the machine's time zone), like everything the couple sees.
#include "time_util.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth {

class Model;

// A week that cannot be exported, or a file that cannot be written; the
// message is for the user as is.
class WeekExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Block text (one line of a paragraph or blockquote): backslash before
// \ ` * _ [ ] < > & ~ anywhere, and before the markup character that would
// start a heading, list or setext underline at the start of a line
// (# - + = and the "." or ")" after digits). Line breaks are kept.
std::string markdown_escape(std::string_view text);
// Inline text (a name, a title): as markdown_escape, plus "#" anywhere and
// every line break as a space.
std::string markdown_escape_inline(std::string_view text);
// User text as a blockquote ("> " lines), hard line breaks between lines,
// ending with a newline.
std::string markdown_blockquote(std::string_view text);

// The summary of `week` (throws WeekExportError when no couple is set up).
std::string week_markdown(Model& m, IsoWeek week);

// Empty when `week` can be exported; otherwise why not. Refused: a week that
// does not exist (2021-W53), a week that has not begun, no couple set up. A
// past week with nothing recorded is exported ("Nothing was recorded").
std::string week_export_problem(Model& m, IsoWeek week);
// Reads "YYYY-Www" (as `hearth --export-week` gets it) and checks it with
// week_export_problem(); throws WeekExportError with the reason.
IsoWeek parse_export_week(Model& m, std::string_view text);
// Writes week_markdown() to `file` atomically (a temporary file in the same
// folder, renamed into place). Throws WeekExportError naming the week or the file.
void export_week_markdown(Model& m, IsoWeek week, const std::filesystem::path& file);

} // namespace hearth
