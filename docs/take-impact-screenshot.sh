#!/usr/bin/env bash
# usage: docs/take-impact-screenshot.sh [light|dark] [OUT.png] — needs Xvfb on $DISPLAY (default :44, 1280x800), xdotool,
# ImageMagick, curl and target/purgedeck.jar. Opens the Impact panel, limits the demo origins to 40 fetches/s (so the
# purge shows 5xx), purges everything on Daily Courier — www and captures the chart 45 s later.
theme=${1:-light}; out=${2:-/tmp/purgedeck-impact-$theme.png}; home=$(mktemp -d)
export DISPLAY=${DISPLAY:-:44}
echo '{"window.x":0.0,"window.y":0.0,"window.width":1280.0,"window.height":800.0}' > $home/preferences.json
echo "{\"version\":1,\"theme\":\"$theme\"}" > $home/settings.json
cd "$(dirname "$0")/.."
PURGEDECK_HOME=$home java -jar ${PURGEDECK_JAR:-target/purgedeck.jar} > $home/app.log 2>&1 &
pid=$!
# The embedded sandbox's port: the socket this process listens on, once it does.
listening() { python3 - "$pid" <<'PY'
import os, sys
pid = sys.argv[1]
inodes = set()
for f in os.listdir(f"/proc/{pid}/fd"):
    try:
        link = os.readlink(f"/proc/{pid}/fd/{f}")
    except OSError:
        continue  # closed meanwhile
    if link.startswith("socket:"):
        inodes.add(link[8:-1])
for name in ("/proc/net/tcp", "/proc/net/tcp6"):
    for line in open(name).read().splitlines()[1:]:
        p = line.split()
        if p[3] == "0A" and p[9] in inodes:
            print(int(p[1].split(":")[1], 16)); sys.exit()
PY
}
port=; for i in $(seq 1 60); do sleep 2; port=$(listening); [ -n "$port" ] && break; done
sleep 25   # the console loads the services after the sandbox starts; a busy machine takes a while
curl -s -X PUT -d '{"origin_capacity":40}' "http://127.0.0.1:$port/_sandbox/traffic" > /dev/null
xdotool mousemove 899 185 click 1; sleep 4          # the Impact toggle beside the modes
xdotool key ctrl+3; sleep 0.5; xdotool key ctrl+Return; sleep 1.5
xdotool type --delay 5 "Daily Courier - www"; sleep 0.5; xdotool key Return
sleep 45; import -window root "$out"
kill $pid; rm -rf "$home"
