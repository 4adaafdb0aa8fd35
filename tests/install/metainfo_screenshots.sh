#!/bin/sh
# Every screenshot the AppStream metainfo names is in the source tree (its URL
# points at the repository's main branch), and is a PNG.
# usage: metainfo_screenshots.sh <source dir>
set -eu
src=$1
meta="$src/assets/desktop/io.github.hearth.Hearth.metainfo.xml"
found=0
for url in $(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$meta"); do
  path=${url#*/main/}
  if [ ! -f "$src/$path" ]; then echo "the metainfo names $url but $src/$path is missing"; exit 1; fi
  if ! head -c 8 "$src/$path" | od -An -c | grep -q 'P   N   G'; then echo "$src/$path is not a PNG"; exit 1; fi
  found=$((found + 1))
done
[ "$found" -gt 0 ] || { echo "no screenshot in $meta"; exit 1; }
echo "$found screenshots present"
