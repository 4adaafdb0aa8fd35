#!/usr/bin/env bash
# kill -9 during imports, saves and exports, N trials each; after every trial
# PRAGMA integrity_check, and a count of what was lost or half-done.
#
#   scripts/durability.sh [TRIALS] [BUILD_DIR]     (defaults: 100, build/dev)
#
# Imports: a backup of a few thousand rows merged into a database, killed at a
# random moment; the database must hold either none of it or all of it.
# Saves: appreciations saved one by one (tests/durability/save_loop.cpp), killed
# at a random moment; every save that had returned must be there, with no gaps.
# Exports: a backup export killed at a random moment; the file must be absent or
# complete, and the next export must remove the temporary the kill left.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-100}
build=${2:-$root/build/dev}
hearth="$build/app/hearth"
tool="$build/tests/hearth_durability"
for exe in "$hearth" "$tool"; do
  [[ -x "$exe" ]] || { echo "missing $exe: build the 'hearth' and 'hearth_durability' targets first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A random delay in seconds, from 0 to $1 milliseconds.
random_delay() { local ms=$(( (RANDOM * 32768 + RANDOM) % $1 )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }
rows() { "$tool" check "$1" | sed -n 's/^rows //p'; }

echo "Preparing a backup to import..."
"$tool" save "$work/source.db" 20 >/dev/null
"$hearth" --db "$work/source.db" --export-json "$work/base.json" >/dev/null
"$tool" save "$work/source.db" 3000 >/dev/null
"$hearth" --db "$work/source.db" --export-json "$work/big.json" >/dev/null
"$hearth" --db "$work/base.db" --import-json "$work/base.json" >/dev/null  # the same couple, 3000 saves behind
before=$(rows "$work/base.db")
cp "$work/base.db" "$work/full.db"
start=$(date +%s%N)
"$hearth" --db "$work/full.db" --import-json "$work/big.json" >/dev/null
import_ms=$(( ($(date +%s%N) - start) / 1000000 ))
after=$(rows "$work/full.db")
[[ "$before" != "$after" ]] || { echo "the import changed nothing; cannot tell partial from whole" >&2; exit 2; }
window=$(( import_ms * 12 / 10 + 1 ))
echo "An import takes $import_ms ms; killing within the first $window ms."

imp_ok=0 imp_none=0 imp_all=0 imp_partial=0 imp_corrupt=0 imp_finished=0
for ((i = 0; i < trials; i++)); do
  rm -f "$work/t.db"*
  cp "$work/base.db" "$work/t.db"
  "$hearth" --db "$work/t.db" --import-json "$work/big.json" >/dev/null 2>&1 &
  pid=$!
  sleep "$(random_delay "$window")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null && imp_finished=$((imp_finished + 1)) || true
  out=$("$tool" check "$work/t.db") || true
  if ! grep -qx 'integrity ok' <<<"$out"; then imp_corrupt=$((imp_corrupt + 1)); echo "import trial $i: $out"; continue; fi
  imp_ok=$((imp_ok + 1))
  now=$(sed -n 's/^rows //p' <<<"$out")
  if [[ "$now" == "$before" ]]; then imp_none=$((imp_none + 1))
  elif [[ "$now" == "$after" ]]; then imp_all=$((imp_all + 1))
  else imp_partial=$((imp_partial + 1)); echo "import trial $i: partial: $now"; fi
done

sv_ok=0 sv_corrupt=0 sv_lost=0 sv_gaps=0 sv_acked=0 sv_extra=0
for ((i = 0; i < trials; i++)); do
  rm -f "$work/s.db"*
  cp "$work/base.db" "$work/s.db"
  base_saves=$("$tool" check "$work/s.db" | sed -n 's/^saves \([0-9]*\).*/\1/p')
  "$tool" save "$work/s.db" >"$work/acked" 2>/dev/null &
  pid=$!
  sleep "$(random_delay 800)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  acked=$(tail -n 1 "$work/acked"); acked=${acked:-$base_saves}
  out=$("$tool" check "$work/s.db") || true
  if ! grep -qx 'integrity ok' <<<"$out"; then sv_corrupt=$((sv_corrupt + 1)); echo "save trial $i: $out"; continue; fi
  sv_ok=$((sv_ok + 1))
  saved=$(sed -n 's/^saves \([0-9]*\).*/\1/p' <<<"$out")
  grep -q '^saves .* contiguous' <<<"$out" || { sv_gaps=$((sv_gaps + 1)); echo "save trial $i: gaps"; }
  sv_acked=$((sv_acked + acked - base_saves))
  if ((saved < acked)); then sv_lost=$((sv_lost + 1)); echo "save trial $i: $acked acknowledged, $saved kept"; fi
  ((saved > acked)) && sv_extra=$((sv_extra + 1))
done

ex_ok=0 ex_bad=0 ex_left=0 ex_cleaned=0
mkdir -p "$work/out"
start=$(date +%s%N)
"$hearth" --db "$work/full.db" --export-json "$work/whole.json" >/dev/null
export_window=$(( ($(date +%s%N) - start) / 1000000 * 12 / 10 + 1 ))
export_size=$(stat -c %s "$work/whole.json")  # every whole export of full.db is this long
for ((i = 0; i < trials; i++)); do
  rm -f "$work/out/"*
  "$hearth" --db "$work/full.db" --export-json "$work/out/backup.json" >/dev/null 2>&1 &
  pid=$!
  sleep "$(random_delay "$export_window")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -e "$work/out/backup.json" ]] && [[ $(stat -c %s "$work/out/backup.json") != "$export_size" ]]; then
    ex_bad=$((ex_bad + 1)); echo "export trial $i: a half-written backup"
  else ex_ok=$((ex_ok + 1)); fi
  if compgen -G "$work/out/.*.hearth-tmp-*" >/dev/null; then
    ex_left=$((ex_left + 1))
    "$hearth" --db "$work/full.db" --export-ics "$work/out/plans.ics" >/dev/null
    compgen -G "$work/out/.*.hearth-tmp-*" >/dev/null || ex_cleaned=$((ex_cleaned + 1))
  fi
done

echo
echo "Durability, $trials trials each (kill -9 at a random moment):"
echo "  imports: $imp_ok/$trials integrity ok; $imp_none left nothing, $imp_all complete, $imp_partial partial, $imp_corrupt corrupt ($imp_finished had finished before the kill)"
echo "  saves:   $sv_ok/$trials integrity ok; $sv_acked saves acknowledged in all, $sv_lost trials lost an acknowledged save, $sv_gaps with gaps, $sv_corrupt corrupt ($sv_extra kept one more save than was acknowledged)"
echo "  exports: (killed within $export_window ms) $ex_ok/$trials never half-written; $ex_left left a temporary, $ex_cleaned of those removed by the next export"
(( imp_partial + imp_corrupt + sv_lost + sv_gaps + sv_corrupt + ex_bad == 0 && ex_cleaned == ex_left ))
