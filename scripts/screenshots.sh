#!/bin/sh
# Every panel at every window size, text size and theme, as PNGs in OUTDIR
# (default /tmp/hearth-shots): to look at after a layout change.
# Usage: scripts/screenshots.sh [HEARTH] [OUTDIR] [SIZES]   (run under xvfb-run)
set -u
hearth=${1:-build/dev/app/hearth}
out=${2:-/tmp/hearth-shots}
sizes=${3:-"640x480 800x600 1280x800 1920x1080"}
mkdir -p "$out"
for size in $sizes; do
  for text in 13 28; do
    for theme in light dark; do
      for panel in dashboard gratitude planner breaks listening talk review settings; do
        f="$out/$panel-$size-$text-$theme.png"
        "$hearth" --demo --screenshot "$f" --panel "$panel" --size "$size" --text-size "$text" --theme "$theme" \
          || echo "failed: $f"
      done
    done
  done
done
