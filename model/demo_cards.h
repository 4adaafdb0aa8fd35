#pragma once
// Sample conversation-card history for --demo, screenshots and the benchmark:
// a question of the day for each past day, a few cards talked about each week
// (some with notes, some with a guess-and-reveal round), favourites, a hidden
// card and a deck of the couple's own. Deterministic for a given seed and clock.
// Call after the couple exists, inside the caller's transaction if any; it
// reloads model.decks itself.
#include "hearth_model.h"

namespace hearth {

void add_demo_cards(Model& model, int weeks = 26, unsigned seed = 7);

} // namespace hearth
