import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { kindsOf, rmmToolById, rmmTools } from '../../../server/src/rmm/rmmLibrary';
import { REPO_ROOT, SHARED } from '../../helpers/paths';

describe('RMM tool library', () => {
  it('is what the generator makes of the catalogue', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rmm-')), 'rmmTools.json');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'generateRmmTools.mjs'), path.join(SHARED, 'corpus', 'rmm', 'rmm_tools.json'), out]);
    const checkedIn = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'rmm', 'data', 'rmmTools.json'), 'utf8');
    assert.equal(fs.readFileSync(out, 'utf8'), checkedIn, 'run node scripts/generateRmmTools.mjs to refresh the data file');
  });

  it('holds the catalogue tools that have indicators, with unique ids', () => {
    const tools = rmmTools();
    assert.ok(tools.length >= 60, `${tools.length} tools`);
    assert.equal(new Set(tools.map((t) => t.id)).size, tools.length);
    for (const t of tools) assert.ok(kindsOf(t).length > 0, `${t.name} supports a detection kind`);
  });

  it('has TightVNC as the seed describes it', () => {
    const tv = rmmToolById('tightvnc');
    assert.ok(tv);
    assert.deepEqual(tv.companies, ['GlavSoft']);
    assert.deepEqual(tv.products, ['TightVNC']);
    assert.deepEqual(tv.signers, ['glavsoft']);
    assert.deepEqual(tv.domains, [], 'the catalogue has no consistent network indicator for TightVNC');
    assert.deepEqual(kindsOf(tv), ['network', 'process', 'fileSignature']);
  });

  it('keeps only plain domains: no prose, wildcards or regexes', () => {
    for (const t of rmmTools()) {
      for (const d of t.domains) assert.match(d, /^[a-z0-9-]+(\.[a-z0-9-]+)*$/, `${t.name}: ${d}`);
    }
    assert.ok(rmmToolById('nable')?.domains.includes('logicnow.com'), '*.logicnow.com becomes logicnow.com');
    assert.ok(rmmToolById('ammyy')?.domains.includes('ammyy.com'));
  });
});
