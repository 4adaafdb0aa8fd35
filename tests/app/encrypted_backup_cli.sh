#!/bin/sh
# The command line's encrypted backups through the real binary: the passphrase
# from standard input (never an argument), nothing of the couple's words in the
# file, a wrong passphrase exits 1 naming the file and changes no byte of the
# database, the right one imports. Usage: encrypted_backup_cli.sh HEARTH WORKDIR
set -u
hearth=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

"$hearth" --demo --export-json "$dir/demo.json" >/dev/null || fail "demo export"
# Known text: the first long enough "text" of the demo (words the couple wrote).
name=$(grep -o '"text": "[A-Za-z ,.]\{16,\}"' "$dir/demo.json" | head -1 | sed 's/.*: "//; s/"$//')
[ -n "$name" ] || fail "no text in the demo backup"
"$hearth" --db "$dir/one.db" --import-json "$dir/demo.json" >/dev/null || fail "import the demo"

# A passphrase as an argument is not an option.
"$hearth" --db "$dir/one.db" --export-json "$dir/x.hearth" --encrypt-backup "secret words" >/dev/null 2>&1
[ $? -eq 2 ] || fail "a passphrase argument should be a usage error"

printf 'walking by the river\n' | "$hearth" --db "$dir/one.db" --export-json "$dir/sealed.hearth" --encrypt-backup \
  >/dev/null || fail "encrypted export"
head -c 24 "$dir/sealed.hearth" | grep -q '^hearth-encrypted-backup$' || fail "no magic"
if grep -a -q -F -e "$name" -e gratitude -e hearth-backup "$dir/sealed.hearth"; then fail "readable text in the encrypted backup"; fi
[ "$(stat -c %a "$dir/sealed.hearth")" = 600 ] || fail "the backup is not owner-only"

# A short passphrase is refused and nothing is written.
printf 'short\n' | "$hearth" --db "$dir/one.db" --export-json "$dir/short.hearth" --encrypt-backup >/dev/null 2>"$dir/err"
[ $? -eq 1 ] && grep -q "at least 8" "$dir/err" && [ ! -e "$dir/short.hearth" ] || fail "short passphrase"

# Into an empty database (the first refused import creates it): a wrong passphrase changes nothing.
printf 'not the river either\n' | "$hearth" --db "$dir/two.db" --import-json "$dir/sealed.hearth" >/dev/null 2>&1
[ -f "$dir/two.db" ] || fail "no empty database"
files() { for f in "$dir/two.db" "$dir/two.db-wal"; do [ -f "$f" ] && sha256sum < "$f"; done; }
before=$(files)
printf 'not the river\n' | "$hearth" --db "$dir/two.db" --import-json "$dir/sealed.hearth" >/dev/null 2>"$dir/err"
rc=$?
[ $rc -eq 1 ] || fail "wrong passphrase exit $rc"
grep -q "wrong passphrase or the file was changed" "$dir/err" && grep -q "sealed.hearth" "$dir/err" || fail "message: $(cat "$dir/err")"
[ "$(files)" = "$before" ] || fail "the database changed after a wrong passphrase"
# No passphrase at all (standard input ends): refused too.
"$hearth" --db "$dir/two.db" --import-json "$dir/sealed.hearth" </dev/null >/dev/null 2>&1
[ $? -eq 1 ] || fail "no passphrase should exit 1"

printf 'walking by the river\n' | "$hearth" --db "$dir/two.db" --import-json "$dir/sealed.hearth" >"$dir/out" || fail "right passphrase"
grep -q "new" "$dir/out" || fail "import report: $(cat "$dir/out")"
"$hearth" --db "$dir/two.db" --export-json "$dir/back.json" >/dev/null || fail "export after import"
grep -q -F "$name" "$dir/back.json" || fail "the words did not come back"
echo "encrypted backups on the command line: ok"
