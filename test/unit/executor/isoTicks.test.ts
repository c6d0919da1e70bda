import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strictIsoTicks } from '../../../server/src/executor/isoTicks';
import { formatDatetimeTicks, parseDatetimeTicks } from '../../../server/src/executor/ticks';

/** Ticks of a UTC instant given in whole milliseconds plus ticks below a millisecond, by JS Dates. */
function expected(ms: number, belowMs = 0n): bigint {
  return BigInt(ms) * 10_000n + belowMs;
}

/** Date.UTC with years 0 to 99 kept as themselves. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

describe('strictIsoTicks: the fast reader of ISO 8601 datetimes', () => {
  it('reads fractions of one to seven digits to the tick, and drops digits past the seventh', () => {
    const second = utc(2025, 3, 5, 17, 18, 11);
    const cases: [string, bigint][] = [
      ['', 0n],
      ['.1', 1_000_000n],
      ['.12', 1_200_000n],
      ['.123', 1_230_000n],
      ['.1234', 1_234_000n],
      ['.12345', 1_234_500n],
      ['.123456', 1_234_560n],
      ['.1234567', 1_234_567n],
      ['.12345678', 1_234_567n],
      ['.123456789999', 1_234_567n],
      ['.0000001', 1n],
      ['.9999999', 9_999_999n],
    ];
    for (const [fraction, ticks] of cases) {
      const text = `2025-03-05T17:18:11${fraction}Z`;
      assert.equal(strictIsoTicks(text), expected(second) + ticks, text);
      assert.equal(parseDatetimeTicks(text), expected(second) + ticks, text);
    }
  });

  it("reads 'Z', no zone (UTC), and offsets with and without a colon", () => {
    const base = utc(2014, 5, 25, 8, 20, 3);
    const cases: [string, number][] = [
      ['2014-05-25T08:20:03Z', base],
      ['2014-05-25T08:20:03z', base],
      ['2014-05-25T08:20:03', base],
      ['2014-05-25 08:20:03', base],
      ['2014-05-25t08:20:03', base],
      ['2014-05-25T10:20:03+02:00', base],
      ['2014-05-25T10:20:03+0200', base],
      ['2014-05-25T03:50:03-04:30', base],
      ['2014-05-25T03:50:03-0430', base],
      ['2014-05-25T08:20Z', utc(2014, 5, 25, 8, 20)],
      ['2014-05-25T08:20', utc(2014, 5, 25, 8, 20)],
      ['2014-05-25', utc(2014, 5, 25)],
      // An offset can carry the instant into the day before.
      ['2014-05-25T00:30:00+01:00', utc(2014, 5, 24, 23, 30)],
    ];
    for (const [text, ms] of cases) assert.equal(strictIsoTicks(text), expected(ms), text);
  });

  it('counts back from the epoch for dates before 1970, with the fraction still reading forward', () => {
    assert.equal(strictIsoTicks('1970-01-01T00:00:00Z'), 0n);
    assert.equal(strictIsoTicks('1969-12-31T23:59:59.9999999Z'), -1n);
    assert.equal(strictIsoTicks('1900-02-28T12:00:00.5Z'), expected(utc(1900, 2, 28, 12), 5_000_000n));
    assert.equal(strictIsoTicks('0001-01-01T00:00:00Z'), expected(utc(1, 1, 1)));
    assert.equal(strictIsoTicks('0099-12-31'), expected(utc(99, 12, 31)));
    assert.equal(
      strictIsoTicks('9999-12-31T23:59:59.9999999Z'),
      expected(utc(9999, 12, 31, 23, 59, 59, 999), 9_999n),
    );
    // Year 0 is a real day in the proleptic calendar, but outside Kusto's range.
    assert.equal(strictIsoTicks('0000-06-01'), expected(utc(0, 6, 1)));
    assert.equal(parseDatetimeTicks('0000-06-01'), null);
  });

  it('agrees with JS Dates on random instants across the whole range', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const min = utc(1, 1, 1);
    const max = utc(9999, 12, 31, 23, 59, 59, 999);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(min + rnd() * (max - min));
      const below = BigInt(Math.floor(rnd() * 10_000));
      const iso = new Date(ms).toISOString();
      const text = `${iso.slice(0, 23)}${String(below).padStart(4, '0')}Z`;
      assert.equal(strictIsoTicks(text), expected(ms, below), text);
      assert.equal(parseDatetimeTicks(text), expected(ms, below), text);
      assert.equal(formatDatetimeTicks(parseDatetimeTicks(text)!).slice(0, 19), iso.slice(0, 19), text);
    }
  });

  it('leaves every other form, and every impossible field, to the general parser', () => {
    for (const text of [
      '',
      '2014-5-25',
      '2014-05-25T8:20:03Z',
      '2014-05-25T08:20:03 Z',
      '2014-05-25T08:20:03 GMT',
      '2014-05-25T08:20:03.Z',
      '2014-05-25T08:20:03+2',
      '2014-05-25T08:20:03+02:00x',
      ' 2014-05-25',
      '2014-05-25 ',
      '2014-05-25Z',
      '05/25/2014',
      'Sat, 8 Nov 2014 15:05:02 GMT',
      '2014-02-29',
      '2016-02-30',
      '1900-02-29',
      '2014-13-01',
      '2014-00-10',
      '2014-04-31',
      '2014-04-00',
      '2014-05-25T24:00:00Z',
      '2014-05-25T23:60:00Z',
      '2014-05-25T23:59:60Z',
      'yesterday',
      '２０１４-05-25',
    ])
      assert.equal(strictIsoTicks(text), undefined, text);
    // Leap days are real days in leap years only.
    assert.equal(strictIsoTicks('2016-02-29'), expected(utc(2016, 2, 29)));
    assert.equal(strictIsoTicks('2000-02-29'), expected(utc(2000, 2, 29)));
  });

  it('leaves parseDatetimeTicks giving what it gave before for the forms it hands on', () => {
    assert.equal(parseDatetimeTicks('2014-05-25T08:20:03 GMT'), expected(utc(2014, 5, 25, 8, 20, 3)));
    assert.equal(parseDatetimeTicks(' 2014-05-25 '), expected(utc(2014, 5, 25)));
    assert.equal(parseDatetimeTicks('2014-5-25 8:20'), expected(utc(2014, 5, 25, 8, 20)));
    for (const bad of ['2014-02-29', '2014-05-25T24:00:00Z', '2014-05-25T08:20:03.Z', 'yesterday'])
      assert.equal(parseDatetimeTicks(bad), null, bad);
  });
});
