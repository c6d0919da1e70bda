import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

/** The functions the local workspace cannot run are refused by name, with the reason. */
describe('executor: refusals that say why', () => {
  it('names the function and says the service state it needs', () => {
    assert.throws(
      () => rows('print current_principal()'),
      refusedWith(/current_principal\(\).*the principal that signed in/),
    );
    assert.throws(() => rows('print extent_id()'), refusedWith(/extent_id\(\).*storage extent/));
    assert.throws(() => rows('print cursor_current()'), refusedWith(/cursor_current\(\).*ingestion cursor/));
  });

  it('says when a page does not publish what its answers depend on', () => {
    assert.throws(
      () => rows('print parse_user_agent("Mozilla/5.0 (Windows NT 10.0)", "os")'),
      refusedWith(/parse_user_agent\(\).*does not publish/),
    );
  });
});
