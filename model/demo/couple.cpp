#include "story_parts.h"

namespace hearth::demo {

void begin_story(DemoRun& run, Story& story) {
    auto& m = run.model();
    const auto& t = run.texts();
    if (!m.couple.is_set_up())
        must(m.couple.set_up(t.names[0], t.colors[0], t.names[1], t.colors[1]), "couple");
    for (int s = 0; s < 2; ++s) story.partner_ids[std::size_t(s)] = m.couple.partner(s).id;
    for (const auto& c : m.categories.all())
        if (c.label == t.own_category) {
            story.own_category_id = c.id;
            return;
        }
    auto r = m.categories.add(t.own_category);
    must(r, "category");
    story.own_category_id = r.id;
}

} // namespace hearth::demo
