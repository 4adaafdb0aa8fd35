#!/bin/sh
# The real window under Xvfb, driven by a real (X) mouse with xdotool: press,
# move over several events, release; then the result is read from the database
# with sqlite3. Issue 11, items 1 and 2: the sliders keep what the mouse set,
# and a plan dragged in the week view lands on the day it is let go on.
#
# Usage (run inside xvfb-run): mouse_test.sh HEARTH FIXTURE_TOOL WORKDIR CASE
#   CASE: sliders | drag-1600 | drag-1180 | first-run-keys
# The coordinates are those of the default text size and light theme at the
# window sizes used (the fixture sets the window size).
set -u
hearth=$1 fixture=$2 work=$3 case=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1

# Saturday and Sunday of this week; a move to a past day is refused, so at
# the weekend the drag cases have nothing to prove.
weekday=$(date +%u)

start() {  # WIDTH HEIGHT PANEL
    days=$("$fixture" a.db "$1" "$2") || { echo "fixture failed"; exit 1; }
    set -- $days "$3"
    saturday=$1 sunday=$2
    "$hearth" --db a.db --panel "$3" &
    pid=$!
    win=$(xdotool search --sync --onlyvisible --name Hearth | head -n 1)
    [ -n "$win" ] || { echo "no window"; kill $pid; exit 1; }
    sleep 1
}

# Press at (x1,y1), move to (x2,y2) in steps as a hand does, release there.
drag() {
    xdotool mousemove --window "$win" "$1" "$2"; sleep 0.2
    xdotool mousedown 1; sleep 0.2
    i=1
    while [ $i -le 10 ]; do
        xdotool mousemove --window "$win" $(( $1 + ($3 - $1) * i / 10 )) $(( $2 + ($4 - $2) * i / 10 ))
        sleep 0.05
        i=$((i + 1))
    done
    sleep 0.2
    xdotool mouseup 1; sleep 0.5
}

click() {
    xdotool mousemove --window "$win" "$1" "$2"; sleep 0.2
    xdotool click 1; sleep 0.5
}

finish() {
    kill "$pid"; wait "$pid" 2>/dev/null
}

fail=0
check() {  # WHAT GOT WANTED
    if [ "$2" = "$3" ]; then echo "ok: $1 = $2"; else echo "FAILED: $1 = '$2', wanted '$3'"; fail=1; fi
}

case $case in
sliders)
    start 1180 760 settings
    drag 422 366 150 366          # Shortest break, from its grab to past its left end
    click 430 283                 # Text size, at its right end
    finish
    check "Shortest break" "$(sqlite3 a.db "select value from setting where key = 'breaks.floor_minutes'")" 10
    check "Text size" "$(sqlite3 a.db.device "select value from device_value where key = 'ui.text_size'")" 28
    ;;
first-run-keys)
    # No couple yet: the welcome screen, by the keyboard alone. Tab goes from
    # the first name to its colours, Right twice picks the third, Tab goes to
    # the second name, Enter starts.
    "$hearth" --db a.db &
    pid=$!
    win=$(xdotool search --sync --onlyvisible --name Hearth | head -n 1)
    sleep 1
    xdotool type --delay 50 "Maya"; sleep 0.3
    xdotool key Tab; sleep 0.3
    xdotool key Right; sleep 0.3
    xdotool key Right; sleep 0.3
    xdotool key Tab; sleep 0.3
    xdotool type --delay 50 "Sam"; sleep 0.3
    xdotool key Return; sleep 1
    finish
    check "first partner" "$(sqlite3 a.db "select name || ' ' || color from partner order by slot limit 1")" "Maya #409268"
    check "second partner" "$(sqlite3 a.db "select name || ' ' || color from partner order by slot limit 1 offset 1")" "Sam #3a7ab4"
    ;;
drag-1600|drag-1180)
    [ "$weekday" -ge 6 ] && { echo "weekend: Saturday is past or today; nothing to prove"; exit 77; }
    if [ "$case" = drag-1600 ]; then
        start 1600 1000 planner
        drag 1468 198 1290 198    # the Sunday chip, straight left to the Saturday column
    else
        start 1180 760 planner
        drag 430 456 700 392      # the Sunday chip, up into the Saturday row
    fi
    finish
    check "moved to" "$(sqlite3 a.db "select day from plan_occurrence where original_day = '$sunday'")" "$saturday"
    ;;
esac
exit $fail
