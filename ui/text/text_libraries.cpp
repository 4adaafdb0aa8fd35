#include "text/text_libraries.h"

#include <cstdio>
#include <mutex>
#include <string>

#if HEARTH_TEXT_LIBRARIES_AT_FIRST_USE
#include <dlfcn.h>
#endif

namespace hearth::ui::text {
namespace {

TextLibraries g_libraries;
std::string g_problem;
bool g_loaded = false;
std::once_flag g_once;

#if HEARTH_TEXT_LIBRARIES_AT_FIRST_USE
// The handle of `file` (kept open for the rest of the run), or nullptr with
// g_problem saying why.
void* open_library(const char* file) {
    void* handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        g_problem = std::string("cannot open ") + file + (why ? std::string(": ") + why : std::string());
    }
    return handle;
}

template <class Fn>
bool resolve(void* handle, const char* file, const char* name, Fn& out) {
    if (!handle) return false;
    out = reinterpret_cast<Fn>(dlsym(handle, name));
    if (!out) g_problem = std::string(file) + " lacks " + name;
    return out != nullptr;
}

bool load() {
    TextLibraries& l = g_libraries;
    bool ok = true;
    const char* file = nullptr;
    void* handle = nullptr;
#define HEARTH_RESOLVE(name) ok = ok && resolve(handle, file, #name, l.name);
    file = "libfreetype.so.6";
    handle = open_library(file);
    HEARTH_FREETYPE_FUNCTIONS(HEARTH_RESOLVE)
    file = "libharfbuzz.so.0";
    handle = ok ? open_library(file) : nullptr;
    HEARTH_HARFBUZZ_FUNCTIONS(HEARTH_RESOLVE)
    file = "libfontconfig.so.1";
    handle = ok ? open_library(file) : nullptr;
    HEARTH_FONTCONFIG_FUNCTIONS(HEARTH_RESOLVE)
#undef HEARTH_RESOLVE
    return ok;
}
#else
bool load() {
    TextLibraries& l = g_libraries;
#define HEARTH_LINKED(name) l.name = &::name;
    HEARTH_FREETYPE_FUNCTIONS(HEARTH_LINKED)
    HEARTH_HARFBUZZ_FUNCTIONS(HEARTH_LINKED)
    HEARTH_FONTCONFIG_FUNCTIONS(HEARTH_LINKED)
#undef HEARTH_LINKED
    return true;
}
#endif

} // namespace

const TextLibraries* text_libraries() {
    std::call_once(g_once, [] {
        g_loaded = load();
        if (!g_loaded)
            std::fprintf(stderr, "hearth: %s; characters outside the built-in font show as boxes\n", g_problem.c_str());
    });
    return g_loaded ? &g_libraries : nullptr;
}

} // namespace hearth::ui::text
