import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DiagnosticTag,
  FileChangeType,
  RegistrationRequest,
  ShowMessageNotification,
  WorkspaceFoldersRequest,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

/**
 * The editor's side of a baseline: with `kqlHunting.baseline.file`, the findings the file records
 * are dimmed (DiagnosticTag.Unnecessary) or left out, as `kqlHunting.baseline.display` says; the
 * server reads the file again when it changes on disk. The real server, over stdio.
 */
const QUERY =
  'DeviceProcessEvents | where Timestamp > ago(1d) | where NoSuchColumn == 1 | where Another == 2\n';

const baselineOf = (texts: string[]) =>
  JSON.stringify({
    kqlhuntBaseline: 1,
    entries: texts.map((text) => ({ file: 'hunts/q.kql', code: 'KS142', text, occurrence: 0 })),
  });

/** Each finding as `name:tagged`, by the column name its message quotes. */
const shown = (p: PublishDiagnosticsParams) =>
  p.diagnostics
    .map(
      (d) =>
        `${/'(\w+)'/.exec(String(d.message))?.[1]}:${d.tags?.includes(DiagnosticTag.Unnecessary) ? 'dim' : 'plain'}`,
    )
    .sort();

test('kql-language-server: findings in the baseline are dimmed or hidden, and the file is read again when it changes', async () => {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-baseline-')));
  fs.mkdirSync(path.join(folder, 'hunts'));
  const baselineFile = path.join(folder, 'kqlhunt-baseline.json');
  fs.writeFileSync(baselineFile, baselineOf(['NoSuchColumn']));
  const folderUri = pathToFileURL(folder).href;
  let display = 'dim';
  const client = new LspTestClient();
  const registrations: Registration[] = [];
  const messages: string[] = [];
  try {
    client.connection.onRequest(WorkspaceFoldersRequest.type, () => [{ uri: folderUri, name: 'ws' }]);
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ baseline: { file: 'kqlhunt-baseline.json', display } })),
    );
    client.connection.onRequest(RegistrationRequest.type, (params) => {
      registrations.push(...params.registrations);
    });
    client.connection.onNotification(ShowMessageNotification.method, (p: { message: string }) => {
      messages.push(p.message);
    });
    await client.initialize({
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
    });

    const uri = pathToFileURL(path.join(folder, 'hunts', 'q.kql')).href;
    const first = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: QUERY },
    });
    assert.deepEqual(shown(await first), ['Another:plain', 'NoSuchColumn:dim']);

    // The client is asked to watch the baseline file it was read from.
    const deadline = Date.now() + 15000;
    const watchesBaseline = () =>
      registrations.some(
        (r) =>
          r.method === DidChangeWatchedFilesNotification.method &&
          JSON.stringify(r.registerOptions).includes('"pattern":"kqlhunt-baseline.json"'),
      );
    while (!watchesBaseline()) {
      assert.ok(Date.now() < deadline, 'the baseline file was not watched');
      await new Promise((r) => setImmediate(r));
    }

    display = 'hide';
    const hidden = client.nextDiagnostics(uri, (p) => shown(p).join() === 'Another:plain');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await hidden;

    // Both findings accepted in the file on disk: once told, nothing is left to show.
    fs.writeFileSync(baselineFile, baselineOf(['NoSuchColumn', 'Another']));
    const none = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(baselineFile).href, type: FileChangeType.Changed }],
    });
    await none;

    // A broken file is not used (every finding shows again), and the user is told why.
    fs.writeFileSync(baselineFile, '{"kqlhuntBaseline": 1, "entries": [{"file": 3}]}');
    const all = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 2);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(baselineFile).href, type: FileChangeType.Changed }],
    });
    assert.deepEqual(shown(await all), ['Another:plain', 'NoSuchColumn:plain']);
    assert.ok(
      messages.some((m) => m.includes('kqlhunt-baseline.json is not used: entry 1 has no "file" string')),
      messages.join('\n'),
    );
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
