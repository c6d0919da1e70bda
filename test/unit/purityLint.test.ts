import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../helpers/paths';

// The project's own lint configuration, run on text given the path of a file in a pure folder.
const eslint = new ESLint({ cwd: REPO_ROOT });

async function errorsAt(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, relativePath) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const FORBIDDEN: [string, string][] = [
  ['import of node:fs', "import * as fs from 'node:fs';\nexport const f = fs;\n"],
  ['import of fs', "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n"],
  ['require of fs', "export const f = require('fs');\n"],
  ['require of node:fs/promises', "export const f = require('node:fs/promises');\n"],
  [
    'import of node:worker_threads',
    "import { Worker } from 'node:worker_threads';\nexport const w = Worker;\n",
  ],
  ['import of os', "import * as os from 'os';\nexport const o = os;\n"],
  ['import of node:dns', "import * as dns from 'node:dns';\nexport const d = dns;\n"],
  ['import of tls', "import * as tls from 'tls';\nexport const t = tls;\n"],
  ['require of net', "export const n = require('net');\n"],
  ['require of node:child_process', "export const c = require('node:child_process');\n"],
  ['import of https', "import * as https from 'https';\nexport const h = https;\n"],
  ['import of node:vm', "import * as vm from 'node:vm';\nexport const v = vm;\n"],
  ['dynamic import of node:http', "export const h = () => import('node:http');\n"],
  ['import = require of os', "import os = require('os');\nexport const o = os;\n"],
  ['global fetch', 'export const get = (u: string) => fetch(u);\n'],
  ['process.env', 'export const home = process.env.HOME;\n'],
  [
    'vscode-languageserver',
    "import { createConnection } from 'vscode-languageserver/node';\nexport const c = createConnection;\n",
  ],
];

for (const folder of [
  'server/src/language',
  'server/src/rules',
  'server/src/executor',
  'server/src/service',
  'server/src/rmm',
]) {
  test(`the purity lint rejects every host service in ${folder}`, async () => {
    for (const [what, code] of FORBIDDEN) {
      const errors = await errorsAt(`${folder}/purityProbe.ts`, code);
      assert.ok(
        errors.some((e) => /^no-restricted-(imports|syntax|globals):/.test(e)),
        `${what} passed the lint in ${folder}: ${errors.join('; ')}`,
      );
    }
  });
}

test('the purity lint allows pure code, and host services outside the pure folders', async () => {
  assert.deepEqual(
    await errorsAt(
      'server/src/language/purityProbe.ts',
      "import { kusto } from './kustoEngine';\nexport const k = kusto;\nexport const list = require('./engineLists');\n",
    ),
    [],
  );
  assert.deepEqual(
    await errorsAt(
      'server/src/executor/files/purityProbe.ts',
      "import * as fs from 'node:fs';\nexport const f = fs;\n",
    ),
    [],
  );
  assert.deepEqual(
    await errorsAt(
      'server/src/connectors/purityProbe.ts',
      'export const get = (u: string) => fetch(u);\nexport const e = process.env.HOME;\n',
    ),
    [],
  );
});
