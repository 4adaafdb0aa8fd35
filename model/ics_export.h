#pragma once
// The planner as an iCalendar file (RFC 5545) that phone and desktop calendars
// import: `hearth --export-ics FILE` and the planner's export button.
//
// Choices:
//  - Times are floating local times ("20260925T190000": no TZID, no Z), the
//    same style for DTSTART, DTEND, RRULE's UNTIL, EXDATE and RECURRENCE-ID.
//    A 19:00 ritual therefore stays at 19:00 in whatever zone the calendar
//    shows it, across daylight-saving changes, as it does in Hearth. DTSTAMP
//    is UTC ("...Z"), as the RFC requires.
//  - One VEVENT per plan, UID "<plan uuid>@hearth", so importing again updates
//    the events instead of duplicating them; SEQUENCE is the plan's change
//    counter. A ritual's VEVENT carries its RRULE (FREQ=DAILY, or
//    FREQ=WEEKLY;INTERVAL=N;BYDAY=..;WKST=MO, with UNTIL once ended), an EXDATE
//    for each skipped occurrence, and each moved or changed occurrence is a
//    further VEVENT with the same UID and a RECURRENCE-ID naming the original
//    start (moved ones are not EXDATEd, which would cancel the override).
//  - Upcoming: one-off plans not over yet (a skipped one is exported with
//    STATUS:CANCELLED so a calendar that imported it before drops it), and
//    rituals that have not ended before today (their whole series).
//  - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
//    sequence; TEXT values escape backslash, semicolon, comma and newline.
#include "clock.h"
#include "planner.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace hearth {

// TEXT value escaping: \ ; , and newlines (CRLF, CR or LF become \n); other
// control characters except tab are dropped.
std::string ics_escape_text(std::string_view s);
// One content line folded to at most 75 octets per line, each ending CRLF;
// continuation lines start with one space.
std::string ics_fold(std::string_view line);
// Undoes folding (CRLF followed by a space or tab is removed).
std::string ics_unfold(std::string_view text);
// A floating local date-time, "20260925T190000".
std::string ics_local(Date d, int minute_of_day);

std::string ics_for_upcoming(Planner& planner, const Clock& clock);

// Writes ics_for_upcoming() to `file` atomically (a temporary file in the same
// folder renamed into place). Throws std::runtime_error naming the file.
void export_ics(Planner& planner, const Clock& clock, const std::filesystem::path& file);

} // namespace hearth
