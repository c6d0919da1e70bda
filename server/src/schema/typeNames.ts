/**
 * Type names as schema sources write them, mapped onto the Kusto scalar types. Sentinel's
 * validation files, Log Analytics, Microsoft Graph and the Defender documentation each spell
 * types their own way (`String`, `"string "`, `BigInt`, `Int64`, `Date/time`, `nullable bool`),
 * and a column must not vanish because of the spelling of its type.
 */

export const KUSTO_SCALAR_TYPES = [
  'string',
  'long',
  'int',
  'real',
  'bool',
  'datetime',
  'timespan',
  'guid',
  'dynamic',
  'decimal',
] as const;
export type KustoScalarType = (typeof KUSTO_SCALAR_TYPES)[number];

const ALIASES: Record<string, KustoScalarType> = {
  string: 'string',
  str: 'string',
  text: 'string',
  uri: 'string',
  url: 'string',
  enum: 'string',
  char: 'string',
  long: 'long',
  bigint: 'long',
  int64: 'long',
  uint64: 'long',
  uint32: 'long',
  int: 'int',
  int32: 'int',
  integer: 'int',
  int16: 'int',
  uint16: 'int',
  short: 'int',
  byte: 'int',
  // Kusto stores bool as a signed byte: its CLR schemas (the CI's custom tables) say SByte for bool.
  sbyte: 'bool',
  real: 'real',
  double: 'real',
  float: 'real',
  single: 'real',
  number: 'real',
  bool: 'bool',
  boolean: 'bool',
  datetime: 'datetime',
  date: 'datetime',
  'date/time': 'datetime',
  datetimeoffset: 'datetime',
  timestamp: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  guid: 'guid',
  uuid: 'guid',
  uniqueid: 'guid',
  dynamic: 'dynamic',
  object: 'dynamic',
  array: 'dynamic',
  json: 'dynamic',
  decimal: 'decimal',
};

/**
 * The Kusto scalar type for a source's type name, or undefined when the name means nothing
 * known. Case, surrounding spaces, a `System.` prefix and a `nullable` marker are ignored.
 */
export function normalizeTypeName(raw: unknown): KustoScalarType | undefined {
  if (typeof raw !== 'string') return undefined;
  let name = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  name = name
    .replace(/^nullable\s*<?\s*/, '')
    .replace(/\s*>$/, '')
    .replace(/\?$/, '')
    .replace(/^system\./, '');
  return ALIASES[name];
}
