#!/usr/bin/env bash
# `make bench` (`make bench QUICK=1` for a short run): Citynews against the hand-written floor and
# Wagtail's REST API v2 on the data set of bench/dataset.py, under gunicorn, and BENCHMARKS.md.
#
# Starts a throwaway PostgreSQL and Redis (scripts/services.sh), restores the data set from the
# dump a previous run left in bench/.cache (or builds it and leaves that dump), serves the app with
# production settings plus the bench references (bench/settings.py) under gunicorn with one sync
# worker, and drives the load from a second process (bench/load.py). Everything stops at the end.
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

services_start
GUNICORN_PID=
stop_all() {
    [[ -n "$GUNICORN_PID" ]] && kill "$GUNICORN_PID" 2>/dev/null && wait "$GUNICORN_PID" 2>/dev/null
    cleanup
}
trap stop_all EXIT

CACHE_DIR="$PWD/bench/.cache"
mkdir -p "$CACHE_DIR"
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

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
GUNICORN_ARGS=(cms.wsgi:application --bind "127.0.0.1:$PORT" --workers 1 --worker-class sync --log-level warning)
[[ -f gunicorn.conf.py ]] && GUNICORN_ARGS=(--config gunicorn.conf.py "${GUNICORN_ARGS[@]}")
say "gunicorn ${GUNICORN_ARGS[*]}"
.venv/bin/gunicorn "${GUNICORN_ARGS[@]}" &
GUNICORN_PID=$!
for _ in $(seq 100); do
    "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break
    sleep 0.2
done

if [[ -n "${QUICK:-}" ]]; then ROUNDS=2 REQUESTS=10 COMMAND="make bench QUICK=1"; else ROUNDS=5 REQUESTS=40 COMMAND="make bench"; fi
say "Load: $ROUNDS rounds x $REQUESTS requests per case and system, 4 clients"
"$PY" -m bench.load --base-url "http://127.0.0.1:$PORT" --rounds "$ROUNDS" --requests "$REQUESTS" --clients 4 \
    --command "$COMMAND" --note "${BENCH_NOTE:-Load average is that of the whole machine, other work included.}" \
    --dataset "10,000 news items (hero image, 2 cities, 2 topics, 6-block body), 500 cities, 200 conferences, 50 partnerships"
say "make bench finished in $((SECONDS - START))s; results in BENCHMARKS.md"
