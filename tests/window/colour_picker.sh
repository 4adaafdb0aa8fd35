#!/bin/sh
# Issue 11, item 4, in the real window: a popup opened by a click (the
# Settings colour swatch opens the colour picker) is drawn at once, with no
# further input: the mouse stays where it clicked. The window's own snapshot
# (HEARTH_TEST_SNAPSHOT + SIGUSR1) is what it shows, without drawing a frame.
# Usage (run inside xvfb-run): colour_picker.sh HEARTH FIXTURE_TOOL PNG_DIFFERS WORKDIR
# The coordinates are those of the default text size and light theme at 1180x760.
set -u
hearth=$1 fixture=$2 differs=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }
pid=""
fail() { echo "FAILED: $*"; exit 1; }
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null' EXIT

snapshot() {  # NAME: what the window shows now, without moving the mouse
    rm -f shot.png
    kill -USR1 "$pid"
    for i in 1 2 3 4 5 6 7 8 9 10; do
        sleep 0.3
        [ -s shot.png ] && { mv shot.png "$1"; return 0; }
    done
    fail "no snapshot $1"
}

"$fixture" a.db 1180 760 >/dev/null || fail "fixture"
HEARTH_TEST_SNAPSHOT="$work/shot.png" "$hearth" --db a.db --panel settings &
pid=$!
win=$(timeout 20 xdotool search --sync --onlyvisible --name '^Hearth$' | head -n 1)
[ -n "$win" ] || fail "the window did not appear"
sleep 1
xdotool mousemove --window "$win" 799 88   # Maya's own-colour swatch (the square after the palette)
sleep 1.5                                   # whatever the hover shows has settled
snapshot hover.png
xdotool click 1                             # press and release where it is
sleep 1.5                                   # the loop sleeps again after that
snapshot clicked.png
snapshot clicked-again.png                  # a snapshot draws nothing itself
# The picker opens below the swatch: a large block of the window changes.
"$differs" hover.png clicked.png 0.13 0.6 20000 || fail "the colour picker was not drawn until the mouse moved"
if "$differs" clicked.png clicked-again.png 0 1 1 >/dev/null; then fail "a snapshot changed the window"; fi
echo "ok: the colour picker was drawn after the click, with the mouse still"
exit 0
