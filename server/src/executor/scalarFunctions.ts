import { dynamicJson } from './dynamicJson';
import { UnsupportedError } from './errors';
import { binAuto, type RequestProperties } from './requestProperties';
import { RANGE_AND_COUNT_FUNCTIONS } from './rangeAndCountFunctions';
import { ARRAY_FUNCTIONS } from './arrayFunctions';
import { BINARY_FUNCTIONS } from './binaryFunctions';
import { BYTE_ENCODING_FUNCTIONS } from './byteEncodingFunctions';
import { PUNYCODE_FUNCTIONS } from './punycode';
import { HASH_FUNCTIONS } from './hashFunctions';
import { TEXT_CONVERSION_FUNCTIONS } from './textConversionFunctions';
import { CALENDAR_FUNCTIONS } from './calendarFunctions';
import { csvRecords } from './csv';
import { fromDecimal, toDecimal } from './decimalConversion';
import { ExactDecimal } from './exactDecimal';
import { DYNAMIC_FUNCTIONS } from './dynamicFunctions';
import { ENCODING_FUNCTIONS } from './encodingFunctions';
import { argNumber, argString } from './functionArgs';
import { MATH_FUNCTIONS } from './mathFunctions';
import { GEO_CELL_FUNCTIONS } from './geo/cellFunctions';
import { GEO_SHAPE_FUNCTIONS } from './geo/geoShapeFunctions';
import { REGEX_FUNCTIONS } from './regexFunctions';
import { SPECIAL_MATH_FUNCTIONS } from './specialMathFunctions';
import { TEXT_FUNCTIONS } from './textFunctions';
import {
  bin,
  binAt,
  datetimeDiff,
  formatDatetimeWith,
  formatTimespanWith,
  startOfDay,
} from './datetimeFunctions';
import { hasIpv4, hasIpv4Prefix, ipv4IsInRange, ipv4IsPrivate } from './ipFunctions';
import * as ipv4 from './ipv4Functions';
import * as ipv6 from './ipv6Functions';
import { TIME_ZONE_FUNCTIONS } from './timeZoneFunctions';
import { TYPE_FUNCTIONS } from './typeFunctions';
import { UNIT_CONVERSION_FUNCTIONS } from './unitConversions';
import { XML_FUNCTIONS } from './xmlFunctions';
import { WEB_FUNCTIONS } from './webFunctions';
import { COMMAND_LINE_FUNCTIONS } from './commandLineFunctions';
import { RANGE_FUNCTIONS } from './rangeFunction';
import { SERIES_ELEMENTWISE_FUNCTIONS } from './seriesElementwise';
import { SERIES_FILL_FUNCTIONS } from './seriesFill';
import { SERIES_FILTER_FUNCTIONS } from './seriesFilters';
import { SERIES_REFUSED_FUNCTIONS } from './seriesRefusals';
import { SERIES_REDUCTION_FUNCTIONS } from './seriesReductions';
import { SKETCH_FUNCTIONS } from './sketchFunctions';
import { EPOCH_TICKS, parseDatetimeTicks, ticksOfMs } from './ticks';
import { parseJsonExactly } from './exactJson';
import { longOfWholeDouble, normalLong } from './longs';
import { fromExternal, toDynamic, valueToString, type KqlType } from './values';

/**
 * The scalar functions the executor implements, by name. Each receives its evaluated arguments
 * with the types the binder gave them; anything not listed here is rejected by name at compile time.
 */
export interface FunctionCall {
  args: unknown[];
  argTypes: KqlType[];
  resultType: KqlType;
  /** The query's now(), fixed for the whole query. */
  now: number;
  /** What the query's set statements give (bin_auto() reads its bin size there). */
  requestProperties: RequestProperties;
}

export type ScalarFunction = (call: FunctionCall) => unknown;

const str = argString;
const num = argNumber;
const ticks = (c: FunctionCall, i: number): bigint | null =>
  typeof c.args[i] === 'bigint' ? (c.args[i] as bigint) : null;

/** A long that a JS number holds exactly, else a refusal: a rounded long is a wrong answer. */
function exactLong(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
    throw new UnsupportedError(
      `${what}: a long beyond 2^53, which the local executor does not hold exactly yet`,
    );
  return Number(n);
}

function convert(c: FunctionCall, target: KqlType, name: string): unknown {
  const v = c.args[0];
  const t = c.argTypes[0];
  if (v === null || v === undefined) return null;
  if (t === target) return v;
  if (v instanceof ExactDecimal) return fromDecimal(v, target, name);
  if (typeof v === 'bigint' && (t === 'long' || t === 'int' || t === 'dynamic')) {
    // A long beyond 2^53 (inside a dynamic value too): a real is its nearest double, as Kusto
    // converts it; the rest would round.
    if (target === 'long') return v;
    if (target === 'real') return Number(v);
    throw new UnsupportedError(`${name}() of the long ${v}`, 'it is beyond 2^53');
  }
  if (typeof v === 'bigint') {
    // Kusto converts a datetime to its ticks since 0001-01-01 and a timespan to its ticks.
    const ticks = t === 'datetime' ? v + EPOCH_TICKS : v;
    if (target === 'long') return normalLong(ticks);
    if (target === 'int') return exactLong(ticks, `${name}() of a ${t}`);
    if (target === 'real' || target === 'decimal') return Number(ticks);
  }
  if (typeof v === 'number' && target === 'long' && Number.isFinite(v)) {
    const n = longOfWholeDouble(v);
    if (n === null) throw new UnsupportedError(`${name}(${v})`, 'the real is beyond the range of a long');
    return n;
  }
  if (typeof v === 'number' && (target === 'int' || target === 'long')) return Math.trunc(v);
  if (typeof v === 'number' && (target === 'real' || target === 'decimal')) return v;
  if (typeof v === 'boolean') return target === 'datetime' ? null : v ? 1 : 0;
  return fromExternal(t === 'dynamic' || t === 'string' ? v : valueToString(v, t), target);
}

/**
 * parse_csv(): the values of the text's first record (parse-csv-function.md). The page does not
 * say what an empty text or an unclosed quote gives, so those are refused rather than guessed.
 */
function firstCsvRecord(text: string): string[] {
  if (text === '') throw new UnsupportedError('parse_csv() of an empty string');
  try {
    return csvRecords(text)[0];
  } catch {
    throw new UnsupportedError('parse_csv() of a record with an unclosed quote');
  }
}

function parseUrl(text: string): Record<string, unknown> {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return {};
  }
  const params: Record<string, string> = {};
  u.searchParams.forEach((value, key) => {
    params[key] = value;
  });
  return {
    Scheme: u.protocol.replace(/:$/, ''),
    Host: u.hostname,
    Port: u.port,
    Path: u.pathname,
    Username: decodeURIComponent(u.username),
    Password: decodeURIComponent(u.password),
    'Query Parameters': params,
    Fragment: u.hash.replace(/^#/, ''),
  };
}

/** The addresses of has_any_ipv4*: given one by one or as one dynamic array (has-any-ipv4-function.md). */
const ipList = (c: FunctionCall): unknown[] =>
  c.args.length === 2 && Array.isArray(c.args[1]) ? c.args[1] : c.args.slice(1);

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export const SCALAR_FUNCTIONS: Record<string, ScalarFunction> = {
  ...CALENDAR_FUNCTIONS,
  ...SPECIAL_MATH_FUNCTIONS,
  ...UNIT_CONVERSION_FUNCTIONS,
  ...TIME_ZONE_FUNCTIONS,
  ...TYPE_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...DYNAMIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...XML_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...WEB_FUNCTIONS,
  ...COMMAND_LINE_FUNCTIONS,
  ...RANGE_FUNCTIONS,
  ...ARRAY_FUNCTIONS,
  ...BINARY_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...TEXT_CONVERSION_FUNCTIONS,
  ...BYTE_ENCODING_FUNCTIONS,
  ...PUNYCODE_FUNCTIONS,
  ...SERIES_ELEMENTWISE_FUNCTIONS,
  ...SERIES_FILL_FUNCTIONS,
  ...SERIES_FILTER_FUNCTIONS,
  ...SERIES_REFUSED_FUNCTIONS,
  ...RANGE_AND_COUNT_FUNCTIONS,
  ...SERIES_REDUCTION_FUNCTIONS,
  ...GEO_SHAPE_FUNCTIONS,
  ...GEO_CELL_FUNCTIONS,
  ...SKETCH_FUNCTIONS,
  now: (c) => ticksOfMs(c.now) + (ticks(c, 0) ?? 0n),
  ago: (c) => (ticks(c, 0) === null ? null : ticksOfMs(c.now) - ticks(c, 0)!),
  bin: (c) => bin(c.args[0], c.args[1], c.argTypes[0]),
  floor: (c) => bin(c.args[0], c.args[1], c.argTypes[0]),
  bin_at: (c) => binAt(c.args[0], c.args[1], c.args[2]),
  bin_auto: (c) => binAuto(c.args[0], c.argTypes[0], c.requestProperties),
  format_timespan: (c) => (ticks(c, 0) === null ? '' : formatTimespanWith(ticks(c, 0)!, str(c, 1))),
  startofday: (c) =>
    ticks(c, 0) === null ? null : startOfDay(ticks(c, 0)!, BigInt(Math.trunc(num(c, 1) ?? 0))),
  datetime_diff: (c) =>
    ticks(c, 1) === null || ticks(c, 2) === null ? null : datetimeDiff(str(c, 0), ticks(c, 1)!, ticks(c, 2)!),
  format_datetime: (c) => (ticks(c, 0) === null ? '' : formatDatetimeWith(ticks(c, 0)!, str(c, 1))),
  tolower: (c) => str(c, 0).toLowerCase(),
  toupper: (c) => str(c, 0).toUpperCase(),
  strlen: (c) => [...str(c, 0)].length,
  substring: (c) => {
    const s = str(c, 0);
    // A negative start counts back from the end of the string (substring-function.md).
    const raw = num(c, 1) ?? 0;
    const start = raw < 0 ? Math.max(0, s.length + raw) : raw;
    const length = c.args.length > 2 ? num(c, 2) : null;
    return length === null ? s.slice(start) : s.slice(start, start + Math.max(0, length));
  },
  split: (c) => {
    const parts = str(c, 0).split(str(c, 1));
    if (c.args.length < 3) return parts;
    const i = num(c, 2);
    return i === null || i < 0 || i >= parts.length ? [] : [parts[i]];
  },
  strcat: (c) => c.args.map((_, i) => str(c, i)).join(''),
  replace_string: (c) => str(c, 0).split(str(c, 1)).join(str(c, 2)),
  parse_json: (c) => (c.argTypes[0] === 'dynamic' ? c.args[0] : fromExternalJson(str(c, 0))),
  has_ipv4: (c) => hasIpv4(str(c, 0), str(c, 1)),
  // The addresses come as arguments or as one dynamic array (has-any-ipv4-function.md).
  has_any_ipv4: (c) => ipList(c).some((ip) => typeof ip === 'string' && hasIpv4(str(c, 0), ip)),
  has_ipv4_prefix: (c) => hasIpv4Prefix(str(c, 0), str(c, 1)),
  has_any_ipv4_prefix: (c) => ipList(c).some((ip) => typeof ip === 'string' && hasIpv4Prefix(str(c, 0), ip)),
  parse_csv: (c) => firstCsvRecord(str(c, 0)),
  parsejson: (c) => (c.argTypes[0] === 'dynamic' ? c.args[0] : fromExternalJson(str(c, 0))),
  todynamic: (c) => (c.argTypes[0] === 'dynamic' ? c.args[0] : fromExternalJson(str(c, 0))),
  tostring: (c) => str(c, 0),
  toint: (c) => convert(c, 'int', 'toint'),
  tolong: (c) => convert(c, 'long', 'tolong'),
  todouble: (c) => convert(c, 'real', 'todouble'),
  toreal: (c) => convert(c, 'real', 'toreal'),
  todecimal: (c) => toDecimal(c.args[0], c.argTypes[0]),
  todatetime: (c) =>
    c.argTypes[0] === 'datetime' ? c.args[0] : c.args[0] === null ? null : parseDatetimeTicks(str(c, 0)),
  isempty: (c) => isEmptyValue(c.args[0]),
  isnotempty: (c) => !isEmptyValue(c.args[0]),
  notempty: (c) => !isEmptyValue(c.args[0]),
  isnull: (c) => c.args[0] === null || c.args[0] === undefined,
  isnotnull: (c) => c.args[0] !== null && c.args[0] !== undefined,
  not: (c) => (c.args[0] === null ? null : !c.args[0]),
  iff: (c) => (c.args[0] === true ? c.args[1] : c.args[2]),
  iif: (c) => (c.args[0] === true ? c.args[1] : c.args[2]),
  case: (c) => {
    const last = c.args.length - 1;
    for (let i = 0; i < last; i += 2) if (c.args[i] === true) return c.args[i + 1];
    return c.args[last];
  },
  coalesce: (c) => {
    for (const v of c.args) if (!isEmptyValue(v)) return v;
    return c.resultType === 'string' ? '' : null;
  },
  array_length: (c) => (Array.isArray(c.args[0]) ? c.args[0].length : null),
  set_difference: (c) => setOp(c, (key, others) => others.every((o) => !o.has(key))),
  set_intersect: (c) => setOp(c, (key, others) => others.every((o) => o.has(key))),
  set_union: (c) => setOp(c, () => true, true),
  set_has_element: (c) =>
    Array.isArray(c.args[0])
      ? c.args[0].some((v) => setKey(v) === setKey(toDynamic(c.args[1], c.argTypes[1])))
      : null,
  pack_array: (c) => c.args.map((v, i) => toDynamic(v, c.argTypes[i])),
  bag_pack: (c) => packBag(c),
  pack: (c) => packBag(c),
  pack_dictionary: (c) => packBag(c),
  ipv4_is_private: (c) => ipv4IsPrivate(str(c, 0)),
  ipv4_is_in_range: (c) => ipv4IsInRange(str(c, 0), str(c, 1)),
  ipv4_compare: (c) => ipv4.ipv4Compare(str(c, 0), str(c, 1), c.args[2]),
  ipv4_is_match: (c) => ipv4.ipv4IsMatch(str(c, 0), str(c, 1), c.args[2]),
  ipv4_netmask_suffix: (c) => ipv4.ipv4NetmaskSuffix(str(c, 0)),
  ipv4_range_to_cidr_list: (c) => ipv4.ipv4RangeToCidrList(str(c, 0), str(c, 1)),
  parse_ipv4: (c) => ipv4.parseIpv4Long(str(c, 0)),
  parse_ipv4_mask: (c) => ipv4.parseIpv4Mask(str(c, 0), c.args[1]),
  format_ipv4: (c) => ipv4.formatIpv4(c.args[0], c.args[1]),
  format_ipv4_mask: (c) => ipv4.formatIpv4Mask(c.args[0], c.args[1]),
  ipv4_is_in_any_range: (c) => ipv4.ipv4IsInAnyRange(str(c, 0), ipList(c)),
  ipv6_compare: (c) => ipv6.ipv6Compare(str(c, 0), str(c, 1), c.args[2]),
  ipv6_is_match: (c) => ipv6.ipv6IsMatch(str(c, 0), str(c, 1), c.args[2]),
  parse_ipv6: (c) => ipv6.parseIpv6(str(c, 0)),
  parse_ipv6_mask: (c) => ipv6.parseIpv6Mask(str(c, 0), c.args[1]),
  ipv6_is_in_range: (c) => ipv6.ipv6IsInRange(str(c, 0), str(c, 1)),
  ipv6_is_in_any_range: (c) => ipv6.ipv6IsInAnyRange(str(c, 0), ipList(c)),
  parse_url: (c) => parseUrl(str(c, 0)),
};

// Set functions compare elements by value: a JSON key makes 1 and "1" distinct, as dynamic values are.
const setKey = (v: unknown) => dynamicJson(v);

function setOp(
  c: FunctionCall,
  keep: (key: string, others: Set<string>[]) => boolean,
  all = false,
): unknown[] | null {
  if (!c.args.every(Array.isArray)) return null;
  const arrays = c.args as unknown[][];
  const others = arrays.slice(1).map((a) => new Set(a.map(setKey)));
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of all ? arrays.flat() : arrays[0]) {
    const key = setKey(v);
    if (seen.has(key) || !keep(key, others)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function packBag(c: FunctionCall): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (let i = 0; i + 1 < c.args.length; i += 2) bag[str(c, i)] = toDynamic(c.args[i + 1], c.argTypes[i + 1]);
  return bag;
}

function fromExternalJson(text: string): unknown {
  // An empty string parses to null (gettype(parse_json('')) is 'null' in gettype-function.md).
  if (text.trim() === '') return null;
  try {
    return parseJsonExactly(text);
  } catch (e) {
    if (e instanceof UnsupportedError) throw e;
    return text;
  }
}
