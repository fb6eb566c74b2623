# shellcheck shell=bash
# Sourced by .ci/run: starts a throw-away PostgreSQL cluster on 127.0.0.1 with scram-sha-256 passwords and a TLS
# certificate from a throw-away CA, and exports what the password/TLS tests (TeamServerTest) need:
#   PURGEDECK_TEAM_PG_HOST PURGEDECK_TEAM_PG_PORT PURGEDECK_TEAM_PG_DB PURGEDECK_TEAM_PG_USER
#   PURGEDECK_TEAM_PG_PASSWORD PURGEDECK_TEAM_PG_CA PURGEDECK_TEAM_PG_OTHER_CA
# Installs Debian's postgresql package when no server is present. team_pg_stop stops and removes the cluster.
# See docs/team.md §3.

team_pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ]; then
        echo "== installing Debian's PostgreSQL"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    TEAM_PG_BIN=$bin
    # A folder the postgres user can reach (one under root's home it cannot).
    TEAM_PG_DIR=$(mktemp -d /tmp/purgedeck-pg.XXXXXX)
    local as=()
    if [ "$(id -u)" = 0 ]; then
        as=(runuser -u postgres --)
        chown postgres "$TEAM_PG_DIR"
    fi
    local pw port
    pw=$(openssl rand -hex 18)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (
        cd "$TEAM_PG_DIR" || exit 1
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=PurgeDeck CI CA" \
            -keyout ca.key -out ca.pem 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Some other CA" \
            -keyout other-ca.key -out other-ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > san.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext \
            -out server.crt 2>/dev/null
        chmod 600 server.key
        printf '%s\n' "$pw" > pw
        [ "$(id -u)" = 0 ] && chown postgres server.key server.crt pw
        "${as[@]}" "$bin/initdb" -D data -U postgres -A scram-sha-256 --pwfile=pw >/dev/null
        cat >> data/postgresql.conf <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$TEAM_PG_DIR'
fsync = off
ssl = on
ssl_cert_file = '$TEAM_PG_DIR/server.crt'
ssl_key_file = '$TEAM_PG_DIR/server.key'
CONF
        printf 'hostssl all all 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n' \
            > data/pg_hba.conf
        "${as[@]}" "$bin/pg_ctl" -D data -w -l log start >/dev/null
        PGPASSWORD=$pw "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE purgedeck_ci LOGIN PASSWORD '$pw'" -c "CREATE DATABASE purgedeck_ci OWNER purgedeck_ci"
    ) || return 1
    export PURGEDECK_TEAM_PG_HOST=localhost PURGEDECK_TEAM_PG_PORT=$port PURGEDECK_TEAM_PG_DB=purgedeck_ci
    export PURGEDECK_TEAM_PG_USER=purgedeck_ci PURGEDECK_TEAM_PG_PASSWORD=$pw
    export PURGEDECK_TEAM_PG_CA=$TEAM_PG_DIR/ca.pem PURGEDECK_TEAM_PG_OTHER_CA=$TEAM_PG_DIR/other-ca.pem
    echo "== team PostgreSQL on 127.0.0.1:$port (scram-sha-256, TLS)"
}

team_pg_stop() {
    if [ -n "${TEAM_PG_DIR:-}" ] && [ -d "$TEAM_PG_DIR/data" ]; then
        if [ "$(id -u)" = 0 ]; then
            runuser -u postgres -- "$TEAM_PG_BIN/pg_ctl" -D "$TEAM_PG_DIR/data" -m fast stop >/dev/null || true
        else
            "$TEAM_PG_BIN/pg_ctl" -D "$TEAM_PG_DIR/data" -m fast stop >/dev/null || true
        fi
        rm -rf "$TEAM_PG_DIR"
    fi
}
