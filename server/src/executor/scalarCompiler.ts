import { kusto } from '../language/kustoEngine';
import { ExecutionError, MissingColumnError, UnresolvedNameError, UnsupportedError } from './errors';
import type { Evaluator, Scope } from './evaluator';
import { SCALAR_FUNCTIONS, type ScalarFunction } from './scalarFunctions';
import { REFUSAL_REASONS } from './refusalReasons';
import { VALUE_CARRIERS } from './passThroughFunctions';
import { SKETCH_READERS } from './sketchFunctions';
import { guardSketchArgument } from './sketchValues';
import { DYNAMIC_LONG_ARGUMENTS, guardDynamicArgument } from './dynamicGuards';
import { wholeReal, wholeRealOf } from './wholeReals';
import { compileBagPackColumns, compileColumnNamesOf, compileEstimateDataSize } from './columnFunctions';
import { compileSetPredicate } from './setPredicates';
import { kustoRegex } from './kustoRegex';
import {
  bindParameters,
  functionBody,
  rowArgument,
  withBindings,
  type FunctionBinding,
} from './userFunctions';
import { constantNeedlePredicate, STRING_PREDICATES } from './stringMatch';
import { matchInAnyColumn } from './anyColumn';
import { elements, firstTokenText, isTabular, kindName, scalarTypeOf, unbox, type Expr } from './syntax';
import { tickOperator } from './tickArithmetic';
import { dynamicArithmeticOperand, dynamicComparedWith, fractionGuard } from './dynamicOperands';
import { compileAssert } from './assertFunction';
import { compileWindowCall, WINDOW_FUNCTIONS } from './windowFunctions';
import { databaseFunction, hasQueryBody } from './databaseFunctions';
import { DECIMAL_OPERATORS, negateDecimal } from './decimalArithmetic';
import { asDecimalResult, decimalArgument } from './decimalConversion';
import { compileDecimalComparison } from './decimalComparison';
import { ExactDecimal, parseDecimalText } from './exactDecimal';
import { parseDatetimeTicks, parseTimespanTicks, ticksOfMs } from './ticks';
import {
  BIG_LONG_FUNCTIONS,
  LONG_MIN,
  isSafeLong,
  longAdd,
  longDivide,
  longModulo,
  longMultiply,
  longNegate,
  longOfDigits,
  longSubtract,
  normalLong,
  realOfLong,
  refuseBigLongArguments,
  refuseRoundedLong,
  type Long,
  type LongOperator,
} from './longs';
import {
  compareValues,
  fromExternal,
  isIntegerType,
  toDynamic,
  valueToString,
  type KqlType,
  type Row,
} from './values';

// The closure and scope types live in evaluator.ts, which setPredicates.ts shares without importing this.
export type { Evaluator, Scope } from './evaluator';

/** Aggregate names, rejected outside summarize with a message that says where they belong. */
export const AGGREGATE_NAMES = new Set([
  'count',
  'countif',
  'dcount',
  'dcountif',
  'min',
  'max',
  'sum',
  'avg',
  'make_set',
  'makeset',
  'makelist',
  'make_list',
  'make_bag',
  'arg_max',
  'arg_min',
  'argmax',
  'argmin',
  'take_any',
  'percentile',
  'any',
  'stdev',
  'variance',
  'make_set_if',
  'make_list_if',
  'sumif',
  'avgif',
  'minif',
  'maxif',
  'percentiles',
  'hll',
  'tdigest',
  'count_distinct',
  'take_anyif',
  'make_bag_if',
  'make_list_with_nulls',
  'stdevif',
  'stdevp',
  'variancep',
  'varianceif',
  'percentiles_array',
  'covariance',
  'covariancep',
  'covarianceif',
  'covariancepif',
  'variancepif',
  'count_distinctif',
  'binary_all_and',
  'binary_all_or',
  'binary_all_xor',
  'hll_if',
  'hll_merge',
  'tdigest_merge',
  'merge_tdigest',
  'percentilew',
  'percentilesw',
  'percentilesw_array',
  'buildschema',
]);

/**
 * hll_merge, tdigest_merge and merge_tdigest are aggregates with one argument and scalar
 * functions with two or more (hll-merge-function.md, merge-tdigest-function.md).
 */
const AGGREGATE_OR_SCALAR = new Set(['hll_merge', 'tdigest_merge', 'merge_tdigest']);

/** Whether a call of `name` with `argCount` arguments is an aggregate. */
export function isAggregateName(name: string, argCount: number): boolean {
  const lower = name.toLowerCase();
  return AGGREGATE_NAMES.has(lower) && !(AGGREGATE_OR_SCALAR.has(lower) && argCount > 1);
}

/** Functions that pass a value through unread (or only test it for null), so it may be a sketch. */
const SKETCH_CARRIERS = new Set<string>(VALUE_CARRIERS);

export function compileScalar(expr: Expr, scope: Scope): Evaluator {
  const done = scope.compiled?.get(expr);
  if (done) return done;
  const kind = kindName(expr);
  if (scalarTypeOf(expr) === 'decimal') refuseDecimalArithmetic(expr, kind, scope);
  switch (kind) {
    case 'ParenthesizedExpression':
      return compileScalar((expr as Kusto.Language.Syntax.ParenthesizedExpression).Expression!, scope);
    case 'SimpleNamedExpression':
      // `bin(Name = Timestamp, 5m)`: a name inside an argument only names the result column, which
      // the binder has already done; the value is the inner expression's.
      return compileScalar((expr as Kusto.Language.Syntax.SimpleNamedExpression).Expression!, scope);
    case 'NameReference':
      return compileName(expr as Kusto.Language.Syntax.NameReference, scope);
    case 'FunctionCallExpression':
      return compileCall(expr as Kusto.Language.Syntax.FunctionCallExpression, scope);
    case 'DynamicExpression': {
      const value = dynamicLiteral((expr as Kusto.Language.Syntax.DynamicExpression).Expression!);
      return () => value;
    }
    case 'UnaryMinusExpression':
    case 'UnaryPlusExpression': {
      const operand = (expr as Kusto.Language.Syntax.PrefixUnaryExpression).Expression!;
      // -9223372036854775808 is a long (long.md's minimum) though its digits alone are not.
      if (kind === 'UnaryMinusExpression' && firstTokenText(operand).trim() === '9223372036854775808')
        return () => LONG_MIN;
      const inner = compileScalar(operand, scope);
      if (kind === 'UnaryPlusExpression') return inner;
      const integral = isIntegerType(scalarTypeOf(expr));
      if (scalarTypeOf(expr) === 'decimal') return (r) => negateDecimal(inner(r));
      return (r) => {
        const v = inner(r);
        if (integral && v !== null) return longNegate(v as Long);
        return typeof v === 'number' || typeof v === 'bigint' ? -v : null;
      };
    }
    case 'AndExpression':
    case 'OrExpression':
      return compileLogical(expr as Kusto.Language.Syntax.BinaryExpression, kind === 'AndExpression', scope);
    case 'PathExpression':
    case 'ElementExpression':
      return compileMember(expr, scope);
    case 'InExpression':
    case 'InCsExpression':
    case 'NotInExpression':
    case 'NotInCsExpression':
    case 'HasAnyExpression':
    case 'HasAllExpression':
      return compileSetPredicate(expr, scope, { scalar: compileScalar, literal: literalValue });
    case 'BetweenExpression':
    case 'NotBetweenExpression':
      return compileBetween(
        expr as Kusto.Language.Syntax.BetweenExpression,
        kind === 'NotBetweenExpression',
        scope,
      );
    case 'ToScalarExpression': {
      const inner = (expr as Kusto.Language.Syntax.ToScalarExpression).Expression!;
      // toscalar() of a scalar (toscalar(array_length(Verses))) is that scalar, evaluated once.
      if (!isTabular(inner)) {
        const value = compileScalar(inner, scope);
        let once: { v: unknown } | undefined;
        return (r) => (once ??= { v: value(r) }).v;
      }
      let cached: { v: unknown } | undefined;
      return () => {
        if (!cached) {
          const t = scope.ctx.evalTable(inner);
          cached = { v: t.rows.length && t.columns.length ? t.rows[0][0] : null };
        }
        return cached.v;
      };
    }
    case 'TypeOfLiteralExpression':
      return () => null;
  }
  if (expr.IsLiteral || kind.endsWith('LiteralExpression')) {
    const value = literalValue(expr);
    return () => value;
  }
  if (kind in STRING_PREDICATES || kind === 'MatchesRegexExpression')
    return compileStringPredicate(expr as Kusto.Language.Syntax.BinaryExpression, kind, scope);
  if (ARITHMETIC.has(kind))
    return compileArithmetic(expr as Kusto.Language.Syntax.BinaryExpression, kind, scope);
  if (COMPARISON.has(kind))
    return compileComparison(expr as Kusto.Language.Syntax.BinaryExpression, kind, scope);
  throw new UnsupportedError(describe(expr, kind));
}

function describe(expr: Expr, kind: string): string {
  const op = (expr as Partial<Kusto.Language.Syntax.BinaryExpression>).Operator?.Text;
  return op ? `the '${op}' operator` : `the expression '${firstTokenText(expr)}…' (${kind})`;
}

/**
 * Kusto's decimal is a 38-digit SqlDecimal, held exactly (exactDecimal.ts). Copies, negation,
 * +, - and * (decimalArithmetic.ts) and the functions that make or choose exact decimals pass;
 * other operators and functions with a decimal result (division, round(), bin()) would need a
 * scale or a rounding the pages do not give, so they are refused by name.
 */
const DECIMAL_PASSTHROUGH = new Set([
  'ParenthesizedExpression',
  'SimpleNamedExpression',
  'NameReference',
  'UnaryPlusExpression',
  'UnaryMinusExpression',
  'ToScalarExpression',
]);
// A real operand becomes a decimal only where no rounding comes in (exactDecimal.ts).
const EXACT_DECIMAL_OPERANDS = new Set<KqlType>(['decimal', 'int', 'long', 'real']);
const DECIMAL_SELECTING_FUNCTIONS = new Set([
  'iff',
  'iif',
  'case',
  'coalesce',
  'column_ifexists',
  'columnifexists',
  'min_of',
  'max_of',
]);

const DECIMAL_MAKING_FUNCTIONS = new Set(['todecimal', 'parse_version', 'extract']);

function refuseDecimalArithmetic(expr: Expr, kind: string, scope: Scope): void {
  if (expr.IsLiteral || DECIMAL_PASSTHROUGH.has(kind)) return;
  // +, - and * of decimals and longs are exact (decimalArithmetic.ts).
  if (kind in DECIMAL_OPERATORS) {
    const b = expr as Kusto.Language.Syntax.BinaryExpression;
    if (
      EXACT_DECIMAL_OPERANDS.has(scalarTypeOf(b.Left!)) &&
      EXACT_DECIMAL_OPERANDS.has(scalarTypeOf(b.Right!))
    )
      return;
  }
  if (kind === 'FunctionCallExpression') {
    const call = expr as Kusto.Language.Syntax.FunctionCallExpression;
    const name = (call.Name?.SimpleName ?? '').toLowerCase();
    // A user or repository function's body is compiled expression by expression.
    const symbol = call.ReferencedSymbol;
    const ownBody =
      scope.ctx.vars.get(call.Name?.SimpleName ?? '')?.kind === 'function' ||
      (symbol && hasQueryBody(symbol));
    // todecimal(), parse_version() and extract(…, typeof(decimal)) make exact decimals (exactDecimal.ts).
    if (DECIMAL_SELECTING_FUNCTIONS.has(name) || DECIMAL_MAKING_FUNCTIONS.has(name) || ownBody) return;
    // Aggregates decide for themselves (summarize checks its own calls).
    if (AGGREGATE_NAMES.has(name)) return;
    throw new UnsupportedError(`the function ${name}() on decimal values (128-bit decimal arithmetic)`);
  }
  throw new UnsupportedError(`${describe(expr, kind)} on decimal values (128-bit decimal arithmetic)`);
}

/** A literal's value in the executor's representation, from the binder's constant value. */
export function literalValue(expr: Expr): unknown {
  if (kindName(expr) === 'DynamicExpression')
    return dynamicLiteral((expr as Kusto.Language.Syntax.DynamicExpression).Expression!);
  const type = scalarTypeOf(expr);
  const raw = unbox(expr.LiteralValue);
  if (type === 'datetime') {
    const text = firstTokenText(expr);
    // The text may be quoted, datetime("2015-01-01"), as the hash() page writes it.
    const m = /^datetime\s*\(\s*(['"]?)(.*)\1\s*\)$/is.exec(text);
    // sliding-window-counts-plugin.md writes datetime(2017 - 08 - 01) and reads it as 2017-08-01,
    // so spaces around the date's dashes are dropped before the text is parsed.
    if (m)
      return m[2].trim().toLowerCase() === 'null'
        ? null
        : parseDatetimeTicks(m[2].replace(/^\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\b/, '$1-$2-$3'));
    return raw instanceof Date
      ? ticksOfMs(raw.getTime())
      : raw === null || raw === undefined
        ? null
        : parseDatetimeTicks(String(raw));
  }
  if (type === 'timespan') {
    // The engine reads `time(0.12:34:56.7)` and `time('12:34:56')` as zero ticks, so the
    // executor parses the text of those forms itself, as it does for datetime literals.
    const m = /^(?:time|timespan)\s*\(\s*(['"]?)(.*)\1\s*\)$/is.exec(firstTokenText(expr));
    if (m) {
      if (m[2].trim().toLowerCase() === 'null') return null;
      const parsed = parseTimespanTicks(m[2]);
      if (parsed !== null) return parsed;
    }
    if (raw === null || raw === undefined) return null;
    // The engine's ticks are a 64-bit integer object whose text is exact.
    const ticks = String((raw as { ticks?: unknown }).ticks ?? raw);
    return /^-?\d+$/.test(ticks) ? BigInt(ticks) : null;
  }
  if (type === 'int' || type === 'long' || type === 'real' || type === 'decimal') {
    // The engine gives a hex literal (0xCAFEF00D) no value, so its text is read here.
    const text = firstTokenText(expr).trim();
    const hex = /^(-?)0x([0-9a-f]+)$/i.exec(text);
    if (type === 'long' || type === 'int') return integerLiteral(expr, text, hex, raw);
    if (type === 'decimal') return decimalLiteral(text, raw);
    const n = hex ? Number(BigInt(`0x${hex[2]}`)) * (hex[1] ? -1 : 1) : (special(expr) ?? numberish(raw));
    return n;
  }
  if (type === 'string') return raw === null || raw === undefined ? '' : String(raw);
  // The engine's guid is an object; the executor's guids are their lower-case text.
  if (type === 'guid') return raw === null || raw === undefined ? null : String(raw).toLowerCase();
  if (type === 'dynamic') return raw ?? null;
  return raw ?? null;
}

/**
 * decimal(1.50), decimal(1e5), decimal(null) (scalar-data-types/decimal.md), read from the text
 * so that every digit and the scale are kept; the engine's own value is a double.
 */
function decimalLiteral(text: string, raw: unknown): ExactDecimal | null {
  const m = /^decimal\s*\(\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*\)$/i.exec(text);
  if (m) return parseDecimalText(m[1], `decimal(${m[1]})`);
  if (/^decimal\s*\(\s*null\s*\)$/i.test(text) || raw === null || raw === undefined) return null;
  throw new UnsupportedError(
    `the decimal literal '${text}'`,
    'its digits are not read by the local executor',
  );
}

/**
 * An int or long literal, exactly: the engine's value is a double, which rounds a long beyond
 * 2^53, so such a long is read from its digits (its text, or the engine's exact 64-bit object).
 */
function integerLiteral(expr: Expr, text: string, hex: RegExpExecArray | null, raw: unknown): Long | null {
  if (hex) {
    // A hex literal is the 64-bit pattern its digits spell (0xFFFFFFFFFFFFFFFF is -1).
    const v = normalLong(BigInt(`0x${hex[2]}`));
    return hex[1] ? longNegate(v) : v;
  }
  const digits = /^(?:(?:long|int)\s*\(\s*)?([+-]?\d{16,})\s*\)?$/i.exec(text)?.[1];
  if (digits !== undefined) {
    const v = longOfDigits(digits);
    if (v === null) throw new UnsupportedError(`the long ${text}`, 'it is beyond the 64-bit range');
    return v;
  }
  const n = numberish(raw);
  if (n === null || isSafeLong(n)) return n;
  const exact = exactText(raw);
  if (exact === undefined)
    throw new UnsupportedError(`the long ${firstTokenText(expr)}`, 'its exact digits are not known');
  return longOfDigits(exact);
}

/** The digits of the engine's 64-bit integer object, when its text is a whole number. */
function exactText(raw: unknown): string | undefined {
  const t = typeof raw === 'object' && raw !== null ? String(raw) : undefined;
  return t !== undefined && /^[+-]?\d+$/.test(t) ? t : undefined;
}

/** real(nan), real(+inf) and real(-inf), which the engine gives as 0. */
function special(expr: Expr): number | undefined {
  const m = /^(?:real|double)\s*\(\s*(nan|\+?inf|-inf)\s*\)$/i.exec(firstTokenText(expr).trim());
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  return word === 'nan' ? NaN : word === '-inf' ? -Infinity : Infinity;
}

function numberish(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && typeof (v as { toNumber?: unknown }).toNumber === 'function')
    return (v as { toNumber(): number }).toNumber();
  const n = Number(String(v));
  return Number.isNaN(n) ? null : n;
}

function dynamicLiteral(expr: Expr): unknown {
  const kind = kindName(expr);
  if (kind === 'JsonObjectExpression') {
    const bag: Record<string, unknown> = {};
    for (const pair of elements<Kusto.Language.Syntax.JsonPair>(
      (expr as Kusto.Language.Syntax.JsonObjectExpression).Pairs,
    )) {
      const name = unbox(pair.Name!.Value);
      bag[String(name ?? pair.Name!.ValueText)] = dynamicLiteral(pair.Value!);
    }
    return bag;
  }
  if (kind === 'JsonArrayExpression')
    return elements((expr as Kusto.Language.Syntax.JsonArrayExpression).Values).map(dynamicLiteral);
  if (kind === 'UnaryMinusExpression') {
    const v = dynamicLiteral((expr as Kusto.Language.Syntax.PrefixUnaryExpression).Expression!);
    const whole = wholeRealOf(v);
    if (whole !== undefined) return wholeReal(-whole);
    return typeof v === 'number' ? -v : null;
  }
  // JSON's null inside dynamic([...]) or dynamic({...}) is null, not the text "null".
  if (firstTokenText(expr).toLowerCase() === 'null' && kind !== 'StringLiteralExpression') return null;
  return toDynamic(literalValue(expr), scalarTypeOf(expr));
}

function compileName(ref: Kusto.Language.Syntax.NameReference, scope: Scope): Evaluator {
  const symbol = ref.ReferencedSymbol;
  const name = ref.SimpleName ?? symbol?.Name ?? '';
  const S = kusto().Symbols.SymbolKind;
  if (symbol && (symbol.Kind === S.Variable || symbol.Kind === S.Parameter)) {
    const binding = scope.ctx.vars.get(name);
    if (!binding) throw new ExecutionError(`'${name}' is not defined`);
    if (binding.kind === 'row') return binding.evaluate;
    if (binding.kind === 'function') return compileUserCall(binding, [], scope, ref);
    if (binding.kind !== 'scalar')
      throw new UnsupportedError(`using the tabular value '${name}' as a scalar`);
    const value = binding.value;
    return () => value;
  }
  if (symbol && symbol.Kind === S.Function) return compileCallByName(name, [], ref, scope);
  const i = scope.index.get(name);
  if (i === undefined) {
    // The binder accepted the name only because the input's columns were open (taken from data).
    if (symbol && symbol.Kind === S.Column && isOpenColumn(symbol)) throw new MissingColumnError(name);
    if (!symbol) throw new UnresolvedNameError(name);
    throw new ExecutionError(`column '${name}' is not in the input of this operator`);
  }
  return (r) => r[i];
}

/** A column the binder made up for a name on an input whose columns it could not know. */
function isOpenColumn(symbol: Kusto.Language.Symbols.Symbol): boolean {
  return (symbol as Kusto.Language.Symbols.ColumnSymbol).Type?.Name === 'unknown';
}

function compileCall(call: Kusto.Language.Syntax.FunctionCallExpression, scope: Scope): Evaluator {
  const name = call.Name?.SimpleName ?? call.ReferencedSymbol?.Name ?? '';
  return compileCallByName(name, elements(call.ArgumentList?.Expressions), call, scope);
}

function compileCallByName(name: string, argExprs: Expr[], node: Expr, scope: Scope): Evaluator {
  const lower = name.toLowerCase();
  if (isAggregateName(lower, argExprs.length))
    throw new ExecutionError(`the aggregate function ${name}() can only be used in summarize`);
  const user = scope.ctx.vars.get(name);
  if (user?.kind === 'function') return compileUserCall(user, argExprs, scope, node);
  // columnifexists is the deprecated spelling that older rules still use.
  if (lower === 'column_ifexists' || lower === 'columnifexists')
    return compileColumnIfExists(argExprs, scope);
  if (lower === 'ingestion_time') return compileIngestionTime(scope);
  if (lower === 'pack_all') return compilePackAll(argExprs, scope);
  if (lower === 'bag_pack_columns') return compileBagPackColumns(argExprs, scope, compileScalar);
  if (lower === 'column_names_of') return compileColumnNamesOf(argExprs);
  if (lower === 'estimate_data_size') return compileEstimateDataSize(argExprs, scope, compileScalar);
  if (lower === 'assert') return compileAssert(argExprs.map((e) => compileScalar(e, scope)));
  if (WINDOW_FUNCTIONS.has(lower)) return compileWindowCall(lower, argExprs, scope, compileScalar);
  const fn = SCALAR_FUNCTIONS[lower];
  if (!fn) {
    // A scalar function of the environment or repository that comes with its query.
    const symbol = (node as Kusto.Language.Syntax.FunctionCallExpression).ReferencedSymbol;
    if (symbol && hasQueryBody(symbol))
      return compileUserCall(databaseFunction(symbol, `${name}()`), argExprs, scope, node);
    throw new UnsupportedError(`the function ${name}()`, REFUSAL_REASONS[lower]);
  }
  const argTypes = argExprs.map(scalarTypeOf);
  const readsSketches = SKETCH_READERS.has(lower) || SKETCH_CARRIERS.has(lower);
  const args = argExprs.map((a, i) => {
    const c = compileScalar(a, scope);
    if (argTypes[i] === 'decimal') return decimalArgument(lower, c);
    const f = argTypes[i] === 'dynamic' ? guardDynamicArgument(lower, c) : c;
    return readsSketches ? f : guardSketchArgument(f, argTypes[i], `as an argument of ${name}()`);
  });
  const resultType = scalarTypeOf(node);
  if (resultType === 'decimal' && DECIMAL_SELECTING_FUNCTIONS.has(lower)) {
    const call = compileCallOf(lower, fn, args, argTypes, resultType, scope);
    return (r) => asDecimalResult(call(r));
  }
  return compileCallOf(lower, fn, args, argTypes, resultType, scope);
}

function compileCallOf(
  lower: string,
  fn: ScalarFunction,
  args: Evaluator[],
  argTypes: KqlType[],
  resultType: KqlType,
  scope: Scope,
): Evaluator {
  const { now, requestProperties } = scope.ctx;
  const n = args.length;
  // Longs beyond 2^53 reach only the functions written for them (longs.ts).
  const intoDynamic = DYNAMIC_LONG_ARGUMENTS[lower];
  const longArgs = BIG_LONG_FUNCTIONS.has(lower)
    ? []
    : argTypes.flatMap((t, i) => (isIntegerType(t) && !intoDynamic?.(i) ? [i] : []));
  const longResult = isIntegerType(resultType);
  if (longArgs.length === 0 && !longResult)
    return (r) => {
      const values = new Array(n);
      for (let i = 0; i < n; i++) values[i] = args[i](r);
      return fn({ args: values, argTypes, resultType, now, requestProperties });
    };
  return (r) => {
    const values = new Array(n);
    for (let i = 0; i < n; i++) values[i] = args[i](r);
    if (longArgs.length) refuseBigLongArguments(lower, values, longArgs);
    const v = fn({ args: values, argTypes, resultType, now, requestProperties });
    return longResult ? refuseRoundedLong(lower, v) : v;
  };
}

/** A call of a scalar user function, compiled inline with its parameters as the caller's arguments. */
function compileUserCall(fn: FunctionBinding, argExprs: Expr[], scope: Scope, call: Expr): Evaluator {
  const bound = bindParameters(fn, argExprs, (e, isTable) => {
    if (isTable) throw new UnsupportedError(`a tabular argument of ${fn.name}() in a scalar call`);
    return rowArgument(compileScalar(e, scope));
  });
  return withBindings(scope.ctx, bound, () => {
    const { statements, result } = functionBody(fn, call);
    for (const statement of statements) {
      if (kindName(statement) !== 'LetStatement')
        throw new UnsupportedError(`a '${firstTokenText(statement)}' statement in the body of ${fn.name}()`);
      const let_ = statement as Kusto.Language.Syntax.LetStatement;
      if (!isScalarExpression(let_.Expression!))
        throw new UnsupportedError(`a tabular let in the body of the scalar function ${fn.name}()`);
      scope.ctx.vars.set(let_.Name!.SimpleName!, rowArgument(compileScalar(let_.Expression!, scope)));
    }
    return compileScalar(result, scope);
  });
}

function isScalarExpression(e: Expr): boolean {
  return e.ResultType?.IsScalar ?? false;
}

/**
 * ingestion_time(): a local workspace has no ingestion record, so a row's time of ingestion is
 * its `_IngestionTime` column when the data file gives one, else its TimeGenerated or Timestamp.
 */
function compileIngestionTime(scope: Scope): Evaluator {
  for (const name of ['_IngestionTime', 'TimeGenerated', 'Timestamp']) {
    const i = scope.index.get(name);
    if (i !== undefined && scope.columns[i].type === 'datetime') return (r) => r[i];
  }
  return () => null;
}

/** column_ifexists(name, default): the column when the operator's input has it, else the default. */
function compileColumnIfExists(argExprs: Expr[], scope: Scope): Evaluator {
  const [nameExpr, fallback] = argExprs;
  const name = nameExpr && fallback ? constantColumnName(nameExpr, scope) : undefined;
  if (name === undefined) throw new UnsupportedError('column_ifexists() with a computed column name');
  const i = scope.index.get(name);
  return i === undefined ? compileScalar(fallback, scope) : (r) => r[i];
}

/**
 * The column name column_ifexists() is given: a literal, or a name bound to a constant, such as
 * the `field` parameter of an ASIM helper (`invoke _ASIM_ResolveDvcFQDN('Computer')`).
 */
function constantColumnName(expr: Expr, scope: Scope): string | undefined {
  if (expr.IsLiteral) return String(literalValue(expr));
  if (kindName(expr) !== 'NameReference') return undefined;
  const ref = expr as Kusto.Language.Syntax.NameReference;
  const S = kusto().Symbols.SymbolKind;
  const kind = ref.ReferencedSymbol?.Kind;
  if (kind !== S.Variable && kind !== S.Parameter) return undefined;
  const binding = scope.ctx.vars.get(ref.SimpleName ?? '');
  return binding?.kind === 'scalar' && typeof binding.value === 'string' ? binding.value : undefined;
}

/** pack_all([ignore_null_empty]): the row as a bag of column name to value (pack-all-function.md). */
function compilePackAll(argExprs: Expr[], scope: Scope): Evaluator {
  const ignore = argExprs[0] ? compileScalar(argExprs[0], scope) : () => false;
  const columns = scope.columns;
  return (r) => {
    const skipEmpty = ignore(r) === true;
    const bag: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const v = r[i];
      if (skipEmpty && (v === null || v === undefined || v === '')) return;
      bag[c.name] = toDynamic(v, c.type);
    });
    return bag;
  };
}

function compileLogical(
  expr: Kusto.Language.Syntax.BinaryExpression,
  isAnd: boolean,
  scope: Scope,
): Evaluator {
  const left = compileScalar(expr.Left!, scope);
  const right = compileScalar(expr.Right!, scope);
  // logical-operators.md: a null operand counts as false (`bool(null) and true` is false,
  // `bool(null) or true` is true), so `and`/`or` always give a bool.
  if (isAnd) return (r) => left(r) === true && right(r) === true;
  return (r) => left(r) === true || right(r) === true;
}

function compileMember(expr: Expr, scope: Scope): Evaluator {
  const base = (expr as Kusto.Language.Syntax.PathExpression).Expression!;
  if (scalarTypeOf(base) !== 'dynamic')
    throw new UnsupportedError(`the member access '${firstTokenText(expr)}…' on a non-dynamic value`);
  const target = compileScalar(base, scope);
  const selector = (expr as Kusto.Language.Syntax.PathExpression).Selector!;
  let key: Evaluator;
  const sk = kindName(selector);
  if (sk === 'BracketedExpression')
    key = compileScalar((selector as Kusto.Language.Syntax.BracketedExpression).Expression!, scope);
  else {
    const name = (selector as Kusto.Language.Syntax.NameReference).SimpleName ?? '';
    key = () => name;
  }
  return (r) => {
    const v = target(r);
    const k = key(r);
    if (v === null || typeof v !== 'object' || wholeRealOf(v) !== undefined) return null;
    if (Array.isArray(v)) {
      if (typeof k !== 'number') return null;
      const i = k < 0 ? v.length + k : k;
      return v[i] ?? null;
    }
    return (v as Record<string, unknown>)[String(k)] ?? null;
  };
}

function compileBetween(
  expr: Kusto.Language.Syntax.BetweenExpression,
  negate: boolean,
  scope: Scope,
): Evaluator {
  const value = compileScalar(expr.Left!, scope);
  const lo = compileScalar(expr.Right!.First!, scope);
  const hiExpr = expr.Right!.Second!;
  const hiRaw = compileScalar(hiExpr, scope);
  // `dt between (start .. 1d)` means start to start + 1d.
  const spanEnd = scalarTypeOf(expr.Left!) === 'datetime' && scalarTypeOf(hiExpr) === 'timespan';
  // A dynamic value between integers is the uncast comparison of dynamicOperands.ts.
  const guard =
    scalarTypeOf(expr.Left!) === 'dynamic'
      ? fractionGuard([scalarTypeOf(expr.Right!.First!), scalarTypeOf(hiExpr)], 'between bounds of')
      : undefined;
  return (r) => {
    const v = value(r);
    guard?.(v);
    const a = lo(r);
    let b = hiRaw(r);
    // A comparison with null is false (where-operator.md), for `between` and `!between` alike.
    if (v === null || a === null || b === null) return false;
    if (spanEnd) b = (a as bigint) + (b as bigint);
    const inside = compareValues(v, a) >= 0 && compareValues(v, b) <= 0;
    return negate ? !inside : inside;
  };
}

function compileStringPredicate(
  expr: Kusto.Language.Syntax.BinaryExpression,
  kind: string,
  scope: Scope,
): Evaluator {
  if (kindName(expr.Left!) === 'StarExpression') return compileEveryColumn(expr, kind, scope);
  const leftType = scalarTypeOf(expr.Left!);
  const rightType = scalarTypeOf(expr.Right!);
  const left = compileScalar(expr.Left!, scope);
  const asString = (t: KqlType, f: Evaluator): ((r: Row) => string) =>
    t === 'string' ? (f as (r: Row) => string) : (r) => valueToString(f(r), t);
  const l = asString(leftType, left);
  if (kind === 'MatchesRegexExpression') {
    if (expr.Right!.IsLiteral) {
      const re = kustoRegex(String(literalValue(expr.Right!)));
      return (r) => re.test(l(r));
    }
    // A pattern from a column or an expression: compiled per distinct value (kustoRegex caches).
    const pattern = asString(rightType, compileScalar(expr.Right!, scope));
    return (r) => kustoRegex(pattern(r)).test(l(r));
  }
  const { test, negate } = STRING_PREDICATES[kind];
  if (expr.Right!.IsLiteral) {
    const p = constantNeedlePredicate(kind, valueToString(literalValue(expr.Right!), rightType));
    if (p) return negate ? (r) => !p(l(r)) : (r) => p(l(r));
  }
  const right = asString(rightType, compileScalar(expr.Right!, scope));
  return negate ? (r) => !test(l(r), right(r)) : (r) => test(l(r), right(r));
}

/**
 * `* has "x"` (search-operator.md: what `search "x"` means): the match in any column. A negated
 * one (`* !has`) could mean no column or not every column, which the pages do not settle.
 */
function compileEveryColumn(
  expr: Kusto.Language.Syntax.BinaryExpression,
  kind: string,
  scope: Scope,
): Evaluator {
  const predicate = STRING_PREDICATES[kind];
  if (!predicate || predicate.negate)
    throw new UnsupportedError(
      `* ${expr.Operator?.Text ?? kind} (a negated or regex match over every column)`,
    );
  if (!expr.Right!.IsLiteral) throw new UnsupportedError('* with a needle that is not a constant');
  const needle = valueToString(literalValue(expr.Right!), scalarTypeOf(expr.Right!));
  return matchInAnyColumn((s) => predicate.test(s, needle), scope.columns);
}

const ARITHMETIC = new Set([
  'AddExpression',
  'SubtractExpression',
  'MultiplyExpression',
  'DivideExpression',
  'ModuloExpression',
]);
const COMPARISON = new Set([
  'EqualExpression',
  'NotEqualExpression',
  'LessThanExpression',
  'LessThanOrEqualExpression',
  'GreaterThanExpression',
  'GreaterThanOrEqualExpression',
]);

/** An operand of arithmetic: a dynamic one read as dynamicOperands.ts says, a string as a real. */
function numericOperand(f: Evaluator, t: KqlType, result: KqlType): Evaluator {
  if (t === 'dynamic') return dynamicArithmeticOperand(f, result);
  if (t !== 'string') return f;
  return (r) => {
    const v = f(r);
    return typeof v === 'number' ? v : fromExternal(v, 'real');
  };
}

function compileArithmetic(
  expr: Kusto.Language.Syntax.BinaryExpression,
  kind: string,
  scope: Scope,
): Evaluator {
  const lt = scalarTypeOf(expr.Left!);
  const rt = scalarTypeOf(expr.Right!);
  const result = scalarTypeOf(expr);
  const left = numericOperand(compileScalar(expr.Left!, scope), lt, result);
  const right = numericOperand(compileScalar(expr.Right!, scope), rt, result);
  const temporal = tickOperator(kind, lt, rt, result);
  if (temporal) {
    return (r) => {
      const a = left(r);
      const b = a === null ? null : right(r);
      return a === null || b === null ? null : temporal(a, b);
    };
  }
  if (result === 'decimal') {
    const op = DECIMAL_OPERATORS[kind];
    return (r) => {
      const a = left(r);
      if (a === null || a === undefined) return null;
      const b = right(r);
      return b === null || b === undefined ? null : op(a as number | bigint, b as number | bigint);
    };
  }
  const integral = isIntegerType(result);
  if (integral && isIntegerType(lt) && isIntegerType(rt)) {
    const op = LONG_OPERATORS[kind];
    return (r) => {
      const a = left(r);
      if (a === null || a === undefined) return null;
      const b = right(r);
      return b === null || b === undefined ? null : op(a as Long, b as Long);
    };
  }
  const op = ((): ((a: number, b: number) => number | null) => {
    switch (kind) {
      case 'AddExpression':
        return (a, b) => a + b;
      case 'SubtractExpression':
        return (a, b) => a - b;
      case 'MultiplyExpression':
        return (a, b) => a * b;
      case 'DivideExpression':
        // Integer division truncates, and an integer divided by zero has no value.
        return integral ? (a, b) => (b === 0 ? null : Math.trunc(a / b)) : (a, b) => a / b;
      default:
        return integral ? (a, b) => (b === 0 ? null : a % b) : (a, b) => a % b;
    }
  })();
  // A real result of a long beyond 2^53 (a bigint) takes the long converted to a real, as Kusto does.
  return (r) => {
    let a = left(r);
    if (typeof a !== 'number') {
      if (typeof a !== 'bigint') return null;
      a = Number(a);
    }
    let b = right(r);
    if (typeof b !== 'number') {
      if (typeof b !== 'bigint') return null;
      b = Number(b);
    }
    return op(a as number, b as number);
  };
}

const LONG_OPERATORS: Record<string, LongOperator> = {
  AddExpression: longAdd,
  SubtractExpression: longSubtract,
  MultiplyExpression: longMultiply,
  DivideExpression: longDivide,
  ModuloExpression: longModulo,
};

/** A long compared with a real is converted to a real, as Kusto converts it. */
function longAgainst(own: KqlType, other: KqlType, f: Evaluator): Evaluator {
  if (!isIntegerType(own)) return f;
  return other === 'real' ? (r) => realOfLong(f(r)) : f;
}

function compileComparison(
  expr: Kusto.Language.Syntax.BinaryExpression,
  kind: string,
  scope: Scope,
): Evaluator {
  let lt = scalarTypeOf(expr.Left!);
  let rt = scalarTypeOf(expr.Right!);
  let left = compileScalar(expr.Left!, scope);
  let right = compileScalar(expr.Right!, scope);
  if (lt === 'decimal' || rt === 'decimal') return compileDecimalComparison(kind, lt, rt, left, right);
  left = longAgainst(lt, rt, left);
  right = longAgainst(rt, lt, right);
  // A dynamic value compared with a typed one is converted to that type first (dynamicOperands.ts).
  if (lt === 'dynamic' && rt !== 'dynamic') {
    left = dynamicComparedWith(left, rt);
    lt = rt;
  }
  if (rt === 'dynamic' && lt !== 'dynamic') {
    right = dynamicComparedWith(right, lt);
    rt = lt;
  }
  const stringy = lt === 'string' || rt === 'string';
  if (stringy && lt !== rt) {
    const fl = left;
    const tl = lt;
    const fr = right;
    const tr = rt;
    left = (r) => valueToString(fl(r), tl);
    right = (r) => valueToString(fr(r), tr);
  }
  const dyn = lt === 'dynamic';
  // logical-operators.md: `==` is true only when both operands are non-null and equal; `!=` is
  // true when exactly one operand is null or both are non-null and differ (`null != null` is
  // false); and every ordering comparison with a null is false (where-operator.md).
  switch (kind) {
    case 'EqualExpression':
      return (r) => {
        const a = left(r);
        const b = right(r);
        return a === null || b === null ? false : dyn ? compareValues(a, b) === 0 : a === b;
      };
    case 'NotEqualExpression':
      return (r) => {
        const a = left(r);
        const b = right(r);
        if (a === null || b === null) return (a === null) !== (b === null);
        return dyn ? compareValues(a, b) !== 0 : a !== b;
      };
  }
  const test =
    kind === 'LessThanExpression'
      ? (c: number) => c < 0
      : kind === 'LessThanOrEqualExpression'
        ? (c: number) => c <= 0
        : kind === 'GreaterThanExpression'
          ? (c: number) => c > 0
          : (c: number) => c >= 0;
  return (r) => {
    const a = left(r);
    const b = right(r);
    return a === null || b === null ? false : test(compareValues(a, b));
  };
}
