// The guided listening exercise: set up a topic, then timed turns where the
// floor is unmistakable, stems on screen, a gentle cue when time is up (never a
// cut-off), the whole thing drivable from the keyboard, and a closing where each
// partner says how heard they felt. Any exercise definition runs here.
#include "app_context.h"
#include "fonts.h"
#include "guarded_text.h"
#include "keys.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace hearth::ui {
namespace {

// The overtime cue grows over this long, then holds still (no more frames).
constexpr double kCueGrowSeconds = 8.0;
constexpr int kHistoryRows = 20;

std::string clock_text(int64_t ms) {
    int64_t s = (ms + 999) / 1000;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
    return buf;
}

bool key(int glfw_key) { return shortcuts_allowed() && ImGui::IsKeyPressed(glfw_key, false); }
constexpr int kKeyRight = 262, kKeyLeft = 263, kKeySpace = 32, kKeyEnter = 257;

class ListeningPanel final : public Panel {
public:
    std::string_view id() const override { return "listening"; }
    std::string_view title() const override { return "Listen & reflect"; }
    std::string_view summary() const override { return "Timed speaker and listener turns until each of you feels understood"; }

    void draw(AppContext& ctx) override {
        ExerciseSessions& sessions = ctx.model.sessions;
        if (!drafts_kept_) {
            topic_.keep_draft(ctx.model.device, "listening.topic");
            drafts_kept_ = true;
        }
        if (auto h = ctx.nav.take_handoff<ListenAboutBreak>(PanelId::listening)) choose_break_topic(ctx, h->break_id);
        auto current = sessions.current();
        if (current && current->state == SessionState::closing) {
            draw_closing(ctx, *current);
        } else if (current && current->active()) {
            // An interrupted session shows where it stopped under the question
            // of whether to carry on.
            if (current->interrupted) draw_interrupted(ctx, *current);
            draw_running(ctx, *current);
        } else if (!rating_ended_.empty()) {
            if (auto s = sessions.get(rating_ended_)) draw_closing(ctx, *s);
            else rating_ended_.clear();
        } else {
            draw_setup(ctx);
        }
        ImGui::Spacing();
        draw_history(ctx);
    }

private:
    // ---- setup -----------------------------------------------------------

    void choose_break_topic(AppContext& ctx, const std::string& break_id) {
        if (auto b = ctx.model.breaks.get(break_id)) {
            from_break_ = b->follow_up_of.value_or(b->id);
            topic_.load(b->topic);
            setup_error_ = {};
        }
    }

    const ExerciseDefinition* chosen(AppContext& ctx) {
        const auto& all = ctx.model.exercises.all();
        if (all.empty()) return nullptr;
        // The heart of Hearth is the default; any other definition is one click away.
        if (exercise_id_.empty() && ctx.model.exercises.find("reflect-and-clarify")) exercise_id_ = "reflect-and-clarify";
        if (!ctx.model.exercises.find(exercise_id_)) exercise_id_ = all.front().id;
        return ctx.model.exercises.find(exercise_id_);
    }

    void draw_setup(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        const ExerciseDefinition* def = chosen(ctx);
        begin_card("Start a listening exercise");
        if (!def) {
            inline_error("No exercise definitions were found; see hearth --list-exercises.");
            end_card();
            return;
        }
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Exercise");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(16));
        if (ImGui::BeginCombo("##exercise", def->title.c_str())) {
            for (const auto& d : ctx.model.exercises.all())
                if (ImGui::Selectable(d.title.c_str(), d.id == def->id)) {
                    exercise_id_ = d.id;
                    step_seconds_.clear();
                    rounds_ = 0;
                }
            ImGui::EndCombo();
        }
        muted("%s", def->summary.c_str());
        if (const auto& problems = ctx.model.exercises.problems(); !problems.empty()) {
            inline_error(std::to_string(problems.size()) + " exercise file" + (problems.size() == 1 ? " was" : "s were") +
                         " skipped because of a problem:");
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (const auto& p : problems) ImGui::TextUnformatted(p.describe().c_str());
                ImGui::EndTooltip();
            }
            for (std::size_t i = 0; i < problems.size() && i < 3; ++i) muted("%s", problems[i].describe().c_str());
            if (problems.size() > 3) muted("\xE2\x80\xA6 hearth --list-exercises lists them all.");
        }

        // The topic: in your own words, or one still open from a break.
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Topic");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(em(24), card_content_width() - em(5)));
        bool edited = false;
        topic_.single_line("##topic", def->topic_prompt.empty() ? "What would you like to be heard about?" : def->topic_prompt.c_str(), &edited);
        if (edited) from_break_.reset();
        auto open = ctx.model.breaks.open_topics();
        if (!open.empty()) {
            same_line_or_wrap(em(12));
            ImGui::SetNextItemWidth(em(12));
            if (ImGui::BeginCombo("##fromtopic", from_break_ ? "From a break \xE2\x9C\x93" : "Or an open topic\xE2\x80\xA6")) {
                for (const auto& b : open) {
                    std::string label = b.topic + "##" + b.id;
                    if (ImGui::Selectable(label.c_str(), from_break_ == b.id)) choose_break_topic(ctx, b.id);
                }
                ImGui::EndCombo();
            }
        }
        inline_error(field_error("topic"));

        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Speaks first");
        ImGui::SameLine();
        partner_picker("first", couple, first_speaker_);
        if (rounds_ == 0) rounds_ = def->default_rounds;
        ImGui::SetNextItemWidth(em(7));
        ImGui::InputInt("rounds", &rounds_, 1, 1);
        rounds_ = std::clamp(rounds_, 1, kMaxRounds);
        ImGui::SameLine();
        muted(def->swap_roles ? "(in a round each of you speaks once)" : "(one turn each round)");
        inline_error(field_error("rounds"));

        if (ImGui::TreeNode("Step lengths")) {
            for (const auto& step : def->steps) {
                int& secs = step_seconds_.try_emplace(step.id, step.duration_seconds).first->second;
                float minutes = float(secs) / 60.0f;
                ImGui::SetNextItemWidth(em(12));
                std::string label = step.title + "##len" + step.id;
                if (ImGui::SliderFloat(label.c_str(), &minutes, kMinStepSeconds / 60.0f, 20.0f, "%.1f min"))
                    secs = std::clamp(int(std::lround(minutes * 2)) * 30, kMinStepSeconds, kMaxStepSeconds);
                inline_error(field_error("step_seconds." + step.id));
            }
            ImGui::TreePop();
        }
        if (ImGui::Button("Begin", em2(8, 0))) {
            SessionSetup s;
            s.exercise_id = def->id;
            s.topic = topic_.value();
            s.from_break = from_break_;
            s.first_speaker_slot = first_speaker_;
            s.step_seconds = step_seconds_;
            s.rounds = rounds_;
            setup_error_ = ctx.model.sessions.start(s);
            if (setup_error_.ok()) {
                topic_.clear();
                from_break_.reset();
            }
        }
        inline_error(setup_error_.field == "exercise" || setup_error_.field == "couple" || setup_error_.field == "state"
                         ? setup_error_.error : std::string());
        end_card();
    }

    // ---- under way ------------------------------------------------------

    void draw_interrupted(AppContext& ctx, const SessionView& s) {
        begin_card("An exercise was interrupted");
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D stopped at turn %d, %s, when Hearth closed.", s.topic.c_str(), s.turn + 1,
                           s.step ? s.step->title.c_str() : s.step_id.c_str());
        if (!s.definition_available) muted("Its exercise definition has changed or is missing, so it can only be closed.");
        ImGui::BeginDisabled(!s.definition_available);
        if (ImGui::Button("Carry on where we were")) report(ctx.model.sessions.resume(s.id));
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Close it")) {
            report(ctx.model.sessions.close_interrupted(s.id));
            rating_ended_ = s.id;
        }
        inline_error(error_.error);
        end_card();
    }

    void draw_running(AppContext& ctx, const SessionView& s) {
        ExerciseSessions& sessions = ctx.model.sessions;
        const Couple& couple = ctx.model.couple;
        const ExerciseDefinition* def = ctx.model.exercises.find(s.exercise_id);
        if (!def || !s.step) return;
        const ExerciseStep& step = *s.step;
        const Partner& floor = couple.partner(s.floor_slot);

        // The speaker holds the floor for the whole turn: their name, large, in
        // their colour; the listener smaller; and who talks in this step.
        const Partner& speaker = couple.partner(s.speaker_slot);
        const Partner& listener = couple.partner(s.listener_slot);
        ImGui::TextDisabled("%s  \xC2\xB7  turn %d of %d  \xC2\xB7  step %d of %d", s.topic.c_str(), s.turn + 1, s.turns_total,
                            s.step_index + 1, s.steps_per_turn);
        ImGui::PushFont(fonts().display);
        ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(speaker.color));
        ImGui::TextUnformatted(speaker.name.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushFont(fonts().heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fonts().display->FontSize - fonts().heading->FontSize * 1.3f);
        ImGui::Text("has the floor (%s)", def->role(Role::speaker).label.c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted("listening:");
        ImGui::SameLine();
        partner_label(listener);
        ImGui::PushFont(fonts().heading);
        ImGui::Text("%s \xE2\x80\x94 now talking:", step.title.c_str());
        ImGui::SameLine();
        partner_label(floor);
        ImGui::PopFont();

        draw_step_timer(ctx, s, floor);

        begin_card(nullptr);
        if (!step.stems.empty()) {
            ImGui::PushFont(fonts().heading);
            for (const auto& stem : step.stems) ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", stem.c_str());
            ImGui::PopFont();
            ImGui::Spacing();
        }
        if (!step.speaker_guidance.empty()) {
            partner_label(speaker);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", step.speaker_guidance.c_str());
        }
        if (!step.listener_guidance.empty()) {
            partner_label(listener);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", step.listener_guidance.c_str());
        }
        end_card();

        if (step.check) {
            ImGui::Spacing();
            ImGui::PushFont(fonts().heading);
            ImGui::Text("%s asks: %s", speaker.name.c_str(), step.check->question.c_str());
            ImGui::PopFont();
            std::string yes = step.check->yes_label + "  (Y)";
            std::string no = step.check->no_label + "  (N)";
            if (ImGui::Button(yes.c_str()) || key('Y')) report(sessions.answer(s.id, true));
            ImGui::SameLine();
            if (ImGui::Button(no.c_str()) || key('N')) report(sessions.answer(s.id, false));
            if (s.turn_clarify_loops > 0) {
                ImGui::SameLine();
                muted("clarified %d time%s this turn", s.turn_clarify_loops, s.turn_clarify_loops == 1 ? "" : "s");
            }
        }

        ImGui::Spacing();
        ImGui::BeginDisabled(s.is_first_step);
        if (ImGui::Button("\xE2\x97\x80 Back  (\xE2\x86\x90)") || (!s.is_first_step && key(kKeyLeft))) report(sessions.back(s.id));
        ImGui::EndDisabled();
        ImGui::SameLine();
        bool paused = s.state == SessionState::paused;
        if (ImGui::Button(paused ? "Resume  (Space)" : "Pause  (Space)") || key(kKeySpace))
            report(paused ? sessions.resume(s.id) : sessions.pause(s.id));
        ImGui::SameLine();
        ImGui::BeginDisabled(paused);
        if (ImGui::Button("Next \xE2\x96\xB6  (\xE2\x86\x92 or Enter)") || (!paused && (key(kKeyRight) || key(kKeyEnter))))
            report(sessions.next(s.id));
        ImGui::EndDisabled();
        ImGui::SameLine(0, em(2));
        if (ImGui::Button("End early")) ImGui::OpenPopup("end exercise");
        if (ImGui::BeginPopupModal("end exercise", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("End the exercise now? It is kept as ended early.");
            if (ImGui::Button("End it")) {
                report(sessions.end_early(s.id));
                rating_ended_ = s.id;
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep going")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        inline_error(error_.error);
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
            double grow = std::min(1.0, double(s.overtime_ms) / 1000.0 / kCueGrowSeconds);
            float pad = em(0.25f) + em(0.35f) * float(grow);
            dl->AddRect(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + width + pad, p.y + h + pad),
                        partner_fill(floor.color, 0.25f + 0.6f * float(grow)), h * 0.5f, 0, 2.0f + 3.0f * float(grow));
            if (grow < 1.0) ctx.wake_in(0.1);  // the cue grows smoothly, then holds
        }
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), h * 0.5f);
        if (frac > 0) dl->AddRectFilled(p, ImVec2(p.x + width * frac, p.y + h), partner_fill(floor.color, 0.8f), h * 0.5f);
        std::string t = s.overtime ? "time is up (+" + clock_text(s.overtime_ms) + "): finish your thought, then move on"
                                   : clock_text(s.step_remaining_ms) + (s.state == SessionState::paused ? "  paused" : "");
        ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        dl->AddText(ImVec2(p.x + (width - ts.x) / 2, p.y + (h - ts.y) / 2), ImGui::GetColorU32(ImGuiCol_Text), t.c_str());
        ImGui::Dummy(ImVec2(width, h + em(0.5f)));
    }

    // ---- closing --------------------------------------------------------

    void draw_closing(AppContext& ctx, const SessionView& s) {
        const ExerciseDefinition* def = ctx.model.exercises.find(s.exercise_id);
        const Couple& couple = ctx.model.couple;
        if (closing_for_ != s.id) {
            closing_for_ = s.id;
            closing_ = {};
            for (int slot = 0; slot < 2; ++slot) {
                notes_[slot].load({});
                notes_[slot].keep_draft(ctx.model.device, "listening." + s.id + ".note" + std::to_string(slot));
            }
        }
        begin_card(s.state == SessionState::ended_early ? "Ended early: how was it?" : "Well done. How was it?");
        std::string question = def ? def->closing.rating_question : "I felt heard";
        for (int slot = 0; slot < 2; ++slot) {
            ImGui::PushID(slot);
            partner_label(couple.partner(slot));
            ImGui::SameLine();
            ImGui::Text("\xE2\x80\x9C%s\xE2\x80\x9D", question.c_str());
            int v = closing_.ratings[slot].felt_heard.value_or(0);
            for (int r = 1; r <= kMaxFeltHeard; ++r) {
                ImGui::SameLine();
                char label[8];
                std::snprintf(label, sizeof label, "%d", r);
                if (ImGui::RadioButton(label, v == r)) closing_.ratings[slot].felt_heard = r;
            }
            if (def && r_labels_visible(*def)) {
                ImGui::SameLine();
                muted("(1 %s \xC2\xB7 5 %s)", def->closing.rating_low_label.c_str(), def->closing.rating_high_label.c_str());
            }
            ImGui::SetNextItemWidth(std::min(em(30), card_content_width()));
            notes_[slot].single_line("##note", def && !def->closing.note_prompt.empty() ? def->closing.note_prompt.c_str() : "A note, if you like");
            inline_error(field_error("felt_heard." + std::to_string(slot)) + field_error("note." + std::to_string(slot)));
            ImGui::PopID();
        }
        if (!s.topic.empty() && (!def || def->closing.offer_talked_through))
            ImGui::Checkbox("We have talked this topic through", &closing_.topic_talked_through);
        if (ImGui::Button("Save and finish")) {
            for (int slot = 0; slot < 2; ++slot) closing_.ratings[slot].note = notes_[slot].value();
            setup_error_ = ctx.model.sessions.finish(s.id, closing_);
            if (setup_error_.ok()) {
                notes_[0].clear();
                notes_[1].clear();
                rating_ended_.clear();
                ctx.notify("Saved. Thank you for listening to each other.");
            }
        }
        if (s.state == SessionState::ended_early) {
            ImGui::SameLine();
            if (ImGui::Button("Skip")) {
                notes_[0].clear();
                notes_[1].clear();
                rating_ended_.clear();
            }
        }
        end_card();
    }
    static bool r_labels_visible(const ExerciseDefinition& d) {
        return !d.closing.rating_low_label.empty() && !d.closing.rating_high_label.empty();
    }

    // ---- history --------------------------------------------------------

    void draw_history(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("Past exercises")) return;
        ExerciseSessions& sessions = ctx.model.sessions;
        if (history_rev_ != sessions.revision()) {
            history_ = sessions.history(0, kHistoryRows);
            history_rev_ = sessions.revision();
        }
        if (history_.empty()) {
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
            for (const auto& s : history_) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_day_human(s.day).c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s%s%s", s.topic.empty() ? s.exercise_title.c_str() : s.topic.c_str(),
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
                                       couple.partner(slot).name.c_str(), fh.value_or(0));
                }
            }
            ImGui::EndTable();
        }
    }

    void report(const SaveResult& r) { error_ = r; }
    std::string field_error(const std::string& field) const {
        return setup_error_.field == field ? setup_error_.error : std::string();
    }

    bool drafts_kept_ = false;
    std::string exercise_id_;
    GuardedText topic_;
    std::optional<std::string> from_break_;
    int first_speaker_ = 0;
    int rounds_ = 0;
    std::map<std::string, int> step_seconds_;
    SaveResult setup_error_;
    SaveResult error_;

    std::string rating_ended_;
    std::string closing_for_;
    SessionClosing closing_;
    GuardedText notes_[2];

    std::vector<SessionView> history_;
    uint64_t history_rev_ = 0;
};

} // namespace

std::unique_ptr<Panel> make_listening_panel() { return std::make_unique<ListeningPanel>(); }

} // namespace hearth::ui
