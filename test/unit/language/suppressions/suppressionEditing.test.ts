import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import { doc, settings, testService } from '../../../helpers/languageService';

/** Completion and hover at `|` in `marked`, with each completion applied to the text. */
function at(marked: string, uri = 'file:///t.kql', languageId = 'kql') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const service = testService();
  const document = doc(text, uri, languageId);
  const analysis = service.analyze(document, settings());
  const position = document.positionAt(offset);
  const list = service.getCompletions(analysis, position, { snippetSupport: false }) as CompletionList;
  const apply = (item: CompletionItem) => {
    const edit = item.textEdit as { range: { start: never; end: never }; newText: string };
    const line = text.split('\n')[position.line];
    const from = (edit.range.start as { character: number }).character;
    const to = (edit.range.end as { character: number }).character;
    return line.slice(0, from) + edit.newText + line.slice(to);
  };
  const hover = service.getHover(analysis, position) as Hover | null | undefined;
  return {
    labels: list.items.map((i) => i.label),
    applied: (label: string) => apply(list.items.find((i) => i.label === label)!),
    hover: hover ? (hover.contents as { value: string }).value : undefined,
  };
}

const QUERY = '\nDeviceProcessEvents | where Nope == 1';

test('after // the directive names are offered', () => {
  const r = at(`// kqlh|${QUERY}`);
  assert.deepEqual(r.labels, ['kqlhunt-disable-next-line', 'kqlhunt-disable']);
  assert.equal(r.applied('kqlhunt-disable'), '// kqlhunt-disable ');
});

test('after a directive the codes are offered, those the document reports first, named ones left out', () => {
  const first = at(`// kqlhunt-disable-next-line |${QUERY}`);
  assert.equal(first.labels[0], 'KS142');
  assert.ok(first.labels.includes('missing-time-filter'));
  assert.ok(!first.labels.includes('unused-suppression'));
  const second = at(`// kqlhunt-disable-next-line KS142, m|${QUERY}`);
  assert.ok(!second.labels.includes('KS142'));
  assert.equal(
    second.applied('missing-time-filter'),
    '// kqlhunt-disable-next-line KS142, missing-time-filter',
  );
});

test('completing inside a code replaces the whole code', () => {
  assert.equal(
    at(`// kqlhunt-disable-next-line KS1|42 -- x${QUERY}`).applied('KS142'),
    '// kqlhunt-disable-next-line KS142 -- x',
  );
});

test('at the top of a rule YAML the rule checks are offered, and only the file-wide directive', () => {
  const names = at('# kqlh|\nid: x\nquery: |\n  T\n', 'file:///r.yaml', 'yaml');
  assert.deepEqual(names.labels, ['kqlhunt-disable']);
  const codes = at('# kqlhunt-disable |\nid: x\nquery: |\n  T\n', 'file:///r.yaml', 'yaml');
  assert.ok(codes.labels.includes('rule-severity'));
  assert.ok(!codes.labels.includes('missing-time-filter'));
});

test('hover explains a code, the directive, and says when a code does not exist', () => {
  const code = at(`// kqlhunt-disable-next-line KS1|42 -- x${QUERY}`).hover ?? '';
  assert.match(code, /\*\*KS142\*\*/);
  assert.match(code, /In this document: The name 'Nope' does not refer/);
  assert.match(
    at(`// kqlhunt-disable-next-line missing-time|-filter${QUERY}`).hover ?? '',
    /Hunting lint: A query over an event table/,
  );
  assert.match(at(`// kqlhunt-disable-next-line KS99|99${QUERY}`).hover ?? '', /not a diagnostic code/);
  assert.match(at(`// kqlhunt-dis|able KS142${QUERY}`).hover ?? '', /rest of this query/);
  assert.match(
    at('# kqlhunt-disable rule-sev|erity -- x\nid: x\n', 'file:///r.yaml', 'yaml').hover ?? '',
    /Rule check:/,
  );
});

test('an ordinary comment gets no suppression completion or hover', () => {
  const r = at(`// just a note |${QUERY}`);
  assert.ok(!r.labels.includes('KS142'));
  assert.equal(r.hover, undefined);
});
