#!/usr/bin/env bash
# `make bench` (`make bench QUICK=1` for a short run): Citynews against the hand-written floor,
# Wagtail's REST API v2 and wagtail-grapple on the data set of bench/dataset.py, under gunicorn, and
# BENCHMARKS.md.
#
# Starts a throwaway PostgreSQL and Redis (scripts/services.sh), restores the data set from the
# dump a previous run left in bench/.cache (or builds it and leaves that dump), serves the app with
# production settings plus the bench references (bench/settings.py) under gunicorn with one sync
# worker, and drives the load from a second process (bench/load.py). wagtail-grapple runs in a
# virtualenv of its own (bench/.cache/grapple-venv, made once; bench/grapple/) under a second
# gunicorn on the same database; if it cannot be installed, the run goes on without it and says so.
# Everything stops at the end.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nerror: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/services.sh
source scripts/services.sh

START=$SECONDS
say "Python environment"
scripts/venv.sh
PY="$PWD/.venv/bin/python"

CACHE_DIR="$PWD/bench/.cache"
mkdir -p "$CACHE_DIR"
# wagtail-grapple: its own virtualenv, made again only when a requirements file changes.
GRAPPLE_VENV="$CACHE_DIR/grapple-venv"
GRAPPLE_ARGS=()
grapple_venv() {
    local want
    want="$(cat requirements.txt bench/grapple/requirements.txt | sha256sum | cut -c1-16)"
    [[ -f "$GRAPPLE_VENV/.installed" && "$(cat "$GRAPPLE_VENV/.installed")" == "$want" ]] && return 0
    say "wagtail-grapple's virtualenv ($GRAPPLE_VENV)"
    rm -rf "$GRAPPLE_VENV"
    "$PY" -m venv "$GRAPPLE_VENV" &&
        grep -v -e '^strawberry-graphql' -e '^graphql-core' requirements.txt >"$GRAPPLE_VENV/product-requirements.txt" &&
        "$GRAPPLE_VENV/bin/pip" install --quiet --disable-pip-version-check \
            -r "$GRAPPLE_VENV/product-requirements.txt" -r bench/grapple/requirements.txt &&
        echo "$want" >"$GRAPPLE_VENV/.installed"
}
GRAPPLE_OK=
grapple_venv && GRAPPLE_OK=1

services_start
GUNICORN_PIDS=()
stop_all() {
    local pid
    for pid in "${GUNICORN_PIDS[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    cleanup
}
trap stop_all EXIT

# The dump is reused while the data set code and the migrations are unchanged.
DATASET_ID="$(cat bench/dataset.py */migrations/*.py | sha256sum | cut -c1-16)"
DUMP="$CACHE_DIR/dataset-$DATASET_ID.dump"

export DJANGO_SETTINGS_MODULE=bench.settings
export SECRET_KEY=bench-only-secret ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false
# One client address sends thousands of requests here: the per-client API rate limit would answer 429.
export RATE_LIMIT=false
export MEDIA_ROOT="$CACHE_DIR/media-$DATASET_ID" STATIC_ROOT="$SERVICES_DIR/static"
mkdir -p "$STATIC_ROOT"  # WhiteNoise serves from the apps (bench/settings.py); it only wants the directory
DB_NAME="${DATABASE_URL##*/}"
PG_CLIENT=(--host=127.0.0.1 --port="$PG_PORT" --username=citynews)

if [[ -f "$DUMP" && -d "$MEDIA_ROOT" ]]; then
    say "Restoring the data set from $DUMP"
    "$PG_BIN/pg_restore" "${PG_CLIENT[@]}" --dbname="$DB_NAME" --jobs=2 --no-owner "$DUMP"
else
    say "Building the data set (bench/dataset.py); the dump is kept for the next run"
    rm -rf "$CACHE_DIR"/dataset-*.dump "$CACHE_DIR"/media-*
    "$PY" manage.py migrate --no-input -v 0
    "$PY" -m bench.dataset
    "$PG_BIN/pg_dump" "${PG_CLIENT[@]}" --format=custom --file="$DUMP" "$DB_NAME"
fi
echo "data set ready after $((SECONDS - START))s"
"$PG_BIN/psql" "${PG_CLIENT[@]}" --dbname="$DB_NAME" -q -c "VACUUM ANALYZE" >/dev/null

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# serve VENV PORT [VAR=VALUE...]: one sync gunicorn worker of VENV on PORT, in the background.
serve() {
    local venv=$1 port=$2
    shift 2
    # No access log: a line per request is thousands of lines and costs the server time it measures.
    # It must be off, not sent to /dev/null: gunicorn formats every line it writes there (40 µs a
    # request, a fifth of what a replayed cache hit costs the worker in all; gunicorn.conf.py).
    local args=(cms.wsgi:application --bind "127.0.0.1:$port" --workers 1 --worker-class sync --log-level warning)
    [[ -f gunicorn.conf.py ]] && args=(--config gunicorn.conf.py "${args[@]}")
    say "$* $venv/bin/gunicorn ${args[*]}"
    env GUNICORN_ACCESS_LOG=off "$@" "$venv/bin/gunicorn" "${args[@]}" &
    GUNICORN_PIDS+=($!)
    for _ in $(seq 150); do
        "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && return 0
        sleep 0.2
    done
    die "gunicorn did not listen on port $port"
}

PORT="$(free_port)"
serve .venv "$PORT"

if [[ -n "$GRAPPLE_OK" ]]; then
    GRAPPLE_PORT="$(free_port)"
    serve "$GRAPPLE_VENV" "$GRAPPLE_PORT" DJANGO_SETTINGS_MODULE=bench.grapple.settings PYTHONPATH="$PWD"
    GRAPPLE_ARGS=(--grapple-url "http://127.0.0.1:$GRAPPLE_PORT"
        --grapple-version "$("$GRAPPLE_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("wagtail-grapple"))')")
else
    say "wagtail-grapple's virtualenv could not be installed (above): the run goes on without it"
    GRAPPLE_ARGS=(--note "wagtail-grapple left out: its virtualenv could not be installed (see the output of make bench).")
fi

if [[ -n "${QUICK:-}" ]]; then ROUNDS=2 REQUESTS=10 MIN_SECONDS=0.2 COMMAND="make bench QUICK=1"; else ROUNDS=5 REQUESTS=40 MIN_SECONDS=0.5 COMMAND="make bench"; fi
say "Load: $ROUNDS rounds x $REQUESTS requests per case and system (a turn lasts at least ${MIN_SECONDS}s), 4 clients"
"$PY" -m bench.load --base-url "http://127.0.0.1:$PORT" --rounds "$ROUNDS" --requests "$REQUESTS" --clients 4 \
    --min-seconds "$MIN_SECONDS" \
    --command "$COMMAND" --note "${BENCH_NOTE:-Load average is that of the whole machine, other work included.}" \
    "${GRAPPLE_ARGS[@]}" \
    --dataset "10,000 news items (hero image, 2 cities, 2 topics, 6-block body), 500 cities, 200 conferences, 50 partnerships"
say "make bench finished in $((SECONDS - START))s; results in BENCHMARKS.md"
