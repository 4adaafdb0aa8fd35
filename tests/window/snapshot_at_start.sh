#!/bin/sh
# The real window takes the day's snapshot once its first frame is drawn:
# backups/ 0700 beside the database, the snapshot 0600 under umask 022, whole
# (integrity_check, with sqlite3 when installed), holding the couple.
# Usage (under xvfb-run): snapshot_at_start.sh HEARTH WORKDIR
set -u
hearth=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir" || exit 1
umask 022
fail() { echo "FAIL: $*" >&2; exit 1; }
"$hearth" --demo --export-json "$dir/demo.json" >/dev/null || fail "demo export"
"$hearth" --db "$dir/couple.db" --import-json "$dir/demo.json" >/dev/null || fail "import"
"$hearth" --db "$dir/couple.db" --screenshot "$dir/shot.png" --size 800x600 || fail "window"
snap="$dir/backups/couple-$(date +%Y-%m-%d).db"
[ -f "$snap" ] || fail "no snapshot: $(ls -la "$dir" "$dir/backups" 2>&1)"
[ "$(stat -c %a "$dir/backups")" = 700 ] || fail "folder mode $(stat -c %a "$dir/backups")"
[ "$(stat -c %a "$snap")" = 600 ] || fail "snapshot mode $(stat -c %a "$snap")"
ls -a "$dir/backups" | grep -q hearth-tmp && fail "a temporary was left"
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$snap" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
  [ "$(sqlite3 "$snap" 'SELECT count(*) FROM partner')" = 2 ] || fail "the couple is not in the snapshot"
fi
# A second start the same day makes no second one.
"$hearth" --db "$dir/couple.db" --screenshot "$dir/shot2.png" --size 800x600 || fail "window again"
[ "$(ls "$dir/backups" | wc -l)" = 1 ] || fail "more than one snapshot: $(ls "$dir/backups")"
echo "snapshot at start: ok"
