#pragma once
// Writing a whole file so that a crash, a full disk or a power cut leaves either
// the old file or the new one, never half of one.
#include <filesystem>
#include <string>
#include <string_view>

namespace hearth {

enum class FileAccess { owner_only, shareable };  // 0600 (backups) or 0644 (calendars, summaries)

// Writes `content` to a temporary file in the same folder, flushes and syncs it,
// renames it over `file` and syncs the folder. Returns an empty string on
// success, else why it failed (the temporary file is removed); callers name
// the file in their own error.
std::string write_file_atomically(const std::filesystem::path& file, std::string_view content, FileAccess access);

} // namespace hearth
