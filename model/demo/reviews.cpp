// Weekly reviews, held on Sunday evenings through WeeklyReviews step by step:
// the week's appreciations read aloud, what went well, one issue (sometimes
// listened to there and then), the check-in, and next week's plans made.
#include "story_parts.h"

#include <cmath>
#include <set>

namespace hearth::demo {
namespace {

struct ReviewScript {
    Date monday;
    std::string went_well;
    std::array<int, 2> connection{};
    std::array<std::string, 2> loved;
    // Step 3, decided when the review gets there (it depends on what happened).
    std::function<void(const std::string& review_id)> issue;
};

// A connection rating around `base`, a point either way.
int connection_near(DemoRun& run, double base) {
    return std::clamp(int(std::lround(base + run.uniform(-10, 10) / 10.0)), 2, 10);
}

int minute_of_day(WallTime t) {
    return int(duration_cast<minutes>(t - local_midnight(local_date(t))).count());
}

void hold_review(DemoRun& run, Story& story, const ReviewScript& r) {
    auto& m = run.model();
    auto& reviews = m.reviews;
    auto made_plans = story.plans_made_in_review.find(r.monday);
    auto started = reviews.start(iso_week(r.monday));
    if (!started.ok()) {
        // That week was already reviewed (a long history over the demo): the plans are made all the same.
        if (made_plans != story.plans_made_in_review.end())
            for (auto& make : made_plans->second) make();
        return;
    }
    const std::string id = started.id;

    // 1. This week's appreciations (most of them) read aloud.
    std::vector<std::string> read;
    for (const auto& entry : story.week_entries[r.monday])
        if (run.chance(story.share_chance)) read.push_back(entry);
    story.week_entries.erase(r.monday);
    run.pass(minutes{run.uniform(3, 12)});
    if (!read.empty()) must(reviews.mark_read_aloud(id, read), "appreciations read aloud");
    must(reviews.next(id), "review step");
    // 2. What went well.
    run.pass(minutes{run.uniform(6, 12)});
    if (!r.went_well.empty()) must(reviews.set_went_well_note(id, r.went_well), "went well");
    must(reviews.next(id), "review step");
    // 3. One issue.
    run.pass(minutes{run.uniform(3, 8)});
    if (r.issue) r.issue(id);
    must(reviews.next(id), "review step");
    // 4. Check-in.
    run.pass(minutes{run.uniform(5, 10)});
    for (int s = 0; s < 2; ++s) {
        must(reviews.set_connection(id, s, r.connection[std::size_t(s)]), "connection");
        if (!r.loved[std::size_t(s)].empty()) must(reviews.set_loved_answer(id, s, r.loved[std::size_t(s)]), "loved");
        run.pass(seconds{run.uniform(30, 120)});
    }
    must(reviews.next(id), "review step");
    // 5. Next week's plans.
    run.pass(minutes{run.uniform(3, 6)});
    if (made_plans != story.plans_made_in_review.end())
        for (auto& make : made_plans->second) {
            must(reviews.add_plan(id, make()), "review plan");
            run.pass(seconds{run.uniform(40, 150)});
        }
    run.pass(minutes{run.uniform(1, 4)});
    must(reviews.finish(id), "review");
}

} // namespace

// The weeks reviewed: last Sunday's, and about seven in eight before it.
void plan_review_weeks(DemoRun& run, Story& story) {
    const Date this_monday = week_start(run.today);
    for (int w = 25; w >= 1; --w) {
        const Date monday = add_days(this_monday, -7 * w);
        const bool reviewed = w == 1 || run.chance(0.88);
        const WallTime at = run.jitter(local_midnight(add_days(monday, 6)) + hours{18} + minutes{run.uniform(0, 120)});
        if (reviewed && at < run.now - hours{3}) story.review_at[monday] = at;
    }
}

// The issue is the week's break topic when there was one (listened to when a
// session followed it), a listening topic still open, a topic of their own,
// or nothing pressing; connection rises gently over the half year.
void write_reviews(DemoRun& run, Story& story) {
    const auto& t = run.texts();
    const Date this_monday = week_start(run.today);
    auto went = std::make_shared<std::vector<std::string>>(t.went_well);
    std::array<std::vector<std::string>, 2> loved = t.loved;
    auto issues = std::make_shared<std::vector<std::string>>(t.new_issues);
    run.shuffle(*went);
    run.shuffle(loved[0]);
    run.shuffle(loved[1]);
    run.shuffle(*issues);
    std::size_t next_went = 0;
    auto next_issue = std::make_shared<std::size_t>(0);
    std::array<std::size_t, 2> next_loved{};
    auto used_topics = std::make_shared<std::set<std::string>>();

    for (const auto& [monday, at] : story.review_at) {
        const int weeks_ago = days_between(monday, this_monday) / 7;
        ReviewScript r;
        r.monday = monday;
        r.went_well = run.chance(0.92) ? (*went)[next_went++ % went->size()] : "";
        const WallTime week_from = local_midnight(monday);
        bool had_break = false;
        std::optional<std::size_t> topic_break;   // the week's last break with a topic
        for (std::size_t i = 0; i < story.breaks.size(); ++i)
            if (story.breaks[i].start >= week_from && story.breaks[i].start < at) {
                had_break = true;
                if (!story.breaks[i].topic.empty()) topic_break = i;
            }
        const double base = 5.6 + (25 - weeks_ago) * 0.09 - (had_break ? 0.8 : 0.0);
        for (std::size_t s = 0; s < 2; ++s) {
            r.connection[s] = connection_near(run, base);
            if (!run.chance(0.05)) r.loved[s] = loved[s][next_loved[s]++ % loved[s].size()];
        }
        const WallTime review_at = at;
        const Date review_monday = monday;
        r.issue = [&run, &story, review_at, review_monday, topic_break, issues, next_issue,
                   used_topics](const std::string& id) {
            auto& reviews = run.model().reviews;
            // A session started in this review: the issue is listened to there and then.
            if (auto held = story.session_in_review.find(review_monday); held != story.session_in_review.end()) {
                const Story::SessionInfo& session = *held->second.info;
                must(reviews.choose_issue(id, {IssueSource::new_topic, "", session.topic}), "issue");
                held->second.run();
                if (!session.id.empty()) must(reviews.issue_listened(id, session.id), "issue listened");
                run.pass(minutes{run.uniform(8, 15)});
                return;
            }
            if (topic_break) {
                const auto& b = story.breaks[*topic_break];
                must(reviews.choose_issue(id, {IssueSource::break_topic, b.id, ""}), "issue");
                const Story::SessionInfo* after = nullptr;
                for (const auto& s : story.sessions)
                    if (s->from_break && s->topic == b.topic && s->start > b.start) after = s.get();
                if (after && after->end) {
                    must(reviews.issue_listened(id, after->id), "issue listened");
                } else if (after) {
                    must(reviews.issue_scheduled(id, local_date(after->start), minute_of_day(after->start)), "issue scheduled");
                } else {
                    must(reviews.issue_left(id), "issue left");
                }
                return;
            }
            // A listening topic still open from the last fortnight, else one of their own, or nothing.
            const Story::SessionInfo* open = nullptr;
            for (const auto& s : story.sessions)
                if (!s->from_break && !s->talked_through && !s->topic.empty() && s->end && !s->id.empty() &&
                    s->start >= review_at - days{14} && !used_topics->count(s->topic))
                    open = s.get();
            if (open) {
                used_topics->insert(open->topic);
                must(reviews.choose_issue(id, {IssueSource::session_topic, open->id, ""}), "issue");
                must(reviews.issue_scheduled(id, add_days(review_monday, 7 + 5), 10 * 60 + 30), "issue scheduled");
            } else if (run.chance(0.6)) {
                const std::string& topic = (*issues)[(*next_issue)++ % issues->size()];
                must(reviews.choose_issue(id, {IssueSource::new_topic, "", topic}), "issue");
                if (run.chance(0.5))
                    must(reviews.issue_left(id), "issue left");
                else
                    must(reviews.issue_scheduled(id, add_days(review_monday, 7 + run.uniform(1, 3)),
                                                 run.chance(0.5) ? 20 * 60 : 20 * 60 + 30),
                         "issue scheduled");
            }
        };
        run.at(at, [&run, &story, r] { hold_review(run, story, r); });
    }
}

// A review on about 85% of Sundays, started between seven and eight.
void plan_long_review_weeks(DemoRun& run, Story& story, int years) {
    const Date first_monday = week_start(add_days(run.today, -span_days(years)));
    const Date this_monday = week_start(run.today);
    for (Date monday = first_monday; monday < this_monday; monday = add_days(monday, 7)) {
        if (!run.chance(0.85)) continue;
        const WallTime at = run.jitter(local_midnight(add_days(monday, 6)) + hours{19} + minutes{run.uniform(0, 60)});
        if (at + minutes{120} > run.now) continue;
        story.review_at[monday] = at;
    }
}

void write_long_reviews(DemoRun& run, Story& story, int years) {
    const auto& t = run.texts();
    const Date first_monday = week_start(add_days(run.today, -span_days(years)));
    for (const auto& [monday, at] : story.review_at) {
        const int i = days_between(first_monday, monday) / 7;
        ReviewScript r;
        r.monday = monday;
        r.went_well = run.pick(t.went_well);
        if (run.chance(0.35)) {
            const std::string topic = run.pick(t.long_topics);
            const bool left = run.chance(0.5);
            const Date day = add_days(monday, 7 + run.uniform(1, 3));
            r.issue = [&run, topic, left, day](const std::string& id) {
                auto& reviews = run.model().reviews;
                must(reviews.choose_issue(id, {IssueSource::new_topic, "", topic}), "issue");
                must(left ? reviews.issue_left(id) : reviews.issue_scheduled(id, day, 20 * 60), "issue outcome");
            };
        }
        const double base = 6.5 + 1.2 * std::sin(i / 20.0);
        for (std::size_t s = 0; s < 2; ++s) {
            r.connection[s] = connection_near(run, base);
            r.loved[s] = run.pick(t.loved[s]);
        }
        run.at(at, [&run, &story, r] { hold_review(run, story, r); });
    }
}

} // namespace hearth::demo
