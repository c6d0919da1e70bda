// Runs the measures over the real corpora (test/measures/*.test.ts, compiled to out/ by
// `tsc -p .`): accuracy of the Sentinel catalogue, rule checks and quick fixes on real rule
// files, custom schema files, the engine shortcuts and the RMM catalogue. They are not part of
// `npm test`, which must pass on a fresh clone; each fails, and this exits non-zero, when its
// figure regresses.
//
// Usage: npm run measure -- --shared PATH   (PATH holds corpus/ and reference/)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--shared');
const shared = at >= 0 ? args[at + 1] : undefined;
if (!shared) {
  console.error('usage: npm run measure -- --shared PATH   (the folder that holds corpus/ and reference/)');
  process.exit(2);
}
const dir = path.resolve(shared);
if (!fs.existsSync(path.join(dir, 'corpus'))) {
  console.error(`${dir} has no corpus/ folder: pass the folder that holds corpus/ and reference/.`);
  process.exit(2);
}
const compiled = path.join(root, 'out', 'test', 'measures');
if (!fs.existsSync(compiled)) {
  console.error(`${compiled} is missing: compile first with npx tsc -p .`);
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--test', compiled], {
  stdio: 'inherit',
  env: { ...process.env, KQL_SHARED_DIR: dir },
});
process.exit(run.status ?? 1);
