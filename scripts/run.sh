#!/usr/bin/env bash
# Quick start, part 1: install what is missing, build Release, start Hearth on
# your own database. Extra arguments go to hearth (e.g. --demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release -DHEARTH_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build/release" --target hearth -j"$(nproc)"
exec "$root/build/release/app/hearth" "$@"
