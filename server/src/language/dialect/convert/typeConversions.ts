import { kusto, toArray } from '../../kustoEngine';
import type { DialectPair } from './nameDecisions';

type Node = Kusto.Language.Syntax.SyntaxNode;
type Table = Kusto.Language.Symbols.TableSymbol;

/**
 * A column whose table gives it one type in the source environment and another in the target
 * (`AdditionalFields` is a string in Defender XDR and dynamic in Sentinel).
 */
export interface TypeChange {
  readonly table: string;
  readonly column: string;
  readonly was: string;
  readonly now: string;
}

/**
 * The source type's conversion function: wrapping a reference in it gives the expression the
 * type it had in the source, so everything the query computes from it binds as it did there
 * (`tostring(AdditionalFields)` is named `AdditionalFields`, so a `summarize by` keeps its column).
 */
const CONVERSION: Readonly<Record<string, string>> = {
  string: 'tostring',
  dynamic: 'todynamic',
  long: 'tolong',
  int: 'toint',
  real: 'toreal',
  bool: 'tobool',
  datetime: 'todatetime',
  timespan: 'totimespan',
  guid: 'toguid',
  decimal: 'todecimal',
};

/** Calls whose result does not depend on whether their argument is text or dynamic. */
const TYPE_FREE_CALLS = new Set(['tostring', 'todynamic', 'parse_json', 'toobject']);

/**
 * The first of `origins` whose column has another type in the target (under its target name).
 * GetColumn throws on a name the table lacks, so columns are looked up by name here.
 */
export function typeChange(
  pair: DialectPair,
  origins: readonly { table: string; column: string }[],
  targetName: (column: string) => string,
): TypeChange | undefined {
  const typeOf = (table: Table | null, column: string) =>
    table ? toArray(table.Columns).find((c) => c.Name === column)?.Type?.Name : undefined;
  for (const o of origins) {
    const was = typeOf(pair.sourceGlobals.Database!.GetTable(o.table), o.column);
    const now = typeOf(pair.targetDb.GetTable(o.table), targetName(o.column));
    if (was && now && was !== now) return { table: o.table, column: o.column, was, now };
  }
  return undefined;
}

/** Why a reference to a type-changed column may not bind: said when no conversion is written. */
export function typeChangeReason(change: TypeChange, pair: DialectPair): string {
  return `'${change.column}' of ${change.table} is ${change.was} in ${pair.here.displayName} but ${change.now} in ${pair.there.displayName}; convert it where it is used (for example with ${CONVERSION[change.was] ?? `to${change.was}`}())`;
}

/** What a conversion wrapped around a reference says, for the conversion notes. */
export function typeConversionNote(
  change: TypeChange,
  pair: DialectPair,
  call: string,
  aroundCall: boolean,
): string {
  const written = aroundCall
    ? `the call that takes it is written in ${call}()`
    : `written as ${call}(${change.column})`;
  return `'${change.column}' of ${change.table} is ${change.was} in ${pair.here.displayName} but ${change.now} in ${pair.there.displayName}; ${written} so that it reads as a ${change.was} as before`;
}

/**
 * The call to wrap around a reference to a type-changed column, read from the bound tree: none
 * where the use already converts it (`parse_json(AdditionalFields)`, `tostring(...)`), and none
 * where the reference is a name rather than a value (`project-away`, `join ... on`, the column
 * after a `.`), which no call can stand in for.
 */
export function conversionCall(
  ref: Kusto.Language.Syntax.NameReference,
  change: TypeChange,
): { call: string; around?: Kusto.Language.Syntax.FunctionCallExpression } | undefined {
  const call = CONVERSION[change.was];
  if (!call) return undefined;
  const S = kusto().Syntax.SyntaxKind;
  const parent = ref.Parent;
  if (!parent) return undefined;
  if (parent.Kind === S.PathExpression && (parent as Kusto.Language.Syntax.PathExpression).Selector === ref)
    return undefined;
  const around = argumentOf(ref);
  if (around && TYPE_FREE_CALLS.has(around.call.Name?.SimpleName ?? '')) return undefined;
  if (around && wantsColumn(around.call, around.index))
    // The function takes the column itself (`prev(LoggedOnUsers, 1)`): when it returns the
    // column's value, its result is converted instead, so both sides of a comparison keep one type.
    return around.call.ResultType?.Name === change.was ? { call, around: around.call } : undefined;
  const nameOnly = [
    S.ProjectAwayOperator,
    S.ProjectKeepOperator,
    S.ProjectRenameOperator,
    S.ProjectReorderOperator,
    S.JoinOnClause,
    S.EvaluateOperator,
  ];
  for (let n: Node | null = parent; n; n = n.Parent) {
    if (nameOnly.includes(n.Kind)) return undefined;
    // An operator ends the search: what encloses it does not make this a name.
    if (n.Kind === S.PipeExpression) break;
  }
  return { call };
}

type Argument = Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>;

/** The function call whose direct argument `ref` is, if any, and which argument it is. */
function argumentOf(
  ref: Node,
): { call: Kusto.Language.Syntax.FunctionCallExpression; index: number } | undefined {
  const S = kusto().Syntax.SyntaxKind;
  const element = ref.Parent;
  if (element?.Kind !== S.SeparatedElement) return undefined;
  // SeparatedElement, its list, the ExpressionList, then the call.
  const call = element.Parent?.Parent?.Parent;
  if (call?.Kind !== S.FunctionCallExpression) return undefined;
  const fn = call as Kusto.Language.Syntax.FunctionCallExpression;
  const args = toArray<Argument>(fn.ArgumentList?.Expressions as never);
  return { call: fn, index: args.findIndex((a) => a === element) };
}

/**
 * Whether the called function's signature takes a column itself at that argument (`prev(X, 1)`,
 * `next(X)`): there a conversion call is refused ("Column name expected").
 */
function wantsColumn(call: Kusto.Language.Syntax.FunctionCallExpression, index: number): boolean {
  const params = toArray(call.ReferencedSignature?.Parameters);
  if (params.length === 0 || index < 0) return false;
  const param = params[Math.min(index, params.length - 1)];
  const A = kusto().Symbols.ArgumentKind;
  return [A.Column, A.Column_Parameter0, A.Column_Parameter0_Common].includes(param.ArgumentKind);
}
