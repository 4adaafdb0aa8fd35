#include "json_read.h"

#include "file_read.h"

namespace hearth {

JsonTooDeep::JsonTooDeep(std::size_t at, int max_depth)
    : std::runtime_error("objects and arrays are nested deeper than " + std::to_string(max_depth) +
                         " levels at byte " + std::to_string(at) + "; no Hearth file is nested that deep"),
      byte(at) {}

namespace {

// Depth scan; returns the byte (from 1) where `max_depth` was exceeded, or 0.
std::size_t first_too_deep(std::string_view text, int max_depth, int& deepest) {
    int depth = 0;
    deepest = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
        case '"': in_string = true; break;
        case '[':
        case '{':
            if (++depth > deepest) deepest = depth;
            if (depth > max_depth) return i + 1;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;  // unbalanced text is the parser's to report
            break;
        default: break;
        }
    }
    return 0;
}

} // namespace

int json_nesting_depth(std::string_view text, int stop_above) {
    int deepest = 0;
    first_too_deep(text, stop_above, deepest);
    return deepest;
}

nlohmann::json parse_json_bounded(std::string_view text, int max_depth) {
    int deepest = 0;
    if (std::size_t at = first_too_deep(text, max_depth, deepest)) throw JsonTooDeep(at, max_depth);
    return nlohmann::json::parse(text);
}

nlohmann::json read_json_asset(const std::filesystem::path& file, std::size_t max_bytes) {
    std::string text;
    try {
        text = read_regular_file(file, max_bytes);
    } catch (const FileReadError& e) {
        throw std::runtime_error(std::string("Cannot read ") + e.what() + " (is the assets folder complete?)");
    }
    try {
        return parse_json_bounded(text);
    } catch (const JsonTooDeep& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

} // namespace hearth
