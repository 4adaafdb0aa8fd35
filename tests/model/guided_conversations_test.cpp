// The guided conversations added as data only (assets/exercises/): each loads
// and says what its practice says (docs/practices.md, "More guided conversations").
#include "test_support.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace hearth;

namespace {
int turn_seconds(const ExerciseDefinition& d) {
    return std::accumulate(d.steps.begin(), d.steps.end(), 0,
                           [](int sum, const ExerciseStep& s) { return sum + s.duration_seconds; });
}
} // namespace

TEST_CASE("The new guided conversations load and keep to their practice", "[exercise]") {
    test::TestModel t;
    const auto& ex = t.model.exercises;
    CHECK(ex.problems().empty());

    const auto* stress = ex.find("stress-reducing-conversation");
    REQUIRE(stress);
    CHECK(stress->swap_roles);
    CHECK(turn_seconds(*stress) == 15 * 60);  // about fifteen minutes each
    CHECK_THAT(stress->steps[0].speaker_guidance, Catch::Contains("outside"));
    CHECK_THAT(stress->steps[0].listener_guidance, Catch::Contains("No advice yet"));
    CHECK(stress->step_index("understand") < stress->step_index("side"));  // understanding before support and advice

    const auto* imago = ex.find("mirror-validate-empathise");
    REQUIRE(imago);
    std::vector<std::string> order;
    for (const auto& s : imago->steps) order.push_back(s.id);
    CHECK(order == std::vector<std::string>{"send", "mirror", "more", "validate", "empathise"});
    REQUIRE(imago->steps[2].check);
    CHECK(imago->steps[2].check->loop_back_to == "send");  // "is there more?" goes round again

    const auto* weekly = ex.find("zwiegesprach");
    REQUIRE(weekly);
    CHECK(weekly->default_rounds == 3);
    CHECK(turn_seconds(*weekly) == 15 * 60);
    const auto* gentle = ex.find("zwiegesprach-beginners");
    REQUIRE(gentle);
    CHECK(gentle->default_rounds == 2);
    CHECK(turn_seconds(*gentle) == 10 * 60);

    // Each runs on the one engine.
    for (const char* id : {"stress-reducing-conversation", "mirror-validate-empathise", "zwiegesprach"}) {
        INFO(id);
        SessionSetup setup;
        setup.exercise_id = id;
        setup.topic = "Work";
        setup.first_speaker_slot = 0;
        auto started = t.model.sessions.start(setup);
        REQUIRE(started.ok());
        REQUIRE(t.model.sessions.end_early(started.id).ok());
    }
}
