import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_RESTARTS, RestartBudget, WINDOW_MS } from '../../client/src/restartBudget';

test('the client restarts the server at most 4 times in 3 minutes', () => {
  assert.equal(MAX_RESTARTS, 4);
  assert.equal(WINDOW_MS, 180_000);
  const budget = new RestartBudget();
  const start = 1_000_000;
  for (let i = 0; i < 4; i++) assert.equal(budget.take(start + i * 1000), true, `restart ${i + 1}`);
  assert.equal(budget.take(start + 5000), false, 'a fifth stop within the window is not restarted');
  assert.equal(budget.take(start + WINDOW_MS), false, 'still within 3 minutes of the first restart');
  assert.equal(
    budget.take(start + WINDOW_MS + 1),
    true,
    'once the first restart is over 3 minutes old, one more is allowed',
  );
  assert.equal(budget.used, 4);
});

test('restarts spread out over time are never refused, and a manual restart clears the count', () => {
  const budget = new RestartBudget();
  for (let i = 0; i < 20; i++) assert.equal(budget.take(i * (WINDOW_MS / 2 + 1)), true, `restart ${i + 1}`);
  const spent = new RestartBudget();
  for (let i = 0; i < 4; i++) spent.take(i);
  assert.equal(spent.take(10), false);
  spent.reset();
  assert.equal(spent.take(11), true);
});
