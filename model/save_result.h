#pragma once
#include <string>

namespace hearth {

// What a model command that saves returns: the saved row's id, or which field
// was refused and why, in words the UI shows inline next to that field.
struct SaveResult {
    std::string id;
    std::string field;
    std::string error;
    bool ok() const { return error.empty(); }
    static SaveResult success(std::string id) { return {std::move(id), {}, {}}; }
    static SaveResult refused(std::string field, std::string why) { return {{}, std::move(field), std::move(why)}; }
};

} // namespace hearth
