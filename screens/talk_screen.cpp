#include "talk_screen.h"

#include "utf8.h"

#include <algorithm>

namespace hearth {

TalkScreen::TalkScreen(Model& model) : model_(model) {
    // A card drawn today and not yet talked about or skipped is still on the
    // table when Hearth is opened again.
    auto latest = model_.decks.history(1);
    if (!latest.empty() && latest[0].kind == TalkKind::draw && latest[0].outcome == TalkOutcome::open &&
        latest[0].day == local_date(model_.clock.now()))
        current_ = std::move(latest[0]);
}

void TalkScreen::choose_all() {
    progress_.reset();
    choice_.deck_ids.clear();
    choice_.favourites_only = false;
}

void TalkScreen::choose_deck(const std::string& deck_id) {
    progress_.reset();
    choice_.deck_ids = {deck_id};
    choice_.favourites_only = false;
}

void TalkScreen::toggle_in_mix(const std::string& deck_id) {
    progress_.reset();
    auto& ids = choice_.deck_ids;
    auto it = std::find(ids.begin(), ids.end(), deck_id);
    if (it != ids.end()) ids.erase(it);
    else ids.push_back(deck_id);
    choice_.favourites_only = false;
}

void TalkScreen::set_depth(std::optional<Depth> depth) {
    choice_.depth = depth;
    progress_.reset();
}

void TalkScreen::set_favourites_only(bool on) {
    choice_.favourites_only = on;
    progress_.reset();
}

const Decks::Progress& TalkScreen::progress() {
    // Changing the choice clears the cache; so does any change to the decks.
    if (!progress_ || progress_revision_ != model_.decks.revision()) {
        progress_ = model_.decks.progress(choice_);
        progress_revision_ = model_.decks.revision();
    }
    return *progress_;
}

const Card* TalkScreen::current_card() const {
    return current_ ? model_.decks.find_card(current_->card_key) : nullptr;
}

void TalkScreen::refresh_current() {
    if (current_)
        if (auto t = model_.decks.talk(current_->id)) current_ = std::move(*t);
}

SaveResult TalkScreen::draw() {
    end_round();
    progress_.reset();
    auto t = model_.decks.draw(choice_);
    if (!t) {
        current_.reset();
        return SaveResult::refused("choice", choice_.favourites_only
                                                 ? "No favourites yet: keep a card as a favourite first."
                                                 : "There are no cards to draw here: choose another deck or show hidden cards.");
    }
    current_ = std::move(*t);
    note_draft.clear();
    return SaveResult::success(current_->id);
}

SaveResult TalkScreen::skip() {
    if (!current_) return draw();
    if (current_->outcome == TalkOutcome::open)
        if (auto r = model_.decks.skip(current_->id); !r.ok()) return r;
    return draw();
}

SaveResult TalkScreen::mark_talked() {
    if (!current_) return SaveResult::refused("card", "Draw a card first.");
    auto r = model_.decks.talked(current_->id, note_draft);
    if (!r.ok()) return r;
    note_draft.clear();
    refresh_current();
    return r;
}

SaveResult TalkScreen::toggle_favourite() {
    if (!current_) return SaveResult::refused("card", "Draw a card first.");
    return toggle_card_favourite(current_->card_key);
}

SaveResult TalkScreen::toggle_card_favourite(const std::string& card_key) {
    const Card* card = model_.decks.find_card(card_key);
    if (!card) return SaveResult::refused("card", "This card is no longer in a deck.");
    return model_.decks.set_favourite(card_key, !card->favourite);
}

SaveResult TalkScreen::toggle_card_hidden(const std::string& card_key) {
    const Card* card = model_.decks.find_card(card_key);
    if (!card) return SaveResult::refused("card", "This card is no longer in a deck.");
    return model_.decks.set_hidden(card_key, !card->hidden);
}

SaveResult TalkScreen::toggle_deck_hidden(const std::string& deck_id) {
    const Deck* deck = model_.decks.find_deck(deck_id);
    if (!deck) return SaveResult::refused("deck", "This deck is gone.");
    return model_.decks.set_deck_hidden(deck_id, !deck->hidden);
}

void TalkScreen::open_talk(const std::string& talk_id) {
    end_round();
    if (auto t = model_.decks.talk(talk_id)) {
        current_ = std::move(*t);
        note_draft = current_->note;
    }
}

SaveResult TalkScreen::start_round() {
    if (!current_) return SaveResult::refused("card", "Draw a card first.");
    if (!model_.couple.is_set_up()) return SaveResult::refused("card", "Set up the couple first.");
    end_round();
    phase_ = Phase::choosing;
    return SaveResult::success(current_->id);
}

void TalkScreen::choose_answerer(int slot) {
    if (phase_ != Phase::choosing || (slot != 0 && slot != 1)) return;
    answerer_ = slot;
    hidden_answer_.clear();
    phase_ = Phase::answering;
}

void TalkScreen::type_answer(std::string_view utf8) {
    if (phase_ != Phase::answering || !is_valid_utf8(utf8)) return;
    if (codepoint_count(hidden_answer_) + codepoint_count(utf8) > kMaxRoundAnswerChars) return;
    hidden_answer_ += utf8;
}

void TalkScreen::erase_answer_char() {
    if (phase_ != Phase::answering) return;
    while (!hidden_answer_.empty()) {
        const auto c = static_cast<unsigned char>(hidden_answer_.back());
        hidden_answer_.pop_back();
        if ((c & 0xC0) != 0x80) break;  // the first byte of the character
    }
}

std::size_t TalkScreen::answer_length() const { return codepoint_count(hidden_answer_); }

SaveResult TalkScreen::finish_answer() {
    if (phase_ != Phase::answering) return SaveResult::refused("answer", "No answer is being written.");
    if (trim(hidden_answer_).empty()) return SaveResult::refused("answer", "Type an answer first (a few words are enough).");
    guess_draft.clear();
    phase_ = Phase::guessing;
    return SaveResult::success({});
}

SaveResult TalkScreen::reveal() {
    if (phase_ != Phase::guessing || !current_) return SaveResult::refused("guess", "Nothing to reveal yet.");
    auto r = model_.decks.add_round(current_->id, answerer_, hidden_answer_, guess_draft);
    if (!r.ok()) return r;
    round_id_ = r.id;
    round_guess_ = trim(guess_draft);
    hidden_answer_ = trim(hidden_answer_);
    guess_draft.clear();
    closeness_.reset();
    phase_ = Phase::revealed;
    refresh_current();
    return r;
}

std::optional<std::string> TalkScreen::revealed_answer() const {
    if (phase_ != Phase::revealed) return std::nullopt;
    return hidden_answer_;
}

SaveResult TalkScreen::say_closeness(Closeness c) {
    if (phase_ != Phase::revealed) return SaveResult::refused("closeness", "Reveal both answers first.");
    auto r = model_.decks.set_closeness(round_id_, c);
    if (r.ok()) {
        closeness_ = c;
        refresh_current();
    }
    return r;
}

void TalkScreen::end_round() {
    phase_ = Phase::none;
    hidden_answer_.clear();
    guess_draft.clear();
    round_guess_.clear();
    round_id_.clear();
    closeness_.reset();
}

const std::vector<Talk>& TalkScreen::history() {
    if (history_revision_ != model_.decks.revision() || history_search_ != search_text) {
        history_ = model_.decks.search(search_text, 100);
        history_revision_ = model_.decks.revision();
        history_search_ = search_text;
    }
    return history_;
}

void TalkScreen::new_card(const std::string& deck_id) {
    editing_card.clear();
    card_draft = CardDraft{};
    card_draft.deck_id = deck_id;
}

void TalkScreen::edit_card(const std::string& card_key) {
    const Card* c = model_.decks.find_card(card_key);
    if (!c || !c->own) return;
    editing_card = card_key;
    std::string tags;
    for (const auto& t : c->tags) tags += (tags.empty() ? "" : ", ") + t;
    card_draft = CardDraft{c->deck_id, c->question, c->follow_up, c->depth, tags};
}

SaveResult TalkScreen::save_card() {
    auto r = editing_card.empty() ? model_.decks.add_card(card_draft) : model_.decks.update_card(editing_card, card_draft);
    if (r.ok()) new_card(card_draft.deck_id);
    return r;
}

void TalkScreen::edit_deck(const std::string& deck_id) {
    const Deck* d = model_.decks.find_deck(deck_id);
    if (!d || !d->own) return;
    editing_deck = deck_id;
    deck_draft = DeckDraft{d->title, d->description};
}

SaveResult TalkScreen::save_deck() {
    auto r = editing_deck.empty() ? model_.decks.add_deck(deck_draft) : model_.decks.update_deck(editing_deck, deck_draft);
    if (r.ok()) {
        editing_deck.clear();
        deck_draft = DeckDraft{};
    }
    return r;
}

const std::optional<Talk>& DayQuestion::today(Date day) {
    if (day_ != day || revision_ != model_.decks.revision()) {
        talk_ = model_.decks.question_of_the_day(day);
        day_ = day;
        revision_ = model_.decks.revision();
    }
    return talk_;
}

SaveResult DeeperCard::draw() {
    auto t = model_.decks.draw_for_review();
    if (!t) return SaveResult::refused("card", "There are no deep cards to draw.");
    card_ = std::move(*t);
    return SaveResult::success(card_->id);
}

SaveResult DeeperCard::talked(const std::string& note) {
    if (!card_) return SaveResult::refused("card", "Draw a card first.");
    auto r = model_.decks.talked(card_->id, note);
    if (r.ok())
        if (auto t = model_.decks.talk(card_->id)) card_ = std::move(*t);
    return r;
}

} // namespace hearth
