#include "week_markdown.h"

#include "atomic_file.h"

#include "hearth_model.h"
#include "week_summary.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hearth {

namespace {

bool escape_anywhere(char c) {
    switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '&': case '~': return true;
    default: return false;
    }
}

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// One line of block text.
void escape_line(std::string& out, std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) out += line[i++];
    // What would open a heading, a list, a thematic break or a setext underline.
    if (i < line.size()) {
        char c = line[i];
        if (c == '#' || c == '-' || c == '+' || c == '=') {
            out += '\\';
            out += c;
            ++i;
        } else if (c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
            if (j < line.size() && (line[j] == '.' || line[j] == ')')) {
                out.append(line.substr(i, j - i));
                out += '\\';
                out += line[j];
                i = j + 1;
            }
        }
    }
    for (; i < line.size(); ++i) {
        if (escape_anywhere(line[i])) out += '\\';
        out += line[i];
    }
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        auto nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (nl != std::string_view::npos && !line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::string hh_mm(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
    return buf;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string hours_text(int minutes) {
    char buf[32];
    if (minutes % 60 == 0) std::snprintf(buf, sizeof buf, "%d", minutes / 60);
    else std::snprintf(buf, sizeof buf, "%.1f", minutes / 60.0);
    return std::string(buf) + (minutes == 60 ? " hour" : " hours");
}

std::string when(WallTime t) { return format_day_human(local_date(t)) + " at " + local_clock_time(t); }

struct Writer {
    Model& m;
    std::string out;
    std::string name(int slot) const { return markdown_escape_inline(m.couple.partner(slot).name); }
    void line(const std::string& s = {}) { out += s + "\n"; }
    void para(const std::string& s) { out += s + "\n\n"; }
    void quote(std::string_view text) { out += markdown_blockquote(text) + "\n"; }
};

void write_glance(Writer& w, const WeekSummary& s) {
    w.line("## At a glance");
    w.line();
    w.line("- Appreciations: " + w.name(0) + " " + std::to_string(s.appreciations.given[0]) + ", " + w.name(1) + " " +
           std::to_string(s.appreciations.given[1]));
    const auto& q = s.quality_time;
    std::string qt = "- Quality time: " + std::to_string(q.done) + " of " + std::to_string(q.planned) + " done";
    if (q.minutes_done > 0) qt += ", " + hours_text(q.minutes_done);
    w.line(qt);
    const int breaks = s.breaks.taken[0] + s.breaks.taken[1];
    std::string b = "- Breaks: " + std::to_string(breaks);
    if (breaks > 0)
        b += " (" + w.name(0) + " " + std::to_string(s.breaks.taken[0]) + ", " + w.name(1) + " " +
             std::to_string(s.breaks.taken[1]) + ")";
    w.line(b);
    std::string l = "- Listening sessions: " + std::to_string(s.listening.sessions);
    for (int slot = 0; slot < 2; ++slot)
        if (auto avg = s.listening.felt_heard_avg[std::size_t(slot)]) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.1f", *avg);
            l += std::string(slot == 0 || !s.listening.felt_heard_avg[0] ? "; felt heard: " : ", ") + w.name(slot) +
                 " " + buf + " of 5";
        }
    w.line(l);
    w.line();
}

void write_appreciations(Writer& w, const WeekSummary& s) {
    w.line("## Appreciations");
    w.line();
    GratitudeFilter f;
    f.week = s.monday;
    auto entries = w.m.gratitude.page(f, 0, std::max(1, s.appreciations.given[0] + s.appreciations.given[1]));
    std::reverse(entries.begin(), entries.end());  // oldest first, as the week went
    if (entries.empty()) {
        w.para("None written this week.");
        return;
    }
    for (int from = 0; from < 2; ++from) {
        bool any = false;
        for (const auto& e : entries) {
            if (e.from_slot != from) continue;
            if (!any) w.para("### From " + w.name(from) + " to " + w.name(1 - from));
            any = true;
            w.para(format_day_human(e.day) + ":");
            w.quote(e.text);
        }
    }
}

void write_went_well(Writer& w, const WeekSummary& s) {
    w.line("## What went well");
    w.line();
    auto week = w.m.planner.week(s.monday);
    bool any = false;
    for (const auto& o : week.all()) {
        if (o.state != PlanState::done) continue;
        any = true;
        w.para("### " + format_day_human(o.day) + ", " + hh_mm(o.start_minute) + ": " + markdown_escape_inline(o.title));
        std::string facts = plural(o.length_minutes, "minute", "minutes") + ".";
        for (int slot = 0; slot < 2; ++slot)
            if (auto r = o.rating[std::size_t(slot)]) facts += " " + w.name(slot) + ": " + std::to_string(*r) + " of 5.";
        w.para(facts);
        if (!o.memory.empty()) {
            w.para("A memory:");
            w.quote(o.memory);
        }
    }
    if (!any) w.para("No quality time was marked done this week.");
    if (s.review && !s.review->went_well_note.empty()) {
        w.para("Our note:");
        w.quote(s.review->went_well_note);
    }
}

void write_session(Writer& w, const SessionView& v) {
    std::string how = v.state == SessionState::finished      ? "finished"
                      : v.state == SessionState::ended_early ? "ended early"
                                                             : "not over yet";
    w.para("We did the listening exercise (" + markdown_escape_inline(v.exercise_title) + ") on " +
           format_day_human(v.day) + ", " + how + ".");
    std::vector<int> order;
    int last_turn = -1;
    for (const auto& st : w.m.sessions.steps(v.id))
        if (st.turn != last_turn) {
            last_turn = st.turn;
            order.push_back(st.speaker_slot);
        }
    if (order.empty()) order.push_back(v.first_speaker_slot);
    std::string speakers;
    for (std::size_t i = 0; i < order.size(); ++i) speakers += (i ? ", " : "") + w.name(order[i]);
    w.line("- Speaker order: " + speakers);
    w.line("- Clarify loops: " + std::to_string(v.clarify_loops));
    std::string heard;
    for (int slot = 0; slot < 2; ++slot)
        if (auto fh = v.felt_heard(slot)) heard += (heard.empty() ? "" : ", ") + w.name(slot) + " " + std::to_string(*fh) + " of 5";
    w.line("- Felt heard: " + (heard.empty() ? std::string("not rated") : heard));
    w.line(std::string("- Talked through: ") + (v.topic_talked_through ? "yes" : "not yet"));
    w.line();
}

void write_issue(Writer& w, const WeekSummary& s) {
    w.line("## The issue");
    w.line();
    if (!s.review || s.review->issue.source == IssueSource::none) {
        w.para("No issue was picked.");
        return;
    }
    const auto& is = s.review->issue;
    std::string from;
    if (is.source == IssueSource::break_topic && is.break_id) {
        if (auto b = w.m.breaks.get(*is.break_id))
            from = "It came up in a break " + w.name(b->caller_slot) + " called on " + format_day_human(b->day) + ".";
    } else if (is.source == IssueSource::session_topic && is.from_session_id) {
        if (auto v = w.m.sessions.get(*is.from_session_id))
            from = "It is still open from the listening session on " + format_day_human(v->day) + ".";
    } else if (is.source == IssueSource::new_topic) {
        from = "A new topic.";
    }
    w.para("The topic:");
    w.quote(is.topic);
    if (!from.empty()) w.para(from);
    switch (is.outcome) {
    case IssueOutcome::none: w.para("Nothing was decided about it yet."); break;
    case IssueOutcome::left: w.para("We left it for another time."); break;
    case IssueOutcome::scheduled:
        if (is.scheduled_day) {
            w.para("We set a time for it: " + format_day_human(*is.scheduled_day) +
                   (is.scheduled_minute ? " at " + hh_mm(*is.scheduled_minute) : std::string()) + ".");
        } else if (is.plan_id) {
            if (auto p = w.m.planner.get(*is.plan_id))
                w.para("We set a time for it: " + format_day_human(p->day) + " at " + hh_mm(p->start_minute) + " (" +
                       markdown_escape_inline(p->title) + ").");
            else
                w.para("We set a time for it.");
        } else {
            w.para("We set a time for it (the plan was removed since).");
        }
        break;
    case IssueOutcome::listened:
        if (auto v = is.session_id ? w.m.sessions.get(*is.session_id) : std::nullopt) write_session(w, *v);
        else w.para("We did the listening exercise on it.");
        break;
    }
}

void write_checkin(Writer& w, const WeekSummary& s) {
    w.line("## Check-in");
    w.line();
    if (!s.review) {
        w.para("No check-in this week.");
        return;
    }
    for (int slot = 0; slot < 2; ++slot) {
        const auto& c = s.review->checkin[std::size_t(slot)];
        w.para("### " + w.name(slot));
        w.para(c.connection ? "Felt connected: " + std::to_string(*c.connection) + " of 10."
                            : std::string("Felt connected: not rated."));
        // The question as the review asked it of this partner.
        w.para("What can " + w.name(1 - slot) + " do to make you feel loved this coming week?");
        if (c.loved_answer.empty()) w.para("(no answer)");
        else w.quote(c.loved_answer);
    }
}

// Only when a card was talked about: a week without any has no section.
void write_cards(Writer& w, const std::vector<Talk>& talks) {
    if (talks.empty()) return;
    w.line("## Conversation cards");
    w.line();
    for (const auto& t : talks) {
        w.para("### " + format_day_human(t.day) + ": " + markdown_escape_inline(t.question));
        if (!t.note.empty()) w.quote(t.note);
        for (const auto& r : t.rounds) {
            const int guesser = 1 - r.answerer_slot;
            w.para(w.name(r.answerer_slot) + " answered:");
            w.quote(r.answer);
            w.para(w.name(guesser) + " guessed:");
            w.quote(r.guess);
            if (r.closeness)
                w.para("How close, said " + w.name(r.answerer_slot) + ": " + std::string(closeness_label(*r.closeness)) +
                       ".");
        }
    }
}

void write_next_week(Writer& w, const WeekSummary& s) {
    const Date next = add_days(s.monday, 7);
    w.line("## Next week (" + format_iso_week(iso_week(next)) + ")");
    w.line();
    std::set<std::string> from_review;
    if (s.review) from_review.insert(s.review->plan_ids.begin(), s.review->plan_ids.end());
    bool any = false;
    for (const auto& o : w.m.planner.occurrences(next, add_days(next, 6))) {
        if (o.state == PlanState::skipped) continue;
        any = true;
        w.line("- " + format_day_human(o.day) + ", " + hh_mm(o.start_minute) + " (" +
               plural(o.length_minutes, "minute", "minutes") + "): " + markdown_escape_inline(o.title) +
               (from_review.count(o.plan_id) ? " (planned in the review)" : ""));
    }
    if (any) w.line();
    else w.para("Nothing planned yet.");
}

} // namespace

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) out += '\n';
        escape_line(out, lines[i]);
    }
    return out;
}

std::string markdown_escape_inline(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (c == '\n') {
            out += ' ';
            continue;
        }
        if (escape_anywhere(c) || c == '#') out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_blockquote(std::string_view text) {
    std::string out;
    auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_blank(lines[i])) {
            out += ">";
            if (!lines[i].empty()) out += " ";
            out.append(lines[i]);
        } else {
            out += "> ";
            escape_line(out, lines[i]);
            // A hard line break when the next line continues the same paragraph.
            if (i + 1 < lines.size() && !is_blank(lines[i + 1])) out += '\\';
        }
        out += '\n';
    }
    return out;
}

std::string week_markdown(Model& m, IsoWeek week) {
    if (!m.couple.is_set_up()) throw WeekExportError(week_export_problem(m, week));
    const WeekSummary s = week_summary(m, week, 5);
    Writer w{m, {}};
    w.para("# Our week: " + format_iso_week(week));
    w.para(format_day_human(s.monday) + " to " + format_day_human(s.sunday) + ", " + w.name(0) + " and " + w.name(1) + ".");
    const auto talks = m.decks.talked_between(s.monday, s.sunday);
    if (s.empty() && talks.empty()) {
        w.line("Nothing was recorded this week.");
        return w.out;
    }
    if (!s.review) {
        w.para("No weekly review was held for this week.");
    } else if (s.review->finished()) {
        w.para("Weekly review held" + std::string(s.review->late ? " late" : "") + ", finished " +
               when(*s.review->finished_at) + ".");
    } else {
        const auto& info = review_step_info(s.review->step);
        w.para("Weekly review started " + when(s.review->started_at) + ", not finished yet (at step " +
               std::to_string(int(s.review->step) + 1) + " of " + std::to_string(kReviewSteps) + ": " +
               std::string(info.title) + ").");
    }
    write_glance(w, s);
    write_appreciations(w, s);
    write_went_well(w, s);
    write_issue(w, s);
    write_checkin(w, s);
    write_cards(w, talks);
    write_next_week(w, s);
    // One newline at the end of the file.
    while (w.out.size() >= 2 && w.out[w.out.size() - 1] == '\n' && w.out[w.out.size() - 2] == '\n') w.out.pop_back();
    return w.out;
}

std::string week_export_problem(Model& m, IsoWeek week) {
    if (!m.couple.is_set_up()) return "Hearth is not set up yet: there is no couple and nothing to export.";
    if (!is_valid_iso_week(week)) {
        if (week.year >= 1 && week.year <= 9999 && week.week >= 1) {
            char buf[128];
            std::snprintf(buf, sizeof buf, "The week %s does not exist: %04d has %d ISO weeks.",
                          format_iso_week(week).c_str(), week.year, iso_weeks_in_year(week.year));
            return buf;
        }
        return "That is not a week of the calendar.";
    }
    if (iso_week_monday(week) > week_start(local_date(m.clock.now())))
        return "The week " + format_iso_week(week) + " has not begun yet; only this week and past weeks can be exported.";
    return {};
}

IsoWeek parse_export_week(Model& m, std::string_view text) {
    auto shape_ok = [&] {
        if (text.size() != 8 || text[4] != '-' || text[5] != 'W') return false;
        for (std::size_t i : {0u, 1u, 2u, 3u, 6u, 7u})
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    };
    if (!shape_ok())
        throw WeekExportError("\"" + std::string(text) + "\" is not a week: write it as YYYY-Www, like 2026-W39.");
    IsoWeek w{std::stoi(std::string(text.substr(0, 4))), std::stoi(std::string(text.substr(6, 2)))};
    if (auto why = week_export_problem(m, w); !why.empty()) throw WeekExportError(why);
    return w;
}

void export_week_markdown(Model& m, IsoWeek week, const std::filesystem::path& file) {
    if (auto why = week_export_problem(m, week); !why.empty()) throw WeekExportError(why);
    const std::string text = week_markdown(m, week);
    const std::string name = file.string();
    // A document to share, not a secret like the database.
    if (auto why = write_file_atomically(file, text, FileAccess::shareable); !why.empty())
        throw WeekExportError("Cannot write the summary " + name + ": " + why);
}

} // namespace hearth
