#include "decks.h"

#include "search.h"

#include "utf8.h"
#include "uuid.h"

#include <algorithm>
#include <cctype>

namespace hearth {

namespace {

std::string_view kind_text(TalkKind k) {
    switch (k) {
    case TalkKind::draw: return "draw";
    case TalkKind::day: return "day";
    case TalkKind::review: return "review";
    }
    return "draw";
}

TalkKind kind_from(std::string_view s) {
    if (s == "day") return TalkKind::day;
    if (s == "review") return TalkKind::review;
    return TalkKind::draw;
}

TalkOutcome outcome_from(std::string_view s) {
    if (s == "skipped") return TalkOutcome::skipped;
    if (s == "talked") return TalkOutcome::talked;
    return TalkOutcome::open;
}

std::string_view closeness_text(Closeness c) {
    switch (c) {
    case Closeness::spot_on: return "spot_on";
    case Closeness::close: return "close";
    case Closeness::partly: return "partly";
    case Closeness::not_really: return "not_really";
    }
    return "partly";
}

std::optional<Closeness> closeness_from(std::string_view s) {
    for (Closeness c : kClosenesses)
        if (closeness_text(c) == s) return c;
    return std::nullopt;
}

std::vector<std::string> split_tags(std::string_view text) {
    std::vector<std::string> tags;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty() && std::find(tags.begin(), tags.end(), cur) == tags.end()) tags.push_back(cur);
        cur.clear();
    };
    for (char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (c == ',' || c == ' ' || c == '\t') flush();
        else if (std::isalnum(c) && c < 0x80) cur += char(std::tolower(c));
        else if (c == '-' || c == '_') cur += char(c);
    }
    flush();
    return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string s;
    for (const auto& t : tags) s += (s.empty() ? "" : ",") + t;
    return s;
}

std::string too_long(const char* what, std::size_t n, std::size_t max) {
    return std::string(what) + " is " + std::to_string(n) + " characters; the limit is " + std::to_string(max) + ".";
}

// FNV-1a: the same day picks the same card on every machine and every run.
uint64_t stable_hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

constexpr const char* kTalkColumns =
    "id, card_key, deck_id, question, kind, choice, day, created_at, outcome, note";

} // namespace

std::string_view closeness_label(Closeness c) {
    switch (c) {
    case Closeness::spot_on: return "Spot on";
    case Closeness::close: return "Close";
    case Closeness::partly: return "Partly";
    case Closeness::not_really: return "Not this time";
    }
    return "";
}

int Deck::visible_cards() const {
    return int(std::count_if(cards.begin(), cards.end(), [](const Card& c) { return !c.hidden; }));
}

std::string DrawChoice::describe() const {
    std::string s;
    if (favourites_only) s = "favourites";
    else if (deck_ids.empty()) s = "all";
    else
        for (const auto& id : deck_ids) s += (s.empty() ? "" : "+") + id;
    if (depth) s += ":" + std::string(to_string(*depth));
    return s;
}

Decks::Decks(Database& db, const Clock& clock, const Couple& couple, std::vector<std::filesystem::path> dirs)
    : db_(db), clock_(clock), couple_(couple), dirs_(std::move(dirs)) {
    load_ = load_decks(dirs_);
    reload();
}

void Decks::add_dir(const std::filesystem::path& dir) {
    dirs_.push_back(dir);
    load_ = load_decks(dirs_);
    reload();
}

void Decks::changed() {
    ++revision_;
    day_question_.reset();
}

void Decks::reload() {
    decks_.clear();
    for (const auto& d : load_.decks) {
        Deck deck{d.id, d.title, d.description, false, false, {}};
        for (const auto& c : d.cards)
            deck.cards.push_back({d.id + "/" + c.id, d.id, c.question, c.follow_up, c.depth, c.tags, false, false, false});
        decks_.push_back(std::move(deck));
    }
    {
        auto& st = db_.prepare("SELECT id, title, description, hidden FROM card_deck ORDER BY created_at, id");
        while (st.step()) decks_.push_back({st.text(0), st.text(1), st.text(2), true, st.integer(3) != 0, {}});
    }
    {
        auto& st = db_.prepare("SELECT id, deck_id, question, follow_up, depth, tags FROM own_card ORDER BY created_at, id");
        while (st.step()) {
            auto deck = std::find_if(decks_.begin(), decks_.end(), [&](const Deck& d) { return d.id == st.text(1); });
            if (deck == decks_.end()) continue;  // its deck file is gone; the card comes back with it
            deck->cards.push_back({st.text(0), st.text(1), st.text(2), st.text(3),
                                   parse_depth(st.text(4)).value_or(Depth::light), split_tags(st.text(5)), true, false,
                                   false});
        }
    }
    {
        // After a merge a card may have two rows of marks: the newest wins.
        auto& st = db_.prepare("SELECT card_key, favourite, hidden FROM card_mark ORDER BY updated_at, id");
        while (st.step()) {
            const std::string key = st.text(0);
            for (auto& d : decks_)
                for (auto& c : d.cards)
                    if (c.key == key) {
                        c.favourite = st.integer(1) != 0;
                        c.hidden = st.integer(2) != 0;
                    }
        }
    }
    changed();
}

const Deck* Decks::find_deck(std::string_view id) const {
    for (const auto& d : decks_)
        if (d.id == id) return &d;
    return nullptr;
}

const Card* Decks::find_card(std::string_view key) const {
    for (const auto& d : decks_)
        for (const auto& c : d.cards)
            if (c.key == key) return &c;
    return nullptr;
}

std::vector<const Card*> Decks::cards_of(const DrawChoice& choice) const {
    std::vector<const Card*> out;
    for (const auto& d : decks_) {
        const bool chosen = choice.deck_ids.empty()
                                ? !d.hidden
                                : std::find(choice.deck_ids.begin(), choice.deck_ids.end(), d.id) != choice.deck_ids.end();
        if (!chosen) continue;
        for (const auto& c : d.cards) {
            if (c.hidden || (choice.depth && c.depth != *choice.depth) || (choice.favourites_only && !c.favourite))
                continue;
            out.push_back(&c);
        }
    }
    return out;
}

std::map<std::string, int> Decks::counts(TalkKind kind) const {
    std::map<std::string, int> out;
    auto& st = db_.prepare("SELECT card_key, count(*) FROM card_talk WHERE kind = ?1 GROUP BY card_key");
    st.bind(1, kind_text(kind));
    while (st.step()) out[st.text(0)] = int(st.integer(1));
    return out;
}

std::vector<const Card*> Decks::least_seen(const std::vector<const Card*>& cards, TalkKind kind) const {
    if (cards.empty()) return {};
    const auto seen = counts(kind);
    auto count_of = [&](const Card* c) {
        auto it = seen.find(c->key);
        return it == seen.end() ? 0 : it->second;
    };
    int least = count_of(cards.front());
    for (const Card* c : cards) least = std::min(least, count_of(c));
    std::vector<const Card*> out;
    for (const Card* c : cards)
        if (count_of(c) == least) out.push_back(c);
    return out;
}

Decks::Progress Decks::progress(const DrawChoice& choice) const {
    const auto cards = cards_of(choice);
    const auto fresh = least_seen(cards, TalkKind::draw);
    // When every card has come up equally often, a new pass begins: none seen yet.
    const int total = int(cards.size());
    const int seen = fresh.size() == cards.size() ? 0 : total - int(fresh.size());
    return {seen, total};
}

Talk Decks::record(const Card& card, TalkKind kind, const std::string& choice, std::optional<Date> day) {
    const WallTime now = clock_.now();
    Talk t;
    t.id = new_uuid();
    t.card_key = card.key;
    t.deck_id = card.deck_id;
    t.question = card.question;
    t.follow_up = card.follow_up;
    t.kind = kind;
    t.choice = choice;
    t.day = day.value_or(local_date(now));
    t.asked_at = now;
    db_.prepare("INSERT INTO card_talk(id, card_key, deck_id, question, kind, choice, day, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)")
        .bind(1, t.id).bind(2, t.card_key).bind(3, t.deck_id).bind(4, t.question).bind(5, kind_text(kind))
        .bind(6, t.choice).bind(7, format_date(t.day)).bind(8, format_utc(now)).run();
    changed();
    return t;
}

std::optional<Talk> Decks::draw(const DrawChoice& choice) {
    const auto fresh = least_seen(cards_of(choice), TalkKind::draw);
    if (fresh.empty()) return std::nullopt;
    const Card* card = fresh[std::uniform_int_distribution<std::size_t>(0, fresh.size() - 1)(rng_)];
    return record(*card, TalkKind::draw, choice.describe());
}

std::optional<Talk> Decks::question_of_the_day(Date day) {
    if (day_question_ && day_question_->first == day) return day_question_->second;
    {
        auto& st = db_.prepare(std::string("SELECT ") + kTalkColumns +
                               " FROM card_talk WHERE kind = 'day' AND day = ?1 ORDER BY created_at, id LIMIT 1");
        st.bind(1, format_date(day));
        auto found = read_talks(st);
        if (!found.empty()) {
            day_question_ = {day, found.front()};
            return found.front();
        }
    }
    const auto fresh = least_seen(cards_of({}), TalkKind::day);
    if (fresh.empty()) return std::nullopt;
    const Card* card = fresh[stable_hash(format_date(day)) % fresh.size()];
    Talk t = record(*card, TalkKind::day, "all", day);
    day_question_ = {day, t};
    return t;
}

std::optional<Talk> Decks::draw_for_review() {
    DrawChoice deep;
    deep.depth = Depth::deep;
    const auto fresh = least_seen(cards_of(deep), TalkKind::review);
    if (fresh.empty()) return std::nullopt;
    const Card* card = fresh[std::uniform_int_distribution<std::size_t>(0, fresh.size() - 1)(rng_)];
    return record(*card, TalkKind::review, deep.describe());
}

SaveResult Decks::skip(const std::string& talk_id) {
    db_.prepare("UPDATE card_talk SET outcome = 'skipped', updated_at = ?2 WHERE id = ?1 AND outcome = 'open'")
        .bind(1, talk_id).bind(2, format_utc(clock_.now())).run();
    if (db_.changes() != 1) return SaveResult::refused("card", "This card was already talked about or skipped.");
    changed();
    return SaveResult::success(talk_id);
}

SaveResult Decks::talked(const std::string& talk_id, const std::string& raw_note) {
    const std::string note = trim(raw_note);
    if (!is_valid_utf8(note)) return SaveResult::refused("note", "The note is not valid UTF-8 text.");
    if (auto n = codepoint_count(note); n > kMaxTalkNoteChars)
        return SaveResult::refused("note", too_long("The note", n, kMaxTalkNoteChars));
    db_.prepare("UPDATE card_talk SET outcome = 'talked', note = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, talk_id).bind(2, note).bind(3, format_utc(clock_.now())).run();
    if (db_.changes() != 1) return SaveResult::refused("card", "This card is no longer in the history.");
    changed();
    return SaveResult::success(talk_id);
}

SaveResult Decks::add_round(const std::string& talk_id, int answerer_slot, const std::string& raw_answer,
                            const std::string& raw_guess) {
    if (!couple_.is_set_up()) return SaveResult::refused("answer", "Set up the couple first.");
    if (answerer_slot != 0 && answerer_slot != 1) return SaveResult::refused("answer", "Who answered?");
    const std::string answer = trim(raw_answer), guess = trim(raw_guess);
    for (auto [field, text] : {std::pair{"answer", &answer}, std::pair{"guess", &guess}}) {
        const std::string label = std::string(field) == "answer" ? "The answer" : "The guess";
        if (text->empty()) return SaveResult::refused(field, label + " is empty: write a few words.");
        if (!is_valid_utf8(*text)) return SaveResult::refused(field, label + " is not valid UTF-8 text.");
        if (auto n = codepoint_count(*text); n > kMaxRoundAnswerChars)
            return SaveResult::refused(field, too_long(label.c_str(), n, kMaxRoundAnswerChars));
    }
    const std::string now = format_utc(clock_.now());
    const std::string id = new_uuid();
    Transaction tx(db_);
    db_.prepare("UPDATE card_talk SET outcome = 'talked', updated_at = ?2 WHERE id = ?1").bind(1, talk_id).bind(2, now).run();
    if (db_.changes() != 1) return SaveResult::refused("answer", "This card is no longer in the history.");
    db_.prepare("INSERT INTO card_round(id, talk_id, answerer, answer, guess, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)")
        .bind(1, id).bind(2, talk_id).bind(3, couple_.partner(answerer_slot).id).bind(4, answer).bind(5, guess)
        .bind(6, now).run();
    tx.commit();
    changed();
    return SaveResult::success(id);
}

SaveResult Decks::set_closeness(const std::string& round_id, Closeness c) {
    db_.prepare("UPDATE card_round SET closeness = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, round_id).bind(2, closeness_text(c)).bind(3, format_utc(clock_.now())).run();
    if (db_.changes() != 1) return SaveResult::refused("closeness", "This round is no longer in the history.");
    changed();
    return SaveResult::success(round_id);
}

void Decks::set_mark(const std::string& card_key, const char* column, bool value) {
    const std::string now = format_utc(clock_.now());
    Transaction tx(db_);
    db_.prepare(std::string("UPDATE card_mark SET ") + column + " = ?2, updated_at = ?3 WHERE card_key = ?1")
        .bind(1, card_key).bind(2, value).bind(3, now).run();
    if (db_.changes() == 0)
        db_.prepare(std::string("INSERT INTO card_mark(id, card_key, ") + column +
                    ", created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?4)")
            .bind(1, new_uuid()).bind(2, card_key).bind(3, value).bind(4, now).run();
    tx.commit();
}

SaveResult Decks::set_favourite(const std::string& card_key, bool favourite) {
    if (!find_card(card_key)) return SaveResult::refused("card", "That card is not in any deck.");
    set_mark(card_key, "favourite", favourite);
    reload();
    return SaveResult::success(card_key);
}

SaveResult Decks::set_hidden(const std::string& card_key, bool hidden) {
    if (!find_card(card_key)) return SaveResult::refused("card", "That card is not in any deck.");
    set_mark(card_key, "hidden", hidden);
    reload();
    return SaveResult::success(card_key);
}

SaveResult Decks::check_card(const CardDraft& d) const {
    if (!find_deck(d.deck_id)) return SaveResult::refused("deck", "Choose the deck the card goes in.");
    const std::string q = trim(d.question), f = trim(d.follow_up);
    if (q.empty()) return SaveResult::refused("question", "Write the question.");
    if (!is_valid_utf8(q)) return SaveResult::refused("question", "The question is not valid UTF-8 text.");
    if (auto n = codepoint_count(q); n > kMaxQuestionChars)
        return SaveResult::refused("question", too_long("The question", n, kMaxQuestionChars));
    if (!is_valid_utf8(f)) return SaveResult::refused("follow_up", "The follow-up is not valid UTF-8 text.");
    if (auto n = codepoint_count(f); n > kMaxFollowUpChars)
        return SaveResult::refused("follow_up", too_long("The follow-up", n, kMaxFollowUpChars));
    if (split_tags(d.tags).size() > kMaxCardTags)
        return SaveResult::refused("tags", "At most " + std::to_string(kMaxCardTags) + " tags.");
    return SaveResult::success({});
}

SaveResult Decks::add_card(const CardDraft& d) {
    if (auto r = check_card(d); !r.ok()) return r;
    const std::string q = trim(d.question);
    const std::string identity = question_identity(q);
    for (const auto& deck : decks_)
        for (const auto& c : deck.cards)
            if (question_identity(c.question) == identity)
                return SaveResult::refused("question", "\"" + deck.title + "\" already asks this question" +
                                                           std::string(c.hidden ? " (hidden)." : "."));
    const std::string id = new_uuid();
    db_.prepare("INSERT INTO own_card(id, deck_id, question, follow_up, depth, tags, created_at, updated_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
        .bind(1, id).bind(2, d.deck_id).bind(3, q).bind(4, trim(d.follow_up)).bind(5, to_string(d.depth))
        .bind(6, join_tags(split_tags(d.tags))).bind(7, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

SaveResult Decks::update_card(const std::string& card_key, const CardDraft& d) {
    const Card* card = find_card(card_key);
    if (!card || !card->own) return SaveResult::refused("question", "Only your own cards can be edited.");
    if (auto r = check_card(d); !r.ok()) return r;
    const std::string q = trim(d.question);
    const std::string identity = question_identity(q);
    for (const auto& deck : decks_)
        for (const auto& c : deck.cards)
            if (c.key != card_key && question_identity(c.question) == identity)
                return SaveResult::refused("question", "\"" + deck.title + "\" already asks this question.");
    db_.prepare("UPDATE own_card SET deck_id = ?2, question = ?3, follow_up = ?4, depth = ?5, tags = ?6, updated_at = ?7"
                " WHERE id = ?1")
        .bind(1, card_key).bind(2, d.deck_id).bind(3, q).bind(4, trim(d.follow_up)).bind(5, to_string(d.depth))
        .bind(6, join_tags(split_tags(d.tags))).bind(7, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(card_key);
}

namespace {
SaveResult check_deck(const DeckDraft& d, const std::vector<Deck>& decks, const std::string& self) {
    const std::string title = trim(d.title), description = trim(d.description);
    if (title.empty()) return SaveResult::refused("title", "Name the deck.");
    if (!is_valid_utf8(title) || !is_valid_utf8(description))
        return SaveResult::refused("title", "The text is not valid UTF-8.");
    if (auto n = codepoint_count(title); n > kMaxDeckTitleChars)
        return SaveResult::refused("title", too_long("The name", n, kMaxDeckTitleChars));
    if (auto n = codepoint_count(description); n > kMaxDeckDescriptionChars)
        return SaveResult::refused("description", too_long("The description", n, kMaxDeckDescriptionChars));
    for (const auto& deck : decks)
        if (deck.id != self && question_identity(deck.title) == question_identity(title))
            return SaveResult::refused("title", "There is already a deck called \"" + deck.title + "\".");
    return SaveResult::success({});
}
} // namespace

SaveResult Decks::add_deck(const DeckDraft& d) {
    if (auto r = check_deck(d, decks_, {}); !r.ok()) return r;
    const std::string id = new_uuid();
    db_.prepare("INSERT INTO card_deck(id, title, description, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?4)")
        .bind(1, id).bind(2, trim(d.title)).bind(3, trim(d.description)).bind(4, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(id);
}

SaveResult Decks::update_deck(const std::string& deck_id, const DeckDraft& d) {
    const Deck* deck = find_deck(deck_id);
    if (!deck || !deck->own) return SaveResult::refused("title", "Only your own decks can be edited.");
    if (auto r = check_deck(d, decks_, deck_id); !r.ok()) return r;
    db_.prepare("UPDATE card_deck SET title = ?2, description = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(1, deck_id).bind(2, trim(d.title)).bind(3, trim(d.description)).bind(4, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(deck_id);
}

SaveResult Decks::set_deck_hidden(const std::string& deck_id, bool hidden) {
    const Deck* deck = find_deck(deck_id);
    if (!deck || !deck->own) return SaveResult::refused("deck", "Only your own decks can be hidden.");
    db_.prepare("UPDATE card_deck SET hidden = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, deck_id).bind(2, hidden).bind(3, format_utc(clock_.now())).run();
    reload();
    return SaveResult::success(deck_id);
}

std::vector<Talk> Decks::read_talks(Statement& st) const {
    std::vector<Talk> out;
    while (st.step()) {
        Talk t;
        t.id = st.text(0);
        t.card_key = st.text(1);
        t.deck_id = st.text(2);
        t.question = st.text(3);
        t.kind = kind_from(st.text(4));
        t.choice = st.text(5);
        t.day = parse_date(st.text(6)).value_or(Date{});
        t.asked_at = parse_utc(st.text(7)).value_or(WallTime{});
        t.outcome = outcome_from(st.text(8));
        t.note = st.text(9);
        if (const Card* c = find_card(t.card_key)) t.follow_up = c->follow_up;
        out.push_back(std::move(t));
    }
    for (auto& t : out) {
        auto& rs = db_.prepare("SELECT id, answerer, answer, guess, closeness, created_at FROM card_round"
                               " WHERE talk_id = ?1 ORDER BY created_at, id");
        rs.bind(1, t.id);
        while (rs.step()) {
            GuessRound r;
            r.id = rs.text(0);
            r.answerer_slot = couple_.slot_of(rs.text(1)).value_or(0);
            r.answer = rs.text(2);
            r.guess = rs.text(3);
            if (auto c = rs.text_or_null(4)) r.closeness = closeness_from(*c);
            r.at = parse_utc(rs.text(5)).value_or(WallTime{});
            t.rounds.push_back(std::move(r));
        }
    }
    return out;
}

std::optional<Talk> Decks::talk(const std::string& talk_id) const {
    auto& st = db_.prepare(std::string("SELECT ") + kTalkColumns + " FROM card_talk WHERE id = ?1");
    st.bind(1, talk_id);
    auto found = read_talks(st);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Talk> Decks::history(int limit, int offset) const {
    auto& st = db_.prepare(std::string("SELECT ") + kTalkColumns +
                           " FROM card_talk WHERE outcome <> 'skipped' AND NOT (kind = 'day' AND outcome = 'open')"
                           " ORDER BY created_at DESC, id DESC"
                           " LIMIT ?1 OFFSET ?2");
    st.bind(1, limit).bind(2, offset);
    return read_talks(st);
}

std::vector<Talk> Decks::search(const std::string& text, int limit) const {
    const std::string needle = trim(text);
    if (needle.empty()) return history(limit);
    // The full-text index (model/search.h): words by prefix, any case or accent, emoji.
    auto q = fts_query(needle);
    const std::string matching =
        q ? " SELECT d.kind, d.row_id FROM search s CROSS JOIN search_doc d WHERE search MATCH ?1 AND d.id = s.rowid"
            " AND d.kind IN (8, 9)"
          : " SELECT d.kind, d.row_id FROM search_doc d WHERE instr(d.body, ?1) > 0 AND d.kind IN (8, 9)";
    auto& st = db_.prepare(
        std::string("WITH hit(kind, row_id) AS (") + matching + ") SELECT " + kTalkColumns +
        " FROM card_talk t WHERE t.outcome <> 'skipped' AND NOT (t.kind = 'day' AND t.outcome = 'open')"
        " AND (t.id IN (SELECT row_id FROM hit WHERE kind = 8)"
        " OR t.id IN (SELECT r.talk_id FROM card_round r JOIN hit ON hit.kind = 9 AND hit.row_id = r.id))"
        " ORDER BY t.created_at DESC, t.id DESC LIMIT ?2");
    st.bind(1, q ? *q : needle).bind(2, limit);
    return read_talks(st);
}

std::vector<Talk> Decks::talked_between(Date from, Date to) const {
    auto& st = db_.prepare(std::string("SELECT ") + kTalkColumns +
                           " FROM card_talk t WHERE t.day BETWEEN ?1 AND ?2 AND (t.outcome = 'talked'"
                           " OR EXISTS (SELECT 1 FROM card_round r WHERE r.talk_id = t.id))"
                           " ORDER BY t.created_at, t.id");
    st.bind(1, format_date(from)).bind(2, format_date(to));
    return read_talks(st);
}

} // namespace hearth
