# Sourced by the scripts that start `purgedeck sandbox` in the background (installer/build.sh, installer/ci-check.sh,
# .ci/fastly-cli-check.sh): waits until it has printed its banner and reads what the banner says.
#
#   sandbox_started PID OUTPUT-FILE
#
# Waits up to 30 s for "Press Ctrl+C to stop." in OUTPUT-FILE, or for PID to end. Returns 0 when the sandbox is up,
# with SANDBOX_URL, SANDBOX_TOKEN (the global demo token) and SANDBOX_SERVICE (the first demo service's ID) set;
# 1 otherwise.
sandbox_started() {
    local pid=$1 out=$2 _
    for _ in $(seq 1 300); do
        grep -q '^Press Ctrl+C to stop\.$' "$out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q '^Press Ctrl+C to stop\.$' "$out" 2>/dev/null || return 1
    SANDBOX_URL=$(sed -n 's/^PurgeDeck sandbox listening on //p' "$out")
    SANDBOX_TOKEN=$(sed -n 's/^Demo token (global): //p' "$out")
    SANDBOX_SERVICE=$(awk '/^Demo services:$/ {list = 1; next} list && /^  / {print $1; exit}' "$out")
    [ -n "$SANDBOX_URL" ] && [ -n "$SANDBOX_TOKEN" ] && [ -n "$SANDBOX_SERVICE" ]
}
