#!/usr/bin/env bash
# Builds every libFuzzer target in tests/fuzz with clang (ASan and UBSan on
# everything) and runs each one for a bounded time from its seed corpus.
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]     (default: 60 s, every *_fuzz.cpp)
#
# Target <name>_fuzz is seeded from tests/corpus/<name>s (backup_fuzz from
# tests/corpus/backups, exercise_fuzz from tests/corpus/exercises, deck_fuzz
# from tests/corpus/decks) and the shipped assets/<name>s when present, plus
# tests/fuzz/<name>.dict when present. New inputs go to build/fuzz/corpus/<target>,
# crashes to build/fuzz/artifacts/<target>/, the log to build/fuzz/<target>.log.
# Exits non-zero when any target found a crash, a leak, a timeout or UB.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[[ $# -gt 0 ]] && shift
build="$root/build/fuzz"

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in "$root"/tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEARTH_BUILD_TESTS=OFF -DHEARTH_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target "${targets[@]}"

failed=0
for t in "${targets[@]}"; do
  name=${t%_fuzz}
  seeds="$root/tests/corpus/${name}s"
  shipped=()
  [[ -d "$root/assets/${name}s" ]] && shipped=("$root/assets/${name}s")
  work="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$work" "$artifacts"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144
        -print_final_stats=1 -artifact_prefix="$artifacts/")
  [[ -f "$root/tests/fuzz/$name.dict" ]] && args+=(-dict="$root/tests/fuzz/$name.dict")
  echo "== $t: ${seconds}s from $seeds"
  set +e
  "$build/tests/fuzz/$t" "${args[@]}" "$work" "$seeds" "${shipped[@]}" >"$build/$t.log" 2>&1
  rc=$?
  set -e
  grep -E '^(stat::|Done |#[0-9]+ +DONE)|ERROR|SUMMARY' "$build/$t.log" || true
  if [[ $rc -ne 0 ]]; then
    echo "== $t FAILED (exit $rc): see $build/$t.log and $artifacts/" >&2
    failed=1
  else
    echo "== $t: nothing found; corpus now $(ls "$work" | wc -l) inputs"
  fi
done
exit $failed
