#!/bin/sh
# Issue 11: input quicker than a frame reaches ImGui (app/input_queue.h). In
# the real window, driven by xdotool with no pause inside a gesture: Ctrl+digit
# as xdotool sends it (Ctrl let go as the digit goes down) switches panels every
# time, quick typing lands whole and in order, six quick clicks on the break form's "+" count six times, and Ctrl+Q quits.
# Usage (run inside xvfb-run): quick_input.sh HEARTH FIXTURE_TOOL WORKDIR
# The coordinates are those of the default text size and light theme at 1180x760.
set -u
hearth=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skipped"; exit 77; }
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null' EXIT
fail=0
check() {  # WHAT GOT WANTED
    if [ "$2" = "$3" ]; then echo "ok: $1 = $2"; else echo "FAILED: $1 = '$2', wanted '$3'"; fail=1; fi
}
panel() { sqlite3 a.db.device "select value from device_value where key = 'ui.last_panel'"; }

"$fixture" a.db 1180 760 >/dev/null || { echo "fixture failed"; exit 1; }
"$hearth" --db a.db --panel gratitude &
pid=$!
win=$(timeout 20 xdotool search --sync --onlyvisible --name '^Hearth$' | head -n 1)
[ -n "$win" ] || { echo "FAILED: the window did not appear"; exit 1; }
sleep 1.5
# Quick typing (xdotool at 1 ms a key) into the appreciation box, with capitals,
# punctuation and two Backspaces: every key lands, in order.
xdotool mousemove --window "$win" 690 118 click 1; sleep 0.4
xdotool type --window "$win" --delay 1 "Thank you, Sam! The soup was perfecx"
xdotool key --window "$win" --delay 1 BackSpace BackSpace
xdotool type --window "$win" --delay 1 "ct."
sleep 1
check "the draft typed quickly" "$(sqlite3 a.db.device "select value from device_value where key = 'draft:gratitude'")" \
    "Thank you, Sam! The soup was perfect."
for step in "3 planner" "4 breaks" "5 listening" "2 gratitude" "6 talk" "1 dashboard" "4 breaks"; do
    set -- $step
    xdotool key --window "$win" "ctrl+$1"
    sleep 0.6
    check "Ctrl+$1" "$(panel)" "$2"
done
# The break form's "+" (5 minutes a click, from 20), clicked six times 20 ms apart.
xdotool mousemove --window "$win" 422 268; sleep 0.3
xdotool click --repeat 6 --delay 20 1; sleep 0.6
xdotool mousemove --window "$win" 312 330 click 1; sleep 0.8   # Start the break, at once after the move
# Ctrl+Q quits as closing the window does: the process ends by itself, with 0.
xdotool key --window "$win" ctrl+q
for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then
    echo "FAILED: Ctrl+Q did not quit"; fail=1
    kill "$pid"; wait "$pid" 2>/dev/null
else
    wait "$pid"; check "exit status after Ctrl+Q" "$?" 0
fi
pid=""
check "break planned (min)" "$(sqlite3 a.db "select planned_ms / 60000 from conflict_break")" 50
exit $fail
