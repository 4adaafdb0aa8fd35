#include "ics_export.h"

#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {
using namespace std::chrono;

namespace {
constexpr std::size_t kMaxOctets = 75;

std::string utc_stamp(WallTime t) {
    auto s = floor<seconds>(t);
    auto day = floor<days>(s);
    year_month_day ymd{day};
    hh_mm_ss hms{s - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return buf;
}

// Civil (floating) arithmetic: the end is the start plus the length on the
// wall clock, whatever daylight saving does in between.
std::string ics_local_plus(Date d, int minute_of_day, int length_minutes) {
    int64_t total = int64_t(minute_of_day) + length_minutes;
    int64_t day_shift = total / (24 * 60);
    return ics_local(add_days(d, int(day_shift)), int(total % (24 * 60)));
}

class Writer {
public:
    void line(std::string_view name, std::string_view value) {
        std::string l(name);
        l += ':';
        l += value;
        out_ += ics_fold(l);
    }
    void text(std::string_view name, std::string_view value) { line(name, ics_escape_text(value)); }
    std::string& str() { return out_; }

private:
    std::string out_;
};

std::string description_of(const Occurrence& o, const Planner& planner) {
    std::string d = o.notes;
    auto add_para = [&](const std::string& s) {
        if (!d.empty()) d += "\n\n";
        d += s;
    };
    if (o.phones_away) add_para("Phones away.");
    if (o.suggested_by && planner.couple().is_set_up())
        add_para("Suggested by " + planner.couple().partner(*o.suggested_by).name + ".");
    return d;
}

void event_body(Writer& w, const Occurrence& o, const Planner& planner) {
    w.line("DTSTART", ics_local(o.day, o.start_minute));
    w.line("DTEND", ics_local_plus(o.day, o.start_minute, o.length_minutes));
    w.text("SUMMARY", o.title);
    if (auto d = description_of(o, planner); !d.empty()) w.text("DESCRIPTION", d);
    if (!o.place.empty()) w.text("LOCATION", o.place);
    if (auto k = planner.kinds().label_of(o.kind_id)) w.text("CATEGORIES", *k);
    w.line("STATUS", o.state == PlanState::skipped ? "CANCELLED" : "CONFIRMED");
    w.line("TRANSP", "OPAQUE");
}

std::string rrule_of(const Recurrence& r) {
    std::string s;
    if (r.repeat == Repeat::daily) {
        s = "FREQ=DAILY";
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "FREQ=WEEKLY;INTERVAL=%d;BYDAY=", r.interval_weeks);
        s = buf + byday_list(r.weekdays) + ";WKST=MO";
    }
    if (r.until) s += ";UNTIL=" + ics_local(*r.until, 23 * 60 + 59).substr(0, 13) + "59";
    return s;
}
} // namespace

std::string ics_escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r':
            out += "\\n";
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            break;
        default:
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;  // not allowed in TEXT
            out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    size_t pos = 0;
    bool first = true;
    while (true) {
        size_t room = first ? kMaxOctets : kMaxOctets - 1;  // a continuation starts with a space
        if (line.size() - pos <= room) {
            if (!first) out += ' ';
            out.append(line.substr(pos));
            out += "\r\n";
            return out;
        }
        size_t cut = pos + room;
        // Never split a UTF-8 sequence: back up to the start of the character.
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + room;  // not UTF-8 at all; cannot happen for valid text
        // Keep an escape (a backslash and the character after it) on one line:
        // folding inside one is valid, but some readers get it wrong.
        size_t slashes = 0;
        while (cut - slashes > pos && line[cut - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 1 && cut - 1 > pos) --cut;
        if (!first) out += ' ';
        out.append(line.substr(pos, cut - pos));
        out += "\r\n";
        pos = cut;
        first = false;
    }
}

std::string ics_unfold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 2 < text.size() && text[i + 1] == '\n' && (text[i + 2] == ' ' || text[i + 2] == '\t')) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string ics_local(Date d, int minute_of_day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d00", int(d.year()), unsigned(d.month()), unsigned(d.day()),
                  minute_of_day / 60, minute_of_day % 60);
    return buf;
}

std::string ics_for_upcoming(Planner& planner, const Clock& clock) {
    const WallTime now = clock.now();
    const Date today = local_date(now);
    const std::string stamp = utc_stamp(now);
    Writer w;
    w.line("BEGIN", "VCALENDAR");
    w.line("VERSION", "2.0");
    w.line("PRODID", "-//Hearth//Quality-time planner//EN");
    w.line("CALSCALE", "GREGORIAN");
    w.text("X-WR-CALNAME", "Hearth");

    for (const auto& p : planner.plans()) {
        const std::string uid = p.id + "@hearth";
        const std::string sequence = std::to_string(p.sequence);
        if (!p.recurring()) {
            auto o = planner.occurrence(p.id, p.day);
            if (!o || o->end <= now) continue;
            w.line("BEGIN", "VEVENT");
            w.line("UID", uid);
            w.line("DTSTAMP", stamp);
            w.line("SEQUENCE", sequence);
            event_body(w, *o, planner);
            w.line("END", "VEVENT");
            continue;
        }
        if (p.recurrence.until && std::chrono::sys_days{*p.recurrence.until} < std::chrono::sys_days{today}) continue;
        auto first = next_occurrence(p.recurrence, p.day, p.day);
        if (!first) continue;
        auto master = planner.occurrence(p.id, *first);
        if (!master) continue;
        // The series itself shows the plan as planned, not the first occurrence's exceptions.
        Occurrence series = *master;
        series.day = *first;
        series.start_minute = p.start_minute;
        series.length_minutes = p.length_minutes;
        series.title = p.title;
        series.place = p.place;
        series.notes = p.notes;
        series.state = PlanState::planned;

        std::vector<std::string> exdates;
        std::vector<Occurrence> overrides;
        for (const auto& ex : planner.exceptions(p.id)) {
            if (!occurs_on(p.recurrence, p.day, ex.original_day)) continue;  // no longer in the series
            if (ex.state == PlanState::skipped) {
                exdates.push_back(ics_local(ex.original_day, p.start_minute));
            } else if (ex.moved() || ex.changed()) {
                if (auto o = planner.occurrence(p.id, ex.original_day); o && (o->moved || o->changed))
                    overrides.push_back(*o);
            }
        }
        w.line("BEGIN", "VEVENT");
        w.line("UID", uid);
        w.line("DTSTAMP", stamp);
        w.line("SEQUENCE", sequence);
        event_body(w, series, planner);
        w.line("RRULE", rrule_of(p.recurrence));
        for (const auto& e : exdates) w.line("EXDATE", e);
        w.line("END", "VEVENT");
        for (const auto& o : overrides) {
            w.line("BEGIN", "VEVENT");
            w.line("UID", uid);
            w.line("DTSTAMP", stamp);
            w.line("SEQUENCE", sequence);
            w.line("RECURRENCE-ID", ics_local(o.original_day, p.start_minute));
            event_body(w, o, planner);
            w.line("END", "VEVENT");
        }
    }
    w.line("END", "VCALENDAR");
    return std::move(w.str());
}

void export_ics(Planner& planner, const Clock& clock, const std::filesystem::path& file) {
    const std::string name = file.string();
    auto fail = [&](const std::string& why) {
        return std::runtime_error("Cannot write the calendar file " + name + ": " + why);
    };
    std::string text;
    try {
        text = ics_for_upcoming(planner, clock);
    } catch (const std::exception& e) {
        throw fail(std::string("reading the plans failed: ") + e.what());
    }
    // A calendar file is meant to be shared with other apps: not owner-only.
    if (auto why = write_file_atomically(file, text, FileAccess::shareable); !why.empty()) throw fail(why);
}

} // namespace hearth
