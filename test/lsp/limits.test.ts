import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { FIXTURES } from '../helpers/paths';

/**
 * Hostile documents must not freeze the server: each gets one clear error about the queries
 * left out (the rest of the document is still analysed), and an ordinary document opened right
 * after still gets its diagnostics and hovers (a server stuck on the hostile one would miss the
 * diagnostics wait's deadline; how fast it answers is not a test's business).
 */
const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');

const hostile: [string, () => string, string | undefined][] = [
  [
    'a 10 MB document',
    () => 'DeviceNetworkEvents | take 1\n\n'.repeat(Math.ceil(10e6 / 30)),
    'KQLH-LIMIT-QUERIES',
  ],
  [
    'a 50,000-line file',
    () => Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '' : `print x = ${i}`)).join('\n'),
    'KQLH-LIMIT-QUERIES',
  ],
  [
    'parentheses nested 5,000 deep',
    () => 'print x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000),
    'KQLH-LIMIT-NESTING',
  ],
  ['one 1 MB line', () => 'print x = "' + 'a'.repeat(1 << 20) + '"', 'KQLH-LIMIT-SIZE'],
  [
    'binary garbage',
    () => Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    'KQLH-LIMIT-BINARY',
  ],
  ['lone UTF-16 surrogates', () => 'print x = "\uD800 \uDC00" | where \uD83D', undefined],
];

for (const [name, make, code] of hostile) {
  test(`limits: ${name} is handled and the server stays responsive`, async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const uri = 'file:///limits/hostile.kql';
      const hostileDiagnostics = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'kql', version: 1, text: make() },
      });

      // An ordinary document opened afterwards is still served.
      const other = 'file:///limits/ordinary.kql';
      const otherDiagnostics = client.nextDiagnostics(other);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: other, languageId: 'kql', version: 1, text: TIGHTVNC },
      });
      await otherDiagnostics;
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: other },
        position: { line: 3, character: 5 },
      });
      assert.ok(hover, 'hover on the ordinary document answers');

      const published = await hostileDiagnostics;
      if (code) {
        const limits = published.diagnostics.filter((d) => String(d.code).startsWith('KQLH-LIMIT-'));
        assert.equal(limits.length, 1, JSON.stringify(published.diagnostics).slice(0, 500));
        assert.equal(limits[0].code, code);
        assert.equal(limits[0].severity, DiagnosticSeverity.Error);
        assert.match(String(limits[0].message), /not analysed/);
      } else {
        assert.ok(published.diagnostics.length > 0);
      }
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
}

/** A server given `settings` through workspace/configuration, as VS Code gives it the kqlHunting section. */
async function serverWith(settings: Record<string, unknown>): Promise<LspTestClient> {
  const client = new LspTestClient();
  client.connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'kqlHunting' ? settings : null)),
  );
  await client.initialize({ workspace: { configuration: true } });
  return client;
}

async function open(client: LspTestClient, uri: string, languageId: string, text: string) {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version: 1, text },
  });
  return (await published).diagnostics;
}

test('limits: settings cannot raise the limits past their maxima', async () => {
  const client = await serverWith({ limits: { maxDocumentSize: 1e9, maxQueries: 1e9 } });
  try {
    const text = `print x = "${'a'.repeat(2_000_000)}"`;
    const diagnostics = await open(client, 'file:///limits/raised.kql', 'kql', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['KQLH-LIMIT-SIZE', DiagnosticSeverity.Error]],
    );
    assert.match(
      String(diagnostics[0].message),
      /2,000,012 characters, more than kqlHunting\.limits\.maxDocumentSize \(2,000,000\)/,
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('limits: only KQL counts, and the rest of a document is still checked around a refused query', async () => {
  const client = await serverWith({});
  try {
    const rule = [
      'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
      'name: Remote access tool process started',
      'description: A remote access tool started on a device.',
      'severity: Severe',
      'requiredDataConnectors:',
      '  - connectorId: MicrosoftThreatProtection',
      '    dataTypes:',
      '      - DeviceProcessEvents',
      'queryFrequency: 1h',
      'queryPeriod: 1h',
      'triggerOperator: gt',
      'triggerThreshold: 0',
      'tactics:',
      '  - CommandAndControl',
      'query: |',
      '  DeviceProcessEvents',
      '  | where NoSuchColumn == 1',
      'kind: Scheduled',
      'version: 1.0.0',
      `# ${'('.repeat(201)}`,
      '',
    ].join('\n');
    const ruleCodes = (await open(client, 'file:///limits/rule.yaml', 'yaml', rule))
      .map((d) => d.code)
      .sort();
    assert.deepEqual(ruleCodes, ['KS142', 'rule-severity']);

    const kql = `print ${'('.repeat(201)}1${')'.repeat(201)}\n\nDeviceProcessEvents\n| where Timestamp > ago(1d)\n| where NoSuchColumn == 1\n`;
    const uri = 'file:///limits/mixed.kql';
    const diagnostics = await open(client, uri, 'kql', kql);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['KQLH-LIMIT-NESTING', 0],
        ['KS142', 4],
      ],
    );
    // The query after the refused one is served at its own positions.
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 3 },
    });
    assert.match(JSON.stringify(hover?.contents ?? ''), /DeviceProcessEvents/);
    assert.equal(
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 100 },
      }),
      null,
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
