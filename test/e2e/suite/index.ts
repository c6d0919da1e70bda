/**
 * Entry point that the editor loads as `extensionTestsPath`: it runs inside the real extension
 * host, where `require('vscode')` is the editor's API. It runs every `*.host.js` file beside it
 * with mocha, so adding an in-editor test means adding one `<topic>.host.ts` file here.
 *
 * The files are named `.host.ts`, not `.test.ts`, because the outer `node --test` run picks up
 * every `*.test.js` and these need the editor. Mocha rather than node:test: node:test runs
 * files in subprocesses, which would not have the editor's API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 150000, reporter: 'spec' });
  const only = process.env.KQL_E2E_GREP;
  if (only) mocha.grep(only);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.host.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.host.js files in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
