#!/bin/sh
# Issue 10, fault 1, in the real window: the disk fills while an appreciation is
# typed. Hearth keeps running, shows the problem, keeps the text; once there is
# room again, Enter saves it. Run under xvfb-run, as root (mounts an 8 MB tmpfs;
# exits 77, "skipped", when it cannot).
# usage: full_disk.sh HEARTH PNG_DIFFERS WORKDIR
set -u
hearth=$1 differs=$2 work=$3
mnt=$work/disk
db=$mnt/hearth.db
text="Thank you for the soup when I was ill"
pid=""

fail() { echo "FAILED: $*"; exit 1; }
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    umount "$mnt" 2>/dev/null
}
trap cleanup EXIT

mkdir -p "$mnt" "$work/home"
umount "$mnt" 2>/dev/null
if ! mount -t tmpfs -o size=8M tmpfs "$mnt" 2>/dev/null; then
    echo "cannot mount a tmpfs here: skipped"
    exit 77
fi
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"

"$hearth" --demo --export-json "$work/demo.json" >/dev/null || fail "demo export"
"$hearth" --db "$db" --import-json "$work/demo.json" >/dev/null || fail "import into the tmpfs"

snapshot() {  # the window writes $work/shot.png at its next frame
    rm -f "$work/shot.png"
    kill -USR1 "$pid"
    for i in 1 2 3 4 5 6 7 8 9 10; do
        xdotool mousemove 3 $((3 + i)) 2>/dev/null
        sleep 0.3
        [ -s "$work/shot.png" ] && { mv "$work/shot.png" "$1"; return 0; }
    done
    fail "no snapshot $1"
}

HEARTH_TEST_SNAPSHOT="$work/shot.png" "$hearth" --db "$db" --panel gratitude 2>"$work/stderr.txt" &
pid=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^Hearth$' | head -1)
[ -n "$wid" ] || fail "the window did not appear"
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
sleep 0.5
snapshot "$work/before.png"

# Fill the disk to the last byte.
dd if=/dev/zero of="$mnt/fill" bs=4096 2>/dev/null
xdotool type --delay 30 "$text"
sleep 0.5
xdotool key Return
sleep 3
kill -0 "$pid" 2>/dev/null || { cat "$work/stderr.txt"; fail "Hearth exited on the full disk"; }
snapshot "$work/full.png"
# The bar along the bottom of the window shows the problem.
"$differs" "$work/before.png" "$work/full.png" 0.85 1.0 3000 || fail "no message along the bottom of the window"
[ "$(sqlite3 "$db" "SELECT count(*) FROM gratitude WHERE text = '$text'")" = 0 ] || fail "saved on a full disk?"

# Room again: Enter in the box (which has the keys back) saves it.
rm -f "$mnt/fill"
xdotool key Return
# A loaded machine may take a while to draw the frames after the key.
for i in 1 2 3 4 5 6 7 8 9 10; do
    sleep 1
    kill -0 "$pid" 2>/dev/null || fail "Hearth exited"
    n=$(sqlite3 "$db" "SELECT count(*) FROM gratitude WHERE text = '$text'")
    [ "$n" = 1 ] && break
done
[ "$n" = 1 ] || { cat "$work/stderr.txt"; fail "the appreciation was not saved after freeing space ($n rows)"; }
echo "ok: Hearth kept running on the full disk, showed the problem, and saved once there was room"
exit 0
