// For the real-window mouse tests: a database with the couple set up, a
// Sunday ritual in this week (by the real clock), and the window's size.
// Usage: hearth_window_fixture DB WIDTH HEIGHT; prints this week's Saturday
// and Sunday (YYYY-MM-DD YYYY-MM-DD).
#include "hearth_model.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    using namespace hearth;
    if (argc != 4) {
        std::fprintf(stderr, "usage: hearth_window_fixture DB WIDTH HEIGHT\n");
        return 2;
    }
    SystemClock clock;
    Model m(Database::open_file(argv[1]), clock, HEARTH_ASSETS, DeviceStore::open_file(DeviceStore::path_for(argv[1])));
    if (!m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok()) return 1;
    m.settings.set(setting::window_width, std::atoi(argv[2]));
    m.settings.set(setting::window_height, std::atoi(argv[3]));
    Date monday = week_start(local_date(clock.now()));
    PlanDraft d;
    d.title = "Sunday pancakes";
    d.kind_id = "ritual";
    d.day = monday;
    d.start_minute = 10 * 60;
    d.length_minutes = 60;
    d.recurrence.repeat = Repeat::weekly;
    d.recurrence.weekdays = kSunday;
    if (!m.planner.add(d).ok()) return 1;
    std::printf("%s %s\n", format_date(add_days(monday, 5)).c_str(), format_date(add_days(monday, 6)).c_str());
    return 0;
}
