#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Hearth needs to build, run and test.
# Safe to run again: it installs only what is missing. Uses sudo when not root.
#   --test     also what the test suite uses (Xvfb, xdotool, validators, dpkg-dev)
#   --package  also what building the .deb needs (scripts/package.sh)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libsqlite3-dev nlohmann-json3-dev catch2
  fonts-dejavu-core tzdata
  # Colour emoji and other scripts drawn on demand (README: "Dependencies for text").
  libfreetype-dev libharfbuzz-dev libfontconfig-dev fonts-noto-color-emoji
  # Encryption at rest and passphrase-sealed backups (README: libsodium).
  libsodium-dev
)
for arg in "$@"; do
  case "$arg" in
    --test)
      # The real window under Xvfb, driven by the X mouse and keyboard, read back with sqlite3;
      # the desktop entry and the AppStream metainfo validated; the .deb built and listed.
      packages+=(xvfb xauth xdotool sqlite3 desktop-file-utils appstream dpkg-dev file) ;;
    --package)
      # scripts/package.sh: CPack's DEB generator reads Depends with dpkg-shlibdeps (dpkg-dev, file).
      packages+=(dpkg-dev file) ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
