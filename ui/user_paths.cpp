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
    return home().empty() ? file_name : "~/" + file_name;
}

std::string as_typed(const std::string& path) {
    std::string h = home();
    while (h.size() > 1 && h.back() == '/') h.pop_back();
    if (h.empty() || h == "/" || path.rfind(h + "/", 0) != 0) return path;
    return "~" + path.substr(h.size());
}

} // namespace hearth::ui
