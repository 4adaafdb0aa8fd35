// Appreciations: half a year of them for the demo, or tens of thousands over
// years for the long history. Each is written through GratitudeLog::add at the
// moment it was typed; the weekly review reads them aloud (reviews.cpp).
#include "story_parts.h"

#include "utf8.h"

#include <algorithm>
#include <set>

namespace hearth::demo {
namespace {

constexpr std::size_t kMaxLongChars = 400;

struct Note {
    int from = 0;
    Date day;
    std::string text;
    std::optional<std::string> category;
};

// A local time on `day`: mostly evenings, some mornings and lunchtimes, never
// in the future (today's notes were written before now).
WallTime moment_on(DemoRun& run, Date day, WallTime midnight, int& clamped_today) {
    int r = run.uniform(0, 99);
    int minute_of_day = r < 70 ? run.uniform(19 * 60, 22 * 60 + 50)
                      : r < 90 ? run.uniform(6 * 60 + 30, 8 * 60 + 45)
                               : run.uniform(12 * 60, 13 * 60 + 45);
    WallTime t = midnight + minutes{minute_of_day} + seconds{run.uniform(0, 59)} + milliseconds{run.uniform(0, 999)};
    if (day == run.today && t > run.now - minutes{1}) {
        // Earlier today, spaced out backwards from now.
        t = run.now - minutes{2 + 17 * clamped_today++} - seconds{run.uniform(0, 59)} - milliseconds{run.uniform(0, 999)};
    }
    return t;
}

Note composed(DemoRun& run, const Story& story) {
    const auto& t = run.texts();
    Note n;
    const Line& act = run.pick(t.acts);
    n.text = run.pick(t.openers) + act.text + run.pick(t.whys);
    n.category = category_of(run, story, act);
    return n;
}

// Texts for `n` appreciations from one partner, in the order they are written:
// every hand-written line once (when n allows; the astral ones are kept first
// so the Unicode paths always get exercised), the rest composed, never
// repeating a text in `seen`.
std::vector<Note> texts_for(DemoRun& run, const Story& story, int from, int n, std::set<std::string>& seen) {
    const auto& pool = run.texts().hand_written[std::size_t(from)];
    std::vector<const Line*> deck;
    for (const auto& l : pool) deck.push_back(&l);
    run.shuffle(deck);
    std::stable_partition(deck.begin(), deck.end(), [](const Line* l) { return has_astral(l->text); });
    if (deck.size() > std::size_t(n)) deck.resize(std::size_t(n));

    std::vector<Note> out;
    for (const Line* l : deck) {
        Note note;
        note.text = l->text;
        note.category = category_of(run, story, *l);
        seen.insert(note.text);
        out.push_back(std::move(note));
    }
    while (out.size() < std::size_t(n)) {
        Note note = composed(run, story);
        for (int tries = 0; tries < 20 && seen.count(note.text); ++tries) note = composed(run, story);
        seen.insert(note.text);
        out.push_back(std::move(note));
    }
    run.shuffle(out);
    return out;
}

// One appreciation for the long history, 20-400 characters.
Note long_history_note(DemoRun& run, const Story& story, int from) {
    const auto& t = run.texts();
    int r = run.uniform(0, 99);
    if (r < 12) {
        const Line& l = run.pick(t.short_notes);
        return {from, {}, l.text, category_of(run, story, l)};
    }
    if (r < 42) return composed(run, story);
    const Line& l = run.pick(t.hand_written[std::size_t(from)]);
    Note note{from, {}, l.text, category_of(run, story, l)};
    if (r >= 82) {
        // A longer note: the same moment, with a sentence or three more.
        std::size_t target = std::size_t(run.uniform(200, int(kMaxLongChars)));
        std::size_t len = codepoint_count(note.text);
        for (int tries = 0; tries < 8 && len < target; ++tries) {
            const std::string& extra = run.pick(t.extras);
            std::size_t n = codepoint_count(extra) + 1;
            if (len + n > kMaxLongChars) continue;
            note.text += ' ';
            note.text += extra;
            len += n;
        }
    }
    return note;
}

// Written through the log; the week's review will find it.
void add_note(DemoRun& run, Story& story, const Note& note) {
    GratitudeDraft d;
    d.from_slot = note.from;
    d.text = note.text;
    d.day = note.day;
    d.category_id = note.category;
    auto r = run.model().gratitude.add(d);
    must(r, "appreciation");
    story.week_entries[week_start(note.day)].push_back(r.id);
}

} // namespace

// 26 weeks ending today, three to six notes each a week (now and then a busy
// or a generous week); this week Maya is a little ahead, so the dashboard
// invites Sam.
void write_gratitude(DemoRun& run, Story& story) {
    constexpr int kWeeks = 26;
    const Date this_monday = week_start(run.today);
    const int days_this_week = days_between(this_monday, run.today);  // 0 on a Monday

    std::vector<std::pair<int, Date>> plan;  // (from, day)
    std::array<int, 2> per_partner{};
    for (int w = kWeeks - 1; w >= 0; --w) {
        Date monday = add_days(this_monday, -7 * w);
        std::array<int, 2> count{};
        if (w == 0) {
            count = {3, 2};
        } else {
            count = {run.uniform(3, 6), run.uniform(3, 6)};
            if (run.chance(0.3)) count[std::size_t(run.uniform(0, 1))] = run.uniform(2, 3);
            if (run.chance(0.1)) count[std::size_t(run.uniform(0, 1))] = 7;
        }
        for (int from = 0; from < 2; ++from)
            for (int k = 0; k < count[std::size_t(from)]; ++k) {
                int offset = w == 0 ? run.uniform(0, days_this_week) : run.uniform(0, 6);
                plan.emplace_back(from, add_days(monday, offset));
                ++per_partner[std::size_t(from)];
            }
    }

    std::set<std::string> seen;  // no note written twice, by either partner
    std::array<std::vector<Note>, 2> texts;
    for (int from = 0; from < 2; ++from)
        texts[std::size_t(from)] = texts_for(run, story, from, per_partner[std::size_t(from)], seen);
    std::array<std::size_t, 2> next{};
    int clamped_today = 0;
    for (const auto& [from, day] : plan) {
        Note note = std::move(texts[std::size_t(from)][next[std::size_t(from)]++]);
        note.from = from;
        note.day = day;
        run.at(moment_on(run, day, local_midnight(day), clamped_today),
               [&run, &story, note = std::move(note)] { add_note(run, story, note); });
    }
}

// `appreciations` entries spread evenly over `years` years ending today,
// made a day at a time as the clock gets there.
void write_long_gratitude(DemoRun& run, Story& story, int years, int appreciations) {
    story.share_chance = 0.92;  // of the weeks reviewed (about six in seven)
    struct Due {
        WallTime at;
        int from;
    };
    struct State {
        int n = 0, span = 0, next = 0, clamped_today = 0;
        Date first, day;
        std::vector<Due> today;   // the day being written, in order of time
        std::size_t pos = 0;
    };
    auto st = std::make_shared<State>();
    st->n = std::max(appreciations, 0);
    st->span = span_days(years);
    st->first = add_days(run.today, -st->span);
    // The first on `first`, the last today.
    auto offset_of = [st](int i) { return st->n > 1 ? int(int64_t(i) * st->span / (st->n - 1)) : st->span; };
    auto next_time = [&run, st, offset_of]() -> std::optional<WallTime> {
        if (st->pos == st->today.size()) {
            st->today.clear();
            st->pos = 0;
            if (st->next >= st->n) return std::nullopt;
            const int offset = offset_of(st->next);
            st->day = add_days(st->first, offset);
            const WallTime midnight = local_midnight(st->day);
            for (; st->next < st->n && offset_of(st->next) == offset; ++st->next) {
                const int from = run.chance(0.52) ? 0 : 1;
                st->today.push_back({moment_on(run, st->day, midnight, st->clamped_today), from});
            }
            std::stable_sort(st->today.begin(), st->today.end(), [](const Due& a, const Due& b) { return a.at < b.at; });
        }
        return st->today[st->pos].at;
    };
    auto run_next = [&run, &story, st] {
        const Due& due = st->today[st->pos++];
        Note note = long_history_note(run, story, due.from);
        note.from = due.from;
        note.day = st->day;
        add_note(run, story, note);
    };
    run.stream({next_time, run_next});
}

} // namespace hearth::demo
