import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUtcDateAdapter } from '../../../client/src/results/utcDateAdapter';

const a = createUtcDateAdapter('en-US');
const t = (iso: string) => Date.parse(iso);

describe('UTC date adapter for the chart time axis', () => {
  it('parses Kusto datetimes as UTC, with or without a zone and with seven fraction digits', () => {
    assert.equal(a.parse('2025-03-04T00:00:00Z'), t('2025-03-04T00:00:00Z'));
    assert.equal(a.parse('2025-03-04T10:20:30.1234567Z'), t('2025-03-04T10:20:30.123Z'));
    assert.equal(a.parse('2025-03-04 10:20:30'), t('2025-03-04T10:20:30Z'));
    assert.equal(a.parse('2025-03-04T10:20:30+02:00'), t('2025-03-04T08:20:30Z'));
    assert.equal(a.parse(1_000), 1_000);
    assert.equal(a.parse('not a date'), null);
    assert.equal(a.parse(null), null);
    assert.equal(a.parse({}), null);
  });

  it('formats in UTC whatever the local time zone', () => {
    const ts = t('2025-03-04T23:30:05.250Z');
    assert.equal(a.format(ts, 'hour'), '23:30');
    assert.equal(a.format(ts, 'second'), '23:30:05');
    assert.equal(a.format(ts, 'day'), 'Mar 4');
    assert.equal(a.format(ts, 'month'), 'Mar 2025');
    assert.equal(a.format(ts, 'quarter'), 'Q1 2025');
    assert.match(a.format(ts, 'datetime'), /^Mar 4, 2025, 23:30:05 UTC$/);
    assert.match(a.format(ts, 'millisecond'), /^23:30:05\.250$/);
  });

  it('finds the start and end of each unit in UTC', () => {
    const ts = t('2025-03-05T13:45:12.345Z'); // a Wednesday
    assert.equal(a.startOf(ts, 'second'), t('2025-03-05T13:45:12Z'));
    assert.equal(a.startOf(ts, 'hour'), t('2025-03-05T13:00:00Z'));
    assert.equal(a.startOf(ts, 'day'), t('2025-03-05T00:00:00Z'));
    assert.equal(a.startOf(ts, 'week'), t('2025-03-02T00:00:00Z'));
    assert.equal(a.startOf(ts, 'isoWeek', true), t('2025-03-03T00:00:00Z'));
    assert.equal(a.startOf(ts, 'isoWeek', 3), t('2025-03-05T00:00:00Z'));
    assert.equal(a.startOf(ts, 'month'), t('2025-03-01T00:00:00Z'));
    assert.equal(a.startOf(ts, 'quarter'), t('2025-01-01T00:00:00Z'));
    assert.equal(a.startOf(ts, 'year'), t('2025-01-01T00:00:00Z'));
    assert.equal(a.endOf(ts, 'day'), t('2025-03-05T23:59:59.999Z'));
    assert.equal(a.endOf(ts, 'month'), t('2025-03-31T23:59:59.999Z'));
  });

  it('adds and subtracts calendar units, keeping the day where the month has it', () => {
    assert.equal(a.add(t('2025-01-31T06:00:00Z'), 1, 'month'), t('2025-02-28T06:00:00Z'));
    assert.equal(a.add(t('2024-02-29T00:00:00Z'), 1, 'year'), t('2025-02-28T00:00:00Z'));
    assert.equal(a.add(t('2025-03-04T00:00:00Z'), 2, 'quarter'), t('2025-09-04T00:00:00Z'));
    assert.equal(a.add(t('2025-03-04T00:00:00Z'), -3, 'day'), t('2025-03-01T00:00:00Z'));
    assert.equal(a.diff(t('2025-03-04T12:00:00Z'), t('2025-03-01T00:00:00Z'), 'day'), 3);
    assert.equal(a.diff(t('2025-03-04T00:00:00Z'), t('2025-01-05T00:00:00Z'), 'month'), 1);
    assert.equal(a.diff(t('2025-01-05T00:00:00Z'), t('2025-03-04T00:00:00Z'), 'month'), -1);
    assert.equal(a.diff(t('2026-03-04T00:00:00Z'), t('2025-03-04T00:00:00Z'), 'year'), 1);
  });
});
