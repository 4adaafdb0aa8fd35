#pragma once
// A realistic sample couple with months of history, for --demo, screenshots,
// tests and the benchmark. Deterministic for a given seed and clock.
//
// Written through the public model API on a fake clock that walks through the
// couple's past up to the model's now (model/demo/demo_run.h), with the texts
// from assets_dir/demo/*.json; in one transaction, so a failure leaves the
// model as it was. No SQL of its own: the rows are what the app would write.
#include "hearth_model.h"

namespace hearth {

// Fills an empty, migrated model: the couple, their own category, and about
// six months ending today of appreciations (some shared in reviews), conflict
// breaks (one running), dates, rituals and shared activities (this week and
// next planned), listening sessions (none under way) and finished weekly
// reviews of most past weeks.
void fill_demo_data(Model& model, unsigned seed = 7);

// A busy couple over `years` years with `appreciations` entries in total, a
// weekly walk and date, about a session a month and a review most weeks,
// written in one transaction (for the benchmark and scale tests).
void fill_long_history(Model& model, int years, int appreciations, unsigned seed = 11);

} // namespace hearth
