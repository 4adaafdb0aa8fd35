// The settings panel's state, with no ImGui: the partner form saved in one
// go, the couple's choices, and first run's form.
#include "couple_form.h"
#include "settings_screen.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace hearth;

TEST_CASE("The partner form starts from the couple and keeps what is being edited", "[screens][settings]") {
    test::TestModel t;
    SettingsScreen s(t.model);
    s.sync();
    CHECK(s.take_form_loaded());
    CHECK_FALSE(s.take_form_loaded());
    CHECK(s.couple.partners[0].name == "Maya");
    CHECK(s.couple.partners[1].color == Rgb{58, 122, 180});
    s.couple.partners[0].name = "Maya Ro";
    uint64_t before = t.model.db.queries();
    s.sync();
    CHECK(t.model.db.queries() == before);  // nothing re-read
    CHECK(s.couple.partners[0].name == "Maya Ro");
    CHECK_FALSE(s.take_form_loaded());
}

TEST_CASE("Saving names and colours is both partners or neither", "[screens][settings]") {
    test::TestModel t;
    SettingsScreen s(t.model);
    s.sync();
    s.couple.partners[0] = {"Maya Rose", Rgb{1, 2, 3}};
    s.couple.partners[1].name = " ";
    CHECK_FALSE(s.save_partners());
    CHECK(s.couple.errors[0].empty());
    CHECK_FALSE(s.couple.errors[1].empty());  // beside the partner to fix
    CHECK(s.couple.slot_to_fix() == 1);
    CHECK(t.model.couple.partner(0).name == "Maya");  // the first was not saved alone
    CHECK(t.model.couple.partner(0).color == Rgb{196, 88, 72});

    s.couple.partners[1].name = "Sam";
    auto saved = s.save_partners();
    REQUIRE(saved);
    CHECK(*saved == "Names and colours saved.");
    CHECK(s.couple.errors[1].empty());
    CHECK(t.model.couple.partner(0).name == "Maya Rose");
    CHECK(t.model.couple.partner(0).color == Rgb{1, 2, 3});

    // Swapping names is one change, not a clash with the other's old name.
    s.couple.partners[0].name = "Sam";
    s.couple.partners[1].name = "Maya Rose";
    REQUIRE(s.save_partners());
    CHECK(t.model.couple.partner(1).name == "Maya Rose");
}

TEST_CASE("First run sets the couple up once both names are good", "[screens][settings]") {
    test::TestModel t(false);
    CoupleForm form;
    CHECK_FALSE(form.partners[0].color == form.partners[1].color);  // told apart from the start
    form.partners[0] = {"Zo\xC3\xAB", Rgb{1, 1, 1}};
    CHECK_FALSE(form.set_up(t.model.couple).ok());
    CHECK(form.slot_to_fix() == 1);
    CHECK_FALSE(form.errors[1].empty());
    CHECK_FALSE(t.model.couple.is_set_up());
    form.partners[1] = {"Zo\xC3\xAB", Rgb{2, 2, 2}};
    CHECK_FALSE(form.set_up(t.model.couple).ok());
    CHECK(form.slot_to_fix() == 1);
    form.partners[0].name = "";
    CHECK_FALSE(form.set_up(t.model.couple).ok());
    CHECK(form.slot_to_fix() == 0);
    CHECK(form.errors[1].empty());
    form.partners[0].name = "Sam";
    REQUIRE(form.set_up(t.model.couple).ok());
    CHECK(t.model.couple.partner(1).name == "Zo\xC3\xAB");
    CHECK(form.errors == std::array<std::string, 2>{});
}

TEST_CASE("Theme, text size and the shortest break are the couple's choices, checked by the model", "[screens][settings]") {
    test::TestModel t;
    SettingsScreen s(t.model);
    CHECK_FALSE(s.dark_theme());
    s.set_dark_theme(true);
    CHECK(s.dark_theme());
    CHECK(t.model.settings.get(setting::theme) == "dark");
    s.set_text_size(20);
    CHECK(s.text_size() == 20);
    s.set_break_floor_minutes(kLowestFloorMinutes - 1);
    CHECK_FALSE(s.floor_error.empty());
    CHECK(s.break_floor_minutes() == kDefaultFloorMinutes);
    s.set_break_floor_minutes(kLowestFloorMinutes);
    CHECK(s.floor_error.empty());
    CHECK(s.break_floor_minutes() == kLowestFloorMinutes);
    CHECK(s.demonstration());  // the test model is in memory
}
