#!/usr/bin/env bash
# Builds Hearth's Debian package: a Release build in build/package, then CPack's
# DEB generator (Depends read from the linked libraries by dpkg-shlibdeps, plus
# the fonts). Prints the .deb's path; install it with
#   sudo apt-get install ./build/package/hearth_*.deb
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --package
build="$root/build/package"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DHEARTH_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
rm -f "$build"/hearth_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/hearth_*.deb
