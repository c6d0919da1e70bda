import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allBlocks, boundCode } from '../../../../server/src/language/engineBlocks';
import { doc, settings, testService } from '../../../helpers/languageService';

const service = testService();

test('let statements before a blank line stay in scope of the query after it', () => {
  const text =
    'let port = 443;\nlet host = "x";\n\nDeviceNetworkEvents | where Timestamp > ago(1d) | where RemotePort == port and RemoteUrl has host\n\nDeviceNetworkEvents | where Timestamp > ago(1d) | take 1';
  const s = settings();
  const analysis = service.analyze(doc(text), s);
  const blocks = allBlocks(analysis);
  assert.equal(blocks.length, 2, 'the lets join the first query; the second query is its own block');
  assert.deepEqual(service.getDiagnostics(analysis, s), []);
});

test('an edit in one query leaves the other queries analysed and linted as they were', () => {
  const s = settings();
  const queries = Array.from(
    { length: 3 },
    (_, i) => `DeviceNetworkEvents | where Timestamp > ago(1d) | where RemotePort == ${i}`,
  );
  const first = service.analyze(doc(queries.join('\n\n')), s);
  service.getDiagnostics(first, s);
  const codesBefore = allBlocks(first).map((b) => boundCode(b, first.globals));
  queries[1] = 'DeviceNetworkEvents | where RemotePort == 99';
  const edited = TextDocument.create('file:///test.kql', 'kql', 2, queries.join('\n\n'));
  const second = service.analyze(edited, s, first);
  const cached = allBlocks(second).map((b) => b.service.TryGetCachedDiagnostics({ v: null }));
  assert.deepEqual(cached, [true, false, true]);
  const codesAfter = allBlocks(second).map((b) => boundCode(b, second.globals));
  // The bound code of unchanged blocks is the same object, which is what the lint cache keys on.
  assert.equal(codesAfter[0], codesBefore[0]);
  assert.equal(codesAfter[2], codesBefore[2]);
  assert.notEqual(codesAfter[1], codesBefore[1]);
  const diagnostics = service.getDiagnostics(second, s);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['missing-time-filter', 2]],
  );
});
