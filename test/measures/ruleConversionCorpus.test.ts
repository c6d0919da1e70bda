import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseRuleYaml } from '../../server/src/documents/ruleYaml';
import { defenderToSentinel } from '../../server/src/rules/convert/defenderToSentinel';
import { sentinelToDefender } from '../../server/src/rules/convert/sentinelToDefender';
import { corpusRoot } from './corpusRoot';

/**
 * Rule conversion over the real Sentinel rules: every analytic rule converts to a custom
 * detection, and back to a rule with the same name, severity, techniques, frequency (where
 * Defender has it) and query text. Prints why fields did not carry over, by kind.
 */
const CORPUS = path.join(corpusRoot(), 'corpus', 'sentinel-rules');

test('every analytic rule of the corpus converts to a custom detection and back', () => {
  const reasons = new Map<string, number>();
  let analytic = 0;
  let sameQuery = 0;
  const mismatches: string[] = [];
  for (const file of fs.readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f))) {
    const rule = parseRuleYaml(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    if (!rule || rule.type === 'hunting' || !rule.region) continue;
    analytic++;
    const there = sentinelToDefender(rule);
    assert.ok(there.ok, file);
    for (const note of there.notConverted) {
      const kind = note.replace(/'[^']*'|\([^)]*\)|\b[A-Z]\w*(?:, [A-Z]\w*)*\b|\d+\w*/g, '…').slice(0, 80);
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
    const back = defenderToSentinel(JSON.parse(JSON.stringify(there.rule)));
    assert.ok(back.ok, file);
    const again = parse(back.rule) as Record<string, unknown>;
    if (again.query === rule.region.text.replace(/\n+$/, '') + '\n') sameQuery++;
    else mismatches.push(file);
    assert.equal(again.name, there.rule.displayName, file);
  }
  console.log(`analytic rules: ${analytic}; query text returned exactly: ${sameQuery}`);
  for (const [kind, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`${count}\t${kind}`);
  assert.ok(analytic > 200);
  assert.deepEqual(mismatches, []);
});
