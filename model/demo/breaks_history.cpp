// Conflict breaks: eight past ones over the half year (two topics still open,
// one chain with "more time") and one running now. Each is called, counted
// down and come back from through Breaks on the moving clock, so the state,
// the return time and "back on time" are the model's own.
#include "story_parts.h"

namespace hearth::demo {

void write_breaks(DemoRun& run, Story& story) {
    const auto& past = run.texts().past_breaks;
    for (std::size_t i = 0; i < past.size(); ++i) {
        const PastBreak& b = past[i];
        Date day = add_days(run.today, -7 * b.weeks_ago + run.uniform(-2, 2));
        WallTime start = local_midnight(day) + hours{20} + minutes{run.uniform(0, 90)};
        if (start > run.now) start = run.now - hours{30};
        story.breaks.push_back({"", b.topic, start});

        run.at(start, [&run, &story, i, b] {
            auto& breaks = run.model().breaks;
            BreakRequest request;
            request.caller_slot = b.caller;
            request.topic = b.topic;
            request.minutes = b.planned_minutes;
            auto started = breaks.start(request);
            must(started, "break");
            story.breaks[i].id = started.id;
            if (b.ending == "ended_early") {
                run.pass(minutes{b.taken_minutes});
                must(breaks.end_early(started.id), "break ended early");
                return;
            }
            run.pass(minutes{b.planned_minutes});
            breaks.tick();  // time is up
            std::string back_from = started.id;
            if (b.ending == "continued") {
                // Ten more minutes, asked for when the first time ran out; then they came back.
                auto more = breaks.more_time(started.id, 10);
                must(more, "more time");
                run.pass(minutes{10});
                breaks.tick();
                back_from = more.id;
            } else {
                run.pass(minutes{b.back_late_minutes});
            }
            must(breaks.come_back(back_from), "back from a break");
        });

        // The next day the topic is settled, unless a listening session already did.
        if (b.topic_status == "talked_through" || b.topic_status == "dismissed")
            run.at(start + hours{26}, [&run, &story, i, dismissed = b.topic_status == "dismissed"] {
                auto& breaks = run.model().breaks;
                const std::string& id = story.breaks[i].id;
                auto v = breaks.get(id);
                if (!v || v->topic_status != TopicStatus::open) return;
                must(dismissed ? breaks.dismiss_topic(id) : breaks.mark_topic_talked_through(id), "break topic");
            });
    }

    // One called a few minutes ago, still running.
    const RunningBreak& r = run.texts().running_break;
    run.at(run.now - minutes{r.started_minutes_ago}, [&run, r] {
        BreakRequest request;
        request.caller_slot = r.caller;
        request.topic = r.topic;
        request.minutes = r.minutes;
        must(run.model().breaks.start(request), "running break");
    });
}

} // namespace hearth::demo
