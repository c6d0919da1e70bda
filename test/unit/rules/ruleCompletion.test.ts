import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, settings, testService } from '../../helpers/languageService';
import { parseMarkers } from '../../helpers/markers';

function labelsAt(marked: string): string[] {
  const { text, caret } = parseMarkers(marked);
  const service = testService();
  const document = doc(text, 'file:///rules/r.yaml', 'yaml');
  const s = settings();
  const list = service.getCompletions(service.analyze(document, s), document.positionAt(caret!), {
    snippetSupport: true,
  });
  return list.items.map((i) => i.label);
}

const RULE = 'id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b\nname: n\n';

test('rule keys at the top level, without the ones already there', () => {
  const labels = labelsAt(`${RULE}sev‸\nquery: |\n  DeviceEvents\n`);
  assert.ok(labels.includes('severity') && labels.includes('queryFrequency'), labels.join());
  assert.ok(!labels.includes('name') && !labels.includes('query'), labels.join());
});

test('the fixed values of kind, severity, triggerOperator, tactics, entityType and identifier', () => {
  assert.deepEqual(labelsAt(`${RULE}kind: ‸\nquery: T\n`), ['Scheduled', 'NRT']);
  assert.deepEqual(labelsAt(`${RULE}severity: M‸\nquery: T\n`), ['Informational', 'Low', 'Medium', 'High']);
  assert.deepEqual(labelsAt(`${RULE}triggerOperator: ‸\nquery: T\n`), ['gt', 'lt', 'eq', 'ne']);
  assert.ok(labelsAt(`${RULE}tactics:\n  - Comm‸\nquery: T\n`).includes('CommandAndControl'));
  assert.ok(labelsAt(`${RULE}tactics: [Persistence, ‸]\nquery: T\n`).includes('DefenseEvasion'));
  assert.ok(labelsAt(`${RULE}query: T\nentityMappings:\n  - entityType: ‸\n`).includes('Account'));
  assert.deepEqual(
    labelsAt(
      `${RULE}query: T\nentityMappings:\n  - entityType: IP\n    fieldMappings:\n      - identifier: ‸\n`,
    ),
    ['Address'],
  );
});

test('inside the query, completion is the KQL engine’s', () => {
  const labels = labelsAt(`${RULE}kind: Scheduled\nquery: |\n  SecurityEvent\n  | where Even‸\n`);
  assert.ok(labels.includes('EventID'), labels.slice(0, 20).join());
  assert.ok(!labels.includes('Scheduled'));
});

test('quick fixes turn a scalar tactic into a list and re-indent a misplaced dataTypes', () => {
  const text = `${RULE}description: d\nrequiredDataConnectors:\n    - connectorId: MicrosoftThreatProtection\n    dataTypes:\n        - DeviceNetworkEvents\ntactics: CommandAndControl\nquery: |\n  DeviceNetworkEvents\n`;
  const service = testService();
  const s = settings();
  const document = doc(text, 'file:///rules/r.yaml', 'yaml');
  const analysis = service.analyze(document, s);
  const diagnostics = service.getDiagnostics(analysis, s).filter((d) => d.source === 'kql-rules');
  const actions = service
    .getCodeActions(analysis, diagnostics[0].range, diagnostics)
    // The "Suppress CODE" fixes (language/suppressions) are offered for every finding; they are not repairs.
    .filter((a) => a.kind === CodeActionKind.QuickFix && a.edit && !a.title.startsWith('Suppress '));
  assert.deepEqual(actions.map((a) => a.title).sort(), [
    'Indent by 2 spaces under the list item above',
    "Make 'tactics' a list",
  ]);
  const fixed = TextDocument.applyEdits(
    document,
    actions.flatMap((a) => a.edit!.changes![document.uri]),
  );
  assert.match(
    fixed,
    /requiredDataConnectors:\n {4}- connectorId: MicrosoftThreatProtection\n {6}dataTypes:\n {10}- DeviceNetworkEvents\ntactics:\n {2}- CommandAndControl\n/,
  );
  const after = doc(fixed, 'file:///rules/r.yaml', 'yaml');
  assert.deepEqual(
    service
      .getDiagnostics(service.analyze(after, s), s)
      .filter((d) => d.source === 'kql-rules' && d.severity === 1)
      .map((d) => d.message),
    [],
  );
});
