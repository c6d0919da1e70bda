import { constantNumber } from './basicOperators';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { kindName, rejectParameters, subtree, type Expr } from './syntax';
import { columnIndex, type Table } from './table';
import { keyPart } from './values';

/**
 * sample and sample-distinct (sample-operator.md, sample-distinct-operator.md): up to N random
 * rows, or up to N distinct values of one column. The pages promise no particular rows and say
 * each evaluation may differ, so any N of them is Kusto's answer; they are drawn at random so
 * that a query relying on a fixed choice shows it here as it would in the service. Rows keep
 * their input order.
 */
export function sample(op: Kusto.Language.Syntax.SampleOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'sample', []);
  const n = constantNumber(op.Expression!, input, ctx, 'sample');
  return { columns: input.columns, rows: randomIndices(input.rows.length, n).map((i) => input.rows[i]) };
}

export function sampleDistinct(
  op: Kusto.Language.Syntax.SampleDistinctOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  rejectParameters(op, 'sample-distinct', []);
  const n = constantNumber(op.Expression!, input, ctx, 'sample-distinct');
  const of = op.OfExpression!;
  if (kindName(of) !== 'NameReference')
    throw new UnsupportedError('sample-distinct of an expression that is not a column');
  const name = (of as Kusto.Language.Syntax.NameReference).SimpleName!;
  const at = columnIndex(input.columns).get(name);
  if (at === undefined) throw new ExecutionError(`sample-distinct: no column '${name}' in the input`);
  const distinct = new Map<unknown, unknown>();
  for (const r of input.rows) if (!distinct.has(keyPart(r[at]))) distinct.set(keyPart(r[at]), r[at]);
  const values = [...distinct.values()];
  return {
    columns: [input.columns[at]],
    rows: randomIndices(values.length, n).map((i) => [values[i]]),
  };
}

const SAMPLING = new Set(['SampleOperator', 'SampleDistinctOperator']);

/**
 * Whether a let's table must be drawn again at each use: sample-operator.md shows a sampled let
 * used twice giving two different rows, since a let is not materialized; a materialize() is
 * drawn once.
 */
export function drawsAtRandom(e: Expr): boolean {
  if (kindName(e) === 'MaterializeExpression') return false;
  for (const node of subtree(e as Kusto.Language.Syntax.SyntaxNode))
    if (SAMPLING.has(kindName(node))) return true;
  return false;
}

/** min(n, size) distinct indices below size, chosen uniformly, in ascending order. */
function randomIndices(size: number, n: number): number[] {
  if (n >= size) return Array.from({ length: size }, (_, i) => i);
  const pool = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (size - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n).sort((a, b) => a - b);
}
