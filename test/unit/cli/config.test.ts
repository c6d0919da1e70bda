import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findConfigFile, loadConfig, parseConfig } from '../../../server/src/cli/config';
import { UsageError } from '../../../server/src/cli/exitCodes';
import { DEFAULT_SETTINGS } from '../../../server/src/protocol/settings';
import { tempTree } from '../../helpers/cliHarness';

test('.kqlhunt.json takes the editor setting keys, bare or with the kqlHunting. prefix', () => {
  const bare = parseConfig(
    '{"environment": "sentinel", "lints": {"KS142": "off"}, "schemaFiles": ["schemas/*.json"]}',
    'x.json',
  );
  assert.equal(bare.environment, 'sentinel');
  assert.deepEqual(bare.lints, { KS142: 'off' });
  assert.deepEqual(bare.schemaFiles, ['schemas/*.json']);
  const prefixed = parseConfig(
    '\ufeff{"kqlHunting.environment": "sentinel", "kqlHunting.lints": {"KS500": "warning"}}',
    'x.json',
  );
  assert.equal(prefixed.environment, 'sentinel');
  assert.deepEqual(prefixed.lints, { KS500: 'warning' });
  assert.equal(prefixed.validationDelay, DEFAULT_SETTINGS.validationDelay);
});

test('a misspelt key, a bad value or broken JSON is a usage error naming the problem', () => {
  assert.throws(
    () => parseConfig('{"enviroment": "sentinel"}', 'c.json'),
    (e: Error) => e instanceof UsageError && /unknown key "enviroment"/.test(e.message),
  );
  assert.throws(
    () => parseConfig('{"environment": "azure"}', 'c.json'),
    (e: Error) => e instanceof UsageError && /invalid value for "environment"/.test(e.message),
  );
  assert.throws(
    () => parseConfig('{"lints": {"KS142": "warn"}}', 'c.json'),
    (e: Error) => e instanceof UsageError && /invalid value for "lints"/.test(e.message),
  );
  assert.throws(
    () => parseConfig('{"environment": ', 'c.json'),
    (e: Error) => e instanceof UsageError && /c\.json is not valid JSON/.test(e.message),
  );
  assert.throws(() => parseConfig('[]', 'c.json'), /must hold a JSON object/);
});

test('the nearest .kqlhunt.json above the working folder is used; schemaFiles are relative to its folder', () => {
  const tree = tempTree({
    '.kqlhunt.json': '{"environment": "sentinel"}',
    'rules/deep/q.kql': 'print 1',
    'other/.kqlhunt.json': '{}',
  });
  try {
    const deep = path.join(tree.dir, 'rules', 'deep');
    assert.equal(findConfigFile(deep), path.join(tree.dir, '.kqlhunt.json'));
    const config = loadConfig(deep);
    assert.equal(config.settings.environment, 'sentinel');
    assert.equal(config.baseDir, tree.dir);
    assert.equal(loadConfig(path.join(tree.dir, 'other')).settings.environment, 'defender');
    assert.equal(
      loadConfig(deep, '../../other/.kqlhunt.json').file,
      path.join(tree.dir, 'other', '.kqlhunt.json'),
    );
    assert.throws(() => loadConfig(deep, 'missing.json'), /cannot read configuration/);
  } finally {
    tree.dispose();
  }
});

test('keys that kqlhunt run reads, and partial nested settings, are accepted', () => {
  const s = parseConfig(
    '{"workspaces": [{"name": "lab", "kind": "local", "folder": "data"}], "run.timeoutSeconds": 30, "format": {"indentationSize": 2}, "limits": {"maxQueries": 10}}',
    'c.json',
  );
  assert.equal(s.format.indentationSize, 2);
  assert.equal(s.format.pipeOperatorStyle, 'newLine');
  assert.equal(s.limits.maxQueries, 10);
  assert.throws(
    () => parseConfig('{"format": {"indentationSize": "wide"}}', 'c.json'),
    (e: Error) => e instanceof UsageError && /invalid value for "format"/.test(e.message),
  );
});

test('lints accepts every kind of diagnostic code and rejects anything else by name', () => {
  const lints = {
    KS142: 'off',
    KS503: 'warning',
    'missing-time-filter': 'error',
    'rule-severity': 'warning',
    'yaml-syntax': 'error',
    'KQLH-LIMIT-NESTING': 'warning',
  };
  assert.deepEqual(parseConfig(JSON.stringify({ lints }), 'c.json').lints, lints);
  for (const id of [
    'constructor',
    '__proto__',
    'toString',
    'KS999',
    'ks142',
    'KQLH-LIMIT-OTHER',
    'missing-time-filters',
  ]) {
    const text = `{"lints": {${JSON.stringify(id)}: "off"}}`;
    assert.throws(
      () => parseConfig(text, 'c.json'),
      (e: Error) =>
        e instanceof UsageError &&
        e.message.includes(`"lints" names "${id}", which is not a diagnostic code`),
      id,
    );
  }
});

test('a configuration nested deeper than settings ever are is a usage error, not a stack overflow', () => {
  const depth = 100_000;
  const text = `{"format": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`;
  assert.throws(
    () => parseConfig(text, 'deep.json'),
    (e: Error) => e instanceof UsageError && /configuration deep\.json is too deeply nested/.test(e.message),
  );
  assert.throws(
    () => parseConfig(`{"lints": ${'['.repeat(depth)}${']'.repeat(depth)}}`, 'deep.json'),
    /too deeply nested/,
  );
});

test('limits above their maxima are refused with the allowed range', () => {
  assert.equal(
    parseConfig('{"limits": {"maxDocumentSize": 2000000, "maxQueries": 5000}}', 'c.json').limits.maxQueries,
    5000,
  );
  assert.throws(
    () => parseConfig('{"limits": {"maxDocumentSize": 1e9}}', 'c.json'),
    (e: Error) =>
      e instanceof UsageError &&
      /invalid value for "limits".*maxDocumentSize from 1 to 2000000/.test(e.message),
  );
  assert.throws(() => parseConfig('{"limits": {"maxQueries": 5001}}', 'c.json'), /maxQueries from 1 to 5000/);
});
