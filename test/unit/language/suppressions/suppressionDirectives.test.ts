import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanDirectives } from '../../../../server/src/language/suppressions/suppressionDirectives';
import { doc, settings, testService } from '../../../helpers/languageService';

/** The directives of a document, with each offset shown as the text it points at. */
function scan(text: string, uri = 'file:///t.kql', languageId = 'kql') {
  const s = testService();
  const document = doc(text, uri, languageId);
  const found = scanDirectives(s.analyze(document, settings()));
  const at = (from: number, to: number) => (from < 0 ? undefined : text.slice(from, to));
  return {
    suppressions: found.suppressions.map((d) => ({
      name: at(d.nameStart, d.nameEnd),
      codes: d.codes.map((c) => at(c.start, c.end)),
      reason: d.reason,
      covers: at(d.from, d.to),
      ruleChecks: d.ruleChecks,
    })),
    unknown: found.unknown.map((u) => at(u.start, u.end)),
  };
}

test('next-line: codes split on commas and spaces, the reason after --, the next line covered', () => {
  const text =
    '// kqlhunt-disable-next-line KS142, missing-time-filter  unused-let -- known gap\nT | where x == 1\nT';
  assert.deepEqual(scan(text), {
    suppressions: [
      {
        name: 'kqlhunt-disable-next-line',
        codes: ['KS142', 'missing-time-filter', 'unused-let'],
        reason: 'known gap',
        covers: 'T | where x == 1',
        ruleChecks: false,
      },
    ],
    unknown: [],
  });
});

test('no reason, an empty reason and a -- glued to a code are all read as no reason', () => {
  for (const comment of ['KS142', 'KS142 --', 'KS142 --   ']) {
    const [d] = scan(`// kqlhunt-disable-next-line ${comment}\nT`).suppressions;
    assert.equal(d.reason, undefined, comment);
    assert.deepEqual(d.codes, ['KS142'], comment);
  }
  // `--` only separates when it stands alone, so a code may not hide a reason inside it.
  const [glued] = scan('// kqlhunt-disable-next-line KS142--why\nT').suppressions;
  assert.deepEqual(glued.codes, ['KS142--why']);
  assert.equal(glued.reason, undefined);
});

test('next-line skips comment lines, so directives can be stacked; at the end nothing is covered', () => {
  const text =
    '// kqlhunt-disable-next-line KS142 -- a\n// kqlhunt-disable-next-line unused-let -- b\n\nT | take 1';
  assert.deepEqual(
    scan(text).suppressions.map((d) => d.covers),
    ['', ''],
  );
  // The blank line counts as the next line (a blank line ends a query, so nothing is there).
  const stacked =
    '// kqlhunt-disable-next-line KS142 -- a\n// kqlhunt-disable-next-line unused-let -- b\nT | take 1';
  assert.deepEqual(
    scan(stacked).suppressions.map((d) => d.covers),
    ['T | take 1', 'T | take 1'],
  );
  assert.equal(scan('T\n// kqlhunt-disable-next-line KS142 -- last').suppressions[0].covers, undefined);
});

test('kqlhunt-disable covers from the comment to the end of its query, not the next one', () => {
  const text = 'A | take 1\n\nB\n// kqlhunt-disable KS142 -- r\n| where x == 1\n\nC | where y == 1';
  // The engine's block ends after the blank line that separates it from the next query.
  assert.equal(scan(text).suppressions[0].covers, '\n| where x == 1\n\n');
});

test('a directive inside a string literal is text, not a comment', () => {
  assert.deepEqual(scan('T | where x == "// kqlhunt-disable KS142"\n| where y == 1'), {
    suppressions: [],
    unknown: [],
  });
});

test('a misspelled directive is reported as unknown, a plain comment is not a directive', () => {
  const result = scan('// kqlhunt-disable-line KS142\n// kqlhunt is great\nT');
  assert.deepEqual(result.suppressions, []);
  assert.deepEqual(result.unknown, ['kqlhunt-disable-line']);
});

test('in Markdown, directives are read in the fenced KQL only, with document offsets', () => {
  const text =
    '// kqlhunt-disable KS142 -- prose\n\n```kql\n// kqlhunt-disable-next-line KS142 -- fence\nT | where x == 1\n```\n';
  const result = scan(text, 'file:///n.md', 'markdown');
  assert.deepEqual(
    result.suppressions.map((d) => [d.reason, d.covers]),
    [['fence', 'T | where x == 1']],
  );
});

test('in a rule YAML: # at the top is for the rule checks, // in the query for the query', () => {
  const text = [
    '# Owned by the SOC team',
    '# kqlhunt-disable rule-severity, rule-kind -- legacy rule',
    '# kqlhunt-disable-next-line rule-kind',
    'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
    '# kqlhunt-disable rule-tactic -- not at the top, so a plain comment',
    'query: |',
    '  // kqlhunt-disable-next-line KS142 -- column added later',
    '  T | where x == 1',
    'kind: Scheduled',
    '',
  ].join('\n');
  const result = scan(text, 'file:///r.yaml', 'yaml');
  assert.deepEqual(result.suppressions, [
    {
      name: 'kqlhunt-disable-next-line',
      codes: ['KS142'],
      reason: 'column added later',
      covers: 'T | where x == 1',
      ruleChecks: false,
    },
    {
      name: 'kqlhunt-disable',
      codes: ['rule-severity', 'rule-kind'],
      reason: 'legacy rule',
      covers: text,
      ruleChecks: true,
    },
  ]);
  // Only the file-wide form applies at the top of a rule.
  assert.deepEqual(result.unknown, ['kqlhunt-disable-next-line']);
});
