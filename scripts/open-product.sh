#!/usr/bin/env bash
# "Run the product": build + package Dockwise, install the .vsix into a real VS Code (the VS Code
# server 1.100.3 shipped in the code-server npm package, installed by scripts/e2e/setup.sh outside
# the repo), and serve the example workspace (with its generated large tree) on 127.0.0.1.
# Open the printed URL in a browser. Ctrl-C (or scripts/e2e/stop-server.sh) stops it.
# Env: E2E_PORT (default 8765), E2E_DIR, E2E_SKIP_SETUP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export E2E_DIR=${E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockwise-e2e}
export E2E_STATE=${E2E_STATE:-$E2E_DIR/product}
export E2E_PORT=${E2E_PORT:-8765}
[ -n "${E2E_SKIP_SETUP:-}" ] || bash scripts/e2e/setup.sh
VSIX="$E2E_DIR/dockwise-product.vsix"
node scripts/package.mjs --out "$VSIX" > "$E2E_DIR/package.log" 2>&1 || { cat "$E2E_DIR/package.log"; exit 1; }
grep '^\[package\]' "$E2E_DIR/package.log"
node scripts/e2e/gen-workspace.mjs
WS=$(realpath examples/workspace)
VSIX="$VSIX" bash scripts/e2e/start-server.sh "$WS"
trap 'bash scripts/e2e/stop-server.sh; echo; echo "[open-product] stopped"' EXIT INT TERM
URL="http://127.0.0.1:$E2E_PORT/?folder=$(node -p "encodeURIComponent(process.argv[1])" "$WS")"
echo
echo "Dockwise is installed. Open: $URL"
echo "(Dockerfile, .dockerignore and docker-compose.yml are in the example workspace; Ctrl-C stops the server.)"
# stay in the foreground while the server runs
while kill -0 "$(cat "$E2E_STATE/server.pgid")" 2>/dev/null; do sleep 2; done
