import { bin } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { constantValue, scopeOf } from './scope';
import { nearestRank } from './statisticAggregates';
import { elements, resultColumns, scalarTypeOf, type Expr } from './syntax';
import type { Table } from './table';
import { compareValues, keyPart, type Row } from './values';

/**
 * evaluate rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow
 * [, dim, ...]) (rolling-percentile-plugin.md): for each bin of the index (and combination of
 * dimensions), the percentile of the values in the window of BinsPerWindow bins that ends with
 * it, inclusive. The percentile is percentile()'s nearest rank, which gives every value of the
 * page's two examples (12, 24, 36, 60 ... and the Even and Odd series).
 *
 * Bins are cut as bin() cuts them. A bin with no rows between a combination's first and last is
 * refused by name, since the page does not say whether it gives a row; bins after the last are
 * not given, as the page's output stops at its data's last day.
 */
export function rollingPercentile(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 5)
    throw new ExecutionError(
      'rolling_percentile() needs a value, a percentile, an index, a bin size and bins per window',
    );
  const [valueExpr, pctExpr, indexExpr, sizeExpr, countExpr, ...dimExprs] = args;
  const constant = (e: Expr) => constantValue(e, ctx);
  const pctRaw = constant(pctExpr);
  const pct = typeof pctRaw === 'bigint' ? Number(pctRaw) : pctRaw;
  const size = constant(sizeExpr);
  const countRaw = constant(countExpr);
  const perWindow = typeof countRaw === 'bigint' ? Number(countRaw) : countRaw;
  if (typeof pct !== 'number' || !(pct >= 0 && pct <= 100))
    throw new ExecutionError('rolling_percentile(): the percentile must be a number from 0 to 100');
  if (typeof perWindow !== 'number' || !Number.isInteger(perWindow) || perWindow < 1)
    throw new ExecutionError('rolling_percentile(): the bins per window must be a whole number, one or more');
  const indexType = scalarTypeOf(indexExpr);
  if (typeof size !== 'bigint' || (indexType !== 'datetime' && indexType !== 'timespan'))
    throw new UnsupportedError(
      'rolling_percentile() over a numeric index',
      'only a datetime or timespan index with a timespan bin is run locally',
    );
  if (size <= 0n) throw new ExecutionError('rolling_percentile(): the bin size must be positive');

  const scope = scopeOf(input, ctx);
  const valueOf = compileScalar(valueExpr, scope);
  const indexOf = compileScalar(indexExpr, scope);
  const dimsOf = dimExprs.map((d) => compileScalar(d, scope));
  const series = new Map<string, { dims: unknown[]; bins: Map<bigint, unknown[]> }>();
  for (const r of input.rows) {
    ctx.checkCancelled();
    const at = indexOf(r);
    if (typeof at !== 'bigint') continue;
    const dims = dimsOf.map((f) => f(r));
    const key = JSON.stringify(dims.map((v) => String(keyPart(v))));
    let s = series.get(key);
    if (!s) series.set(key, (s = { dims, bins: new Map() }));
    const b = bin(at, size, indexType) as bigint;
    let values = s.bins.get(b);
    if (!values) s.bins.set(b, (values = []));
    const v = valueOf(r);
    if (typeof v === 'number' || typeof v === 'bigint') values.push(v);
  }

  const rows: Row[] = [];
  for (const { dims, bins } of series.values()) {
    const keys = [...bins.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let b = keys[0]; b <= keys[keys.length - 1]; b += size) {
      if (!bins.has(b))
        throw new UnsupportedError(
          'rolling_percentile() with a bin that has no rows',
          'its page does not say whether such a bin gives a row',
        );
      const window: unknown[] = [];
      for (let k = 0; k < perWindow; k++) window.push(...(bins.get(b - BigInt(k) * size) ?? []));
      window.sort(compareValues);
      rows.push([b, ...dims, nearestRank(window, pct)]);
    }
  }
  const columns = resultColumns(op);
  if (columns.length !== dimExprs.length + 2)
    throw new ExecutionError(
      'rolling_percentile(): the binder gave an output shape this executor does not know',
    );
  return { columns, rows };
}
