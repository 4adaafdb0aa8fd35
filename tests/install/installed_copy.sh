#!/bin/sh
# An installed Hearth runs wherever its prefix ends up, without the checkout:
# `cmake --install` into a temporary prefix, the prefix moved elsewhere, run
# from another folder; its assets must be the prefix's own share/hearth.
# The copy lives in a temporary folder outside the checkout and the build.
#   installed_copy.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 source=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/hearth-installed.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/staged" >/dev/null
mv "$work/staged" "$work/moved"
prefix=$work/moved
unset HEARTH_ASSETS
export XDG_DATA_HOME="$work/data"
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

test -x "$prefix/bin/hearth" || fail "no bin/hearth in the prefix"
test -f "$prefix/share/hearth/gratitude_categories.json" || fail "no assets under share/hearth"

# Every exercise listed comes from the prefix, none from the source tree.
"$prefix/bin/hearth" --list-exercises > list.txt || fail "--list-exercises failed: $(cat list.txt)"
grep -q "^ok .*$prefix/share/hearth/exercises/reflect-and-clarify.json" list.txt ||
  fail "reflect-and-clarify not listed from the prefix: $(cat list.txt)"
grep -q "$source/assets" list.txt && fail "an exercise was read from the source tree: $(cat list.txt)"
test "$(grep -c '^ok ' list.txt)" -eq "$(ls "$prefix/share/hearth/exercises" | wc -l)" ||
  fail "not every installed exercise is listed: $(cat list.txt)"

# The demo couple, with their categories and cards, from the installed assets.
"$prefix/bin/hearth" --demo --export-json demo.json > export.txt || fail "--demo --export-json failed: $(cat export.txt)"
# (the appreciations are the shipped demo/appreciations.json, the category the
# shipped gratitude_categories.json)
grep -q '"gratitude": *\[' demo.json || fail "the backup holds no appreciations"
grep -q 'warming up the car before my early shift' demo.json || fail "the backup lacks the demo couple's appreciations"
grep -q '"label": *"Acts of care"' demo.json || fail "the backup lacks the shipped categories"

# Without its share/hearth the copy finds nothing: it never falls back to the
# checkout it was built from.
mv "$prefix/share/hearth" "$prefix/share/hearth.away"
if "$prefix/bin/hearth" --list-exercises > without.txt 2>&1 && grep -q '^ok ' without.txt; then
  fail "with share/hearth gone the copy still found exercises: $(cat without.txt)"
fi
mv "$prefix/share/hearth.away" "$prefix/share/hearth"
echo "installed copy in $prefix runs on its own assets"
