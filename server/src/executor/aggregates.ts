import { guardDynamicAggregateArgument } from './dynamicGuards';
import { ExecutionError, UnsupportedError } from './errors';
import { compileScalar, type Evaluator, type Scope } from './scalarCompiler';
import { elements, kindName, scalarTypeOf, type Expr } from './syntax';
import { compileTakeAnyRow } from './takeAnyRow';
import { compileSketchAggregate, SKETCH_AGGREGATES } from './sketchAggregates';
import { guardSketchArgument } from './sketchValues';
import { bitwiseAll } from './bitwiseAggregates';
import { buildSchema } from './buildSchema';
import { covariance, percentiles, spread, weightedPercentiles } from './statisticAggregates';
import { DecimalSum } from './decimalArithmetic';
import { longAdd, type Long } from './longs';
import { wholeRealOf, wholeRealRefusal } from './wholeReals';
import { compareValues, isIntegerType, keyPart, toDynamic, type Column, type Row } from './values';

/** Each conditional aggregate and the aggregate it filters. */
const CONDITIONAL_VARIANTS: Record<string, string> = {
  sumif: 'sum',
  avgif: 'avg',
  minif: 'min',
  maxif: 'max',
  take_anyif: 'take_any',
  make_set_if: 'make_set',
  make_list_if: 'make_list',
  make_bag_if: 'make_bag',
  stdevif: 'stdev',
  varianceif: 'variance',
  count_distinctif: 'count_distinct',
};

/**
 * The aggregation functions of summarize. Each compiles to a factory of per-group accumulators;
 * an accumulator sees the group's rows one at a time and yields the values of its output
 * columns (one column, or several for arg_max and arg_min).
 */
export interface Accumulator {
  add(row: Row): void;
  result(): unknown[];
}

export interface CompiledAggregate {
  /** How many output columns this aggregate fills. */
  width: number;
  create(): Accumulator;
}

type Simple = (args: Evaluator[], argExprs: Expr[], scope: Scope) => () => Accumulator;

const one = (v: unknown) => [v];

const SIMPLE: Record<string, Simple> = {
  count: () => () => {
    let n = 0;
    return {
      add: () => {
        n++;
      },
      result: () => one(n),
    };
  },
  countif:
    ([p]) =>
    () => {
      let n = 0;
      return {
        add: (r) => {
          if (p(r) === true) n++;
        },
        result: () => one(n),
      };
    },
  dcount:
    ([x]) =>
    () => {
      const s = new Set<unknown>();
      return {
        add: (r) => {
          const v = x(r);
          if (v !== null && v !== '') s.add(keyPart(v));
        },
        result: () => one(s.size),
      };
    },
  dcountif:
    ([x, p]) =>
    () => {
      const s = new Set<unknown>();
      return {
        add: (r) => {
          if (p(r) !== true) return;
          const v = x(r);
          if (v !== null && v !== '') s.add(keyPart(v));
        },
        result: () => one(s.size),
      };
    },
  min: ([x]) => extremum(x, -1),
  max: ([x]) => extremum(x, 1),
  sum: ([x], [e]) => {
    if (isIntegerType(scalarTypeOf(e))) return sumOfLongs(x);
    if (scalarTypeOf(e) === 'decimal') return sumOfDecimals(x);
    return () => {
      // Timespans (bigint ticks) add exactly; numbers add as doubles.
      let s: number | bigint | null = null;
      return {
        add: (r) => {
          const v = x(r);
          if (typeof v === 'number') s = ((s as number | null) ?? 0) + v;
          else if (typeof v === 'bigint') s = ((s as bigint | null) ?? 0n) + v;
        },
        result: () => one(s),
      };
    };
  },
  avg:
    ([x]) =>
    () => {
      let s = 0;
      let n = 0;
      return {
        add: (r) => {
          const v = x(r);
          if (typeof v === 'number') {
            s += v;
            n++;
          } else if (typeof v === 'bigint') {
            throw new UnsupportedError(
              `avg() of the value ${v}`,
              'a datetime, a timespan or a long beyond 2^53',
            );
          }
        },
        result: () => one(n ? s / n : null),
      };
    },
  // Any record will do, but for a single column the page says a non-null, non-empty value is
  // returned when the group has one.
  take_any:
    ([x], [e]) =>
    () => {
      const column = kindName(e) === 'NameReference';
      let seen = false;
      let v: unknown = null;
      return {
        add: (r) => {
          if (!seen) {
            v = x(r);
            seen = !column || (v !== null && v !== undefined && v !== '');
          }
        },
        result: () => one(v),
      };
    },
  make_set: (args, exprs, scope) => collect(args, exprs, scope, true),
  make_list: (args, exprs, scope) => collect(args, exprs, scope, false),
  // Deprecated names that real rules still use (make-set-aggregation-function.md and siblings).
  makeset: (args, exprs, scope) => collect(args, exprs, scope, true),
  makelist: (args, exprs, scope) => collect(args, exprs, scope, false),
  // The schema of dynamic values (buildSchema.ts); the engine admits only a dynamic argument.
  buildschema: ([x]) => buildSchema(x),
  make_bag:
    ([x]) =>
    () => {
      const bag: Record<string, unknown> = {};
      return {
        add: (r) => {
          const v = x(r);
          if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(bag, v);
        },
        result: () => one(bag),
      };
    },
  percentile: ([x, p]) => {
    const pct = p([]);
    if (typeof pct !== 'number')
      throw new UnsupportedError('percentile() with a percentile that is not a constant number');
    return percentiles(x, [pct], false);
  },
  stdev: ([x]) => spread(x, true, true),
  stdevp: ([x]) => spread(x, false, true),
  variance: ([x]) => spread(x, true, false),
  variancep: ([x]) => spread(x, false, false),
  count_distinct: (args, exprs, scope) => SIMPLE.dcount(args, exprs, scope),
  make_list_with_nulls: (args, exprs, scope) => collect(args, exprs, scope, false, true),
  covariance: ([x, y]) => covariance(x, y, true),
  covariancep: ([x, y]) => covariance(x, y, false),
  // The predicate of these two is their third argument, not the second as for the other *if variants.
  covarianceif: ([x, y, p]) => covariance(x, y, true, p),
  covariancepif: ([x, y, p]) => covariance(x, y, false, p),
  binary_all_and: ([x]) => bitwiseAll(x, 'and'),
  binary_all_or: ([x]) => bitwiseAll(x, 'or'),
  binary_all_xor: ([x]) => bitwiseAll(x, 'xor'),
};

/**
 * The conditional variants (sumif, make_set_if, stdevif...): the aggregate over the rows whose
 * predicate, the second argument, is true.
 */
for (const [variant, base] of Object.entries(CONDITIONAL_VARIANTS)) {
  SIMPLE[variant] = (args, exprs, scope) => {
    const p = args[1];
    const inner = SIMPLE[base]([args[0], ...args.slice(2)], [exprs[0], ...exprs.slice(2)], scope);
    return () => {
      const acc = inner();
      return {
        add: (r) => {
          if (p(r) === true) acc.add(r);
        },
        result: () => acc.result(),
      };
    };
  };
}

function extremum(x: Evaluator, sign: 1 | -1): () => Accumulator {
  return () => {
    let best: unknown = null;
    return {
      add: (r) => {
        const v = x(r);
        if (v === null || v === undefined) return;
        if (best === null || compareValues(v, best) * sign > 0) best = v;
      },
      result: () => one(best),
    };
  };
}

function collect(
  args: Evaluator[],
  exprs: Expr[],
  scope: Scope,
  distinct: boolean,
  keepNulls = false,
): () => Accumulator {
  const [x, limitF] = args;
  const type = scalarTypeOf(exprs[0]);
  const limit = limitF ? Number(limitF([])) : 1_048_576;
  void scope;
  return () => {
    const out: unknown[] = [];
    // Each key seen, with whether it was a whole real's (setItemKey).
    const seen = new Map<unknown, boolean>();
    return {
      add: (r) => {
        if (out.length >= limit) return;
        const v = x(r);
        if (v === null || v === undefined || (keepNulls && v === '' && type === 'string')) {
          // make_list_with_nulls keeps a null (and a string's empty value) as a null element.
          if (keepNulls) out.push(null);
          return;
        }
        // Dynamic arrays contribute their elements, as Kusto's make_set and make_list do.
        const items = type === 'dynamic' && Array.isArray(v) ? v : [toDynamic(v, type)];
        for (const item of items) {
          if (out.length >= limit) break;
          if (distinct) {
            const k = setItemKey(item, seen);
            if (seen.has(k)) continue;
            seen.set(k, wholeRealOf(item) !== undefined);
          }
          out.push(item);
        }
      },
      result: () => one(out),
    };
  };
}

/** argmax and argmin are the deprecated spellings of arg_max and arg_min that older rules still use. */
function canonicalAggregate(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'argmax' ? 'arg_max' : lower === 'argmin' ? 'arg_min' : lower;
}

/** The aggregates that take decimals exactly: they pick a value or add decimals. */
const DECIMAL_EXACT_AGGREGATES = new Set([
  'any',
  'take_any',
  'take_anyif',
  'min',
  'max',
  'minif',
  'maxif',
  'sum',
  'sumif',
]);

/**
 * The aggregates that take decimal arguments (exactDecimal.ts): the exact ones above, the counts
 * (distinct decimals are counted by value), and the lists and sets, which hold each decimal as
 * its double where that is certain (values.ts).
 */
const DECIMAL_ARGUMENT_AGGREGATES = new Set([
  ...DECIMAL_EXACT_AGGREGATES,
  'arg_max',
  'arg_min',
  'count',
  'countif',
  'dcount',
  'dcountif',
  'count_distinct',
  'count_distinctif',
  'make_set',
  'make_list',
  'makeset',
  'makelist',
  'make_set_if',
  'make_list_if',
  'make_list_with_nulls',
]);

/**
 * Compiles one aggregate call. `outputs` are the result columns the binder assigned to it, so
 * arg_max(Timestamp, *) knows which input columns it carries.
 */
export function compileAggregate(
  call: Expr,
  scope: Scope,
  outputs: readonly Column[],
  byNames: ReadonlySet<string>,
): CompiledAggregate {
  if (kindName(call) !== 'FunctionCallExpression')
    throw new UnsupportedError(`a summarize aggregate that is not a function call`);
  const fc = call as Kusto.Language.Syntax.FunctionCallExpression;
  const name = canonicalAggregate(fc.Name?.SimpleName ?? '');
  const argExprs = elements(fc.ArgumentList?.Expressions);
  if (!DECIMAL_ARGUMENT_AGGREGATES.has(name) && argExprs.some((a) => scalarTypeOf(a) === 'decimal'))
    throw new UnsupportedError(`${name}() of decimal values`, 'it would compute in doubles, not exactly');
  if (name === 'arg_max' || name === 'arg_min') return compileArg(name, argExprs, scope, outputs, byNames);
  if (name === 'percentiles' || name === 'percentiles_array' || WEIGHTED.has(name))
    return compilePercentiles(name, argExprs, scope);
  if (SKETCH_AGGREGATES.has(name)) return compileSketchAggregate(name, argExprs, scope);
  if (REFUSED_AGGREGATES[name])
    throw new UnsupportedError(`the aggregate function ${name}()`, REFUSED_AGGREGATES[name]);
  // any() is the deprecated name of take_any(); with several arguments or * both return several
  // columns from one record.
  const star = argExprs.some((a) => kindName(a) === 'StarExpression');
  if ((name === 'any' || name === 'take_any') && (argExprs.length > 1 || star))
    return compileTakeAnyRow(argExprs, scope, outputs, byNames);
  const simple = SIMPLE[name === 'any' ? 'take_any' : name];
  if (!simple) throw new UnsupportedError(`the aggregate function ${fc.Name?.SimpleName ?? name}()`);
  // Decimals are held as doubles: picking one is exact, and sum() adds them exactly
  // (decimalArithmetic.ts); the other aggregates would compute in doubles.
  if (scalarTypeOf(call) === 'decimal' && !DECIMAL_EXACT_AGGREGATES.has(name))
    throw new UnsupportedError(`${name}() of decimal values (128-bit decimal arithmetic)`);
  const args = argExprs.map((a) => sketchGuard(name, bigLongGuard(name, compileScalar(a, scope), a), a));
  return { width: 1, create: simple(args, argExprs, scope) };
}

/** Sums longs exactly, wrapping at 64 bits (longs.ts); the sum stays a number while it is safe. */
function sumOfLongs(x: Evaluator): () => Accumulator {
  return () => {
    let s: Long | null = null;
    return {
      add: (r) => {
        const v = x(r);
        if (typeof v === 'number' || typeof v === 'bigint') s = s === null ? v : longAdd(s, v);
      },
      result: () => one(s),
    };
  };
}

/** Sums decimals exactly (decimalArithmetic.ts). */
function sumOfDecimals(x: Evaluator): () => Accumulator {
  return () => {
    const s = new DecimalSum();
    return {
      add: (r) => {
        const v = x(r);
        if (v !== null && v !== undefined) s.add(v);
      },
      result: () => one(s.result()),
    };
  };
}

/** The aggregates that take a long beyond 2^53 (a bigint) exactly: they pick, count or add longs. */
const BIG_LONG_AGGREGATES = new Set([
  'count',
  'countif',
  'dcount',
  'dcountif',
  'count_distinct',
  'count_distinctif',
  'min',
  'max',
  'minif',
  'maxif',
  'sum',
  'sumif',
  'take_any',
  'take_anyif',
  'make_set',
  'make_set_if',
  'make_list',
  'make_list_if',
  'make_list_with_nulls',
  'binary_all_and',
  'binary_all_or',
  'binary_all_xor',
]);

/**
 * The key of a make_set element. A whole real (wholeReals.ts) is keyed by its number, so the reals
 * of a real column dedupe as numbers; whether Kusto keeps a dynamic 1 and 1.0 apart in one set the
 * pages do not say, so meeting both is refused.
 */
function setItemKey(item: unknown, seen: Map<unknown, boolean>): unknown {
  const whole = wholeRealOf(item);
  const k = whole ?? keyPart(item);
  if (typeof k !== 'number') return k;
  const kind = seen.get(k);
  if (kind !== undefined && kind !== (whole !== undefined))
    throw wholeRealRefusal(k, 'and the int of that value in one make_set()');
  return k;
}

/** take_any() passes a value through unread, so it may carry a sketch; other aggregates read their arguments. */
const SKETCH_CARRIERS = new Set(['any', 'take_any', 'take_anyif']);

function sketchGuard(name: string, f: Evaluator, e: Expr): Evaluator {
  return SKETCH_CARRIERS.has(name)
    ? f
    : guardSketchArgument(f, scalarTypeOf(e), `as the argument of ${name}()`);
}

/** Other aggregates read longs as numbers, so they refuse a long beyond 2^53 by name. */
function bigLongGuard(name: string, f: Evaluator, e: Expr): Evaluator {
  if (scalarTypeOf(e) === 'dynamic') return guardDynamicAggregateArgument(name, f);
  if (BIG_LONG_AGGREGATES.has(name) || !isIntegerType(scalarTypeOf(e))) return f;
  return (r) => {
    const v = f(r);
    if (typeof v === 'bigint')
      throw new UnsupportedError(`${name}() of the long ${v}`, 'it takes longs exactly only within 2^53');
    return v;
  };
}

function compileArg(
  name: string,
  argExprs: Expr[],
  scope: Scope,
  outputs: readonly Column[],
  byNames: ReadonlySet<string>,
): CompiledAggregate {
  const sign = name === 'arg_max' ? 1 : -1;
  const key = compileScalar(argExprs[0], scope);
  const carried: Evaluator[] = [];
  const first = argExprs[0];
  const firstColumn =
    kindName(first) === 'NameReference'
      ? (first as Kusto.Language.Syntax.NameReference).SimpleName
      : undefined;
  for (const a of argExprs.slice(1)) {
    if (kindName(a) === 'StarExpression') {
      // `*` carries every input column except the by columns and the one already returned first.
      scope.columns.forEach((c, i) => {
        if (!byNames.has(c.name) && c.name !== firstColumn) carried.push((r) => r[i]);
      });
    } else carried.push(compileScalar(a, scope));
  }
  const width = 1 + carried.length;
  if (outputs.length && outputs.length !== width)
    throw new ExecutionError(`${name}: expected ${outputs.length} output columns, computed ${width}`);
  return {
    width,
    create: () => {
      let best: unknown = null;
      let bestRow: Row | undefined;
      return {
        add: (r) => {
          const v = key(r);
          if (v === null || v === undefined) return;
          if (bestRow === undefined || compareValues(v, best) * sign > 0) {
            best = v;
            bestRow = r;
          }
        },
        result: () => [best, ...carried.map((f) => (bestRow ? f(bestRow) : null))],
      };
    },
  };
}

/** The weighted percentiles, whose second argument is the weight (percentilesw-aggregation-function.md). */
const WEIGHTED = new Set(['percentilew', 'percentilesw', 'percentilesw_array']);
/** Aggregates refused with the reason a faithful answer is out of reach. */
const REFUSED_AGGREGATES: Record<string, string> = {
  // variancepif-aggregation-function.md names the population variance but its example prints
  // 850, the sample variance of its rows (their population variance is 833).
  variancepif:
    'its page names the population variance but its example prints the sample variance, so which Kusto returns is not settled',
};

function compilePercentiles(name: string, argExprs: Expr[], scope: Scope): CompiledAggregate {
  const x = sketchGuard(
    name,
    bigLongGuard(name, compileScalar(argExprs[0], scope), argExprs[0]),
    argExprs[0],
  );
  const type = scalarTypeOf(argExprs[0]);
  const weight = WEIGHTED.has(name) ? compileScalar(argExprs[1], scope) : undefined;
  const ps = argExprs.slice(weight ? 2 : 1).flatMap((e) => {
    const v = compileScalar(e, scope)([]);
    return Array.isArray(v) ? v : [v];
  });
  if (!ps.length || ps.some((p) => typeof p !== 'number'))
    throw new UnsupportedError(`${name}() with percentiles that are not constant numbers`);
  const asArray = name.endsWith('_array');
  const create = weight
    ? weightedPercentiles(x, weight, ps as number[], asArray)
    : percentiles(x, ps as number[], asArray);
  if (!asArray) return { width: ps.length, create };
  // An array is dynamic: datetimes and timespans go in as their text.
  return {
    width: 1,
    create: () => {
      const acc = create();
      return {
        add: (r) => acc.add(r),
        result: () => {
          const [list] = acc.result();
          return [Array.isArray(list) ? list.map((v) => toDynamic(v, type)) : null];
        },
      };
    },
  };
}

/** How many output columns an aggregate call produces, given the input columns (for arg_max with *). */
export function aggregateWidth(
  call: Expr,
  inputColumns: readonly Column[],
  byNames: ReadonlySet<string>,
): number {
  if (kindName(call) !== 'FunctionCallExpression') return 1;
  const fc = call as Kusto.Language.Syntax.FunctionCallExpression;
  const name = canonicalAggregate(fc.Name?.SimpleName ?? '');
  const args = elements(fc.ArgumentList?.Expressions);
  if (name === 'percentiles') return Math.max(1, args.length - 1);
  if (name === 'percentilesw') return Math.max(1, args.length - 2);
  if (name === 'take_any' || name === 'any')
    return args.reduce(
      (n, a) =>
        n + (kindName(a) === 'StarExpression' ? inputColumns.filter((c) => !byNames.has(c.name)).length : 1),
      0,
    );
  if (name !== 'arg_max' && name !== 'arg_min') return 1;
  const first = args[0];
  const firstColumn =
    first && kindName(first) === 'NameReference'
      ? (first as Kusto.Language.Syntax.NameReference).SimpleName
      : undefined;
  let width = 1;
  for (const a of args.slice(1)) {
    width +=
      kindName(a) === 'StarExpression'
        ? inputColumns.filter((c) => !byNames.has(c.name) && c.name !== firstColumn).length
        : 1;
  }
  return width;
}
