// Bundles the extension client, the language server and the command line with esbuild.
// 'vscode' stays external: the editor provides it at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser's) load their parts with
  // dynamic require() calls that a bundle cannot follow.
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js' },
  // The server's entry point is a small loader that runs the server bundle with V8's code cache.
  { entryPoints: ['server/src/startup/serverLoader.ts'], outfile: 'dist/server/server.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/serverMain.js' },
  // The results panel's page, run inside the webview (a browser), and its stylesheet.
  {
    entryPoints: ['client/src/results/media/resultsView.ts'],
    outfile: 'dist/media/results.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  { entryPoints: ['client/src/results/media/results.css'], outfile: 'dist/media/results.css' },
  // kqlhunt and its worker threads; the worker is loaded by file name from the same folder.
  { entryPoints: ['server/src/startup/kqlhuntLoader.ts'], outfile: 'dist/cli/kqlhunt.js' },
  { entryPoints: ['server/src/cli/kqlhunt.ts'], outfile: 'dist/cli/kqlhuntMain.js' },
  { entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/cli/checkWorker.js' },
  // The thread local queries run on, loaded by file name beside the server and beside kqlhunt.
  {
    entryPoints: ['server/src/connectors/localExecutorWorker.ts'],
    outfile: 'dist/server/localExecutorWorker.js',
  },
  {
    entryPoints: ['server/src/connectors/localExecutorWorker.ts'],
    outfile: 'dist/cli/localExecutorWorker.js',
  },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const e of entries)
    if (e.outfile.endsWith('.js') && (e.platform ?? common.platform) === 'node') asciiOnly(e.outfile);
}

// esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
// (a dependency has one). A single one makes V8 hold the whole 9 MB script source as two-byte
// text, 9 MB more memory in the server; as \u escapes they mean the same in any JavaScript context.
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) fs.writeFileSync(file, escaped);
}
