#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages Corroborate needs to build,
# run and test.  Only what is missing is installed; nothing when all is there.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libgtk-4-dev libadwaita-1-dev
  # tests: headless display, D-Bus, validators, JSON Schema, YAML (dataset cards), jq
  xvfb xauth dbus python3 python3-jsonschema python3-yaml jq
  desktop-file-utils appstream flatpak-builder shared-mime-info xdotool
  # tests: a corpus cut in chunks (corroborate-cli extract -)
  parallel
  # fuzzing (build-aux/fuzz): clang, its sanitizer and libFuzzer runtimes,
  # llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "build-aux: installing ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
