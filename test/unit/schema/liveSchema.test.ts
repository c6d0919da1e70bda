import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/languageService';
import { fromHuntingSchema, fromLogAnalyticsMetadata } from '../../../server/src/schema/liveSchema';
import { CatalogueSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { DiskLiveSchemaCache, LiveSchemaStore } from '../../../server/src/schemaFiles/liveSchemaStore';
import { FIXTURES } from '../../helpers/paths';
import { settings } from '../../helpers/languageService';

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'liveSchema', name), 'utf8'));

/** The errors of `text` in a document that runs on `workspace` (tenant-1 unless given). */
function errors(
  provider: CatalogueSchemaProvider,
  text: string,
  environment: 'defender' | 'sentinel',
  workspace = 'tenant-1',
): string[] {
  const s = settings({ environment });
  const service = getLanguageService({ schemas: provider, liveWorkspaceOf: () => workspace });
  const document = TextDocument.create('file:///q.kql', 'kql', 1, text);
  return service
    .getDiagnostics(service.analyze(document, s), s)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => String(d.message));
}

test('Log Analytics metadata: tables, columns, typed parameters and bodies; bad entries are warnings', () => {
  const { source, warnings } = fromLogAnalyticsMetadata(fixture('logAnalyticsMetadata.json'), 'live:ws');
  assert.equal(source.live, true);
  assert.deepEqual(
    source.tables.map((t) => t.name),
    ['Contoso_CL', 'SecurityEvent'],
  );
  assert.deepEqual(
    source.tables[0].columns.map((c) => `${c.name}:${c.type}`),
    ['TimeGenerated:datetime', 'RawData:string', 'Bytes_d:real', 'Odd:dynamic'],
  );
  assert.deepEqual(
    source.functions.map((f) => [
      f.name,
      f.parameters.map((p) => `${p.name}:${p.type}${p.defaultValue ? `=${p.defaultValue}` : ''}`),
    ]),
    [
      ['RecentHeartbeats', []],
      ['HeartbeatsOf', ['computer:string', 'lookback:timespan=1h']],
    ],
  );
  assert.deepEqual(warnings, [
    'Contoso_CL.Odd: unknown type "hologram", treated as dynamic.',
    'A table without a name was skipped.',
    'A function without a valid name or body was skipped (NoBody).',
  ]);
});

test('Graph getHuntingSchema: .NET type names, PascalCase keys, built-in and saved functions', () => {
  const { source, warnings } = fromHuntingSchema(fixture('graphHuntingSchema.json'), 'live:tenant');
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    source.tables.map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}`)]),
    [
      ['DeviceProcessEvents', ['Timestamp:datetime', 'DeviceId:string', 'BrandNewColumn:long']],
      ['ContosoDevices', ['DeviceId:string', 'IsManaged:bool', 'Tags:dynamic']],
    ],
  );
  const saved = source.functions.find((f) => f.name === 'MyCustomQuery')!;
  assert.deepEqual(saved.parameters, [{ name: 'lookback', type: 'timespan', defaultValue: '7d' }]);
  assert.equal(saved.description, 'Devices seen recently');
});

test('garbage payloads load nothing and say so', () => {
  assert.deepEqual(fromLogAnalyticsMetadata('nope', 'x').source.tables, []);
  assert.match(fromHuntingSchema(null, 'x').warnings[0], /not a JSON object/);
  assert.deepEqual(fromHuntingSchema({ tables: 5, functions: 'x' }, 'x').source, {
    id: 'x',
    live: true,
    tables: [],
    functions: [],
  });
});

test('a refreshed live schema becomes symbols, is cached on disk and restored on the next start', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-live-'));
  try {
    const provider = new CatalogueSchemaProvider();
    const store = new LiveSchemaStore(provider, new DiskLiveSchemaCache(dir));
    const q = 'DeviceProcessEvents | where Timestamp > ago(1d) | project BrandNewColumn';
    assert.equal(errors(provider, q, 'defender').length, 1);
    const warnings = await store.refresh('tenant-1', 'defender', 'graphHuntingSchema', async () =>
      fixture('graphHuntingSchema.json'),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors(provider, q, 'defender'), []);
    assert.deepEqual(errors(provider, 'MyCustomQuery(3d) | project DeviceName, LastSeen', 'defender'), []);
    // The live schema only changes its own environment.
    assert.equal(errors(provider, 'ContosoDevices | take 1', 'sentinel').length, 1);

    const restarted = new CatalogueSchemaProvider();
    assert.deepEqual(
      await new LiveSchemaStore(restarted, new DiskLiveSchemaCache(dir)).restore('tenant-1'),
      [],
    );
    assert.deepEqual(errors(restarted, q, 'defender'), []);
    assert.equal(
      await new LiveSchemaStore(restarted, new DiskLiveSchemaCache(dir)).restore('another-tenant'),
      undefined,
    );

    // A failed fetch keeps what was there.
    await assert.rejects(
      store.refresh('tenant-1', 'defender', 'graphHuntingSchema', async () => {
        throw new Error('offline');
      }),
      /offline/,
    );
    assert.deepEqual(errors(provider, q, 'defender'), []);
    // A document on another workspace does not see it.
    assert.equal(errors(provider, q, 'defender', 'tenant-2').length, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
