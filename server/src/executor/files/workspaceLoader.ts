import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import * as path from 'node:path';
import type { EnvironmentSchema } from '../../schema/types';
import { parseCsv } from '../csv';
import { createWorkspace, type LocalWorkspace } from '../workspace';

/**
 * Reads a local workspace folder: one file per table (`<Table>.ndjson` or `.jsonl`, `<Table>.json`
 * holding an array, or `<Table>.csv` with a header row), typed by the schema catalogue. This is
 * one of the two file-reading parts of the executor; the executor works on the in-memory result.
 *
 * An optional `workspace.json` manifest in the folder may say:
 * `{ "name": "...", "environment": "defender" | "sentinel", "now": "<ISO datetime>", "data": "<sub-folder>" }`.
 * `now` pins now() so that results are reproducible; `data` names the folder holding the table
 * files (default: `data/` if it exists, else the folder itself).
 */
export interface WorkspaceManifest {
  name?: string;
  environment?: string;
  now?: string;
  data?: string;
}

export const MANIFEST_FILE = 'workspace.json';

const TABLE_FILE = /^(.+)\.(ndjson|jsonl|json|csv)$/i;

export function readWorkspaceManifest(dir: string): WorkspaceManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: expected a JSON object`);
  const m = parsed as Record<string, unknown>;
  for (const key of ['name', 'environment', 'now', 'data']) {
    if (m[key] !== undefined && typeof m[key] !== 'string') throw new Error(`${file}: "${key}" must be a string`);
  }
  if (m.now !== undefined && Number.isNaN(Date.parse(m.now as string))) throw new Error(`${file}: "now" is not an ISO datetime: ${String(m.now)}`);
  return m as WorkspaceManifest;
}

export function loadLocalWorkspace(dir: string, schema: EnvironmentSchema, options: { now?: string | number } = {}): LocalWorkspace {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`workspace folder not found: ${dir}`);
  const manifest = readWorkspaceManifest(dir);
  const dataDir = manifest.data ? path.resolve(dir, manifest.data) : existsSync(path.join(dir, 'data')) ? path.join(dir, 'data') : dir;
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const entry of readdirSync(dataDir).sort()) {
    const m = TABLE_FILE.exec(entry);
    if (!m || entry === MANIFEST_FILE) continue;
    const file = path.join(dataDir, entry);
    if (tables[m[1]]) throw new Error(`${file}: table ${m[1]} already has a data file`);
    tables[m[1]] = readTableFile(file, m[2].toLowerCase());
  }
  const pinned = options.now ?? manifest.now;
  const now = pinned === undefined ? undefined : typeof pinned === 'number' ? pinned : Date.parse(pinned);
  if (now !== undefined && Number.isNaN(now)) throw new Error(`now is not an ISO datetime: ${String(pinned)}`);
  return createWorkspace({ name: manifest.name ?? path.basename(path.resolve(dir)), tables, schema, now, includeEmptySchemaTables: true });
}

function readTableFile(file: string, ext: string): Record<string, unknown>[] {
  try {
    if (ext === 'csv') return parseCsv(readFileSync(file, 'utf8'));
    if (ext === 'json') {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of row objects');
      return parsed.map((row, i) => objectRow(row, i + 1));
    }
    const rows: Record<string, unknown>[] = [];
    forEachLine(file, (raw, line) => {
      if (!raw.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        throw new Error(`line ${line}: ${(e as Error).message}`);
      }
      rows.push(objectRow(parsed, line));
    });
    return rows;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/**
 * Reads a file line by line in fixed-size chunks: NDJSON tables can be larger than the longest
 * string V8 can hold (512 MB), so they are never read whole.
 */
function forEachLine(file: string, onLine: (text: string, line: number) => void): void {
  const fd = openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(8 << 20);
  let rest = '';
  let line = 0;
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const text = n > 0 ? rest + decoder.write(chunk.subarray(0, n)) : rest + decoder.end();
      const lines = text.split('\n');
      rest = n > 0 ? lines.pop()! : '';
      for (const l of lines) onLine(l, ++line);
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

function objectRow(row: unknown, n: number): Record<string, unknown> {
  if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error(`row ${n} is not a JSON object`);
  return row as Record<string, unknown>;
}
