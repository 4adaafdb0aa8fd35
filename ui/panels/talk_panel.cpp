// Conversation cards: draw a card from one deck or a mix, skip it, keep it as a
// favourite, say you talked about it (with a note), play guess-and-reveal, look
// back at what was asked, and write your own cards and decks. The state and
// every rule live in TalkScreen (screens/talk_screen.h); this file draws it and
// turns keys and clicks into its commands. The whole card tab works from the
// keyboard: D draw, S skip, F favourite, G guess and reveal, N note.
#include "app_context.h"
#include "kit/emoji_picker.h"
#include "fonts.h"
#include "guarded_text.h"
#include "keys.h"
#include "panel.h"
#include "talk_screen.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <memory>

namespace hearth::ui {
namespace {

constexpr int kKeyEnter = 257, kKeyEscape = 256, kKeyBackspace = 259;

bool key(int glfw_key) { return shortcuts_allowed() && ImGui::IsKeyPressed(glfw_key, false); }

void big_text(const std::string& text) {
    const ImFont* f = fonts().heading;
    if (f) ImGui::PushFont(const_cast<ImFont*>(f));
    ImGui::TextWrapped("%s", shown(text));
    if (f) ImGui::PopFont();
}

// A field whose text lives in the screen's draft; it reloads when the screen
// changed the draft (a save emptied it, an edit filled it).
bool draft_field(GuardedText& field, std::string& draft, const char* label, const char* hint) {
    if (field.value() != draft) field.load(draft);
    bool changed = false;
    field.single_line(label, hint, &changed);
    if (changed) draft = field.value();
    return changed;
}

std::string partner_name(const Couple& couple, int slot) {
    return couple.is_set_up() ? couple.partner(slot).name : (slot == 0 ? "Partner 1" : "Partner 2");
}

class TalkPanel final : public Panel {
public:
    std::string_view id() const override { return "talk"; }
    std::string_view title() const override { return "Talk"; }
    std::string_view summary() const override {
        return "Conversation cards: draw a question, talk, guess each other's answers";
    }

    void draw(AppContext& ctx) override {
        model_ = &ctx.model;
        if (!screen_) {
            screen_ = std::make_unique<TalkScreen>(ctx.model);
            note_.keep_draft(ctx.model.device, "talk.note");
        }
        TalkScreen& s = *screen_;
        if (auto h = ctx.nav.take_handoff<TalkAbout>(PanelId::talk)) {
            s.open_talk(h->talk_id);
            note_.load(s.note_draft);
            tab_to_card_ = true;
        }
        draw_choice(s);
        ImGui::Spacing();
        if (ImGui::BeginTabBar("talk-tabs")) {
            if (ImGui::BeginTabItem("Card", nullptr, tab_to_card_ ? ImGuiTabItemFlags_SetSelected : 0)) {
                draw_card_tab(ctx, s);
                ImGui::EndTabItem();
            }
            tab_to_card_ = false;
            if (ImGui::BeginTabItem("History")) {
                draw_history(ctx, s);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Our cards")) {
                draw_own(ctx, s);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }

private:
    // ---- what to draw from ---------------------------------------------------

    std::string choice_label(const TalkScreen& s) const {
        const auto& c = s.choice();
        if (c.favourites_only) return "Our favourites";
        if (c.deck_ids.empty()) return "Every deck";
        if (c.deck_ids.size() == 1) {
            const Deck* d = s.decks().find_deck(c.deck_ids[0]);
            return d ? d->title : "?";
        }
        return "A mix of " + std::to_string(c.deck_ids.size()) + " decks";
    }

    void draw_choice(TalkScreen& s) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Draw from");
        // The list keeps a readable width: on a narrow window it goes below
        // its label rather than past the window's edge.
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < em(10)) ImGui::NewLine();
        ImGui::SetNextItemWidth(std::min(em(16), ImGui::GetContentRegionAvail().x));
        const std::string label = choice_label(s);
        if (ImGui::BeginCombo("##deck", shown(label))) {
            if (ImGui::Selectable("Every deck", s.choice().deck_ids.empty() && !s.choice().favourites_only)) s.choose_all();
            if (ImGui::Selectable("Our favourites", s.choice().favourites_only)) {
                s.choose_all();
                s.set_favourites_only(true);
            }
            ImGui::Separator();
            for (const auto& d : s.decks().all()) {
                if (d.hidden) continue;
                ImGui::PushID(d.id.c_str());
                const bool only = s.choice().deck_ids.size() == 1 && s.choice().deck_ids[0] == d.id;
                if (ImGui::Selectable(shown(d.title), only)) s.choose_deck(d.id);
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        same_line_or_wrap(button_width("Mix\xE2\x80\xA6"));
        if (ImGui::Button("Mix\xE2\x80\xA6")) ImGui::OpenPopup("mix");
        if (ImGui::BeginPopup("mix")) {
            ImGui::TextDisabled("Draw from these decks together");
            for (const auto& d : s.decks().all()) {
                if (d.hidden) continue;
                const auto& ids = s.choice().deck_ids;
                bool in = std::find(ids.begin(), ids.end(), d.id) != ids.end();
                ImGui::PushID(d.id.c_str());
                if (ImGui::Checkbox(shown(d.title), &in)) s.toggle_in_mix(d.id);
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
        int depth = s.choice().depth ? (*s.choice().depth == Depth::light ? 1 : 2) : 0;
        const int before = depth;
        // Any, Light and Deep stay on one line together: the line wraps before
        // them (only a window too narrow for the three splits them).
        const float radio = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
        const char* depths[] = {"Any", "Light", "Deep"};
        float together = 2 * ImGui::GetStyle().ItemSpacing.x;
        for (const char* d : depths) together += radio + ImGui::CalcTextSize(d).x;
        const bool split = together > ImGui::GetContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
        for (int i = 0; i < 3; ++i) {
            same_line_or_wrap(i == 0 && !split ? together : i > 0 && !split ? 0.0f : radio + ImGui::CalcTextSize(depths[i]).x);
            ImGui::RadioButton(depths[i], &depth, i);
        }
        if (depth != before)
            s.set_depth(depth == 0 ? std::nullopt : std::optional<Depth>(depth == 1 ? Depth::light : Depth::deep));
        const auto& p = s.progress();
        same_line_or_wrap(em(14));
        muted("%d of %d cards this time through", p.seen, p.total);
    }

    // ---- the card on the table -----------------------------------------------

    void draw_card_tab(AppContext& ctx, TalkScreen& s) {
        // What the phase was when the frame began: the key that starts typing
        // the hidden answer is not also part of it.
        const auto phase = s.phase();
        const Couple& couple = ctx.model.couple;
        if (phase == TalkScreen::Phase::none && !ImGui::IsAnyItemActive()) {
            if (key('D')) act(s.draw());
            else if (key('S')) act(s.skip());
            else if (key('F')) act(s.toggle_favourite());
            else if (key('G')) act(s.start_round());
            else if (key('N') && s.current()) focus_note_ = true;
        }
        if (!s.current()) {
            ImGui::Spacing();
            big_text("Draw a card when you are ready.");
            const auto& c = s.choice();
            if (c.deck_ids.empty() && !c.favourites_only) muted("It comes from every deck; choose one above to keep to a theme.");
            else muted("It comes from: %s.", shown(choice_label(s)));
            muted("One of you reads the question out; take turns answering. Nothing here is scored.");
            if (ImGui::Button("Draw a card (D)")) act(s.draw());
            draw_error();
            return;
        }
        const Talk& t = *s.current();
        const Card* card = s.current_card();
        const Deck* deck = s.decks().find_deck(t.deck_id);
        begin_card(deck ? shown(deck->title) : "Card");
        big_text(t.question);
        if (!t.follow_up.empty()) muted("%s", shown(t.follow_up));
        if (card) {
            std::string meta = std::string(to_string(card->depth));
            for (const auto& tag : card->tags) meta += " \xC2\xB7 " + tag;
            if (card->favourite) meta += " \xC2\xB7 \xE2\x99\xA5 favourite";
            ImGui::TextDisabled("%s", shown(meta));
        }
        end_card();

        if (phase == TalkScreen::Phase::none) {
            if (ImGui::Button("Next card (D)")) act(s.draw());
            ImGui::SameLine();
            if (ImGui::Button("Skip (S)")) act(s.skip());
            ImGui::SameLine();
            if (ImGui::Button(card && card->favourite ? "Unfavourite (F)" : "Keep as favourite (F)")) act(s.toggle_favourite());
            ImGui::SameLine();
            if (ImGui::Button("Guess and reveal (G)")) act(s.start_round());
            draw_error();
            ImGui::Spacing();
            draw_talked(s, t);
        } else {
            draw_round(couple, s, phase);
        }
        for (const auto& r : t.rounds) {
            if (phase == TalkScreen::Phase::revealed && &r == &t.rounds.back()) break;  // shown above
            ImGui::TextDisabled("%s answered \"%s\"; %s guessed \"%s\"%s%s", shown(partner_name(couple, r.answerer_slot)),
                                shown(r.answer), shown(partner_name(couple, 1 - r.answerer_slot)), shown(r.guess),
                                r.closeness ? ": " : "",
                                r.closeness ? shown(std::string(closeness_label(*r.closeness))) : "");
        }
    }

    void draw_talked(TalkScreen& s, const Talk& t) {
        if (t.outcome == TalkOutcome::talked) {
            ImGui::TextColored(success_text(), "You talked about this one.");
            if (!t.note.empty()) muted("%s", shown(t.note));
            return;
        }
        ImGui::TextUnformatted("A note, if you want one (N)");
        if (focus_note_) {
            ImGui::SetKeyboardFocusHere();
            focus_note_ = false;
        }
        bool changed = false;
        const bool enter = note_.multiline("##note", ImVec2(-kit::EmojiPicker::room(), em(3.5f)), &changed);
        ImGui::SameLine();
        if (note_emoji_.button("note-emoji", note_, model_->device, model_->assets_dir)) changed = true;
        if (changed) s.note_draft = note_.value();
        enter_hint();
        if (ImGui::Button("We talked about it") || enter) {
            s.note_draft = note_.value();
            if (act(s.mark_talked())) note_.clear();
        }
    }

    // ---- guess and reveal ------------------------------------------------------

    void draw_round(const Couple& couple, TalkScreen& s, TalkScreen::Phase phase) {
        const std::string answerer = partner_name(couple, s.answerer());
        const std::string guesser = partner_name(couple, s.guesser());
        begin_card("Guess and reveal");
        switch (phase) {
        case TalkScreen::Phase::choosing:
            ImGui::TextUnformatted("Who answers? The other one guesses.");
            if (ImGui::Button(shown((partner_name(couple, 0) + " answers (1)"))) || key('1')) s.choose_answerer(0);
            ImGui::SameLine();
            if (ImGui::Button(shown((partner_name(couple, 1) + " answers (2)"))) || key('2')) s.choose_answerer(1);
            ImGui::SameLine();
            if (ImGui::Button("Cancel (Esc)") || key(kKeyEscape)) s.end_round();
            break;
        case TalkScreen::Phase::answering: draw_hidden_answer(s, answerer, guesser); break;
        case TalkScreen::Phase::guessing: {
            ImGui::TextWrapped("%s has answered. %s, what do you think %s said?", shown(answerer), shown(guesser),
                               shown(answerer));
            if (focus_guess_) {
                ImGui::SetKeyboardFocusHere();
                focus_guess_ = false;
            }
            bool changed = false;
            ImGui::SetNextItemWidth(card_content_width() - kit::EmojiPicker::room());
            const bool enter = guess_.single_line("##guess", "Your guess", &changed);
            ImGui::SameLine();
            if (guess_emoji_.button("guess-emoji", guess_, model_->device, model_->assets_dir)) changed = true;
            if (changed) s.guess_draft = guess_.value();
            if (ImGui::Button("Show both (Enter)") || enter) {
                s.guess_draft = guess_.value();
                if (act(s.reveal())) guess_.clear();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) s.end_round();
            break;
        }
        case TalkScreen::Phase::revealed: draw_revealed(s, answerer, guesser); break;
        case TalkScreen::Phase::none: break;
        }
        draw_error();
        end_card();
    }

    // The answer is typed with no text field: the screen keeps it and the panel
    // only ever draws one dot per character.
    void draw_hidden_answer(TalkScreen& s, const std::string& answerer, const std::string& guesser) {
        ImGui::TextWrapped("%s, please look away for a moment. %s, type your answer: it stays hidden.", shown(guesser),
                           shown(answerer));
        ImGuiIO& io = ImGui::GetIO();
        if (!io.WantTextInput) {
            // Not io.InputQueueCharacters: its 16-bit characters hold U+FFFD for an emoji.
            std::string typed;
            std::string_view raw = typed_outside_fields();
            for (std::size_t i = 0; i < raw.size();) {
                char32_t c;
                std::size_t n = decode_utf8(raw, i, c);
                i += n ? n : 1;
                if (!n || c < 0x20 || c == 0x7F) continue;
                append_utf8(typed, c);
            }
            if (!typed.empty()) s.type_answer(typed);
            if (ImGui::IsKeyPressed(kKeyBackspace, true)) s.erase_answer_char();
        }
        std::string dots;
        for (std::size_t i = 0; i < s.answer_length(); ++i) dots += "\xE2\x97\x8F";  // ●
        ImGui::BeginChild("dots", ImVec2(std::min(em(24), ImGui::GetContentRegionAvail().x), em(2.4f)), true,
                          ImGuiWindowFlags_NoScrollbar);
        ImGui::TextUnformatted(dots.empty() ? " " : shown(dots));
        ImGui::EndChild();
        muted("%zu characters typed", s.answer_length());
        if (ImGui::Button("Done, hide it (Enter)") || key(kKeyEnter)) {
            if (act(s.finish_answer())) {
                guess_.clear();
                focus_guess_ = true;
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel (Esc)") || key(kKeyEscape)) s.end_round();
    }

    void draw_revealed(TalkScreen& s, const std::string& answerer, const std::string& guesser) {
        const float col = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
        ImGui::TextDisabled("%s answered", shown(answerer));
        big_text(s.revealed_answer().value_or(""));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x + std::max(0.0f, col - ImGui::GetItemRectSize().x));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
        ImGui::TextDisabled("%s guessed", shown(guesser));
        big_text(s.revealed_guess());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::Spacing();
        ImGui::Text("%s, how close was it?", shown(answerer));
        int n = 1;
        for (Closeness c : kClosenesses) {
            const std::string label = std::string(closeness_label(c)) + " (" + std::to_string(n) + ")";
            if (n > 1) ImGui::SameLine();
            const bool chosen = s.closeness() == c;
            if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button(shown(label)) || key('0' + n)) act(s.say_closeness(c));
            if (chosen) ImGui::PopStyleColor();
            ++n;
        }
        muted("Not a score: just a way to talk about what surprised you.");
        if (ImGui::Button("Back to the card (Esc)") || key(kKeyEscape)) s.end_round();
    }

    // ---- history -----------------------------------------------------------------

    void draw_history(AppContext& ctx, TalkScreen& s) {
        ImGui::SetNextItemWidth(em(20));
        draft_field(search_, s.search_text, "##search", "Search questions, notes and answers");
        const auto& talks = s.history();
        if (talks.empty()) {
            muted("%s", s.search_text.empty() ? "Nothing asked yet." : "Nothing found.");
            return;
        }
        // At most 100 entries of different heights: drawn whole, no clipper.
        ImGui::BeginChild("history", ImVec2(0, 0));
        for (std::size_t i = 0; i < talks.size(); ++i) {
            const Talk& t = talks[i];
            ImGui::PushID(int(i));
            const char* how = t.kind == TalkKind::day      ? "question of the day"
                              : t.kind == TalkKind::review ? "weekly review"
                                                           : "drawn";
            ImGui::TextDisabled("%s \xC2\xB7 %s%s", format_day_human(t.day).c_str(), how,
                                t.outcome == TalkOutcome::talked ? " \xC2\xB7 talked about" : "");
            ImGui::TextWrapped("%s", shown(t.question));
            if (!t.note.empty()) muted("%s", shown(t.note));
            for (const auto& r : t.rounds)
                muted("%s: \"%s\" / %s guessed \"%s\"", shown(partner_name(ctx.model.couple, r.answerer_slot)),
                      shown(r.answer), shown(partner_name(ctx.model.couple, 1 - r.answerer_slot)), shown(r.guess));
            if (ImGui::SmallButton("Open")) {
                s.open_talk(t.id);
                note_.load(s.note_draft);
                tab_to_card_ = true;
            }
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }

    // ---- the couple's own cards and decks ------------------------------------------

    void draw_own(AppContext&, TalkScreen& s) {
        const auto& decks = s.decks().all();
        if (s.card_draft.deck_id.empty() && !decks.empty()) s.new_card(decks.front().id);
        heading(s.editing_card.empty() ? "A card of your own" : "Edit your card");
        ImGui::SetNextItemWidth(em(16));
        const Deck* target = s.decks().find_deck(s.card_draft.deck_id);
        if (ImGui::BeginCombo("Deck##card", target ? shown(target->title) : "")) {
            for (const auto& d : decks)
                if (ImGui::Selectable(shown(d.title), d.id == s.card_draft.deck_id)) s.card_draft.deck_id = d.id;
            ImGui::EndCombo();
        }
        draft_field(question_, s.card_draft.question, "Question", "What ...? How ...?");
        ImGui::SameLine();
        if (question_emoji_.button("question-emoji", question_, model_->device, model_->assets_dir))
            s.card_draft.question = question_.value();
        draft_field(follow_up_, s.card_draft.follow_up, "Follow-up", "optional");
        ImGui::SameLine();
        if (follow_up_emoji_.button("follow-up-emoji", follow_up_, model_->device, model_->assets_dir))
            s.card_draft.follow_up = follow_up_.value();
        int deep = s.card_draft.depth == Depth::deep;
        ImGui::RadioButton("Light", &deep, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Deep", &deep, 1);
        s.card_draft.depth = deep ? Depth::deep : Depth::light;
        draft_field(tags_, s.card_draft.tags, "Tags", "work, family");
        if (ImGui::Button(s.editing_card.empty() ? "Add the card" : "Save the card")) own_error_ = s.save_card().error;
        if (!s.editing_card.empty()) {
            ImGui::SameLine();
            if (ImGui::Button("Cancel##card")) s.new_card(s.card_draft.deck_id);
        }
        if (!own_error_.empty()) inline_error(own_error_);

        ImGui::Spacing();
        heading(s.editing_deck.empty() ? "A deck of your own" : "Edit your deck");
        draft_field(deck_title_, s.deck_draft.title, "Name##deck", "");
        draft_field(deck_about_, s.deck_draft.description, "About##deck", "optional");
        if (ImGui::Button(s.editing_deck.empty() ? "Add the deck" : "Save the deck")) deck_error_ = s.save_deck().error;
        if (!deck_error_.empty()) inline_error(deck_error_);

        ImGui::Spacing();
        heading("Cards in this deck");
        if (!target) return;
        if (target->own) {
            if (ImGui::SmallButton("Rename this deck")) s.edit_deck(target->id);
            ImGui::SameLine();
            if (ImGui::SmallButton(target->hidden ? "Show this deck" : "Hide this deck")) {
                deck_error_ = s.toggle_deck_hidden(target->id).error;
                return;  // the decks were rebuilt
            }
        }
        ImGui::BeginChild("deck-cards", ImVec2(0, 0));
        ImGuiListClipper clip;
        clip.Begin(int(target->cards.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const Card& c = target->cards[std::size_t(i)];
                ImGui::PushID(c.key.c_str());
                if (ImGui::SmallButton(c.hidden ? "Show" : "Hide")) toggles_.push_back({c.key, false});
                ImGui::SameLine();
                if (ImGui::SmallButton(c.favourite ? "\xE2\x99\xA5" : "\xE2\x99\xA1")) toggles_.push_back({c.key, true});
                if (c.own) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton("Edit")) s.edit_card(c.key);
                }
                ImGui::SameLine();
                if (c.hidden) ImGui::TextDisabled("%s", shown(c.question));
                else ImGui::TextUnformatted(shown(c.question));
                ImGui::PopID();
            }
        ImGui::EndChild();
        // Applied after the list: a toggle rebuilds the decks the list points into.
        for (const auto& [card_key, favourite] : toggles_)
            own_error_ = (favourite ? s.toggle_card_favourite(card_key) : s.toggle_card_hidden(card_key)).error;
        toggles_.clear();
    }

    // ---- shared --------------------------------------------------------------------

    bool act(const SaveResult& r) {
        error_ = r.error;
        return r.ok();
    }
    void draw_error() {
        if (!error_.empty()) inline_error(error_);
    }

    std::unique_ptr<TalkScreen> screen_;
    GuardedText note_;
    GuardedText guess_;
    GuardedText question_, follow_up_, deck_title_, deck_about_, tags_, search_;
    kit::EmojiPicker note_emoji_, guess_emoji_, question_emoji_, follow_up_emoji_;
    Model* model_ = nullptr;
    bool focus_note_ = false;
    bool focus_guess_ = false;
    bool tab_to_card_ = false;
    std::string error_;
    std::string own_error_;
    std::string deck_error_;
    std::vector<std::pair<std::string, bool>> toggles_;
};

} // namespace

std::unique_ptr<Panel> make_talk_panel() { return std::make_unique<TalkPanel>(); }

} // namespace hearth::ui
