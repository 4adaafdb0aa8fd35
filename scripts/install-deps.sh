#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Hearth needs to build, run and test.
# Safe to run again: it installs only what is missing. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libsqlite3-dev nlohmann-json3-dev catch2
  fonts-dejavu-core tzdata
  # Colour emoji and other scripts drawn on demand (README: "Dependencies for text").
  libfreetype-dev libharfbuzz-dev libfontconfig-dev fonts-noto-color-emoji
  # Passphrase-encrypted backups (Argon2id, secretstream).
  libsodium-dev
)
if [[ "${1:-}" == "--test" ]]; then
  # The real window under Xvfb, driven by the X mouse and keyboard, read back with sqlite3.
  packages+=(xvfb xauth xdotool sqlite3)
fi

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
