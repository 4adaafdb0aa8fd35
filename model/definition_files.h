#pragma once
// The folders of hand-written definition files (exercises, decks): which files
// are read, in what order, and how a folder or file that cannot be read, or a
// second file with an id already taken, is reported. The exercise and deck
// loaders share it so both list and skip files the same way.
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

} // namespace hearth
