import { readFile } from 'node:fs/promises';
import { parseJsonExactly } from '../exactJson';
import { LONG_MAX, LONG_MIN, normalLong } from '../longs';
import { TICKS_PER_DAY, TICKS_PER_MS } from '../ticks';
import { ExternalDatetime } from '../values';

/**
 * Reads a `<Table>.parquet` file of a local workspace with hyparquet (a maintained pure-JS reader,
 * with hyparquet-compressors for gzip, zstd, brotli and lz4) into plain rows, in the forms the
 * other table files give: text, numbers, booleans, JSON values, and datetimes as ISO text. Parquet
 * timestamps keep their 100 ns ticks (micro- and nanosecond units would lose digits as JS Dates),
 * and a 64-bit integer stays exact (longs.ts: a bigint beyond 2^53), inside a list or a struct
 * (a dynamic value) too; an unsigned one beyond the long range inside such a value is refused.
 */
export async function readParquetRows(file: string): Promise<Iterable<Record<string, unknown>>> {
  const [{ parquetMetadata, parquetRead, parquetSchema }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(buffer);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const chunks = new Map<string, Chunk[]>(names.map((n) => [n, []]));
  // Columns are kept in the chunks hyparquet decodes, and rows are made one at a time as the
  // workspace reads them: a million row objects made up front would all live at once.
  await parquetRead({
    file: buffer,
    metadata,
    compressors,
    utf8: true,
    parsers: {
      timestampFromMilliseconds: (ms: bigint) => instant(BigInt(ms) * TICKS_PER_MS),
      timestampFromMicroseconds: (us: bigint) => instant(BigInt(us) * 10n),
      timestampFromNanoseconds: (ns: bigint) => instant(BigInt(ns) / 100n),
      dateFromDays: (days: number) => instant(BigInt(days) * TICKS_PER_DAY),
      // JSON.parse, hyparquet's own, would round an integer beyond 2^53 in a JSON column.
      jsonFromBytes: (bytes: Uint8Array | undefined) => bytes && jsonCell(file, bytes),
    },
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) =>
      chunks.get(columnName)?.push({ values: columnData as ArrayLike<unknown>, rowStart, rowEnd }),
  });
  return parquetRows(file, chunks);
}

const utf8Decoder = new TextDecoder();

function jsonCell(file: string, bytes: Uint8Array): unknown {
  try {
    return parseJsonExactly(utf8Decoder.decode(bytes));
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

interface Chunk {
  values: ArrayLike<unknown>;
  rowStart: number;
  rowEnd: number;
}

function* parquetRows(file: string, columns: Map<string, Chunk[]>): Generator<Record<string, unknown>> {
  const cursors = [...columns].map(([name, chunks]) => ({
    name,
    chunks: chunks.sort((a, b) => a.rowStart - b.rowStart),
    at: 0,
  }));
  const rowCount = Math.max(0, ...cursors.map((c) => c.chunks.at(-1)?.rowEnd ?? 0));
  for (let r = 0; r < rowCount; r++) {
    const row: Record<string, unknown> = {};
    for (const c of cursors) {
      while (c.at < c.chunks.length && r >= c.chunks[c.at].rowEnd) c.at++;
      const chunk = c.chunks[c.at];
      row[c.name] = plain(
        chunk && r >= chunk.rowStart ? chunk.values[r - chunk.rowStart] : undefined,
        file,
        c.name,
      );
    }
    yield row;
  }
}

/** A timestamp: the workspace takes a cell's ticks as they are; inside a dynamic value it is ISO text. */
const instant = (ticks: bigint) => new ExternalDatetime(ticks) as unknown as Date;

function plain(v: unknown, file: string, column: string, top = true): unknown {
  if (v === undefined) return null;
  if (v instanceof ExternalDatetime) return top ? v : v.toString();
  if (typeof v === 'bigint') {
    if (!top && (v > LONG_MAX || v < LONG_MIN))
      throw new Error(
        `${file}: column ${column} holds ${v} inside a list or struct, beyond the range of a long, which a dynamic value does not hold`,
      );
    return normalLong(v);
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((x) => plain(x, file, column, false));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x, file, column, false);
    return out;
  }
  return v;
}
