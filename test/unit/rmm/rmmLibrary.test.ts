import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindsOf, rmmToolById, rmmTools } from '../../../server/src/rmm/rmmLibrary';

describe('RMM tool library', () => {
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
