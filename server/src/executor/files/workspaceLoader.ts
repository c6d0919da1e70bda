import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import * as path from 'node:path';
import type { EnvironmentSchema } from '../../schema/types';
import { csvRowsOfLines, parseCsv } from '../csv';
import { parseJsonExactly } from '../exactJson';
import { readParquetRows } from './parquetTables';
import { createWorkspace, type LocalWorkspace, type Watchlist } from '../workspace';

/**
 * Reads a local workspace folder: one file per table (`<Table>.ndjson` or `.jsonl`, `<Table>.json`
 * holding an array, `<Table>.csv` with a header row, or `<Table>.parquet`), typed by the schema catalogue. This is
 * one of the two file-reading parts of the executor; the executor works on the in-memory result.
 *
 * An optional `workspace.json` manifest in the folder may say:
 * `{ "name": "...", "environment": "defender" | "sentinel", "now": "<ISO datetime>", "data": "<sub-folder>" }`.
 * `now` pins now() so that results are reproducible; `data` names the folder holding the table
 * files (default: `data/` if it exists, else the folder itself).
 *
 * Sentinel watchlists are `watchlists/<alias>.csv`, for `_GetWatchlist('<alias>')`; the search
 * key is the first column unless the manifest says `"watchlists": { "<alias>": { "searchKey": "Col" } }`.
 * `"externaldata": { "<url>": "<file>" }` gives externaldata a copy of a URL's content; nothing is
 * fetched from the network here.
 */
export interface WorkspaceManifest {
  name?: string;
  environment?: string;
  now?: string;
  data?: string;
  watchlists?: Record<string, { searchKey?: string }>;
  /** URL to a file in the workspace folder, read in its place by externaldata. */
  externaldata?: Record<string, string>;
}

export const MANIFEST_FILE = 'workspace.json';

/**
 * How large a file may be. NDJSON and CSV tables are read line by line, so they may be large;
 * JSON arrays (and watchlists) are parsed whole, and V8 cannot hold a string much over 512 MB; a
 * manifest is a few lines.
 */
export const MAX_LINE_FILE_BYTES = 2 * 1024 ** 3;
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 ** 2;
const MAX_MANIFEST_BYTES = 1024 ** 2;

function describeSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** What a non-regular file is, for the message that refuses it. */
function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** True when `inner` is `outer` or inside it; both are real paths. */
function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/**
 * Opens a workspace file for reading, or says why it may not be read. Only regular files inside
 * the workspace folder (after following links) are read: a link to /dev/zero, a named pipe or a
 * file elsewhere on the machine would hang the run, exhaust memory or leak that file into query
 * results. The file is opened without blocking (a pipe with no writer would block the open
 * itself) and checked on the open descriptor, so it cannot be swapped between check and read.
 */
function openWorkspaceFile(file: string, root: string, maxBytes: number): { fd: number; size: number } {
  const real = realpathSync(file);
  if (!isInside(real, root))
    throw new Error(
      `${file}: refusing to read it: it links to ${real}, outside the workspace folder ${root}`,
    );
  if (real === '/proc' || real.startsWith('/proc/') || real.startsWith('/dev/') || real.startsWith('/sys/'))
    throw new Error(`${file}: refusing to read a system file`);
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new Error(`${file}: refusing to read it: it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes)
      throw new Error(
        `${file}: ${describeSize(stat.size)} is over the ${describeSize(maxBytes)} limit for ${maxBytes === MAX_LINE_FILE_BYTES ? 'an NDJSON or CSV table file (read line by line)' : 'a file read whole (a JSON table, a watchlist, an externaldata copy)'}`,
      );
    return { fd, size: stat.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Reads at most the size the file had when it was opened: a file that grows meanwhile cannot make the read endless. */
function readBounded(file: string, root: string, maxBytes: number): string {
  const { fd, size } = openWorkspaceFile(file, root, maxBytes);
  try {
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, null);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const TABLE_FILE = /^(.+)\.(ndjson|jsonl|json|csv|parquet)$/i;

export function readWorkspaceManifest(dir: string): WorkspaceManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return {};
  const text = readBounded(file, realpathSync(dir), MAX_MANIFEST_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file}: expected a JSON object`);
  const m = parsed as Record<string, unknown>;
  for (const key of ['name', 'environment', 'now', 'data']) {
    if (m[key] !== undefined && typeof m[key] !== 'string')
      throw new Error(`${file}: "${key}" must be a string`);
  }
  const ext = m.externaldata;
  if (
    ext !== undefined &&
    (!ext ||
      typeof ext !== 'object' ||
      Array.isArray(ext) ||
      Object.values(ext).some((f) => typeof f !== 'string'))
  )
    throw new Error(`${file}: "externaldata" must map each URL to a file name`);
  if (m.watchlists !== undefined && !validWatchlistSettings(m.watchlists))
    throw new Error(`${file}: "watchlists" must map each alias to { "searchKey": "<column>" }`);
  if (m.now !== undefined && Number.isNaN(Date.parse(m.now as string)))
    throw new Error(`${file}: "now" is not an ISO datetime: ${String(m.now)}`);
  return m as WorkspaceManifest;
}

/** The folder holding the table files: the manifest's `data`, else `data/`, else the folder itself; never outside it. */
function dataFolder(dir: string, manifest: WorkspaceManifest, root: string): string {
  const dataDir = manifest.data
    ? path.resolve(dir, manifest.data)
    : existsSync(path.join(dir, 'data'))
      ? path.join(dir, 'data')
      : dir;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new Error(`${path.join(dir, MANIFEST_FILE)}: "data" names ${dataDir}, which is not a folder`);
  if (!isInside(realpathSync(dataDir), root))
    throw new Error(
      `${path.join(dir, MANIFEST_FILE)}: "data" must stay inside the workspace folder ${root}; ${manifest.data} leads to ${realpathSync(dataDir)}`,
    );
  return dataDir;
}

/**
 * The same as loadLocalWorkspace, with `<Table>.parquet` files read first: hyparquet's reader is
 * asynchronous, and the rest of the loader is not.
 */
export async function loadLocalWorkspaceWithParquet(
  dir: string,
  schema: EnvironmentSchema,
  options: { now?: string | number } = {},
): Promise<LocalWorkspace> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`workspace folder not found: ${dir}`);
  const dataDir = dataFolder(dir, readWorkspaceManifest(dir), realpathSync(dir));
  const parquet: Record<string, Iterable<Record<string, unknown>>> = {};
  for (const entry of readdirSync(dataDir).sort()) {
    const m = TABLE_FILE.exec(entry);
    if (!m || m[2].toLowerCase() !== 'parquet') continue;
    const file = path.join(dataDir, entry);
    if (statSync(file).size > MAX_WHOLE_FILE_BYTES)
      throw new Error(
        `${file}: larger than ${MAX_WHOLE_FILE_BYTES / 1024 ** 2} MB; split it or take a sample`,
      );
    parquet[m[1]] = await withFileNameAsync(file, () => readParquetRows(file));
  }
  return loadLocalWorkspace(dir, schema, { ...options, parquet });
}

export function loadLocalWorkspace(
  dir: string,
  schema: EnvironmentSchema,
  options: { now?: string | number; parquet?: Record<string, Iterable<Record<string, unknown>>> } = {},
): LocalWorkspace {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`workspace folder not found: ${dir}`);
  const manifest = readWorkspaceManifest(dir);
  const root = realpathSync(dir);
  const dataDir = dataFolder(dir, manifest, root);
  const tables: Record<string, Iterable<Record<string, unknown>>> = {};
  for (const entry of readdirSync(dataDir).sort()) {
    const m = TABLE_FILE.exec(entry);
    if (!m || entry === MANIFEST_FILE) continue;
    const file = path.join(dataDir, entry);
    if (tables[m[1]]) throw new Error(`${file}: table ${m[1]} already has a data file`);
    if (m[2].toLowerCase() === 'parquet') {
      const rows = options.parquet?.[m[1]];
      if (!rows)
        throw new Error(
          `${file}: Parquet tables are read by kqlhunt run and the editor, not by this command yet`,
        );
      tables[m[1]] = rows;
    } else tables[m[1]] = readTableFile(file, m[2].toLowerCase(), root);
  }
  const pinned = options.now ?? manifest.now;
  const now = pinned === undefined ? undefined : typeof pinned === 'number' ? pinned : Date.parse(pinned);
  if (now !== undefined && Number.isNaN(now))
    throw new Error(`now is not an ISO datetime: ${String(pinned)}`);
  return createWorkspace({
    name: manifest.name ?? path.basename(path.resolve(dir)),
    tables,
    schema,
    now,
    includeEmptySchemaTables: true,
    watchlists: readWatchlists(dir, root, manifest),
    externalData: readExternalData(dir, root, manifest),
  });
}

function readExternalData(dir: string, root: string, manifest: WorkspaceManifest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [url, name] of Object.entries(manifest.externaldata ?? {})) {
    const file = path.resolve(dir, name);
    if (!existsSync(file))
      throw new Error(
        `${path.join(dir, MANIFEST_FILE)}: the externaldata copy of ${url}, ${name}, does not exist`,
      );
    // readBounded refuses a file outside the workspace folder, through links too.
    out[url] = readBounded(file, root, MAX_WHOLE_FILE_BYTES);
  }
  return out;
}

function validWatchlistSettings(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every((w) => {
    if (!w || typeof w !== 'object' || Array.isArray(w)) return false;
    const key = (w as { searchKey?: unknown }).searchKey;
    return key === undefined || typeof key === 'string';
  });
}

function readWatchlists(dir: string, root: string, manifest: WorkspaceManifest): Record<string, Watchlist> {
  const folder = path.join(dir, 'watchlists');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return {};
  const out: Record<string, Watchlist> = {};
  for (const entry of readdirSync(folder).sort()) {
    if (!/\.csv$/i.test(entry)) continue;
    const alias = entry.slice(0, -4);
    const file = path.join(folder, entry);
    const items = withFileName(file, () => parseCsv(readBounded(file, root, MAX_WHOLE_FILE_BYTES)));
    const columns = items.length ? Object.keys(items[0]) : [];
    const searchKey = manifest.watchlists?.[alias]?.searchKey ?? columns[0] ?? '';
    if (items.length && !columns.includes(searchKey))
      throw new Error(
        `${file}: the search key column '${searchKey}' named in ${MANIFEST_FILE} is not in the file`,
      );
    out[alias] = { columns, searchKey, items };
  }
  return out;
}

function readTableFile(file: string, ext: string, root: string): Iterable<Record<string, unknown>> {
  if (ext === 'csv') return namingFile(file, csvRowsOfLines(fileLines(file, root)));
  if (ext === 'json') {
    const text = readBounded(file, root, MAX_WHOLE_FILE_BYTES);
    return withFileName(file, () => {
      const parsed: unknown = parseJsonExactly(text, true);
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of row objects');
      return parsed.map((row, i) => objectRow(row, i + 1));
    });
  }
  return ndjsonRows(file, root);
}

/** Rows read as they are needed, with the file named in any error their reading meets. */
function* namingFile<T>(file: string, rows: Iterable<T>): Generator<T> {
  try {
    yield* rows;
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith(file) ? message : `${file}: ${message}`);
  }
}

/** The rows of an NDJSON file, parsed as they are read; blank lines are skipped. */
function* ndjsonRows(file: string, root: string): Generator<Record<string, unknown>> {
  let line = 0;
  for (const raw of fileLines(file, root)) {
    line++;
    if (!raw.trim()) continue;
    let parsed: unknown;
    try {
      parsed = parseJsonExactly(raw, true);
    } catch (e) {
      throw new Error(`${file}: line ${line}: ${(e as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error(`${file}: row ${line} is not a JSON object`);
    yield parsed as Record<string, unknown>;
  }
}

/** Runs a parse step, naming the file in any error it throws. */
async function withFileNameAsync<T>(file: string, parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith(file) ? message : `${file}: ${message}`);
  }
}

function withFileName<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** The longest line an NDJSON table may have: a row is a JSON object, not a stream. */
const MAX_LINE_BYTES = 64 * 1024 ** 2;

/**
 * Reads a file line by line in fixed-size chunks: NDJSON tables can be larger than the longest
 * string V8 can hold (512 MB), so they are never read whole. Reading stops at the size the file
 * had when it was opened, and a line longer than MAX_LINE_BYTES bytes is an error rather than a
 * buffer that grows until memory runs out.
 *
 * Lines are cut at '\n' bytes, which never occur inside a multi-byte UTF-8 character, and each is
 * decoded on its own: decoding a whole chunk that holds one non-ASCII character would make every
 * line in it a two-byte string, several times slower to decode and to parse.
 */
function* fileLines(file: string, root: string): Generator<string> {
  const { fd, size } = openWorkspaceFile(file, root, MAX_LINE_FILE_BYTES);
  let buffer = Buffer.alloc(Math.min(8 << 20, Math.max(size, 1)));
  // Bytes of an unfinished line, kept at the start of the buffer.
  let have = 0;
  let line = 0;
  let left = size;
  try {
    for (;;) {
      if (have === buffer.length && left > 0) {
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger, 0, 0, have);
        buffer = bigger;
      }
      const n = left > 0 ? readSync(fd, buffer, have, Math.min(buffer.length - have, left), null) : 0;
      left -= n;
      const view = buffer.subarray(0, have + n);
      let start = 0;
      for (let nl = view.indexOf(10); nl !== -1; nl = view.indexOf(10, start)) {
        line++;
        yield view.toString('utf8', start, nl);
        start = nl + 1;
      }
      if (n === 0) {
        if (start < view.length) yield view.toString('utf8', start);
        break;
      }
      view.copy(buffer, 0, start);
      have = view.length - start;
      if (have > MAX_LINE_BYTES)
        throw new Error(`${file}: line ${line + 1} is longer than ${MAX_LINE_BYTES / 1024 ** 2} MB`);
    }
  } finally {
    closeSync(fd);
  }
}

function objectRow(row: unknown, n: number): Record<string, unknown> {
  if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error(`row ${n} is not a JSON object`);
  return row as Record<string, unknown>;
}
