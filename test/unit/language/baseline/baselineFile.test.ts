import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  parseBaseline,
  serializeBaseline,
  type BaselineEntry,
} from '../../../../server/src/language/baseline/baselineFile';
import { compareWithBaseline } from '../../../../server/src/language/baseline/baselineMatch';

const entry = (file: string, code: string, text: string, occurrence = 0): BaselineEntry => ({
  file,
  code,
  text,
  occurrence,
});

test('serialized: sorted by file, code, text and occurrence, duplicates once, one entry a line', () => {
  const text = serializeBaseline([
    entry('b.kql', 'KS142', 'x'),
    entry('a.kql', 'missing-time-filter', 'T'),
    entry('a.kql', 'KS142', 'y', 1),
    entry('a.kql', 'KS142', 'y', 0),
    entry('a.kql', 'KS142', 'y', 0),
    entry('Z.kql', 'KS142', 'é ☃ "q"'),
  ]);
  const lines = text.split('\n');
  assert.equal(lines[1], '  "kqlhuntBaseline": 1,');
  // Code-unit order: upper case before lower case, whatever the machine's locale.
  assert.deepEqual(
    lines.filter((l) => l.startsWith('    {')).map((l) => JSON.parse(l.replace(/,$/, '')) as BaselineEntry),
    [
      entry('Z.kql', 'KS142', 'é ☃ "q"'),
      entry('a.kql', 'KS142', 'y', 0),
      entry('a.kql', 'KS142', 'y', 1),
      entry('a.kql', 'missing-time-filter', 'T'),
      entry('b.kql', 'KS142', 'x'),
    ],
  );
  assert.ok(text.endsWith('}\n'));
  const parsed = parseBaseline(text);
  assert.ok(!('problem' in parsed));
  assert.equal(parsed.entries.length, 5);
  // Written again from what was read, the file is the same byte for byte.
  assert.equal(serializeBaseline(parsed.entries), text);
});

test('serialized with no entries, and read back', () => {
  const text = serializeBaseline([]);
  assert.deepEqual(parseBaseline(text), { entries: [] });
});

test('a malformed baseline is refused with the reason', () => {
  const problem = (text: string) => {
    const parsed = parseBaseline(text);
    assert.ok('problem' in parsed, `accepted: ${text}`);
    return parsed.problem;
  };
  assert.match(problem(''), /not valid JSON/);
  assert.match(problem('{"kqlhuntBaseline": 1, "entries": ['), /not valid JSON/);
  assert.match(problem('[]'), /not a JSON object/);
  assert.match(problem('null'), /not a JSON object/);
  assert.match(problem('{"entries": []}'), /no "kqlhuntBaseline": 1/);
  assert.match(problem('{"kqlhuntBaseline": "1", "entries": []}'), /no "kqlhuntBaseline": 1/);
  assert.match(problem('{"kqlhuntBaseline": 2, "entries": []}'), /newer kqlhunt \(baseline version 2/);
  assert.match(problem('{"kqlhuntBaseline": 1}'), /"entries" is not a list/);
  assert.match(problem('{"kqlhuntBaseline": 1, "entries": [1]}'), /entry 1 is not an object/);
  const bad = (e: object) =>
    problem(JSON.stringify({ kqlhuntBaseline: 1, entries: [entry('a', 'b', 'c'), e] }));
  assert.match(bad({ code: 'b', text: 'c', occurrence: 0 }), /entry 2 has no "file" string/);
  assert.match(bad({ file: 'a', code: 7, text: 'c', occurrence: 0 }), /entry 2 has no "code" string/);
  assert.match(bad({ file: 'a', code: 'b', text: 'c', occurrence: -1 }), /"occurrence"/);
  assert.match(bad({ file: 'a', code: 'b', text: 'c', occurrence: 1.5 }), /"occurrence"/);
  assert.match(bad({ file: 'a', code: 'b', text: 'c', occurrence: 0, line: 3 }), /unknown key "line"/);
});

test('CRLF line ends do not stop a baseline being read', () => {
  const text = serializeBaseline([entry('a.kql', 'KS142', 'x')]).replace(/\n/g, '\r\n');
  assert.deepEqual(parseBaseline(text), { entries: [entry('a.kql', 'KS142', 'x')] });
});

test('compared: held findings are matched once each, and only considered files have absent entries', () => {
  const baseline = {
    entries: [
      entry('a.kql', 'KS142', 'x', 0),
      entry('a.kql', 'KS142', 'x', 1),
      entry('a.kql', 'KS142', 'gone'),
      entry('a.kql', 'KS142', 'gone'),
      entry('other.kql', 'KS142', 'z'),
    ],
  };
  const current = [
    entry('a.kql', 'KS142', 'x', 0),
    entry('a.kql', 'KS142', 'new'),
    entry('a.kql', 'KS142', 'x', 1),
    entry('a.kql', 'KS142', 'x', 2),
    entry('b.kql', 'KS142', 'x', 0),
  ];
  const { inBaseline, absent } = compareWithBaseline(baseline, current, (file) => file === 'a.kql');
  assert.deepEqual(inBaseline, [true, false, true, false, false]);
  // Written twice by hand, reported once; other.kql was not checked, so it says nothing.
  assert.deepEqual(absent, [entry('a.kql', 'KS142', 'gone')]);
  assert.deepEqual(
    compareWithBaseline({ entries: [] }, [], () => true),
    { inBaseline: [], absent: [] },
  );
});
