#!/bin/sh
# An encrypted Hearth starts locked, before the couple's remembered window size
# can be read: once they unlock, the window takes that size (and does not save
# the default over it). The real window under Xvfb, typed into with xdotool.
# Usage (under xvfb-run): size_after_unlock.sh HEARTH WORKDIR
set -u
hearth=$1
dir=$2
command -v xdotool >/dev/null || exit 77
rm -rf "$dir" && mkdir -p "$dir" || exit 1
export HEARTH_TEST_CHEAP_KDF=1 XDG_DATA_HOME="$dir/data"
pass="a long walk by the river"
fail() { echo "FAIL: $*" >&2; kill "$pid" 2>/dev/null; exit 1; }
"$hearth" --demo --export-json "$dir/demo.json" >/dev/null || fail "demo export"
"$hearth" --db "$dir/couple.db" --import-json "$dir/demo.json" >/dev/null || fail "import"
printf '%s\n' "$pass" | "$hearth" --db "$dir/couple.db" --encrypt >/dev/null || fail "encrypt"

# Starts Hearth, waits for its window (id in $win), unlocks it.
# A display that refuses a connection once (seen once on CI) gets one more try.
start_and_unlock() {
  "$hearth" --db "$dir/couple.db" >"$dir/out.txt" 2>&1 &
  pid=$!
  i=0
  sleep 0.5
  if ! kill -0 "$pid" 2>/dev/null && grep -q "Failed to open display" "$dir/out.txt"; then
    echo "the display refused Hearth once; trying again: $(cat "$dir/out.txt")" >&2
    sleep 2
    "$hearth" --db "$dir/couple.db" >"$dir/out.txt" 2>&1 &
    pid=$!
  fi
  until win=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -n 1) && [ -n "$win" ]; do
    i=$((i + 1)); [ $i -lt 300 ] || fail "no window after 30 s: $(cat "$dir/out.txt"); the display: $(xdotool getdisplaygeometry 2>&1)"
    kill -0 "$pid" 2>/dev/null || fail "Hearth ended before its window showed: $(cat "$dir/out.txt"); the display: $(xdotool getdisplaygeometry 2>&1)"
    sleep 0.1
  done
  sleep 1
  xdotool type --window "$win" --delay 30 "$pass"
  xdotool key --window "$win" Return
  sleep 3  # the test KDF unlocks at once; the frames after it apply the couple's settings
}
size() { xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: \([0-9]*x[0-9]*\).*/\1/p'; }

start_and_unlock
xdotool windowsize "$win" 1000 640
sleep 2
[ "$(size)" = 1000x640 ] || fail "the window is $(size) after resizing to 1000x640"
kill "$pid"; wait "$pid" 2>/dev/null

start_and_unlock
i=0
until [ "$(size)" = 1000x640 ]; do
  i=$((i + 1)); [ $i -lt 50 ] || fail "after unlocking the window is $(size), not the remembered 1000x640"; sleep 0.1
done
kill "$pid"; wait "$pid" 2>/dev/null
echo "size after unlock: ok"
