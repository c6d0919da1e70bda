import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

/** declare query_parameters: each parameter is its default, of its declared type; none is refused by name. */
describe('executor: declare query_parameters', () => {
  it('gives each parameter its default value', () => {
    assert.deepEqual(
      rows(
        'declare query_parameters(lookback:timespan = 14d, itemType:string = "ACCESS_ITEM", n:long = 3); print lookback, itemType, n + 1',
      ),
      [['14.00:00:00', 'ACCESS_ITEM', 4]],
    );
  });

  it('filters a table with a parameter as a rule does', () => {
    const T = [
      { Name: 'a', Kind: 'ACCESS_ITEM' },
      { Name: 'b', Kind: 'OTHER' },
    ];
    assert.deepEqual(
      rows(
        'declare query_parameters(itemType:string = "ACCESS_ITEM"); T | where Kind == itemType | project Name',
        {
          T,
        },
      ),
      [['a']],
    );
  });

  it('refuses a parameter without a default, which a local run cannot fill', () => {
    assert.throws(
      () => rows('declare query_parameters(n:long); print n'),
      refusedWith(/query parameter 'n' declared without a default value/),
    );
  });
});
