// The guided listening exercise: set up a topic, then timed turns where the
// floor is unmistakable, stems on screen, a gentle cue when time is up (never a
// cut-off), the whole thing drivable from the keyboard, and a closing where each
// partner says how heard they felt. Any exercise definition runs here.
// State and commands: screens/listening_screen.h; this file draws them.
#include "app_context.h"
#include "kit/emoji_picker.h"
#include "fonts.h"
#include "guarded_text.h"
#include "keys.h"
#include "listening_screen.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace hearth::ui {
namespace {

// A shortcut, live only when no text field is taking the keys.
bool shortcut(ImGuiKey key) { return shortcuts_allowed() && named_key_pressed(key); }
bool shortcut(char ascii_key) { return shortcuts_allowed() && key_pressed(ascii_key); }

class ListeningPanel final : public Panel {
public:
    std::string_view id() const override { return "listening"; }
    std::string_view title() const override { return "Listen & reflect"; }
    std::string_view summary() const override { return "Timed speaker and listener turns until each of you feels understood"; }

    void draw(AppContext& ctx) override {
        if (!screen_) {
            screen_.emplace(ctx.model, ctx.clock);
            topic_.keep_draft(ctx.model.device, "listening.topic");
        }
        ListeningScreen& screen = *screen_;
        if (auto h = ctx.nav.take_handoff<ListenAboutBreak>(PanelId::listening)) choose_break_topic(h->break_id);
        screen.sync();
        const SessionView* s = screen.session();
        switch (screen.showing()) {
        case ListeningScreen::Showing::closing: draw_closing(ctx, *s); break;
        case ListeningScreen::Showing::running:
            // An interrupted session shows where it stopped under the question
            // of whether to carry on.
            if (s->interrupted) draw_interrupted(*s);
            draw_running(ctx, *s);
            break;
        case ListeningScreen::Showing::setup: draw_setup(ctx); break;
        }
        ImGui::Spacing();
        draw_history(ctx);
    }

    bool owns_arrows_and_space() const override {
        return screen_ && screen_->showing() == ListeningScreen::Showing::running;
    }

private:
    // ---- setup -----------------------------------------------------------

    void choose_break_topic(const std::string& break_id) {
        if (auto topic = screen_->choose_break_topic(break_id)) topic_.load(*topic);
    }

    void draw_setup(AppContext& ctx) {
        ListeningScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        const ExerciseDefinition* def = screen.exercise();
        begin_card("Start a listening exercise");
        if (!def) {
            inline_error("No exercise definitions were found; see hearth --list-exercises.");
            end_card();
            return;
        }
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Exercise");
        ImGui::SameLine();
        // Inside the card however narrow: below its label when the row is short.
        const float label_w = ImGui::CalcTextSize("Exercise").x + ImGui::GetStyle().ItemSpacing.x;
        float room = card_content_width() - label_w;
        if (room < em(10)) {
            ImGui::NewLine();
            room = card_content_width();
        }
        ImGui::SetNextItemWidth(std::min(em(16), room));
        if (ImGui::BeginCombo("##exercise", shown(def->title))) {
            for (const auto& d : ctx.model.exercises.all())
                if (ImGui::Selectable(shown(d.title), d.id == def->id)) screen.choose_exercise(d.id);
            ImGui::EndCombo();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, muted_text());
        text_wrapped_whole(shown(def->summary));
        ImGui::PopStyleColor();
        if (const auto& problems = ctx.model.exercises.problems(); !problems.empty()) {
            inline_error(std::to_string(problems.size()) + " exercise file" + (problems.size() == 1 ? " was" : "s were") +
                         " skipped because of a problem:");
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (const auto& p : problems) ImGui::TextUnformatted(shown(p.describe()));
                ImGui::EndTooltip();
            }
            for (std::size_t i = 0; i < problems.size() && i < 3; ++i) muted("%s", shown(problems[i].describe()));
            if (problems.size() > 3) muted("\xE2\x80\xA6 hearth --list-exercises lists them all.");
        }

        // The topic: in your own words, or one still open from a break.
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Topic");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(em(24), card_content_width() - em(5)));
        bool edited = false;
        topic_.single_line("##topic", def->topic_prompt.empty() ? "What would you like to be heard about?" : shown(def->topic_prompt), &edited);
        same_line_or_wrap(kit::EmojiPicker::room());  // the prompt keeps its room
        if (topic_emoji_.button("topic-emoji", topic_, ctx.model.device, ctx.model.assets_dir)) edited = true;
        if (edited) screen.topic_typed();
        const auto& open = screen.open_topics();
        if (!open.empty()) {
            same_line_or_wrap(em(12));
            ImGui::SetNextItemWidth(em(12));
            if (ImGui::BeginCombo("##fromtopic", screen.from_break ? "From a break \xE2\x9C\x93" : "Or an open topic\xE2\x80\xA6")) {
                std::optional<std::string> picked;
                for (const auto& b : open) {
                    std::string label = b.topic + "##" + b.id;
                    if (ImGui::Selectable(shown(label), screen.from_break == b.id)) picked = b.id;
                }
                ImGui::EndCombo();
                if (picked) choose_break_topic(*picked);
            }
        }
        inline_error(screen.field_error("topic"));

        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Speaks first");
        ImGui::SameLine();
        partner_picker("first", couple, screen.first_speaker);
        int rounds = screen.rounds();
        ImGui::SetNextItemWidth(em(7));
        if (ImGui::InputInt("rounds", &rounds, 1, 1)) screen.set_rounds(rounds);
        ImGui::SameLine();
        muted(def->swap_roles ? "(in a round each of you speaks once)" : "(one turn each round)");
        inline_error(screen.field_error("rounds"));

        if (ImGui::TreeNode("Step lengths")) {
            for (const auto& step : def->steps) {
                float minutes = float(screen.step_seconds(step)) / 60.0f;
                ImGui::SetNextItemWidth(em(12));
                std::string label = step.title + "##len" + step.id;
                if (ImGui::SliderFloat(shown(label), &minutes, kMinStepSeconds / 60.0f,
                                       float(ListeningScreen::kStepSliderMaxMinutes), "%.1f min"))
                    screen.set_step_minutes(step, minutes);
                inline_error(screen.field_error("step_seconds." + step.id));
            }
            ImGui::TreePop();
        }
        if (ImGui::Button("Begin", em2(8, 0)) && screen.begin(topic_.value()).ok()) topic_.clear();
        inline_error(screen.begin_error());
        end_card();
    }

    // ---- under way ------------------------------------------------------

    void draw_interrupted(const SessionView& s) {
        ListeningScreen& screen = *screen_;
        begin_card("An exercise was interrupted");
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D stopped at turn %d, %s, when Hearth closed.", shown(s.topic), s.turn + 1,
                           s.step ? shown(s.step->title) : shown(s.step_id));
        if (!s.definition_available) muted("Its exercise definition has changed or is missing, so it can only be closed.");
        ImGui::BeginDisabled(!s.definition_available);
        if (ImGui::Button("Carry on where we were")) screen.resume_interrupted();
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Close it")) screen.close_interrupted();
        inline_error(screen.error().error);
        end_card();
    }

    void draw_running(AppContext& ctx, const SessionView& s) {
        ListeningScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        const ExerciseDefinition* def = ctx.model.exercises.find(s.exercise_id);
        if (!def || !s.step) return;
        const ExerciseStep& step = *s.step;
        const Partner& floor = couple.partner(s.floor_slot);

        // Whoever talks in this step has the floor: their name, large, in their
        // colour (the listener while reflecting and validating); the other one
        // smaller, listening.
        const Partner& speaker = couple.partner(s.speaker_slot);
        const Partner& listener = couple.partner(s.listener_slot);
        const bool speaker_talks = s.floor_slot == s.speaker_slot;
        const Partner& hearer = speaker_talks ? listener : speaker;
        ImGui::TextDisabled("%s  \xC2\xB7  turn %d of %d  \xC2\xB7  step %d of %d", shown(s.topic), s.turn + 1, s.turns_total,
                            s.step_index + 1, s.steps_per_turn);
        ImGui::PushFont(fonts().display);
        ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(floor.color));
        ImGui::TextUnformatted(shown(floor.name));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushFont(fonts().heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fonts().display->FontSize - fonts().heading->FontSize * 1.3f);
        // The listener talking (reflecting, validating) says why, or "has the
        // floor (Listener)" beside "listening: <speaker>" reads as a contradiction.
        ImGui::Text(speaker_talks ? "has the floor (%s)" : "reflects back (%s)",
                    shown(def->role(speaker_talks ? Role::speaker : Role::listener).label));
        ImGui::PopFont();
        ImGui::TextUnformatted("listening:");
        ImGui::SameLine();
        partner_label(hearer);
        ImGui::PushFont(fonts().heading);
        ImGui::Text("%s \xE2\x80\x94 now talking:", shown(step.title));
        ImGui::SameLine();
        partner_label(floor);
        ImGui::PopFont();

        draw_step_timer(ctx, s, floor);
        // The step's controls right under its timer, above the stems and
        // guidance whose length differs from step to step: Next stays where
        // the mouse already is.
        draw_step_controls(s, step);
        ImGui::Spacing();

        begin_card(nullptr);
        if (!step.stems.empty()) {
            ImGui::PushFont(fonts().heading);
            for (const auto& stem : step.stems) text_wrapped_whole(shown("\xE2\x80\x9C" + stem + "\xE2\x80\x9D"));
            ImGui::PopFont();
            ImGui::Spacing();
        }
        if (!step.speaker_guidance.empty()) {
            partner_label(speaker);
            ImGui::SameLine();
            text_wrapped_whole(shown(step.speaker_guidance));
        }
        if (!step.listener_guidance.empty()) {
            partner_label(listener);
            ImGui::SameLine();
            text_wrapped_whole(shown(step.listener_guidance));
        }
        end_card();

        if (step.check) {
            ImGui::Spacing();
            ImGui::PushFont(fonts().heading);
            text_wrapped_whole(shown(speaker.name + " asks: " + step.check->question));
            ImGui::PopFont();
            std::string yes = step.check->yes_label + "  (Y)";
            std::string no = step.check->no_label + "  (N)";
            if (ImGui::Button(shown(yes)) || shortcut('Y')) screen.answer(true);
            ImGui::SameLine();
            if (ImGui::Button(shown(no)) || shortcut('N')) screen.answer(false);
            if (s.turn_clarify_loops > 0) {
                ImGui::SameLine();
                muted("clarified %d time%s this turn", s.turn_clarify_loops, s.turn_clarify_loops == 1 ? "" : "s");
            }
        }

        inline_error(screen.error().error);
    }

    void draw_step_controls(const SessionView& s, const ExerciseStep& step) {
        ListeningScreen& screen = *screen_;
        ImGui::BeginDisabled(s.is_first_step);
        if (ImGui::Button("\xE2\x97\x80 Back  (\xE2\x86\x90)") || (!s.is_first_step && shortcut(ImGuiKey_LeftArrow))) screen.back();
        ImGui::EndDisabled();
        bool paused = s.state == SessionState::paused;
        const char* pause = paused ? "Resume  (Space)" : "Pause  (Space)";
        same_line_or_wrap(button_width(pause));
        if (ImGui::Button(pause) || shortcut(ImGuiKey_Space)) screen.toggle_pause();
        const char* next = "Next \xE2\x96\xB6  (\xE2\x86\x92 or Enter)";
        same_line_or_wrap(button_width(next));
        // At a question, Y or N moves on; Next stays off (→ and Enter say why).
        const bool asks = step.check.has_value();
        ImGui::BeginDisabled(paused || asks);
        if (ImGui::Button(next) ||
            (!paused && (shortcut(ImGuiKey_RightArrow) || shortcut(ImGuiKey_Enter))))
            screen.next();
        ImGui::EndDisabled();
        same_line_or_wrap(button_width("End early"), em(2));
        if (ImGui::Button("End early")) ImGui::OpenPopup("end exercise");
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("end exercise", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("End the exercise now? It is kept as ended early.");
            if (ImGui::Button("End it")) {
                screen.end_early();
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep going")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    // A bar that empties as the step's time passes; past the planned length a
    // calm cue grows around it and the words invite the speaker to finish.
    void draw_step_timer(AppContext& ctx, const SessionView& s, const Partner& floor) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float width = std::min(ImGui::GetContentRegionAvail().x, em(36));
        float h = em(1.6f);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float frac = s.step_planned_ms > 0 ? float(s.step_remaining_ms) / float(s.step_planned_ms) : 0.0f;
        if (s.overtime) {
            const float grow = float(screen_->cue_growth());
            float pad = em(0.25f) + em(0.35f) * grow;
            dl->AddRect(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + width + pad, p.y + h + pad),
                        partner_fill(floor.color, 0.25f + 0.6f * grow), h * 0.5f, 0, 2.0f + 3.0f * grow);
            if (grow < 1.0f) ctx.wake_in(0.1);  // the cue grows smoothly, then holds
        }
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), h * 0.5f);
        if (frac > 0) dl->AddRectFilled(p, ImVec2(p.x + width * frac, p.y + h), partner_fill(floor.color, 0.8f), h * 0.5f);
        std::string t = s.overtime ? "time is up (+" + ListeningScreen::timer_text(s.overtime_ms) + "): finish your thought, then move on"
                                   : ListeningScreen::timer_text(s.step_remaining_ms) + (s.state == SessionState::paused ? "  paused" : "");
        ImVec2 ts = ImGui::CalcTextSize(shown(t));
        dl->AddText(ImVec2(p.x + (width - ts.x) / 2, p.y + (h - ts.y) / 2), ImGui::GetColorU32(ImGuiCol_Text), shown(t));
        ImGui::Dummy(ImVec2(width, h + em(0.5f)));
    }

    // ---- closing --------------------------------------------------------

    void draw_closing(AppContext& ctx, const SessionView& s) {
        ListeningScreen& screen = *screen_;
        const ExerciseDefinition* def = ctx.model.exercises.find(s.exercise_id);
        const Couple& couple = ctx.model.couple;
        if (screen.closing_is_new()) {
            for (int slot = 0; slot < 2; ++slot) {
                notes_[slot].load({});
                notes_[slot].keep_draft(ctx.model.device, "listening." + s.id + ".note" + std::to_string(slot));
            }
        }
        SessionClosing& closing = screen.closing;
        begin_card(s.state == SessionState::ended_early ? "Ended early: how was it?" : "Well done. How was it?");
        std::string question = def ? def->closing.rating_question : "I felt heard";
        // Digit keys rate: the first partner not yet rated, then the other.
        const int digit_slot = !closing.ratings[0].felt_heard ? 0 : !closing.ratings[1].felt_heard ? 1 : -1;
        for (int slot = 0; slot < 2; ++slot) {
            ImGui::PushID(slot);
            partner_label(couple.partner(slot));
            ImGui::SameLine();
            ImGui::Text("\xE2\x80\x9C%s\xE2\x80\x9D", shown(question));
            int v = closing.ratings[slot].felt_heard.value_or(0);
            if (slot == digit_slot)
                for (int r = 1; r <= kMaxFeltHeard; ++r)
                    if (shortcut(char('0' + r))) closing.ratings[slot].felt_heard = v = r;
            for (int r = 1; r <= kMaxFeltHeard; ++r) {
                ImGui::SameLine();
                const std::string label = std::to_string(r);
                if (ImGui::RadioButton(shown(label), v == r)) closing.ratings[slot].felt_heard = r;
            }
            if (def && rating_labels_shown(*def)) {
                ImGui::SameLine();
                muted("(1 %s \xC2\xB7 5 %s)", shown(def->closing.rating_low_label), shown(def->closing.rating_high_label));
            }
            ImGui::SetNextItemWidth(std::min(em(30), card_content_width() - kit::EmojiPicker::room()));
            notes_[slot].single_line("##note", def && !def->closing.note_prompt.empty() ? shown(def->closing.note_prompt) : "A note, if you like");
            ImGui::SameLine();
            notes_emoji_[slot].button("note-emoji", notes_[slot], ctx.model.device, ctx.model.assets_dir);
            inline_error(screen.field_error("felt_heard." + std::to_string(slot)) + screen.field_error("note." + std::to_string(slot)));
            ImGui::PopID();
        }
        muted("Keys 1\xE2\x80\x93%d: %s's rating, then %s's.", kMaxFeltHeard, shown(couple.partner(0).name),
              shown(couple.partner(1).name));
        if (!s.topic.empty() && (!def || def->closing.offer_talked_through))
            ImGui::Checkbox("We have talked this topic through", &closing.topic_talked_through);
        if (ImGui::Button("Save and finish") && screen.finish({notes_[0].value(), notes_[1].value()}).ok()) {
            clear_notes();
            ctx.notify("Saved. Thank you for listening to each other.");
        }
        if (s.state == SessionState::ended_early) {
            ImGui::SameLine();
            if (ImGui::Button("Skip")) {
                clear_notes();
                screen.skip_rating();
            }
        }
        end_card();
    }
    static bool rating_labels_shown(const ExerciseDefinition& d) {
        return !d.closing.rating_low_label.empty() && !d.closing.rating_high_label.empty();
    }
    void clear_notes() {
        notes_[0].clear();
        notes_[1].clear();
    }

    // ---- history --------------------------------------------------------

    void draw_history(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("Past exercises")) return;
        const auto& history = screen_->history();
        if (history.empty()) {
            muted("None yet.");
            return;
        }
        const Couple& couple = ctx.model.couple;
        if (ImGui::BeginTable("sessions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, em(8));
            ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("First speaker", ImGuiTableColumnFlags_WidthFixed, em(7));
            ImGui::TableSetupColumn("Clarified", ImGuiTableColumnFlags_WidthFixed, em(5));
            ImGui::TableSetupColumn("Felt heard", ImGuiTableColumnFlags_WidthFixed, em(10));
            ImGui::TableHeadersRow();
            for (const auto& s : history) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_day_human(s.day).c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s%s%s", s.topic.empty() ? shown(s.exercise_title) : shown(s.topic),
                                   s.state == SessionState::ended_early ? "  (ended early)" : "",
                                   s.topic_talked_through ? "  \xE2\x9C\x93 talked through" : "");
                ImGui::TableNextColumn();
                partner_label(couple.partner(s.first_speaker_slot));
                ImGui::TableNextColumn();
                ImGui::Text("%d", s.clarify_loops);
                ImGui::TableNextColumn();
                for (int slot = 0; slot < 2; ++slot) {
                    if (slot) ImGui::SameLine();
                    auto fh = s.felt_heard(slot);
                    ImGui::TextColored(to_imvec4(couple.partner(slot).color), fh ? "%s %d/5" : "%s \xE2\x80\x94",
                                       shown(couple.partner(slot).name), fh.value_or(0));
                }
            }
            ImGui::EndTable();
        }
    }

    std::optional<ListeningScreen> screen_;
    // Edit buffers for what the couple types; the screen decides what is saved.
    GuardedText topic_;
    GuardedText notes_[2];
    kit::EmojiPicker topic_emoji_, notes_emoji_[2];
};

} // namespace

std::unique_ptr<Panel> make_listening_panel() { return std::make_unique<ListeningPanel>(); }

} // namespace hearth::ui
