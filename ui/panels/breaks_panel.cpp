// Conflict breaks: call one, watch it count down from across the room, calm
// down with guidance and a breathing pacer, and come back to the topic.
// State and commands: screens/breaks_screen.h; this file draws them.
#include "app_context.h"
#include "kit/emoji_picker.h"
#include "break_widgets.h"
#include "breaks_screen.h"
#include "fonts.h"
#include "guarded_text.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace hearth::ui {
namespace {

class BreaksPanel final : public Panel {
public:
    std::string_view id() const override { return "breaks"; }
    std::string_view title() const override { return "Take a break"; }
    std::string_view summary() const override { return "A timed break when a disagreement runs hot, and a way back"; }

    void draw(AppContext& ctx) override {
        model_ = &ctx.model;
        if (!screen_) {
            screen_.emplace(ctx.model, ctx.clock);
            form_topic_.keep_draft(ctx.model.device, "breaks.topic");
        }
        BreaksScreen& screen = *screen_;
        screen.sync();
        // A break under way comes first, its return time and controls on
        // screen at once however small the window; the note follows it.
        if (screen.active().empty()) {
            safety_note();
            ImGui::Spacing();
        }
        for (const BreakView& b : screen.active()) {
            draw_active(ctx, b);
            ImGui::Spacing();
        }
        if (!screen.active().empty()) {
            safety_note();
            ImGui::Spacing();
        }
        if (screen.form_shown()) {
            draw_start_form(ctx);
        } else if (screen.any_counting_down()) {
            // The break under way is the one above; a second is a choice made on purpose.
            muted("A break is under way above. A second one is for when the other of you needs time too.");
            if (ImGui::Button("Start a second break\xE2\x80\xA6")) screen.offer_form(true);
        } else if (ImGui::Button("Call another break")) {
            screen.offer_form(true);
        }
        if (screen.any_counting_down()) {
            ImGui::Spacing();
            draw_guidance(ctx);
        }
        ImGui::Spacing();
        draw_history(ctx);
        if (std::string notice = screen.take_notice(); !notice.empty()) ctx.notify(std::move(notice));
    }

private:
    void draw_active(AppContext& ctx, const BreakView& b) {
        BreaksScreen& screen = *screen_;
        const Partner& caller = ctx.model.couple.partner(b.caller_slot);
        ImGui::PushID(b.id.c_str());
        begin_card(nullptr);
        float radius = std::clamp(ImGui::GetContentRegionAvail().y * 0.3f, em(4.5f), em(7.5f));
        radius = std::min(radius, card_content_width() * 0.22f);
        if (b.state == BreakState::expired) {
            draw_expired(ctx, b, caller);
            end_card();
            ImGui::PopID();
            return;
        }
        // The words and buttons beside the ring when they have room there (a
        // smaller ring in a small window), else above it: the return time and
        // the controls are never below the fold under the ring.
        const float words_width = em(16), gap = em(1.5f);
        const float beside = (card_content_width() - words_width - gap) / 2;
        const bool words_beside = beside >= em(3);
        if (words_beside) {
            radius = std::min(radius, beside);
            countdown_ring(b, caller, radius);
            ImGui::SameLine(0, gap);
        }
        words_room_ = words_beside ? card_content_width() - 2 * radius - gap : card_content_width();
        ImGui::BeginGroup();
        partner_label(caller);
        ImGui::SameLine(0, em(0.3f));
        ImGui::TextUnformatted(b.follow_up_of ? "asked for more time" : "called a break");
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(shown(BreaksScreen::when_back_text(b)));
        ImGui::PopFont();
        if (b.state == BreakState::paused) muted("%s. %s", BreaksScreen::length_line(b).c_str(), BreaksScreen::kPausedNote);
        else muted("%s", BreaksScreen::length_line(b).c_str());
        draw_topic(b);
        if (ImGui::Button(b.state == BreakState::running ? "Pause" : "Resume")) screen.toggle_pause(b);
        for (int add : BreaksScreen::kExtendChoices) {
            const std::string label = "+" + std::to_string(add) + " min";
            same_line_or_wrap(button_width(shown(label)));
            ImGui::BeginDisabled(!screen.can_extend(b, add));
            if (ImGui::Button(shown(label))) screen.extend(b, add);
            ImGui::EndDisabled();
        }
        same_line_or_wrap(button_width("End early"));
        if (ImGui::Button("End early")) ImGui::OpenPopup("End early");
        // Centred on the window, over whatever it covers, not at the card's corner.
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("End early", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            // Wrapped at a fixed width: sized by its own wrapped words, a
            // popup's first frame is one word a line tall, and centring
            // that puts the settled dialog at the top of the window.
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(20));
            ImGui::TextUnformatted("End the break now?");
            muted("Coming back early is fine when you both feel calm again.");
            ImGui::PopTextWrapPos();
            if (ImGui::Button("End it now")) {
                screen.end_early(b);
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep resting")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        inline_error(screen.error_for(b));
        ImGui::EndGroup();
        if (!words_beside) countdown_ring(b, caller, radius);
        end_card();
        ImGui::PopID();
    }

    void draw_expired(AppContext& ctx, const BreakView& b, const Partner& caller) {
        BreaksScreen& screen = *screen_;
        ImGui::PushFont(fonts().heading);
        ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(caller.color));
        ImGui::TextUnformatted("Time to come back");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::Text("%s's break is over%s.", shown(caller.name),
                    b.ended_while_closed ? " (it ended while Hearth was closed)" : "");
        ImGui::TextWrapped("Come back even if you are still a little upset. Start gently, with how you feel and what "
                           "you need (\xE2\x80\x9CI feel ... I need ...\xE2\x80\x9D), rather than where you left off.");
        if (!b.topic.empty()) {
            ImGui::Text("Topic: %s", shown(b.topic));
        }
        if (!b.topic.empty() && b.topic_status == TopicStatus::open) {
            // The way back: listen to each other about it, now.
            if (ImGui::Button("We're back: listen to each other about it")) {
                if (auto handoff = screen.come_back_to_listen(b)) ctx.go_to(PanelId::listening, *handoff);
            }
            same_line_or_wrap(em(16));
        }
        if (ImGui::Button(b.topic.empty() ? "We're back" : "We're back; keep the topic for later")) screen.come_back(b);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The topic stays open until you talk it through or let it go");
        same_line_or_wrap(em(14));
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("or more time:");
        for (int more : BreaksScreen::kMoreTimeChoices) {
            ImGui::SameLine();
            const std::string label = "+" + std::to_string(more) + " min";
            if (ImGui::Button(shown(label))) screen.more_time(b, more);
        }
        inline_error(screen.error_for(b));
    }

    void draw_topic(const BreakView& b) {
        BreaksScreen& screen = *screen_;
        if (!screen.editing_topic(b)) {
            if (b.topic.empty()) {
                // A full button, as tall as Pause and +5 min beside it.
                if (ImGui::Button("Add a topic to come back to")) begin_topic_edit(b);
            } else {
                ImGui::TextWrapped("Topic: %s", shown(b.topic));
                same_line_or_wrap(button_width("Edit"));
                if (ImGui::Button("Edit")) begin_topic_edit(b);
            }
            return;
        }
        // The box, its emoji button, Save and Cancel fold onto more rows
        // beside a ring in a narrow card.
        const float room = words_room_ - kit::EmojiPicker::room();
        ImGui::SetNextItemWidth(std::max(em(8), std::min(em(22), room)));
        if (focus_topic_) {
            ImGui::SetKeyboardFocusHere();
            focus_topic_ = false;
        }
        bool enter = topic_text_.single_line("##topic", "In your own words");
        same_line_or_wrap(kit::EmojiPicker::room());
        topic_emoji_.button("topic-emoji", topic_text_, model_->device, model_->assets_dir);
        same_line_or_wrap(button_width("Save topic"));
        if (ImGui::Button("Save topic") || enter) screen.save_topic(b, topic_text_.value());
        same_line_or_wrap(button_width("Cancel"));
        if (ImGui::Button("Cancel")) screen.cancel_topic_edit();
    }

    void begin_topic_edit(const BreakView& b) {
        topic_text_.load(screen_->edit_topic(b));
        focus_topic_ = true;
    }

    void draw_start_form(AppContext& ctx) {
        BreaksScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        begin_card(screen.any_counting_down() ? "A second break" : "Call a break");
        muted("Say it as your own need (\xE2\x80\x9CI need a break\xE2\x80\x9D) and agree when you will come back.");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Who needs it");
        ImGui::SameLine();
        partner_picker("caller", couple, screen.caller_slot);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Topic");
        ImGui::SameLine();
        // The field keeps its hint whole: below its label, and a shorter hint,
        // when the row is short.
        const char* hint = "Optional: what to come back to, in your words";
        const float label_w = ImGui::CalcTextSize("Topic").x + ImGui::GetStyle().ItemSpacing.x;
        float room = card_content_width() - label_w - kit::EmojiPicker::room();
        if (room < ImGui::CalcTextSize(hint).x + em(1.5f)) {
            ImGui::NewLine();
            room = card_content_width() - kit::EmojiPicker::room();
            if (room < ImGui::CalcTextSize(hint).x + em(1.5f)) hint = "Optional: what to come back to";
        }
        ImGui::SetNextItemWidth(std::min(em(26), room));
        form_topic_.single_line("##formtopic", hint);
        ImGui::SameLine();
        form_topic_emoji_.button("formtopic-emoji", form_topic_, ctx.model.device, ctx.model.assets_dir);
        inline_error(screen.form_error("topic"));

        // "For [20] minutes  Until [14:15] [ ] tomorrow", folding onto more rows
        // in a narrow window.
        const ImGuiStyle& st = ImGui::GetStyle();
        auto labelled = [&](const char* label) { return ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x; };
        int by_clock = screen.by_clock ? 1 : 0;
        ImGui::RadioButton("For", &by_clock, 0);
        same_line_or_wrap(em(7) + st.ItemInnerSpacing.x + ImGui::CalcTextSize("minutes").x);
        ImGui::SetNextItemWidth(em(7));
        ImGui::BeginDisabled(by_clock != 0);
        ImGui::InputInt("minutes", &screen.minutes, 5, 15);
        ImGui::EndDisabled();
        same_line_or_wrap(labelled("Until") + st.ItemSpacing.x + em(5), em(1.5f));
        ImGui::RadioButton("Until", &by_clock, 1);
        screen.choose_by_clock(by_clock == 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(5));
        ImGui::BeginDisabled(by_clock != 1);
        const std::string suggested = screen.suggested_until();
        ImGui::InputTextWithHint("##until", suggested.c_str(), &screen.until);
        same_line_or_wrap(labelled("tomorrow"));
        ImGui::Checkbox("tomorrow", &screen.tomorrow);
        ImGui::EndDisabled();

        const BreakFormPlan plan = screen.plan(form_topic_.value());
        inline_error(plan.problem.empty() ? screen.when_error() : plan.problem);
        if (!plan.preview.empty()) muted("%s", shown(plan.preview));
        ImGui::BeginDisabled(!plan.can_start);
        if (ImGui::Button("Start the break") && screen.start(form_topic_.value()).ok()) form_topic_.clear();
        ImGui::EndDisabled();
        if (screen.form_offered()) {
            ImGui::SameLine();
            if (ImGui::Button("Not now")) screen.offer_form(false);
        }
        muted("Breaks last at least %d minutes (adjustable in Settings) and at most 24 hours.", ctx.model.breaks.floor_minutes());
        end_card();
    }

    void draw_guidance(AppContext& ctx) {
        BreaksScreen& screen = *screen_;
        begin_card("While you wait");
        float pacer_r = em(5.5f);
        // The pacer beside the words when they keep em(14) there, else under them.
        const float beside_width = card_content_width() - pacer_r * 2 - em(2);
        const bool pacer_beside = beside_width >= em(14);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (pacer_beside ? beside_width : card_content_width()));
        // ImGui's BulletText never wraps: a bullet, then words that wrap under themselves.
        for (const char* line : {"Do something that settles your body: a walk, music, a shower, a page of a book.",
                                 "Breathe slowly, a longer breath out than in.",
                                 "Try not to replay the argument or plan your reply; that keeps you worked up.",
                                 "When the time comes, come back even if you still feel a little raw."}) {
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped_whole(line);
        }
        ImGui::PopTextWrapPos();
        bool show_pacer = screen.pacer_shown();
        if (ImGui::Checkbox("Show the breathing pacer", &show_pacer)) screen.show_pacer(show_pacer);
        if (show_pacer) {
            const BreathingRhythm& rhythm = screen.rhythm();
            ImGui::SetNextItemWidth(em(10));
            bool changed = false;
            float in = float(rhythm.in_seconds), hold = float(rhythm.hold_seconds), out = float(rhythm.out_seconds);
            changed |= ImGui::SliderFloat("in (s)", &in, 2, 8, "%.0f");
            ImGui::SetNextItemWidth(em(10));
            changed |= ImGui::SliderFloat("hold (s)", &hold, 0, 8, "%.0f");
            ImGui::SetNextItemWidth(em(10));
            changed |= ImGui::SliderFloat("out (s)", &out, 2, 10, "%.0f");
            if (changed) screen.set_rhythm(in, hold, out);
            muted("%.1f breaths a minute", rhythm.breaths_per_minute());
        }
        ImGui::EndGroup();
        if (show_pacer) {
            if (pacer_beside) ImGui::SameLine(0, em(1));
            breathing_pacer(ctx, screen.rhythm(), pacer_r);
        }
        end_card();
    }

    // What a history row says, column by column.
    struct HistoryRow {
        std::string when, taken, came_back;
    };
    static HistoryRow history_row(const BreakView& b) {
        HistoryRow r;
        r.when = format_day_human(b.day);
        r.taken = BreaksScreen::length_text(b.total_ms()) + " / " +
                  (b.actual_ms ? BreaksScreen::length_text(*b.actual_ms) : std::string("\xE2\x80\x94"));
        r.came_back = BreaksScreen::came_back_text(b);
        return r;
    }
    // The widest the topic-status cell gets: its words and buttons on one line.
    static float topic_status_width() {
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        return std::max({ImGui::CalcTextSize("Topic status").x,
                         button_width("Talked through") + gap + button_width("Let go"),
                         ImGui::CalcTextSize("talked through").x + gap + button_width("Reopen")});
    }

    void draw_history(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("History and open topics")) return;
        BreaksScreen& screen = *screen_;
        const auto& history = screen.history();
        if (history.empty()) {
            muted("No breaks yet.");
            return;
        }
        const Couple& couple = ctx.model.couple;
        // Each fixed column as wide as its widest words, the topic at least
        // em(12): a table where that fits, else one block a break, so no
        // column is ever squeezed to a letter a line or cut off.
        const char* headers[] = {"When", "Who", "Planned / taken", "Came back"};
        float widths[4];
        for (int i = 0; i < 4; ++i) widths[i] = ImGui::CalcTextSize(headers[i]).x;
        for (int s = 0; s < 2; ++s)
            widths[1] = std::max(widths[1], ImGui::CalcTextSize(shown(couple.partner(s).name)).x + em(1.5f));
        for (const BreakView& b : history) {
            const HistoryRow r = history_row(b);
            widths[0] = std::max(widths[0], ImGui::CalcTextSize(r.when.c_str()).x);
            widths[2] = std::max(widths[2], ImGui::CalcTextSize(r.taken.c_str()).x);
            widths[3] = std::max(widths[3], ImGui::CalcTextSize(r.came_back.c_str()).x);
            widths[3] = std::max(widths[3], ImGui::CalcTextSize("more time").x);
        }
        const float status_w = topic_status_width();
        const float cell_pad = 2 * ImGui::GetStyle().CellPadding.x + 1.0f;
        float needed = em(12) + status_w + 6 * cell_pad;
        for (float w : widths) needed += w;
        if (needed > ImGui::GetContentRegionAvail().x) draw_history_stacked(couple);
        else draw_history_table(couple, widths, status_w);
        if (screen.has_more_history() && ImGui::Button("Show more")) screen.show_more_history();
    }

    void draw_history_table(const Couple& couple, const float (&widths)[4], float status_w) {
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
        if (!ImGui::BeginTable("history", 6, flags)) return;
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, widths[0]);
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, widths[1]);
        ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Planned / taken", ImGuiTableColumnFlags_WidthFixed, widths[2]);
        ImGui::TableSetupColumn("Came back", ImGuiTableColumnFlags_WidthFixed, widths[3]);
        ImGui::TableSetupColumn("Topic status", ImGuiTableColumnFlags_WidthFixed, status_w);
        ImGui::TableHeadersRow();
        for (const BreakView& b : screen_->history()) {
            const HistoryRow r = history_row(b);
            ImGui::PushID(b.id.c_str());
            ImGui::TableNextRow();
            // Each cell's words on the line of the status buttons.
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.when.c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            partner_label(couple.partner(b.caller_slot));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s%s", b.follow_up_of ? "(more time) " : "", b.topic.empty() ? "\xE2\x80\x94" : shown(b.topic));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.taken.c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            draw_came_back(b, r);
            ImGui::TableNextColumn();
            if (!b.follow_up_of) draw_topic_status(b);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // One block a break: when and who, the topic, the times, its status.
    void draw_history_stacked(const Couple& couple) {
        for (const BreakView& b : screen_->history()) {
            const HistoryRow r = history_row(b);
            ImGui::PushID(b.id.c_str());
            ImGui::Separator();
            ImGui::TextUnformatted(r.when.c_str());
            ImGui::SameLine();
            partner_label(couple.partner(b.caller_slot));
            ImGui::TextWrapped("Topic: %s%s", b.follow_up_of ? "(more time) " : "", b.topic.empty() ? "\xE2\x80\x94" : shown(b.topic));
            muted("Planned / taken: %s", r.taken.c_str());
            ImGui::TextDisabled("Came back:");
            ImGui::SameLine();
            draw_came_back(b, r);
            if (!b.follow_up_of) draw_topic_status(b);
            ImGui::PopID();
        }
        ImGui::Separator();
    }

    static void draw_came_back(const BreakView& b, const HistoryRow& r) {
        if (!r.came_back.empty()) ImGui::TextUnformatted(r.came_back.c_str());
        else ImGui::TextDisabled(b.active() ? "running" : b.state == BreakState::continued ? "more time" : "\xE2\x80\x94");
    }

    void draw_topic_status(const BreakView& b) {
        BreaksScreen& screen = *screen_;
        switch (b.topic_status) {
        case TopicStatus::none:
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("no topic");
            break;
        case TopicStatus::open:
            if (ImGui::Button("Talked through")) screen.talked_through(b);
            same_line_or_wrap(button_width("Let go"));
            if (ImGui::Button("Let go")) screen.let_go(b);
            break;
        case TopicStatus::talked_through:
        case TopicStatus::dismissed:
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(b.topic_status == TopicStatus::talked_through ? "talked through" : "let go");
            same_line_or_wrap(button_width("Reopen"));
            if (ImGui::Button("Reopen")) screen.reopen_topic(b);
            break;
        }
    }

    std::optional<BreaksScreen> screen_;
    // Edit buffers for what the couple types; the screen decides what is saved.
    GuardedText form_topic_;
    GuardedText topic_text_;
    kit::EmojiPicker form_topic_emoji_, topic_emoji_;
    Model* model_ = nullptr;
    bool focus_topic_ = false;
    float words_room_ = 0;  // the width beside the ring, for the topic being edited
};

} // namespace

std::unique_ptr<Panel> make_breaks_panel() { return std::make_unique<BreaksPanel>(); }

} // namespace hearth::ui
