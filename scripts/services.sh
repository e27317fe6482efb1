#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for `make test` and `make bench`: sourced, not run.
#
# `services_start` makes sure PostgreSQL's server binaries and Redis are installed (apt-get when
# root), starts both unprivileged on free ports in a temporary directory, creates the database and
# exports DATABASE_URL, REDIS_URL and SERVICES_DIR; both servers are stopped and the directory
# removed when the sourcing script exits, however it exits. Needs `say`, `die` and $PY.

is_root() { [[ "$(id -u)" -eq 0 ]]; }

APT_UPDATED=
apt_install() {
    if [[ -z "$APT_UPDATED" ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# The directory holding initdb and pg_ctl: from PATH first, then Debian's versioned directories.
find_pg_bin() {
    local ctl dir
    if ctl="$(command -v pg_ctl)" && command -v initdb >/dev/null 2>&1; then
        dir="$(dirname "$(readlink -f "$ctl")")"
        if [[ -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# PostgreSQL refuses to run as root, so root hands the server to an unprivileged user.
PG_USER=
if is_root; then
    if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
fi
as_pg() {
    if [[ -z "$PG_USER" ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$PG_USER" -- "$@"
    else
        su -s /bin/sh "$PG_USER" -c "$(printf '%q ' "$@")"
    fi
}

WORK_DIR=
cleanup() {
    if [[ -n "$WORK_DIR" && -f "$WORK_DIR/redis.pid" ]]; then
        kill "$(cat "$WORK_DIR/redis.pid")" 2>/dev/null || true
    fi
    if [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]]; then
        if [[ -f "$WORK_DIR/data/postmaster.pid" ]]; then
            (cd "$WORK_DIR" && as_pg "$PG_BIN/pg_ctl" stop -D "$WORK_DIR/data" -m immediate >/dev/null 2>&1) || true
        fi
        rm -rf "$WORK_DIR" || true
    fi
}

# Start both servers (see the top of this file).
services_start() {
    say "PostgreSQL server binaries"
    if ! PG_BIN="$(find_pg_bin)"; then
        is_root || die "PostgreSQL's server binaries (initdb, pg_ctl) were not found on PATH or under
/usr/lib/postgresql/*/bin. Install them, e.g. 'sudo apt-get install postgresql', and run again."
        apt_install postgresql
        PG_BIN="$(find_pg_bin)" || die "apt-get installed postgresql but initdb/pg_ctl are still missing."
    fi
    echo "using $PG_BIN"

    say "Redis server"
    if ! command -v redis-server >/dev/null 2>&1; then
        is_root || die "redis-server was not found on PATH. Install it, e.g. 'sudo apt-get install redis-server', and run again."
        apt_install redis-server
        command -v redis-server >/dev/null 2>&1 || die "apt-get installed redis-server but it is still missing."
    fi
    echo "using $(command -v redis-server)"

    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    WORK_DIR="$(mktemp -d -t citynews-services.XXXXXX)"
    [[ -n "$PG_USER" ]] && chown "$PG_USER" "$WORK_DIR"
    PG_PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

    say "Throwaway PostgreSQL on 127.0.0.1:$PG_PORT${PG_USER:+ (as $PG_USER)}"
    (
        cd "$WORK_DIR"
        as_pg "$PG_BIN/initdb" --pgdata="$WORK_DIR/data" --username=citynews --auth=trust \
            --encoding=UTF8 --no-locale --no-sync >"$WORK_DIR/initdb.log" 2>&1 ||
            { cat "$WORK_DIR/initdb.log" >&2; exit 1; }
        as_pg "$PG_BIN/pg_ctl" start --wait --timeout=60 --pgdata="$WORK_DIR/data" --log="$WORK_DIR/postgres.log" \
            -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$WORK_DIR \
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
            { cat "$WORK_DIR/postgres.log" >&2; exit 1; }
    )

    REDIS_PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    say "Throwaway Redis on 127.0.0.1:$REDIS_PORT${PG_USER:+ (as $PG_USER)}"
    (
        cd "$WORK_DIR"
        as_pg redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
            --dir "$WORK_DIR" --pidfile "$WORK_DIR/redis.pid" --logfile "$WORK_DIR/redis.log"
        for _ in $(seq 50); do
            "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $REDIS_PORT), 0.2)" 2>/dev/null && exit 0
            sleep 0.1
        done
        cat "$WORK_DIR/redis.log" >&2
        exit 1
    )

    export SERVICES_DIR="$WORK_DIR"
    export DATABASE_URL="postgres://citynews@127.0.0.1:$PG_PORT/citynews"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    "$PY" - <<'PY'
"""Create the database DATABASE_URL names; the test databases are made from the server's template."""
import os
from urllib.parse import urlsplit

import psycopg2

url = urlsplit(os.environ["DATABASE_URL"])
conn = psycopg2.connect(host=url.hostname, port=url.port, user=url.username, dbname="postgres")
conn.autocommit = True
conn.cursor().execute("CREATE DATABASE " + url.path.lstrip("/"))
conn.close()
PY
}
