#pragma once
// Parsing JSON from a file Hearth did not write itself, with the nesting depth
// bounded before any tree is built: a file of 200,000 '[' must be refused with
// a message, not overflow the stack of whatever walks the tree afterwards.
// Every reader of outside JSON (backups, exercises, conversation decks) parses
// through here.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth {

inline constexpr int kMaxJsonDepth = 64;

// Nesting deeper than the bound; `byte` is the offset (from 1, like
// nlohmann's parse_error::byte) of the bracket that went one level too deep.
class JsonTooDeep : public std::runtime_error {
public:
    JsonTooDeep(std::size_t byte, int max_depth);
    std::size_t byte;
};

// The deepest nesting of objects and arrays in `text` (brackets inside strings
// do not count), found without recursion. Stops counting at `stop_above`+1.
int json_nesting_depth(std::string_view text, int stop_above = kMaxJsonDepth);

// nlohmann::json::parse of `text`, refusing nesting beyond `max_depth` first
// (throws JsonTooDeep). Other problems throw nlohmann's parse_error as usual.
nlohmann::json parse_json_bounded(std::string_view text, int max_depth = kMaxJsonDepth);

// A JSON file shipped in the assets folder (ideas.json, plan_kinds.json, ...):
// read as a regular file of at most `max_bytes` (file_read.h), parsed bounded.
// Any problem throws std::runtime_error naming the file.
nlohmann::json read_json_asset(const std::filesystem::path& file, std::size_t max_bytes = std::size_t(16) << 20);

} // namespace hearth
