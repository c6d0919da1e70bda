#!/usr/bin/env node
// The KQL Hunting language server for any LSP client: `kql-language-server --stdio`.
if (
  !process.argv.some(
    (a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'),
  )
) {
  process.argv.push('--stdio');
}
require('../dist/server/server.js');
