#!/usr/bin/env bash
# kill -9 during saves on an encrypted database and during --encrypt, TRIALS
# each; after every trial PRAGMA integrity_check through the cipher.
#
#   scripts/durability-encrypted.sh [TRIALS] [BUILD_DIR]     (defaults: 10, build/dev)
#
# Saves: every save that had returned must be there, with no gaps.
# --encrypt: the database must be whole afterwards, either still plain with
# every row, or encrypted (opening with the passphrase) with every row.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-10}
build=${2:-$root/build/dev}
hearth="$build/app/hearth"
tool="$build/tests/hearth_durability"
for exe in "$hearth" "$tool"; do
  [[ -x "$exe" ]] || { echo "missing $exe: build the 'hearth' and 'hearth_durability' targets first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HEARTH_TEST_CHEAP_KDF=1 HEARTH_DURABILITY_PASSPHRASE="kill nine"

random_delay() { local ms=$(( (RANDOM * 32768 + RANDOM) % $1 )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }
encrypted() { [[ "$(head -c 15 "$1" | tr -d '\0')" != "SQLite format 3" ]]; }

"$tool" save "$work/plain.db" 2000 >/dev/null
rows_before=$("$tool" check "$work/plain.db" | sed -n 's/^rows //p')
cp "$work/plain.db" "$work/enc.db"
echo "$HEARTH_DURABILITY_PASSPHRASE" | "$hearth" --db "$work/enc.db" --encrypt >/dev/null
encrypted "$work/enc.db" || { echo "--encrypt left a plain file" >&2; exit 1; }

failed=0
sv_acked=0
for ((i = 0; i < trials; i++)); do
  rm -f "$work/s.db"*
  cp "$work/enc.db" "$work/s.db"; cp "$work/enc.db.keys" "$work/s.db.keys"
  base=$("$tool" check "$work/s.db" | sed -n 's/^saves \([0-9]*\).*/\1/p')
  "$tool" save "$work/s.db" >"$work/acked" 2>/dev/null &
  pid=$!
  sleep "$(random_delay 800)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  acked=$(tail -n 1 "$work/acked"); acked=${acked:-$base}
  out=$("$tool" check "$work/s.db") || true
  if ! grep -qx 'integrity ok' <<<"$out"; then failed=$((failed + 1)); echo "save trial $i: $out"; continue; fi
  saved=$(sed -n 's/^saves \([0-9]*\).*/\1/p' <<<"$out")
  grep -q '^saves .* contiguous' <<<"$out" || { failed=$((failed + 1)); echo "save trial $i: gaps"; }
  if ((saved < acked)); then failed=$((failed + 1)); echo "save trial $i: $acked acknowledged, $saved kept"; fi
  sv_acked=$((sv_acked + acked - base))
done
echo "Saves on an encrypted database: $trials kills, $sv_acked saves acknowledged in all, none lost."

cp "$work/plain.db" "$work/t.db"
start=$(date +%s%N)
echo "$HEARTH_DURABILITY_PASSPHRASE" | "$hearth" --db "$work/t.db" --encrypt >/dev/null
encrypt_ms=$(( ($(date +%s%N) - start) / 1000000 ))
window=$(( encrypt_ms * 12 / 10 + 1 ))
plain_after=0 encrypted_after=0
for ((i = 0; i < trials; i++)); do
  rm -f "$work/t.db"*
  cp "$work/plain.db" "$work/t.db"
  (echo "$HEARTH_DURABILITY_PASSPHRASE" | exec "$hearth" --db "$work/t.db" --encrypt >/dev/null 2>&1) &
  pid=$!
  sleep "$(random_delay "$window")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  out=$("$tool" check "$work/t.db") || true
  if ! grep -qx 'integrity ok' <<<"$out"; then failed=$((failed + 1)); echo "encrypt trial $i: $out"; continue; fi
  now=$(sed -n 's/^rows //p' <<<"$out")
  [[ "$now" == "$rows_before" ]] || { failed=$((failed + 1)); echo "encrypt trial $i: rows changed: $now"; }
  if encrypted "$work/t.db"; then encrypted_after=$((encrypted_after + 1)); else plain_after=$((plain_after + 1)); fi
done
echo "--encrypt ($encrypt_ms ms) killed $trials times: $plain_after left plain and whole, $encrypted_after encrypted and whole."
if ((failed > 0)); then echo "$failed trials lost data or left a damaged database" >&2; exit 1; fi
