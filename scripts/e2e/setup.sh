#!/usr/bin/env bash
# Installs a real VS Code for the e2e tests: the VS Code server + web workbench that ship inside the
# `code-server` npm package (code-server 4.100.3 = VS Code 1.100.3, the newest line whose
# engines.node is 20), plus playwright-core and Debian's chromium to drive the workbench.
# Idempotent; everything goes to $E2E_DIR (default ~/.cache/dockwise-e2e), never into the repo's
# package.json (code-server is ~300 MB, Node-major specific and builds native addons).
# Facts behind each workaround: /work/shared/docs/vscode-e2e.md (team reference).
set -euo pipefail
CS_VERSION=${CS_VERSION:-4.100.3}
PW_VERSION=${PW_VERSION:-1.64.1}
DIR=${E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockwise-e2e}
export DEBIAN_FRONTEND=noninteractive
log() { echo "[e2e-setup] $(date +%T) $*"; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)   # header for code-server's kerberos addon
command -v rg >/dev/null || need_apt+=(ripgrep)                   # seeds @vscode/ripgrep's download cache
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"dockwise-e2e-tools","private":true}' > package.json
have_cs=$(node -p "try{require('./node_modules/code-server/package.json').version}catch{''}")
if [ "$have_cs" != "$CS_VERSION" ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/mocha ]; then
  # @vscode/ripgrep (code-server <= 4.10x) downloads rg from GitHub in its postinstall, unless
  # $TMPDIR/vscode-ripgrep-cache-1.15.11/<asset> exists: give it Debian's rg 13.0.0.
  RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE"
  tar -C "$(dirname "$(command -v rg)")" -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  log "npm install code-server@$CS_VERSION playwright-core@$PW_VERSION mocha@11 (native addons build, ~1 min)"
  # --unsafe-perm: code-server's postinstall refuses root otherwise; npm_config_yes: node-pty's
  # postinstall runs `npx node-gyp` and ~/.npmrc may say yes=false.
  # Native addons build against the local Node headers (nodejs.org, where node-gyp would
  # download them, is not reachable here); machines usually say so in ~/.npmrc (nodedir=/usr).
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
  npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
    "code-server@$CS_VERSION" "playwright-core@$PW_VERSION" "mocha@11" > "$DIR/npm-install.log" 2>&1 ||
    { tail -40 "$DIR/npm-install.log"; exit 1; }
fi
log "ready: VS Code $(node -p "require('./node_modules/code-server/lib/vscode/package.json').version") in $DIR"
