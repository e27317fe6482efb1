#!/usr/bin/env bash
# GraphiQL's browser assets, pinned, fetched once from the npm registry into the app's static files,
# so /graphql/ never loads anything from a CDN (it works offline and under a strict CSP).
# Run by scripts/venv.sh; does nothing when the pinned versions are already there.
set -euo pipefail

cd "$(dirname "$0")/.."

PACKAGES=(react@18.2.0 react-dom@18.2.0 graphiql@3.8.3)
DEST=graphql_api/static/graphql_api/vendor
STAMP="$DEST/VERSIONS"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "${PACKAGES[*]}" ]]; then
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y npm
    else
        echo "error: npm is missing: it fetches GraphiQL's pinned assets. Install it, e.g. 'sudo apt-get install npm'." >&2
        exit 1
    fi
fi

echo "==> Fetching GraphiQL's assets from the npm registry: ${PACKAGES[*]}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# npm checks each tarball against the registry's integrity hash.
(cd "$WORK" && npm pack --silent "${PACKAGES[@]}" >/dev/null)
for package in "${PACKAGES[@]}"; do
    name="${package%@*}"
    mkdir -p "$WORK/$name"
    tar -xzf "$WORK/$name-${package##*@}.tgz" -C "$WORK/$name"
done

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$WORK/react/package/umd/react.production.min.js" "$DEST/"
cp "$WORK/react-dom/package/umd/react-dom.production.min.js" "$DEST/"
cp "$WORK/graphiql/package/graphiql.min.js" "$WORK/graphiql/package/graphiql.min.css" "$DEST/"
echo "${PACKAGES[*]}" >"$STAMP"
