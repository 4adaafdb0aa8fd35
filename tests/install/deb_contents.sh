#!/bin/sh
# CPack builds the .deb from the build tree; it holds the binary, the assets,
# the desktop entry, the metainfo, the icons and the man page, and its Depends
# come from the libraries the binary links (dpkg-shlibdeps) plus the fonts.
#   deb_contents.sh BUILD_DIR WORK_DIR        (exit 77: dpkg-dev or file missing)
set -eu
build=$1 work=$2
for tool in cpack dpkg-deb dpkg-shlibdeps file; do
  command -v $tool >/dev/null || { echo "skipped: $tool is not installed (scripts/install-deps.sh --package)"; exit 77; }
done
rm -rf "$work"
mkdir -p "$work"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/hearth_*.deb)
dpkg-deb -c "$deb" | awk '{print $NF}' > "$work/contents.txt"
fail() { echo "FAIL: $*" >&2; cat "$work/contents.txt" >&2; exit 1; }
for f in ./usr/bin/hearth \
         ./usr/share/hearth/gratitude_categories.json \
         ./usr/share/hearth/exercises/reflect-and-clarify.json \
         ./usr/share/hearth/decks/closeness.json \
         ./usr/share/hearth/demo/couple.json \
         ./usr/share/applications/io.github.hearth.Hearth.desktop \
         ./usr/share/metainfo/io.github.hearth.Hearth.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.hearth.Hearth.svg \
         ./usr/share/icons/hicolor/48x48/apps/io.github.hearth.Hearth.png \
         ./usr/share/icons/hicolor/64x64/apps/io.github.hearth.Hearth.png \
         ./usr/share/icons/hicolor/128x128/apps/io.github.hearth.Hearth.png \
         ./usr/share/icons/hicolor/256x256/apps/io.github.hearth.Hearth.png \
         ./usr/share/man/man1/hearth.1; do
  grep -qx "$f" "$work/contents.txt" || fail "$f is not in $deb"
done
depends=$(dpkg-deb -f "$deb" Depends)
for d in libc6 libglfw3 libsqlite3-0 libfreetype6 libharfbuzz0b libfontconfig1 fonts-dejavu-core fonts-noto-color-emoji; do
  echo "$depends" | grep -q "$d" || fail "Depends lacks $d: $depends"
done
echo "$deb: $(wc -l < "$work/contents.txt") entries; Depends: $depends"
