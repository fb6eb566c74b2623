#!/usr/bin/env bash
# usage: docs/take-screenshots.sh [light|dark] [OUTDIR] — needs Xvfb on $DISPLAY (default :42), xdotool, ImageMagick and
# target/purgedeck.jar; drives the real app through URL, key and purge-everything mode and captures each step.
theme=${1:-light}; out=${2:-/tmp/purgedeck-tour}; home=$out/home-$theme
export DISPLAY=${DISPLAY:-:42}
[ -f "$out/app.pid" ] && kill "$(cat "$out/app.pid")" 2>/dev/null; sleep 0.5
rm -rf $home; mkdir -p $home $out
echo "{\"window.x\":0.0,\"window.y\":0.0,\"window.width\":1280.0,\"window.height\":800.0}" > $home/preferences.json
echo "{\"version\":1,\"theme\":\"$theme\"}" > $home/settings.json
cd "$(dirname "$0")/.."
PURGEDECK_HOME=$home java -jar ${PURGEDECK_JAR:-target/purgedeck.jar} > "$out/app-$theme.log" 2>&1 &
echo $! > "$out/app.pid"
xdotool search --sync --name PurgeDeck >/dev/null; sleep 5   # the window opens first, the console a moment later
line() { xdotool type --delay 2 "$1"; xdotool key Return; }
xdotool mousemove 570 230 click 1; sleep 0.2
line "https://www.dailycourier.example/"
line "https://www.dailycourier.example/news/2025/city-council-approves-budget"
line "ftp://files.dailycourier.example/archive.zip"
line "https://www.dailycourier.example/"
xdotool type --delay 2 "www.dailycourier.example/weather?city=leeds"
xdotool key ctrl+Return; sleep 2; import -window root $out/url-$theme.png
xdotool key ctrl+2; sleep 0.5
xdotool type --delay 2 "article-4711 section-sport weather-leeds article-4711 caf"; xdotool key eacute; xdotool type --delay 2 -- "-menu "
xdotool type --delay 2 "author-jane-doe "
sleep 0.3; import -window root $out/keys-input-$theme.png
xdotool key ctrl+Return; sleep 2; import -window root $out/keys-$theme.png
xdotool key ctrl+3; sleep 0.5; import -window root $out/all-$theme.png
xdotool key ctrl+Return; sleep 1; xdotool type --delay 5 "Daily Cour"; sleep 0.3; import -window root $out/all-dialog-$theme.png
xdotool type --delay 5 "ier - www"; sleep 0.3; import -window root $out/all-dialog-ok-$theme.png
xdotool key Return; sleep 2; import -window root $out/all-done-$theme.png
kill "$(cat "$out/app.pid")"
