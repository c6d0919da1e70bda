import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import {
  DocumentEnvironmentRequest,
  EnvironmentsChangedNotification,
} from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';

const RULE = `id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b
name: TightVNC
kind: Scheduled
query: |
  DeviceNetworkEvents
  | where RemoteUrl has "tightvnc"
`;

test('the document environment: for every file with KQL, none for files without, and a notice once new settings are taken in', async () => {
  const client = new LspTestClient();
  let environment = 'defender';
  client.connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map(() => ({ environment })),
  );
  let changes = 0;
  let changed: () => void = () => undefined;
  client.connection.onNotification(EnvironmentsChangedNotification, () => {
    changes++;
    changed();
  });
  try {
    await client.initialize({
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    });
    const files = {
      'file:///w/hunt.kql': ['kql', 'DeviceProcessEvents | take 1'],
      'file:///w/alias.csl': ['kusto', 'DeviceProcessEvents | take 1'],
      'file:///w/rule.yaml': ['yaml', RULE],
      'file:///w/notes.md': ['markdown', '# Hunt\n\n```kql\nDeviceProcessEvents\n```\n'],
      'file:///w/readme.md': ['markdown', '# Nothing to check here\n'],
      'file:///w/pinned.kql': ['kql', '// kql-environment: sentinel\nSigninLogs | take 1'],
    };
    for (const [uri, [languageId, text]] of Object.entries(files)) {
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: 1, text },
      });
      await published;
    }
    const ask = (uri: string) => client.connection.sendRequest(DocumentEnvironmentRequest, { uri });

    assert.deepEqual(await ask('file:///w/hunt.kql'), {
      environment: 'defender',
      displayName: 'Defender XDR',
      pinned: false,
      implied: false,
    });
    assert.equal((await ask('file:///w/alias.csl'))?.environment, 'defender');
    assert.deepEqual(await ask('file:///w/rule.yaml'), {
      environment: 'sentinel',
      displayName: 'Microsoft Sentinel',
      pinned: false,
      implied: true,
    });
    assert.equal((await ask('file:///w/notes.md'))?.environment, 'defender');
    assert.equal(await ask('file:///w/readme.md'), null);
    assert.deepEqual(await ask('file:///w/pinned.kql'), {
      environment: 'sentinel',
      displayName: 'Microsoft Sentinel',
      pinned: true,
      implied: false,
    });

    environment = 'sentinel';
    const notified = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no environmentsChanged notice within 10 s')), 10000);
      changed = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await notified;
    assert.equal(changes, 1);
    // Asked after the notice, the server answers from the new settings.
    assert.equal((await ask('file:///w/hunt.kql'))?.environment, 'sentinel');
    assert.equal((await ask('file:///w/notes.md'))?.displayName, 'Microsoft Sentinel');
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
});
