#!/usr/bin/env bash
# Stops the server started by start-server.sh: its whole process group (extension hosts, watchers).
DIR=${E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockwise-e2e}
STATE=${E2E_STATE:-$DIR/state}
if [ -f "$STATE/server.pgid" ]; then
  kill -- "-$(cat "$STATE/server.pgid")" 2>/dev/null || true
  rm -f "$STATE/server.pgid"
fi
