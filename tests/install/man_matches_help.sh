#!/bin/sh
# The man page documents exactly the options and panels `hearth --help` lists.
#   man_matches_help.sh HEARTH MAN_PAGE
set -eu
hearth=$1 man=$2
help=$("$hearth" --help)
opts_help=$(echo "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
opts_man=$(sed 's/\\-/-/g' "$man" | grep -o -- '--[a-z][a-z-]*' | sort -u)
if [ "$opts_help" != "$opts_man" ]; then
  echo "options differ (< --help, > man page):"
  echo "--help:"; echo "$opts_help"; echo "man page:"; echo "$opts_man"
  exit 1
fi
panels_help=$(echo "$help" | sed -n '/^Panels:/,/^$/p' | awk 'NF {print $1}' | grep -v Panels: | sort)
panels_man=$(sed -n '/^\.SH PANELS/,/^\.SH EXIT/p' "$man" | awk '/^\.B / {print $2}' | sort)
[ "$panels_help" = "$panels_man" ] || { echo "panels differ: --help: $panels_help; man: $panels_man"; exit 1; }
echo "the man page lists the $(echo "$opts_help" | wc -l) options and $(echo "$panels_help" | wc -l) panels of --help"
