/**
 * Local executor benchmark (issues 9 and 16): one million generated DeviceNetworkEvents rows
 * written as NDJSON, CSV and Parquet, then per format the load time (wall and CPU), the
 * TightVNC detection's run time and the memory both take. Rows carry the columns a network hunt
 * reads; the loader fills the schema's other columns.
 *
 * Each format is measured in a process of its own, so that its peak RSS is its own.
 *
 * Run: npx tsc -p . && node --expose-gc out/bench/executor.bench.js [rows] [--formats ndjson,csv,parquet]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { executeQuery } from '../server/src/executor/executor';
import { loadLocalWorkspaceWithParquet } from '../server/src/executor/files/workspaceLoader';
import { builtinSchema } from '../server/src/schema/builtinSchemas';
import { generateNetworkEvents, SAMPLE_NOW } from '../scripts/sampleWorkspace/sampleEvents';
import { REPO_ROOT } from '../test/helpers/paths';

const KEPT = [
  'Timestamp',
  'DeviceId',
  'DeviceName',
  'ActionType',
  'RemoteIP',
  'RemotePort',
  'RemoteUrl',
  'LocalIP',
  'LocalPort',
  'Protocol',
  'InitiatingProcessFileName',
  'InitiatingProcessVersionInfoCompanyName',
  'InitiatingProcessVersionInfoProductName',
  'InitiatingProcessFolderPath',
  'InitiatingProcessAccountName',
  'ReportId',
];
const NUMBERS = new Set(['RemotePort', 'LocalPort', 'ReportId']);

type Format = 'ndjson' | 'csv' | 'parquet';
const FORMATS: readonly Format[] = ['ndjson', 'csv', 'parquet'];

/** The workspace folder of one format and row count; its data file is written once and kept. */
function workspaceDir(format: Format, count: number): string {
  return path.join(os.tmpdir(), 'kqlhunt-engine-bench', `${format}-${count}`);
}

function csvField(v: unknown): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes text a megabyte at a time, waiting for the stream when it is full. */
async function writeLines(file: string, header: string | undefined, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let buffer = header === undefined ? '' : `${header}\n`;
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function* keptRows(count: number): Generator<Record<string, unknown>> {
  for (const row of generateNetworkEvents(count)) yield Object.fromEntries(KEPT.map((k) => [k, row[k]]));
}

async function writeParquetFile(file: string, count: number): Promise<void> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columns = KEPT.map((name) => ({ name, data: [] as unknown[] }));
  for (const row of keptRows(count))
    columns.forEach((c) => {
      const v = row[c.name];
      // Timestamps are Parquet timestamps in microseconds, as most writers make them.
      c.data.push(c.name === 'Timestamp' ? BigInt(Date.parse(v as string)) * 1000n : v);
    });
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({
      name: c.name,
      repetition_type: 'OPTIONAL',
      ...(c.name === 'Timestamp'
        ? { type: 'INT64', converted_type: 'TIMESTAMP_MICROS' }
        : NUMBERS.has(c.name)
          ? { type: 'INT32' }
          : { type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
    })),
  ];
  const buffer = parquetWriteBuffer({ columnData: columns, schema } as unknown as Parameters<
    typeof parquetWriteBuffer
  >[0]);
  writeFileSync(file, Buffer.from(buffer));
}

async function writeData(format: Format, count: number): Promise<string> {
  const dir = workspaceDir(format, count);
  const file = path.join(dir, 'data', `DeviceNetworkEvents.${format}`);
  const marker = path.join(dir, 'complete');
  if (existsSync(marker) && existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  if (format === 'ndjson')
    await writeLines(
      file,
      undefined,
      (function* () {
        for (const row of keptRows(count)) yield JSON.stringify(row);
      })(),
    );
  else if (format === 'csv')
    await writeLines(
      file,
      KEPT.join(','),
      (function* () {
        for (const row of keptRows(count)) yield KEPT.map((k) => csvField(row[k])).join(',');
      })(),
    );
  else await writeParquetFile(file, count);
  writeFileSync(marker, '');
  return file;
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const cpuSeconds = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(2);

/** Loads one format's workspace and runs the query four times; runs in a process of its own. */
async function measure(format: Format, count: number): Promise<void> {
  const dir = workspaceDir(format, count);
  const schema = builtinSchema('defender');
  gc();
  const before = process.memoryUsage();
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const workspace = await loadLocalWorkspaceWithParquet(dir, schema, { now: SAMPLE_NOW });
  const cpu = process.cpuUsage(cpu0);
  const loadMs = performance.now() - t0;
  const loadPeak = process.resourceUsage().maxRSS * 1024;
  gc();
  const loaded = process.memoryUsage();
  console.log(
    `${format} load: ${(loadMs / 1000).toFixed(2)} s wall, ${cpuSeconds(cpu)} s CPU (user+system); heap +${mb(loaded.heapUsed - before.heapUsed)} MB, rss ${mb(loaded.rss)} MB, peak rss during load ${mb(loadPeak)} MB`,
  );

  const query = readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 4; i++) {
    t0 = performance.now();
    const r = executeQuery(query, { workspace });
    times.push(performance.now() - t0);
    rows = r.tables[0].rows.length;
  }
  console.log(
    `${format} TightVNC query: first ${times[0].toFixed(0)} ms (includes parse, bind and engine warm-up), then ${times
      .slice(1)
      .map((t) => t.toFixed(0))
      .join(', ')} ms; ${rows} result rows; peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const child = args.indexOf('--measure');
  if (child >= 0) return measure(args[child + 1] as Format, Number(args[child + 2]));
  const f = args.indexOf('--formats');
  const formats = f >= 0 ? args[f + 1].split(',').map((s) => s.trim().toLowerCase()) : [...FORMATS];
  const unknown = formats.filter((x) => !FORMATS.includes(x as Format));
  if (unknown.length) throw new Error(`unknown format ${unknown.join(', ')}; use ${FORMATS.join(', ')}`);
  const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--formats') ?? 1_000_000);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; ${os.cpus().length} cores`,
  );
  for (const format of formats as Format[]) {
    const file = await writeData(format, count);
    console.log(`${count} rows, ${mb(statSync(file).size)} MB of ${format}`);
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--measure', format, String(count)], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`measuring ${format} failed (exit ${r.status})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
