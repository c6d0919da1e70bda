import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { builtinSchema } from '../../server/src/schema/builtinSchemas';
import { BuiltinSchemaProvider } from '../../server/src/schema/schemaProvider';
import { corpusRoot } from './corpusRoot';
import { KNOWN_RULE_ERRORS } from './knownRuleErrors';
import { measureAccuracy, measureMisspellings } from './accuracyMeasures';
import { loadCorpus } from './ruleCorpus';

/**
 * The accuracy of the Sentinel catalogue on 767 real rules. Every query is checked in the
 * `sentinel` environment; an error on a rule that is not listed in knownRuleErrors.ts is a false
 * alarm. Slow by nature (every query is bound once, then 200 are bound again misspelled).
 */
const schemas = new BuiltinSchemaProvider();
const globals = schemas.globalsFor('sentinel');
const rules = loadCorpus(corpusRoot());

test('the corpus is there: 767 rule files with a query', () => {
  assert.equal(rules.length, 767);
});

const accuracy = measureAccuracy(globals, rules);

test('at most 1% of the real rules get an error that is not explained', { timeout: 600_000 }, () => {
  const unexplained = accuracy.unexplained.map(
    (r) => `${r.file}: ${r.errors.map((e) => `'${e.text}' ${e.message}`).join('; ')}`,
  );
  assert.ok(
    unexplained.length <= rules.length / 100,
    `false alarms on ${unexplained.length} files:\n${unexplained.join('\n')}`,
  );
  assert.deepEqual(
    unexplained,
    [],
    'every error should be explained in knownRuleErrors.ts or fixed in the catalogue',
  );
});

test('every pinned error still occurs, so the list cannot go stale', () => {
  assert.deepEqual(accuracy.stale, []);
  assert.ok(Object.keys(KNOWN_RULE_ERRORS).length > 0);
});

test(
  'one character changed in a table or column name of 200 rules: an error on exactly that name, every time',
  { timeout: 600_000 },
  () => {
    const clean = rules.filter((r) => !accuracy.withErrors.some((e) => e.file === r.file));
    const result = measureMisspellings(globals, builtinSchema('sentinel'), clean, 200);
    assert.equal(result.tried.length, 200);
    assert.ok(result.tried.some((t) => t.kind === 'table') && result.tried.some((t) => t.kind === 'column'));
    assert.deepEqual(
      result.missed.map((m) => `${m.file}: ${m.original} -> ${m.misspelled} (${m.got})`),
      [],
    );
  },
);
