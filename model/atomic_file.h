#pragma once
// Writing a whole file so that a crash, a full disk or a power cut leaves either
// the old file or the new one, never half of one. Every file Hearth writes holds
// the couple's words, so every one is owner-only.
#include <filesystem>
#include <string>
#include <string_view>

namespace hearth {

// Writes `content` to a temporary file beside `file` (".<name>.hearth-tmp-<pid>"),
// flushes and syncs it, renames it over `file` and syncs the folder. The file is
// created 0600 whatever the umask; replacing an existing file never widens its
// mode (an existing 0400 stays 0400, a 0644 becomes 0600). Temporaries of
// Hearth's naming left in that folder by a process that is gone (kill -9
// mid-write) are removed. Returns an empty string on success, else why it
// failed (the temporary file is removed); callers name the file in their error.
std::string write_file_atomically(const std::filesystem::path& file, std::string_view content);

// The same; kept so callers written before every file became owner-only build.
enum class FileAccess { owner_only, shareable };
inline std::string write_file_atomically(const std::filesystem::path& file, std::string_view content, FileAccess) {
    return write_file_atomically(file, content);
}

// The temporary a write of `file` by process `pid` uses, and whether `name`
// (a file name in the same folder) is one of Hearth's, giving its pid.
std::filesystem::path temporary_for(const std::filesystem::path& file, long pid);
bool is_hearth_temporary(std::string_view name, long* pid = nullptr);

// Removes, from `folder`, Hearth's temporaries whose process is gone.
// Returns how many were removed.
int remove_stale_temporaries(const std::filesystem::path& folder);

} // namespace hearth
