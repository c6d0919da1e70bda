import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { constantValue, scopeOf } from './scope';
import { elements, kindName, resultColumns, scalarTypeOf, type Expr } from './syntax';
import type { Table } from './table';
import { keyPart, type Row } from './values';

/**
 * evaluate sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Step1, Step2,
 * ..., Dim1, ...) (sequence-detect-plugin.md): one output row per occurrence of the steps in order
 * among rows with the same dimension values, with each step's time and the Duration from the
 * first step to the last.
 *
 * The page's StormEvents example settles two steps: every step-1 row pairs with every later
 * step-2 row of the same dimensions within the windows (one heat event gives two rows for two
 * later wildfires, and two heat events both pair with one wildfire), and rows come in order of
 * the step times. What it leaves open is refused by name rather than guessed: three or more
 * steps, two matching rows at the same instant, a gap exactly equal to a window (whether the
 * bound is inclusive), a row matching more than one step, and a matching row with no time.
 */
export function sequenceDetect(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 5)
    throw new ExecutionError('sequence_detect() needs a timeline, two windows and two steps');
  const [timeline, stepWindowExpr, spanExpr, ...rest] = args;
  const steps: Expr[] = [];
  while (rest.length && scalarTypeOf(unnamed(rest[0])) === 'bool') steps.push(unnamed(rest.shift()!));
  const dims = rest;
  if (steps.length !== 2)
    throw new UnsupportedError(
      `sequence_detect() with ${steps.length} steps`,
      'its page shows two steps only and does not say how longer sequences chain',
    );
  const constant = (e: Expr) => constantValue(e, ctx);
  const stepWindow = constant(stepWindowExpr);
  const span = constant(spanExpr);
  if (typeof stepWindow !== 'bigint' || typeof span !== 'bigint')
    throw new ExecutionError('sequence_detect(): the step window and the sequence span must be timespans');
  const limit = stepWindow < span ? stepWindow : span;

  const scope = scopeOf(input, ctx);
  const timeOf = compileScalar(timeline, scope);
  const [isFirst, isSecond] = steps.map((s) => compileScalar(s, scope));
  const dimsOf = dims.map((d) => compileScalar(d, scope));

  // The rows of each step, grouped by their dimension values.
  const groups = new Map<string, { dims: unknown[]; first: bigint[]; second: bigint[] }>();
  for (const r of input.rows) {
    ctx.checkCancelled();
    const a = isFirst(r) === true;
    const b = isSecond(r) === true;
    if (!a && !b) continue;
    if (a && b)
      throw new UnsupportedError(
        'sequence_detect() where one row matches two steps',
        'its page does not say whether such a row can take both places',
      );
    const t = timeOf(r);
    if (typeof t !== 'bigint')
      throw new UnsupportedError(
        'sequence_detect() over a matching row with no time',
        'its page does not say whether such a row is skipped',
      );
    const dimValues = dimsOf.map((f) => f(r));
    const key = JSON.stringify(dimValues.map((v) => String(keyPart(v))));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { dims: dimValues, first: [], second: [] }));
    (a ? g.first : g.second).push(t);
  }

  const found: { dims: unknown[]; a: bigint; b: bigint }[] = [];
  for (const g of groups.values()) {
    for (const a of g.first)
      for (const b of g.second) {
        const gap = b - a;
        if (gap === 0n)
          throw new UnsupportedError(
            'sequence_detect() with two steps at the same instant',
            'its page does not say whether they follow one another',
          );
        if (gap === stepWindow || gap === span)
          throw new UnsupportedError(
            'sequence_detect() with a gap exactly equal to a window',
            'its page does not say whether the window includes its end',
          );
        if (gap > 0n && gap < limit) found.push({ dims: g.dims, a, b });
      }
  }
  found.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) : x.a < y.a ? -1 : 1));

  const columns = resultColumns(op);
  if (columns.length !== dims.length + 3)
    throw new ExecutionError(
      'sequence_detect(): the binder gave an output shape this executor does not know',
    );
  const rows: Row[] = found.map((f) => [...f.dims, f.a, f.b, f.b - f.a]);
  return { columns, rows };
}

function unnamed(e: Expr): Expr {
  return kindName(e) === 'SimpleNamedExpression'
    ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Expression!
    : e;
}
