#include "navigation.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("Every panel id round-trips through its key, in navigation order", "[screens]") {
    CHECK(panel_key(kPanelIds.front()) == "dashboard");
    for (PanelId id : kPanelIds) CHECK(panel_from_key(panel_key(id)) == id);
    CHECK_FALSE(panel_from_key("nowhere"));
}

TEST_CASE("A hand-off reaches only the panel and type it was meant for, once", "[screens]") {
    Navigator nav;
    nav.go_to(PanelId::listening, ListenAboutBreak{"b1"});
    CHECK(nav.take_request() == PanelId::listening);
    CHECK_FALSE(nav.take_request());
    CHECK_FALSE(nav.take_handoff<ListenAboutBreak>(PanelId::planner));
    CHECK_FALSE(nav.take_handoff<PlanNew>(PanelId::listening));
    auto h = nav.take_handoff<ListenAboutBreak>(PanelId::listening);
    REQUIRE(h);
    CHECK(h->break_id == "b1");
    CHECK_FALSE(nav.take_handoff<ListenAboutBreak>(PanelId::listening));
    // Plain navigation hands nothing over.
    nav.go_to(PanelId::planner);
    CHECK(nav.take_request() == PanelId::planner);
    CHECK_FALSE(nav.take_handoff<PlanNew>(PanelId::planner));
}
