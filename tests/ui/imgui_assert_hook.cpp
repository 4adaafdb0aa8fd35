// Turns every failed IM_ASSERT (Dear ImGui's and ours) into a test failure
// instead of an abort. Debian's libimgui is built with IM_ASSERT = assert(),
// which calls glibc's __assert_fail; defining it here takes precedence for this
// test executable. This file must not include <assert.h> (it declares the
// function noexcept), hence no imgui.h either.
#include <stdexcept>
#include <string>

extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned int line,
                                           const char* function) {
    throw std::logic_error(std::string("IM_ASSERT failed: ") + assertion + " (" + file + ":" + std::to_string(line) +
                           ", in " + function + ")");
}
