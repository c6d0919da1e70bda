import { aggregateWidth, compileAggregate, type Accumulator, type CompiledAggregate } from './aggregates';
import { bin, binAt } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar, type Scope } from './scalarCompiler';
import { aggregateCallsIn, compileAggregateExpression, isAggregateCall, starExclusions } from './summarize';
import { scopeOf } from './scope';
import { elements, kindName, rejectParameters, resultColumns, scalarTypeOf, type Expr } from './syntax';
import type { Table } from './table';
import { compareValues, compositeKey, toDynamic, type KqlType, type Row } from './values';

/**
 * make-series (make-series-operator.md): rows are grouped by the `by` expressions and binned on
 * the axis; each aggregate becomes an array with one element per bin, a bin without rows taking
 * the default (0 unless `default=` says otherwise); the last column is the array of bin starts.
 *
 * `from S to E step T` bins with bin_at(axis, T, S) and keeps S <= axis < E. Without `from`, the
 * first bin is bin(min(axis), T) over the whole input; without `to`, the last is bin(max(axis), T),
 * so every series shares one axis. `in range(S, E, T)` bins with bin() and includes E.
 */

/** Kusto's cap on a series' length (2^20 values). */
const MAX_BINS = 1_048_576;

/** The bins of every series: `count` bins of `step` from `first`, and where a value falls. */
interface Bounds {
  first: unknown;
  step: number | bigint;
  count: number;
  binOf: (v: unknown) => unknown;
}

export function makeSeries(
  op: Kusto.Language.Syntax.MakeSeriesOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const params = rejectParameters(op, 'make-series', ['kind']);
  const nonEmpty = params.get('kind')?.toLowerCase() === 'nonempty';
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const constant = (e: Expr | null | undefined) => (e ? compileScalar(e, scope)([]) : undefined);

  const axisExpr = op.OnClause!.Expression!;
  const axisType = scalarTypeOf(axisExpr);
  const axis = compileScalar(axisExpr, scope);
  const byItems = elements(op.ByClause?.Expressions);
  const byFs = byItems.map((e) => compileScalar(unnamed(e), scope));
  const byNames = starExclusions(byItems);

  const series = elements<Kusto.Language.Syntax.MakeSeriesExpression>(op.Aggregates).map((item) => {
    const call = unnamed(item.Expression!);
    const agg = seriesItem(call, scope, input, byNames);
    const def = item.DefaultExpression ? constant(item.DefaultExpression.Expression) : 0;
    return { agg, def, type: scalarTypeOf(call) };
  });
  if (out.length !== byItems.length + series.length + 1)
    throw new ExecutionError(
      `make-series: computed ${byItems.length + series.length + 1} columns where Kusto expects ${out.length}`,
    );

  const bounds = seriesBounds(op.RangeClause!, constant, input.rows.map(axis), axisType);
  const groups = new Map<unknown, { by: unknown[]; bins: Map<number, Accumulator[]> }>();
  if (bounds) {
    for (const r of input.rows) {
      const a = axis(r);
      if (a === null || a === undefined) continue;
      const b = binIndex(bounds, a);
      if (b === null) continue;
      const by = byFs.map((f) => f(r));
      const key = compositeKey(by);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { by, bins: new Map() }));
      let accs = g.bins.get(b);
      if (!accs) g.bins.set(b, (accs = series.map((s) => s.agg.create())));
      for (const acc of accs) acc.add(r);
    }
  }
  if (groups.size === 0 && nonEmpty && byItems.length === 0 && bounds)
    groups.set(null, { by: [], bins: new Map() });

  const rows: Row[] = [];
  const starts = bounds ? axisValues(bounds) : [];
  for (const g of groups.values()) {
    const arrays = series.map((s, i) =>
      starts.map((_, index) => {
        const accs = g.bins.get(index);
        const v = accs ? accs[i].result()[0] : null;
        return v === null || v === undefined ? seriesDefault(s.def, s.type) : toDynamic(v, s.type);
      }),
    );
    rows.push([...g.by, ...arrays, starts.map((s) => toDynamic(s, axisType))]);
  }
  return { columns: out, rows };
}

/**
 * One series: an aggregate call, an expression over aggregates, or an expression with none (such
 * as the constant `other=-1` of make-series-operator.md's example), whose value in a bin is its
 * value on the bin's rows.
 */
function seriesItem(call: Expr, scope: Scope, input: Table, byNames: ReadonlySet<string>): CompiledAggregate {
  if (isAggregateCall(call)) {
    if (aggregateWidth(call, input.columns, byNames) !== 1)
      throw new UnsupportedError('a make-series aggregate of several columns');
    return compileAggregate(call, scope, [], byNames);
  }
  if (aggregateCallsIn(call).length) return compileAggregateExpression(call, scope, byNames);
  const f = compileScalar(call, scope);
  return {
    width: 1,
    create: () => {
      let v: unknown = null;
      let seen = false;
      return {
        add: (r) => {
          if (!seen) {
            v = f(r);
            seen = true;
          }
        },
        result: () => [v],
      };
    },
  };
}

function typeOfValue(v: unknown): KqlType {
  return typeof v === 'bigint' ? 'timespan' : typeof v === 'string' ? 'string' : 'real';
}

function seriesBounds(
  clause: Kusto.Language.Syntax.MakeSeriesRangeClause,
  constant: (e: Expr | null | undefined) => unknown,
  axisValues: unknown[],
  axisType: KqlType,
): Bounds | undefined {
  if (kindName(clause) === 'MakeSeriesInRangeClause') {
    const args = elements((clause as Kusto.Language.Syntax.MakeSeriesInRangeClause).Arguments?.Expressions);
    const [start, stop, step] = args.map((e) => constant(e));
    const s = checkStep(step);
    if (start === null || stop === null) return undefined;
    const binOf = (v: unknown) => bin(v, s, axisType);
    const first = binOf(start);
    // The stop is inclusive here: the last bin is the one that holds it.
    return { first, step: s, count: binsFrom(first, binOf(stop), s) + 1, binOf };
  }
  const c = clause as Kusto.Language.Syntax.MakeSeriesFromToStepClause;
  const s = checkStep(constant(c.MakeSeriesStepClause?.Expression));
  const from = constant(c.MakeSeriesFromClause?.Expression);
  const to = constant(c.MakeSeriesToClause?.Expression);
  if (from === null || to === null) return undefined;
  const present = axisValues.filter((v) => v !== null && v !== undefined).sort(compareValues);
  if ((from === undefined || to === undefined) && !present.length) return undefined;
  const binOf = from === undefined ? (v: unknown) => bin(v, s, axisType) : (v: unknown) => binAt(v, s, from);
  const first = from === undefined ? binOf(present[0]) : from;
  // `to` is exclusive: the bins are those that start below it.
  const count =
    to === undefined ? binsFrom(first, binOf(present[present.length - 1]), s) + 1 : binsBelow(first, to, s);
  return { first, step: s, count: Math.max(0, count), binOf };
}

function checkStep(step: unknown): number | bigint {
  if ((typeof step !== 'bigint' && typeof step !== 'number') || step <= 0)
    throw new ExecutionError('make-series needs a positive step');
  return step;
}

/** Whole steps from `first` to the bin start `last`. */
function binsFrom(first: unknown, last: unknown, step: number | bigint): number {
  if (typeof first === 'bigint') return Number(((last as bigint) - first) / (step as bigint));
  return Math.round(((last as number) - (first as number)) / (step as number));
}

/** How many bins of `step` from `first` start below `end`. */
function binsBelow(first: unknown, end: unknown, step: number | bigint): number {
  if (typeof first === 'bigint') {
    const span = (end as bigint) - first;
    return span <= 0n ? 0 : Number((span + (step as bigint) - 1n) / (step as bigint));
  }
  return Math.ceil(((end as number) - (first as number)) / (step as number));
}

/** The bin a value falls in, as an index from the first bin, or null when outside the series. */
function binIndex(b: Bounds, v: unknown): number | null {
  const start = b.binOf(v);
  if (start === null || start === undefined) return null;
  if (compareValues(start, b.first) < 0) return null;
  const i = binsFrom(b.first, start, b.step);
  return i < b.count ? i : null;
}

function axisValues(b: Bounds): unknown[] {
  if (b.count > MAX_BINS)
    throw new ExecutionError(`make-series would make ${b.count} bins, more than ${MAX_BINS}`);
  return Array.from({ length: b.count }, (_, i) =>
    typeof b.first === 'bigint'
      ? b.first + BigInt(i) * (b.step as bigint)
      : (b.first as number) + i * (b.step as number),
  );
}

function unnamed(e: Expr): Expr {
  const kind = kindName(e);
  // `(A, B) = arg_min(...)` names several columns at once; the binder has named the outputs.
  return kind === 'SimpleNamedExpression' || kind === 'CompoundNamedExpression'
    ? (e as Kusto.Language.Syntax.NamedExpression & { Expression: Expr | null }).Expression!
    : e;
}

/**
 * The default of a series element: a real default of a real aggregate is a real (wholeReals.ts);
 * otherwise it goes in as before, since whether Kusto converts a default of another type to the
 * aggregate's type the page does not say.
 */
function seriesDefault(def: unknown, aggregateType: KqlType): unknown {
  const type = typeOfValue(def);
  return toDynamic(def, type === 'real' && aggregateType !== 'real' ? 'long' : type);
}
