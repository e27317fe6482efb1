#!/usr/bin/env bash
# Create .venv (Python 3.11 if present, else python3) and install requirements-dev.txt into it,
# again only when a requirements file is newer than the stamp left by the last install.
set -euo pipefail

cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements-installed"

if [[ ! -x "$VENV/bin/python" ]]; then
    if command -v python3.11 >/dev/null 2>&1; then
        PYTHON=python3.11
    elif command -v python3 >/dev/null 2>&1; then
        PYTHON=python3
    else
        echo "error: neither python3.11 nor python3 is on PATH; install Python 3.11 first." >&2
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo "error: $PYTHON is $("$PYTHON" -V 2>&1); Citynews needs Python 3.11 or newer." >&2
        exit 1
    fi
    echo "==> Creating $VENV with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv "$VENV"
    rm -f "$STAMP"
fi

if [[ ! -f "$STAMP" || requirements.txt -nt "$STAMP" || requirements-dev.txt -nt "$STAMP" ]]; then
    echo "==> Installing requirements-dev.txt into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
    touch "$STAMP"
fi

scripts/graphiql_assets.sh
