#!/usr/bin/env bash
# CI check of the packaged app: builds the Linux app-image with installer/build.sh (after `mvn -B -q package
# -DskipTests` when target/purgedeck.jar is missing) and runs its launcher headless:
#   - the image has the launcher, the icon, the trimmed runtime with JavaFX's natives, and no JavaFX jar on the
#     class path;
#   - `PurgeDeck --version` prints the version from pom.xml;
#   - the launcher is build.sh's shell script, and the class-data-sharing archive it names is in use;
#   - `PurgeDeck sandbox --port 0` starts, answers a URL purge with "status": "ok", and stops when told to.
# Prints `installer-check: N passed, M failed` last and exits non-zero if anything failed.
set -euo pipefail

cd "$(dirname "$0")/.."
IMAGE=target/installer/PurgeDeck
LAUNCHER=$IMAGE/bin/PurgeDeck
START=$(date +%s)

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "  ok    $1"; }
fail() { FAILED=$((FAILED + 1)); echo "  FAIL  $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/        /'; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1; shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
finish() {
    echo "installer-check: $PASSED passed, $FAILED failed ($(( $(date +%s) - START )) s)"
    [ "$FAILED" -eq 0 ]
}

need() { # need COMMAND DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "installer-check: installing $2 (for $1)" >&2
    $sudo apt-get install -y -q "$2" >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null; }
    command -v "$1" >/dev/null 2>&1 || { echo "installer-check: $1 is missing (package $2)" >&2; exit 1; }
}
need curl curl

VERSION=$(sed '/<parent>/,/<\/parent>/d' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)

# ---- build -----------------------------------------------------------------------------------------------------
WORK=$(mktemp -d)
SBX_PID=
cleanup() {
    if [ -n "$SBX_PID" ] && kill -0 "$SBX_PID" 2>/dev/null; then kill -9 "$SBX_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== installer-check: app-image of PurgeDeck $VERSION"
if [ ! -f target/purgedeck.jar ] || [ ! -d target/lib ]; then
    mvn -B -q -Dstyle.color=never package -DskipTests
fi
if bash installer/build.sh app-image --no-maven >"$WORK/build.log" 2>&1; then
    pass "installer/build.sh app-image ($(du -sh "$IMAGE" | cut -f1))"
else
    fail "installer/build.sh app-image" "$(tail -30 "$WORK/build.log")"
    finish; exit 1
fi

# ---- the image -----------------------------------------------------------------------------------------------------
check "launcher bin/PurgeDeck is executable" test -x "$LAUNCHER"
check "icon lib/PurgeDeck.png is the PurgeDeck icon" cmp -s "$IMAGE/lib/PurgeDeck.png" icons/purgedeck-256.png
if "${JAVA_HOME:+$JAVA_HOME/bin/}jar" tf "$IMAGE/lib/app/purgedeck.jar" | grep -q '^dev/purgedeck/ui/icons/purgedeck-16.png$'; then
    pass "window icons dev/purgedeck/ui/icons/purgedeck-*.png are in the jar"
else fail "window icons dev/purgedeck/ui/icons/purgedeck-*.png are in the jar"; fi
check "runtime has JavaFX's natives unpacked (libglassgtk3.so, libprism_es2.so)" \
    test -f "$IMAGE/lib/runtime/lib/libglassgtk3.so" -a -f "$IMAGE/lib/runtime/lib/libprism_es2.so"
MODULES=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$IMAGE/lib/runtime/release")
missing=
for m in javafx.controls javafx.graphics java.desktop java.logging java.management java.naming java.net.http \
    java.security.jgss java.sql jdk.httpserver jdk.crypto.ec; do
    case " $MODULES " in *" $m "*) ;; *) missing="$missing $m" ;; esac
done
if [ -z "$missing" ]; then pass "runtime modules ($(echo "$MODULES" | wc -w) in all) include javafx.controls ... jdk.crypto.ec"
else fail "runtime lacks:$missing" "$MODULES"; fi
if grep -q '^app.classpath=.*/javafx-' "$IMAGE/lib/app/PurgeDeck.cfg" || compgen -G "$IMAGE/lib/app/lib/javafx-*" >/dev/null; then
    fail "no JavaFX jar on the class path" "$(grep -n '^app.classpath=.*/javafx-' "$IMAGE/lib/app/PurgeDeck.cfg")"
else
    pass "no JavaFX jar on the class path (JavaFX runs from the runtime's modules)"
fi

# ---- --version -------------------------------------------------------------------------------------------------
out=$(timeout 60 "$LAUNCHER" --version 2>&1) || true
if [ "$out" = "PurgeDeck $VERSION" ]; then pass "PurgeDeck --version prints \"PurgeDeck $VERSION\""
else fail "PurgeDeck --version prints \"PurgeDeck $VERSION\"" "got: $out"; fi

# ---- start-up ----------------------------------------------------------------------------------------------------
# The launcher is the script that replaces jpackage's (no rpm/dpkg queries at every start), and the class-data-sharing
# archive made for this image is in use: with -Xshare:on the JVM refuses to start unless it can map it.
if [ "$(head -1 "$LAUNCHER")" = '#!/bin/sh' ] && ! grep -v '^#' "$LAUNCHER" | grep -q 'dpkg\|rpm'; then
    pass "bin/PurgeDeck is the shell launcher (no package-manager queries at start)"
else fail "bin/PurgeDeck is the shell launcher (no package-manager queries at start)" "$(head -3 "$LAUNCHER")"; fi
out=$(PURGEDECK_JAVA_OPTIONS=-Xshare:on timeout 60 "$LAUNCHER" --version 2>&1) || true
if [ -f "$IMAGE/lib/app/purgedeck.jsa" ] && [ "$out" = "PurgeDeck $VERSION" ]; then
    pass "the class-data-sharing archive lib/app/purgedeck.jsa is used (-Xshare:on starts)"
else fail "the class-data-sharing archive lib/app/purgedeck.jsa is used (-Xshare:on starts)" "$out"; fi

# ---- sandbox ---------------------------------------------------------------------------------------------------
PURGEDECK_HOME=$WORK/home "$LAUNCHER" sandbox --port 0 >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SBX_PID=$!
. installer/sandbox-started.sh
BASE=
if sandbox_started "$SBX_PID" "$WORK/sandbox.out"; then
    BASE=$SANDBOX_URL
    TOKEN=$SANDBOX_TOKEN
    pass "PurgeDeck sandbox --port 0 starts ($BASE)"
    body=$(curl -s -m 10 -X POST "$BASE/purge/www.example.com/x" -H "Fastly-Key: $TOKEN" || true)
    if printf '%s' "$body" | grep -Eq '"status" *: *"ok"'; then pass "POST /purge/www.example.com/x answers \"status\": \"ok\""
    else fail "POST /purge/www.example.com/x answers \"status\": \"ok\"" "got: $body"; fi
    body=$(curl -s -m 10 "$BASE/service" -H "Fastly-Key: $TOKEN" || true)
    if printf '%s' "$body" | grep -q '"Daily Courier'; then pass "GET /service lists the demo services"
    else fail "GET /service lists the demo services" "got: ${body:0:300}"; fi
else
    fail "PurgeDeck sandbox --port 0 starts" "$(cat "$WORK/sandbox.out" "$WORK/sandbox.err")"
fi

kill "$SBX_PID" 2>/dev/null || true
stopped=
for _ in $(seq 1 100); do kill -0 "$SBX_PID" 2>/dev/null || { stopped=1; break; }; sleep 0.1; done
if [ -n "$stopped" ]; then
    wait "$SBX_PID" 2>/dev/null || true
    SBX_PID=
    if [ -z "$BASE" ] || ! curl -s -m 2 -o /dev/null "$BASE/service"; then pass "the sandbox stops on SIGTERM and its port closes"
    else fail "the sandbox stops on SIGTERM and its port closes" "$BASE still answers"; fi
else
    fail "the sandbox stops on SIGTERM within 10 s"
fi

finish
