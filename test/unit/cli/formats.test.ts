import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { FileResult, Finding } from '../../../server/src/cli/findings';
import { formatGithub } from '../../../server/src/cli/formats/githubFormat';
import { formatJson } from '../../../server/src/cli/formats/jsonFormat';
import type { Report } from '../../../server/src/cli/formats/report';
import { formatSarif } from '../../../server/src/cli/formats/sarifFormat';
import { formatText } from '../../../server/src/cli/formats/textFormat';
import { sarifSchemaErrors } from '../../helpers/sarifSchema';

function finding(over: Partial<Finding>): Finding {
  return {
    file: 'q/a.kql',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'error',
    code: 'KS142',
    message: 'm',
    ...over,
  };
}

const RESULTS: FileResult[] = [
  {
    file: 'q/a b.kql',
    findings: [
      finding({
        file: 'q/a b.kql',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 16,
        message: "The name 'FileNme' does not refer to any known column, table, variable or function.",
      }),
      finding({
        file: 'q/a b.kql',
        line: 3,
        column: 3,
        endLine: 4,
        endColumn: 5,
        severity: 'warning',
        code: 'KS508',
        message: 'Avoid using joins without specifying the join kind.',
      }),
    ],
    lines: { 2: '|\twhere FileNme == "x"', 3: '| join (T' },
  },
  { file: 'q/clean.kql', findings: [], lines: {} },
  {
    file: 'r,1:x.kql',
    findings: [
      finding({
        file: 'r,1:x.kql',
        severity: 'info',
        code: 'KS500',
        message: "Avoid 'contains': 100% slower,\nuse 'has'.",
      }),
    ],
    lines: { 1: 'T' },
  },
];

function report(colour = false): Report {
  return { results: RESULTS, cwd: '/work/repo', toolVersion: '1.2.3', colour };
}

test('text: one heading line per finding, the source line, and carets under the range (tabs kept for alignment)', () => {
  assert.equal(
    formatText(report()),
    [
      "q/a b.kql:2:9 error KS142 The name 'FileNme' does not refer to any known column, table, variable or function.",
      '2 | |\twhere FileNme == "x"',
      '  |  \t      ^^^^^^^',
      'q/a b.kql:3:3 warning KS508 Avoid using joins without specifying the join kind.',
      '3 | | join (T',
      '  |   ^^^^^^^',
      "r,1:x.kql:1:1 info KS500 Avoid 'contains': 100% slower, use 'has'.",
      '1 | T',
      '  | ^',
      '',
    ].join('\n'),
  );
});

test('text: colour codes only when asked for, and the same words underneath', () => {
  const plain = formatText(report());
  const coloured = formatText(report(true));
  assert.ok(!plain.includes('\x1b['));
  assert.ok(coloured.includes('\x1b[31merror\x1b[0m'));
  assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), plain);
});

test('json: exactly the documented keys, 1-based, end one past the last character', () => {
  const rows = JSON.parse(formatJson(report())) as Record<string, unknown>[];
  assert.equal(rows.length, 3);
  assert.deepEqual(Object.keys(rows[0]), [
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'severity',
    'code',
    'message',
  ]);
  assert.deepEqual(
    rows.map((r) => r.severity),
    ['error', 'warning', 'info'],
  );
  assert.deepEqual([rows[0].line, rows[0].column, rows[0].endLine, rows[0].endColumn], [2, 9, 2, 16]);
  assert.equal(formatJson({ ...report(), results: [] }), '[]\n');
});

test('github: workflow commands with escaped data and properties', () => {
  const lines = formatGithub(report()).trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.equal(
    lines[0],
    "::error file=q/a b.kql,line=2,col=9,endLine=2,endColumn=16,title=kqlhunt KS142::The name 'FileNme' does not refer to any known column, table, variable or function.",
  );
  assert.ok(lines[1].startsWith('::warning file=q/a b.kql,line=3,col=3,endLine=4,endColumn=5,'));
  assert.equal(
    lines[2],
    "::notice file=r%2C1%3Ax.kql,line=1,col=1,endLine=1,endColumn=2,title=kqlhunt KS500::Avoid 'contains': 100%25 slower,%0Ause 'has'.",
  );
});

test('sarif: valid against the SARIF 2.1.0 schema, with a rule and help for every code and relative, encoded locations', () => {
  const log = JSON.parse(formatSarif(report()));
  assert.deepEqual(sarifSchemaErrors(log), []);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'kqlhunt');
  assert.equal(run.tool.driver.version, '1.2.3');
  assert.deepEqual(
    run.tool.driver.rules.map((r: { id: string }) => r.id),
    ['KS142', 'KS500', 'KS508'],
  );
  for (const rule of run.tool.driver.rules)
    assert.ok(rule.help.text.length > 0 && rule.shortDescription.text.length > 0);
  assert.deepEqual(
    run.results.map((r: { level: string }) => r.level),
    ['error', 'warning', 'note'],
  );
  for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  const location = run.results[0].locations[0].physicalLocation;
  assert.deepEqual(location.artifactLocation, { uri: 'q/a%20b.kql', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(location.region, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 16 });
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
  assert.equal(run.columnKind, 'utf16CodeUnits');
});

test('sarif: the schema check itself rejects a broken log', () => {
  const log = JSON.parse(formatSarif(report()));
  log.runs[0].results[0].level = 'fatal';
  delete log.runs[0].tool.driver.name;
  assert.equal(sarifSchemaErrors(log).length > 0, true);
});

/** A file whose name, message, code and source line all carry controls (see visibleText.ts). */
const HOSTILE: FileResult[] = [
  {
    file: 'x\n::error::y\x1b[2J.kql',
    findings: [
      finding({
        file: 'x\n::error::y\x1b[2J.kql',
        line: 1,
        column: 17,
        endLine: 1,
        endColumn: 20,
        code: 'K\x07',
        message: 'bad\x9b31m \u202eword',
      }),
    ],
    lines: { 1: '\tx = "\x1b]0;t\x07" | abc' },
  },
  { file: ' ::notice::z.kql', findings: [finding({ file: ' ::notice::z.kql' })], lines: {} },
];

test('text: controls in names, codes, messages and source lines are written out; carets follow the written-out line', () => {
  const out = formatText({ ...report(), results: HOSTILE });
  assert.equal(
    out,
    [
      'x\\n::error::y\\x1b[2J.kql:1:17 error K\\x07 bad\\x9b31m \\u202eword',
      '1 | \tx = "\\x1b]0;t\\x07" | abc',
      '  | \t                     ^^^',
      './ ::notice::z.kql:1:1 error KS142 m',
      '',
    ].join('\n'),
  );
});

test('github: ESC and other controls are written out before the toolkit escaping; only our commands start a line', () => {
  const lines = formatGithub({ ...report(), results: HOSTILE })
    .trimEnd()
    .split('\n');
  assert.equal(lines.length, 2);
  assert.equal(
    lines[0],
    '::error file=x%0A%3A%3Aerror%3A%3Ay\\x1b[2J.kql,line=1,col=17,endLine=1,endColumn=20,title=kqlhunt K\\x07::bad\\x9b31m \\u202eword',
  );
  assert.ok(lines[1].startsWith('::error file= %3A%3Anotice%3A%3Az.kql,'));
});

test('json and sarif: the controls JSON leaves raw (DEL, C1, direction) are escaped, and the values read back unchanged', () => {
  const json = formatJson({ ...report(), results: HOSTILE });
  const sarif = formatSarif({ ...report(), results: HOSTILE });
  for (const text of [json, sarif]) assert.ok(!/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/.test(text), text);
  assert.equal((JSON.parse(json) as Finding[])[0].message, 'bad\x9b31m \u202eword');
  assert.equal(JSON.parse(sarif).runs[0].results[0].message.text, 'bad\x9b31m \u202eword');
});
