// Time together: the week's plans in seven day columns (drag one to another
// day to move it), an agenda of what is coming, the form for a plan or a
// ritual, one occurrence's state, ratings and memory, the idea bank, and the
// export to a calendar file. The state is a PlannerScreen; each view is a file
// in this folder (planner_views.h).
#include "kit/week_switcher.h"
#include "panel.h"
#include "panels/planner/planner_views.h"
#include "units.h"
#include "widgets.h"

#include <imgui.h>

#include <cstdio>
#include <memory>

namespace hearth::ui {

namespace {

using planner_views::PlannerView;

class PlannerPanel final : public Panel {
public:
    std::string_view id() const override { return "planner"; }
    std::string_view title() const override { return "Time together"; }
    std::string_view summary() const override { return "Plan dates, rituals and time together, and look back on them"; }

    void draw(AppContext& ctx) override {
        if (!view_) view_ = std::make_unique<PlannerView>(ctx);
        PlannerScreen& s = view_->screen;
        s.sync();
        if (s.take(ctx.nav)) s.sync();

        draw_toolbar(s);
        if (s.show_export) planner_views::draw_export(*view_, ctx);
        if (s.form.open) planner_views::draw_plan_form(*view_, ctx);
        else if (!s.selected().empty()) planner_views::draw_occurrence_card(*view_, ctx);

        if (ImGui::BeginTabBar("planner-views")) {
            auto request = s.take_tab_request();
            auto flag = [&](PlannerTab t) { return request == t ? ImGuiTabItemFlags_SetSelected : 0; };
            if (ImGui::BeginTabItem("Week", nullptr, flag(PlannerTab::week))) {
                planner_views::draw_week_grid(*view_, ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Agenda", nullptr, flag(PlannerTab::agenda))) {
                planner_views::draw_agenda(*view_, ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Idea bank", nullptr, flag(PlannerTab::ideas))) {
                planner_views::draw_idea_bank(*view_, ctx);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        if (std::string notice = s.take_notice(); !notice.empty()) ctx.notify(std::move(notice));
    }

private:
    static void draw_toolbar(PlannerScreen& s) {
        Date monday = s.monday();
        if (kit::week_switcher(monday, s.today())) s.show_week(monday);
        same_line_or_wrap(em(7), em(1.5f));
        if (ImGui::Button("+ New plan")) s.open_new_form(s.chosen_day());
        same_line_or_wrap(em(13));
        if (ImGui::Button("Export to calendar (.ics)")) s.show_export = !s.show_export;

        const WeekFigures& f = s.figures();
        char figures[160];
        if (f.planned == 0) std::snprintf(figures, sizeof figures, "Nothing planned this week yet: click a day to plan something on it.");
        else
            std::snprintf(figures, sizeof figures, "%d planned (%.1f h) \xC2\xB7 %d done, %.1f h together%s", f.planned,
                          f.hours_planned(), f.done, f.hours_done(),
                          s.chosen_day() ? "" : "  \xC2\xB7  click a day's name to choose it for new plans");
        muted("%s", figures);
    }

    std::unique_ptr<PlannerView> view_;
};

} // namespace

std::unique_ptr<Panel> make_planner_panel() { return std::make_unique<PlannerPanel>(); }

} // namespace hearth::ui
