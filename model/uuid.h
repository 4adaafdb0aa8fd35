#pragma once
#include <string>

namespace hearth {
// A random (version 4) UUID in lowercase text form.
std::string new_uuid();
bool looks_like_uuid(const std::string& s);
} // namespace hearth
