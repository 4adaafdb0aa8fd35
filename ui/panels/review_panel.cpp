// The weekly review: about an hour together in five steps, with a progress
// bar, a time hint per step, back and next, saved as it goes and resumed if
// interrupted. Past reviews can be read again and exported as Markdown.
// State and commands: screens/review_screen.h; this file draws them.
#include "app_context.h"
#include "kit/emoji_picker.h"
#include "fonts.h"
#include "guarded_text.h"
#include "export_box.h"
#include "panel.h"
#include "review_screen.h"
#include "time_text.h"
#include "user_paths.h"
#include "theme.h"
#include "units.h"
#include "week_markdown.h"
#include "widgets.h"
#include "text/glyphs.h"

#include <imgui_stdlib.h>

#include <memory>

namespace hearth::ui {
namespace {

class ReviewPanel final : public Panel {
public:
    std::string_view id() const override { return "review"; }
    std::string_view title() const override { return "Weekly review"; }
    std::string_view summary() const override { return "About an hour together once a week, in five guided steps"; }

    void draw(AppContext& ctx) override {
        model_ = &ctx.model;
        if (!screen_) screen_.emplace(ctx.model, ctx.clock);
        if (auto h = ctx.nav.take_handoff<ShowReview>(PanelId::review)) screen_->view(h->review_id);
        ReviewScreen& screen = *screen_;
        screen.sync();
        if (const WeeklyReview* past = screen.viewing()) draw_past(ctx, *past);
        else if (const WeeklyReview* r = screen.under_way()) return draw_flow(ctx, *r);  // the history inside
        else draw_start(ctx);
        ImGui::Spacing();
        draw_history(ctx);
    }

private:
    // ---- before -----------------------------------------------------------

    void draw_start(AppContext& ctx) {
        ReviewScreen& screen = *screen_;
        begin_card("This week's review");
        ImGui::TextWrapped("Sit down together for about an hour. Hearth walks you through five steps and keeps "
                           "what you say; you can stop and carry on later.");
        for (const auto& info : review_steps())
            ImGui::BulletText("%.*s  (%d\xE2\x80\x93%d min)", int(info.title.size()), info.title.data(), info.min_minutes,
                              info.max_minutes);
        if (screen.this_week_held()) {
            muted("You have already held this week's review.");
            if (ImGui::Button("Read it again")) screen.view(screen.this_weeks_review()->id);
        } else if (ImGui::Button("Start this week's review", em2(12, 0))) {
            screen.start();
        }
        inline_error(screen.error().error);
        ImGui::Spacing();
        draw_export(ctx, screen.this_week());
        end_card();
    }

    // ---- the flow ---------------------------------------------------------

    void draw_flow(AppContext& ctx, const WeeklyReview& r) {
        ReviewScreen& screen = *screen_;
        if (loaded_for_ != r.id) load_texts(ctx.model.device, r);
        const int step = int(r.step);
        const ReviewStepInfo& info = review_step_info(r.step);

        ImGui::TextDisabled("Review of %s%s", format_iso_week(r.week).c_str(), r.late ? " (held late)" : "");
        ImGui::ProgressBar(float(step + 1) / kReviewSteps, ImVec2(std::min(ImGui::GetContentRegionAvail().x, em(36)), 0),
                           ("Step " + std::to_string(step + 1) + " of " + std::to_string(kReviewSteps)).c_str());
        ImGui::PushFont(fonts().heading);
        ImGui::Text("%.*s", int(info.title.size()), info.title.data());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("about %d\xE2\x80\x93%d minutes", info.min_minutes, info.max_minutes);
        muted("%.*s", int(info.prompt.size()), info.prompt.data());
        ImGui::Spacing();

        // The step scrolls in a region of its own with Back and Next under it,
        // always at one place: a rating given or a line gone inside the step
        // never moves them, so a second click lands where the first did. A
        // window too short for a useful region (large text, small window)
        // scrolls as a whole instead, the buttons after the step.
        const float footer_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
        const float step_h = ImGui::GetContentRegionAvail().y - footer_h;
        const bool pinned = step_h >= em(10);
        if (pinned) ImGui::BeginChild("step", ImVec2(0, step_h), false, ImGuiWindowFlags_NavFlattened);
        switch (r.step) {
        case ReviewStep::appreciations: step_appreciations(ctx); break;
        case ReviewStep::went_well: step_went_well(ctx); break;
        case ReviewStep::issue: step_issue(ctx, r); break;
        case ReviewStep::checkin: step_checkin(ctx, r); break;
        case ReviewStep::plan: step_plan(ctx); break;
        }
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Export this week so far")) draw_export(ctx, r.week);
        draw_history(ctx);
        if (pinned) ImGui::EndChild();

        ImGui::Spacing();
        ImGui::BeginDisabled(step == 0);
        if (ImGui::Button("\xE2\x97\x80 Back")) screen.back();
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (step + 1 < kReviewSteps) {
            if (ImGui::Button("Next \xE2\x96\xB6")) screen.next();
        } else if (ImGui::Button("Finish the review")) {
            if (screen.finish().ok()) ctx.notify("Review saved. See you next week.");
        }
        // On the buttons' row, after them: a refusal never pushes them.
        if (const std::string& error = screen.error().error; !error.empty()) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            inline_error(error);
        }
    }

    // Notes and answers are saved to the review as they are typed; the boxes
    // for something new keep drafts until it is added.
    void load_texts(DeviceStore& device, const WeeklyReview& r) {
        loaded_for_ = r.id;
        went_well_.load(r.went_well_note);
        for (int s = 0; s < 2; ++s) loved_[s].load(r.checkin[s].loved_answer);
        new_topic_.load({});
        new_topic_.keep_draft(device, "review.topic");
        add_text_.load({});
        add_text_.keep_draft(device, "review.appreciation");
    }

    void step_appreciations(AppContext& ctx) {
        ReviewScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        const auto& entries = screen.appreciations();
        const std::array<int, 2> shared = screen.read_aloud();
        begin_card(nullptr);
        muted("Read each one aloud to the other and tick it.");
        if (entries.empty()) muted("Nothing written down this week yet: add some now.");
        for (const auto& e : entries) {
            ImGui::PushID(e.id.c_str());
            bool on = e.shared_in_review;
            if (ImGui::Checkbox("read aloud", &on)) screen.set_shared(e.id, on);
            ImGui::SameLine();
            partner_label(couple.partner(e.from_slot));
            ImGui::SameLine();
            ImGui::TextWrapped("%s", shown(e.text));
            ImGui::PopID();
        }
        // What is counted, in words: each one's own appreciations ticked as read aloud.
        for (int s = 0; s < 2; ++s) {
            partner_label(couple.partner(s));
            ImGui::SameLine();
            ImGui::Text("has read %d of their appreciations aloud (about %d each is the aim)", shared[s],
                        kReviewAppreciationTarget);
        }
        end_card();
        ImGui::Spacing();
        begin_card("Say a few more");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("addfrom", couple, screen.add_from);
        ImGui::SetNextItemWidth(card_content_width() - kit::EmojiPicker::room());
        bool enter = add_text_.single_line("##add", "Something specific from this week");
        ImGui::SameLine();
        add_emoji_.button("add-emoji", add_text_, model_->device, model_->assets_dir);
        if (ImGui::Button("Add") || enter) {
            if (screen.add_appreciation(add_text_.value()).ok()) add_text_.clear();
        }
        end_card();
    }

    void step_went_well(AppContext& ctx) {
        ReviewScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        begin_card("Time together this week");
        int done = 0;
        for (const auto& o : screen.week().all()) {
            if (o.state != PlanState::done) continue;
            ++done;
            ImGui::Text("%s, %s", shown(o.title), format_day_human(o.day).c_str());
            for (int s = 0; s < 2; ++s) {
                if (!o.rating[s]) continue;
                ImGui::SameLine();
                ImGui::TextColored(to_imvec4(couple.partner(s).color), "%s %d\xE2\x98\x85", shown(couple.partner(s).name), *o.rating[s]);
            }
            if (!o.memory.empty()) {
                ImGui::Indent(em(1));
                ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", shown(o.memory));
                ImGui::Unindent(em(1));
            }
        }
        if (done == 0) muted("No quality time was marked done this week.");
        else muted("%.1f hours together.", screen.quality_time().hours_done());
        end_card();
        ImGui::Spacing();
        ImGui::TextUnformatted("What else went well?");
        bool changed = false;
        if (went_well_.multiline("##wentwell", ImVec2(std::min(ImGui::GetContentRegionAvail().x, em(40)), em(5)), &changed)) {
            changed = true;
            went_well_.refocus();
        }
        enter_hint(true);
        ImGui::SameLine();
        if (went_well_emoji_.button("wentwell-emoji", went_well_, model_->device, model_->assets_dir)) changed = true;
        if (changed) screen.set_went_well(went_well_.value());
    }

    void step_issue(AppContext& ctx, const WeeklyReview& r) {
        ReviewScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        begin_card("Pick one topic");
        const auto& topics = screen.topics();
        for (const auto& t : topics) {
            ImGui::PushID(t.id.c_str());
            bool chosen = screen.is_chosen(t);
            if (ImGui::RadioButton("##pick", chosen) && !chosen) screen.choose_topic(t);
            ImGui::SameLine();
            partner_label(couple.partner(t.raised_by_slot));
            ImGui::SameLine();
            ImGui::TextWrapped("%s  (%s)", shown(t.topic), format_day_human(t.day).c_str());
            ImGui::PopID();
        }
        if (topics.empty()) muted("No open topics from breaks or listening sessions.");
        ImGui::SetNextItemWidth(std::min(card_content_width() - em(8) - kit::EmojiPicker::room(), em(26)));
        bool enter = new_topic_.single_line("##newtopic", "Or something new, in a few words");
        ImGui::SameLine();
        new_topic_emoji_.button("newtopic-emoji", new_topic_, model_->device, model_->assets_dir);
        ImGui::SameLine();
        if (ImGui::Button("Use this") || enter) {
            if (screen.choose_new_topic(new_topic_.value()).ok()) new_topic_.clear();
        }
        end_card();

        if (r.issue.source == IssueSource::none) return;
        ImGui::Spacing();
        begin_card("Then");
        ImGui::TextWrapped("Topic: %s", shown(r.issue.topic));
        muted("Listen first; look for solutions only once you both feel understood.");
        switch (r.issue.outcome) {
        case IssueOutcome::listened: ImGui::TextUnformatted("\xE2\x9C\x93 You started the listening exercise on it."); break;
        case IssueOutcome::scheduled:
            if (r.issue.scheduled_day)
                ImGui::Text("\xE2\x9C\x93 Scheduled for %s at %s.", format_day_human(*r.issue.scheduled_day).c_str(),
                            format_hh_mm(r.issue.scheduled_minute.value_or(0)).c_str());
            else if (!screen.scheduled_talk().empty())
                ImGui::TextWrapped("\xE2\x9C\x93 Planned in Time together for %s.", shown(screen.scheduled_talk()));
            else ImGui::TextUnformatted("\xE2\x9C\x93 Scheduled in the planner.");
            if (!screen.schedule_clash().empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, error_text());
                ImGui::TextWrapped("%s", shown(screen.schedule_clash()));
                ImGui::PopStyleColor();
            }
            break;
        case IssueOutcome::left: ImGui::TextUnformatted("Left for now."); break;
        case IssueOutcome::none: break;
        }
        if (ImGui::Button("Listen to each other now") && screen.listen_now().ok()) ctx.go_to(PanelId::listening);
        ImGui::SameLine();
        if (ImGui::Button("Schedule it")) screen.schedule_issue();
        ImGui::SameLine();
        day_picker("schedday", screen.schedule_day, screen.schedule_last_day());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4));
        ImGui::InputText("##schedtime", &screen.schedule_time);
        ImGui::SameLine();
        if (ImGui::Button("Leave it for now")) screen.leave_issue();
        end_card();
    }

    void step_checkin(AppContext& ctx, const WeeklyReview& r) {
        ReviewScreen& screen = *screen_;
        const Couple& couple = ctx.model.couple;
        float w = ImGui::GetContentRegionAvail().x;
        bool two = w > em(40);
        float col = two ? (w - em(1)) / 2 : w;
        for (int s = 0; s < 2; ++s) {
            if (s == 1 && two) ImGui::SameLine(0, em(1));
            ImGui::BeginGroup();
            ImGui::PushID(s);
            begin_card(nullptr, col);
            partner_label(couple.partner(s));
            ImGui::TextUnformatted("How connected did you feel this week?");
            int v = r.checkin[s].connection.value_or(0);
            for (int n = kMinConnection; n <= kMaxConnection; ++n) {
                if (n > kMinConnection) ImGui::SameLine(0, em(0.2f));
                const std::string label = std::to_string(n);
                bool on = v == n;
                ImGui::PushStyleColor(ImGuiCol_Button, on ? to_imvec4(couple.partner(s).color)
                                                          : ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
                ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
                if (ImGui::Button(shown(label), ImVec2(ImGui::GetFrameHeight() * 1.1f, 0))) screen.toggle_connection(s, n);
                ImGui::PopStyleColor(2);
            }
            // A line either way: rating never shifts what is below.
            if (!v) muted("Not rated yet: 1 is distant, 10 very close.");
            else muted("Rated %d: 1 is distant, 10 very close.", v);
            ImGui::TextWrapped("What can %s do to make you feel loved this coming week?", shown(couple.other(s).name));
            bool changed = false;
            if (loved_[s].multiline("##loved", ImVec2(card_content_width(), em(4)), &changed)) {
                changed = true;
                loved_[s].refocus();
            }
            enter_hint(true);
            same_line_or_wrap(kit::EmojiPicker::room());
            if (loved_emoji_[s].button("loved-emoji", loved_[s], model_->device, model_->assets_dir)) changed = true;
            if (changed) screen.set_loved_answer(s, loved_[s].value());
            end_card();
            ImGui::PopID();
            ImGui::EndGroup();
        }
        ImGui::Spacing();
        draw_deeper_card(ctx, screen);
    }

    // A deep card no review has drawn before; talk about it here or on Talk.
    void draw_deeper_card(AppContext& ctx, ReviewScreen& screen) {
        begin_card("A deeper card, if there is time");
        if (const auto& c = screen.deeper_card()) {
            ImGui::TextWrapped("%s", shown(c->question));
            if (!c->follow_up.empty()) muted("%s", shown(c->follow_up));
            if (c->outcome == TalkOutcome::talked) ImGui::TextColored(success_text(), "You talked about this one.");
            else if (ImGui::Button("We talked about it")) screen.talked_about_deeper_card();
            ImGui::SameLine();
            if (ImGui::Button("Another card")) screen.draw_deeper_card();
            ImGui::SameLine();
            if (ImGui::Button("Open in Talk")) ctx.go_to(PanelId::talk, TalkAbout{c->id});
        } else if (ImGui::Button("Draw a deeper card")) {
            screen.draw_deeper_card();
        }
        end_card();
    }

    void step_plan(AppContext& ctx) {
        ReviewScreen& screen = *screen_;
        begin_card("Next week");
        int n = 0;
        for (const auto& o : screen.next_week().all()) {
            if (o.state == PlanState::skipped) continue;
            ++n;
            ImGui::BulletText("%s  %s %s", format_day_human(o.day).c_str(), format_hh_mm(o.start_minute).c_str(), shown(o.title));
        }
        if (n == 0) muted("Nothing planned for next week yet.");
        end_card();
        ImGui::Spacing();
        begin_card("An idea");
        if (const Idea* idea = screen.suggestion()) {
            // A title may end in "?" or "!": the description goes on its own line.
            ImGui::TextWrapped("%s", shown(idea->title));
            if (!idea->description.empty()) muted("%s", shown(idea->description));
            day_picker("planday", screen.plan_day, screen.plan_last_day());
            ImGui::SameLine();
            const std::string plan_label = "Plan it at " + format_hh_mm(kReviewIdeaMinute);
            if (ImGui::Button(shown(plan_label))) screen.plan_suggestion();
        }
        if (ImGui::Button("Suggest another")) screen.suggest_another();
        ImGui::SameLine();
        if (ImGui::Button("Open the planner")) ctx.go_to(PanelId::planner);
        end_card();
    }

    // ---- after ------------------------------------------------------------

    void draw_past(AppContext& ctx, const WeeklyReview& r) {
        ReviewScreen& screen = *screen_;
        begin_card(("Review of " + format_iso_week(r.week)).c_str());
        ImGui::BeginChild("md", ImVec2(0, em(18)), true);
        ImGui::TextWrapped("%s", shown(screen.viewing_markdown()));
        ImGui::EndChild();
        draw_export(ctx, r.week);
        if (ImGui::Button("Back")) screen.stop_viewing();
        ImGui::SameLine();
        if (ImGui::Button("Change it")) screen.reopen_viewed();
        end_card();
    }

    void draw_history(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("Past reviews")) return;
        ReviewScreen& screen = *screen_;
        const auto& past = screen.history();
        if (past.empty()) muted("None yet.");
        const Couple& couple = ctx.model.couple;
        for (const auto& r : past) {
            ImGui::PushID(r.id.c_str());
            if (ImGui::SmallButton(format_iso_week(r.week).c_str())) screen.view(r.id);
            ImGui::SameLine();
            for (int s = 0; s < 2; ++s) {
                if (!r.checkin[s].connection) continue;
                ImGui::TextColored(to_imvec4(couple.partner(s).color), "%s %d/10", shown(couple.partner(s).name),
                                   *r.checkin[s].connection);
                ImGui::SameLine();
            }
            ImGui::TextDisabled("%s", shown(r.issue.topic));
            ImGui::PopID();
        }
    }

    // "Export this week" as Markdown, for any week: held, under way or not yet reviewed.
    void draw_export(AppContext& ctx, IsoWeek week) {
        export_.offer(in_home("hearth-" + format_iso_week(week) + ".md"));
        export_.draw("Export this week", [&](const std::string& path) { export_week_markdown(ctx.model, week, path); });
    }

    std::optional<ReviewScreen> screen_;
    // Edit buffers for what the couple types; the screen decides what is saved.
    std::string loaded_for_;
    GuardedText went_well_;
    GuardedText loved_[2];
    GuardedText new_topic_;
    GuardedText add_text_;
    kit::EmojiPicker went_well_emoji_, loved_emoji_[2], new_topic_emoji_, add_emoji_;
    Model* model_ = nullptr;
    ExportBox export_;
};

} // namespace

std::unique_ptr<Panel> make_review_panel() { return std::make_unique<ReviewPanel>(); }

} // namespace hearth::ui
