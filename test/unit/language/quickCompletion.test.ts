import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { buildQueryGrammar, queryGrammarBuilt } from '../../../server/src/language/engineTuning/lazyGrammar';
import { blockAtDocumentOffset } from '../../../server/src/language/engineBlocks';
import { kusto } from '../../../server/src/language/kustoEngine';
import { quickCompletion } from '../../../server/src/language/quickCompletion';
import { doc, settings, testService } from '../../helpers/languageService';

// Each test file runs in a process of its own, so the query grammar starts unbuilt here.
const service = testService();

/** Texts ending where completion is asked; each is a context the grammar-free path answers. */
const ANSWERED = [
  'DeviceNetworkEvents\n| where ',
  'DeviceNetworkEvents\n| where Initi',
  'DeviceNetworkEvents\n| where RemotePort == 5900 and ',
  'let Port = 5900;\nDeviceNetworkEvents\n| where RemotePort == Port or Rem',
  'DeviceProcessEvents\n| extend Lower = tolower(FileName), ',
  'DeviceProcessEvents\n| project DeviceName, ',
  'DeviceProcessEvents\n| where // a comment on the line above\n',
];

/** Contexts where the answer depends on what the grammar knows: the engine answers them. */
const DECLINED = [
  'DeviceNetworkEvents\n| ',
  'DeviceNetworkEvents\n| where tolower(',
  'DeviceNetworkEvents\n| summarize count() by ',
  'DeviceNetworkEvents\n| where RemoteUrl has ',
  'DeviceNetworkEvents\n| where RemotePort in (',
  'DeviceNetworkEvents\n| where RemoteUrl == "a // b',
  '',
];

function complete(text: string, uri: string): CompletionList {
  const d = doc(text, uri);
  const analysis = service.analyze(d, settings());
  return service.getCompletions(analysis, d.positionAt(text.length), { snippetSupport: true });
}

const key = (item: CompletionItem) =>
  JSON.stringify([item.label, item.kind, item.textEdit, item.insertTextFormat, item.filterText]);

test('before the grammar exists, expression contexts get a list that is part of the engine list, in its order', () => {
  const K = kusto();
  const quick = ANSWERED.map((text, i) => complete(text, `file:///quick-${i}.kql`));
  assert.equal(queryGrammarBuilt(K), false, 'the quick answers did not build the grammar');
  for (const [i, list] of quick.entries()) {
    assert.equal(list.isIncomplete, true, `list ${i} says it is incomplete`);
    assert.ok(list.items.length > 300, `list ${i} has the built-in functions (${list.items.length})`);
  }
  const labels = (i: number) => new Set(quick[i].items.map((item) => item.label));
  assert.ok(labels(0).has('InitiatingProcessVersionInfoCompanyName'), 'columns of the table in scope');
  assert.ok(!labels(0).has('ProcessCommandLine'), 'not the columns of another table');
  assert.ok(labels(3).has('Port'), 'a scalar let in scope');
  assert.ok(labels(4).has('Lower') || labels(4).has('FileName'), 'columns after extend');
  const partial = quick[1].items.find((item) => item.label === 'RemoteUrl')!;
  const range = (partial.textEdit as { range: { start: { character: number }; end: { character: number } } })
    .range;
  assert.deepEqual([range.start.character, range.end.character], [8, 13], 'the word being typed is replaced');

  buildQueryGrammar(K);
  for (const [i, text] of ANSWERED.entries()) {
    const full = complete(text, `file:///full-${i}.kql`);
    assert.equal(full.isIncomplete, false);
    const position = new Map(full.items.map((item, at) => [key(item), at]));
    let last = -1;
    for (const item of quick[i].items) {
      const at = position.get(key(item));
      assert.ok(at !== undefined, `list ${i}: ${item.label} is in the engine's list as it is`);
      assert.ok(at > last, `list ${i}: ${item.label} keeps the engine's order`);
      last = at;
    }
    assert.ok(full.items.length > quick[i].items.length, `list ${i}: the engine adds keywords and literals`);
  }
});

test('contexts that need the grammar are declined, and left to the engine', () => {
  const answered = (text: string, uri: string) => {
    const d = doc(text, uri);
    const analysis = service.analyze(d, settings());
    const at = blockAtDocumentOffset(analysis, text.length)!;
    return quickCompletion(at, analysis.globals) !== undefined;
  };
  for (const [i, text] of DECLINED.entries())
    assert.equal(answered(text, `file:///declined-${i}.kql`), false, `declined: ${JSON.stringify(text)}`);
  for (const [i, text] of ANSWERED.entries())
    assert.equal(answered(text, `file:///answered-${i}.kql`), true, `answered: ${JSON.stringify(text)}`);
});
