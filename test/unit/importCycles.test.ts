import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'checkImportCycles.mjs');

function check(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: run.stdout + run.stderr };
}

test('the cycle check fails on two modules that import each other, naming both', () => {
  const { status, output } = check({
    'a.ts': "import { b } from './b';\nexport const a = () => b();\n",
    'b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  });
  assert.equal(status, 1, output);
  assert.match(output, /import cycle: .*a\.ts <-> .*b\.ts/);
});

test('the cycle check follows folder index files, re-exports and require() through a longer cycle', () => {
  const { status, output } = check({
    'engine.ts': "export { list } from './tuning';\n",
    'tuning/index.ts': "export function list() { return require('../user'); }\n",
    'user.ts': "import { list } from './engine';\nexport const u = list;\n",
  });
  assert.equal(status, 1, output);
  assert.match(output, /engine\.ts <-> .*index\.ts <-> .*user\.ts/);
});

test('type-only imports make no cycle, and neither does a one-way import', () => {
  const { status, output } = check({
    'a.ts':
      "import type { B } from './b';\nimport { c } from './c';\nexport type A = B | string;\nexport const a = c;\n",
    'b.ts': "import { type A } from './a';\nexport type B = A[];\n",
    'c.ts': 'export const c = 1;\n',
  });
  assert.equal(status, 0, output);
});

test('server/src and client/src have no import cycles', () => {
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
