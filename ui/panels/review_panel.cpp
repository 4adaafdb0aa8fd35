// The weekly review: about an hour together in five steps, with a progress
// bar, a time hint per step, back and next, saved as it goes and resumed if
// interrupted. Past reviews can be read again and exported as Markdown.
#include "app_context.h"
#include "fonts.h"
#include "guarded_text.h"
#include "export_box.h"
#include "panel.h"
#include "user_paths.h"
#include "theme.h"
#include "units.h"
#include "week_markdown.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <cstdio>
#include <memory>

namespace hearth::ui {
namespace {

constexpr int kHistoryRows = 12;

std::string hhmm(int minute) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

// What the review shows, read from the model only when something changed
// (any feature's revision), not every frame: a busy week holds hundreds of rows.
struct ReviewData {
    uint64_t revision = 0;
    std::vector<WeeklyReview> unfinished;
    std::optional<WeeklyReview> this_week;
    std::vector<WeeklyReview> history;
    // For the review under way:
    std::vector<GratitudeEntry> appreciations;
    WeekFigures quality_time;
    PlannerWeek week, next_week;
    std::vector<OpenTopic> topics;
};

uint64_t model_revision(Model& m) {
    return m.gratitude.revision() + m.planner.revision() + m.reviews.revision() + m.breaks.revision() +
           m.sessions.revision() + m.ideas.revision();
}

class ReviewPanel final : public Panel {
public:
    std::string_view id() const override { return "review"; }
    std::string_view title() const override { return "Weekly review"; }
    std::string_view summary() const override { return "About an hour together once a week, in five guided steps"; }

    void draw(AppContext& ctx) override {
        WeeklyReviews& reviews = ctx.model.reviews;
        refresh(ctx);
        if (viewing_.empty()) {
            const auto& open = data_.unfinished;
            if (!open.empty()) draw_flow(ctx, open.front());
            else draw_start(ctx);
        } else if (auto r = reviews.get(viewing_)) {
            draw_past(ctx, *r);
        } else {
            viewing_.clear();
        }
        ImGui::Spacing();
        draw_history(ctx);
    }

private:
    void refresh(AppContext& ctx) {
        Model& m = ctx.model;
        const uint64_t rev = model_revision(m);
        const Date today = local_date(ctx.clock.now());
        if (rev == data_.revision && today == data_day_) return;
        data_ = {};
        data_.revision = rev;
        data_day_ = today;
        data_.unfinished = m.reviews.unfinished();
        data_.this_week = m.reviews.for_week(iso_week(today));
        data_.history = m.reviews.history(0, kHistoryRows);
        if (data_.unfinished.empty()) return;
        const WeeklyReview& r = data_.unfinished.front();
        GratitudeFilter f;
        f.week = r.monday;
        data_.appreciations = m.gratitude.page(f, 0, 500);
        data_.quality_time = m.planner.week_figures(r.monday);
        data_.week = m.planner.week(r.monday);
        data_.next_week = m.planner.week(add_days(r.monday, 7));
        data_.topics = m.reviews.open_topics(8);
    }

    // ---- before -----------------------------------------------------------

    void draw_start(AppContext& ctx) {
        WeeklyReviews& reviews = ctx.model.reviews;
        IsoWeek week = iso_week(local_date(ctx.clock.now()));
        const auto& existing = data_.this_week;
        begin_card("This week's review");
        ImGui::TextWrapped("Sit down together for about an hour. Hearth walks you through five steps and keeps "
                           "what you say; you can stop and carry on later.");
        for (const auto& info : review_steps())
            ImGui::BulletText("%.*s  (%d\xE2\x80\x93%d min)", int(info.title.size()), info.title.data(), info.min_minutes,
                              info.max_minutes);
        if (existing && existing->finished()) {
            muted("You have already held this week's review.");
            if (ImGui::Button("Read it again")) viewing_ = existing->id;
        } else if (ImGui::Button("Start this week's review", em2(12, 0))) {
            report(reviews.start(week));
        }
        inline_error(error_.error);
        ImGui::Spacing();
        draw_export(ctx, week);
        end_card();
    }

    // ---- the flow ---------------------------------------------------------

    void draw_flow(AppContext& ctx, const WeeklyReview& r) {
        WeeklyReviews& reviews = ctx.model.reviews;
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

        switch (r.step) {
        case ReviewStep::appreciations: step_appreciations(ctx, r); break;
        case ReviewStep::went_well: step_went_well(ctx, r); break;
        case ReviewStep::issue: step_issue(ctx, r); break;
        case ReviewStep::checkin: step_checkin(ctx, r); break;
        case ReviewStep::plan: step_plan(ctx, r); break;
        }

        ImGui::Spacing();
        ImGui::BeginDisabled(step == 0);
        if (ImGui::Button("\xE2\x97\x80 Back")) report(reviews.back(r.id));
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (step + 1 < kReviewSteps) {
            if (ImGui::Button("Next \xE2\x96\xB6")) report(reviews.next(r.id));
        } else if (ImGui::Button("Finish the review")) {
            report(reviews.finish(r.id));
            if (error_.ok()) ctx.notify("Review saved. See you next week.");
        }
        inline_error(error_.error);
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Export this week so far")) draw_export(ctx, r.week);
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

    void step_appreciations(AppContext& ctx, const WeeklyReview& r) {
        const Couple& couple = ctx.model.couple;
        const auto& entries = data_.appreciations;
        std::array<int, 2> shared{};
        for (const auto& e : entries) shared[e.from_slot] += e.shared_in_review;
        begin_card(nullptr);
        muted("Read each one aloud to the other and tick it.");
        if (entries.empty()) muted("Nothing written down this week yet: add some now.");
        for (const auto& e : entries) {
            ImGui::PushID(e.id.c_str());
            bool on = e.shared_in_review;
            if (ImGui::Checkbox("read aloud", &on)) report(ctx.model.reviews.set_shared(r.id, e.id, on));
            ImGui::SameLine();
            partner_label(couple.partner(e.from_slot));
            ImGui::SameLine();
            ImGui::TextWrapped("%s", e.text.c_str());
            ImGui::PopID();
        }
        for (int s = 0; s < 2; ++s) {
            if (s) ImGui::SameLine(0, em(2));
            partner_label(couple.partner(s));
            ImGui::SameLine();
            ImGui::Text("read %d of about %d", shared[s], kReviewAppreciationTarget);
        }
        end_card();
        ImGui::Spacing();
        begin_card("Say a few more");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        partner_picker("addfrom", couple, add_from_);
        ImGui::SetNextItemWidth(card_content_width());
        bool enter = add_text_.single_line("##add", "Something specific from this week");
        if (ImGui::Button("Add") || enter) {
            auto res = ctx.model.reviews.add_appreciation(r.id, add_from_, add_text_.value());
            report(res);
            if (res.ok()) add_text_.clear();
        }
        end_card();
    }

    void step_went_well(AppContext& ctx, const WeeklyReview& r) {
        const Couple& couple = ctx.model.couple;
        const auto& figures = data_.quality_time;
        const auto& week = data_.week;
        begin_card("Time together this week");
        int shown = 0;
        for (const auto& o : week.all()) {
            if (o.state != PlanState::done) continue;
            ++shown;
            ImGui::Text("%s, %s", o.title.c_str(), format_day_human(o.day).c_str());
            for (int s = 0; s < 2; ++s) {
                if (!o.rating[s]) continue;
                ImGui::SameLine();
                ImGui::TextColored(to_imvec4(couple.partner(s).color), "%s %d\xE2\x98\x85", couple.partner(s).name.c_str(), *o.rating[s]);
            }
            if (!o.memory.empty()) {
                ImGui::Indent(em(1));
                ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", o.memory.c_str());
                ImGui::Unindent(em(1));
            }
        }
        if (shown == 0) muted("No quality time was marked done this week.");
        else muted("%.1f hours together.", figures.hours_done());
        end_card();
        ImGui::Spacing();
        ImGui::TextUnformatted("What else went well?");
        bool changed = false;
        went_well_.multiline("##wentwell", ImVec2(std::min(ImGui::GetContentRegionAvail().x, em(40)), em(5)), &changed);
        if (changed) report(ctx.model.reviews.set_went_well_note(r.id, went_well_.value()));
    }

    void step_issue(AppContext& ctx, const WeeklyReview& r) {
        WeeklyReviews& reviews = ctx.model.reviews;
        const Couple& couple = ctx.model.couple;
        begin_card("Pick one topic");
        const auto& topics = data_.topics;
        for (const auto& t : topics) {
            ImGui::PushID(t.id.c_str());
            bool chosen = r.issue.source == t.source &&
                          (r.issue.break_id == t.id || r.issue.from_session_id == t.id);
            if (ImGui::RadioButton("##pick", chosen) && !chosen)
                report(reviews.choose_issue(r.id, {t.source, t.id, {}}));
            ImGui::SameLine();
            partner_label(couple.partner(t.raised_by_slot));
            ImGui::SameLine();
            ImGui::TextWrapped("%s  (%s)", t.topic.c_str(), format_day_human(t.day).c_str());
            ImGui::PopID();
        }
        if (topics.empty()) muted("No open topics from breaks or listening sessions.");
        ImGui::SetNextItemWidth(std::min(card_content_width() - em(8), em(26)));
        bool enter = new_topic_.single_line("##newtopic", "Or something new, in a few words");
        ImGui::SameLine();
        if (ImGui::Button("Use this") || enter) {
            report(reviews.choose_issue(r.id, {IssueSource::new_topic, {}, new_topic_.value()}));
            if (error_.ok()) new_topic_.clear();
        }
        end_card();

        if (r.issue.source == IssueSource::none) return;
        ImGui::Spacing();
        begin_card("Then");
        ImGui::TextWrapped("Topic: %s", r.issue.topic.c_str());
        muted("Listen first; look for solutions only once you both feel understood.");
        switch (r.issue.outcome) {
        case IssueOutcome::listened: ImGui::TextUnformatted("\xE2\x9C\x93 You started the listening exercise on it."); break;
        case IssueOutcome::scheduled:
            if (r.issue.scheduled_day)
                ImGui::Text("\xE2\x9C\x93 Scheduled for %s at %s.", format_day_human(*r.issue.scheduled_day).c_str(),
                            hhmm(r.issue.scheduled_minute.value_or(0)).c_str());
            else ImGui::TextUnformatted("\xE2\x9C\x93 Scheduled in the planner.");
            break;
        case IssueOutcome::left: ImGui::TextUnformatted("Left for now."); break;
        case IssueOutcome::none: break;
        }
        if (ImGui::Button("Listen to each other now")) start_listening(ctx, r);
        ImGui::SameLine();
        if (!sched_day_.ok()) sched_day_ = add_days(local_date(ctx.clock.now()), 1);
        if (ImGui::Button("Schedule it")) {
            auto minute = parse_minute(sched_time_);
            if (minute) report(reviews.issue_scheduled(r.id, sched_day_, *minute));
            else error_ = SaveResult::refused("time", "Type the time as hours and minutes, like 19:30.");
        }
        ImGui::SameLine();
        day_picker("schedday", sched_day_, add_days(local_date(ctx.clock.now()), 60));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4));
        ImGui::InputText("##schedtime", &sched_time_);
        ImGui::SameLine();
        if (ImGui::Button("Leave it for now")) report(reviews.issue_left(r.id));
        end_card();
    }

    static std::optional<int> parse_minute(const std::string& s) {
        unsigned h = 0, m = 0;
        char extra = 0;
        if (std::sscanf(s.c_str(), "%u:%u%c", &h, &m, &extra) != 2 || h > 23 || m > 59) return std::nullopt;
        return int(h * 60 + m);
    }

    // Starts the reflect-and-clarify exercise on the chosen topic and records it.
    void start_listening(AppContext& ctx, const WeeklyReview& r) {
        SessionSetup s;
        s.exercise_id = "reflect-and-clarify";
        if (!ctx.model.exercises.find(s.exercise_id) && !ctx.model.exercises.all().empty())
            s.exercise_id = ctx.model.exercises.all().front().id;
        if (r.issue.break_id) s.from_break = r.issue.break_id;
        s.topic = r.issue.topic;
        auto res = ctx.model.sessions.start(s);
        report(res);
        if (!res.ok()) return;
        report(ctx.model.reviews.issue_listened(r.id, res.id));
        ctx.go_to(PanelId::listening);
    }

    void step_checkin(AppContext& ctx, const WeeklyReview& r) {
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
                char label[8];
                std::snprintf(label, sizeof label, "%d", n);
                bool on = v == n;
                ImGui::PushStyleColor(ImGuiCol_Button, on ? to_imvec4(couple.partner(s).color)
                                                          : ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
                ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
                if (ImGui::Button(label, ImVec2(ImGui::GetFrameHeight() * 1.1f, 0)))
                    report(ctx.model.reviews.set_connection(r.id, s, on ? std::nullopt : std::optional<int>(n)));
                ImGui::PopStyleColor(2);
            }
            if (!v) muted("Not rated yet: 1 is distant, 10 very close.");
            ImGui::TextWrapped("What can %s do to make you feel loved this coming week?", couple.other(s).name.c_str());
            bool changed = false;
            loved_[s].multiline("##loved", ImVec2(card_content_width(), em(4)), &changed);
            if (changed) report(ctx.model.reviews.set_loved_answer(r.id, s, loved_[s].value()));
            end_card();
            ImGui::PopID();
            ImGui::EndGroup();
        }
    }

    void step_plan(AppContext& ctx, const WeeklyReview& r) {
        Date next_monday = add_days(r.monday, 7);
        const auto& week = data_.next_week;
        begin_card("Next week");
        int n = 0;
        for (const auto& o : week.all()) {
            if (o.state == PlanState::skipped) continue;
            ++n;
            ImGui::BulletText("%s  %s %s", format_day_human(o.day).c_str(), hhmm(o.start_minute).c_str(), o.title.c_str());
        }
        if (n == 0) muted("Nothing planned for next week yet.");
        end_card();
        ImGui::Spacing();
        begin_card("An idea");
        auto pick = [&] {
            auto idea = ctx.model.planner.suggest_idea(suggest_seed_++);
            suggestion_ = idea ? std::optional<std::string>(idea->id) : std::nullopt;
        };
        if (!suggestion_) pick();
        if (suggestion_) {
            if (auto idea = ctx.model.ideas.get(*suggestion_)) {
                ImGui::TextWrapped("%s: %s", idea->title.c_str(), idea->description.c_str());
                if (!plan_day_.ok()) plan_day_ = add_days(next_monday, 4);  // a Friday evening
                day_picker("planday", plan_day_, add_days(next_monday, 13));
                ImGui::SameLine();
                if (ImGui::Button("Plan it at 19:00")) {
                    auto res = ctx.model.planner.plan_from_idea(idea->id, plan_day_, 19 * 60);
                    report(res);
                    if (res.ok()) {
                        report(ctx.model.reviews.add_plan(r.id, res.id));
                        suggestion_.reset();
                    }
                }
            }
        }
        if (ImGui::Button("Suggest another")) pick();
        ImGui::SameLine();
        if (ImGui::Button("Open the planner")) ctx.go_to(PanelId::planner);
        end_card();
    }

    // ---- after ------------------------------------------------------------

    void draw_past(AppContext& ctx, const WeeklyReview& r) {
        begin_card(("Review of " + format_iso_week(r.week)).c_str());
        if (cached_md_for_ != r.id + r.updated_at) {
            markdown_ = week_markdown(ctx.model, r.week);
            cached_md_for_ = r.id + r.updated_at;
        }
        ImGui::BeginChild("md", ImVec2(0, em(18)), true);
        ImGui::TextWrapped("%s", markdown_.c_str());
        ImGui::EndChild();
        draw_export(ctx, r.week);
        if (ImGui::Button("Back")) viewing_.clear();
        ImGui::SameLine();
        if (ImGui::Button("Change it")) {
            report(ctx.model.reviews.reopen(r.id));
            viewing_.clear();
        }
        end_card();
    }

    void draw_history(AppContext& ctx) {
        if (!ImGui::CollapsingHeader("Past reviews")) return;
        const auto& past = data_.history;
        if (past.empty()) muted("None yet.");
        const Couple& couple = ctx.model.couple;
        for (const auto& r : past) {
            ImGui::PushID(r.id.c_str());
            if (ImGui::SmallButton(format_iso_week(r.week).c_str())) viewing_ = r.id;
            ImGui::SameLine();
            for (int s = 0; s < 2; ++s) {
                if (!r.checkin[s].connection) continue;
                ImGui::TextColored(to_imvec4(couple.partner(s).color), "%s %d/10", couple.partner(s).name.c_str(),
                                   *r.checkin[s].connection);
                ImGui::SameLine();
            }
            ImGui::TextDisabled("%s", r.issue.topic.c_str());
            ImGui::PopID();
        }
    }

    // "Export this week" as Markdown, for any week: held, under way or not yet reviewed.
    void draw_export(AppContext& ctx, IsoWeek week) {
        export_.offer(in_home("hearth-" + format_iso_week(week) + ".md"));
        export_.draw("Export this week", [&](const std::string& path) {
            export_week_markdown(ctx.model, week, path);
            ctx.notify("Wrote " + path);
        });
    }

    void report(const SaveResult& r) { error_ = r; }

    ReviewData data_;
    Date data_day_{};
    SaveResult error_;
    std::string viewing_;
    std::string loaded_for_;
    GuardedText went_well_;
    GuardedText loved_[2];
    GuardedText new_topic_;
    GuardedText add_text_;
    int add_from_ = 0;
    Date sched_day_{};
    std::string sched_time_ = "19:30";
    std::optional<std::string> suggestion_;
    unsigned suggest_seed_ = 1;
    Date plan_day_{};
    std::string markdown_;
    std::string cached_md_for_;
    ExportBox export_;
};

} // namespace

std::unique_ptr<Panel> make_review_panel() { return std::make_unique<ReviewPanel>(); }

} // namespace hearth::ui
