import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows, scalar } from './executorHarness';

/**
 * Regular expressions run on RE2 (re2js), as Kusto's do: RE2's syntax and inline flags, leftmost-
 * first matching, and a refusal that names the pattern when RE2 cannot compile it. Values are the
 * examples of Kusto's reference pages (extract, extract_all, replace_regex, countof, indexof_regex,
 * regex_quote, matches regex, parse) and our own edge cases.
 */
describe('executor: RE2 regular expressions', () => {
  it('understands RE2 syntax that JavaScript does not', () => {
    assert.equal(scalar(`"ABC" matches regex "(?i)abc"`), true, 'an inline flag at the start');
    assert.equal(scalar(`"xABc" matches regex "x(?i:ab)c"`), true, 'a flag group');
    assert.equal(scalar(`"xABC" matches regex "x(?i:ab)c"`), false, 'the flag stops at the group');
    assert.equal(scalar(`extract(@"(?P<word>\\pL+)", 1, "12 éclair")`), 'éclair', 'named group, \\pL');
    assert.equal(scalar(`extract(@"[[:alpha:]]+", 0, "12ab3")`), 'ab', 'POSIX class');
    assert.equal(scalar(`extract(@"\\Qa.b\\E", 0, "xa.b axb")`), 'a.b', '\\Q…\\E quoting');
  });

  it('refuses by name what RE2 cannot compile, such as a back-reference or a lookahead', () => {
    for (const pattern of ['(a)\\\\1', 'a(?=b)']) {
      assert.throws(
        () => scalar(`"aa" matches regex "${pattern}"`),
        (e: unknown) => e instanceof UnsupportedError && e.message.includes('regular expression'),
        pattern,
      );
    }
  });

  it('matches regex takes a pattern from a column', () => {
    const r = rows(`T | where Name matches regex Pattern | project Name`, {
      T: [
        { Name: 'alpha', Pattern: '^a' },
        { Name: 'beta', Pattern: '^a' },
        { Name: 'gamma', Pattern: 'm+a$' },
      ],
    });
    assert.deepEqual(r, [['alpha'], ['gamma']]);
  });

  it('extract returns the group, converts with typeof, and gives null or empty when nothing matches', () => {
    assert.equal(scalar(`extract("User: ([^,]+)", 1, "User: James, Age: 29")`), 'James');
    assert.equal(scalar(`extract(@"\\d+", 0, "User: David, Age: 35")`), '35');
    assert.equal(scalar(`extract(@"-(\\d{2})-", 1, "21-07-2023", typeof(int))`), 7);
    assert.equal(scalar(`extract(@"Email: (\\S+),", 1, "User: David, Age: 35")`), '');
    assert.equal(scalar(`extract(@"(\\d+)", 1, "none", typeof(long))`), null);
  });

  it('extract_all returns every match, every group, or the groups asked for by number or name', () => {
    const id = '"82b8be2d-dfa7-4bd1-8f63-24ad26d31449"';
    assert.deepEqual(scalar(`extract_all(@"(\\d+)", "a set of numbers: 123, 567 and 789")`), [
      '123',
      '567',
      '789',
    ]);
    assert.deepEqual((scalar(`extract_all(@"([\\da-f]{2})", ${id})`) as string[]).slice(0, 3), [
      '82',
      'b8',
      'be',
    ]);
    assert.deepEqual((scalar(`extract_all(@"(\\w)(\\w+)(\\w)", ${id})`) as string[][])[0], [
      '8',
      '2b8be2',
      'd',
    ]);
    assert.deepEqual((scalar(`extract_all(@"(\\w)(\\w+)(\\w)", dynamic([1,3]), ${id})`) as string[][])[1], [
      'd',
      '7',
    ]);
    assert.deepEqual(
      (
        scalar(
          `extract_all(@"(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)", dynamic(['first',2,'last']), ${id})`,
        ) as string[][]
      )[4],
      ['2', '4ad26d3144', '9'],
    );
    assert.equal(scalar(`extract_all(@"(\\d+)", "no digits")`), null);
  });

  it('replace_regex rewrites with \\0 and \\N; the deprecated replace takes its arguments in the old order', () => {
    assert.equal(scalar(`replace_regex("Number is 1", @"is (\\d+)", @"was: \\1")`), 'Number was: 1');
    assert.equal(scalar(`replace_regex("abc", "b", @"[\\0]")`), 'a[b]c');
    assert.equal(
      scalar(`replace_regex("aaa", "a*", "x")`),
      'x',
      'matches do not overlap; no empty match after',
    );
    assert.equal(scalar(`replace(@"is (\\d+)", @"was: \\1", "Number is 2")`), 'Number was: 2');
  });

  it('countof counts overlapping plain matches and non-overlapping regex matches', () => {
    assert.equal(scalar(`countof("aaa", "a")`), 3);
    assert.equal(scalar(`countof("aaaa", "aa")`), 3);
    assert.equal(scalar(`countof("ababa", "ab", "normal")`), 2);
    assert.equal(scalar(`countof("ababa", "aba")`), 2);
    assert.equal(scalar(`countof("ababa", "aba", "regex")`), 1);
    assert.equal(scalar(`countof("abcabc", "a.c", "regex")`), 2);
  });

  it('indexof_regex follows its reference examples', () => {
    assert.equal(scalar(`indexof_regex("abcabc", @"a.c")`), 0);
    assert.equal(scalar(`indexof_regex("abcabcdefg", @"a.c", 0, 9, 2)`), 3);
    assert.equal(scalar(`indexof_regex("abcabc", @"a.c", 1, -1, 2)`), -1);
    assert.equal(scalar(`indexof_regex("ababaa", @"a.a", 0, -1, 2)`), -1);
    assert.equal(scalar(`indexof_regex("abcabc", @"a|ab", -1)`), null);
  });

  it('regex_quote escapes every metacharacter; trim functions strip repeated matches', () => {
    assert.equal(scalar(`regex_quote('(so$me.Te^xt)')`), '\\(so\\$me\\.Te\\^xt\\)');
    assert.equal(scalar(`trim("--", "--https://x--")`), 'https://x');
    assert.equal(scalar(`trim_start(@"[^\\w]+", "<-- test1-->")`), 'test1-->');
    assert.equal(scalar(`trim_end(@"[^\\w]+", "<-- test1-->")`), '<-- test1');
  });
});

describe('executor: parse', () => {
  const traces = {
    Traces: [
      {
        EventText:
          'Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)',
      },
    ],
  };

  it('regex mode keeps the columns in place when the user pattern has groups of its own', () => {
    const r = rows(
      String.raw`Traces | parse kind=regex EventText with "(.*?)[a-zA-Z]*=" resourceName @", totalSlices=\s*\d+\s*.*?sliceNumber=" sliceNumber: long ".*?(previous)?lockTime=" lockTime ".*?releaseTime=" releaseTime | project resourceName, sliceNumber, lockTime, releaseTime`,
      traces,
    );
    assert.deepEqual(r, [
      [
        'PipelineScheduler',
        23,
        '02/17/2016 08:40:01, ',
        '02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)',
      ],
    ]);
  });

  it('regex mode is greedy unless flags=U, and flags=i ignores case', () => {
    const greedy = rows(
      `Traces | parse kind=regex EventText with * "resourceName=" resourceName ',' * | project resourceName`,
      traces,
    );
    assert.equal(
      greedy[0][0],
      'PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01',
    );
    const lazy = rows(
      `Traces | parse kind=regex flags=Ui EventText with * "RESOURCENAME=" resourceName ',' * | project resourceName`,
      traces,
    );
    assert.equal(lazy[0][0], 'PipelineScheduler');
  });

  it('simple mode matches text literally, and a typed column that does not convert fails the row', () => {
    const r = rows(`T | parse S with "id=" Id:long " at (" Where ")" * | project Id, Where`, {
      T: [{ S: 'id=42 at (a.b) tail' }, { S: 'id=x at (c) tail' }],
    });
    assert.deepEqual(r, [
      [42, 'a.b'],
      [null, ''],
    ]);
  });

  it('relaxed mode keeps the columns that convert', () => {
    const r = rows(`T | parse kind=relaxed S with "id=" Id:long " at (" Where ")" * | project Id, Where`, {
      T: [{ S: 'id=x at (c) tail' }],
    });
    assert.deepEqual(r, [[null, '']]);
  });

  it('parse-where drops the rows that do not match', () => {
    const r = rows(`T | parse-where S with "id=" Id:long "," * | project Id`, {
      T: [{ S: 'id=1,a' }, { S: 'nothing' }, { S: 'id=3,b' }],
    });
    assert.deepEqual(r, [[1], [3]]);
  });
});
