/**
 * Local executor benchmark (issue 9): one million generated DeviceNetworkEvents rows written as
 * NDJSON, then the load time, the TightVNC detection's run time and the memory both take.
 * Rows carry the columns a network hunt reads; the loader fills the schema's other columns.
 *
 * Run: npx tsc -p . && node --expose-gc out/bench/executor.bench.js [rows]
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { executeQuery } from '../server/src/executor/executor';
import { loadLocalWorkspace } from '../server/src/executor/files/workspaceLoader';
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

async function writeRows(dir: string, count: number): Promise<string> {
  const file = path.join(dir, 'data', 'DeviceNetworkEvents.ndjson');
  const marker = path.join(dir, `rows-${count}`);
  if (existsSync(marker) && existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let buffer = '';
  for (const row of generateNetworkEvents(count)) {
    buffer += `${JSON.stringify(Object.fromEntries(KEPT.map((k) => [k, row[k]])))}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  createWriteStream(marker).end();
  return file;
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const dir = path.join(os.tmpdir(), 'kqlhunt-engine-bench');
  const file = await writeRows(dir, count);
  console.log(`${count} rows, ${mb(statSync(file).size)} MB of NDJSON`);
  const schema = builtinSchema('defender');
  gc();
  const before = process.memoryUsage();
  let t0 = performance.now();
  const workspace = loadLocalWorkspace(dir, schema, { now: SAMPLE_NOW });
  const loadMs = performance.now() - t0;
  gc();
  const loaded = process.memoryUsage();
  console.log(
    `load: ${(loadMs / 1000).toFixed(2)} s; heap +${mb(loaded.heapUsed - before.heapUsed)} MB, rss ${mb(loaded.rss)} MB`,
  );

  const query = readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8');
  const times: number[] = [];
  let peakRss = 0;
  let rows = 0;
  for (let i = 0; i < 4; i++) {
    t0 = performance.now();
    const r = executeQuery(query, { workspace });
    times.push(performance.now() - t0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    rows = r.tables[0].rows.length;
  }
  console.log(
    `TightVNC query: first ${times[0].toFixed(0)} ms (includes parse, bind and engine warm-up), then ${times
      .slice(1)
      .map((t) => t.toFixed(0))
      .join(', ')} ms; ${rows} result rows; rss after ${mb(peakRss)} MB`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
