#pragma once
// The folders of hand-written definition files (exercises, decks): which files
// are read, in what order, and how a folder or file that cannot be read, or a
// second file with an id already taken, is reported. The exercise and deck
// loaders share it so both list and skip files the same way.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hearth {

// Calls `each(file, text)` for every *.json file in `dirs`: folders in order,
// files by name within a folder. A folder that is missing, is not a folder or
// cannot be listed, and a file that cannot be read (json_reader::read_document),
// goes to `problem(path, message)` instead and is skipped.
void for_each_definition_file(const std::vector<std::filesystem::path>& dirs,
                              const std::function<void(const std::filesystem::path&, const std::string&)>& problem,
                              const std::function<void(const std::filesystem::path&, const std::string&)>& each);

// The message for a file whose `id` an earlier file (`used_by`) already has.
std::string id_already_used(const std::string& id, const std::filesystem::path& used_by);

// Every definition file in `dirs` that `parse(text)` accepts goes to
// `definitions` (its `source` set), the first file of each id only. Every file,
// and every folder that cannot be read, gets a status in `files`; each problem
// also goes to `problems`. `loaded(definition)` gives the status of a file that
// loaded with what its kind adds to the listing (file, ok, id and title are set here).
template <class Definition, class Problem, class Status, class Parse, class Loaded>
void load_definition_files(const std::vector<std::filesystem::path>& dirs, Parse parse, Loaded loaded,
                           std::vector<Definition>& definitions, std::vector<Problem>& problems,
                           std::vector<Status>& files) {
    namespace fs = std::filesystem;
    auto problem = [&](const fs::path& file, const std::string& message, std::string id = {}) {
        problems.push_back({file, message});
        Status s;
        s.file = file;
        s.id = std::move(id);
        s.message = message;
        files.push_back(std::move(s));
    };
    for_each_definition_file(dirs, [&](const fs::path& p, const std::string& m) { problem(p, m); },
                             [&](const fs::path& f, const std::string& text) {
        auto parsed = parse(text);
        if (!parsed.ok()) {
            problem(f, parsed.error);
            return;
        }
        auto& d = *parsed.definition;
        auto dup = std::find_if(definitions.begin(), definitions.end(), [&](const Definition& e) { return e.id == d.id; });
        if (dup != definitions.end()) {
            problem(f, id_already_used(d.id, dup->source), d.id);
            return;
        }
        d.source = f;
        Status s = loaded(d);
        s.file = f;
        s.ok = true;
        s.id = d.id;
        s.title = d.title;
        files.push_back(std::move(s));
        definitions.push_back(std::move(d));
    });
}

} // namespace hearth
