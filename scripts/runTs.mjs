// Runs a TypeScript script (such as the schema data generator or the accuracy report) without a
// full type-check of the project: esbuild compiles just that entry point, dependencies stay in
// node_modules. Usage: node scripts/runTs.mjs <entry.ts> [args...]
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/runTs.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outfile = path.resolve('out', 'run', `${path.basename(entry, '.ts')}.cjs`);
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
