#include "user_paths.h"

#include <cstdlib>

namespace hearth::ui {

static std::string home() {
    const char* h = std::getenv("HOME");
#ifdef _WIN32
    if (!h || !*h) h = std::getenv("USERPROFILE");
#endif
    return h ? std::string(h) : std::string();
}

std::string expand_home(const std::string& path) {
    if (path.rfind("~/", 0) != 0) return path;
    std::string h = home();
    return h.empty() ? path : h + path.substr(1);
}

std::string in_home(const std::string& file_name) {
    std::string h = home();
    return h.empty() ? file_name : h + "/" + file_name;
}

} // namespace hearth::ui
