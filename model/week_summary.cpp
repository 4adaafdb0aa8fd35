#include "week_summary.h"

#include "hearth_model.h"

namespace hearth {

IsoWeek add_weeks(IsoWeek w, int n) { return iso_week(add_days(iso_week_monday(w), 7 * n)); }

bool WeekSummary::empty() const {
    return appreciations.given[0] == 0 && appreciations.given[1] == 0 && quality_time.planned == 0 &&
           quality_time.done == 0 && quality_time.skipped == 0 && breaks.taken[0] == 0 && breaks.taken[1] == 0 &&
           listening.sessions == 0 && !review.has_value();
}

float WeekSummary::appreciations_meter(int slot) const {
    return float(appreciations.given[std::size_t(slot)]) / kWeeklyAppreciationsHint;
}

float WeekSummary::quality_time_meter() const { return float(quality_time.hours_done() / kWeeklyQualityHoursHint); }

std::optional<int> WeekSummary::appreciation_invite() const {
    return is_current ? appreciations.invite_slot : std::nullopt;
}

const Occurrence* WeekSummary::next_up() const {
    return is_current && quality_time.next_up ? &*quality_time.next_up : nullptr;
}

std::optional<int> WeekSummary::days_since_last_review(Date today) const {
    if (!last_review || !last_review->finished_at) return std::nullopt;
    return days_between(local_date(*last_review->finished_at), today);
}

WeekSummary week_summary(Model& m, IsoWeek week, int newest) {
    WeekSummary s;
    s.week = week;
    s.monday = iso_week_monday(week);
    s.sunday = add_days(s.monday, 6);
    s.is_current = week_start(local_date(m.clock.now())) == s.monday;
    s.appreciations = m.gratitude.week(s.monday, newest);
    s.quality_time = m.planner.week_figures(s.monday);
    s.breaks = m.breaks.week(s.monday);
    auto topics = m.breaks.open_topics();
    if (int(topics.size()) > newest) topics.resize(std::size_t(std::max(newest, 0)));
    s.open_break_topics = std::move(topics);
    s.listening = m.sessions.week(s.monday);
    s.review = m.reviews.for_week(week);
    if (s.review)
        for (int slot = 0; slot < 2; ++slot) s.connection[std::size_t(slot)] = s.review->checkin[std::size_t(slot)].connection;
    s.last_review = m.reviews.last_finished();
    return s;
}

std::vector<std::array<int, 2>> appreciations_per_week(Model& m, IsoWeek last, int weeks) {
    std::vector<std::array<int, 2>> out(std::size_t(std::max(weeks, 0)));
    if (weeks <= 0) return out;
    const Date first_monday = iso_week_monday(add_weeks(last, -(weeks - 1)));
    const Date last_sunday = add_days(iso_week_monday(last), 6);
    auto& st = m.db.prepare(
        "SELECT CAST((julianday(g.day) - julianday(?1)) / 7 AS INTEGER) AS wk, pf.slot, count(*)"
        " FROM gratitude g JOIN partner pf ON pf.id = g.from_partner"
        " WHERE g.day BETWEEN ?1 AND ?2 GROUP BY wk, pf.slot");
    st.bind(1, format_date(first_monday)).bind(2, format_date(last_sunday));
    while (st.step()) {
        const int64_t wk = st.integer(0);
        const int64_t slot = st.integer(1);
        if (wk < 0 || wk >= weeks || (slot != 0 && slot != 1)) continue;
        out[std::size_t(wk)][std::size_t(slot)] = int(st.integer(2));
    }
    st.reset();
    return out;
}

std::vector<WeekTrend> week_trends(Model& m, IsoWeek last, int weeks) {
    std::vector<WeekTrend> out;
    if (weeks <= 0) return out;
    const IsoWeek first = add_weeks(last, -(weeks - 1));
    const Date last_day = add_days(iso_week_monday(last), 6);
    out.resize(std::size_t(weeks));
    for (int i = 0; i < weeks; ++i) {
        out[std::size_t(i)].monday = add_days(iso_week_monday(first), 7 * i);
        out[std::size_t(i)].week = iso_week(out[std::size_t(i)].monday);
    }
    auto index_of = [&](Date monday) -> int {
        const int d = days_between(out.front().monday, monday);
        if (d < 0 || d % 7 != 0 || d / 7 >= weeks) return -1;
        return d / 7;
    };

    const auto given = appreciations_per_week(m, last, weeks);
    for (int i = 0; i < weeks; ++i) out[std::size_t(i)].appreciations = given[std::size_t(i)];

    for (const auto& h : m.planner.hours_series(last_day, weeks))
        if (int i = index_of(h.monday); i >= 0) out[std::size_t(i)].quality_hours = h.hours_done();

    for (const auto& e : m.sessions.weeks(last_day, weeks))
        if (int i = index_of(e.monday); i >= 0) out[std::size_t(i)].felt_heard = e.felt_heard_avg;

    for (const auto& c : m.reviews.connections(first, last))
        if (int i = index_of(iso_week_monday(c.week)); i >= 0) out[std::size_t(i)].connection = c.connection;
    return out;
}

} // namespace hearth
