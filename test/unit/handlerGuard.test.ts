import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { RequestTracker } from '../../server/src/handlerGuard';

const errors: string[] = [];
const connection = { console: { error: (m: string) => errors.push(m) } } as unknown as Connection;
const requests = new RequestTracker();
const guard = requests.guard.bind(requests);
const requestsQuietFor = requests.quietFor.bind(requests);
const token = { isCancellationRequested: false } as CancellationToken;

test('requests are not quiet while one is answered, nor for the quiet period after it ends', async () => {
  let finish: (value: string) => void = () => undefined;
  const handler = guard(
    connection,
    'slow',
    'fallback',
    () => new Promise<string>((resolve) => (finish = resolve)),
  );
  const answer = handler({}, token);
  // Even far in the future, a request still being answered keeps idle work waiting.
  assert.equal(requestsQuietFor(300, performance.now() + 60_000), false);
  finish('done');
  assert.equal(await answer, 'done');
  const ended = performance.now();
  assert.equal(requestsQuietFor(300, ended), false, 'just answered');
  assert.equal(requestsQuietFor(300, ended + 301), true, 'quiet once the period has passed');
});

test('a failing handler is answered with the fallback and still counts as ended', async () => {
  const handler = guard(connection, 'broken', 'fallback', () => {
    throw new Error('boom');
  });
  assert.equal(await handler({}, token), 'fallback');
  assert.match(errors.at(-1) ?? '', /broken failed: Error: boom/);
  assert.equal(requestsQuietFor(300, performance.now() + 301), true);
});
