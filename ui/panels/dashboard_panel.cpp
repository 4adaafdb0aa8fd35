// "This week": the couple's week at a glance. Issue-by-issue, each feature
// adds its card here.
#include "app_context.h"
#include "panel.h"
#include "theme.h"
#include "units.h"
#include "widgets.h"

#include <algorithm>
#include <memory>

namespace hearth::ui {
namespace {

// About five specific appreciations each per week is what the weekly review
// opens with; the meters fill toward that, and simply stay full beyond it.
constexpr int kWeeklyAppreciationsHint = 5;

class DashboardPanel final : public Panel {
public:
    std::string_view id() const override { return "dashboard"; }
    std::string_view title() const override { return "This week"; }
    std::string_view summary() const override { return "The week at a glance, and the weeks before"; }

    void draw(AppContext& ctx) override {
        Date today = local_date(ctx.clock.now());
        if (!shown_week_.ok()) shown_week_ = week_start(today);
        draw_week_switcher(today);
        refresh(ctx);
        const bool this_week = week_start(today) == shown_week_;
        begin_card("Appreciations");
        draw_appreciations(ctx, this_week);
        end_card();
        ImGui::Spacing();
        begin_card("Breaks and open topics");
        draw_breaks(ctx, this_week);
        end_card();
    }

private:
    void draw_week_switcher(Date today) {
        Date this_week = week_start(today);
        if (ImGui::ArrowButton("##prevweek", ImGuiDir_Left)) shown_week_ = add_days(shown_week_, -7);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        std::string label = "Week of " + format_day_human(shown_week_) + "  (" + format_iso_week(iso_week(shown_week_)) + ")";
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(!(shown_week_ < this_week));
        if (ImGui::ArrowButton("##nextweek", ImGuiDir_Right)) shown_week_ = add_days(shown_week_, 7);
        ImGui::EndDisabled();
        if (shown_week_ != this_week) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Back to this week")) shown_week_ = this_week;
        }
    }

    void refresh(AppContext& ctx) {
        // Queries run when data or the shown week change, not every frame.
        auto rev = ctx.model.gratitude.revision() + ctx.model.breaks.revision();
        if (rev == seen_revision_ && shown_week_ == cached_week_) return;
        week_ = ctx.model.gratitude.week(shown_week_, 4);
        breaks_week_ = ctx.model.breaks.week(shown_week_);
        open_topics_ = ctx.model.breaks.open_topics();
        seen_revision_ = rev;
        cached_week_ = shown_week_;
    }

    void draw_appreciations(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        float bar = std::min(em(18), ImGui::GetContentRegionAvail().x * 0.6f);
        for (int s = 0; s < 2; ++s) {
            const Partner& p = couple.partner(s);
            char label[64];
            std::snprintf(label, sizeof label, "%d given", week_.given[s]);
            ImGui::BeginGroup();
            partner_label(p);
            ImGui::SameLine(em(8));
            meter(float(week_.given[s]) / kWeeklyAppreciationsHint, partner_fill(p.color, 0.55f), label, bar);
            ImGui::EndGroup();
        }
        ImGui::Spacing();
        if (week_.given[0] + week_.given[1] == 0) {
            muted(is_this_week ? "A fresh week. What has your partner done lately that you were glad of?"
                               : "No appreciations were written down that week.");
        } else if (week_.invite_slot && is_this_week) {
            const Partner& p = couple.partner(*week_.invite_slot);
            const Partner& o = couple.other(*week_.invite_slot);
            ImGui::PushStyleColor(ImGuiCol_Text, partner_text_color(p.color));
            ImGui::TextWrapped("%s, is there something %s did this week that you would like to thank them for?",
                               p.name.c_str(), o.name.c_str());
            ImGui::PopStyleColor();
        }
        if (!week_.newest.empty()) {
            ImGui::Spacing();
            ImGui::TextDisabled("Newest");
            for (const auto& e : week_.newest) {
                ImGui::PushID(e.id.c_str());
                partner_label(couple.partner(e.from_slot));
                ImGui::SameLine(0, em(0.3f));
                ImGui::TextDisabled("to %s, %s", couple.partner(e.to_slot).name.c_str(), format_day_human(e.day).c_str());
                ImGui::Indent(em(1.2f));
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(e.text.c_str());
                ImGui::PopTextWrapPos();
                ImGui::Unindent(em(1.2f));
                ImGui::PopID();
            }
        }
        ImGui::Spacing();
        if (ImGui::Button("Write an appreciation")) ctx.go_to("gratitude");
    }

    void draw_breaks(AppContext& ctx, bool is_this_week) {
        const Couple& couple = ctx.model.couple;
        const int taken = breaks_week_.taken[0] + breaks_week_.taken[1];
        if (taken == 0) {
            muted(is_this_week ? "No breaks needed this week." : "No breaks that week.");
        } else {
            ImGui::Text("%d break%s %s:", taken, taken == 1 ? "" : "s", is_this_week ? "this week" : "that week");
            for (int s = 0; s < 2; ++s) {
                if (breaks_week_.taken[s] == 0) continue;
                ImGui::SameLine();
                partner_label(couple.partner(s));
                ImGui::SameLine(0, em(0.2f));
                ImGui::Text("%d", breaks_week_.taken[s]);
            }
            if (breaks_week_.back_on_time + breaks_week_.back_late > 0)
                muted("Came back on time %d of %d times.", breaks_week_.back_on_time,
                      breaks_week_.back_on_time + breaks_week_.back_late);
        }
        if (open_topics_.empty()) {
            muted("No topics waiting to be talked through.");
            return;
        }
        ImGui::Spacing();
        ImGui::TextDisabled("Still open");
        for (const BreakView& b : open_topics_) {
            ImGui::PushID(b.id.c_str());
            partner_label(couple.partner(b.caller_slot));
            ImGui::SameLine(0, em(0.4f));
            ImGui::TextUnformatted(b.topic.c_str());
            ImGui::SameLine(0, em(0.6f));
            ImGui::TextDisabled("%s", format_day_human(b.day).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Talked through")) ctx.model.breaks.mark_topic_talked_through(b.id);
            ImGui::SameLine();
            if (ImGui::SmallButton("Let go")) ctx.model.breaks.dismiss_topic(b.id);
            ImGui::PopID();
        }
    }

    Date shown_week_{};
    Date cached_week_{};
    uint64_t seen_revision_ = 0;
    GratitudeWeek week_;
    BreaksWeek breaks_week_;
    std::vector<BreakView> open_topics_;
};

} // namespace

std::unique_ptr<Panel> make_dashboard_panel() { return std::make_unique<DashboardPanel>(); }

} // namespace hearth::ui
