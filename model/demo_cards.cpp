#include "demo_cards.h"

#include "uuid.h"

#include <algorithm>
#include <random>

namespace hearth {

namespace {

constexpr const char* kNotes[] = {
    "Longer than we thought: we ended up talking about our first flat.",
    "Sam wants more Sunday mornings with nowhere to be.",
    "Maya is worried about her sister; we'll call her together on Friday.",
    "Made us laugh. Keep this one for a rainy evening.",
    "We both said the sea. Planning a weekend in May.",
    "Harder than expected. Glad we asked it.",
};

struct RoundText {
    const char* answer;
    const char* guess;
    const char* closeness;
};
constexpr RoundText kRounds[] = {
    {"A slow breakfast and a long walk, no phones", "Sleeping in, then the market", "close"},
    {"Learning to sail", "Learning Italian", "not_really"},
    {"The night we got lost in Porto", "The night we got lost in Porto", "spot_on"},
    {"Being told I did well, out loud", "Help with the dishes", "partly"},
};

} // namespace

void add_demo_cards(Model& m, int weeks, unsigned seed) {
    if (!m.couple.is_set_up()) return;
    std::mt19937 rng(seed);
    Database& db = m.db;
    const WallTime now = m.clock.now();
    const Date today = local_date(now);
    auto all = m.decks.cards_of({});
    if (all.empty()) return;
    auto insert_talk = [&](const Card& c, const char* kind, Date day, const char* outcome, const std::string& note) {
        const std::string id = new_uuid();
        const std::string at = format_utc(local_midnight(day) + std::chrono::hours(20));
        db.prepare("INSERT INTO card_talk(id, card_key, deck_id, question, kind, choice, day, outcome, note, created_at,"
                   " updated_at) VALUES(?1, ?2, ?3, ?4, ?5, 'all', ?6, ?7, ?8, ?9, ?9)")
            .bind(1, id).bind(2, c.key).bind(3, c.deck_id).bind(4, c.question).bind(5, kind).bind(6, format_date(day))
            .bind(7, outcome).bind(8, note).bind(9, at).run();
        return std::pair{id, at};
    };

    // A question of the day for every past day, none twice.
    auto day_order = all;
    std::shuffle(day_order.begin(), day_order.end(), rng);
    const int days = std::min<int>(weeks * 7, int(day_order.size()));
    for (int d = days; d >= 1; --d) insert_talk(*day_order[std::size_t(d - 1)], "day", add_days(today, -d), "open", "");

    // Two or three cards drawn a week, in one pass through the decks.
    auto draw_order = all;
    std::shuffle(draw_order.begin(), draw_order.end(), rng);
    std::size_t next = 0;
    int notes = 0, rounds = 0;
    for (int w = weeks; w >= 1 && next < draw_order.size(); --w) {
        const int per_week = 2 + int(rng() % 2);
        for (int k = 0; k < per_week && next < draw_order.size(); ++k) {
            const Card& c = *draw_order[next++];
            const Date day = add_days(today, -w * 7 + int(rng() % 7));
            const bool skipped = rng() % 5 == 0;
            const bool noted = !skipped && rng() % 3 == 0;
            auto [id, at] = insert_talk(c, "draw", day, skipped ? "skipped" : "talked",
                                        noted ? kNotes[notes++ % std::size(kNotes)] : "");
            if (!skipped && rng() % 4 == 0) {
                const RoundText& r = kRounds[rounds++ % std::size(kRounds)];
                db.prepare("INSERT INTO card_round(id, talk_id, answerer, answer, guess, closeness, created_at, updated_at)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
                    .bind(1, new_uuid()).bind(2, id).bind(3, m.couple.partner(int(rng() % 2)).id).bind(4, r.answer)
                    .bind(5, r.guess).bind(6, r.closeness).bind(7, at).run();
            }
        }
    }

    // Marks and a deck of their own.
    const std::string at = format_utc(now);
    auto mark = [&](const std::string& key, bool favourite, bool hidden) {
        db.prepare("INSERT INTO card_mark(id, card_key, favourite, hidden, created_at, updated_at)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?5)")
            .bind(1, new_uuid()).bind(2, key).bind(3, favourite).bind(4, hidden).bind(5, at).run();
    };
    for (std::size_t i = 0; i < 5 && i < draw_order.size(); ++i) mark(draw_order[i]->key, true, false);
    mark(all.back()->key, false, true);
    const std::string deck = new_uuid();
    db.prepare("INSERT INTO card_deck(id, title, description, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?4)")
        .bind(1, deck).bind(2, "Road trips").bind(3, "For long drives").bind(4, at).run();
    for (const char* q : {"Which town on the way would you stop in just for its name?",
                          "What should the first song be when we leave the motorway?",
                          "Where would you drive if we had a week and no plan?"})
        db.prepare("INSERT INTO own_card(id, deck_id, question, depth, tags, created_at, updated_at)"
                   " VALUES(?1, ?2, ?3, 'light', 'travel', ?4, ?4)")
            .bind(1, new_uuid()).bind(2, deck).bind(3, q).bind(4, at).run();
    m.decks.reload();
}

} // namespace hearth
