import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';
import { corpusRoot } from './corpusRoot';

/**
 * The checked-in RMM tool library must be what the generator makes of the real catalogue;
 * when the catalogue changes, this says to regenerate rather than letting the two drift.
 */
test('the RMM tool library is what the generator makes of the catalogue', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rmm-')), 'rmmTools.json');
  execFileSync(process.execPath, [
    path.join(REPO_ROOT, 'scripts', 'generateRmmTools.mjs'),
    path.join(corpusRoot(), 'corpus', 'rmm', 'rmm_tools.json'),
    out,
  ]);
  const checkedIn = fs.readFileSync(
    path.join(REPO_ROOT, 'server', 'src', 'rmm', 'data', 'rmmTools.json'),
    'utf8',
  );
  assert.equal(
    fs.readFileSync(out, 'utf8'),
    checkedIn,
    'run node scripts/generateRmmTools.mjs to refresh the data file',
  );
});
