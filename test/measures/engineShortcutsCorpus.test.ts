import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { boundOperators, fingerprintsBothWays } from '../helpers/engineShortcutsCheck';
import { corpusRoot } from './corpusRoot';
import { loadCorpus } from './ruleCorpus';

/** The engine shortcuts against the engine as shipped, on real Sentinel rules. */
test("the shortcuts give exactly the engine's diagnostics and bound trees on real rules", () => {
  // Every fourth rule keeps this to a few seconds and still covers ~190 real queries.
  const texts = loadCorpus(corpusRoot())
    .filter((_, i) => i % 4 === 0)
    .map((r) => r.query);
  const { withShortcuts, shipped } = fingerprintsBothWays(texts);
  assert.ok(texts.length > 150);
  assert.ok(boundOperators(shipped) > 500, 'the queries bind many operators to their overloads');
  assert.ok(
    shipped.some((f) => f.includes('dx KS5')),
    'the analyzers report something',
  );
  for (let i = 0; i < texts.length; i++)
    assert.equal(withShortcuts[i], shipped[i], `query ${i} differs:\n${texts[i]}`);
});
