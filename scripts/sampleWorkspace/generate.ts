import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateSampleWorkspace, SAMPLE_NOW, type Row } from './sampleEvents';

/**
 * Writes the sample workspace's data files under samples/hunting-workspace/data/ and its
 * manifest. Run from the repository root after compiling: `node out/scripts/sampleWorkspace/generate.js`.
 * The output is deterministic, so regenerating gives byte-identical files.
 */
const root = path.resolve(__dirname, '../../..');
const workspaceDir = path.join(root, 'samples/hunting-workspace');
const dataDir = path.join(workspaceDir, 'data');
mkdirSync(dataDir, { recursive: true });

const tables = generateSampleWorkspace();
const ndjson = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const csv = (rows: Row[]) => {
  const header = Object.keys(rows[0]);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';
};

// Three formats on purpose, so the sample shows each one the loader reads.
writeFileSync(path.join(dataDir, 'DeviceNetworkEvents.ndjson'), ndjson(tables.DeviceNetworkEvents));
writeFileSync(path.join(dataDir, 'DeviceProcessEvents.ndjson'), ndjson(tables.DeviceProcessEvents));
writeFileSync(
  path.join(dataDir, 'DeviceFileCertificateInfo.json'),
  JSON.stringify(tables.DeviceFileCertificateInfo, null, 1) + '\n',
);
writeFileSync(path.join(dataDir, 'DeviceInfo.csv'), csv(tables.DeviceInfo));
writeFileSync(
  path.join(workspaceDir, 'workspace.json'),
  JSON.stringify(
    {
      name: 'hunting-workspace',
      environment: 'defender',
      now: SAMPLE_NOW,
      data: 'data',
    },
    null,
    2,
  ) + '\n',
);

for (const [name, rows] of Object.entries(tables)) console.log(`${name}: ${rows.length} rows`);
