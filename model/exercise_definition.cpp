#include "exercise_definition.h"

#include "definition_files.h"
#include "json_reader.h"
#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace hearth {

using Json = nlohmann::json;
namespace fs = std::filesystem;
using namespace json_reader;

std::string_view to_string(Role r) { return r == Role::speaker ? "speaker" : "listener"; }

int ExerciseDefinition::step_index(std::string_view step_id) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == step_id) return int(i);
    return -1;
}

namespace {

ExerciseRole read_role(const Json& j, const std::string& path) {
    Obj o(j, path, "an object with \"label\" and \"description\"", {"label", "description"});
    ExerciseRole r;
    r.label = o.text("label", true, 40);
    r.description = o.text("description", false);
    return r;
}

ExerciseStep read_step(const Json& j, const std::string& path, const std::vector<ExerciseStep>& earlier) {
    Obj o(j, path, "an object describing a step",
          {"id", "title", "floor", "duration_seconds", "stems", "guidance", "check"});
    ExerciseStep s;
    s.id = slug(o, "id");
    for (const auto& e : earlier)
        if (e.id == s.id) fail(o.path("id"), "an id not used by an earlier step", *o.get("id"));
    s.title = o.text("title", true, 80);
    {
        const Json* f = o.get("floor");
        const std::string what = "\"speaker\" or \"listener\"";
        if (!f) missing(o.path("floor"), what);
        if (*f == "speaker") s.floor = Role::speaker;
        else if (*f == "listener") s.floor = Role::listener;
        else fail(o.path("floor"), what, *f);
    }
    s.duration_seconds = o.integer("duration_seconds", kMinStepSeconds, kMaxStepSeconds, "a whole number of seconds");
    if (const Json* st = o.get("stems")) {
        if (!st->is_array()) fail(o.path("stems"), "an array of strings", *st);
        for (std::size_t i = 0; i < st->size(); ++i) {
            const Json& v = (*st)[i];
            const std::string p = o.path("stems") + "[" + std::to_string(i) + "]";
            if (!v.is_string() || trim(v.get<std::string>()).empty()) fail(p, "a non-empty string", v);
            if (codepoint_count(v.get<std::string>()) > 200) fail(p, "at most 200 characters", v);
            s.stems.push_back(v.get<std::string>());
        }
    }
    {
        const Json* g = o.get("guidance");
        const std::string what = "an object with \"speaker\" and \"listener\" guidance";
        if (!g) missing(o.path("guidance"), what);
        Obj go(*g, o.path("guidance"), what, {"speaker", "listener"});
        s.speaker_guidance = go.text("speaker");
        s.listener_guidance = go.text("listener");
    }
    if (const Json* c = o.get("check")) {
        Obj co(*c, o.path("check"), "an object with \"question\", \"yes\", \"no\" and \"loop_back_to\"",
               {"question", "yes", "no", "loop_back_to"});
        ExerciseCheck ch;
        ch.question = co.text("question", true, 120);
        ch.yes_label = co.text("yes", true, 40);
        ch.no_label = co.text("no", true, 40);
        ch.loop_back_to = slug(co, "loop_back_to");
        auto it = std::find_if(earlier.begin(), earlier.end(), [&](const ExerciseStep& e) { return e.id == ch.loop_back_to; });
        if (it == earlier.end()) {
            std::string ids;
            for (const auto& e : earlier) ids += (ids.empty() ? "\"" : ", \"") + e.id + "\"";
            fail(co.path("loop_back_to"),
                 earlier.empty() ? std::string("the id of an earlier step (this is the first step)")
                                 : "the id of an earlier step (" + ids + ")",
                 *co.get("loop_back_to"));
        }
        ch.loop_back_index = int(it - earlier.begin());
        s.check = std::move(ch);
    }
    return s;
}

ExerciseDefinition read_definition(const Json& j) {
    Obj o(j, "", "an object describing one exercise",
          {"format", "id", "version", "title", "summary", "topic_prompt", "topic_required", "roles", "swap_roles",
           "default_rounds", "steps", "closing"});
    ExerciseDefinition d;
    {
        const Json* f = o.get("format");
        const std::string what = "the format number " + std::to_string(kExerciseFormat);
        if (!f) missing("format", what);
        if (!f->is_number_integer() || f->get<int64_t>() != kExerciseFormat) {
            if (f->is_number_integer() && f->get<int64_t>() > kExerciseFormat)
                throw Invalid{"format: this Hearth reads format " + std::to_string(kExerciseFormat) + ", found " +
                              found(*f) + " (written for a newer Hearth)"};
            fail("format", what, *f);
        }
    }
    d.id = slug(o, "id");
    d.version = o.integer("version", 1, 1'000'000, "a whole version number");
    d.title = o.text("title", true, 80);
    d.summary = o.text("summary");
    d.topic_prompt = o.text("topic_prompt");
    d.topic_required = o.boolean("topic_required", true);
    {
        const Json* r = o.get("roles");
        const std::string what = "an object with \"speaker\" and \"listener\"";
        if (!r) missing("roles", what);
        Obj ro(*r, "roles", what, {"speaker", "listener"});
        const Json* sp = ro.get("speaker");
        if (!sp) missing("roles.speaker", "an object with \"label\" and \"description\"");
        d.roles[0] = read_role(*sp, "roles.speaker");
        const Json* li = ro.get("listener");
        if (!li) missing("roles.listener", "an object with \"label\" and \"description\"");
        d.roles[1] = read_role(*li, "roles.listener");
    }
    d.swap_roles = o.boolean("swap_roles", true);
    d.default_rounds = o.integer("default_rounds", 1, kMaxRounds, "a whole number of rounds");
    {
        const Json* st = o.get("steps");
        const std::string what = "an array of 1 to " + std::to_string(kMaxExerciseSteps) + " steps";
        if (!st) missing("steps", what);
        if (!st->is_array() || st->empty() || st->size() > kMaxExerciseSteps) fail("steps", what, *st);
        for (std::size_t i = 0; i < st->size(); ++i)
            d.steps.push_back(read_step((*st)[i], "steps[" + std::to_string(i) + "]", d.steps));
    }
    {
        const Json* c = o.get("closing");
        const std::string what = "an object with \"rating_question\"";
        if (!c) missing("closing", what);
        Obj co(*c, "closing", what,
               {"rating_question", "rating_low", "rating_high", "note_prompt", "offer_talked_through"});
        d.closing.rating_question = co.text("rating_question", true, 120);
        d.closing.rating_low_label = co.text("rating_low", false, 60);
        d.closing.rating_high_label = co.text("rating_high", false, 60);
        d.closing.note_prompt = co.text("note_prompt", false, 200);
        d.closing.offer_talked_through = co.boolean("offer_talked_through", true);
    }
    return d;
}

} // namespace

ExerciseParse parse_exercise(std::string_view text) {
    ExerciseParse r;
    try {
        r.definition = read_definition(parse_document(text));
    } catch (const Invalid& e) {
        r.error = e.message;
    } catch (const Json::exception& e) {
        r.error = json_error(e.what());
    }
    return r;
}

std::string ExerciseFileStatus::describe() const {
    if (ok) return "ok       " + id + " v" + std::to_string(version) + "  \"" + title + "\"  " + file.string();
    return "invalid  " + file.string() + ": " + message;
}

ExerciseLoad load_exercises(const std::vector<fs::path>& dirs) {
    ExerciseLoad out;
    auto loaded = [](const ExerciseDefinition& d) {
        ExerciseFileStatus s;
        s.version = d.version;
        return s;
    };
    load_definition_files(dirs, parse_exercise, loaded, out.definitions, out.problems, out.files);
    return out;
}

Exercises::Exercises(std::vector<fs::path> dirs) : dirs_(std::move(dirs)) { reload(); }

void Exercises::add_dir(const fs::path& dir) {
    dirs_.push_back(dir);
    reload();
}

void Exercises::reload() { load_ = load_exercises(dirs_); }

const ExerciseDefinition* Exercises::find(std::string_view id) const {
    for (const auto& d : load_.definitions)
        if (d.id == id) return &d;
    return nullptr;
}

std::string Exercises::default_id() const {
    if (find(kDefaultExerciseId) || all().empty()) return std::string(kDefaultExerciseId);
    return all().front().id;
}

std::string Exercises::listing() const {
    std::string out;
    for (const auto& f : load_.files) out += f.describe() + "\n";
    return out;
}

} // namespace hearth
