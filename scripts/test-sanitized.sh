#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (build/asan). Any sanitizer report fails the test that triggered it. The only
# suppression is the GL driver's own leak (tests/lsan.supp). CI runs this after
# scripts/test.sh. Extra arguments go to ctest (e.g. -R model).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
build="$root/build/asan"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
start=$(date +%s)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEARTH_BUILD_TESTS=ON -DHEARTH_SANITIZE=ON \
  "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
built=$(date +%s)

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
cd "$build"
status=0
ctest --output-on-failure -j"$(nproc)" -E '^window: ' "$@" || status=$?
# The real window under Xvfb: Mesa's software driver (swrast_dri.so) leaves two
# 56-byte blocks that LeakSanitizer can only see as "<unknown module>" because
# the driver is unloaded (dlclose) before the exit-time leak check, so no
# suppression can name it (see tests/lsan.supp). Leak checking is off for these
# tests only; ASan and UBSan errors still stop them.
# The xdotool-driven tests (the mouse, a full disk while typing) wait for the
# window with timings made for a normal build; under the sanitizers the window
# starts several times slower, so they run in scripts/test.sh only.
ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" ctest --output-on-failure -j"$(nproc)" -R '^window: ' \
  -E 'the mouse|full disk while typing' "$@" || status=$?
end=$(date +%s)
echo "Sanitized build: $((built - start)) s to build, $((end - built)) s to test."
exit $status
