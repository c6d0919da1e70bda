import type { QueryContext } from './queryContext';
import { compileScalar, type Evaluator } from './scalarCompiler';
import { scopeOf } from './scope';
import { kusto } from '../language/kustoEngine';
import { toArray } from '../language/engineLists';
import {
  elements,
  kindName,
  namedParameters,
  resultColumns,
  scalarTypeOf,
  subtree,
  textOf,
  type Expr,
} from './syntax';
import type { Table } from './table';
import { ExecutionError, UnsupportedError } from './errors';
import type { Binding } from './queryContext';
import type { Column, Row } from './values';

/**
 * The scan operator, as scan-operator.md's "Scan logic" section defines it. Each step keeps a
 * state: empty, or the records of steps 1..k of one sequence (the input record extended with the
 * declared columns) and that sequence's match id. Every input record is tried against the steps
 * from the last to the first: Check 1 moves the previous step's sequence up to this step, Check 2
 * continues this step's own sequence, or starts a new one at the first step. `s_j.Column` reads
 * the state the check works with; a step of that state not yet reached reads as the declared
 * default (or null), which is how the page's cumulative sum starts from 0.
 */

type OutputKind = 'all' | 'none';

interface Step {
  name: string;
  output: OutputKind;
  condition: Evaluator;
  /** Per declared column (by position among the declared ones), its assignment in this step. */
  assignments: (Evaluator | undefined)[];
}

interface Sequence {
  matchId: number;
  /** records[j]: the extended record of step j + 1, undefined until the sequence reached it. */
  records: (Row | undefined)[];
}

export function scan(op: Kusto.Language.Syntax.ScanOperator, input: Table, ctx: QueryContext): Table {
  if (op.OrderByClause || op.PartitionByClause)
    throw new UnsupportedError(
      `scan with ${op.OrderByClause ? 'order by' : 'partition by'}`,
      'scan-operator.md does not define it',
    );
  const matchIdName = namedParameters(op).get('with_match_id');
  const declared = elements<Kusto.Language.Syntax.FunctionParameter>(op.DeclareClause?.Declarations);
  const declaredNames = declared.map((d) => d.NameAndType!.Name!.SimpleName!);
  const bound = resultColumns(op);
  const declaredColumns: Column[] = declaredNames.map((n) => {
    const c = bound.find((b) => b.name === n);
    if (!c) throw new ExecutionError(`scan: the declared column '${n}' has no type`);
    return c;
  });
  const constant = scopeOf({ columns: [], rows: [] }, ctx);
  const defaults = declared.map((d, i) =>
    d.DefaultValue?.Value
      ? defaultValue(d.DefaultValue.Value, declaredColumns[i], constant)
      : nullOf(declaredColumns[i]),
  );
  // What s_j.Column reads for a step its sequence has not reached.
  const unreached: Row = [...input.columns.map(nullOf), ...defaults];
  const fieldNames = [...input.columns.map((c) => c.name), ...declaredNames];

  const stepNodes = elements<Kusto.Language.Syntax.ScanStep>(op.Steps);
  const stepNames = stepNodes.map((s) => s.Name!.SimpleName!);
  // The records the check at hand reads through s_j names: one view object per step, refilled per check.
  const views = stepNames.map(() => ({}) as Record<string, unknown>);
  const saved = new Map(stepNames.map((n) => [n, ctx.vars.get(n)] as const));
  let steps: Step[];
  try {
    stepNames.forEach((n, j) => ctx.vars.set(n, { kind: 'row', evaluate: () => views[j] } satisfies Binding));
    const scope = scopeOf(input, ctx);
    steps = stepNodes.map((s, k) => compileStep(s, stepNames[k], scope, declaredNames));
  } finally {
    for (const [n, b] of saved) {
      if (b) ctx.vars.set(n, b);
      else ctx.vars.delete(n);
    }
  }

  const fill = (sequence: Sequence | undefined) => {
    for (let j = 0; j < views.length; j++) {
      const record = sequence?.records[j] ?? unreached;
      const view = views[j];
      for (let c = 0; c < fieldNames.length; c++) view[fieldNames[c]] = record[c];
    }
  };
  const extend = (r: Row, step: Step): Row => {
    const out = r.slice();
    for (let d = 0; d < declared.length; d++) {
      const assign = step.assignments[d];
      out.push(assign ? assign(r) : defaults[d]);
    }
    return out;
  };

  const state: (Sequence | undefined)[] = steps.map(() => undefined);
  const rows: Row[] = [];
  const emit = (record: Row, step: Step, matchId: number) => {
    if (step.output !== 'none') rows.push([...record, matchId]);
  };
  let nextMatchId = 0;
  let n = 0;
  for (const r of input.rows) {
    if ((++n & 0xfff) === 0) ctx.checkCancelled();
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k];
      const previous = k > 0 ? state[k - 1] : undefined;
      if (previous) {
        fill(previous);
        if (step.condition(r) === true) {
          // Check 1: the previous step's sequence moves up to this step, with this record.
          const record = extend(r, step);
          state[k - 1] = undefined;
          state[k] = { matchId: previous.matchId, records: [...previous.records.slice(0, k), record] };
          emit(record, step, previous.matchId);
          continue;
        }
      }
      const own = state[k];
      if (!own && k > 0) continue;
      fill(own);
      if (step.condition(r) !== true) continue;
      // Check 2: this step's sequence goes on with this record; at the first step, an empty
      // state starts a new sequence with the next match id.
      const record = extend(r, step);
      const matchId = own ? own.matchId : nextMatchId++;
      const records = own ? own.records.slice() : [];
      records[k] = record;
      state[k] = { matchId, records };
      emit(record, step, matchId);
    }
  }
  // The binder lists a match_id column even without with_match_id, while the page says the match
  // id shows only with it: the column is kept for the operators after, and hidden from the result.
  const columns = [
    ...input.columns,
    ...declaredColumns,
    { name: bound[bound.length - 1].name, type: 'long' as const },
  ];
  return { columns, rows, ...(matchIdName === undefined ? { hidden: bound[bound.length - 1].name } : {}) };
}

function compileStep(
  node: Kusto.Language.Syntax.ScanStep,
  name: string,
  scope: ReturnType<typeof scopeOf>,
  declaredNames: string[],
): Step {
  if (node.OptionalKeyword)
    throw new UnsupportedError(
      `the optional scan step '${name}'`,
      'scan-operator.md does not define optional steps',
    );
  const kind = (node.ScanStepOutput?.OutputKind?.Text ?? 'all').toLowerCase();
  if (kind === 'last')
    throw new UnsupportedError(
      `scan step '${name}' with output=last`,
      'scan-operator.md does not say where in the output the last record of repeated matches goes',
    );
  const assignments: (Evaluator | undefined)[] = declaredNames.map(() => undefined);
  const assignmentNodes = elements<Kusto.Language.Syntax.ScanAssignment>(node.ComputationClause?.Assignments);
  for (const a of assignmentNodes) {
    const target = a.Name!.SimpleName!;
    const at = declaredNames.indexOf(target);
    if (at < 0)
      throw new UnsupportedError(
        `scan step '${name}' assigning '${target}', which the declare clause does not name`,
      );
    refuseBareDeclared(a.Expression!, name, declaredNames);
    assignments[at] = compileScalar(a.Expression!, scope);
  }
  refuseBareDeclared(node.Condition!, name, declaredNames);
  return {
    name,
    output: kind === 'none' ? 'none' : 'all',
    condition: compileScalar(node.Condition!, scope),
    assignments,
  };
}

/**
 * A declared column named without its step (`c` rather than `s1.c`): the page reads declared
 * columns only through a step's state, so what the bare name holds is not defined.
 */
function refuseBareDeclared(expr: Expr, step: string, declaredNames: string[]): void {
  for (const node of subtree(expr as Kusto.Language.Syntax.SyntaxNode)) {
    if (kindName(node) !== 'NameReference') continue;
    const name = (node as Kusto.Language.Syntax.NameReference).SimpleName ?? '';
    if (!declaredNames.includes(name)) continue;
    const parent = node.Parent as Kusto.Language.Syntax.PathExpression | null;
    if (parent && kindName(parent) === 'PathExpression' && parent.Selector === node) continue;
    throw new UnsupportedError(
      `reading the declared column '${name}' without a step name in scan step '${step}'`,
      'scan-operator.md reads declared columns through a step, as s1.' + name,
    );
  }
}

/**
 * A declared column's default. The binder leaves the default's expression untyped, so its text is
 * bound on its own, as a constant, and must have the declared type (a whole number may stand for a real).
 */
function defaultValue(expr: Expr, column: Column, constant: ReturnType<typeof scopeOf>): unknown {
  const text = textOf(expr).trim();
  const K = kusto();
  const code = K.KustoCode.ParseAndAnalyze(`print ${text}`, K.GlobalState.Default)!;
  const print = [...subtree(code.Syntax!)].find((n) => kindName(n) === 'PrintOperator') as
    Kusto.Language.Syntax.PrintOperator | undefined;
  const value = elements(print?.Expressions)[0];
  const type = value && scalarTypeOf(value);
  const fits = type === column.type || (column.type === 'real' && (type === 'int' || type === 'long'));
  if (!value || !fits || toArray(code.GetDiagnostics()).some((d) => d.Severity === 'Error'))
    throw new UnsupportedError(
      `the default '${text}' of the scan column '${column.name}' (${column.type})`,
      'it is not a constant of that type',
    );
  return compileScalar(value, constant)([]);
}

/** A missing value of a column's type: Kusto's strings are never null, so the empty string. */
function nullOf(c: Column): unknown {
  return c.type === 'string' ? '' : null;
}
