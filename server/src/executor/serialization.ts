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
  if (operatorKind === 'MvExpandOperator') return input.serialized === true ? 'unclear' : false;
  return input.serialized ?? false;
}
