#include "demo_run.h"

#include <algorithm>

namespace hearth::demo {

void must(const SaveResult& r, const char* what) {
    if (!r.ok()) throw std::runtime_error(std::string("Could not write the demo ") + what + ": " + r.error);
}

DemoRun::DemoRun(Model& target, unsigned seed, WallTime start)
    : now(target.clock.now()),
      today(local_date(now)),
      target_(target),
      clock_(start),
      texts_(DemoTexts::load(target.assets_dir / "demo")),
      rng_(seed) {
    // The writer borrows the target's connection (and its migrated schema and
    // seeded catalogs); ~DemoRun gives it back.
    model_ = std::make_unique<Model>(std::move(target.db), clock_, target.assets_dir);
}

DemoRun::~DemoRun() {
    target_.db = std::move(model_->db);
    model_.reset();
    target_.reload();
}

void DemoRun::at(WallTime t, std::function<void()> action) {
    if (playing_) throw std::logic_error("demo: schedule every action before play()");
    actions_.push_back({t, next_seq_++, std::move(action)});
}

void DemoRun::stream(Stream s) {
    if (playing_) throw std::logic_error("demo: add every stream before play()");
    streams_.push_back(std::move(s));
}

void DemoRun::play() {
    std::stable_sort(actions_.begin(), actions_.end(),
                     [](const Action& a, const Action& b) { return a.t < b.t; });
    playing_ = true;
    std::size_t i = 0;
    for (;;) {
        // The earliest due: a scheduled action, or a stream's next (ties: the action first).
        std::optional<WallTime> t;
        Stream* from = nullptr;
        if (i < actions_.size()) t = actions_[i].t;
        for (auto& s : streams_)
            if (auto st = s.next_time(); st && (!t || *st < *t)) {
                t = st;
                from = &s;
            }
        if (!t) break;
        if (*t > clock_.now()) clock_.advance(duration_cast<milliseconds>(*t - clock_.now()));
        if (from) {
            from->run_next();
        } else {
            auto run = std::move(actions_[i++].run);
            run();
        }
    }
    actions_.clear();
    streams_.clear();
    playing_ = false;
}

std::optional<std::string> category_of(DemoRun& run, const Story& story, const Line& line) {
    if (run.chance(0.15) || !line.category) return std::nullopt;
    if (*line.category == "own") {
        if (story.own_category_id.empty()) return std::nullopt;
        return story.own_category_id;
    }
    return line.category;
}

} // namespace hearth::demo
