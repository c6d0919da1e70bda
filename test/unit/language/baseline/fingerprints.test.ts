import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { applyBaseline } from '../../../../server/src/language/baseline/baselineDiagnostics';
import {
  fingerprintsOf,
  fingerprintText,
  type FlaggedFinding,
} from '../../../../server/src/language/baseline/fingerprints';

const at = (line: number, character: number) => ({ line, character });
const flagged = (code: string, text: string, line: number, character = 0): FlaggedFinding => ({
  code,
  text,
  message: `${code} message`,
  start: at(line, character),
  end: at(line, character + text.length),
});

test('the flagged text with its whitespace collapsed; the message when it flags nothing', () => {
  assert.equal(fingerprintText('  T\n\t|  where\r\n  x ', 'm'), 'T | where x');
  assert.equal(
    fingerprintText('', "'severity' is required in\n a rule."),
    "'severity' is required in a rule.",
  );
  assert.equal(fingerprintText(' \n ', 'm'), 'm');
  assert.equal(fingerprintText('é ☃ 𝒳', 'm'), 'é ☃ 𝒳');
});

test('a long flagged text is shortened, with a hash of the whole that tells texts apart', () => {
  const long = (tail: string) => `${'DeviceProcessEvents | where A == 1 '.repeat(5)}${tail}`;
  const a = fingerprintText(long('x'), 'm');
  const b = fingerprintText(long('y'), 'm');
  assert.match(a, /^DeviceProcessEvents \| where A == 1 .{60,}… sha256:[0-9a-f]{16}$/);
  assert.ok(a.length <= 130);
  assert.notEqual(a, b);
  // Re-wrapping the same text does not change it.
  assert.equal(fingerprintText(long('x').replace(/ \| /g, '\n    | '), 'm'), a);
  // At the boundary: 120 characters are kept whole.
  assert.equal(fingerprintText('a'.repeat(120), 'm'), 'a'.repeat(120));
  assert.match(fingerprintText('a'.repeat(121), 'm'), /sha256:/);
});

test('occurrences of one code and text are numbered in report order, whatever order they come in', () => {
  const findings = [
    flagged('KS142', 'x', 9),
    flagged('KS142', 'x', 2),
    flagged('missing-time-filter', 'x', 5),
    flagged('KS142', 'x', 2, 10),
    flagged('KS142', 'y', 1),
  ];
  assert.deepEqual(
    fingerprintsOf('q.kql', findings).map((e) => `${e.code}:${e.text}:${e.occurrence}`),
    ['KS142:x:2', 'KS142:x:0', 'missing-time-filter:x:0', 'KS142:x:1', 'KS142:y:0'],
  );
  // Moved down by three lines, the same findings get the same fingerprints: no line is in them.
  const moved = findings.map((f) => ({
    ...f,
    start: at(f.start.line + 3, f.start.character),
    end: at(f.end.line + 3, f.end.character),
  }));
  assert.deepEqual(fingerprintsOf('q.kql', moved), fingerprintsOf('q.kql', findings));
  assert.deepEqual(fingerprintsOf('q.kql', []), []);
});

test('the editor dims, hides or shows the findings the baseline holds, and never matches hints', () => {
  const text = 'T\n| where NoSuch == 1\n| where NoSuch == 2\n';
  const document = TextDocument.create('file:///w/q.kql', 'kql', 1, text);
  const diagnostic = (
    line: number,
    code: string,
    severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ): Diagnostic => ({
    range: { start: at(line, 8), end: at(line, 14) },
    severity,
    code,
    message: `${code} on line ${line}`,
  });
  const diagnostics = [
    diagnostic(2, 'KS142'),
    diagnostic(1, 'KS142'),
    diagnostic(1, 'unused-name', DiagnosticSeverity.Hint),
  ];
  const baseline = {
    entries: [
      { file: 'q.kql', code: 'KS142', text: 'NoSuch', occurrence: 0 },
      { file: 'q.kql', code: 'unused-name', text: 'NoSuch', occurrence: 0 },
    ],
  };
  const dimmed = applyBaseline(document, 'q.kql', diagnostics, baseline, 'dim');
  assert.deepEqual(
    dimmed.map((d) => d.tags),
    [undefined, [DiagnosticTag.Unnecessary], undefined],
  );
  assert.deepEqual(applyBaseline(document, 'q.kql', diagnostics, baseline, 'hide'), [
    diagnostics[0],
    diagnostics[2],
  ]);
  assert.deepEqual(applyBaseline(document, 'q.kql', diagnostics, baseline, 'show'), diagnostics);
  // Another file's entries do not apply.
  assert.deepEqual(applyBaseline(document, 'other/q.kql', diagnostics, baseline, 'hide'), diagnostics);
  // The input is not changed.
  assert.equal(diagnostics[1].tags, undefined);
});
