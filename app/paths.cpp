#include "paths.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <system_error>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace hearth::app {
namespace {
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

fs::path executable_dir() {
#ifdef _WIN32
    wchar_t buf[MAX_PATH];
    DWORD n = GetModuleFileNameW(nullptr, buf, MAX_PATH);
    return n ? fs::path(std::wstring(buf, n)).parent_path() : fs::path();
#else
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p.parent_path();
#endif
}

[[maybe_unused]] bool inside(const fs::path& dir, const fs::path& tree) {
    std::error_code ec;
    const fs::path d = fs::weakly_canonical(dir, ec), t = fs::weakly_canonical(tree, ec);
    auto [t_end, d_at] = std::mismatch(t.begin(), t.end(), d.begin(), d.end());
    return t_end == t.end();
}
} // namespace

fs::path user_data_dir() {
#if defined(_WIN32)
    std::string appdata = env("APPDATA");
    return fs::path(appdata.empty() ? "." : appdata) / "Hearth";
#elif defined(__APPLE__)
    return fs::path(env("HOME")) / "Library" / "Application Support" / "Hearth";
#else
    std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute()) return fs::path(xdg) / "hearth";
    std::string home = env("HOME");
    if (home.empty()) throw std::runtime_error("Neither XDG_DATA_HOME nor HOME is set, so Hearth does not know where to keep its data; use --db PATH");
    return fs::path(home) / ".local" / "share" / "hearth";
#endif
}

void ensure_private_dir(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    if (dir.has_parent_path() && !fs::exists(dir.parent_path(), ec)) fs::create_directories(dir.parent_path(), ec);
    if (!fs::create_directory(dir, ec) && !fs::is_directory(dir))
        throw std::runtime_error("Cannot create the folder " + dir.string() + ": " + ec.message());
#ifndef _WIN32
    ::chmod(dir.c_str(), 0700);
#endif
}

fs::path private_file(const fs::path& file) {
#ifndef _WIN32
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) ::close(fd);
#endif
    return file;
}

fs::path find_assets_dir() {
    std::vector<fs::path> candidates;
    if (auto e = env("HEARTH_ASSETS"); !e.empty()) candidates.emplace_back(e);
    const fs::path exe = executable_dir();
    if (!exe.empty()) {
        candidates.push_back(exe / ".." / "share" / "hearth");  // installed (GNUInstallDirs)
        candidates.push_back(exe / "assets");                   // unpacked next to the binary
    }
#if defined(HEARTH_SOURCE_ASSETS_DIR) && defined(HEARTH_BUILD_TREE)
    // Only a binary still in its build tree reads the checkout it was built
    // from: an installed copy must never depend on where the source was.
    if (!exe.empty() && inside(exe, HEARTH_BUILD_TREE)) candidates.emplace_back(HEARTH_SOURCE_ASSETS_DIR);
#endif
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::exists(c / "gratitude_categories.json", ec)) return fs::weakly_canonical(c, ec);
    return candidates.empty() ? fs::path("assets") : candidates.front();
}

std::string find_ui_font(const fs::path& assets_dir) {
    std::error_code ec;
    if (auto e = env("HEARTH_FONT"); !e.empty() && fs::exists(e, ec)) return e;
    if (fs::is_directory(assets_dir / "fonts", ec))
        for (const auto& f : fs::directory_iterator(assets_dir / "fonts", ec))
            if (f.path().extension() == ".ttf") return f.path().string();
    static const char* system_fonts[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  // Debian, Ubuntu
        "/usr/share/fonts/TTF/DejaVuSans.ttf",               // Arch
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", // Fedora
        "/usr/local/share/fonts/dejavu/DejaVuSans.ttf",      // FreeBSD
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
        "C:\\Windows\\Fonts\\segoeui.ttf",
    };
    for (const char* f : system_fonts)
        if (fs::exists(f, ec)) return f;
    return {};
}

} // namespace hearth::app
