#include "definition_files.h"

#include "json_reader.h"

#include <algorithm>

namespace hearth {

namespace fs = std::filesystem;

void for_each_definition_file(const std::vector<fs::path>& dirs,
                              const std::function<void(const fs::path&, const std::string&)>& problem,
                              const std::function<void(const fs::path&, const std::string&)>& each) {
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            problem(dir, fs::exists(dir, ec) ? "not a folder" : "folder not found");
            continue;
        }
        std::vector<fs::path> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json" && !fs::is_directory(it->path(), ec)) files.push_back(it->path());
        if (ec) {
            problem(dir, "cannot list the folder: " + ec.message());
            continue;
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::string text;
            try {
                text = json_reader::read_document(f);
            } catch (const json_reader::Invalid& e) {
                problem(f, e.message);
                continue;
            }
            each(f, text);
        }
    }
}

std::string id_already_used(const std::string& id, const fs::path& used_by) {
    return "id: \"" + id + "\" is already used by " + used_by.string() + " (this file is skipped)";
}

} // namespace hearth
