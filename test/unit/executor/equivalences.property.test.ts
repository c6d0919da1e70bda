import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rows } from './executorHarness';

/**
 * Property tests: formulations that Kusto defines to be equivalent must give the same rows on
 * any data. The generated tables mix nulls, case variants and repeated values on purpose.
 */
const word = fc.constantFrom(
  'alpha',
  'Alpha',
  'beta',
  'gamma delta',
  'tvnserver.exe',
  'C:\\TightVNC\\tvnserver.exe',
  '',
);
const row = fc.record({
  S: word,
  N: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
  K: fc.constantFrom('a', 'b', 'c'),
});
const table = fc.array(row, { maxLength: 25 });
const TYPES = { T: { S: 'string', N: 'long', K: 'string' } };
const run = (q: string, t: Record<string, unknown>[]) => rows(q, { T: t }, TYPES);
const sorted = (r: unknown[][]) => [...r].map((x) => JSON.stringify(x)).sort();

describe('engine: equivalent formulations', () => {
  it('where A and B equals two wheres', () => {
    fc.assert(
      fc.property(table, (t) => {
        assert.deepEqual(
          run('T | where S has "alpha" and N > 0', t),
          run('T | where S has "alpha" | where N > 0', t),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("search's forms equal the wheres its page gives for them (search-operator.md's table)", () => {
    const found = (q: string, t: Record<string, unknown>[]) => run(q, t).map((r) => r.slice(1));
    const strings = (t: Record<string, unknown>[]) => t.map(({ S, K }) => ({ S, K }));
    const types = { T: { S: 'string', K: 'string' } };
    const only = (q: string, t: Record<string, unknown>[]) => rows(q, { T: strings(t) }, types);
    fc.assert(
      fc.property(table, (t) => {
        assert.deepEqual(found('search in (T) S:"alpha"', t), run('T | where S has "alpha"', t));
        assert.deepEqual(found('search in (T) S == "alpha"', t), run('T | where S == "alpha"', t));
        // A bare term looks in every column (here all strings): has, hasprefix, contains.
        const anyColumn = (op: string, x: string) => `T | where S ${op} "${x}" or K ${op} "${x}"`;
        const search = (q: string) => only(q, t).map((r) => r.slice(1));
        assert.deepEqual(search('search in (T) "tvnserver"'), only(anyColumn('has', 'tvnserver'), t));
        assert.deepEqual(search('search in (T) "gam*"'), only(anyColumn('hasprefix', 'gam'), t));
        assert.deepEqual(search('search in (T) "*ph*"'), only(anyColumn('contains', 'ph'), t));
      }),
      { numRuns: 60 },
    );
  });

  it('count equals summarize count()', () => {
    fc.assert(
      fc.property(table, (t) => {
        assert.deepEqual(run('T | where N >= 0 | count', t), run('T | where N >= 0 | summarize count()', t));
      }),
      { numRuns: 60 },
    );
  });

  it('!has is the negation of has, and =~ agrees with tolower ==', () => {
    fc.assert(
      fc.property(table, (t) => {
        const has = run('T | where S has "tvnserver.exe" | project S', t).length;
        const not = run('T | where S !has "tvnserver.exe" | project S', t).length;
        assert.equal(has + not, t.length);
        assert.deepEqual(run('T | where S =~ "ALPHA"', t), run('T | where tolower(S) == "alpha"', t));
      }),
      { numRuns: 60 },
    );
  });

  it('in equals a chain of ==, and between equals two comparisons', () => {
    fc.assert(
      fc.property(table, (t) => {
        assert.deepEqual(run('T | where K in ("a", "c")', t), run('T | where K == "a" or K == "c"', t));
        assert.deepEqual(run('T | where N between (-1 .. 2)', t), run('T | where N >= -1 and N <= 2', t));
      }),
      { numRuns: 60 },
    );
  });

  it('summarize by equals distinct on the keys, and dcount agrees with distinct | count', () => {
    fc.assert(
      fc.property(table, (t) => {
        assert.deepEqual(sorted(run('T | summarize by K, S', t)), sorted(run('T | distinct K, S', t)));
        const dc = run('T | summarize dcount(S)', t)[0][0] as number;
        const nonEmpty = run('T | where isnotempty(S) | distinct S | count', t)[0][0];
        assert.equal(dc, nonEmpty);
      }),
      { numRuns: 60 },
    );
  });

  it('top n equals sort then take, and innerunique join equals a join of the left side de-duplicated', () => {
    fc.assert(
      fc.property(table, table, (t, u) => {
        assert.deepEqual(
          run('T | where isnotnull(N) | top 3 by N desc | project N', t),
          run('T | where isnotnull(N) | sort by N desc | take 3 | project N', t),
        );
        const joined = rows('T | join (U) on K | project K, N1', { T: t, U: u }, { ...TYPES, U: TYPES.T });
        const manual = rows(
          'T | summarize take_any(S) by K | join kind=inner (U) on K | project K, N1 = N',
          { T: t, U: u },
          { ...TYPES, U: TYPES.T },
        );
        assert.deepEqual(sorted(joined), sorted(manual));
      }),
      { numRuns: 40 },
    );
  });
});
