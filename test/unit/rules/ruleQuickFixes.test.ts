import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { intendedTactic, intendedTechnique } from '../../../server/src/rules/attackCorrections';
import { doc, settings, testService } from '../../helpers/languageService';

const RULE = (tactics: string, techniques: string) => `id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b
name: TightVNC connection
description: Connections made by TightVNC.
severity: Medium
requiredDataConnectors:
  - connectorId: MicrosoftThreatProtection
    dataTypes:
      - DeviceNetworkEvents
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
${tactics}
${techniques}
query: |
  DeviceNetworkEvents
  | where InitiatingProcessFileName =~ "tvnserver.exe"
  | project TimeGenerated, DeviceName
kind: Scheduled
version: 1.0.0
`;

/** The rule findings of a file and the quick fixes the service offers for them. */
function fixesOf(text: string) {
  const service = testService();
  const s = settings();
  const document = doc(text, 'file:///rules/r.yaml', 'yaml');
  const analysis = service.analyze(document, s);
  const diagnostics = service.getDiagnostics(analysis, s).filter((d) => d.source === 'kql-rules');
  const actions = diagnostics
    .flatMap((d) => service.getCodeActions(analysis, d.range, [d]))
    // The "Suppress CODE" fixes (language/suppressions) are offered for every finding; they are not repairs.
    .filter((a) => a.kind === CodeActionKind.QuickFix && a.edit && !a.title.startsWith('Suppress '));
  const errorsAfter = () => {
    const fixed = doc(
      TextDocument.applyEdits(
        document,
        actions.flatMap((a) => a.edit!.changes![document.uri]),
      ),
      document.uri,
      'yaml',
    );
    const after = service
      .getDiagnostics(service.analyze(fixed, s), s)
      .filter((d) => d.source === 'kql-rules' && d.severity === DiagnosticSeverity.Error);
    return { text: fixed.getText(), errors: after.map((d) => d.message) };
  };
  return { diagnostics, actions, errorsAfter };
}

test('the tactic a misspelt name means: spacing, casing, an ampersand, a slip of a letter; none when unclear', () => {
  const cases: [string, string | undefined][] = [
    ['Persistance', 'Persistence'],
    ['command and control', 'CommandAndControl'],
    ['Command & Control', 'CommandAndControl'],
    ['Command_and_Control', 'CommandAndControl'],
    ['Defence Evasion', 'DefenseEvasion'],
    ['Lateral-Movement', 'LateralMovement'],
    ['Privilege Escalaton', 'PrivilegeEscalation'],
    ['Exfil', undefined],
    ['C2', undefined],
    ['Foo', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(intendedTactic(text), expected, text);
});

test('the technique id a malformed one means: case, a short sub-technique number, a missing T; none when it cannot be told', () => {
  const cases: [string, string | undefined][] = [
    ['t1219', 'T1219'],
    ['T1219.1', 'T1219.001'],
    ['t1078.04', 'T1078.004'],
    ['1219', 'T1219'],
    ['T 1219', 'T1219'],
    ['T1219', undefined],
    ['T12190', undefined],
    ['TA0011', undefined],
    ['T1219.0001', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(intendedTechnique(text), expected, text);
});

test('quick fixes replace a misspelt tactic and a malformed technique, and the rule is clean afterwards', () => {
  const { diagnostics, actions, errorsAfter } = fixesOf(
    RULE(
      'tactics:\n  - Persistance\n  - command and control',
      'relevantTechniques:\n  - t1219\n  - "T1547.1"',
    ),
  );
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), [
    'rule-tactic',
    'rule-tactic',
    'rule-technique-format',
    'rule-technique-format',
  ]);
  assert.match(
    String(diagnostics.find((d) => d.code === 'rule-tactic')!.message),
    /Did you mean Persistence\?/,
  );
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      "Change to 'Persistence'",
      "Change to 'CommandAndControl'",
      "Change to 'T1219'",
      "Change to 'T1547.001'",
    ],
  );
  assert.ok(actions.every((a) => a.isPreferred && a.diagnostics?.length === 1));
  const after = errorsAfter();
  assert.deepEqual(after.errors, []);
  assert.match(
    after.text,
    /tactics:\n {2}- Persistence\n {2}- CommandAndControl\nrelevantTechniques:\n {2}- T1219\n {2}- T1547\.001\n/,
  );
});

test('no quick fix where there is no one right answer', () => {
  const { diagnostics, actions } = fixesOf(
    RULE('tactics:\n  - Exfil\n  - CommandAndControl', 'relevantTechniques:\n  - T12190'),
  );
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['rule-tactic', 'rule-technique-format']);
  assert.deepEqual(actions, []);
});

test("making a scalar tactic a list keeps a CRLF file's line breaks", () => {
  const text = RULE('tactics: CommandAndControl', 'relevantTechniques:\n  - T1219').replace(/\n/g, '\r\n');
  const { actions, errorsAfter } = fixesOf(text);
  assert.deepEqual(
    actions.map((a) => a.title),
    ["Make 'tactics' a list"],
  );
  const after = errorsAfter();
  assert.deepEqual(after.errors, []);
  assert.match(after.text, /\r\ntactics:\r\n {2}- CommandAndControl\r\nrelevantTechniques:/);
  assert.doesNotMatch(after.text, /[^\r]\n/, 'a bare LF in a CRLF file');
  // A file with LF line breaks keeps LF.
  const lf = fixesOf(RULE('tactics: CommandAndControl', 'relevantTechniques:\n  - T1219')).errorsAfter().text;
  assert.match(lf, /\ntactics:\n {2}- CommandAndControl\nrelevantTechniques:/);
  assert.doesNotMatch(lf, /\r/);
});
