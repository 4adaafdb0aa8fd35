#include "demo_data.h"
// Maya and Sam, written through the public model API on a fake clock (see
// model/demo/demo_run.h); their words are in assets/demo/*.json.

#include "demo/story_parts.h"

namespace hearth {

void fill_demo_data(Model& model, unsigned seed) {
    const Date today = local_date(model.clock.now());
    // A week before the first of the 26 weeks: the couple starts using Hearth.
    const WallTime start = local_midnight(add_days(week_start(today), -7 * 27)) + std::chrono::hours{20};
    demo::DemoRun run(model, seed, start);
    Transaction tx(run.model().db);
    demo::Story story;
    demo::begin_story(run, story);
    demo::plan_review_weeks(run, story);
    demo::write_gratitude(run, story);
    demo::write_breaks(run, story);
    demo::write_quality_time(run, story);
    demo::write_listening(run, story);
    demo::write_reviews(run, story);
    run.play();
    tx.commit();
}

void fill_long_history(Model& model, int years, int appreciations, unsigned seed) {
    const Date today = local_date(model.clock.now());
    const WallTime start = local_midnight(add_days(week_start(add_days(today, -demo::span_days(years))), -7));
    demo::DemoRun run(model, seed, start);
    Transaction tx(run.model().db);
    demo::Story story;
    demo::begin_story(run, story);
    demo::plan_long_review_weeks(run, story, years);
    demo::write_long_gratitude(run, story, years, appreciations);
    demo::write_long_quality_time(run, story, years);
    demo::write_long_listening(run, story, years);
    demo::write_long_reviews(run, story, years);
    run.play();
    tx.commit();
}

} // namespace hearth
