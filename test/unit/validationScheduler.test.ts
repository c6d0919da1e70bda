import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ValidationScheduler } from '../../server/src/validationScheduler';

function recorder() {
  const runs: string[] = [];
  let notify: (() => void) | undefined;
  const scheduler = new ValidationScheduler(async (uri) => {
    runs.push(uri);
    notify?.();
  });
  const nextRun = () => new Promise<void>((resolve) => (notify = resolve));
  return { runs, scheduler, nextRun };
}

test('edits received together are validated once, as soon as they are handled, with no delay', async () => {
  const { runs, scheduler, nextRun } = recorder();
  const ran = nextRun();
  scheduler.schedule('a', 0);
  scheduler.schedule('a', 0);
  scheduler.schedule('b', 0);
  await ran;
  // Both immediates were queued in the same turn; let the second one run too.
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(runs.sort(), ['a', 'b']);
});

test('a cancelled or disposed validation never runs; a delayed one runs after its delay', async () => {
  const { runs, scheduler, nextRun } = recorder();
  scheduler.schedule('gone', 0);
  scheduler.cancel('gone');
  scheduler.schedule('disposed', 0);
  scheduler.dispose();
  const ran = nextRun();
  const started = Date.now();
  scheduler.schedule('late', 30);
  await ran;
  assert.deepEqual(runs, ['late']);
  assert.ok(Date.now() - started >= 25, 'the delay was kept');
});

test('idle only when nothing waits or runs and nothing was asked for during the quiet period', async () => {
  let finish: (() => void) | undefined;
  let started: (() => void) | undefined;
  const scheduler = new ValidationScheduler(
    () =>
      new Promise<void>((resolve) => {
        finish = resolve;
        started?.();
      }),
  );
  assert.equal(scheduler.idleFor(0), true, 'a new scheduler is idle');
  const running = new Promise<void>((r) => (started = r));
  scheduler.schedule('a', 0);
  assert.equal(scheduler.idleFor(0), false, 'waiting to start');
  await running;
  assert.equal(scheduler.idleFor(0), false, 'still running, for example waiting for settings');
  finish!();
  await new Promise((r) => setImmediate(r));
  assert.equal(scheduler.idleFor(0), true, 'done');
  assert.equal(scheduler.idleFor(60_000), false, 'but it was asked for less than a minute ago');
});
