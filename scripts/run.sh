#!/usr/bin/env bash
# `make run`: bring a fresh checkout to a running CMS with demo content and an admin account.
# Safe to run again: migrations, demo content and the admin user are all idempotent, and the
# SQLite file (db.sqlite3) keeps everything between runs.
set -euo pipefail

cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
export DJANGO_SETTINGS_MODULE=cms.settings.dev

scripts/venv.sh
PY=.venv/bin/python

if [[ -n "${DATABASE_URL:-}" ]]; then
    echo "==> Using the database in DATABASE_URL"
else
    echo "==> Using the SQLite database db.sqlite3"
fi

echo "==> Applying migrations"
"$PY" manage.py migrate --no-input

echo "==> Loading demo content"
"$PY" manage.py load_demo_content

echo "==> Making sure the admin user exists"
"$PY" manage.py ensure_admin

cat <<MSG

  Admin: http://127.0.0.1:$PORT/admin/  (user admin)
  GraphQL: http://127.0.0.1:$PORT/graphql/

  Ctrl-C stops the server and the webhook worker; the data stays in the database for the next run.

MSG

# Webhook deliveries are sent by django-tasks' database worker, beside the server; it stops with it.
echo "==> Starting the webhook worker (manage.py db_worker --backend webhooks)"
"$PY" manage.py db_worker --backend webhooks --queue-name webhooks &
WORKER_PID=$!
trap 'kill "$WORKER_PID" 2>/dev/null || true; wait "$WORKER_PID" 2>/dev/null || true' EXIT

"$PY" manage.py runserver "127.0.0.1:$PORT"
