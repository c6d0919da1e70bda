import { binAt, bin } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import { kindName, type Expr } from './syntax';
import { msOf, TICKS_PER_MS } from './ticks';
import type { KqlType } from './values';

/**
 * The request properties a query's `set` statements give (set-statement.md; the list is
 * api/rest/request-properties.md). Those that change what the query returns are carried out:
 * `query_now` (now() and ago()), `query_bin_auto_size` and `query_bin_auto_at` (bin_auto()),
 * `query_take_max_records` (each result keeps its first N rows) and `truncationmaxrecords` (a
 * result with more rows fails, as the service fails it). Those that only tune how the service runs
 * or reports a query leave the local result as it is. Any other property is refused by name: it
 * may change the result in a way this executor does not follow (`query_datetimescope_*`,
 * `best_effort`, `request_external_data_disabled`, ...).
 */
export interface RequestProperties {
  /** now() in UTC milliseconds. */
  now?: number;
  binAutoSize?: TypedValue;
  binAutoAt?: TypedValue;
  takeMaxRecords?: number;
  truncationMaxRecords?: number;
}

interface TypedValue {
  readonly value: unknown;
  readonly type: KqlType;
}

/** Properties that tune the service's execution, caching or reporting; the local result is the same. */
const WITHOUT_EFFECT = new Set([
  'notruncation',
  'push_selection_through_aggregation',
  'query_fanout_nodes_percent',
  'query_fanout_threads_percent',
  'query_distribution_nodes_span',
  'maxmemoryconsumptionperiterator',
  'max_memory_consumption_per_query_per_node',
  'maxoutputcolumns',
  'query_results_cache_max_age',
  'query_results_cache_per_shard',
  'query_optimize_fts_at_relop',
  'request_description',
  'deferpartialqueryfailures',
  'query_datascope',
  'client_max_redirect_count',
  'results_v2_newlines_between_frames',
]);

/**
 * Reads the `set` statements of a query, in order, before it runs. A `set` after a tabular
 * statement would apply to the statements after it only; the executor fixes the properties for
 * the whole query, so it refuses that order rather than apply a property too early.
 */
export function readRequestProperties(
  statements: readonly Kusto.Language.Syntax.Statement[],
  evaluate: (e: Expr) => unknown,
  typeOf: (e: Expr) => KqlType,
): RequestProperties {
  const props: RequestProperties = {};
  let queried = false;
  for (const s of statements) {
    const kind = kindName(s);
    if (kind === 'ExpressionStatement') queried = true;
    if (kind !== 'SetOptionStatement') continue;
    const set = s as Kusto.Language.Syntax.SetOptionStatement;
    const name = (set.Name?.SimpleName ?? '').toLowerCase();
    if (WITHOUT_EFFECT.has(name)) continue;
    if (queried)
      throw new UnsupportedError(
        `a 'set ${name}' statement after a tabular statement`,
        'the local executor applies set statements to the whole query, so they must come first',
      );
    const e = set.ValueClause?.Expression ?? undefined;
    apply(props, name, e ? { value: evaluate(e), type: typeOf(e) } : undefined);
  }
  return props;
}

function apply(props: RequestProperties, name: string, v: TypedValue | undefined): void {
  switch (name) {
    case 'query_now': {
      const ticks = v?.type === 'datetime' && typeof v.value === 'bigint' ? v.value : undefined;
      if (ticks === undefined) throw new ExecutionError(`set query_now needs a datetime value`);
      if (ticks % TICKS_PER_MS !== 0n)
        throw new UnsupportedError('set query_now finer than a millisecond', 'now() is held in milliseconds');
      props.now = msOf(ticks);
      return;
    }
    case 'query_bin_auto_size':
      props.binAutoSize = numericOrTimespan(name, v);
      return;
    case 'query_bin_auto_at':
      if (v?.type !== 'datetime') props.binAutoAt = numericOrTimespan(name, v);
      else props.binAutoAt = v;
      return;
    case 'query_take_max_records':
      props.takeMaxRecords = count(name, v);
      return;
    case 'truncationmaxrecords':
      props.truncationMaxRecords = count(name, v);
      return;
  }
  throw new UnsupportedError(
    `the request property ${name} in a set statement`,
    'it is not one whose effect on the result the local executor follows',
  );
}

function numericOrTimespan(name: string, v: TypedValue | undefined): TypedValue {
  if (v && v.value !== null && ['int', 'long', 'real', 'timespan'].includes(v.type)) return v;
  throw new ExecutionError(`set ${name} needs an int, long, real or timespan value`);
}

function count(name: string, v: TypedValue | undefined): number {
  if (v && (v.type === 'int' || v.type === 'long') && typeof v.value === 'number' && v.value >= 0)
    return v.value;
  throw new ExecutionError(`set ${name} needs a count (a long of 0 or more)`);
}

/**
 * bin_auto(value) (bin-auto-function.md): bins of query_bin_auto_size, one of which starts at
 * query_bin_auto_at when it is set (as bin_at), else on multiples of the size (as bin).
 */
export function binAuto(value: unknown, valueType: KqlType, props: RequestProperties): unknown {
  const size = props.binAutoSize;
  if (!size) throw new ExecutionError('bin_auto() needs the bin size: set query_bin_auto_size first');
  const isTicks = (t: KqlType) => t === 'datetime' || t === 'timespan';
  if (isTicks(valueType) !== (size.type === 'timespan'))
    throw new ExecutionError(
      `bin_auto() of a ${valueType} needs a ${isTicks(valueType) ? 'timespan' : 'numeric'} query_bin_auto_size, not a ${size.type}`,
    );
  const at = props.binAutoAt;
  if (!at) return bin(value, size.value, valueType);
  if (isTicks(at.type) !== isTicks(valueType) || (valueType === 'datetime') !== (at.type === 'datetime'))
    throw new ExecutionError(
      `bin_auto() of a ${valueType} cannot start its bins at a ${at.type} query_bin_auto_at`,
    );
  return binAt(value, size.value, at.value);
}
