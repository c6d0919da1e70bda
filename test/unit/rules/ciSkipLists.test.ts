import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyCiSkips, ciSkipLists, parseCiSkipFile } from '../../../server/src/rules/ciSkipLists';
import { RULE_DIAGNOSTIC_SOURCE } from '../../../server/src/rules/ruleCheckTable';

/** The repository CI's skip lists, read as the CI reads them (issue 17). */
const ID = '0b2c3d4e-1111-4222-8333-944455566677';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const diag = (code: string, severity: DiagnosticSeverity, source = 'kql'): Diagnostic => ({
  range: at,
  severity,
  code,
  source,
  message: `${code} message`,
});

test('a KQL skip entry counts only with its id, template name and reason, as in the CI', () => {
  const text = JSON.stringify([
    { id: ID, templateName: 'widget.yaml', validationFailReason: 'the engine lacks widget_lookup' },
    { id: 'aaaaaaaa-0000-0000-0000-000000000000', templateName: '', validationFailReason: 'no name' },
    { id: 'bbbbbbbb-0000-0000-0000-000000000000', templateName: 'x.yaml' },
    'not an entry',
  ]);
  const parsed = parseCiSkipFile('kql', `\uFEFF${text}`);
  assert.deepEqual(parsed, { ok: true, entries: [[ID, 'the engine lacks widget_lookup']] });
  assert.deepEqual(parseCiSkipFile('structure', JSON.stringify([ID, '', 3])), {
    ok: true,
    entries: [[ID, '']],
  });
  assert.equal(parseCiSkipFile('kql', '{"id": 1}').ok, false);
  assert.equal(parseCiSkipFile('connectorIds', '[unclosed').ok, false);
});

test('a rule in the KQL skip list gets its engine errors as warnings, with the reason', () => {
  const lists = ciSkipLists({ kql: [[ID.toUpperCase(), 'the engine lacks widget_lookup']] });
  const out = applyCiSkips(
    [
      diag('KS204', DiagnosticSeverity.Error),
      diag('KS508', DiagnosticSeverity.Warning),
      diag('missing-time-filter', DiagnosticSeverity.Warning),
      diag('rule-required-field', DiagnosticSeverity.Error, RULE_DIAGNOSTIC_SOURCE),
    ],
    { id: ID, text: `id: ${ID}\n` },
    lists,
  );
  assert.deepEqual(
    out.map((d) => [d.code, d.severity]),
    [
      ['KS204', DiagnosticSeverity.Warning],
      ['KS508', DiagnosticSeverity.Information],
      ['missing-time-filter', DiagnosticSeverity.Warning],
      ['rule-required-field', DiagnosticSeverity.Error],
    ],
  );
  assert.match(
    String(out[0].message),
    /^KS204 message \(the repository's CI skips KQL validation of this rule/,
  );
  assert.match(String(out[0].message), /the engine lacks widget_lookup/);
  // Another rule keeps its findings as they are.
  const other = [diag('KS204', DiagnosticSeverity.Error)];
  assert.equal(applyCiSkips(other, { id: 'c0ffee00-0000-0000-0000-000000000000', text: '' }, lists), other);
});

test('the structure list matches the id anywhere in the file, and leaves the KQL and connector checks', () => {
  const lists = ciSkipLists({ structure: [[ID, '']] });
  const out = applyCiSkips(
    [
      diag('rule-required-field', DiagnosticSeverity.Error, RULE_DIAGNOSTIC_SOURCE),
      diag('rule-connector-id', DiagnosticSeverity.Warning, RULE_DIAGNOSTIC_SOURCE),
      diag('KS204', DiagnosticSeverity.Error),
    ],
    { id: undefined, text: `# replaces ${ID}\nname: x\n` },
    lists,
  );
  assert.deepEqual(
    out.map((d) => d.severity),
    [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Error],
  );
  assert.match(String(out[0].message), /SkipStrcutreValidationsTemplates\.json/);
});

test('the connector id list lowers only the connector id check', () => {
  const lists = ciSkipLists({ connectorIds: [[ID, '']] });
  const out = applyCiSkips(
    [
      diag('rule-connector-id', DiagnosticSeverity.Warning, RULE_DIAGNOSTIC_SOURCE),
      diag('rule-required-field', DiagnosticSeverity.Error, RULE_DIAGNOSTIC_SOURCE),
    ],
    { id: ID, text: `id: ${ID}\n` },
    lists,
  );
  assert.deepEqual(
    out.map((d) => d.severity),
    [DiagnosticSeverity.Information, DiagnosticSeverity.Error],
  );
  assert.match(String(out[0].message), /SkipConnectorIdsValidationsTemplates\.json/);
});
