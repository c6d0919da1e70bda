import { extend } from './basicOperators';
import { UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { elements, kindName, rejectParameters } from './syntax';
import type { Serialized, Table } from './table';

/**
 * Which operators leave a row set serialized, as serialize-operator.md lists them: sort, top,
 * top-hitters, serialize and getschema emit one; count, distinct, evaluate, facet, join,
 * make-series, reduce, sample, sample-distinct, summarize and top-nested do not; every other
 * operator keeps what its input had. mv-expand is on the second list there but among the operators
 * that keep the order in window-functions.md, so after it the order is 'unclear'.
 */
const EMITS = new Set([
  'SortOperator',
  'TopOperator',
  'TopHittersOperator',
  'SerializeOperator',
  'GetSchemaOperator',
]);
const CLEARS = new Set([
  'CountOperator',
  'DistinctOperator',
  'EvaluateOperator',
  'FacetOperator',
  'JoinOperator',
  'MakeSeriesOperator',
  'ReduceByOperator',
  'SampleOperator',
  'SampleDistinctOperator',
  'SummarizeOperator',
  'TopNestedOperator',
]);

export function serializationAfter(operatorKind: string, input: Table): Serialized {
  if (EMITS.has(operatorKind)) return true;
  if (CLEARS.has(operatorKind)) return false;
  // partition is on neither list, but it regroups rows by key, so a sorted input's order is lost.
  if (operatorKind === 'MvExpandOperator' || operatorKind === 'PartitionOperator')
    return input.serialized === true ? 'unclear' : false;
  return input.serialized ?? false;
}

/**
 * serialize [Name = Expr, ...]: an extend whose expressions already see a serialized input. The
 * page says a name may update a column, but the binder adds a renamed column instead (a, a1), so
 * assigning to an existing column is refused rather than answered one way or the other.
 */
export function serialize(
  op: Kusto.Language.Syntax.SerializeOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  rejectParameters(op, 'serialize', []);
  const existing = new Set(input.columns.map((c) => c.name));
  for (const e of elements(op.Expressions)) {
    const name =
      kindName(e) === 'SimpleNamedExpression'
        ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Name?.SimpleName
        : undefined;
    if (name && existing.has(name))
      throw new UnsupportedError(`serialize assigning the existing column ${name}`);
  }
  return extend(op as unknown as Kusto.Language.Syntax.ExtendOperator, { ...input, serialized: true }, ctx);
}
