#!/usr/bin/env bash
# usage: docs/screenshot-verdicts.sh [OUTDIR] — the results table with all five verdicts, for the README.
# Needs Xvfb on $DISPLAY (default :44, 1280x800), xdotool, ImageMagick, curl and target/purgedeck.jar.
# A separate `purgedeck sandbox` on a fixed port lets the script set the shielding race up (docs/fastly-edge.md §9.2)
# and warm the cache through its proxy; the window talks to it as the "Environment" profile.
# One soft purge of five demo pages (docs/fastly-edge.md §9.1) gives one verdict each:
#   shop.northwind.example/category/kitchen   cached, no stale-while-revalidate: refetched at once  -> Fresh
#   shop.northwind.example/products/4711-...  cached, stale-while-revalidate 30 s: served stale      -> Refreshing
#   www.dailycourier.example/news/2025/city-… shielded: the old copy comes back from an unpurged shield -> Old copy still served
#   shop.northwind.example/cart               private, no-store: a pass                              -> Not cached
#   docs.northwind.example/                   the service strips the debug headers                   -> Can't tell
# Refreshing turns Fresh at the next look, 1 s later, or sooner when one of the sandbox's simulated visitors asks for
# the teapot first (then run again): the script takes a burst of captures; keep the one showing all
# five (it copies the third, or PICK=N, to docs/screenshot-verdicts.png; on a busy computer another may be the one).
set -u
out=${1:-/tmp/purgedeck-verdicts}; home=$out/home; port=${PORT:-47311}
export DISPLAY=${DISPLAY:-:44}
cd "$(dirname "$0")/.."
rm -rf "$home"; mkdir -p "$home" "$out"
echo '{"window.x":0.0,"window.y":0.0,"window.width":1280.0,"window.height":800.0,"purge.mode":"URLS","purge.verify":true,"purge.resultsSplit":0.48}' \
    > "$home/preferences.json"
echo '{"version":1,"theme":"light","defaultSoft":true}' > "$home/settings.json"
java -jar target/purgedeck.jar sandbox --port "$port" > "$out/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/_sandbox/services" && break; sleep 0.2; done
pages="http://shop.northwind.example/category/kitchen http://shop.northwind.example/products/4711-ceramic-teapot
http://www.dailycourier.example/news/2025/city-council-approves-budget http://shop.northwind.example/cart http://docs.northwind.example/"
for p in $pages; do curl -s -o /dev/null -x "http://127.0.0.1:$port" -H 'Fastly-Debug: 1' "$p"; done
FASTLY_API_TOKEN=sbxGlobalDemoToken00000000000001 FASTLY_API_ENDPOINT="http://127.0.0.1:$port" PURGEDECK_HOME=$home \
    java -jar target/purgedeck.jar > "$out/app.log" 2>&1 &
app=$!
xdotool search --sync --name PurgeDeck >/dev/null; sleep "${WAIT:-8}"   # longer on a busy computer (WAIT=30)
xdotool mousemove 640 300 click 1; sleep 0.3
for p in $pages; do xdotool type --delay 2 "${p/http:/https:}"; xdotool key Return; done
sleep 3   # the copies must be older than the purge by more than the 1 s of slack the verdicts allow
# Seed 3 and up to 2 s: the shield is purged after the edge, which refetches the old copy from it (§2).
curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"seed":3,"max_propagation_delay_ms":2000}' \
    "http://127.0.0.1:$port/_sandbox/edge"
xdotool key ctrl+Return
# One after another, as fast as import goes: Refreshing shows for about a second.
for i in $(seq 10); do import -window root "$out/verdicts-$i.png"; done
cp "$out/verdicts-${PICK:-3}.png" docs/screenshot-verdicts.png
kill "$app" "$sandbox"

