#!/usr/bin/env bash
# `npm run package`: a clean production build, then the .vsix that users install and that the
# real-editor tests install. esbuild has bundled every dependency, hence --no-dependencies.
# README links stay relative (there is no public repository URL to point them at); the README's
# picture ships in the package so that the extension page in the editor can show it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${KQL_E2E_TOOLS_DIR:-$ROOT/.cache/e2e-tools}
cd "$ROOT"
bash scripts/e2e/ensure-tools.sh
# A clean dist/, so that source maps or bundles left by a development build stay out.
rm -rf dist
node scripts/build.mjs --production
name=$(node -p "const m = require('./package.json'); m.name + '-' + m.version")
# vsce 4 needs Node 22 or later; it runs on the Node 24 that ensure-tools installed.
bash scripts/e2e/node24.sh "$TOOLS/editor/node_modules/@vscode/vsce/vsce" \
  package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --out "$name.vsix" </dev/null
