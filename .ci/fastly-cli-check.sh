#!/usr/bin/env bash
# Runs the real Fastly CLI (npm @fastly/cli-linux-x64) against the PurgeDeck sandbox and checks that each purge
# command succeeds and changes the sandbox's simulated cache as it should. The sandbox never imports the client,
# so this is the independent check that the emulator speaks Fastly's protocol, not just our client's dialect.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLI_VERSION=16.1.0
CLI_DIR="$ROOT/target/fastly-cli"
FASTLY="$CLI_DIR/node_modules/@fastly/cli-linux-x64/fastly"

# --- the CLI, cached under target/ -----------------------------------------------------------------------------
if [ ! -x "$FASTLY" ]; then
    command -v npm >/dev/null || { echo "fastly-cli-check: npm is needed to install the Fastly CLI" >&2; exit 1; }
    mkdir -p "$CLI_DIR"
    npm install --prefix "$CLI_DIR" --no-audit --no-fund --loglevel=error "@fastly/cli-linux-x64@$CLI_VERSION" >/dev/null
fi

# --- the sandbox ---------------------------------------------------------------------------------------------------
if [ ! -f target/purgedeck.jar ] || [ ! -d target/lib ] \
        || [ ! -f target/classes/dev/purgedeck/sandbox/SandboxMain.class ]; then
    mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d)
SBX_PID=
cleanup() {
    if [ -n "$SBX_PID" ]; then
        kill "$SBX_PID" 2>/dev/null || true
        wait "$SBX_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

java -cp "target/classes:target/lib/*" dev.purgedeck.sandbox.SandboxMain --port 0 \
    >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SBX_PID=$!

. installer/sandbox-started.sh
if ! sandbox_started "$SBX_PID" "$WORK/sandbox.out"; then
    echo "fastly-cli-check: the sandbox did not start" >&2
    cat "$WORK/sandbox.out" "$WORK/sandbox.err" >&2
    exit 1
fi
BASE=$SANDBOX_URL
TOKEN=$SANDBOX_TOKEN
SVC=$SANDBOX_SERVICE
echo "fastly-cli-check: Fastly CLI $CLI_VERSION against $BASE, service $SVC"

# --- helpers -------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/home"
PASSED=0
FAILED=0

# Runs the CLI with an empty HOME so no user config or stored token can leak in.
fastly() {
    env -i PATH="$PATH" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" \
        FASTLY_API_TOKEN="${CLI_TOKEN:-$TOKEN}" FASTLY_API_ENDPOINT="$BASE" FASTLY_ACCOUNT_ENDPOINT="$BASE" \
        timeout 60 "$FASTLY" "$@" >"$WORK/cli.out" 2>&1
}

check() {  # check <name> <command...>: one numbered result line; shows the CLI output on failure
    local name=$1
    shift
    if "$@"; then
        PASSED=$((PASSED + 1))
        echo "ok - $name"
    else
        FAILED=$((FAILED + 1))
        echo "not ok - $name"
        sed 's/^/    | /' "$WORK/cli.out" 2>/dev/null || true
    fi
}

reseed() {
    curl -fsS -X POST "$BASE/_sandbox/reseed" >/dev/null
}

# One line per cached object: "<state> <url> <key,key,...>".
objects() {
    curl -fsS "$BASE/_sandbox/services/$SVC/objects" \
        | grep -o '"url":"[^"]*","surrogate_keys":\[[^]]*\],"state":"[a-z]*"' \
        | sed -E 's/^"url":"([^"]*)","surrogate_keys":\[([^]]*)\],"state":"([a-z]*)"$/\3 \1 \2/' \
        | tr -d '"'
}

# The objects tagged with any of the keys are in <state>; every other object is still fresh.
cache_keys_are() {
    local state=$1
    shift
    objects | awk -v state="$state" -v keys="$*" '
        BEGIN { n = split(keys, k, " "); for (i = 1; i <= n; i++) wanted[k[i]] = 1 }
        { split($3, tags, ","); hit = 0; for (t in tags) if (tags[t] in wanted) hit = 1
          want = hit ? state : "fresh"; if ($1 != want) { print "    | " $0 " (want " want ")"; bad++ }
          if (hit) hits++ }
        END { exit (bad > 0 || hits == 0) }'
}

cache_url_is_gone() {
    objects | awk -v url="$1" '
        { want = ($2 == url) ? "gone" : "fresh"; if ($1 != want) { print "    | " $0 " (want " want ")"; bad++ }
          if ($2 == url) hits++ }
        END { exit (bad > 0 || hits != 1) }'
}

cache_all_gone() {
    objects | awk '$1 != "gone" { bad++ } { n++ } END { exit (bad > 0 || n == 0) }'
}

out_has() {
    grep -qF -- "$1" "$WORK/cli.out"
}

# --- the checks ----------------------------------------------------------------------------------------------------
list_services() {
    fastly service list && out_has "$SVC" && out_has "Northwind Shop"
}

URL='https://www.dailycourier.example/search?page=2&q=budget'
purge_url() {
    reseed
    fastly purge -s "$SVC" --url "$URL" -i \
        && out_has "SUCCESS: Purged URL: $URL (soft: false). Status: ok, ID: " && cache_url_is_gone "$URL"
}

purge_key_soft() {
    reseed
    fastly purge -s "$SVC" --key article-4711 --soft -i \
        && out_has "SUCCESS: Purged key: article-4711 (soft: true). Status: ok, ID: " \
        && cache_keys_are stale article-4711
}

purge_file() {
    reseed
    printf 'homepage\nsection-sport\n' >"$WORK/keys.txt"
    fastly purge -s "$SVC" --file "$WORK/keys.txt" -i \
        && grep -qE '^KEY +ID' "$WORK/cli.out" \
        && grep -qE '^homepage +[0-9]+-[0-9]+-[0-9]+-[0-9]+' "$WORK/cli.out" \
        && grep -qE '^section-sport +[0-9]+-[0-9]+-[0-9]+-[0-9]+' "$WORK/cli.out" \
        && cache_keys_are gone homepage section-sport
}

purge_all() {
    reseed
    fastly purge -s "$SVC" --all -i && out_has "SUCCESS: Purge all status: ok" && cache_all_gone
}

service_purge_key() {
    reseed
    fastly service purge -s "$SVC" --key section-news -i \
        && out_has "SUCCESS: Purged key: section-news (soft: false)" && cache_keys_are gone section-news
}

scope_is_enforced() {
    reseed
    ! CLI_TOKEN=sbxPurgeSelectDemoToken000000002 fastly purge -s "$SVC" --all -i \
        && out_has "403 Forbidden" && objects | awk '$1 != "fresh" { bad++ } END { exit bad > 0 }'
}

# The CLI finds the active version through /service/{id}/details?filter[versions.active]=true and then reads
# /service/{id}/version/{n}/domain: an independent check of the shapes in docs/fastly-edge.md §3.1.
service_domains() {
    fastly service domain list -s "$SVC" --version active \
        && grep -qE "^$SVC +41 +www\.dailycourier\.example" "$WORK/cli.out" \
        && grep -qE "^$SVC +41 +dailycourier\.example" "$WORK/cli.out"
}

service_describe() {
    fastly service describe -s "$SVC" && out_has "Name: Daily Courier" && out_has "Number: 41"
}

check "fastly service list shows the demo services" list_services
check "fastly service domain list reads the active version's domains" service_domains
check "fastly service describe reads the service details" service_describe
check "fastly purge --url purges exactly that URL" purge_url
check "fastly purge --key --soft marks tagged objects stale" purge_key_soft
check "fastly purge --file purges every listed key" purge_file
check "fastly purge --all purges everything" purge_all
check "fastly service purge --key (non-deprecated form)" service_purge_key
check "fastly purge --all with a purge_select token is refused" scope_is_enforced

echo "fastly-cli-check: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
