import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ResponseError, ErrorCodes } from 'vscode-languageserver-protocol';
import { runFailure } from '../../client/src/run/runFailure';

test('a dead or failing language server is a server error, never unauthorized', () => {
  const closed = runFailure('request', new Error('Connection got disposed.'), false);
  assert.equal(closed.kind, 'server');
  assert.match(closed.message, /language server could not run the query: Connection got disposed/);
  const answered = runFailure(
    'request',
    new ResponseError(ErrorCodes.InternalError, 'Request kqlHunting/runQuery failed unexpectedly'),
    false,
  );
  assert.equal(answered.kind, 'server');
  assert.equal(runFailure('request', 'stream destroyed', false).kind, 'server');
});

test('a failed sign-in says so, and a cancelled run is cancelled whatever was thrown', () => {
  const signIn = runFailure('signIn', new Error('User did not consent'), false);
  assert.equal(signIn.kind, 'unauthorized');
  assert.match(signIn.message, /Could not sign in to run the query: User did not consent/);
  assert.deepEqual(runFailure('request', new Error('Connection got disposed.'), true), {
    kind: 'cancelled',
    message: 'The query was cancelled.',
  });
  assert.equal(runFailure('signIn', new Error('x'), true).kind, 'cancelled');
});
