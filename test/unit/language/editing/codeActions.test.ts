import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../../../../server/src/language/documentAnalysis';
import { doc, settings, testService } from '../../../helpers/languageService';
import { analysisOfRegions, indentedRegion } from './editingHelpers';

const service = testService();

/** Applies a code action's single-document edit to the text, as an editor would. */
function applied(analysis: DocumentAnalysis, action: CodeAction): string {
  const edits = action.edit!.changes![analysis.document.uri];
  return TextDocument.applyEdits(analysis.document, edits);
}

function actionsFor(
  analysis: DocumentAnalysis,
  code: string,
): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const diagnostic = service.getDiagnostics(analysis, settings()).find((d) => d.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic`);
  return { diagnostic, actions: service.getCodeActions(analysis, diagnostic.range, [diagnostic]) };
}

test("the engine's fix turns contains into has", () => {
  const analysis = service.analyze(
    doc('DeviceNetworkEvents | where Timestamp > ago(1d) | where RemoteUrl contains "tightvnc.com"'),
    settings(),
  );
  const { actions } = actionsFor(analysis, 'KS500');
  const fix = actions.find((a) => /has/.test(a.title));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.kind, CodeActionKind.QuickFix);
  assert.equal(
    applied(analysis, fix),
    'DeviceNetworkEvents | where Timestamp > ago(1d) | where RemoteUrl has "tightvnc.com"',
  );
});

test('did you mean offers the closest column in scope for an unknown name', () => {
  const analysis = service.analyze(
    doc(
      'DeviceNetworkEvents | where Timestamp > ago(1d) | where InitiatingProcessVersionInfoCompanyNme has "GlavSoft"',
    ),
    settings(),
  );
  const { actions } = actionsFor(analysis, 'KS142');
  assert.equal(actions[0].title, "Change to 'InitiatingProcessVersionInfoCompanyName'");
  assert.equal(actions[0].isPreferred, true);
  assert.match(applied(analysis, actions[0]), /where InitiatingProcessVersionInfoCompanyName has/);
  const table = service.analyze(doc('DeviceNetworkEvent | take 1'), settings());
  assert.equal(actionsFor(table, 'KS204').actions[0].title, "Change to 'DeviceNetworkEvents'");
  const fn = service.analyze(doc('print strlenn("a")'), settings());
  assert.equal(actionsFor(fn, 'KS211').actions[0].title, "Change to 'strlen'");
});

test('add a time filter inserts a where on the environment time column after the table', () => {
  const analysis = service.analyze(doc('DeviceNetworkEvents\n| where RemotePort == 443'), settings());
  const { actions } = actionsFor(analysis, 'missing-time-filter');
  const add = actions.find((a) => a.title.startsWith('Add a time filter'))!;
  assert.equal(
    applied(analysis, add),
    'DeviceNetworkEvents | where Timestamp > ago(1d)\n| where RemotePort == 443',
  );
  const sentinel = service.analyze(doc('// kql-environment: sentinel\nSecurityEvent | take 1'), settings());
  const s = actionsFor(sentinel, 'missing-time-filter').actions.find((a) =>
    a.title.startsWith('Add a time filter'),
  )!;
  assert.match(applied(sentinel, s), /SecurityEvent \| where TimeGenerated > ago\(1d\) \| take 1/);
});

test('a case-sensitive name comparison is fixed with =~', () => {
  const analysis = service.analyze(
    doc('DeviceProcessEvents | where Timestamp > ago(1d) | where FileName == "tvnserver.exe"'),
    settings(),
  );
  const { actions } = actionsFor(analysis, 'case-sensitive-name');
  assert.match(applied(analysis, actions[0]), /FileName =~ "tvnserver.exe"/);
});

test('fixes inside a de-indented region edit the right document characters', () => {
  const host = 'query: |\n  DeviceNetworkEvents\n  | where RemoteUrl contains "vnc.com"\n';
  const analysis = analysisOfRegions(host, [indentedRegion(host, host.indexOf('  Device'), host.length, 2)]);
  const { actions } = actionsFor(analysis, 'KS500');
  const fix = actions.find((a) => /has/.test(a.title))!;
  assert.equal(
    applied(analysis, fix),
    'query: |\n  DeviceNetworkEvents\n  | where RemoteUrl has "vnc.com"\n',
  );
  const time = actionsFor(analysis, 'missing-time-filter').actions[0];
  assert.equal(
    applied(analysis, time),
    'query: |\n  DeviceNetworkEvents | where Timestamp > ago(1d)\n  | where RemoteUrl contains "vnc.com"\n',
  );
});

test('the cost lints carry their own replacement: tolower compare to =~, contains to has, a plain regex to contains_cs', () => {
  const analysis = service.analyze(
    doc(
      'DeviceProcessEvents | where Timestamp > ago(1d) | where tolower(FileName) == "cmd.exe" and ProcessCommandLine contains "mimikatz" and FolderPath matches regex "Temp"',
    ),
    settings(),
  );
  const compare = actionsFor(analysis, 'case-conversion-compare').actions[0];
  assert.equal(compare.title, "Compare case-insensitively with '=~'");
  assert.equal(compare.isPreferred, true);
  assert.match(applied(analysis, compare), /where FileName =~ "cmd.exe" and/);
  const has = actionsFor(analysis, 'contains-vs-has').actions.find((a) =>
    a.title.startsWith("Change to 'has'"),
  )!;
  // It changes which rows match, so it is offered but not preferred.
  assert.equal(has.isPreferred, undefined);
  assert.match(applied(analysis, has), /ProcessCommandLine has "mimikatz"/);
  const regex = actionsFor(analysis, 'literal-regex').actions[0];
  assert.match(applied(analysis, regex), /FolderPath contains_cs "Temp"$/);
});
