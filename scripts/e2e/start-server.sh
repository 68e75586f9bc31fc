#!/usr/bin/env bash
# usage: start-server.sh WORKSPACE_DIR
# Starts the plain VS Code server shipped inside the code-server npm package
# (lib/vscode/out/server-main.js, VS Code 1.100.3) on 127.0.0.1:$E2E_PORT in its own process group
# (setsid: killing the group also ends extension hosts, which otherwise linger for hours).
# Env: E2E_DIR (tools, from setup.sh), E2E_STATE (fresh per run), E2E_PORT (default 8765),
#      VSIX (a .vsix to install first). Every other variable is inherited by the extension host.
set -euo pipefail
DIR=${E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockwise-e2e}
STATE=${E2E_STATE:-$DIR/state}
PORT=${E2E_PORT:-8765}
WS=$(realpath "${1:?usage: start-server.sh WORKSPACE_DIR}")
SERVER="$DIR/node_modules/code-server/lib/vscode/out/server-main.js"
[ -f "$SERVER" ] || { echo "[server] $SERVER missing: run scripts/e2e/setup.sh" >&2; exit 1; }
if [ -f "$STATE/server.pgid" ]; then kill -- "-$(cat "$STATE/server.pgid")" 2>/dev/null || true; fi
rm -rf "$STATE" && mkdir -p "$STATE/user-data/User" "$STATE/server-data" "$STATE/extensions" "$STATE/tmp"
cat > "$STATE/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 100,
  "git.enabled": false,
  "files.hotExit": "off",
  "chat.disableAIFeatures": true
}
JSON
DIRS=(--user-data-dir "$STATE/user-data" --server-data-dir "$STATE/server-data" --extensions-dir "$STATE/extensions")
if [ -n "${VSIX:-}" ]; then
  node "$SERVER" --accept-server-license-terms "${DIRS[@]}" --install-extension "$VSIX" --force > "$STATE/install.log" 2>&1 ||
    { cat "$STATE/install.log"; exit 1; }
fi
# --enable-smoke-test-driver: the workbench then honours extensionDevelopmentPath/extensionTestsPath
# from the URL payload. EXTENSIONS_GALLERY='{}': no (unreachable) marketplace. HOME/TMPDIR keep the
# server's and git's droppings inside $STATE.
HOME="$STATE" TMPDIR="$STATE/tmp" EXTENSIONS_GALLERY='{}' setsid node "$SERVER" --host 127.0.0.1 --port "$PORT" \
  --without-connection-token --accept-server-license-terms --enable-smoke-test-driver \
  --disable-workspace-trust --disable-telemetry "${DIRS[@]}" --default-folder "$WS" \
  > "$STATE/server.log" 2>&1 < /dev/null &
echo $! > "$STATE/server.pgid"
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/version" && break
  kill -0 "$(cat "$STATE/server.pgid")" 2>/dev/null || { cat "$STATE/server.log"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/version" || { echo "[server] no answer on port $PORT" >&2; exit 1; }
echo "[server] VS Code $(node -p "require('$DIR/node_modules/code-server/lib/vscode/package.json').version") on http://127.0.0.1:$PORT (log $STATE/server.log)"
