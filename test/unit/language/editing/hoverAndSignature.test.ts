import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { testService } from '../../../helpers/languageService';
import { analysisOfRegions, caretIn, indentedRegion } from './editingHelpers';

const service = testService();

function hoverText(marked: string): string {
  const { analysis, position } = caretIn(marked);
  const hover = service.getHover(analysis, position);
  assert.ok(hover, `a hover at ${marked}`);
  return (hover.contents as MarkupContent).value;
}

test('a column hover shows its type, its table and covers the name', () => {
  const { analysis, position, text } = caretIn(
    'DeviceNetworkEvents | where InitiatingProcess‸VersionInfoCompanyName has "x"',
  );
  const hover = service.getHover(analysis, position)!;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /InitiatingProcessVersionInfoCompanyName: string/);
  assert.match(value, /Column of \*\*DeviceNetworkEvents\*\*/);
  assert.equal(analysis.document.offsetAt(hover.range!.start), text.indexOf('Initiating'));
  assert.equal(analysis.document.getText(hover.range!), 'InitiatingProcessVersionInfoCompanyName');
});

test('a table hover shows its column count and time column', () => {
  assert.match(
    hoverText('DeviceNet‸workEvents | take 1'),
    /\*\*DeviceNetworkEvents\*\* \(table\): \d+ columns, time column `Timestamp`/,
  );
});

test('a function hover shows its signature and description', () => {
  const value = hoverText('DeviceNetworkEvents | where Timestamp > a‸go(1d)');
  assert.match(value, /ago/);
  assert.match(value, /current UTC time minus/);
});

test('a let variable hover shows its inferred type', () => {
  assert.match(
    hoverText('let threshold = 5;\nDeviceNetworkEvents | where RemotePort > thresh‸old'),
    /threshold: long/,
  );
});

test('hover works inside a de-indented region', () => {
  const host = 'query: |\n  DeviceNetworkEvents\n  | where RemotePort == 443\n';
  const analysis = analysisOfRegions(host, [indentedRegion(host, host.indexOf('  Device'), host.length, 2)]);
  const hover = service.getHover(analysis, analysis.document.positionAt(host.indexOf('RemotePort') + 3))!;
  assert.match((hover.contents as MarkupContent).value, /RemotePort: int/);
  assert.equal(analysis.document.getText(hover.range!), 'RemotePort');
});

test('signature help names the active parameter of the call being typed', () => {
  const first = caretIn('print strcat_delim("-", ‸');
  const help = service.getSignatureHelp(first.analysis, first.position)!;
  assert.ok(help, 'signature help for strcat_delim');
  assert.match(help.signatures[help.activeSignature!].label, /^strcat_delim\(/);
  assert.equal(help.activeParameter, 1);
  const nested = caretIn('DeviceNetworkEvents | extend x = iff(RemotePort > 1, strlen(‸), 0)');
  const inner = service.getSignatureHelp(nested.analysis, nested.position)!;
  assert.match(inner.signatures[0].label, /^strlen\(/);
  assert.equal(inner.activeParameter, 0);
  const outer = caretIn('DeviceNetworkEvents | extend x = iff(RemotePort > 1, strlen("a"), ‸)');
  const o = service.getSignatureHelp(outer.analysis, outer.position)!;
  assert.match(o.signatures[0].label, /^iff\(/);
  assert.equal(o.activeParameter, 2);
});

test('signature help covers aggregates and is absent outside calls', () => {
  const agg = caretIn('DeviceNetworkEvents | summarize dcount(‸');
  assert.match(service.getSignatureHelp(agg.analysis, agg.position)!.signatures[0].label, /^dcount\(/);
  const none = caretIn('DeviceNetworkEvents | take ‸10');
  assert.equal(service.getSignatureHelp(none.analysis, none.position), null);
});
