import { ExecutionError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { readSketch } from './sketchFunctions';
import { elements, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import type { Row } from './values';

/**
 * evaluate dcount_intersect(hll_1, hll_2 [, ...]) (dcount-intersect-plugin.md): each input row
 * with s0, s1, ... added after its columns, as the binder gives them: s0 is the distinct count
 * of the first set, s1 of its intersection with the second, and so on.
 * The executor's hll sketches hold their exact keys (sketchValues.ts), so each count is exact,
 * as dcount_hll() is here.
 */
export function dcountIntersect(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 2 || args.length > 16)
    throw new ExecutionError('dcount_intersect() takes between 2 and 16 hll values');
  const scope = scopeOf(input, ctx);
  const sets = args.map((a) => compileScalar(a, scope));
  const columns = resultColumns(op);
  if (columns.length !== input.columns.length + args.length)
    throw new ExecutionError(
      'dcount_intersect(): the binder gave an output shape this executor does not know',
    );
  const rows: Row[] = input.rows.map((r) => {
    let common: Set<unknown> | undefined;
    const counts = sets.map((f) => {
      const keys = readSketch(f(r), 'hll', 'dcount_intersect()').keys;
      common = common === undefined ? new Set(keys) : new Set([...common].filter((k) => keys.has(k)));
      return common.size;
    });
    return [...r, ...counts];
  });
  return { columns, rows };
}
