#include "demo_texts.h"

#include "time_text.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace hearth::demo {
namespace {

using nlohmann::json;

json read(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("Cannot read " + path.string() + ": the demo assets are missing");
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

std::string text_or_empty(const json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// "19:30" -> minutes after midnight; null -> 0.
int minute_of_day(const json& j) {
    if (j.is_null()) return 0;
    auto m = parse_hh_mm(j.get<std::string>());
    if (!m) throw std::runtime_error("\"" + j.get<std::string>() + "\" is not a time of day (hh:mm)");
    return *m;
}

std::vector<std::string> strings(const json& j) { return j.get<std::vector<std::string>>(); }

std::vector<Line> lines(const json& j) {
    std::vector<Line> out;
    for (const auto& e : j) {
        Line l;
        if (!e.at("category").is_null()) l.category = e.at("category").get<std::string>();
        l.text = e.at("text").get<std::string>();
        out.push_back(std::move(l));
    }
    return out;
}

Ritual ritual(const json& j) {
    Ritual r;
    r.title = j.at("title").get<std::string>();
    r.kind = j.at("kind").get<std::string>();
    r.place = text_or_empty(j, "place");
    r.notes = text_or_empty(j, "notes");
    r.start = minute_of_day(j.at("start"));
    r.minutes = j.at("minutes").get<int>();
    r.suggested_by = j.at("suggested_by").get<int>();
    return r;
}

void read_couple(DemoTexts& t, const json& j) {
    for (std::size_t s = 0; s < 2; ++s) {
        const auto& p = j.at("partners").at(s);
        t.names[s] = p.at("name").get<std::string>();
        auto color = parse_rgb(p.at("color").get<std::string>());
        if (!color) throw std::runtime_error("couple.json: a colour is not #rrggbb");
        t.colors[s] = *color;
    }
    t.own_category = j.at("own_category").get<std::string>();
}

void read_appreciations(DemoTexts& t, const json& j) {
    t.hand_written[0] = lines(j.at("maya_to_sam"));
    t.hand_written[1] = lines(j.at("sam_to_maya"));
    t.openers = strings(j.at("openers"));
    t.acts = lines(j.at("acts"));
    t.whys = strings(j.at("whys"));
    t.short_notes = lines(j.at("short"));
    t.extras = strings(j.at("extras"));
}

void read_conversations(DemoTexts& t, const json& j) {
    for (const auto& b : j.at("past_breaks")) {
        PastBreak p;
        p.weeks_ago = b.at("weeks_ago").get<int>();
        p.caller = b.at("caller").get<int>();
        p.topic = text_or_empty(b, "topic");
        p.topic_status = b.at("topic_status").get<std::string>();
        p.planned_minutes = b.at("planned_minutes").get<int>();
        p.taken_minutes = b.at("taken_minutes").get<int>();
        p.ending = b.at("ending").get<std::string>();
        p.back_late_minutes = b.at("back_late_minutes").get<int>();
        t.past_breaks.push_back(std::move(p));
    }
    const auto& r = j.at("running_break");
    t.running_break = {r.at("caller").get<int>(), r.at("topic").get<std::string>(), r.at("minutes").get<int>(),
                       r.at("started_minutes_ago").get<int>()};
    for (const auto& s : j.at("sessions")) {
        SessionScript p;
        p.weeks_ago = s.at("weeks_ago").get<int>();
        p.break_index = s.at("break_index").get<int>();
        p.topic = text_or_empty(s, "topic");
        p.exercise = s.at("exercise").get<std::string>();
        p.first_speaker = s.at("first_speaker").get<int>();
        const auto loops = s.at("not_quite").get<std::vector<int>>();
        for (std::size_t i = 0; i < loops.size() && i < p.not_quite.size(); ++i) p.not_quite[i] = loops[i];
        p.end_after_steps = s.at("end_after_steps").get<int>();
        p.felt_heard = s.at("felt_heard").get<std::array<int, 2>>();
        p.notes = s.at("notes").get<std::array<std::string, 2>>();
        p.talked_through = s.at("talked_through").get<bool>();
        p.in_review = s.at("in_review").get<bool>();
        p.share_seconds = s.at("share_seconds").get<int>();
        t.sessions.push_back(std::move(p));
    }
    t.long_topics = strings(j.at("long_topics"));
}

void read_quality_time(DemoTexts& t, const json& j) {
    for (const auto& d : j.at("dates"))
        t.dates.push_back({text_or_empty(d, "idea"), d.at("title").get<std::string>(), text_or_empty(d, "place"),
                           d.at("minutes").get<int>(), minute_of_day(d.at("saturday_start")), text_or_empty(d, "memory")});
    for (const auto& a : j.at("activities"))
        t.activities.push_back({text_or_empty(a, "idea"), a.at("title").get<std::string>(), a.at("weeks_ago").get<int>(),
                                a.at("weekday").get<int>(), minute_of_day(a.at("start")), text_or_empty(a, "memory")});
    t.walk_memories = strings(j.at("walk_memories"));
    t.coffee_memories = strings(j.at("coffee_memories"));
    t.checkin_memories = strings(j.at("checkin_memories"));
    const auto& r = j.at("rituals");
    t.walk = ritual(r.at("walk"));
    t.moved_walk_memory = r.at("walk").at("moved_memory").get<std::string>();
    t.coffee = ritual(r.at("coffee"));
    t.check_in = ritual(r.at("check_in"));
    t.long_walk = ritual(r.at("long_walk"));
}

void read_reviews(DemoTexts& t, const json& j) {
    t.went_well = strings(j.at("went_well"));
    t.loved[0] = strings(j.at("maya_loved"));
    t.loved[1] = strings(j.at("sam_loved"));
    t.new_issues = strings(j.at("new_issues"));
}

} // namespace

DemoTexts DemoTexts::load(const std::filesystem::path& dir) {
    DemoTexts t;
    const std::pair<const char*, void (*)(DemoTexts&, const json&)> files[] = {
        {"couple.json", read_couple},
        {"appreciations.json", read_appreciations},
        {"conversations.json", read_conversations},
        {"quality_time.json", read_quality_time},
        {"reviews.json", read_reviews},
    };
    for (const auto& [name, fill] : files) {
        const auto path = dir / name;
        try {
            fill(t, read(path));
        } catch (const json::exception& e) {
            throw std::runtime_error(path.string() + ": " + e.what());
        }
    }
    return t;
}

} // namespace hearth::demo
