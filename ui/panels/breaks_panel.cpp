// Conflict breaks: call one, watch it count down from across the room, calm
// down with guidance and a breathing pacer, and come back to the topic.
#include "app_context.h"
#include "break_widgets.h"
#include "fonts.h"
#include "guarded_text.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace hearth::ui {
namespace {

constexpr int kHistoryPage = 30;

std::string minutes_text(int64_t ms) {
    int64_t m = (ms + 30'000) / 60'000;
    if (m < 60) return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h " + std::to_string(m % 60) + " min";
}

class BreaksPanel final : public Panel {
public:
    std::string_view id() const override { return "breaks"; }
    std::string_view title() const override { return "Take a break"; }
    std::string_view summary() const override { return "A timed break when a disagreement runs hot, and a way back"; }

    void draw(AppContext& ctx) override {
        if (!rhythm_loaded_) {
            rhythm_ = load_rhythm(ctx.model.settings);
            show_pacer_ = ctx.model.settings.get(setting::pacer_visible);
            form_topic_.keep_draft(ctx.model.device, "breaks.topic");
            rhythm_loaded_ = true;
        }
        safety_note();
        ImGui::Spacing();
        auto active = ctx.model.breaks.active();
        bool any_running = false;
        for (const BreakView& b : active) {
            draw_active(ctx, b);
            any_running |= b.state == BreakState::running || b.state == BreakState::paused;
            ImGui::Spacing();
        }
        if (active.empty() || show_form_) draw_start_form(ctx);
        else if (ImGui::Button("Call another break")) show_form_ = true;
        if (any_running) {
            ImGui::Spacing();
            draw_guidance(ctx);
        }
        ImGui::Spacing();
        draw_history(ctx);
    }

private:
    void draw_active(AppContext& ctx, const BreakView& b) {
        Breaks& breaks = ctx.model.breaks;
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
        countdown_ring(b, caller, radius);
        ImGui::SameLine(0, em(1.5f));
        ImGui::BeginGroup();
        partner_label(caller);
        ImGui::SameLine(0, em(0.3f));
        ImGui::TextUnformatted(b.follow_up_of ? "asked for more time" : "called a break");
        ImGui::PushFont(fonts().heading);
        ImGui::Text("Back at %s", b.return_clock.c_str());
        ImGui::PopFont();
        muted("%s of %s", b.state == BreakState::paused ? "Paused" : "Running", minutes_text(b.total_ms()).c_str());
        draw_topic(ctx, b);
        if (b.state == BreakState::running) {
            if (ImGui::Button("Pause")) report(b.id, breaks.pause(b.id));
        } else if (ImGui::Button("Resume")) {
            report(b.id, breaks.resume(b.id));
        }
        for (int add : {5, 10}) {
            ImGui::SameLine();
            ImGui::BeginDisabled(b.max_extend_minutes < add);
            char label[16];
            std::snprintf(label, sizeof label, "+%d min", add);
            if (ImGui::Button(label)) report(b.id, breaks.extend(b.id, add));
            ImGui::EndDisabled();
        }
        ImGui::SameLine();
        if (ImGui::Button("End early")) ImGui::OpenPopup("end early");
        if (ImGui::BeginPopupModal("end early", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("End the break now?");
            muted("Coming back early is fine when you both feel calm again.");
            if (ImGui::Button("End it now")) {
                report(b.id, breaks.end_early(b.id));
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep resting")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        inline_error(error_for(b.id));
        ImGui::EndGroup();
        end_card();
        ImGui::PopID();
    }

    void draw_expired(AppContext& ctx, const BreakView& b, const Partner& caller) {
        Breaks& breaks = ctx.model.breaks;
        ImGui::PushFont(fonts().heading);
        ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(caller.color));
        ImGui::TextUnformatted("Time to come back");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::Text("%s's break is over%s.", caller.name.c_str(),
                    b.ended_while_closed ? " (it ended while Hearth was closed)" : "");
        ImGui::TextWrapped("Come back even if you are still a little upset. Start gently, with how you feel and what "
                           "you need (\xE2\x80\x9CI feel ... I need ...\xE2\x80\x9D), rather than where you left off.");
        if (!b.topic.empty()) {
            ImGui::Text("Topic: %s", b.topic.c_str());
        }
        if (!b.topic.empty() && b.topic_status == TopicStatus::open) {
            // The way back: listen to each other about it, now.
            if (ImGui::Button("We're back: listen to each other about it")) {
                auto r = breaks.come_back(b.id);
                report(b.id, r);
                if (r.ok()) ctx.go_to(PanelId::listening, ListenAboutBreak{b.follow_up_of.value_or(b.id)});
            }
            same_line_or_wrap(em(16));
        }
        if (ImGui::Button(b.topic.empty() ? "We're back" : "We're back; keep the topic for later"))
            report(b.id, breaks.come_back(b.id));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The topic stays open until you talk it through or let it go");
        same_line_or_wrap(em(14));
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("or more time:");
        for (int more : {10, 20}) {
            ImGui::SameLine();
            char label[16];
            std::snprintf(label, sizeof label, "+%d min", more);
            if (ImGui::Button(label)) report(b.id, breaks.more_time(b.id, more));
        }
        inline_error(error_for(b.id));
    }

    void draw_topic(AppContext& ctx, const BreakView& b) {
        if (editing_topic_ != b.id) {
            if (b.topic.empty()) {
                if (ImGui::SmallButton("Add a topic to come back to")) begin_topic_edit(b);
            } else {
                ImGui::TextWrapped("Topic: %s", b.topic.c_str());
                ImGui::SameLine();
                if (ImGui::SmallButton("Edit")) begin_topic_edit(b);
            }
            return;
        }
        ImGui::SetNextItemWidth(em(22));
        if (focus_topic_) {
            ImGui::SetKeyboardFocusHere();
            focus_topic_ = false;
        }
        bool enter = topic_text_.single_line("##topic", "In your own words");
        ImGui::SameLine();
        if (ImGui::Button("Save topic") || enter) {
            auto r = ctx.model.breaks.set_topic(b.id, topic_text_.value());
            report(b.id, r);
            if (r.ok()) editing_topic_.clear();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) editing_topic_.clear();
    }

    void begin_topic_edit(const BreakView& b) {
        editing_topic_ = b.id;
        topic_text_.load(b.topic);
        focus_topic_ = true;
    }

    void draw_start_form(AppContext& ctx) {
        const Couple& couple = ctx.model.couple;
        Breaks& breaks = ctx.model.breaks;
        begin_card("Call a break");
        muted("Say it as your own need (\xE2\x80\x9CI need a break\xE2\x80\x9D) and agree when you will come back.");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Who needs it");
        ImGui::SameLine();
        partner_picker("caller", couple, request_.caller_slot);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Topic");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(em(26), card_content_width() - em(6)));
        form_topic_.single_line("##formtopic", "Optional: what to come back to, in your words");
        inline_error(field_error("topic"));

        ImGui::RadioButton("For", &by_clock_, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(7));
        if (minutes_ == 0) minutes_ = kDefaultBreakMinutes;
        ImGui::BeginDisabled(by_clock_ != 0);
        ImGui::InputInt("minutes", &minutes_, 5, 15);
        ImGui::EndDisabled();
        ImGui::SameLine(0, em(1.5f));
        ImGui::RadioButton("Until", &by_clock_, 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(5));
        ImGui::BeginDisabled(by_clock_ != 1);
        ImGui::InputTextWithHint("##until", "21:40", &until_);
        ImGui::SameLine();
        ImGui::Checkbox("tomorrow", &tomorrow_);
        ImGui::EndDisabled();

        BreakRequest r;
        r.caller_slot = request_.caller_slot;
        r.topic = form_topic_.value();
        std::string preview;
        bool parse_error = false;
        if (by_clock_ == 0) {
            r.minutes = minutes_;
            preview = "Back at " + local_clock_time(ctx.clock.now() + std::chrono::minutes(minutes_));
        } else {
            Date day = local_date(ctx.clock.now());
            if (tomorrow_) day = add_days(day, 1);
            if (auto t = local_time_on(day, until_)) {
                r.return_at = *t;
                preview = "Back at " + until_ + (tomorrow_ ? " tomorrow" : " today");
            } else if (!until_.empty()) {
                parse_error = true;
            }
        }
        inline_error(parse_error ? "Type the return time as hours and minutes, like 21:40." : field_error("minutes") + field_error("return_at"));
        if (!preview.empty()) muted("%s", preview.c_str());
        ImGui::BeginDisabled(parse_error || (by_clock_ == 1 && until_.empty()));
        if (ImGui::Button("Start the break")) {
            auto res = breaks.start(r);
            form_error_ = res;
            if (res.ok()) {
                form_topic_.clear();
                show_form_ = false;
                form_error_ = {};
            }
        }
        ImGui::EndDisabled();
        if (show_form_) {
            ImGui::SameLine();
            if (ImGui::Button("Not now")) show_form_ = false;
        }
        muted("Breaks last at least %d minutes (adjustable in Settings) and at most 24 hours.", breaks.floor_minutes());
        end_card();
    }

    void draw_guidance(AppContext& ctx) {
        begin_card("While you wait");
        float pacer_r = em(5.5f);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(em(14), card_content_width() - pacer_r * 2 - em(2)));
        ImGui::BulletText("Do something that settles your body: a walk, music, a shower, a page of a book.");
        ImGui::BulletText("Breathe slowly, a longer breath out than in.");
        ImGui::BulletText("Try not to replay the argument or plan your reply; that keeps you worked up.");
        ImGui::BulletText("When the time comes, come back even if you still feel a little raw.");
        ImGui::PopTextWrapPos();
        if (ImGui::Checkbox("Show the breathing pacer", &show_pacer_))
            ctx.model.settings.set(setting::pacer_visible, show_pacer_);
        if (show_pacer_) {
            ImGui::SetNextItemWidth(em(10));
            bool changed = false;
            float in = float(rhythm_.in_seconds), hold = float(rhythm_.hold_seconds), out = float(rhythm_.out_seconds);
            changed |= ImGui::SliderFloat("in (s)", &in, 2, 8, "%.0f");
            ImGui::SetNextItemWidth(em(10));
            changed |= ImGui::SliderFloat("hold (s)", &hold, 0, 8, "%.0f");
            ImGui::SetNextItemWidth(em(10));
            changed |= ImGui::SliderFloat("out (s)", &out, 2, 10, "%.0f");
            if (changed) {
                rhythm_.in_seconds = std::round(in);
                rhythm_.hold_seconds = std::round(hold);
                rhythm_.out_seconds = std::round(out);
            }
            if (ImGui::IsItemDeactivatedAfterEdit() || changed) save_rhythm(ctx.model.settings, rhythm_);
            muted("%.1f breaths a minute", rhythm_.breaths_per_minute());
        }
        ImGui::EndGroup();
        if (show_pacer_) {
            ImGui::SameLine(0, em(1));
            breathing_pacer(ctx, rhythm_, pacer_r);
        }
        end_card();
    }

    void draw_history(AppContext& ctx) {
        Breaks& breaks = ctx.model.breaks;
        if (!ImGui::CollapsingHeader("History and open topics")) return;
        if (cached_rev_ != breaks.revision() || history_.size() < std::size_t(shown_)) {
            history_ = breaks.history(0, shown_);
            total_ = breaks.history_count();
            cached_rev_ = breaks.revision();
        }
        if (history_.empty()) {
            muted("No breaks yet.");
            return;
        }
        const Couple& couple = ctx.model.couple;
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("history", 6, flags)) {
            ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, em(8));
            ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, em(6));
            ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Planned / taken", ImGuiTableColumnFlags_WidthFixed, em(8));
            ImGui::TableSetupColumn("Came back", ImGuiTableColumnFlags_WidthFixed, em(6));
            ImGui::TableSetupColumn("Topic status", ImGuiTableColumnFlags_WidthFixed, em(11));
            ImGui::TableHeadersRow();
            for (const BreakView& b : history_) {
                ImGui::PushID(b.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_day_human(b.day).c_str());
                ImGui::TableNextColumn();
                partner_label(couple.partner(b.caller_slot));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s%s", b.follow_up_of ? "(more time) " : "", b.topic.empty() ? "\xE2\x80\x94" : b.topic.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s / %s", minutes_text(b.total_ms()).c_str(), b.actual_ms ? minutes_text(*b.actual_ms).c_str() : "\xE2\x80\x94");
                ImGui::TableNextColumn();
                if (b.back_on_time) ImGui::TextUnformatted(*b.back_on_time ? "on time" : "later");
                else ImGui::TextDisabled(b.active() ? "running" : b.state == BreakState::continued ? "more time" : "\xE2\x80\x94");
                ImGui::TableNextColumn();
                if (!b.follow_up_of) draw_topic_status(ctx, b);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        if (int(history_.size()) < total_ && ImGui::Button("Show more")) shown_ += kHistoryPage;
    }

    void draw_topic_status(AppContext& ctx, const BreakView& b) {
        Breaks& breaks = ctx.model.breaks;
        switch (b.topic_status) {
        case TopicStatus::none: ImGui::TextDisabled("no topic"); break;
        case TopicStatus::open:
            if (ImGui::SmallButton("Talked through")) report(b.id, breaks.mark_topic_talked_through(b.id));
            ImGui::SameLine();
            if (ImGui::SmallButton("Let go")) report(b.id, breaks.dismiss_topic(b.id));
            break;
        case TopicStatus::talked_through:
        case TopicStatus::dismissed:
            ImGui::TextUnformatted(b.topic_status == TopicStatus::talked_through ? "talked through" : "let go");
            ImGui::SameLine();
            if (ImGui::SmallButton("Reopen")) report(b.id, breaks.reopen_topic(b.id));
            break;
        }
    }

    // A refused command's reason shows under the break it was about.
    void report(const std::string& id, const SaveResult& r) {
        error_id_ = id;
        last_error_ = r;
    }
    std::string error_for(const std::string& id) const { return id == error_id_ ? last_error_.error : std::string(); }
    std::string field_error(const std::string& field) const { return form_error_.field == field ? form_error_.error : std::string(); }

    BreakRequest request_;
    GuardedText form_topic_;
    int minutes_ = 0;
    int by_clock_ = 0;
    std::string until_;
    bool tomorrow_ = false;
    bool show_form_ = false;
    SaveResult form_error_;
    SaveResult last_error_;
    std::string error_id_;

    std::string editing_topic_;
    GuardedText topic_text_;
    bool focus_topic_ = false;

    bool show_pacer_ = true;
    bool rhythm_loaded_ = false;
    BreathingRhythm rhythm_;

    std::vector<BreakView> history_;
    int total_ = 0;
    int shown_ = kHistoryPage;
    uint64_t cached_rev_ = 0;
};

} // namespace

std::unique_ptr<Panel> make_breaks_panel() { return std::make_unique<BreaksPanel>(); }

} // namespace hearth::ui
