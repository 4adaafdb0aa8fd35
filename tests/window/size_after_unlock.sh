#!/bin/sh
# An encrypted Hearth starts locked, before the couple's settings can be read.
# The unlock screen still comes up in the theme and at the window size they
# last had on this machine (the plain, owner-only <db>.looks, written when
# Hearth closes: here on SIGTERM, which closes it as the close button does),
# and once they unlock, the window keeps that size (the default is not saved
# over it). The real window under Xvfb, typed into with xdotool.
# Usage (under xvfb-run): size_after_unlock.sh HEARTH PNG_CHECK WORKDIR
set -u
hearth=$1
png_check=$2
dir=$3
command -v xdotool >/dev/null || exit 77
command -v sqlite3 >/dev/null || exit 77
rm -rf "$dir" && mkdir -p "$dir" || exit 1
umask 022
export HEARTH_TEST_CHEAP_KDF=1 XDG_DATA_HOME="$dir/data"
pass="a long walk by the river"
pid=""
fail() { echo "FAIL: $*" >&2; [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; exit 1; }
"$hearth" --demo --export-json "$dir/demo.json" >/dev/null || fail "demo export"
"$hearth" --db "$dir/couple.db" --import-json "$dir/demo.json" >/dev/null || fail "import"
# This machine shows Hearth dark (a device setting, set while still plain).
sqlite3 "$dir/couple.db.device" "CREATE TABLE IF NOT EXISTS device_value (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID; INSERT OR REPLACE INTO device_value(key, value) VALUES ('ui.theme', 'dark')" || fail "theme"
printf '%s\n' "$pass" | "$hearth" --db "$dir/couple.db" --encrypt >/dev/null || fail "encrypt"

# Starts Hearth and waits for its window (id in $win). A display that refused
# a connection once (seen once on CI) gets one more try.
start() {
  HEARTH_TEST_SNAPSHOT="$dir/shot.png" "$hearth" --db "$dir/couple.db" >"$dir/out.txt" 2>&1 &
  pid=$!
  sleep 0.5
  if ! kill -0 "$pid" 2>/dev/null && grep -q "Failed to open display" "$dir/out.txt"; then
    echo "the display refused Hearth once; trying again: $(cat "$dir/out.txt")" >&2
    sleep 2
    HEARTH_TEST_SNAPSHOT="$dir/shot.png" "$hearth" --db "$dir/couple.db" >"$dir/out.txt" 2>&1 &
    pid=$!
  fi
  i=0
  until win=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -n 1) && [ -n "$win" ]; do
    i=$((i + 1)); [ $i -lt 300 ] || fail "no window after 30 s: $(cat "$dir/out.txt"); the display: $(xdotool getdisplaygeometry 2>&1)"
    kill -0 "$pid" 2>/dev/null || fail "Hearth ended before its window showed: $(cat "$dir/out.txt"); the display: $(xdotool getdisplaygeometry 2>&1)"
    sleep 0.1
  done
  sleep 1
}
unlock() {
  xdotool type --window "$win" --delay 30 "$pass"
  xdotool key --window "$win" Return
  sleep 3  # the test KDF unlocks at once; the frames after it apply the couple's settings
}
size() { xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: \([0-9]*x[0-9]*\).*/\1/p'; }
snapshot() {  # NAME: what the window shows now
  rm -f "$dir/shot.png"
  kill -USR1 "$pid"
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    sleep 0.3
    [ -s "$dir/shot.png" ] && { mv "$dir/shot.png" "$dir/$1"; return 0; }
  done
  fail "no snapshot $1"
}
# SIGTERM closes Hearth as its close button does: it ends by itself, with 0.
terminate() {
  kill -TERM "$pid"
  i=0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 300 ] || fail "Hearth did not close within 30 s of SIGTERM"; sleep 0.1
  done
  wait "$pid"; rc=$?
  [ $rc = 0 ] || fail "Hearth ended with $rc after SIGTERM: $(cat "$dir/out.txt")"
  pid=""
}

start
unlock
xdotool windowsize "$win" 1000 640
sleep 2
[ "$(size)" = 1000x640 ] || fail "the window is $(size) after resizing to 1000x640"
terminate
looks="$dir/couple.db.looks"
[ -f "$looks" ] || fail "no $looks after closing: $(ls -la "$dir")"
[ "$(stat -c %a "$looks")" = 600 ] || fail "$looks has mode $(stat -c %a "$looks")"
[ "$(sed -n 1p "$looks")" = "theme dark" ] || fail "the looks file says: $(cat "$looks")"
[ "$(sed -n 3p "$looks")" = "window 1000 640" ] || fail "the looks file says: $(cat "$looks")"

start
[ "$(size)" = 1000x640 ] || fail "locked, the window is $(size), not the couple's 1000x640"
snapshot locked.png
"$png_check" "$dir/locked.png" 1000 640 dark || fail "the unlock screen is not in the couple's dark theme"
unlock
i=0
until [ "$(size)" = 1000x640 ]; do
  i=$((i + 1)); [ $i -lt 50 ] || fail "after unlocking the window is $(size), not the remembered 1000x640"; sleep 0.1
done
terminate
echo "looks and size after unlock: ok"
