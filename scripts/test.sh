#!/usr/bin/env bash
# `make test`: everything CI checks, on a throwaway PostgreSQL that is gone when this script ends.
#
# Installs the dev requirements, makes sure PostgreSQL's server binaries, Redis and Debian's chromium
# are there (installing them with apt-get when running as root), starts a private PostgreSQL and a
# private Redis on free ports, then runs ruff, mypy, the migrations check and pytest. Arguments are passed
# on to pytest. Both servers run unprivileged and are stopped when the script ends, however it ends.
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

say "Chromium for the browser tests"
if [[ ! -x /usr/bin/chromium ]]; then
    is_root || die "Debian's chromium (/usr/bin/chromium) is missing: the end-to-end tests drive it.
Install it, e.g. 'sudo apt-get install chromium', and run again."
    apt_install chromium
    [[ -x /usr/bin/chromium ]] || die "apt-get installed chromium but /usr/bin/chromium is still missing."
fi
echo "using /usr/bin/chromium"

services_start

# Tests that need Redis read REDIS_URL; the test settings keep Django's cache in local memory.
export DJANGO_SETTINGS_MODULE=cms.settings.test
export MEDIA_ROOT="$WORK_DIR/media"
export STATIC_ROOT="$WORK_DIR/static"  # exists, so WhiteNoise has nothing to warn about
mkdir -p "$STATIC_ROOT"

say "ruff check"
.venv/bin/ruff check .

say "ruff format --check"
.venv/bin/ruff format --check .

say "mypy (strict on graphql_api/)"
.venv/bin/mypy

say "makemigrations --check"
"$PY" manage.py makemigrations --check --dry-run --settings=cms.settings.test

say "pytest -n 2 $*"
status=0
.venv/bin/pytest -n 2 -p no:cacheprovider "$@" || status=$?
if [[ $status -eq 5 ]]; then
    echo "error: pytest collected no tests; that counts as a failure." >&2
fi
if [[ $status -eq 0 ]]; then
    say "make test passed in $((SECONDS - START))s"
else
    say "make test FAILED (exit $status) after $((SECONDS - START))s"
fi
exit "$status"
