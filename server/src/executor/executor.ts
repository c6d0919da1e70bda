import { kusto, toArray } from '../language/kustoEngine';
import {
  count,
  distinct,
  extend,
  project,
  projectRename,
  selectByResult,
  sort,
  take,
  top,
  where,
} from './basicOperators';
import { ExecutionError, QueryError, UnsupportedError } from './errors';
import { globalsForWorkspace } from './globals';
import { databaseFunction } from './databaseFunctions';
import { externalData } from './externalData';
import { find } from './find';
import { search } from './search';
import { mvApply } from './mvApply';
import { evaluatePlugin } from './plugins';
import { OPERATOR_REFUSALS } from './refusalReasons';
import { drawsAtRandom, sample, sampleDistinct } from './sampling';
import { resultsOfNonTable, type NamedResult } from './resultSets';
import { topNested } from './topNested';
import { watchlistTable } from './watchlists';
import { serializationAfter, serialize } from './serialization';
import { join, lookup } from './join';
import type { Binding, QueryContext } from './queryContext';
import { makeSeries } from './makeSeries';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { parse, parseWhere } from './parseOperator';
import { scan } from './scan';
import { declareQueryParameters } from './queryParameters';
import { bindParameters, functionBody, withBindings, type FunctionBinding } from './userFunctions';
import { mvExpand, union } from './shapeOperators';
import { datatable, print, range } from './sourceOperators';
import { summarize } from './summarize';
import { partition } from './partition';
import { getschema } from './getschema';
import { parseKv } from './parseKv';
import {
  elements,
  firstTokenText,
  isTabular,
  kindName,
  resultColumns,
  scalarTypeOf,
  textOf,
  type Expr,
} from './syntax';
import { providedFunction, type ProvidedCall } from './defenderFunctions';
import { repeatedName, withoutHidden, type Table } from './table';
import { toOutput } from './values';
import { readRequestProperties, type RequestProperties } from './requestProperties';
import type { LocalWorkspace } from './workspace';

/**
 * The operators that read an input holding two columns of one name (left by a parse into a column
 * its input already has) as the binder does: by position, or a name as its first column. Any other
 * operator after such a parse is refused by name rather than guessed.
 */
const READS_REPEATED_NAMES = new Set([
  'FilterOperator',
  'ProjectOperator',
  'ProjectAwayOperator',
  'ProjectKeepOperator',
  'ProjectReorderOperator',
  'ProjectRenameOperator',
  'ExtendOperator',
  'SerializeOperator',
  'SummarizeOperator',
  'TakeOperator',
  'TopOperator',
  'SortOperator',
  'CountOperator',
  'GetSchemaOperator',
  'ParseOperator',
  'ParseWhereOperator',
  'ParseKvOperator',
  'RenderOperator',
]);

/** One result table in the Log Analytics shape: datetimes as ISO strings, timespans as `hh:mm:ss`, dynamic as JSON values. */
export interface ResultTable {
  name: string;
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** A `render` operator's request, kept as a hint for whoever draws the results. */
export interface ChartHint {
  type: string;
  properties: Record<string, string>;
}

export interface ExecuteOptions {
  workspace: LocalWorkspace;
  /** The environment's global state (Defender or Sentinel); its functions stay callable by name. */
  globals?: Kusto.Language.GlobalState;
  /** Pins now() (a Date, ISO string or UTC milliseconds); otherwise the workspace's manifest value, otherwise the clock. */
  now?: Date | string | number;
  /** Keeps at most this many rows per result table; `stats.truncated` says when rows were dropped. */
  rowLimit?: number;
  signal?: AbortSignal;
}

export interface QueryResult {
  tables: ResultTable[];
  chart?: ChartHint;
  /** What the result leaves out that the service would give (a Defender function's columns), once each. */
  warnings: string[];
  stats: { elapsedMs: number; rowCount: number; truncated: boolean; now: string };
}

/**
 * Runs a KQL query over a local workspace. The query is parsed and bound by Kusto.Language
 * against the workspace's tables; any error diagnostic stops it before it runs, and any
 * operator or function the executor does not implement fails with an UnsupportedError naming it.
 *
 * @throws QueryError, UnsupportedError or ExecutionError
 */
export function executeQuery(text: string, options: ExecuteOptions): QueryResult {
  const started = performance.now();
  const K = kusto();
  const globals = globalsForWorkspace(options.workspace, options.globals);
  const code = K.KustoCode.ParseAndAnalyze(text, globals)!;
  const errors = toArray(code.GetDiagnostics()).filter((d) => d.Severity === 'Error');
  if (errors.length) {
    const messages = errors.map((d) => d.Message ?? 'error');
    throw new QueryError(
      `The query has ${errors.length} error(s): ${messages.slice(0, 3).join('; ')}`,
      messages,
    );
  }
  const root = code.Syntax as Kusto.Language.Syntax.QueryBlock;
  const statements = elements<Kusto.Language.Syntax.Statement>(root.Statements);
  const props = readRequestProperties(
    statements,
    (e) => compileScalar(e, scopeOf({ columns: [], rows: [] }, valueContext()))([]),
    scalarTypeOf,
  );
  const now = props.now ?? resolveNow(options.now ?? options.workspace.now);
  const runner = new Runner(options.workspace, now, props, options.signal);
  const named: NamedResult[] = [];
  for (const statement of statements) runner.statement(statement, named);
  const tables = named.map((n) => n.table);
  if (tables.length === 0) throw new QueryError('The query has no tabular expression to run');
  const tooMany = tables.find((t) => t.rows.length > (props.truncationMaxRecords ?? Infinity));
  if (tooMany)
    throw new ExecutionError(
      `The result has ${tooMany.rows.length} records, more than the ${props.truncationMaxRecords} that set truncationmaxrecords allows`,
    );

  const limit = options.rowLimit ?? Infinity;
  let truncated = false;
  let rowCount = 0;
  const results = tables.map((t, i): ResultTable => {
    const kept = props.takeMaxRecords === undefined ? t.rows : t.rows.slice(0, props.takeMaxRecords);
    const rows = kept.length > limit ? kept.slice(0, limit) : kept;
    if (rows.length < kept.length) truncated = true;
    rowCount += rows.length;
    return {
      name: named[i].name ?? (i === 0 ? 'PrimaryResult' : `Table_${i}`),
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: rows.map((r) => r.map((v, j) => toOutput(v, t.columns[j].type))),
    };
  });
  return {
    tables: results,
    chart: runner.ctx.chart,
    warnings: [...runner.warnings],
    stats: {
      elapsedMs: Math.round(performance.now() - started),
      rowCount,
      truncated,
      now: new Date(now).toISOString(),
    },
  };
}

/** The context a set statement's value is computed in: a literal, which reads no table or variable. */
function valueContext(): QueryContext {
  const none = (): never => {
    throw new UnsupportedError('a set statement value that is not a literal');
  };
  return {
    now: 0,
    requestProperties: {},
    vars: new Map(),
    evalTable: none,
    tableNamed: none,
    databaseTables: () => [],
    hasTable: () => false,
    warn: () => undefined,
    evalSubquery: none,
    checkCancelled: () => undefined,
  };
}

function resolveNow(now: Date | string | number | undefined): number {
  if (now === undefined) return Date.now();
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (Number.isNaN(ms)) throw new ExecutionError(`'${String(now)}' is not a valid time for now()`);
  return ms;
}

class Runner {
  readonly ctx: QueryContext;
  readonly warnings = new Set<string>();
  /** The input of a subquery's first operator, which names no source (mv-apply ... on (top 1 by x)). */
  private implicit: Table | undefined;

  constructor(
    private readonly workspace: LocalWorkspace,
    now: number,
    requestProperties: RequestProperties,
    private readonly signal?: AbortSignal,
  ) {
    this.ctx = {
      now,
      requestProperties,
      vars: new Map<string, Binding>(),
      evalTable: (e) => withoutHidden(this.table(e)),
      tableNamed: (name) => withoutHidden(this.tableNamed(name)),
      databaseTables: () => [...this.workspace.tables.keys()],
      warn: (m) => this.warnings.add(m),
      hasTable: (name) => {
        const kind = this.ctx.vars.get(name)?.kind;
        return kind === 'table' || kind === 'function' || this.workspace.tables.has(name);
      },
      evalSubquery: (e, input) => {
        const outer = this.implicit;
        this.implicit = input;
        try {
          return this.table(e);
        } finally {
          this.implicit = outer;
        }
      },
      checkCancelled: () => {
        if (this.signal?.aborted) throw new ExecutionError('The query was cancelled');
      },
    };
  }

  statement(s: Kusto.Language.Syntax.Statement, out: NamedResult[]): void {
    const kind = kindName(s);
    if (kind === 'LetStatement') return this.let(s as Kusto.Language.Syntax.LetStatement);
    if (kind === 'ExpressionStatement') {
      const e = (s as Kusto.Language.Syntax.ExpressionStatement).Expression!;
      if (!isTabular(e)) {
        out.push(...resultsOfNonTable(e, this.ctx));
        return;
      }
      out.push({ table: withoutHidden(this.table(e)) });
      return;
    }
    // Set statements were read before the query ran (requestProperties.ts).
    if (kind === 'SetOptionStatement') return;
    if (kind === 'QueryParametersStatement')
      return declareQueryParameters(s as Kusto.Language.Syntax.QueryParametersStatement, this.ctx);
    throw new UnsupportedError(`the '${firstTokenText(s)}' statement`);
  }

  private let(s: Kusto.Language.Syntax.LetStatement): void {
    const name = s.Name!.SimpleName!;
    const e = s.Expression!;
    const kind = kindName(e);
    if (kind === 'FunctionDeclaration') {
      this.ctx.vars.set(name, {
        kind: 'function',
        name,
        decl: e as Kusto.Language.Syntax.FunctionDeclaration,
      });
      return;
    }
    if (isTabular(e)) {
      // Tabular lets run at most once, on first use, so materialize() and a plain let behave alike;
      // only a sampled one is drawn again at each use, as sample-operator.md shows.
      if (drawsAtRandom(e)) {
        this.ctx.vars.set(name, { kind: 'table', get: () => this.table(e) });
        return;
      }
      let cached: Table | undefined;
      this.ctx.vars.set(name, { kind: 'table', get: () => (cached ??= this.table(e)) });
      return;
    }
    const value = compileScalar(e, scopeOf({ columns: [], rows: [] }, this.ctx))([]);
    this.ctx.vars.set(name, { kind: 'scalar', value, type: scalarTypeOf(e) });
  }

  table(e: Expr): Table {
    this.ctx.checkCancelled();
    const kind = kindName(e);
    switch (kind) {
      case 'PipeExpression': {
        const p = e as Kusto.Language.Syntax.PipeExpression;
        return this.operator(p.Operator!, this.table(p.Expression!));
      }
      case 'ParenthesizedExpression':
        return this.table((e as Kusto.Language.Syntax.ParenthesizedExpression).Expression!);
      case 'MaterializeExpression':
        return this.table((e as Kusto.Language.Syntax.MaterializeExpression).Expression!);
      case 'NameReference':
        return this.named(e as Kusto.Language.Syntax.NameReference);
      case 'FindOperator':
        return find(e as Kusto.Language.Syntax.FindOperator, this.ctx);
      case 'SearchOperator':
        return search(e as Kusto.Language.Syntax.SearchOperator, undefined, this.ctx);
      case 'ExternalDataExpression':
        return externalData(e as Kusto.Language.Syntax.ExternalDataExpression, this.workspace, this.ctx);
      case 'DataTableExpression':
        return datatable(e as Kusto.Language.Syntax.DataTableExpression, this.ctx);
      case 'PrintOperator':
        return print(e as Kusto.Language.Syntax.PrintOperator, this.ctx);
      case 'RangeOperator':
        return { ...range(e as Kusto.Language.Syntax.RangeOperator, this.ctx), serialized: true };
      case 'UnionOperator':
        return union(e as Kusto.Language.Syntax.UnionOperator, undefined, this.ctx);
      case 'FunctionCallExpression': {
        const call = e as Kusto.Language.Syntax.FunctionCallExpression;
        const name = call.Name?.SimpleName ?? textOf(e);
        const args = elements(call.ArgumentList?.Expressions);
        const binding = this.ctx.vars.get(name);
        if (binding?.kind === 'function') return this.callTabular(binding, args, call);
        if (name === 'table' && args.length === 1) return this.tableByName(args[0]);
        if (name === '_GetWatchlist' && args.length === 1) {
          const alias = compileScalar(args[0], scopeOf({ columns: [], rows: [] }, this.ctx))([]);
          return watchlistTable(this.workspace, String(alias ?? ''), this.ctx.now);
        }
        const provided = providedFunction(name, call.ReferencedSymbol);
        if (provided) return this.callProvided(provided, args, call);
        return this.callTabular(databaseFunction(call.ReferencedSymbol, `${name}()`), args, call);
      }
    }
    if (this.implicit && kind.endsWith('Operator') && kind !== 'UnionOperator') {
      const input = this.implicit;
      // Only the first operator reads the implicit input; anything it runs inside sees none.
      this.implicit = undefined;
      try {
        return this.operator(e as Kusto.Language.Syntax.QueryOperator, input);
      } finally {
        this.implicit = input;
      }
    }
    throw new UnsupportedError(
      `the '${firstTokenText(e)}' ${kind.endsWith('Operator') ? 'operator' : 'expression'}`,
    );
  }

  /** A table or tabular let by name alone: what a wildcard's matches (`Device*`) are read as. */
  tableNamed(name: string): Table {
    const binding = this.ctx.vars.get(name);
    if (binding?.kind === 'table') return binding.get();
    // A view (let V = view () {...}), which union and search read by name.
    if (binding?.kind === 'function' && binding.decl.ViewKeyword) return this.callTabular(binding, []);
    const t = this.workspace.tables.get(name);
    if (t) return t;
    throw new ExecutionError(`the table '${name}' is not in the workspace '${this.workspace.name}'`);
  }

  private named(ref: Kusto.Language.Syntax.NameReference): Table {
    const name = ref.SimpleName!;
    const binding = this.ctx.vars.get(name);
    if (binding) {
      if (binding.kind === 'function') return this.callTabular(binding, [], ref);
      if (binding.kind !== 'table') throw new ExecutionError(`'${name}' is a scalar, not a table`);
      return binding.get();
    }
    const t = this.workspace.tables.get(name);
    if (t) return t;
    const symbolKind = ref.ReferencedSymbol?.Kind;
    if (symbolKind === kusto().Symbols.SymbolKind.Function)
      return this.callTabular(databaseFunction(ref.ReferencedSymbol, name), [], ref);
    throw new ExecutionError(`the table '${name}' is not in the workspace '${this.workspace.name}'`);
  }

  /** A tabular user function: arguments evaluated by the caller, then the body with them bound. */
  private callTabular(fn: FunctionBinding, args: Expr[], call?: Expr, piped?: Table): Table {
    const emptyScope = scopeOf({ columns: [], rows: [] }, this.ctx);
    // `T | invoke f(a)` passes T as f's first argument (invoke-operator.md).
    const pipeArgument = {} as Expr;
    const bound = bindParameters(fn, piped ? [pipeArgument, ...args] : args, (arg, isTable): Binding => {
      if (arg === pipeArgument) {
        if (!isTable) throw new ExecutionError(`invoke ${fn.name}(): its first parameter is not a table`);
        return { kind: 'table', get: () => piped! };
      }
      if (isTable) {
        const t = this.table(arg);
        return { kind: 'table', get: () => t };
      }
      return { kind: 'scalar', value: compileScalar(arg, emptyScope)([]), type: scalarTypeOf(arg) };
    });
    return withBindings(this.ctx, bound, () => {
      const { statements, result } = functionBody(fn, call);
      for (const s of statements) this.statement(s, []);
      return this.table(result);
    });
  }

  private invoke(op: Kusto.Language.Syntax.InvokeOperator, input: Table): Table {
    const call = op.Function!;
    const name =
      kindName(call) === 'FunctionCallExpression'
        ? (call as Kusto.Language.Syntax.FunctionCallExpression).Name?.SimpleName
        : (call as Kusto.Language.Syntax.NameReference).SimpleName;
    const local = name ? this.ctx.vars.get(name) : undefined;
    const symbol = (call as Kusto.Language.Syntax.NameReference).ReferencedSymbol;
    const provided = local ? undefined : providedFunction(name ?? undefined, symbol);
    if (provided) {
      const args =
        kindName(call) === 'FunctionCallExpression'
          ? elements((call as Kusto.Language.Syntax.FunctionCallExpression).ArgumentList?.Expressions)
          : [];
      return this.callProvided(provided, args, op, input);
    }
    // A let function, else a function of the environment or repository that comes with its query.
    const binding = local?.kind === 'function' ? local : databaseFunction(symbol, name ?? textOf(call));
    const args =
      kindName(call) === 'FunctionCallExpression'
        ? elements((call as Kusto.Language.Syntax.FunctionCallExpression).ArgumentList?.Expressions)
        : [];
    return this.callTabular(binding, args, call, input);
  }

  /** A Defender function the executor provides itself (defenderFunctions.ts), with constant arguments. */
  private callProvided(
    provided: (call: ProvidedCall) => Table,
    args: Expr[],
    resultOf: Expr,
    input?: Table,
  ): Table {
    const emptyScope = scopeOf({ columns: [], rows: [] }, this.ctx);
    return provided({
      ...(input ? { input } : {}),
      args: args.map((a) => compileScalar(a, emptyScope)([])),
      workspace: this.workspace,
      columns: resultColumns(resultOf),
      warn: (m) => this.warnings.add(m),
    });
  }

  /** table('Name'): the workspace table (or tabular let) the constant name gives. */
  private tableByName(arg: Expr): Table {
    const name = String(compileScalar(arg, scopeOf({ columns: [], rows: [] }, this.ctx))([]));
    const binding = this.ctx.vars.get(name);
    if (binding?.kind === 'table') return binding.get();
    const t = this.workspace.tables.get(name);
    if (!t) throw new ExecutionError(`the table '${name}' is not in the workspace '${this.workspace.name}'`);
    return t;
  }

  /** Runs one operator and marks whether its output keeps a row order for window functions. */
  private operator(op: Kusto.Language.Syntax.QueryOperator, input: Table): Table {
    const twice = repeatedName(input.columns);
    if (twice !== undefined && !READS_REPEATED_NAMES.has(kindName(op)))
      throw new UnsupportedError(
        `the '${firstTokenText(op)}' operator after a parse into a column its input already has (${twice})`,
      );
    const out = this.apply(op, input);
    // A copy, since an operator may hand back its input, which can be a workspace table.
    const hidden = out.hidden ?? input.hidden;
    return {
      columns: out.columns,
      rows: out.rows,
      serialized: serializationAfter(kindName(op), input),
      ...(hidden !== undefined && out.columns.some((c) => c.name === hidden) ? { hidden } : {}),
    };
  }

  private apply(op: Kusto.Language.Syntax.QueryOperator, input: Table): Table {
    const kind = kindName(op);
    switch (kind) {
      case 'FilterOperator':
        return where(op as Kusto.Language.Syntax.FilterOperator, input, this.ctx);
      case 'SearchOperator':
        return search(op as Kusto.Language.Syntax.SearchOperator, input, this.ctx);
      case 'ProjectOperator':
        return project(op as Kusto.Language.Syntax.ProjectOperator, input, this.ctx);
      case 'ProjectAwayOperator':
      case 'ProjectReorderOperator':
      case 'ProjectKeepOperator':
      case 'ProjectByNamesOperator':
        return selectByResult(op, input);
      case 'ProjectRenameOperator':
        return projectRename(op as Kusto.Language.Syntax.ProjectRenameOperator, input);
      case 'ExtendOperator':
        return extend(op as Kusto.Language.Syntax.ExtendOperator, input, this.ctx);
      case 'SerializeOperator':
        return serialize(op as Kusto.Language.Syntax.SerializeOperator, input, this.ctx);
      case 'SummarizeOperator':
        return summarize(op as Kusto.Language.Syntax.SummarizeOperator, input, this.ctx);
      case 'SampleOperator':
        return sample(op as Kusto.Language.Syntax.SampleOperator, input, this.ctx);
      case 'SampleDistinctOperator':
        return sampleDistinct(op as Kusto.Language.Syntax.SampleDistinctOperator, input, this.ctx);
      case 'TakeOperator':
        return take(op as Kusto.Language.Syntax.TakeOperator, input, this.ctx);
      case 'TopOperator':
        return top(op as Kusto.Language.Syntax.TopOperator, input, this.ctx);
      case 'SortOperator':
        return sort(op as Kusto.Language.Syntax.SortOperator, input, this.ctx);
      case 'DistinctOperator':
        return distinct(op as Kusto.Language.Syntax.DistinctOperator, input, this.ctx);
      case 'CountOperator':
        return count(op as Kusto.Language.Syntax.CountOperator, input);
      case 'ParseKvOperator':
        return parseKv(op as Kusto.Language.Syntax.ParseKvOperator, input, this.ctx);
      case 'GetSchemaOperator':
        return getschema(input);
      case 'JoinOperator':
        return join(op as Kusto.Language.Syntax.JoinOperator, input, this.ctx);
      case 'LookupOperator':
        return lookup(op as Kusto.Language.Syntax.LookupOperator, input, this.ctx);
      case 'UnionOperator':
        return union(op as Kusto.Language.Syntax.UnionOperator, input, this.ctx);
      case 'MvExpandOperator':
        return mvExpand(op as Kusto.Language.Syntax.MvExpandOperator, input, this.ctx);
      case 'InvokeOperator':
        return this.invoke(op as Kusto.Language.Syntax.InvokeOperator, input);
      case 'MvApplyOperator':
        return mvApply(op as Kusto.Language.Syntax.MvApplyOperator, input, this.ctx);
      case 'PartitionOperator':
        return partition(op as Kusto.Language.Syntax.PartitionOperator, input, this.ctx);
      case 'TopNestedOperator':
        return topNested(op as Kusto.Language.Syntax.TopNestedOperator, input, this.ctx);
      case 'ParseOperator':
        return parse(op as Kusto.Language.Syntax.ParseOperator, input, this.ctx);
      case 'ScanOperator':
        return scan(op as Kusto.Language.Syntax.ScanOperator, input, this.ctx);
      case 'MakeSeriesOperator':
        return makeSeries(op as Kusto.Language.Syntax.MakeSeriesOperator, input, this.ctx);
      case 'ParseWhereOperator':
        return parseWhere(op as Kusto.Language.Syntax.ParseWhereOperator, input, this.ctx);
      case 'AsOperator': {
        const name = (op as Kusto.Language.Syntax.AsOperator).Name!.SimpleName!;
        this.ctx.vars.set(name, { kind: 'table', get: () => input });
        return input;
      }
      case 'RenderOperator': {
        const r = op as Kusto.Language.Syntax.RenderOperator;
        const properties: Record<string, string> = {};
        for (const p of elements<Kusto.Language.Syntax.NamedParameter>(r.WithClause?.Properties)) {
          if (p.Name?.SimpleName && p.Expression) properties[p.Name.SimpleName] = textOf(p.Expression);
        }
        this.ctx.chart = { type: r.ChartType?.Text ?? '', properties };
        return input;
      }
    }
    if (kind === 'EvaluateOperator')
      return evaluatePlugin(op as Kusto.Language.Syntax.EvaluateOperator, input, this.ctx);
    const keyword = firstTokenText(op);
    throw new UnsupportedError(`the '${keyword}' operator`, OPERATOR_REFUSALS[keyword]);
  }
}
