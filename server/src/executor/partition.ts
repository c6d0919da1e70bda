import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { kindName, rejectParameters, resultColumns } from './syntax';
import { columnIndex, type Table } from './table';
import { keyPart, type Row } from './values';

/** The legacy strategy, Kusto's default, stops at this many partitions (partition-operator.md). */
const LEGACY_PARTITION_LIMIT = 64;

/**
 * partition (partition-operator.md): the input is split into one subtable per value of the key
 * column, the subquery runs on each as its implicit source, and the results are unioned. The
 * strategies differ in how Kusto schedules the work, not in the answer, except that the legacy
 * one (the default) fails beyond 64 partitions.
 *
 * The form whose subquery names its own source (`{ ... }`, reading the key with toscalar()) and
 * `in (...)` scopes are refused by name. The result has no defined order; it comes partition by
 * partition, in the order each key is first met.
 */
export function partition(
  op: Kusto.Language.Syntax.PartitionOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const params = rejectParameters(op, 'partition', [
    'hint.strategy',
    'hint.materialized',
    'hint.concurrency',
    'hint.spread',
    'hint.shufflekey',
  ]);
  const strategy = (params.get('hint.strategy') ?? 'legacy').toLowerCase();
  if (!['legacy', 'native', 'shuffle'].includes(strategy))
    throw new ExecutionError(`partition: hint.strategy must be legacy, native or shuffle, not '${strategy}'`);
  if (op.Scope) throw new UnsupportedError("partition's 'in' scope");
  if (kindName(op.Operand!) !== 'PartitionSubquery')
    throw new UnsupportedError('partition with a subquery that names its own source ({ ... })');
  if (kindName(op.ByExpression!) !== 'NameReference')
    throw new UnsupportedError('partition by an expression that is not a column');
  const key = compileScalar(op.ByExpression!, scopeOf(input, ctx));
  const groups = new Map<unknown, Row[]>();
  for (const r of input.rows) {
    const k = keyPart(key(r));
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  if (strategy === 'legacy' && groups.size > LEGACY_PARTITION_LIMIT)
    throw new ExecutionError(
      `partition: the key has ${groups.size} distinct values; the legacy strategy (the default) allows at most ${LEGACY_PARTITION_LIMIT}. ` +
        'Use hint.strategy=native or hint.strategy=shuffle.',
    );
  const subquery = (op.Operand as Kusto.Language.Syntax.PartitionSubquery).Subquery!;
  const out = resultColumns(op);
  const rows: Row[] = [];
  let hidden: string | undefined;
  for (const part of groups.values()) {
    ctx.checkCancelled();
    // A subtable's rows are in input order, but the page promises no order: window functions
    // inside must sort first, as after any other non-serializing operator.
    const result = ctx.evalSubquery(subquery, { columns: input.columns, rows: part, serialized: 'unclear' });
    hidden ??= result.hidden;
    const at = columnIndex(result.columns);
    const picks = out.map((c) => at.get(c.name));
    for (const s of result.rows) rows.push(picks.map((j) => (j === undefined ? null : s[j])));
  }
  return { columns: out, rows, ...(hidden === undefined ? {} : { hidden }) };
}
