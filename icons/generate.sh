#!/usr/bin/env bash
# Regenerates every PurgeDeck icon from the one drawing, icons/purgedeck.svg:
#   icons/purgedeck-{16,24,32,48,64,128,256,512,1024}.png   (rsvg-convert, Debian package librsvg2-bin)
#   icons/purgedeck.ico    Windows: 16-256 px in one file  (icotool, icoutils)
#   icons/purgedeck.icns   macOS: 16-1024 px in one file   (png2icns, icnsutils)
#   src/main/resources/dev/purgedeck/ui/icons/purgedeck-{16..256}.png   the window icons the app loads at run time
# The generated files are committed; run this after editing the SVG. Missing tools are installed with apt-get.
set -euo pipefail

cd "$(dirname "$0")/.."
SVG=icons/purgedeck.svg
SIZES=(16 24 32 48 64 128 256 512 1024)
ICO_SIZES=(16 24 32 48 64 128 256)          # the .ico format stops at 256
ICNS_SIZES=(16 32 48 128 256 512 1024)      # the sizes png2icns has icns types for
WINDOW_SIZES=(16 24 32 48 64 128 256)       # JavaFX picks the closest from Stage.getIcons()
RESOURCES=src/main/resources/dev/purgedeck/ui/icons

need() { # need COMMAND DEBIAN-PACKAGE: install the package when the command is missing
    command -v "$1" >/dev/null 2>&1 && return 0
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "icons: installing $2 (for $1)" >&2
    $sudo apt-get install -y -q "$2" >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null; }
    command -v "$1" >/dev/null 2>&1 || { echo "icons: $1 is still missing (apt package $2)" >&2; exit 1; }
}
need rsvg-convert librsvg2-bin
need icotool icoutils
need png2icns icnsutils

for s in "${SIZES[@]}"; do
    rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio "$SVG" --output "icons/purgedeck-$s.png"
done

ico_args=()
for s in "${ICO_SIZES[@]}"; do
    if [ "$s" -ge 256 ]; then ico_args+=("--raw=icons/purgedeck-$s.png")  # PNG-compressed entry, as Windows expects at 256
    else ico_args+=("icons/purgedeck-$s.png"); fi
done
icotool --create --output icons/purgedeck.ico "${ico_args[@]}"

icns_args=()
for s in "${ICNS_SIZES[@]}"; do icns_args+=("icons/purgedeck-$s.png"); done
png2icns icons/purgedeck.icns "${icns_args[@]}" >/dev/null

mkdir -p "$RESOURCES"
for s in "${WINDOW_SIZES[@]}"; do cp "icons/purgedeck-$s.png" "$RESOURCES/purgedeck-$s.png"; done

echo "icons: regenerated from $SVG:"
ls -l icons/*.png icons/*.ico icons/*.icns "$RESOURCES"/*.png | awk '{printf "  %8d  %s\n", $5, $NF}'
