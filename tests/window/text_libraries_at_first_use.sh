#!/bin/sh
# FreeType, HarfBuzz and fontconfig are opened when a glyph is first drawn on
# demand, not at start (ui/text/text_libraries.h, issue 15): a window showing
# only what the font atlas holds has none of them mapped; one showing an emoji
# has all three. Linux only (reads /proc/PID/maps); skips elsewhere.
# Usage (under xvfb-run): text_libraries_at_first_use.sh HEARTH SET_DRAFT WORKDIR
set -u
hearth=$1
set_draft=$2
dir=$3
[ -r /proc/self/maps ] || exit 77
command -v xdotool >/dev/null || exit 77
rm -rf "$dir" && mkdir -p "$dir" || exit 1
fail() { echo "FAIL: $*" >&2; kill "$pid" 2>/dev/null; exit 1; }
"$hearth" --demo --export-json "$dir/demo.json" >/dev/null || fail "demo export"
"$hearth" --db "$dir/couple.db" --import-json "$dir/demo.json" >/dev/null || fail "import"
libraries="libfreetype libharfbuzz libfontconfig"

# Starts Hearth with "$@", waits for its window, then `settle` seconds.
start() {
  "$hearth" --db "$dir/couple.db" "$@" >"$dir/out.txt" 2>&1 &
  pid=$!
  i=0
  until xdotool search --pid "$pid" --onlyvisible >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 300 ] || fail "no window after 30 s: $(cat "$dir/out.txt")"; sleep 0.1
  done
}

# Latin text only (the demo couple's dashboard): none is mapped.
start --panel dashboard
sleep 2
for lib in $libraries; do
  grep -q "$lib" /proc/$pid/maps && fail "$lib is mapped though the dashboard shows no glyph on demand"
done
kill "$pid"; wait "$pid" 2>/dev/null

# An appreciation being written with an emoji: all three, within 30 s.
"$set_draft" "$dir/couple.db" gratitude "Thank you $(printf '\360\237\214\273')" || fail "set draft"
start --panel gratitude
for lib in $libraries; do
  i=0
  until grep -q "$lib" /proc/$pid/maps; do
    i=$((i + 1)); [ $i -lt 300 ] || fail "$lib is not mapped though an emoji is on screen"; sleep 0.1
  done
done
kill "$pid"; wait "$pid" 2>/dev/null
echo "text libraries at first use: ok"
