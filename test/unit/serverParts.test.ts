import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServerParts } from '../../server/src/serverParts';

const connection = { console: { error: () => undefined } } as unknown as Connection;
const token = { isCancellationRequested: false } as CancellationToken;

test('two sets of server parts share no state', async () => {
  const a = createServerParts();
  const b = createServerParts();
  assert.notEqual(a.service, b.service);

  a.ruleIds.set('file:///a.yaml', '11111111-1111-1111-1111-111111111111');
  a.ruleIds.set('file:///b.yaml', '11111111-1111-1111-1111-111111111111');
  assert.deepEqual([...a.ruleIds.duplicatedIds()], ['11111111-1111-1111-1111-111111111111']);
  assert.equal(b.ruleIds.duplicatedIds().size, 0);

  const doc = TextDocument.create('file:///q.kql', 'kql', 1, 'T | take 1');
  a.documentWorkspaces.setActive('Prod');
  assert.equal(a.documentWorkspaces.of(doc), 'Prod');
  assert.equal(b.documentWorkspaces.of(doc), undefined);

  const before = b.schemas.generation;
  a.schemas.setLiveSource('Prod', 'sentinel', {
    id: 'live',
    tables: [{ name: 'OnlyInA', columns: [] }],
    functions: [],
    live: true,
  });
  assert.ok(a.schemas.liveSourceFor('Prod'));
  assert.equal(b.schemas.liveSourceFor('Prod'), undefined);
  assert.equal(b.schemas.generation, before);

  let finish: () => void = () => undefined;
  const pending = a.requests.guard(
    connection,
    'slow',
    undefined,
    () => new Promise<void>((resolve) => (finish = resolve)),
  )({}, token);
  const later = performance.now() + 60_000;
  assert.equal(a.requests.quietFor(300, later), false, 'a is answering a request');
  assert.equal(b.requests.quietFor(300, later), true, 'b is not');
  finish();
  await pending;
});
