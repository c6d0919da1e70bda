import { readFile } from 'node:fs/promises';
import { formatDatetimeTicks, TICKS_PER_DAY, TICKS_PER_MS } from '../ticks';

/**
 * Reads a `<Table>.parquet` file of a local workspace with hyparquet (a maintained pure-JS reader,
 * with hyparquet-compressors for gzip, zstd, brotli and lz4) into plain rows, in the forms the
 * other table files give: text, numbers, booleans, JSON values, and datetimes as ISO text. Parquet
 * timestamps keep their 100 ns ticks (micro- and nanosecond units would lose digits as JS Dates),
 * and a 64-bit integer beyond 2^53 is refused, as the executor refuses such a long anywhere.
 */
export async function readParquetRows(file: string): Promise<Record<string, unknown>[]> {
  const [{ parquetReadObjects }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const rows = (await parquetReadObjects({
    file: buffer,
    compressors,
    utf8: true,
    parsers: {
      timestampFromMilliseconds: (ms: bigint) => instant(BigInt(ms) * TICKS_PER_MS),
      timestampFromMicroseconds: (us: bigint) => instant(BigInt(us) * 10n),
      timestampFromNanoseconds: (ns: bigint) => instant(BigInt(ns) / 100n),
      dateFromDays: (days: number) => instant(BigInt(days) * TICKS_PER_DAY),
    },
  })) as Record<string, unknown>[];
  for (const row of rows) for (const key of Object.keys(row)) row[key] = plain(row[key], file, key);
  return rows;
}

/** A timestamp, marked so that it becomes ISO text however deep in a value it sits. */
class Instant {
  constructor(readonly ticks: bigint) {}
}
const instant = (ticks: bigint) => new Instant(ticks) as unknown as Date;

function plain(v: unknown, file: string, column: string): unknown {
  if (v === undefined) return null;
  if (v instanceof Instant) return formatDatetimeTicks(v.ticks);
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
      throw new Error(
        `${file}: column ${column} holds ${v}, a long beyond 2^53, which the local executor does not hold exactly yet`,
      );
    return Number(v);
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((x) => plain(x, file, column));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x, file, column);
    return out;
  }
  return v;
}
